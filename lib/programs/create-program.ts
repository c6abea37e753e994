import "server-only";
import { db } from "@/lib/db";
import { recordKeyEvent } from "@/lib/insights/record-key-event";
import type { ProgramInput } from "./schemas";

/** Creates a program owned by the signed-in user. */
export async function createProgram({ ownerId, input }: { ownerId: string; input: ProgramInput }) {
  const program = await db.program.create({ data: { ...input, ownerId }, select: { id: true } });
  // Anonymous insights key event; recorded only if the owner shares usage information right now, and never fails the create.
  await recordKeyEvent({ userId: ownerId, name: "program_created" });
  return program;
}
