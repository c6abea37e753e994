import "server-only";
import { db } from "@/lib/db";

/** The program as its owner edits it; null for anyone else, so the edit page 404s without saying the program exists. */
export async function getEditableProgram({ id, ownerId }: { id: string; ownerId: string }) {
  return db.program.findFirst({
    where: { id, ownerId },
    select: {
      id: true,
      name: true,
      description: true,
      websiteUrl: true,
      commissionType: true,
      commissionValue: true,
      cookieDays: true,
      status: true,
    },
  });
}
