import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { grantConsent } from "@/lib/consent/grant-consent";
import { eraseSharedData } from "@/lib/privacy/erase-shared-data";
import { getSharedData } from "@/lib/privacy/get-shared-data";
import { createUser } from "@/tests/support/factories";
import { createRecording } from "@/tests/support/recordings";

async function recordedUser() {
  const user = await createUser();
  const grant = await grantConsent({ userId: user.id, policyVersion: 1, source: "SETTINGS" });
  const sessions = [
    await createRecording({ userId: user.id, consentRecordId: grant.id, startedAt: new Date(Date.now() - 3600_000) }),
    await createRecording({ userId: user.id, consentRecordId: grant.id, pages: ["/messages"] }),
  ];
  return { user, grant, sessions };
}

const rowsOf = async (userId: string) => ({
  sessions: await db.recordingSession.count({ where: { userId } }),
  chunks: await db.recordingChunk.count({ where: { session: { userId } } }),
  events: await db.sessionEvent.count({ where: { session: { userId } } }),
  keys: await db.userDataKey.count({ where: { userId } }),
});

describe("eraseSharedData", () => {
  it("leaves no recording rows and no data key for the user, and touches nobody else", async () => {
    const { user, sessions } = await recordedUser();
    const other = await recordedUser();
    await db.replayView.create({ data: { sessionId: sessions[0].id, recordedUserId: user.id, viewerId: "staff", viewerName: "Sam Support", reason: "Ticket 42" } });
    const otherBefore = await rowsOf(other.user.id);

    const result = await eraseSharedData({ userId: user.id, actorId: user.id });

    expect(result).toEqual({ sessions: 2, chunks: 4, events: 5, keyDestroyed: true });
    expect(await rowsOf(user.id)).toEqual({ sessions: 0, chunks: 0, events: 0, keys: 0 });
    expect(await rowsOf(other.user.id)).toEqual(otherBefore);
    // Proof is kept: the ledger and who viewed the (now deleted) session.
    expect(await db.consentRecord.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.replayView.count({ where: { recordedUserId: user.id } })).toBe(1);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "data.erased", targetId: user.id } });
    expect(audit).toMatchObject({ actorId: user.id, detail: { sessions: 2, chunks: 4, events: 5, keyDestroyed: true } });
  });

  it("is harmless when there is nothing to erase", async () => {
    const user = await createUser();
    expect(await eraseSharedData({ userId: user.id, actorId: null })).toEqual({ sessions: 0, chunks: 0, events: 0, keyDestroyed: false });
  });
});

describe("getSharedData (the privacy page)", () => {
  it("lists only the user's own sessions with pages, deletion date and who viewed them", async () => {
    const { user, sessions } = await recordedUser();
    const other = await recordedUser();
    await db.replayView.create({ data: { sessionId: sessions[1].id, recordedUserId: user.id, viewerId: "s1", viewerName: "Sam Support", reason: "Checkout bug" } });
    await db.replayView.create({ data: { sessionId: "deleted-session", recordedUserId: user.id, viewerId: "s2", viewerName: "Ada Admin", reason: "Audit" } });
    await db.replayView.create({ data: { sessionId: other.sessions[0].id, recordedUserId: other.user.id, viewerId: "s1", viewerName: "Sam Support", reason: "x" } });

    const data = await getSharedData({ userId: user.id });

    expect(data.sessionCount).toBe(2);
    expect(data.sessions.map((session) => session.id)).toEqual([sessions[1].id, sessions[0].id]); // newest first
    expect(data.sessions[0]).toMatchObject({ pages: ["/messages"], durationMs: 95_000, views: [{ viewerName: "Sam Support", reason: "Checkout bug" }] });
    expect(data.sessions[1]).toMatchObject({ pages: ["/", "/programs"], views: [] });
    expect(data.sessions[1].expiresAt.getTime()).toBeGreaterThan(Date.now());
    expect(data.otherViews).toEqual([expect.objectContaining({ sessionId: "deleted-session", viewerName: "Ada Admin" })]);
    expect(data.ledger).toEqual([expect.objectContaining({ granted: true, policyVersion: 1, source: "SETTINGS" })]);
    expect(data.consent).toMatchObject({ granted: true });
  });
});
