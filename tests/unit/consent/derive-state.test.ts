import { describe, expect, it } from "vitest";
import { consentAt, policyInForceAt, type LedgerEntry, type PolicyVersion } from "@/lib/consent/derive-state";

const t = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));
const v1: PolicyVersion = { version: 1, publishedAt: t(0) };
const entry = (id: string, granted: boolean, minute: number, policyVersion = 1): LedgerEntry => ({ id, granted, policyVersion, at: t(minute) });

describe("consentAt: the enforcement windows of a grant / revoke / grant sequence", () => {
  // on at :10, off at :20, on again at :30
  const ledger = [entry("a", true, 10), entry("b", false, 20), entry("c", true, 30)];

  it.each([
    [5, false, "never-decided", null],
    [10, true, undefined, "a"], // the grant's own instant counts as consented
    [15, true, undefined, "a"],
    [20, false, "revoked", "b"], // from the revocation's instant on, nothing may be stored
    [25, false, "revoked", "b"],
    [30, true, undefined, "c"],
    [59, true, undefined, "c"],
  ])("at minute %i granted=%s (%s) under record %s", (minute, granted, reason, recordId) => {
    const answer = consentAt(ledger, [v1], t(minute));
    expect(answer.granted).toBe(granted);
    if (!answer.granted) expect(answer.reason).toBe(reason);
    expect(answer.record?.id ?? null).toBe(recordId);
  });

  it("does not depend on the order the ledger is given in", () => {
    const shuffled = [ledger[2], ledger[0], ledger[1]];
    expect(consentAt(shuffled, [v1], t(25))).toMatchObject({ granted: false, reason: "revoked" });
    expect(consentAt(shuffled, [v1], t(35))).toMatchObject({ granted: true, record: { id: "c" } });
  });

  it("breaks a tie between two entries at the same instant by id, deterministically", () => {
    const tie = [entry("x1", true, 10), entry("x2", false, 10)];
    expect(consentAt(tie, [v1], t(11))).toMatchObject({ granted: false, record: { id: "x2" } });
    expect(consentAt([...tie].reverse(), [v1], t(11))).toMatchObject({ granted: false, record: { id: "x2" } });
  });

  it("treats an empty ledger as never decided, whatever the time", () => {
    expect(consentAt([], [v1], t(59))).toEqual({ granted: false, record: null, reason: "never-decided" });
  });
});

describe("consentAt: a new policy version requires confirming again", () => {
  const v2: PolicyVersion = { version: 2, publishedAt: t(40) };
  const grantedV1 = [entry("a", true, 10, 1)];

  it("keeps a v1 grant valid before v2 is published, and lapses it from v2's publication on", () => {
    expect(consentAt(grantedV1, [v1, v2], t(39))).toMatchObject({ granted: true, record: { id: "a" } });
    expect(consentAt(grantedV1, [v1, v2], t(40))).toMatchObject({ granted: false, reason: "policy-changed", record: { id: "a" } });
    expect(consentAt(grantedV1, [v1, v2], t(50))).toMatchObject({ granted: false, reason: "policy-changed" });
  });

  it("is consenting again once the user confirms v2", () => {
    const ledger = [...grantedV1, entry("b", true, 45, 2)];
    expect(consentAt(ledger, [v1, v2], t(42))).toMatchObject({ granted: false, reason: "policy-changed" });
    expect(consentAt(ledger, [v1, v2], t(45))).toMatchObject({ granted: true, record: { id: "b" } });
  });

  it("reports a revocation as revoked, not as a policy change", () => {
    const ledger = [...grantedV1, entry("b", false, 20, 1)];
    expect(consentAt(ledger, [v1, v2], t(50))).toMatchObject({ granted: false, reason: "revoked" });
  });
});

describe("policyInForceAt", () => {
  const v2: PolicyVersion = { version: 2, publishedAt: t(40) };

  it("is the newest version published at or before the instant", () => {
    expect(policyInForceAt([v2, v1], t(39))?.version).toBe(1);
    expect(policyInForceAt([v2, v1], t(40))?.version).toBe(2);
    expect(policyInForceAt([v1, v2], t(0))?.version).toBe(1);
  });

  it("is null before any policy existed", () => {
    expect(policyInForceAt([v1], new Date(Date.UTC(2025, 0, 1)))).toBeNull();
  });
});
