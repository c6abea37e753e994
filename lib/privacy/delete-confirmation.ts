import { z } from "zod";

/** The word that confirms "Delete my account", as an alternative to typing the account's email. */
export const DELETE_CONFIRMATION_WORD = "DELETE";

export const deleteAccountSchema = z.object({ confirmation: z.string().trim().min(1, "Type your email address or DELETE to confirm.").max(320) });

/** Shared by the dialog (to enable its button) and the server action (which decides). */
export function isDeleteConfirmation({ typed, email }: { typed: string; email: string }) {
  const value = typed.trim();
  return value === DELETE_CONFIRMATION_WORD || value.toLowerCase() === email.toLowerCase();
}
