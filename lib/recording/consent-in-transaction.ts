import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ConsentAnswer } from "@/lib/consent/derive-state";
import { readCurrentConsents } from "@/lib/consent/read-current-consents";

/**
 * Users' consent now, read through the caller's transaction after it has locked their user rows — the lock that
 * grant and revoke take — so no decision can commit between this check and the caller's writes. Rows are locked in
 * id order, so two batches that share users cannot deadlock. (A query outside the open transaction is not an
 * option: on PGlite it would wait for the transaction forever.)
 */
export async function consentsInTransaction({ tx, userIds }: { tx: Prisma.TransactionClient; userIds: string[] }): Promise<Map<string, ConsentAnswer>> {
  const ids = [...new Set(userIds)].sort();
  await tx.$queryRaw`SELECT id FROM "User" WHERE id IN (${Prisma.join(ids)}) ORDER BY id FOR SHARE`;
  return readCurrentConsents({ userIds: ids, client: tx });
}

/** One user's consent now (see consentsInTransaction). */
export async function consentInTransaction({ tx, userId }: { tx: Prisma.TransactionClient; userId: string }): Promise<ConsentAnswer> {
  const answer = (await consentsInTransaction({ tx, userIds: [userId] })).get(userId);
  if (!answer) throw new Error("consentsInTransaction answered for every user it was asked about");
  return answer;
}
