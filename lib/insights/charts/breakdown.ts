import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { applyFloor, splitCells, suppressionNote } from "../suppression";
import type { ChartContext } from "./types";

export type BreakdownRow = { label: string | null; users: number; userDays: number } & Record<string, unknown>;

/**
 * A breakdown of usage events by one key (route, feature, browser…) under the privacy floor, in two passes:
 * 1. each key's most people on any single day (the lower bound of people behind it);
 * 2. the metrics, with keys under K folded into one "Other" group (label null), whose own bound is computed from
 *    the union of its events — never added up from its parts, which could count one person several times.
 * Rows under K after folding (only ever "Other") are dropped. `key`, `where` and `metrics` are SQL fragments
 * written in lib/insights, never user input.
 */
export async function foldedBreakdown({
  ctx,
  where,
  key,
  metrics,
  noun,
}: {
  ctx: ChartContext;
  where: Prisma.Sql;
  key: Prisma.Sql;
  metrics: Prisma.Sql;
  noun: string;
}): Promise<{ rows: BreakdownRow[]; keptKeys: string[]; foldedKeys: string[]; note: string | null }> {
  const { from, to } = ctx.range;
  const inRange = Prisma.sql`"day" BETWEEN ${from}::date AND ${to}::date AND ${where}`;

  // Distinct (key, day, visitor) first, then counts: a hash aggregate, much cheaper than count(DISTINCT) sorts.
  const cells = await db.$queryRaw<{ key: string; users: number }[]>(Prisma.sql`
    SELECT key, max(u)::int AS users
    FROM (
      SELECT key, "day", count(*) AS u
      FROM (SELECT DISTINCT ${key} AS key, "day", "visitor" FROM "UsageEvent" WHERE ${inRange} AND "visitor" IS NOT NULL) cell_visitors
      GROUP BY key, "day"
    ) cell_days
    GROUP BY key`);
  if (cells.length === 0) return { rows: [], keptKeys: [], foldedKeys: [], note: null };
  const { kept, small } = splitCells(cells, ctx.k);
  const keptKeys = kept.map((cell) => cell.key);

  // Only the columns the metrics read (kind, durationMs) are carried through the CTE.
  const folded = await db.$queryRaw<BreakdownRow[]>(Prisma.sql`
    WITH ev AS (
      SELECT CASE WHEN ${key} = ANY(${keptKeys}::text[]) THEN ${key} END AS label, "day", "visitor", "kind", "durationMs"
      FROM "UsageEvent" WHERE ${inRange}
    ),
    label_users AS (
      SELECT label, max(u)::int AS users, sum(u)::int AS "userDays"
      FROM (
        SELECT label, "day", count(*) AS u
        FROM (SELECT DISTINCT label, "day", "visitor" FROM ev WHERE "visitor" IS NOT NULL) label_visitors
        GROUP BY label, "day"
      ) label_days
      GROUP BY label
    ),
    label_metrics AS (SELECT ev.label, ${metrics} FROM ev GROUP BY ev.label)
    SELECT lm.*, lu.users, lu."userDays"
    FROM label_metrics lm JOIN label_users lu ON lu.label IS NOT DISTINCT FROM lm.label`);
  const { rows, otherHidden } = applyFloor(folded, ctx.k);
  return {
    rows,
    keptKeys,
    foldedKeys: small.map((cell) => cell.key),
    note: suppressionNote({ k: ctx.k, folded: small.length, otherHidden, noun }),
  };
}
