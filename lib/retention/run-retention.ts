import { setImmediate as yieldToOtherWork } from "node:timers/promises";
import type { Db } from "@/lib/db/client";
import { effectiveRetentionDays } from "./effective-retention-days";

const DAY_MS = 24 * 60 * 60 * 1000;

export type RetentionTrigger = "schedule" | "cli" | "admin";

export type RetentionResult = {
  retentionDays: number;
  /** Sessions that started before this instant were deleted. */
  cutoff: Date;
  sessions: number;
  chunks: number;
  events: number;
  /** Anonymous insights events (no user id, but the 90-day promise covers them too). */
  usageEvents: number;
  /** Days of insights rollups deleted with them (lib/insights/roll-up-usage-days.ts). */
  usageRollupDays: number;
  durationMs: number;
};

/**
 * Deletes recordings and usage events older than the retention period: every session that started before
 * `now - retentionDays` (read on each run, so a lowered setting applies on the next run) or whose own `expiresAt` —
 * stamped at ingest with the period in force then — has passed, with its chunks and indexed events; and every
 * anonymous usage event from before the cutoff, with the insights rollups of those days.
 *
 * Works in batches of `batchSize` sessions, one short transaction each, so ingest and page requests are never held
 * behind one long delete (with the embedded database they queue on the same connection between batches). Idempotent:
 * a second run finds nothing and removes nothing. Writes one `retention.run` audit row with the counts, also when
 * nothing was due — that row is the evidence the deletion promise is being kept.
 *
 * Not `server-only`: `npm run retention` runs it with its own client. The consent ledger, replay views and the audit
 * log are deliberately not touched (see README, "Data retention").
 */
export async function runRetention({
  db,
  now = new Date(),
  batchSize = 500,
  trigger,
  actorId = null,
  log = (line: string) => console.log(line),
}: {
  db: Db;
  now?: Date;
  batchSize?: number;
  trigger: RetentionTrigger;
  actorId?: string | null;
  log?: (line: string) => void;
}): Promise<RetentionResult> {
  const started = Date.now();
  const retentionDays = await effectiveRetentionDays({ db });
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const due = { OR: [{ startedAt: { lt: cutoff } }, { expiresAt: { lt: now } }] };
  const totals = { sessions: 0, chunks: 0, events: 0, usageEvents: 0, usageRollupDays: 0 };

  for (;;) {
    const batch = await db.recordingSession.findMany({ where: due, select: { id: true }, orderBy: { startedAt: "asc" }, take: batchSize });
    if (batch.length === 0) break;
    const ids = batch.map((session) => session.id);
    // Children first (the cascade would do it too) so the counts are exact.
    const removed = await db.$transaction(async (tx) => {
      const events = await tx.sessionEvent.deleteMany({ where: { sessionId: { in: ids } } });
      const chunks = await tx.recordingChunk.deleteMany({ where: { sessionId: { in: ids } } });
      const sessions = await tx.recordingSession.deleteMany({ where: { id: { in: ids } } });
      return { sessions: sessions.count, chunks: chunks.count, events: events.count };
    });
    totals.sessions += removed.sessions;
    totals.chunks += removed.chunks;
    totals.events += removed.events;
    // Deleted by someone else meanwhile (an erasure, a parallel run): nothing left in this batch to wait for.
    if (batch.length < batchSize || removed.sessions === 0) break;
    await yieldToOtherWork();
  }

  // Usage events are tiny rows without children: bigger batches, same short transactions. They are found through
  // the indexed `day` (whole days before the cutoff's, then the cutoff's own day up to the cutoff): `at` has no index.
  const usageBatchSize = batchSize * 10;
  const cutoffDay = new Date(Math.floor(cutoff.getTime() / DAY_MS) * DAY_MS);
  const usageDue = { OR: [{ day: { lt: cutoffDay } }, { day: cutoffDay, at: { lt: cutoff } }] };
  for (;;) {
    const batch = await db.usageEvent.findMany({ where: usageDue, select: { id: true }, take: usageBatchSize });
    if (batch.length === 0) break;
    const removed = await db.usageEvent.deleteMany({ where: { id: { in: batch.map((event) => event.id) } } });
    totals.usageEvents += removed.count;
    if (batch.length < usageBatchSize || removed.count === 0) break;
    await yieldToOtherWork();
  }

  // Rollups of the deleted days go too. The cutoff's own day lost only some events, so its rollup is dropped as well
  // and rebuilt from what is left the next time a dashboard reads that day.
  const rollupsDue = { day: { lte: cutoffDay } };
  totals.usageRollupDays = await db.$transaction(async (tx) => {
    await tx.usageRollupVisitor.deleteMany({ where: rollupsDue });
    await tx.usageDailyRollup.deleteMany({ where: rollupsDue });
    return (await tx.usageRollupDay.deleteMany({ where: rollupsDue })).count;
  });

  const result: RetentionResult = { retentionDays, cutoff, ...totals, durationMs: Date.now() - started };
  await db.auditLog.create({
    data: {
      actorId,
      action: "retention.run",
      targetId: null,
      detail: { trigger, retentionDays, cutoff: cutoff.toISOString(), ...totals, durationMs: result.durationMs },
    },
  });
  log(
    `[candor] retention (${trigger}): removed ${totals.sessions} sessions, ${totals.chunks} chunks, ${totals.events} events, ` +
      `${totals.usageEvents} usage events (${totals.usageRollupDays} days of rollups) ` +
      `older than ${retentionDays} days (started before ${cutoff.toISOString()}) in ${result.durationMs} ms`,
  );
  return result;
}
