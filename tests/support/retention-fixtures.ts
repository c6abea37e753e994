import { db } from "@/lib/db";

const DAY_MS = 24 * 60 * 60 * 1000;

export const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/** A consent grant to the current policy, which a recording session must point at. */
export async function grantFor(userId: string) {
  const policy = await db.consentPolicy.findFirstOrThrow({ orderBy: { version: "desc" } });
  return db.consentRecord.create({ data: { userId, granted: true, policyVersion: policy.version, policySha256: policy.sha256, source: "SETTINGS" } });
}

/**
 * A recording session that started at `startedAt`, with `chunks` chunks and `events` indexed events, and the
 * `expiresAt` ingest would have stamped (90 days) unless given.
 */
export async function createRecordedSession({
  userId,
  startedAt,
  expiresAt = new Date(startedAt.getTime() + 90 * DAY_MS),
  chunks = 2,
  events = 3,
}: {
  userId: string;
  startedAt: Date;
  expiresAt?: Date;
  chunks?: number;
  events?: number;
}) {
  const consent = await grantFor(userId);
  const session = await db.recordingSession.create({
    data: { userId, consentRecordId: consent.id, startedAt, lastEventAt: startedAt, expiresAt, chunkCount: chunks },
    select: { id: true },
  });
  // One insert per chunk: a nested create becomes a createMany, which the PGlite adapter cannot bind bytea in.
  for (let seq = 0; seq < chunks; seq++) {
    await db.recordingChunk.create({
      data: { sessionId: session.id, seq, firstTs: startedAt, lastTs: startedAt, eventCount: 1, rawBytes: 4, storedBytes: 4, data: new Uint8Array([1, 2, 3, 4]) },
    });
  }
  await db.sessionEvent.createMany({
    data: Array.from({ length: events }, (_, seq) => ({ sessionId: session.id, seq, ts: startedAt, kind: "CLICK" as const, path: "/programs", summary: {} })),
  });
  return session;
}
