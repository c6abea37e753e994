import { describe, expect, it } from "vitest";
import { formatDuration } from "@/components/consent/format";
import { consentDecisionSchema } from "@/lib/consent/schemas";
import { describeUserAgent } from "@/lib/consent/describe-user-agent";
import { hasGpcSignal } from "@/lib/consent/gpc";
import { DEFAULT_POLICY_CONTENT, policyContentSchema, policySha256 } from "@/lib/consent/policy-content";

describe("policy content", () => {
  it("the default policy states the promises of the help centre", () => {
    const content = policyContentSchema.parse(DEFAULT_POLICY_CONTENT);
    expect(content.notCollected.join(" ")).toMatch(/Messages to other users/);
    expect(content.notCollected.join(" ")).toMatch(/passwords/);
    expect(content.notCollected.join(" ")).toMatch(/other websites and platforms/);
    expect(content.retentionDays).toBe(90);
  });

  it("refuses a retention above the 90 days users were promised", () => {
    expect(policyContentSchema.safeParse({ ...DEFAULT_POLICY_CONTENT, retentionDays: 91 }).success).toBe(false);
  });

  it("hashes the text canonically: same text, same hash whatever the key order; any edit changes it", () => {
    const reordered = {
      retentionDays: DEFAULT_POLICY_CONTENT.retentionDays,
      notCollected: DEFAULT_POLICY_CONTENT.notCollected,
      collected: DEFAULT_POLICY_CONTENT.collected,
      summary: DEFAULT_POLICY_CONTENT.summary,
    };
    expect(policySha256(reordered)).toBe(policySha256(DEFAULT_POLICY_CONTENT));
    expect(policySha256(DEFAULT_POLICY_CONTENT)).toMatch(/^[0-9a-f]{64}$/);
    expect(policySha256({ ...DEFAULT_POLICY_CONTENT, collected: [...DEFAULT_POLICY_CONTENT.collected, "More"] })).not.toBe(
      policySha256(DEFAULT_POLICY_CONTENT),
    );
  });
});

describe("consentDecisionSchema", () => {
  it("accepts a user's decision and defaults alsoDelete to false", () => {
    expect(consentDecisionSchema.parse({ granted: true, policyVersion: 1, source: "SETTINGS" })).toEqual({
      granted: true,
      policyVersion: 1,
      source: "SETTINGS",
      alsoDelete: false,
    });
  });

  it("refuses ADMIN as a source from the browser, and malformed versions", () => {
    expect(consentDecisionSchema.safeParse({ granted: true, policyVersion: 1, source: "ADMIN" }).success).toBe(false);
    expect(consentDecisionSchema.safeParse({ granted: true, policyVersion: 0, source: "PROMPT" }).success).toBe(false);
    expect(consentDecisionSchema.safeParse({ granted: "yes", policyVersion: 1, source: "PROMPT" }).success).toBe(false);
  });
});

describe("hasGpcSignal", () => {
  it("is true only for Sec-GPC: 1", () => {
    expect(hasGpcSignal(new Headers({ "Sec-GPC": "1" }))).toBe(true);
    expect(hasGpcSignal(new Headers({ "Sec-GPC": "0" }))).toBe(false);
    expect(hasGpcSignal(new Headers())).toBe(false);
  });
});

describe("describeUserAgent", () => {
  it.each([
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36", "Chrome on Windows"],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0", "Edge on Windows"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", "Safari on macOS"],
    ["Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox on Linux"],
    ["Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari on iOS"],
    [null, "Unknown browser"],
    ["curl/8.5.0", "Other browser"],
  ])("%s → %s", (userAgent, expected) => {
    expect(describeUserAgent(userAgent)).toBe(expected);
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0 s"],
    [42_400, "42 s"],
    [252_000, "4 min 12 s"],
    [3_900_000, "1 h 5 min"],
  ])("%i ms → %s", (ms, expected) => expect(formatDuration(ms)).toBe(expected));
});
