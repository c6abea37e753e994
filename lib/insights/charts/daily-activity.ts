import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { floorCount, hiddenDaysNote } from "../suppression";
import type { ChartContext, ChartData } from "./types";

/** A visit ends after this much inactivity (the usual web-analytics rule); the next event starts a new one. */
const VISIT_GAP = "30 minutes";

type DayActivity = { day: string; users: number; visits: number };

/** People and visits per day. Visitor hashes change every day, so a visit never spans two days. */
function dailyActivity(ctx: ChartContext): Promise<Map<string, DayActivity>> {
  return ctx.memo("daily-activity", async () => {
    const { from, to } = ctx.range;
    const rows = await db.$queryRaw<DayActivity[]>(Prisma.sql`
      WITH ev AS (
        SELECT "day", "visitor", "at" FROM "UsageEvent"
        WHERE "day" BETWEEN ${from}::date AND ${to}::date AND "visitor" IS NOT NULL
      ),
      marked AS (
        SELECT "day", "visitor",
          CASE WHEN lag("at") OVER w IS NULL OR "at" - lag("at") OVER w > ${VISIT_GAP}::interval THEN 1 ELSE 0 END AS starts
        FROM ev WINDOW w AS (PARTITION BY "visitor" ORDER BY "at")
      )
      SELECT "day"::text AS day, count(*)::int AS users, sum(visits)::int AS visits
      FROM (SELECT "day", "visitor", sum(starts) AS visits FROM marked GROUP BY "day", "visitor") per_visitor
      GROUP BY "day"`);
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
