import "server-only";
import { platformName } from "@/lib/config/platform";
import { getConsentLedger } from "./get-consent-ledger";

/**
 * The user's consent ledger as a self-contained JSON document: every decision with the policy version and sha256 it
 * was made under, plus the full text of those policy versions, so the user can check the hashes themselves.
 */
export async function exportConsentLedger({ userId, email, now = new Date() }: { userId: string; email: string; now?: Date }) {
  const { records, policies } = await getConsentLedger({ userId });
  return {
    kind: "candor.consent-ledger",
    platform: platformName(),
    exportedAt: now.toISOString(),
    user: { id: userId, email },
    records: records.map((record) => ({
      id: record.id,
      at: record.at.toISOString(),
      decision: record.granted ? "granted" : "revoked",
      policyVersion: record.policyVersion,
      policySha256: record.policySha256,
      source: record.source.toLowerCase(),
      userAgent: record.userAgent,
    })),
    policies: policies.map((policy) => ({
      version: policy.version,
      sha256: policy.sha256,
      publishedAt: policy.publishedAt.toISOString(),
      content: policy.content,
    })),
  };
}
