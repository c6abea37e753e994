import type { z } from "zod";
import { fieldErrorsFromZod, type FieldErrors } from "@/lib/errors";

/** What a server action returns to `useActionState`: field errors to show next to the inputs, or success. */
export type FormState = { ok: boolean; message?: string; fields?: FieldErrors; values?: Record<string, string> };

export const initialFormState: FormState = { ok: false };

/** Reads a FormData into a plain object of strings (files are not used by any form here). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$")) values[key] = value;
  return values;
}

export function parseForm<Schema extends z.ZodType>(
  schema: Schema,
  formData: FormData,
): { ok: true; data: z.infer<Schema> } | { ok: false; state: FormState } {
  const values = formValues(formData);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, state: { ok: false, message: "Please correct the highlighted fields.", fields: fieldErrorsFromZod(result.error), values } };
}
