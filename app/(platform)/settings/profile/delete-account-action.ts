"use server";

import { cookies } from "next/headers";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { parseForm, type FormState } from "@/lib/forms";
import { deleteAccount } from "@/lib/privacy/delete-account";
import { deleteAccountSchema, isDeleteConfirmation } from "@/lib/privacy/delete-confirmation";

// "Delete my account" (components/account/delete-account.tsx): only ever the signed-in user's own account.
export async function deleteAccountAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = parseForm(deleteAccountSchema, formData);
  if (!parsed.ok) return parsed.state;
  if (!isDeleteConfirmation({ typed: parsed.data.confirmation, email: user.email })) {
    return { ok: false, fields: { confirmation: ["Type your email address or DELETE to confirm."] } };
  }
  try {
    await deleteAccount({ userId: user.id, actorId: user.id });
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
  // The tombstone already voids the session (getCurrentUser ignores deleted users); dropping the cookie ends it here too.
  const store = await cookies();
  for (const cookie of store.getAll()) {
    if (cookie.name.includes("next-auth.session-token")) store.delete({ name: cookie.name, path: "/", secure: cookie.name.startsWith("__Secure-") });
  }
  return { ok: true };
}
