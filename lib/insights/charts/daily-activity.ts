import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { floorCount, hiddenDaysNote } from "../suppression";
import { rolledUp } from "./breakdown";
import { rawDailyActivity, rollupSplit, VISIT_GAP } from "./dimensions";
import type { ChartContext, ChartData } from "./types";

type DayActivity = { day: string; users: number; visits: number };

/** People and visits per day: rolled up for final days, from raw events for yesterday and today. */
function dailyActivity(ctx: ChartContext): Promise<Map<string, DayActivity>> {
  return ctx.memo("daily-activity", async () => {
    await rolledUp(ctx);
    const { from, rolledTo, rawFrom, to } = rollupSplit(ctx.range);
    const rows = await db.$queryRaw<DayActivity[]>(Prisma.sql`
      SELECT "day"::text AS day, "users", "visits" FROM "UsageRollupDay" WHERE "day" BETWEEN ${from}::date AND ${rolledTo}::date
      UNION ALL
      SELECT "day"::text AS day, users, visits FROM (${rawDailyActivity(rawFrom, to)}) raw_days`);
    return new Map(rows.map((row) => [row.day, row]));
  });
}

export async function activeUsersChart(ctx: ChartContext): Promise<ChartData> {
  const activity = await dailyActivity(ctx);
  const rows = ctx.range.days.map((day) => ({ day, users: floorCount(activity.get(day)?.users ?? 0, ctx.k) }));
  const hidden = rows.filter((row) => row.users === null).length;
  return {
    id: "active-users",
    title: "Daily active sharing users",
    description: "Different people who share usage information and used the platform, per UTC day.",
    columns: [
      { key: "day", label: "Day", format: "day" },
      { key: "users", label: "Active sharing users", format: "int" },
    ],
    rows,
    notes: [hiddenDaysNote({ k: ctx.k, hidden })].filter((note): note is string => note !== null),
    k: ctx.k,
  };
}

export async function sessionsChart(ctx: ChartContext): Promise<ChartData> {
  const activity = await dailyActivity(ctx);
  const rows = ctx.range.days.map((day) => {
    const { users = 0, visits = 0 } = activity.get(day) ?? {};
    return { day, sessions: floorCount(users, ctx.k) === null ? null : visits };
  });
  const hidden = rows.filter((row) => row.sessions === null).length;
  return {
    id: "sessions",
    title: "Sessions per day",
    description: `Visits per UTC day; a visit ends after ${VISIT_GAP} without activity.`,
    columns: [
      { key: "day", label: "Day", format: "day" },
      { key: "sessions", label: "Sessions", format: "int" },
    ],
    rows,
    notes: [hiddenDaysNote({ k: ctx.k, hidden })].filter((note): note is string => note !== null),
    k: ctx.k,
  };
}
