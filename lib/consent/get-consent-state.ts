import "server-only";
import { db } from "@/lib/db";
import { consentAt, type ConsentAnswer } from "./derive-state";

export type ConsentState = ConsentAnswer & {
  /** The policy the user would agree to now (shown in the dialog). */
  policy: { version: number; sha256: string; content: unknown; publishedAt: Date };
  /** When the latest ledger entry was written, for "last changed" on the settings page. */
  changedAt: Date | null;
};

/**
 * The user's consent as the server sees it at `at` (default: now). This is the source of truth; browsers mirror it.
 * Ingest calls it for every upload.
 */
export async function getConsentState({ userId, at = new Date() }: { userId: string; at?: Date }): Promise<ConsentState> {
  const [entries, policies] = await Promise.all([
    db.consentRecord.findMany({
      where: { userId },
      orderBy: { at: "asc" },
      select: { id: true, granted: true, policyVersion: true, at: true },
    }),
    db.consentPolicy.findMany({ orderBy: { version: "asc" } }),
  ]);
  const current = policies.at(-1);
  if (!current) throw new Error("No consent policy is published. Run the database setup (npm run db:setup).");
  const answer = consentAt(entries, policies, at);
  return { ...answer, policy: current, changedAt: entries.at(-1)?.at ?? null };
}
