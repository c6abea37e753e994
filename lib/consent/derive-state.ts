/**
 * Pure rules that turn the append-only ledger into answers. Everything the server enforces about consent goes
 * through here, so these rules are unit-tested on their own.
 */
export type LedgerEntry = { id: string; granted: boolean; policyVersion: number; at: Date };
export type PolicyVersion = { version: number; publishedAt: Date };

/** The policy version in force at `at`: the newest published at or before it. */
export function policyInForceAt(policies: PolicyVersion[], at: Date): PolicyVersion | null {
  let current: PolicyVersion | null = null;
  for (const policy of policies) {
    if (policy.publishedAt <= at && (!current || policy.version > current.version)) current = policy;
  }
  return current;
}

export type ConsentAnswer =
  | { granted: true; record: LedgerEntry }
  | { granted: false; record: LedgerEntry | null; reason: "never-decided" | "revoked" | "policy-changed" };

/**
 * Did the user consent at `at`? Yes only if their latest ledger entry at or before `at` is a grant, and it was given
 * to the policy version in force at `at` — a newer policy version means "not consenting until confirmed again".
 */
export function consentAt(entries: LedgerEntry[], policies: PolicyVersion[], at: Date): ConsentAnswer {
  let latest: LedgerEntry | null = null;
  for (const entry of entries) {
    if (entry.at <= at && (!latest || entry.at > latest.at || (entry.at.getTime() === latest.at.getTime() && entry.id > latest.id))) latest = entry;
  }
  if (!latest) return { granted: false, record: null, reason: "never-decided" };
  if (!latest.granted) return { granted: false, record: latest, reason: "revoked" };
  const inForce = policyInForceAt(policies, at);
  if (inForce && inForce.version !== latest.policyVersion) return { granted: false, record: latest, reason: "policy-changed" };
  return { granted: true, record: latest };
}
