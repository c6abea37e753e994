import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/errors";
import type { profileSchema } from "./schemas";
import { EMAIL_TAKEN } from "./sign-up";

/** Changes the user's own name and email; an email that belongs to another account is a field error. */
export async function updateProfile({ userId, input }: { userId: string; input: z.infer<typeof profileSchema> }) {
  const { name, email } = input;
  const holder = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (holder && holder.id !== userId) throw new AppError("CONFLICT", EMAIL_TAKEN, { fields: { email: [EMAIL_TAKEN] } });
  try {
    return await db.user.update({ where: { id: userId }, data: { name, email }, select: { id: true, name: true, email: true } });
  } catch (error) {
    // Another account took the email between the check and the write: the unique index decides.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", EMAIL_TAKEN, { fields: { email: [EMAIL_TAKEN] } });
    throw error;
  }
}
