import "server-only";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { seal } from "@/lib/crypto/aes-gcm";
import { getUserDataKey } from "@/lib/crypto/get-user-data-key";
import { isUniqueViolation } from "@/lib/db/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { consentInTransaction } from "./consent-in-transaction";
import { indexChunkEvents, type ChunkIndex } from "./index-events";
import { EVENT_TYPE, INGEST_LIMITS, type ChunkAck, type ChunkPayload, type RrwebEvent } from "./protocol";
import { scrubEvents } from "./scrub-events";
import { chunkAad } from "./chunk-aad";
import { recordUsageEvents } from "@/lib/insights/record-usage-events";

const gzipAsync = promisify(gzip);

export type IngestResult = ChunkAck & {
  /** What was stored, for the caller to pass on (usage facts for insights); null for duplicates and empty chunks. */
  stored: { index: ChunkIndex; device: { browser: string; os: string; deviceType: string } } | null;
};

/**
 * Appends one chunk to a user's recording session. Order of refusal — and nothing is stored on any of them:
 * 404 not their session · 400 invalid custom payloads · 403 CONSENT_REVOKED when the session's consent record is no
 * longer the user's current grant (the binding rule) or the session was ended by an opt-out.
 *
 * Idempotent on (session, seq): a retry of a stored chunk is acknowledged as a duplicate and stores nothing; chunks
 * may arrive in any order. Events are moved to server time (`clockOffsetMs`); events dated before the session start
 * or in the future are dropped. The chunk is scrubbed, indexed into SessionEvent rows, gzipped and encrypted with
 * the user's data key; chunk, index rows and session summary are written in one transaction.
 */
