import "server-only";
import { db } from "@/lib/db";
import { AppError, isDatabaseUnavailable } from "@/lib/errors";
import { seal } from "@/lib/crypto/aes-gcm";
import { getUserDataKeys } from "@/lib/crypto/get-user-data-key";
import { runInBackground } from "@/lib/db/background-writes";
import { groupCommit, type Outcome } from "@/lib/db/group-commit";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordUsageEvents } from "@/lib/insights/record-usage-events";
import { consentsInTransaction } from "./consent-in-transaction";
import { chunkAad } from "./chunk-aad";
import type { ChunkIndex } from "./index-events";

/** A chunk ready to store: scrubbed, indexed and gzipped by ingestChunk, not yet encrypted. */
export type PreparedChunk = {
  userId: string;
  sessionId: string;
  seq: number;
  /** gzip of the kept events' JSON; null when no event was kept (nothing to store, the chunk is just acknowledged). */
  compressed: Buffer | null;
  rawBytes: number;
  eventCount: number;
  hasFullSnapshot: boolean;
  firstTs: Date;
  lastTs: Date;
  index: ChunkIndex;
};

type Device = { browser: string; os: string; deviceType: string };
export type WrittenChunk = { duplicate: boolean; stored: { index: ChunkIndex; device: Device } | null };

/**
 * Stores one chunk, together with the chunks other requests are storing at the same moment: one transaction per
 * batch (group commit), so a busy server pays a handful of round trips per batch instead of a dozen per chunk.
 * Resolves once the chunk's transaction has committed; rejects with the chunk's own refusal (404, 403
 * CONSENT_REVOKED) or with the batch's database error (503 when the database is down).
 */
export const writeChunk = groupCommit<PreparedChunk, WrittenChunk>({
  flush: writeChunks,
  // Large enough to absorb hundreds of concurrent sessions; small enough that one statement stays well under
  // PostgreSQL's 65,535 bind parameters and a batch's locks are held for milliseconds.
  maxBatch: 200,
  // PGlite has one connection: its transactions run one at a time anyway.
  maxConcurrent: 4,
});

async function writeChunks(chunks: PreparedChunk[]): Promise<Outcome<WrittenChunk>[]> {
  let outcomes: Outcome<WrittenChunk>[];
  try {
    outcomes = await writeInOneTransaction(chunks);
  } catch (error) {
    if (chunks.length === 1 || isDatabaseUnavailable(error)) throw error;
    // Something in one chunk broke the whole batch (nothing expected does): write them one by one, so the others
    // still land and the error stays with the chunk that caused it.
    outcomes = [];
    for (const chunk of chunks) {
      outcomes.push(await writeInOneTransaction([chunk]).then(([outcome]) => outcome, (error: unknown) => ({ ok: false as const, error })));
    }
  }
  shareUsage(chunks, outcomes);
  return outcomes;
}

/** A chunk's identity: ingest is idempotent on it. */
const chunkKey = ({ sessionId, seq }: { sessionId: string; seq: number }) => `${sessionId}:${seq}`;

type LockedSession = { id: string; userId: string; endedAt: Date | null; consentRecordId: string };

/**
 * The batch transaction. Locks, in a fixed order (users, then sessions, each by id) so that concurrent batches,
 * grants and revocations cannot deadlock: the users' rows (the lock grant and revoke take, so consent cannot change
 * before commit), then the sessions. A chunk is refused with nothing stored when its session is gone or not the
 * user's (404), or when the consent record the session is bound to is no longer the user's current grant or the
 * session was ended by an opt-out (403 — the binding rule). Idempotent on (session, seq): a chunk already stored, or a
 * second copy in the same batch, is acknowledged as a duplicate and stores nothing.
 */
