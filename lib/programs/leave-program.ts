import "server-only";
import { db } from "@/lib/db";

/** Ends the user's partnership; leaving a program one is not part of changes nothing. */
export async function leaveProgram({ programId, userId }: { programId: string; userId: string }) {
  await db.programMember.deleteMany({ where: { programId, userId } });
}
