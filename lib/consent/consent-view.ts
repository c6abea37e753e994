import type { ConsentState } from "./get-consent-state";
import { policyContentSchema, type PolicyContent } from "./policy-content";

/**
 * The consent state as the browser sees it (settings switch, prompt, indicator): plain JSON, dates as ISO strings,
 * the policy text validated. Built on the server from `getConsentState`; never trusted back from the browser.
 */
export type ConsentView = {
  granted: boolean;
  /** Why sharing is off; null while it is on. */
  reason: "never-decided" | "revoked" | "policy-changed" | null;
  /** When the latest ledger entry was written ("last changed"). */
  changedAt: string | null;
  /** The policy version of the user's latest decision, if any. */
  decidedPolicyVersion: number | null;
  /** The policy in force now: what the confirmation dialog shows and what a grant agrees to. */
  policy: { version: number; sha256: string; publishedAt: string; content: PolicyContent };
};

export function toConsentView(state: ConsentState): ConsentView {
  return {
    granted: state.granted,
    reason: state.granted ? null : state.reason,
    changedAt: state.changedAt?.toISOString() ?? null,
    decidedPolicyVersion: state.record?.policyVersion ?? null,
    policy: {
      version: state.policy.version,
      sha256: state.policy.sha256,
      publishedAt: state.policy.publishedAt.toISOString(),
      // Validate what we hand out: the stored JSON is shaped by whoever published the policy.
      content: policyContentSchema.parse(state.policy.content),
    },
  };
}