async function writeInOneTransaction(chunks: PreparedChunk[]): Promise<Outcome<WrittenChunk>[]> {
  return db.$transaction(
    async (tx) => {
      const consents = await consentsInTransaction({ tx, userIds: chunks.map((chunk) => chunk.userId) });
      const sessionIds = [...new Set(chunks.map((chunk) => chunk.sessionId))].sort();
      const sessions = new Map(
        (
          await tx.$queryRaw<LockedSession[]>`
            SELECT id, "userId", "endedAt", "consentRecordId" FROM "RecordingSession"
            WHERE id IN (${Prisma.join(sessionIds)}) ORDER BY id FOR UPDATE`
        ).map((session) => [session.id, session]),
      );

      const outcomes: Outcome<WrittenChunk>[] = [];
      const toStore = new Map<string, { chunk: PreparedChunk; position: number }>();
      chunks.forEach((chunk, position) => {
        const session = sessions.get(chunk.sessionId);
        const consent = consents.get(chunk.userId);
        const key = chunkKey(chunk);
        if (!session || session.userId !== chunk.userId) {
          outcomes.push({ ok: false, error: new AppError("NOT_FOUND", "No such recording session.") });
        } else if (!consent?.granted || consent.record.id !== session.consentRecordId || session.endedAt) {
          outcomes.push({ ok: false, error: new AppError("CONSENT_REVOKED", "Usage sharing was turned off for this session; nothing more is recorded.") });
        } else if (!chunk.compressed) {
          outcomes.push({ ok: true, value: { duplicate: false, stored: null } });
        } else if (toStore.has(key)) {
          outcomes.push({ ok: true, value: { duplicate: true, stored: null } });
        } else {
          toStore.set(key, { chunk, position });
          outcomes.push({ ok: true, value: { duplicate: true, stored: null } }); // until the insert says it was new
        }
      });
      if (toStore.size === 0) return outcomes;

      const pending = [...toStore.values()];
      const keys = await getUserDataKeys({ userIds: [...new Set(pending.map(({ chunk }) => chunk.userId))], create: true, client: tx });
      const inserted = await tx.recordingChunk.createManyAndReturn({
        data: pending.map(({ chunk }) => {
          const key = keys.get(chunk.userId);
          if (!key || !chunk.compressed) throw new Error("A chunk to store has no data key or no data.");
          const data = seal({ key, plaintext: chunk.compressed, aad: chunkAad(chunk.sessionId, chunk.seq) });
          return {
            sessionId: chunk.sessionId,
            seq: chunk.seq,
            firstTs: chunk.firstTs,
            lastTs: chunk.lastTs,
            eventCount: chunk.eventCount,
            hasFullSnapshot: chunk.hasFullSnapshot,
            rawBytes: chunk.rawBytes,
            storedBytes: data.length,
            data: new Uint8Array(data),
          };
        }),
        // A copy stored by an earlier request is a duplicate, not an error.
        skipDuplicates: true,
        select: { sessionId: true, seq: true },
      });
      const insertedKeys = new Set(inserted.map(chunkKey));
      const stored = pending.filter(({ chunk }) => insertedKeys.has(chunkKey(chunk)));
      if (stored.length === 0) return outcomes;

      const devices = await indexStoredChunks(
        tx,
        stored.map(({ chunk }) => chunk),
      );
      for (const { chunk, position } of stored) {
        outcomes[position] = { ok: true, value: { duplicate: false, stored: { index: chunk.index, device: devices.get(chunk.sessionId) ?? { browser: "", os: "", deviceType: "" } } } };
      }
      return outcomes;
    },
    { timeout: 20_000, maxWait: 10_000 },
  );
}

/**
 * Writes what the console reads beside the chunks just stored: their SessionEvent index rows, the page-leave times
 * that complete earlier page views, and each session's summary (one UPDATE for all sessions). Returns each
 * session's device as stored, for the usage facts.
 */
async function indexStoredChunks(tx: Prisma.TransactionClient, chunks: PreparedChunk[]): Promise<Map<string, Device>> {
  const rows = chunks.flatMap((chunk) =>
    chunk.index.rows.map((row) => ({ sessionId: chunk.sessionId, seq: chunk.seq, ts: row.ts, kind: row.kind, path: row.path, summary: row.summary as Prisma.InputJsonObject })),
  );
  if (rows.length) await tx.sessionEvent.createMany({ data: rows });

  for (const chunk of chunks) {
    for (const leave of chunk.index.pageLeaves) {
      // Time on page arrives when the page is left; it completes the page view it belongs to (best effort when that
      // chunk has not arrived yet — the console can still derive it from the next page view).
      const view = await tx.sessionEvent.findFirst({
        where: { sessionId: chunk.sessionId, kind: "PAGE", path: leave.path, ts: { lte: leave.ts } },
        orderBy: { ts: "desc" },
        select: { id: true, summary: true },
      });
      if (view) {
        await tx.sessionEvent.update({ where: { id: view.id }, data: { summary: { ...(view.summary as Prisma.JsonObject), durationMs: leave.durationMs } } });
      }
    }
  }

  const bySession = new Map<string, SessionDelta>();
  for (const chunk of chunks) {
    const delta = bySession.get(chunk.sessionId) ?? { lastTs: chunk.lastTs, chunks: 0, pages: 0, clicks: 0, errors: 0, rageClicks: 0, deadClicks: 0, device: null };
    delta.lastTs = chunk.lastTs > delta.lastTs ? chunk.lastTs : delta.lastTs;
    delta.chunks += 1;
    delta.pages += chunk.index.counts.pages;
    delta.clicks += chunk.index.counts.clicks;
    delta.errors += chunk.index.counts.errors;
    delta.rageClicks += chunk.index.counts.rageClicks;
    delta.deadClicks += chunk.index.counts.deadClicks;
    delta.device ??= chunk.index.device;
    bySession.set(chunk.sessionId, delta);
  }
  const updated = await tx.$queryRaw<({ id: string } & Device)[]>(updateSummariesSql(bySession));
  return new Map(updated.map(({ id, ...device }) => [id, device]));
}

