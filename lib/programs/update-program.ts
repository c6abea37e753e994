import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ProgramInput } from "./schemas";

/** Saves the owner's changes. The owner is part of the `where`: anyone else gets the same 404 as a missing program. */
export async function updateProgram({ id, ownerId, input }: { id: string; ownerId: string; input: ProgramInput }) {
  const { count } = await db.program.updateMany({ where: { id, ownerId }, data: input });
  if (count === 0) throw new AppError("NOT_FOUND", "Program not found.");
  return { id };
}
