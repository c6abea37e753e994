import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { floorCount } from "../suppression";
import type { ChartContext, ChartData } from "./types";

type DayConsent = { day: string; accounts: number; sharing: number };

/**
 * The share of accounts that were sharing usage information at the end of each day, from the consent ledger: an
 * account shares if its latest ledger entry by then is a grant of the policy version then in force (the same rule
 * as lib/consent/derive-state). Only counts leave the database.
 */
export async function optInChart(ctx: ChartContext): Promise<ChartData> {
  const { from, to } = ctx.range;
  // Counted as running sums instead of a ledger lookup per account and day (seconds over 90 days of a few thousand
  // accounts). A ledger entry is in force from its moment until the user's next entry (ties broken by id, as
  // "latest" is), and an account exists from creation to deletion; a day counts what is in force at its end, i.e.
  // the days from the one the span starts on to the one before it ends. Each span adds 1 on its first day and
  // takes it away on its end day (clamped to the range's first day), per policy version.
  const counts = await db.$queryRaw<DayConsent[]>(Prisma.sql`
    WITH days AS (
      SELECT d::date AS day, d::date + 1 AS day_end FROM generate_series(${from}::date, ${to}::date, interval '1 day') d
    ),
    days_policy AS (
      SELECT days.*, (SELECT max(p."version") FROM "ConsentPolicy" p WHERE p."publishedAt" < days.day_end) AS in_force FROM days
    ),
    ledger AS (
      SELECT c."granted", c."policyVersion", greatest(c."at", u."createdAt") AS starts,
        least(lead(c."at") OVER (PARTITION BY c."userId" ORDER BY c."at", c."id"), u."deletedAt") AS ends
      FROM "ConsentRecord" c JOIN "User" u ON u."id" = c."userId"
    ),
    spans AS (
      SELECT "policyVersion" AS version, starts::date AS first_day, ends::date AS end_day FROM ledger
      WHERE "granted" AND (ends IS NULL OR ends::date > starts::date)
    ),
    share_steps AS (
      SELECT version, greatest(first_day, ${from}::date) AS day, 1 AS step FROM spans
      UNION ALL
      SELECT version, greatest(end_day, ${from}::date), -1 FROM spans WHERE end_day IS NOT NULL
    ),
    share_steps_by_day AS MATERIALIZED (SELECT version, day, sum(step) AS step FROM share_steps GROUP BY version, day),
    account_steps AS (
      SELECT greatest("createdAt"::date, ${from}::date) AS day, 1 AS step FROM "User"
      WHERE "deletedAt" IS NULL OR "deletedAt"::date > "createdAt"::date
      UNION ALL
      SELECT greatest("deletedAt"::date, ${from}::date), -1 FROM "User" WHERE "deletedAt"::date > "createdAt"::date
    ),
    account_steps_by_day AS MATERIALIZED (SELECT day, sum(step) AS step FROM account_steps GROUP BY day)
    SELECT days.day::text AS day,
      COALESCE((SELECT sum(a.step) FROM account_steps_by_day a WHERE a.day <= days.day), 0)::int AS accounts,
      COALESCE((SELECT sum(s.step) FROM share_steps_by_day s WHERE s.day <= days.day AND (days.in_force IS NULL OR s.version = days.in_force)), 0)::int AS sharing
    FROM days_policy days
    ORDER BY days.day`);

  let hidden = 0;
  const rows = counts.map(({ day, accounts, sharing }) => {
    // Both sides of the rate must be 0 or at least K: "3 of 40 share" would single out a handful as easily as "3 share".
    const visible = floorCount(accounts, ctx.k) !== null && floorCount(sharing, ctx.k) !== null && floorCount(accounts - sharing, ctx.k) !== null;
    if (!visible) hidden += 1;
    return {
      day,
      accounts: visible ? accounts : null,
      sharing: visible ? sharing : null,
      optInRate: visible && accounts > 0 ? Math.round((sharing / accounts) * 1000) / 10 : null,
    };
  });
  return {
    id: "opt-in",
    title: "Opt-in rate over time",
    description: "Share of accounts sharing usage information at the end of each UTC day, from the consent ledger.",
    columns: [
      { key: "day", label: "Day", format: "day" },
      { key: "optInRate", label: "Opt-in rate", format: "percent" },
      { key: "sharing", label: "Sharing accounts", format: "int" },
      { key: "accounts", label: "Accounts", format: "int" },
    ],
    rows,
    notes: hidden ? [`${hidden} day${hidden === 1 ? "" : "s"} where sharing or non-sharing accounts numbered 1 to ${ctx.k - 1} ${hidden === 1 ? "is" : "are"} hidden.`] : [],
    k: ctx.k,
  };
}