type SessionDelta = { lastTs: Date; chunks: number; pages: number; clicks: number; errors: number; rageClicks: number; deadClicks: number; device: ChunkIndex["device"] };

/**
 * One UPDATE for every session of the batch: counters add up, the last event time only moves forward, and the device
 * columns are filled once, from the first chunk that reports them. (On the right of SET, `s` is the row before the
 * update, so every device column sees the same "still empty" test.)
 */
function updateSummariesSql(bySession: Map<string, SessionDelta>): Prisma.Sql {
  const values = [...bySession].map(([id, delta]) => {
    const device = delta.device;
    const text = (value: string | null | undefined) => Prisma.sql`${device ? (value ?? "") : null}::text`;
    return Prisma.sql`(${id}::text, to_timestamp(${delta.lastTs.getTime()}::double precision / 1000) AT TIME ZONE 'UTC',
      ${delta.chunks}::int, ${delta.pages}::int, ${delta.clicks}::int, ${delta.errors}::int, ${delta.rageClicks}::int, ${delta.deadClicks}::int,
      ${text(device?.browser)}, ${text(device?.os)}, ${text(device?.deviceType)},
      ${text(device && `${device.screen.w}x${device.screen.h}@${device.pixelRatio}x`)}, ${text(device && `${device.viewport.w}x${device.viewport.h}`)},
      ${text(device?.locale)}, ${text(device?.timeZone)}, ${text(device?.path)})`;
  });
  const fill = (column: string, from: string) => Prisma.raw(`"${column}" = CASE WHEN s.browser = '' AND v.browser IS NOT NULL THEN v.${from} ELSE s."${column}" END`);
  return Prisma.sql`
    UPDATE "RecordingSession" AS s SET
      "lastEventAt" = GREATEST(s."lastEventAt", v.last_ts),
      "durationMs" = LEAST(2147483647, GREATEST(0, round(EXTRACT(EPOCH FROM (GREATEST(s."lastEventAt", v.last_ts) - s."startedAt")) * 1000)))::int,
      "chunkCount" = s."chunkCount" + v.chunks,
      "pageCount" = s."pageCount" + v.pages,
      "clickCount" = s."clickCount" + v.clicks,
      "errorCount" = s."errorCount" + v.errors,
      "rageClickCount" = s."rageClickCount" + v.rage_clicks,
      "deadClickCount" = s."deadClickCount" + v.dead_clicks,
      ${Prisma.join(
        [
          fill("browser", "browser"),
          fill("os", "os"),
          fill("deviceType", "device_type"),
          fill("screen", "screen"),
          fill("viewport", "viewport"),
          fill("locale", "locale"),
          fill("timeZone", "time_zone"),
          fill("entryPath", "entry_path"),
        ],
        ",\n      ",
      )}
    FROM (VALUES ${Prisma.join(values)}) AS v(id, last_ts, chunks, pages, clicks, errors, rage_clicks, dead_clicks, browser, os, device_type, screen, viewport, locale, time_zone, entry_path)
    WHERE s.id = v.id
    RETURNING s.id, s.browser, s.os, s."deviceType"`;
}

type UsageOfUser = Parameters<typeof recordUsageEvents>[0]["users"][number];

/**
 * Anonymous usage facts are written after their chunks' batch has committed and been answered, batched the same way
 * but off the uploads' path: insights are not worth a slower upload, and a failure there loses no recording.
 */
const writeUsage = groupCommit<UsageOfUser, void>({
  flush: async (users) => {
    try {
      await recordUsageEvents({ users });
    } catch (error) {
      console.error("[candor] usage events not recorded:", error instanceof Error ? error.name : "unknown error");
    }
    return users.map(() => ({ ok: true as const, value: undefined }));
  },
  maxBatch: 500,
  maxConcurrent: 1,
});

function shareUsage(chunks: PreparedChunk[], outcomes: Outcome<WrittenChunk>[]) {
  chunks.forEach((chunk, i) => {
    const outcome = outcomes[i];
    const stored = outcome?.ok ? outcome.value.stored : null;
    if (!stored?.index.usage.length) return;
    const device = stored.device.browser ? stored.device : undefined;
    runInBackground(writeUsage({ userId: chunk.userId, events: stored.index.usage.map((fact) => ({ ...fact, device })) }));
  });
}
