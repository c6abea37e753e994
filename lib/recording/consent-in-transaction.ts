import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { consentAt, type ConsentAnswer } from "@/lib/consent/derive-state";

/**
 * The user's consent now, read through the caller's transaction after it has locked the user row — the lock that
 * grant and revoke take — so no decision can commit between this check and the caller's writes. Same rule as
 * `getConsentState` (lib/consent/derive-state), which cannot be used here: on PGlite a query outside the open
 * transaction would wait for it forever.
 */
export async function consentInTransaction({ tx, userId }: { tx: Prisma.TransactionClient; userId: string }): Promise<ConsentAnswer> {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR SHARE`;
  const [entries, policies] = await Promise.all([
    tx.consentRecord.findMany({ where: { userId }, orderBy: { at: "asc" }, select: { id: true, granted: true, policyVersion: true, at: true } }),
    tx.consentPolicy.findMany({ select: { version: true, publishedAt: true } }),
  ]);
  return consentAt(entries, policies, new Date());
}
