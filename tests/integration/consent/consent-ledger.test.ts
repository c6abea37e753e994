import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getConsentState } from "@/lib/consent/get-consent-state";
import { grantConsent } from "@/lib/consent/grant-consent";
import { isSessionConsentCurrent } from "@/lib/consent/is-session-consent-current";
import { revokeConsent } from "@/lib/consent/revoke-consent";
import { setConsent } from "@/lib/consent/set-consent";
import { createUser } from "@/tests/support/factories";
import { createRecording } from "@/tests/support/recordings";

const pause = () => new Promise((resolve) => setTimeout(resolve, 25));
const between = (a: Date, b: Date) => new Date((a.getTime() + b.getTime()) / 2);
const UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0";

describe("consent ledger on a real database", () => {
  it("answers a grant / revoke / grant sequence correctly for a moment in each window", async () => {
    const user = await createUser();
    const before = new Date();
    await pause();
    const first = await grantConsent({ userId: user.id, policyVersion: 1, source: "SETTINGS", userAgent: UA });
    await pause();
    const revoked = await revokeConsent({ userId: user.id, source: "SETTINGS", userAgent: UA });
    await pause();
    const second = await grantConsent({ userId: user.id, policyVersion: 1, source: "PROMPT", userAgent: UA });
    await pause();
    if (!revoked) throw new Error("expected a revocation row");

    const at = async (moment: Date) => getConsentState({ userId: user.id, at: moment });
    expect(await at(before)).toMatchObject({ granted: false, reason: "never-decided", record: null });
    expect(await at(between(first.at, revoked.at))).toMatchObject({ granted: true, record: { id: first.id } });
    expect(await at(revoked.at)).toMatchObject({ granted: false, reason: "revoked", record: { id: revoked.id } });
    expect(await at(between(revoked.at, second.at))).toMatchObject({ granted: false, reason: "revoked" });
    expect(await at(new Date())).toMatchObject({ granted: true, record: { id: second.id } });

    const ledger = await db.consentRecord.findMany({ where: { userId: user.id }, orderBy: { at: "asc" } });
    expect(ledger.map((row) => [row.granted, row.source, row.policyVersion])).toEqual([
      [true, "SETTINGS", 1],
      [false, "SETTINGS", 1],
      [true, "PROMPT", 1],
    ]);
    const policy = await db.consentPolicy.findUniqueOrThrow({ where: { version: 1 } });
    expect(ledger.every((row) => row.policySha256 === policy.sha256 && row.userAgent === UA)).toBe(true);
  });

  it("appends no duplicate row for a repeated grant or a revoke while already off", async () => {
    const user = await createUser();
    expect(await revokeConsent({ userId: user.id, source: "SETTINGS" })).toBeNull();
    const one = await grantConsent({ userId: user.id, policyVersion: 1, source: "SETTINGS" });
    const again = await grantConsent({ userId: user.id, policyVersion: 1, source: "SETTINGS" });
    expect(again.id).toBe(one.id);
    await revokeConsent({ userId: user.id, source: "SETTINGS" });
    await revokeConsent({ userId: user.id, source: "SETTINGS" });
    expect(await db.consentRecord.count({ where: { userId: user.id } })).toBe(2);
  });

  it("two tabs confirming at the same moment still append exactly one grant", async () => {
    const user = await createUser();
    await Promise.all([
      grantConsent({ userId: user.id, policyVersion: 1, source: "SETTINGS" }),
      grantConsent({ userId: user.id, policyVersion: 1, source: "SETTINGS" }),
    ]);
    expect(await db.consentRecord.count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses a grant to a policy version that is not current, writing nothing", async () => {
    const user = await createUser();
    await expect(grantConsent({ userId: user.id, policyVersion: 7, source: "SETTINGS" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.consentRecord.count({ where: { userId: user.id } })).toBe(0);
  });

  it("writes the revocation and ends open recordings in one transaction, at the same instant", async () => {
    const user = await createUser();
    const grant = await grantConsent({ userId: user.id, policyVersion: 1, source: "SETTINGS" });
    const session = await createRecording({ userId: user.id, consentRecordId: grant.id });
    expect(await isSessionConsentCurrent({ userId: user.id, consentRecordId: grant.id })).toBe(true);

    const revocation = await revokeConsent({ userId: user.id, source: "SETTINGS" });
    const ended = await db.recordingSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(ended.endedAt?.getTime()).toBe(revocation?.at.getTime());
    expect(await isSessionConsentCurrent({ userId: user.id, consentRecordId: grant.id })).toBe(false);

    // A new grant does not revive the old session: it needs a new one.
    const regrant = await grantConsent({ userId: user.id, policyVersion: 1, source: "SETTINGS" });
    expect(await isSessionConsentCurrent({ userId: user.id, consentRecordId: grant.id })).toBe(false);
    expect(await isSessionConsentCurrent({ userId: user.id, consentRecordId: regrant.id })).toBe(true);
  });

  it("setConsent returns the new state, and an opt-out with alsoDelete erases the recordings", async () => {
    const user = await createUser();
    const on = await setConsent({ userId: user.id, granted: true, policyVersion: 1, source: "SETTINGS", userAgent: UA });
    expect(on).toMatchObject({ granted: true, reason: null, decidedPolicyVersion: 1, policy: { version: 1 } });
    expect(on.policy.content.notCollected.length).toBeGreaterThan(0);
    const grant = await db.consentRecord.findFirstOrThrow({ where: { userId: user.id } });
    await createRecording({ userId: user.id, consentRecordId: grant.id });

    const offKeep = await setConsent({ userId: user.id, granted: false, policyVersion: 1, source: "SETTINGS", alsoDelete: false });
    expect(offKeep).toMatchObject({ granted: false, reason: "revoked" });
    expect(await db.recordingSession.count({ where: { userId: user.id } })).toBe(1);

    await setConsent({ userId: user.id, granted: true, policyVersion: 1, source: "SETTINGS" });
    const off = await setConsent({ userId: user.id, granted: false, policyVersion: 1, source: "SETTINGS", alsoDelete: true });
    expect(off).toMatchObject({ granted: false, reason: "revoked" });
    expect(await db.recordingSession.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.userDataKey.count({ where: { userId: user.id } })).toBe(0);
    // The ledger itself is proof and survives erasure.
    expect(await db.consentRecord.count({ where: { userId: user.id } })).toBe(4);
  });
});
