import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays } from "../day-salt";
import type { InsightsRange } from "./types";

/**
 * The breakdowns the insights charts fold under the privacy floor: which usage events each one counts and what it
 * groups them by. The daily rollup (lib/insights/roll-up-usage-days.ts) stores one row per (day, dimension, key),
 * and the charts read those rows for finished days and the same figures computed from raw events for the rest, so
 * both paths share these fragments. They are SQL written here, never user input.
 */
export const DIMENSIONS = {
  "page-route": { where: Prisma.sql`"kind" = 'PAGE'`, key: Prisma.sql`"route"`, durations: true },
  feature: { where: Prisma.sql`"kind" = 'FEATURE'`, key: Prisma.sql`"name"`, durations: false },
  "key-event": { where: Prisma.sql`"kind" = 'KEY'`, key: Prisma.sql`"name"`, durations: false },
  "error-route": { where: Prisma.sql`"kind" = 'ERROR'`, key: Prisma.sql`"route"`, durations: false },
  "error-message": { where: Prisma.sql`"kind" = 'ERROR'`, key: Prisma.sql`"message"`, durations: false },
  "frustration-route": { where: Prisma.sql`"kind" IN ('RAGE_CLICK', 'DEAD_CLICK')`, key: Prisma.sql`"route"`, durations: false },
  browser: { where: Prisma.sql`"kind" <> 'KEY'`, key: Prisma.sql`COALESCE(NULLIF("browser", ''), 'Unknown')`, durations: false },
  os: { where: Prisma.sql`"kind" <> 'KEY'`, key: Prisma.sql`COALESCE(NULLIF("os", ''), 'Unknown')`, durations: false },
  "device-type": { where: Prisma.sql`"kind" <> 'KEY'`, key: Prisma.sql`COALESCE(NULLIF("deviceType", ''), 'Unknown')`, durations: false },
} as const;
export type DimensionId = keyof typeof DIMENSIONS;
export const DIMENSION_IDS = Object.keys(DIMENSIONS) as DimensionId[];

/**
 * Cells with fewer people than this on a day keep their visitor hashes in the rollup, so that "Other" (the union of
 * cells under K on every day) can still be counted without counting anyone twice. It is the highest K the setting
 * allows (lib/settings/definitions.ts), so every cell that can ever be folded is covered.
 */
export const ROLLUP_VISITOR_CAP = 100;

/**
 * Time on page is kept as a histogram of durations rounded to two significant digits (at most 5% off). The digit
 * count comes from the text form: numeric log() is slow enough to dominate a day's roll-up.
 */
const durationBucket = Prisma.sql`CASE WHEN "durationMs" < 100 THEN "durationMs"
  ELSE round("durationMs"::numeric, 2 - length("durationMs"::text))::int END`;

/**
 * One dimension's cells per day, computed from raw usage events: the columns of UsageDailyRollup. Used to build the
 * rollup and, for days not rolled up yet, in its place. The duration histograms are only built when asked for.
 * `source` is UsageEvent or a copy of the few days at hand (USAGE_COLUMNS), read once for all nine dimensions.
 */
export function rawDayCells(dimension: DimensionId, from: string, to: string, withDurations: boolean, source = Prisma.sql`"UsageEvent"`): Prisma.Sql {
  const { where, key } = DIMENSIONS[dimension];
  const durations = withDurations && DIMENSIONS[dimension].durations;
  const ev = Prisma.sql`SELECT "day", ${key} AS key, "visitor", "kind", "durationMs" FROM ${source}
    WHERE "day" BETWEEN ${from}::date AND ${to}::date AND ${where}`;
  const counts = Prisma.sql`
    SELECT "day", key, count(*)::int AS events, count(DISTINCT "visitor")::int AS visitors,
      count(*) FILTER (WHERE "kind" = 'RAGE_CLICK')::int AS "rageClicks",
      count(*) FILTER (WHERE "kind" = 'DEAD_CLICK')::int AS "deadClicks"
    FROM (${ev}) e GROUP BY "day", key`;
  if (!durations) return Prisma.sql`SELECT counts.*, '{}'::int[] AS "durationBuckets", '{}'::int[] AS "durationCounts" FROM (${counts}) counts`;
  // Both sides are aggregated before the join: joining raw rows to the histograms made a nested loop over the events
  // whenever the planner had no statistics (a fresh temporary table), which took seconds per day.
  return Prisma.sql`
    SELECT counts.*, COALESCE(hist.buckets, '{}'::int[]) AS "durationBuckets", COALESCE(hist.counts, '{}'::int[]) AS "durationCounts"
    FROM (${counts}) counts
    LEFT JOIN (
      SELECT "day", key, array_agg(bucket ORDER BY bucket) AS buckets, array_agg(n ORDER BY bucket) AS counts
      FROM (SELECT "day", key, ${durationBucket} AS bucket, count(*)::int AS n FROM (${ev}) e WHERE "durationMs" IS NOT NULL GROUP BY 1, 2, 3) h
      GROUP BY "day", key
    ) hist USING ("day", key)`;
}

/** The last day that can no longer change: uploads up to 24 hours late are accepted, so yesterday is still open. */
export function lastFinalDay(today: string): string {
  return addDays(new Date(`${today}T00:00:00Z`), -2).toISOString().slice(0, 10);
}

