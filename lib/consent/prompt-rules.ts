import type { ConsentAnswer } from "./derive-state";

/** A dismissed prompt stays away this long. */
export const PROMPT_SNOOZE_MS = 30 * 24 * 60 * 60 * 1000;

export type PromptReason = "never-decided" | "policy-changed";

/**
 * Whether to ask the user after sign-in, and why. Asked: people who never decided, and people whose consent lapsed
 * because the policy text changed (they chose to share once; they should see the new text). Never asked: people who
 * turned sharing off (their "no" stands), people who dismissed the prompt in the last 30 days, and browsers sending
 * Global Privacy Control.
 */
export function promptReason({
  answer,
  dismissedAt,
  gpc,
  now,
}: {
  answer: ConsentAnswer;
  dismissedAt: Date | null;
  gpc: boolean;
  now: Date;
}): PromptReason | null {
  if (gpc || answer.granted) return null;
  if (answer.reason === "revoked") return null;
  if (dismissedAt && now.getTime() - dismissedAt.getTime() < PROMPT_SNOOZE_MS) return null;
  return answer.reason;
}
