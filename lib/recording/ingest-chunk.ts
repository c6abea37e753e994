import "server-only";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { indexChunkEvents } from "./index-events";
import { EVENT_TYPE } from "./event-format";
import { INGEST_LIMITS, type ChunkAck, type ChunkPayload, type RrwebEvent } from "./protocol";
import { scrubEvents } from "./scrub-events";
import { writeChunk, type WrittenChunk } from "./write-chunks";

const gzipAsync = promisify(gzip);

export type IngestResult = ChunkAck & WrittenChunk;

/**
 * Appends one chunk to a user's recording session. Order of refusal — and nothing is stored on any of them:
 * 404 not their session · 400 invalid custom payloads · 403 CONSENT_REVOKED when the session's consent record is no
 * longer the user's current grant (the binding rule) or the session was ended by an opt-out.
 *
 * Idempotent on (session, seq): a retry of a stored chunk is acknowledged as a duplicate and stores nothing; chunks
 * may arrive in any order. Events are moved to server time (`clockOffsetMs`); events dated before the session start
 * or in the future are dropped. The chunk is scrubbed, indexed into SessionEvent rows and gzipped here, outside any
 * transaction; lib/recording/write-chunks then encrypts it with the user's data key and writes chunk, index rows and
 * session summary in one transaction, shared with the chunks other requests are writing at the same moment.
 */
export async function ingestChunk({ userId, sessionId, payload }: { userId: string; sessionId: string; payload: ChunkPayload }): Promise<IngestResult> {
  const startedAt = await sessionStart({ userId, sessionId });
  const kept = scrubEvents(inWindow(payload, startedAt));
  const index = indexChunkEvents(kept);
  const json = Buffer.from(JSON.stringify(kept), "utf8");
  const times = kept.map((event) => event.timestamp);
  const written = await writeChunk({
    userId,
    sessionId,
    seq: payload.seq,
    compressed: kept.length ? await gzipAsync(json) : null,
    rawBytes: json.length,
    eventCount: kept.length,
    hasFullSnapshot: kept.some((event) => event.type === EVENT_TYPE.FullSnapshot),
    firstTs: new Date(kept.length ? Math.min(...times) : startedAt.getTime()),
    lastTs: new Date(kept.length ? Math.max(...times) : startedAt.getTime()),
    index,
  });
  return { seq: payload.seq, consent: { granted: true }, ...written };
}

/**
 * When the user's session started (it sets the accepted time window), remembered per process: a session's owner and
 * start never change, and the recorder sends a chunk every few seconds. A session deleted since is still refused —
 * the write transaction locks and checks it.
 */
const sessionStarts = new Map<string, { userId: string; startedAt: Date }>();
const REMEMBERED_SESSIONS = 20_000;

async function sessionStart({ userId, sessionId }: { userId: string; sessionId: string }): Promise<Date> {
  let known = sessionStarts.get(sessionId);
  if (!known) {
    const session = await db.recordingSession.findUnique({ where: { id: sessionId }, select: { userId: true, startedAt: true } });
    if (!session) throw new AppError("NOT_FOUND", "No such recording session.");
    known = session;
    // Oldest first out (a Map iterates in insertion order): a bounded memory, whatever the number of sessions.
    if (sessionStarts.size >= REMEMBERED_SESSIONS) sessionStarts.delete(sessionStarts.keys().next().value as string);
    sessionStarts.set(sessionId, known);
  }
  if (known.userId !== userId) throw new AppError("NOT_FOUND", "No such recording session.");
  return known.startedAt;
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