/** A range split into the days read from rollups (`from`…`rolledTo`, maybe none) and those read raw (`rawFrom`…`to`). */
export function rollupSplit(range: InsightsRange): { from: string; rolledTo: string; rawFrom: string; to: string } {
  const rolledTo = lastFinalDay(range.to);
  const rawFrom = addDays(new Date(`${rolledTo}T00:00:00Z`), 1).toISOString().slice(0, 10);
  return { from: range.from, rolledTo, rawFrom: rawFrom < range.from ? range.from : rawFrom, to: range.to };
}

/** A cell of a day not rolled up yet (yesterday, today), computed from raw events once per dashboard. */
export type RecentCell = { dimension: DimensionId; day: string; key: string; events: number; visitors: number; rageClicks: number; deadClicks: number };

/** The columns the dimensions read, for copies of a few days of UsageEvent. */
export const USAGE_COLUMNS = Prisma.sql`"day", "at", "kind", "route", "name", "message", "durationMs", "browser", "os", "deviceType", "visitor"`;

/**
 * Every dimension's cells of the days the range reads raw, in one query (each chart reads them two or three times),
 * with those days' events read from the table once.
 */
export function recentCellsSql(range: InsightsRange): Prisma.Sql {
  const { rawFrom, to } = rollupSplit(range);
  const cells = DIMENSION_IDS.map(
    (dimension) => Prisma.sql`
      SELECT ${dimension}::text AS dimension, "day"::text AS day, key, events, visitors, "rageClicks", "deadClicks"
      FROM (${rawDayCells(dimension, rawFrom, to, false, Prisma.sql`recent_events`)}) cells`,
  );
  return Prisma.sql`
    WITH recent_events AS MATERIALIZED (
      SELECT ${USAGE_COLUMNS} FROM "UsageEvent" WHERE "day" BETWEEN ${rawFrom}::date AND ${to}::date
    )
    ${Prisma.join(cells, " UNION ALL ")}`;
}

/** One dimension's daily cells over a range: rollup rows for final days, then the recent cells (passed as JSON). */
export function dayCells(dimension: DimensionId, range: InsightsRange, recent: RecentCell[]): Prisma.Sql {
  const { from, rolledTo } = rollupSplit(range);
  const mine = JSON.stringify(recent.filter((cell) => cell.dimension === dimension));
  return Prisma.sql`
    SELECT "day", key, events, visitors, "rageClicks", "deadClicks"
    FROM "UsageDailyRollup" WHERE "dimension" = ${dimension} AND "day" BETWEEN ${from}::date AND ${rolledTo}::date
    UNION ALL
    SELECT "day", key, events, visitors, "rageClicks", "deadClicks"
    FROM jsonb_to_recordset(${mine}::jsonb) AS recent("day" date, key text, events int, visitors int, "rageClicks" int, "deadClicks" int)`;
}

/** Time on page per key and bucket over a range (rollups, then raw events of the recent days). */
export function durationHistogramsSql(range: InsightsRange): Prisma.Sql {
  const { from, rolledTo, rawFrom, to } = rollupSplit(range);
  return Prisma.sql`
    SELECT cells.key, h.bucket, sum(h.n)::int AS n
    FROM (
      SELECT key, "durationBuckets", "durationCounts" FROM "UsageDailyRollup"
      WHERE "dimension" = 'page-route' AND "day" BETWEEN ${from}::date AND ${rolledTo}::date
      UNION ALL
      SELECT key, "durationBuckets", "durationCounts" FROM (${rawDayCells("page-route", rawFrom, to, true)}) recent
    ) cells, unnest(cells."durationBuckets", cells."durationCounts") AS h(bucket, n)
    GROUP BY cells.key, h.bucket`;
}

/** The visitor hashes of one dimension's given keys per day (only ever small cells), from rollups and raw events. */
export function dayVisitors(dimension: DimensionId, range: InsightsRange, keys: string[]): Prisma.Sql {
  const { from, rolledTo, rawFrom, to } = rollupSplit(range);
  const { where, key } = DIMENSIONS[dimension];
  return Prisma.sql`
    SELECT "day", "visitor" FROM "UsageRollupVisitor"
    WHERE "dimension" = ${dimension} AND "day" BETWEEN ${from}::date AND ${rolledTo}::date AND key = ANY(${keys}::text[])
    UNION ALL
    SELECT "day", "visitor" FROM "UsageEvent"
    WHERE "day" BETWEEN ${rawFrom}::date AND ${to}::date AND ${where} AND "visitor" IS NOT NULL AND ${key} = ANY(${keys}::text[])`;
}

/** A visit ends after this much inactivity (the usual web-analytics rule); the next event starts a new one. */
export const VISIT_GAP = "30 minutes";

/**
 * People and visits per day from raw events (days without any are absent). Visitor hashes change every day, so a
 * visit never spans two days and a day's figures never change once its salt is gone.
 */
export function rawDailyActivity(from: string, to: string, source = Prisma.sql`"UsageEvent"`): Prisma.Sql {
  return Prisma.sql`
    WITH ev AS (
      SELECT "day", "visitor", "at" FROM ${source}
      WHERE "day" BETWEEN ${from}::date AND ${to}::date AND "visitor" IS NOT NULL
    ),
    marked AS (
      SELECT "day", "visitor",
        CASE WHEN lag("at") OVER w IS NULL OR "at" - lag("at") OVER w > ${VISIT_GAP}::interval THEN 1 ELSE 0 END AS starts
      FROM ev WINDOW w AS (PARTITION BY "visitor" ORDER BY "at")
    )
    SELECT "day", count(*)::int AS users, sum(visits)::int AS visits
    FROM (SELECT "day", "visitor", sum(starts) AS visits FROM marked GROUP BY "day", "visitor") per_visitor
    GROUP BY "day"`;
}
