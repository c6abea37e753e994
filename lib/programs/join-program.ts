import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/errors";

/**
 * Makes the user a partner of an active program. Owners do not join their own program, and a paused program takes
 * no new partners. Joining twice is not an error: the user is a partner either way.
 */
export async function joinProgram({ programId, userId }: { programId: string; userId: string }) {
  const program = await db.program.findUnique({ where: { id: programId }, select: { ownerId: true, status: true } });
  if (!program) throw new AppError("NOT_FOUND", "Program not found.");
  if (program.ownerId === userId) throw new AppError("CONFLICT", "You own this program, so you cannot join it as a partner.");
  if (program.status !== "ACTIVE") throw new AppError("CONFLICT", "This program is paused and is not taking new partners.");
  try {
    await db.programMember.create({ data: { programId, userId } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
}
