import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getConsentState } from "@/lib/consent/get-consent-state";
import { grantConsent } from "@/lib/consent/grant-consent";
import { DEFAULT_POLICY_CONTENT, policySha256 } from "@/lib/consent/policy-content";
import { publishPolicy } from "@/lib/consent/publish-policy";
import { setConsent } from "@/lib/consent/set-consent";
import { createUser } from "@/tests/support/factories";

// One file, one database: these tests run in order and each publishes on top of the previous one.
describe("publishing a new policy version", () => {
  it("refuses invalid content and the current text, writing nothing", async () => {
    await expect(publishPolicy({ content: { summary: "" }, actorId: null })).rejects.toMatchObject({ name: "ZodError" });
    await expect(publishPolicy({ content: { ...DEFAULT_POLICY_CONTENT, retentionDays: 365 }, actorId: null })).rejects.toBeDefined();
    await expect(publishPolicy({ content: DEFAULT_POLICY_CONTENT, actorId: null })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.consentPolicy.count()).toBe(1);
    expect(await db.auditLog.count({ where: { action: "policy.published" } })).toBe(0);
  });

  it("creates version max+1 with its sha256 and an audit row, and lapses older consent until confirmed", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const member = await createUser();
    const oldGrant = await grantConsent({ userId: member.id, policyVersion: 1, source: "SETTINGS" });
    expect((await getConsentState({ userId: member.id })).granted).toBe(true);

    const content = { ...DEFAULT_POLICY_CONTENT, collected: [...DEFAULT_POLICY_CONTENT.collected, "Which features you use"] };
    const published = await publishPolicy({ content, actorId: admin.id });
    expect(published).toMatchObject({ version: 2, sha256: policySha256(content) });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "policy.published" } });
    expect(audit).toMatchObject({ actorId: admin.id, targetId: "2", detail: { version: 2, sha256: published.sha256 } });

    // "the policy changed — review and confirm": not consenting, still under the old record.
    const lapsed = await getConsentState({ userId: member.id, at: new Date(Date.now() + 1000) });
    expect(lapsed).toMatchObject({ granted: false, reason: "policy-changed", record: { id: oldGrant.id }, policy: { version: 2 } });
    // ...but the old grant still answers for the moments before the new version existed.
    expect(await getConsentState({ userId: member.id, at: new Date(published.publishedAt.getTime() - 1) })).toMatchObject({ granted: true });

    // Confirming the old text again is refused; confirming the new one restores consent, recorded under v2's hash.
    await expect(setConsent({ userId: member.id, granted: true, policyVersion: 1, source: "SETTINGS" })).rejects.toMatchObject({ code: "CONFLICT" });
    const view = await setConsent({ userId: member.id, granted: true, policyVersion: 2, source: "PROMPT" });
    expect(view).toMatchObject({ granted: true, decidedPolicyVersion: 2, policy: { version: 2, sha256: published.sha256 } });
    const latest = await db.consentRecord.findFirstOrThrow({ where: { userId: member.id }, orderBy: { at: "desc" } });
    expect(latest).toMatchObject({ granted: true, policyVersion: 2, policySha256: published.sha256, source: "PROMPT" });
  });

  it("numbers versions consecutively", async () => {
    const next = await publishPolicy({ content: { ...DEFAULT_POLICY_CONTENT, summary: "Third text" }, actorId: null });
    expect(next.version).toBe(3);
  });
});
