import { describe, expect, it } from "vitest";
import { backgroundWritesSettled } from "@/lib/db/background-writes";
import { db } from "@/lib/db";
import { grantConsent } from "@/lib/consent/grant-consent";
import { revokeConsent } from "@/lib/consent/revoke-consent";
import { ingestChunk } from "@/lib/recording/ingest-chunk";
import { startRecordingSession } from "@/lib/recording/start-recording-session";
import { readSessionChunks } from "@/lib/replay/read-session-events";
import { createUser } from "@/tests/support/factories";
import { custom, device, fullSnapshot, meta } from "@/tests/support/rrweb-fixtures";

/**
 * Chunks uploaded at the same moment are written in one transaction (lib/recording/write-chunks, group commit).
 * Batching must change nothing a single upload would see: each chunk gets its own answer, a refusal stays with its
 * own chunk, and counters, index rows and usage facts add up exactly.
 */
async function recordingUser() {
  const user = await createUser();
  await grantConsent({ userId: user.id, policyVersion: 1, source: "SETTINGS" });
  const started = await startRecordingSession({ userId: user.id, entryPath: "/" });
  return { userId: user.id, sessionId: started.sessionId, t: started.serverTime + 10 };
}

const clicks = (t: number, seq: number) => ({
  seq,
  clockOffsetMs: 0,
  events: [
    ...(seq === 0 ? [meta(t), fullSnapshot(t + 1), custom(t + 2, "candor/session", device), custom(t + 3, "candor/page", { path: "/", title: "Home" }), custom(t + 4, "candor/page-leave", { path: "/", durationMs: 1000 }), custom(t + 5, "candor/page", { path: "/programs", title: "Programs" })] : []),
    custom(t + 10 + seq, "candor/click", { page: "/programs", target: `button#b${seq}` }),
  ],
});

const outcome = (promise: Promise<{ duplicate: boolean }>) => promise.then((result) => (result.duplicate ? "duplicate" : "stored"), (error: { code?: string }) => error.code);

describe("batched ingest (group commit)", () => {
  it("stores many sessions' concurrent chunks exactly once each, with exact summaries and usage facts", async () => {
    const users = await Promise.all(Array.from({ length: 6 }, recordingUser));
    const usageBefore = await db.usageEvent.count({ where: { kind: "PAGE" } });
    const results = await Promise.all(users.flatMap(({ userId, sessionId, t }) => [0, 1, 2, 3].map((seq) => ingestChunk({ userId, sessionId, payload: clicks(t, seq) }))));
    expect(results.every((result) => !result.duplicate && result.stored)).toBe(true);

    for (const { sessionId } of users) {
      const session = await db.recordingSession.findUniqueOrThrow({ where: { id: sessionId } });
      expect(session).toMatchObject({ chunkCount: 4, clickCount: 4, pageCount: 2, browser: "Chrome", viewport: "1280x720", entryPath: "/" });
      const stored: number[] = [];
      for await (const chunk of readSessionChunks({ sessionId })) stored.push(chunk.seq);
      expect(stored).toEqual([0, 1, 2, 3]);
      expect(await db.sessionEvent.count({ where: { sessionId, kind: "CLICK" } })).toBe(4);
    }
    // Each user left one page: one anonymous page view each reached insights.
    await backgroundWritesSettled(); // written just after the uploads were answered
    expect((await db.usageEvent.count({ where: { kind: "PAGE" } })) - usageBefore).toBe(6);
  });

  it("keeps each refusal with its own chunk: revoked, not yours, duplicate copies — the rest are stored", async () => {
    const [kept, revoked, owner] = await Promise.all([recordingUser(), recordingUser(), recordingUser()]);
    // Warm each session's start (so all uploads below reach the write batch together), then revoke one user.
    await Promise.all([kept, revoked, owner].map(({ userId, sessionId, t }) => ingestChunk({ userId, sessionId, payload: clicks(t, 0) })));
    await revokeConsent({ userId: revoked.userId, source: "SETTINGS" });

    const answers = await Promise.all([
      outcome(ingestChunk({ userId: kept.userId, sessionId: kept.sessionId, payload: clicks(kept.t, 1) })),
      outcome(ingestChunk({ userId: kept.userId, sessionId: kept.sessionId, payload: clicks(kept.t, 1) })),
      outcome(ingestChunk({ userId: kept.userId, sessionId: kept.sessionId, payload: clicks(kept.t, 0) })),
      outcome(ingestChunk({ userId: revoked.userId, sessionId: revoked.sessionId, payload: clicks(revoked.t, 1) })),
      outcome(ingestChunk({ userId: kept.userId, sessionId: owner.sessionId, payload: clicks(owner.t, 1) })),
      outcome(ingestChunk({ userId: owner.userId, sessionId: owner.sessionId, payload: clicks(owner.t, 1) })),
    ]);
    // Two copies of one new chunk: exactly one is stored, whichever was prepared first.
    expect(answers.slice(0, 2).sort()).toEqual(["duplicate", "stored"]);
    expect(answers.slice(2)).toEqual(["duplicate", "CONSENT_REVOKED", "NOT_FOUND", "stored"]);
    expect(await db.recordingChunk.count({ where: { sessionId: kept.sessionId } })).toBe(2);
    expect(await db.recordingChunk.count({ where: { sessionId: revoked.sessionId } })).toBe(1);
    expect(await db.recordingChunk.count({ where: { sessionId: owner.sessionId } })).toBe(2);
    expect(await db.recordingSession.findUniqueOrThrow({ where: { id: kept.sessionId } })).toMatchObject({ chunkCount: 2, clickCount: 2 });
  });

  it("an opt-out racing a batch of uploads: every chunk is stored or refused as answered, and none is taken after it", async () => {
    const { userId, sessionId, t } = await recordingUser();
    await ingestChunk({ userId, sessionId, payload: clicks(t, 0) }); // the session's start is known: uploads go straight to the batch
    const uploads = Array.from({ length: 20 }, (_, i) => outcome(ingestChunk({ userId, sessionId, payload: clicks(t, i + 1) })));
    await revokeConsent({ userId, source: "SETTINGS" });
    const answers = await Promise.all(uploads);
    expect(answers.every((answer) => answer === "stored" || answer === "CONSENT_REVOKED")).toBe(true);
    const storedSeqs = (await db.recordingChunk.findMany({ where: { sessionId }, select: { seq: true } })).map((chunk) => chunk.seq).sort((a, b) => a - b);
    const answeredStored = answers.flatMap((answer, i) => (answer === "stored" ? [i + 1] : []));
    expect(storedSeqs).toEqual([0, ...answeredStored]);
    expect(await outcome(ingestChunk({ userId, sessionId, payload: clicks(t, 99) }))).toBe("CONSENT_REVOKED");
  });
});
