import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { isUniqueViolation } from "@/lib/db/errors";
import type { signUpSchema } from "./schemas";

export const EMAIL_TAKEN = "An account with this email already exists.";

/** Creates a member account. Sign-up never grants consent: a new account shares nothing until it opts in. */
export async function signUp({ name, email, password }: z.infer<typeof signUpSchema>) {
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw new AppError("CONFLICT", EMAIL_TAKEN, { fields: { email: [EMAIL_TAKEN] } });
  try {
    return await db.user.create({
      data: { name, email, passwordHash: await hashPassword(password), role: "MEMBER" },
      select: { id: true, email: true },
    });
  } catch (error) {
    // Two sign-ups with one email at the same moment: the unique index decides.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", EMAIL_TAKEN, { fields: { email: [EMAIL_TAKEN] } });
    throw error;
  }
}
