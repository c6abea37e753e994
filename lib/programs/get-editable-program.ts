import "server-only";
import { db } from "@/lib/db";
import { programFieldsSelect } from "./program-fields";

/** The program as its owner edits it; null for anyone else, so the edit page 404s without saying the program exists. */
export async function getEditableProgram({ id, ownerId }: { id: string; ownerId: string }) {
  return db.program.findFirst({
    where: { id, ownerId },
    select: programFieldsSelect,
  });
}
