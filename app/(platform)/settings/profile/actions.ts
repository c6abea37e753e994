"use server";

import { refresh } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { parseForm, type FormState } from "@/lib/forms";
import { profileSchema } from "@/lib/users/schemas";
import { updateProfile } from "@/lib/users/update-profile";

export async function updateProfileAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = parseForm(profileSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    const saved = await updateProfile({ userId: user.id, input: parsed.data });
    // The shell shows the name too: re-render the page and its layout with the saved values.
    refresh();
    return { ok: true, message: "Profile saved.", values: { name: saved.name, email: saved.email } };
  } catch (error) {
    if (error instanceof AppError && error.fields) return { ok: false, message: error.message, fields: error.fields, values: parsed.data };
    throw error;
  }
}
