"use server";

import { AppError } from "@/lib/errors";
import { parseForm, type FormState } from "@/lib/forms";
import { signUpSchema } from "@/lib/users/schemas";
import { signUp } from "@/lib/users/sign-up";

export async function signUpAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const parsed = parseForm(signUpSchema, formData);
  if (!parsed.ok) return { ...parsed.state, values: { ...parsed.state.values, password: "" } };
  try {
    await signUp(parsed.data);
    return { ok: true };
  } catch (error) {
    if (error instanceof AppError && error.fields) {
      return { ok: false, message: error.message, fields: error.fields, values: { name: parsed.data.name, email: parsed.data.email } };
    }
    throw error;
  }
}
