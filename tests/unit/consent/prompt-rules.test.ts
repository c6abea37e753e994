import { describe, expect, it } from "vitest";
import type { ConsentAnswer } from "@/lib/consent/derive-state";
import { PROMPT_SNOOZE_MS, promptReason } from "@/lib/consent/prompt-rules";

const now = new Date(Date.UTC(2026, 5, 1));
const record = { id: "r", granted: true, policyVersion: 1, at: new Date(Date.UTC(2026, 0, 1)) };
const neverDecided: ConsentAnswer = { granted: false, record: null, reason: "never-decided" };

describe("promptReason", () => {
  it("asks someone who never decided", () => {
    expect(promptReason({ answer: neverDecided, dismissedAt: null, gpc: false, now })).toBe("never-decided");
  });

  it("never asks under Global Privacy Control", () => {
    expect(promptReason({ answer: neverDecided, dismissedAt: null, gpc: true, now })).toBeNull();
    expect(promptReason({ answer: { granted: false, record, reason: "policy-changed" }, dismissedAt: null, gpc: true, now })).toBeNull();
  });

  it("stays away for 30 days after a dismissal, then asks again", () => {
    const justInside = new Date(now.getTime() - PROMPT_SNOOZE_MS + 1000);
    const justOutside = new Date(now.getTime() - PROMPT_SNOOZE_MS - 1000);
    expect(PROMPT_SNOOZE_MS).toBe(30 * 24 * 3600 * 1000);
    expect(promptReason({ answer: neverDecided, dismissedAt: justInside, gpc: false, now })).toBeNull();
    expect(promptReason({ answer: neverDecided, dismissedAt: justOutside, gpc: false, now })).toBe("never-decided");
  });

  it("does not ask someone who is sharing, or who turned sharing off", () => {
    expect(promptReason({ answer: { granted: true, record }, dismissedAt: null, gpc: false, now })).toBeNull();
    expect(promptReason({ answer: { granted: false, record: { ...record, granted: false }, reason: "revoked" }, dismissedAt: null, gpc: false, now })).toBeNull();
  });

  it("asks someone whose agreed policy was replaced, to review the new text", () => {
    expect(promptReason({ answer: { granted: false, record, reason: "policy-changed" }, dismissedAt: null, gpc: false, now })).toBe("policy-changed");
  });
});
