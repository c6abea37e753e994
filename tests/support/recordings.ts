import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";

/**
 * Stores a recording for `userId` directly (as ingest would leave it): a data key, a session bound to the given
 * consent record, two chunks and three indexed events. For tests of the read and erase sides, not of ingest.
 */
export async function createRecording({ userId, consentRecordId, startedAt = new Date(), pages = ["/", "/programs"] }: { userId: string; consentRecordId: string; startedAt?: Date; pages?: string[] }) {
  // create, not upsert: the PGlite adapter cannot bind bytea in the upsert's statement.
  const hasKey = await db.userDataKey.findUnique({ where: { userId }, select: { userId: true } });
  if (!hasKey) await db.userDataKey.create({ data: { userId, wrappedKey: new Uint8Array(randomBytes(60)) } });
  const session = await db.recordingSession.create({
    data: {
      userId,
      consentRecordId,
      startedAt,
      lastEventAt: new Date(startedAt.getTime() + 95_000),
      durationMs: 95_000,
      pageCount: pages.length,
      entryPath: pages[0] ?? "",
      expiresAt: new Date(startedAt.getTime() + 90 * 24 * 3600 * 1000),
    },
  });
  for (const seq of [0, 1]) {
    await db.recordingChunk.create({
      data: { sessionId: session.id, seq, firstTs: startedAt, lastTs: startedAt, eventCount: 10, rawBytes: 100, storedBytes: 50, data: new Uint8Array(randomBytes(50)) },
    });
  }
  await db.sessionEvent.createMany({
    data: [
      ...pages.map((path, index) => ({ sessionId: session.id, seq: index, ts: new Date(startedAt.getTime() + index * 1000), kind: "PAGE" as const, path, summary: {} })),
      { sessionId: session.id, seq: 9, ts: startedAt, kind: "CLICK" as const, path: pages[0] ?? "/", summary: { target: "button" } },
    ],
  });
  return session;
}
