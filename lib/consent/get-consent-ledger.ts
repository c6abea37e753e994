import "server-only";
import { db } from "@/lib/db";

/**
 * The user's own consent history, oldest first, with the exact policy texts they decided on — what the privacy page
 * lists and what the JSON download contains. Only the user's rows: the ownership is in the `where`.
 */
export async function getConsentLedger({ userId }: { userId: string }) {
  const records = await db.consentRecord.findMany({
    where: { userId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { id: true, granted: true, policyVersion: true, policySha256: true, source: true, userAgent: true, at: true },
  });
  const versions = [...new Set(records.map((record) => record.policyVersion))];
  const policies = await db.consentPolicy.findMany({
    where: { version: { in: versions } },
    orderBy: { version: "asc" },
    select: { version: true, sha256: true, publishedAt: true, content: true },
  });
  return { records, policies };
}
