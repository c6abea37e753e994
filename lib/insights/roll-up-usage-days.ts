import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays, utcDayKey } from "./day-salt";
import { DIMENSION_IDS, DIMENSIONS, USAGE_COLUMNS, lastFinalDay, rawDailyActivity, rawDayCells, ROLLUP_VISITOR_CAP } from "./charts/dimensions";

/**
 * Rolls up every final day from `from` to `to` (ISO days) that has no rollup yet: its daily activity, each
 * dimension's cells, and the visitor hashes of its small cells (see UsageRollupDay in prisma/schema.prisma). Days
 * after the last final day (yesterday and today can still receive events) are skipped; the dashboard reads those
 * raw. Called lazily by the charts before they read a range, and on the salt shredder's timer.
 *
 * Each day is one transaction that deletes and rewrites that day's rows, so a run is idempotent and a failed one
 * leaves nothing half-written. Two concurrent runs write the same figures; ON CONFLICT lets the later one find the
 * earlier's rows and change nothing. Returns the days rolled up.
 */
export async function rollUpUsageDays({ from, to, now = new Date() }: { from: string; to: string; now?: Date }): Promise<string[]> {
  const lastFinal = lastFinalDay(utcDayKey(now));
  const until = to < lastFinal ? to : lastFinal;
  if (from > until) return [];
  const done = await db.usageRollupDay.findMany({
    where: { day: { gte: new Date(`${from}T00:00:00Z`), lte: new Date(`${until}T00:00:00Z`) } },
    select: { day: true },
  });
  const rolled = new Set(done.map((row) => utcDayKey(row.day)));
  const missing: string[] = [];
  for (let day = new Date(`${from}T00:00:00Z`); utcDayKey(day) <= until; day = addDays(day, 1)) {
    if (!rolled.has(utcDayKey(day))) missing.push(utcDayKey(day));
  }
  for (const day of missing) await rollUpDay(day);
  return missing;
}

async function rollUpDay(day: string): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`DELETE FROM "UsageRollupVisitor" WHERE "day" = ${day}::date`;
      await tx.$executeRaw`DELETE FROM "UsageDailyRollup" WHERE "day" = ${day}::date`;
      await tx.$executeRaw`DELETE FROM "UsageRollupDay" WHERE "day" = ${day}::date`;
      // The day's events are read from the table once, not once per dimension and step.
      await tx.$executeRaw(Prisma.sql`CREATE TEMP TABLE usage_day ON COMMIT DROP AS SELECT ${USAGE_COLUMNS} FROM "UsageEvent" WITH NO DATA`);
      await tx.$executeRaw(Prisma.sql`INSERT INTO usage_day SELECT ${USAGE_COLUMNS} FROM "UsageEvent" WHERE "day" = ${day}::date`);
      // A temporary table has no statistics until analysed, and the planner's guesses without them are ruinous.
      await tx.$executeRaw`ANALYZE usage_day`;
      const source = Prisma.sql`usage_day`;
      for (const dimension of DIMENSION_IDS) {
        await tx.$executeRaw(Prisma.sql`
          INSERT INTO "UsageDailyRollup" ("dimension", "day", "key", "events", "visitors", "rageClicks", "deadClicks", "durationBuckets", "durationCounts")
          SELECT ${dimension}, "day", key, events, visitors, "rageClicks", "deadClicks", "durationBuckets", "durationCounts"
          FROM (${rawDayCells(dimension, day, day, true, source)}) cells
          ON CONFLICT DO NOTHING`);
        // The hashes are only needed where a cell could be folded into "Other": under the highest possible K.
        await tx.$executeRaw(Prisma.sql`
          INSERT INTO "UsageRollupVisitor" ("dimension", "day", "key", "visitor")
          SELECT DISTINCT ${dimension}, v."day", v.key, v."visitor"
          FROM (SELECT "day", ${DIMENSIONS[dimension].key} AS key, "visitor" FROM ${source} WHERE ${DIMENSIONS[dimension].where} AND "visitor" IS NOT NULL) v
          JOIN "UsageDailyRollup" r ON r."dimension" = ${dimension} AND r."day" = v."day" AND r.key = v.key AND r."visitors" < ${ROLLUP_VISITOR_CAP}
          ON CONFLICT DO NOTHING`);
      }
      // Written last: its presence says the day is complete (and a day without events still gets its zero row).
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "UsageRollupDay" ("day", "users", "visits")
        SELECT ${day}::date, COALESCE(sum(users), 0)::int, COALESCE(sum(visits), 0)::int FROM (${rawDailyActivity(day, day, source)}) activity
        ON CONFLICT DO NOTHING`);
    },
    { timeout: 60_000, maxWait: 60_000 },
  );
}
