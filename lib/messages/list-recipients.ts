import "server-only";
import { db } from "@/lib/db";

/**
 * Who a new conversation can be started with: the platform's members other than the user. Only names go to the
 * browser; emails stay private. Deleted accounts (tombstones named "Deleted user") are nobody to write to.
 */
export async function listRecipients({ userId }: { userId: string }) {
  return db.user.findMany({
    where: { role: "MEMBER", id: { not: userId }, deletedAt: null },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}
