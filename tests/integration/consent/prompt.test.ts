import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { dismissConsentPrompt } from "@/lib/consent/dismiss-consent-prompt";
import { getConsentShell } from "@/lib/consent/get-consent-shell";
import { grantConsent } from "@/lib/consent/grant-consent";
import { revokeConsent } from "@/lib/consent/revoke-consent";
import { createUser } from "@/tests/support/factories";

const DAY = 24 * 3600 * 1000;

describe("the usage-sharing prompt", () => {
  it("is shown to a user who never decided, and not under Global Privacy Control", async () => {
    const user = await createUser();
    expect(await getConsentShell({ userId: user.id, gpc: false })).toMatchObject({ prompt: "never-decided", view: { granted: false } });
    expect((await getConsentShell({ userId: user.id, gpc: true })).prompt).toBeNull();
  });

  it("after 'Not now' records no consent and stays away for 30 days", async () => {
    const user = await createUser();
    const now = new Date();
    await dismissConsentPrompt({ userId: user.id, at: now });
    expect(await db.consentRecord.count({ where: { userId: user.id } })).toBe(0);
    expect((await getConsentShell({ userId: user.id, gpc: false, now: new Date(now.getTime() + 29 * DAY) })).prompt).toBeNull();
    expect((await getConsentShell({ userId: user.id, gpc: false, now: new Date(now.getTime() + 31 * DAY) })).prompt).toBe("never-decided");
  });

  it("is not shown once the user decided either way; the indicator follows the decision", async () => {
    const user = await createUser();
    await grantConsent({ userId: user.id, policyVersion: 1, source: "PROMPT" });
    expect(await getConsentShell({ userId: user.id, gpc: false })).toMatchObject({ prompt: null, view: { granted: true } });
    await revokeConsent({ userId: user.id, source: "SETTINGS" });
    expect(await getConsentShell({ userId: user.id, gpc: false })).toMatchObject({ prompt: null, view: { granted: false, reason: "revoked" } });
  });
});
