import "server-only";
import { db as defaultDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { consentAt, type ConsentAnswer, type LedgerEntry } from "./derive-state";

type Client = Pick<Prisma.TransactionClient, "$queryRaw" | "consentPolicy">;

/**
 * The consent of many users at `now`, in two queries whatever their number: each user's latest ledger entry and the
 * published policies, judged by the same rule as everywhere else (`consentAt`). Ingest checks a whole batch of
 * uploads with it; pass a transaction client that has locked the users' rows to make the answer hold until commit.
 */
export async function readCurrentConsents({ userIds, client = defaultDb, now = new Date() }: { userIds: string[]; client?: Client; now?: Date }): Promise<Map<string, ConsentAnswer>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return new Map();
  // The latest entry decides (ties on `at` broken by id, as consentAt does).
  const latest = await client.$queryRaw<(LedgerEntry & { userId: string })[]>`
    SELECT DISTINCT ON ("userId") "userId", id, granted, "policyVersion", at
    FROM "ConsentRecord" WHERE "userId" IN (${Prisma.join(unique)}) AND at <= ${now}
    ORDER BY "userId", at DESC, id DESC`;
  const policies = await client.consentPolicy.findMany({ select: { version: true, publishedAt: true } });
  const latestByUser = new Map(latest.map((row) => [row.userId, row]));
  return new Map(
    unique.map((userId) => {
      const entry = latestByUser.get(userId);
      return [userId, consentAt(entry ? [{ id: entry.id, granted: entry.granted, policyVersion: entry.policyVersion, at: entry.at }] : [], policies, now)];
    }),
  );
}
