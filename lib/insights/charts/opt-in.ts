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
  const counts = await db.$queryRaw<DayConsent[]>(Prisma.sql`
    WITH days AS (
      SELECT d::date AS day, d::date + 1 AS day_end FROM generate_series(${from}::date, ${to}::date, interval '1 day') d
    ),
    days_policy AS (
      SELECT days.*, (SELECT max(p."version") FROM "ConsentPolicy" p WHERE p."publishedAt" < days.day_end) AS in_force FROM days
    ),
    states AS (
      SELECT days.day,
        (SELECT c."granted" AND (days.in_force IS NULL OR c."policyVersion" = days.in_force)
         FROM "ConsentRecord" c WHERE c."userId" = u."id" AND c."at" < days.day_end
         ORDER BY c."at" DESC, c."id" DESC LIMIT 1) AS sharing
      FROM days_policy days JOIN "User" u ON u."createdAt" < days.day_end AND (u."deletedAt" IS NULL OR u."deletedAt" >= days.day_end)
    )
    SELECT days.day::text AS day, count(states.day)::int AS accounts, count(*) FILTER (WHERE states.sharing)::int AS sharing
    FROM days LEFT JOIN states ON states.day = days.day
    GROUP BY days.day ORDER BY days.day`);

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
