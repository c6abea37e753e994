import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { rollUpUsageDays } from "../roll-up-usage-days";
import { medianOf } from "../histogram-median";
import { applyFloor, splitCells, suppressionNote } from "../suppression";
import { dayCells, dayVisitors, DIMENSIONS, durationHistogramsSql, recentCellsSql, type DimensionId, type RecentCell } from "./dimensions";
import type { ChartContext } from "./types";

export type BreakdownRow = {
  label: string | null;
  users: number;
  userDays: number;
  events: number;
  rageClicks: number;
  deadClicks: number;
  /** Median time on page (page-route only), from the duration histograms. */
  medianMs: number | null;
};

/** Makes sure every final day of the range is rolled up before a chart reads it; once per dashboard. */
export function rolledUp(ctx: ChartContext): Promise<unknown> {
  return ctx.memo("rollups", () => rollUpUsageDays({ from: ctx.range.from, to: ctx.range.to, now: new Date(`${ctx.range.to}T00:00:00Z`) }));
}

/** The cells of the days read raw, for every dimension: one query per dashboard. */
export function recentCells(ctx: ChartContext): Promise<RecentCell[]> {
  return ctx.memo("recent-cells", () => db.$queryRaw<RecentCell[]>(recentCellsSql(ctx.range)));
}

function durationHistograms(ctx: ChartContext): Promise<{ key: string; bucket: number; n: number }[]> {
  return ctx.memo("durations", () => db.$queryRaw<{ key: string; bucket: number; n: number }[]>(durationHistogramsSql(ctx.range)));
}

/**
 * A breakdown of usage events by one dimension (route, feature, browser…) under the privacy floor, in two passes
 * over daily cells (rollups for final days, raw events for the last two):
 * 1. each key's most people on any single day (the lower bound of people behind it);
 * 2. the metrics, with keys under K folded into one "Other" group (label null), whose own bound is computed per day
 *    from the union of its cells' visitor hashes — never added up from its parts, which could count one person
 *    several times.
 * Rows under K after folding (only ever "Other") are dropped.
 */
export async function foldedBreakdown({
  ctx,
  dimension,
  noun,
}: {
  ctx: ChartContext;
  dimension: DimensionId;
  noun: string;
}): Promise<{ rows: BreakdownRow[]; keptKeys: string[]; foldedKeys: string[]; note: string | null }> {
  await rolledUp(ctx);
  const cellsSql = dayCells(dimension, ctx.range, await recentCells(ctx));
  const cells = await db.$queryRaw<{ key: string; users: number }[]>(Prisma.sql`
    SELECT key, max(visitors)::int AS users FROM (${cellsSql}) cells WHERE visitors > 0 GROUP BY key`);
  if (cells.length === 0) return { rows: [], keptKeys: [], foldedKeys: [], note: null };
  const { kept, small } = splitCells(cells, ctx.k);
  const keptKeys = kept.map((cell) => cell.key);
  const smallKeys = small.map((cell) => cell.key);

  const labelled = Prisma.sql`SELECT CASE WHEN key = ANY(${keptKeys}::text[]) THEN key END AS label, cells.* FROM (${cellsSql}) cells`;
  const [folded, histograms] = await Promise.all([
    db.$queryRaw<Omit<BreakdownRow, "medianMs">[]>(Prisma.sql`
      WITH labelled AS (${labelled}),
      label_days AS (
        SELECT label, "day", visitors AS u FROM labelled WHERE label IS NOT NULL AND visitors > 0
        UNION ALL
        SELECT NULL, "day", count(DISTINCT "visitor") FROM (${dayVisitors(dimension, ctx.range, smallKeys)}) other_visitors GROUP BY "day"
      ),
      label_users AS (SELECT label, max(u)::int AS users, sum(u)::int AS "userDays" FROM label_days GROUP BY label),
      label_metrics AS (
        SELECT label, sum(events)::int AS events, sum("rageClicks")::int AS "rageClicks", sum("deadClicks")::int AS "deadClicks"
        FROM labelled GROUP BY label
      )
      SELECT lm.*, lu.users, lu."userDays"
      FROM label_metrics lm JOIN label_users lu ON lu.label IS NOT DISTINCT FROM lm.label`),
    DIMENSIONS[dimension].durations ? durationHistograms(ctx) : Promise.resolve([]),
  ]);
  const keptSet = new Set(keptKeys);
  const withMedians = folded.map((row) => ({
    ...row,
    medianMs: medianOf(histograms.filter((h) => (keptSet.has(h.key) ? h.key : null) === row.label)),
  }));
  const { rows, otherHidden } = applyFloor(withMedians, ctx.k);
  return {
    rows,
    keptKeys,
    foldedKeys: smallKeys,
    note: suppressionNote({ k: ctx.k, folded: small.length, otherHidden, noun }),
  };
}