export async function ingestChunk({ userId, sessionId, payload }: { userId: string; sessionId: string; payload: ChunkPayload }): Promise<IngestResult> {
  const session = await db.recordingSession.findFirst({ where: { id: sessionId, userId }, select: { startedAt: true } });
  if (!session) throw new AppError("NOT_FOUND", "No such recording session.");

  const events = inWindow(payload, session.startedAt);
  const kept = scrubEvents(events);
  const index = indexChunkEvents(kept);
  const ack: IngestResult = { seq: payload.seq, duplicate: false, consent: { granted: true }, stored: null };

  const json = Buffer.from(JSON.stringify(kept), "utf8");
  const compressed = kept.length ? await gzipAsync(json) : null;

  let result: IngestResult;
  try {
    result = await db.$transaction(
      async (tx) => {
        const consent = await consentInTransaction({ tx, userId });
        const [locked] = await tx.$queryRaw<{ endedAt: Date | null; consentRecordId: string; lastEventAt: Date; browser: string; os: string; deviceType: string }[]>`
          SELECT "endedAt", "consentRecordId", "lastEventAt", "browser", "os", "deviceType" FROM "RecordingSession" WHERE id = ${sessionId} FOR UPDATE`;
        if (!locked) throw new AppError("NOT_FOUND", "No such recording session.");
        if (!consent.granted || consent.record.id !== locked.consentRecordId || locked.endedAt) {
          throw new AppError("CONSENT_REVOKED", "Usage sharing was turned off for this session; nothing more is recorded.");
        }
        const existing = await tx.recordingChunk.findUnique({ where: { sessionId_seq: { sessionId, seq: payload.seq } }, select: { id: true } });
        if (existing) return { ...ack, duplicate: true };
        if (!compressed) return ack;

        const key = await getUserDataKey({ userId, create: true, client: tx });
        if (!key) throw new Error("The user's data key could not be created.");
        const data = seal({ key, plaintext: compressed, aad: chunkAad(sessionId, payload.seq) });
        const times = kept.map((event) => event.timestamp);
        const firstTs = new Date(Math.min(...times));
        const lastTs = new Date(Math.max(...times));

        await tx.recordingChunk.create({
          data: {
            sessionId,
            seq: payload.seq,
            firstTs,
            lastTs,
            eventCount: kept.length,
            hasFullSnapshot: kept.some((event) => event.type === EVENT_TYPE.FullSnapshot),
            rawBytes: json.length,
            storedBytes: data.length,
            data: new Uint8Array(data),
          },
        });
        if (index.rows.length) {
          await tx.sessionEvent.createMany({
            data: index.rows.map((row) => ({ sessionId, seq: payload.seq, ts: row.ts, kind: row.kind, path: row.path, summary: row.summary as Prisma.InputJsonObject })),
          });
        }
        for (const leave of index.pageLeaves) {
          // Time on page arrives when the page is left; it completes the page view it belongs to (best effort when
          // that chunk has not arrived yet — the console can still derive it from the next page view).
          const view = await tx.sessionEvent.findFirst({
            where: { sessionId, kind: "PAGE", path: leave.path, ts: { lte: leave.ts } },
            orderBy: { ts: "desc" },
            select: { id: true, summary: true },
          });
          if (view) {
            await tx.sessionEvent.update({ where: { id: view.id }, data: { summary: { ...(view.summary as Prisma.JsonObject), durationMs: leave.durationMs } } });
          }
        }

        const lastEventAt = lastTs > locked.lastEventAt ? lastTs : locked.lastEventAt;
        const device = index.device && !locked.browser ? index.device : null;
        const updated = await tx.recordingSession.update({
          where: { id: sessionId },
          data: {
            lastEventAt,
            durationMs: Math.max(0, Math.min(2_147_483_647, lastEventAt.getTime() - session.startedAt.getTime())),
            chunkCount: { increment: 1 },
            pageCount: { increment: index.counts.pages },
            clickCount: { increment: index.counts.clicks },
            errorCount: { increment: index.counts.errors },
            rageClickCount: { increment: index.counts.rageClicks },
            deadClickCount: { increment: index.counts.deadClicks },
            ...(device
              ? {
                  browser: device.browser,
                  os: device.os,
                  deviceType: device.deviceType,
                  screen: `${device.screen.w}x${device.screen.h}@${device.pixelRatio}x`,
                  viewport: `${device.viewport.w}x${device.viewport.h}`,
                  locale: device.locale,
                  timeZone: device.timeZone,
                  entryPath: device.path,
                }
              : {}),
          },
          select: { browser: true, os: true, deviceType: true },
        });
        return { ...ack, stored: { index, device: updated } };
      },
      { timeout: 20_000, maxWait: 10_000 },
    );
  } catch (error) {
    // Two copies of one chunk racing: the loser hits the unique (sessionId, seq) and is a duplicate, not an error.
    if (isUniqueViolation(error)) return { ...ack, duplicate: true };
    throw error;
  }
  if (result.stored?.index.usage.length) await shareUsage(userId, result.stored);
  return result;
}

/** Hands the chunk's anonymous usage facts to insights, after the chunk is safely stored: a failure there loses no recording. */
async function shareUsage(userId: string, stored: NonNullable<IngestResult["stored"]>) {
  const device = stored.device.browser ? stored.device : undefined;
  try {
    await recordUsageEvents({ userId, events: stored.index.usage.map((fact) => ({ ...fact, device })) });
  } catch (error) {
    console.error("[candor] usage events not recorded:", error instanceof Error ? error.name : "unknown error");
  }
}

/** Shifts events to server time and drops the ones dated outside [session start − skew, now + skew]. */
function inWindow(payload: ChunkPayload, startedAt: Date): RrwebEvent[] {
  const earliest = startedAt.getTime() - INGEST_LIMITS.startSkewMs;
  const latest = Date.now() + INGEST_LIMITS.futureSkewMs;
  const kept: RrwebEvent[] = [];
  for (const event of payload.events) {
    const timestamp = Math.round(event.timestamp + payload.clockOffsetMs);
    if (timestamp >= earliest && timestamp <= latest) kept.push({ ...event, timestamp });
  }
  return kept;
}
