import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getInsightsDashboard, type InsightsDashboard } from "@/lib/insights/get-insights-dashboard";
import { rollUpUsageDays } from "@/lib/insights/roll-up-usage-days";
import { D0, D1, D2, HIDDEN_NAMES, seedUsage } from "@/tests/support/insights-fixtures";

/**
 * The daily rollup on the hand-built data set. At MIXED (03-10) only 03-08 is final and rolled up; at ROLLED
 * (03-13) all three days are, and every usage chart must come out the same: the rollup is a cache of the raw path,
 * not an approximation of it (on this data set, where every time on page has two significant digits).
 */
const MIXED = new Date("2026-03-10T18:00:00Z");
const ROLLED = new Date("2026-03-13T18:00:00Z");
const USAGE_CHARTS = ["pages", "features", "key-events", "errors-by-route", "error-messages", "frustration", "browsers", "operating-systems", "device-types"] as const;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const rollupCounts = async () => ({
  days: await db.usageRollupDay.count(),
  cells: await db.usageDailyRollup.count(),
  visitors: await db.usageRollupVisitor.count(),
});

let mixed: InsightsDashboard;
let rolled: InsightsDashboard;

beforeAll(async () => {
  await seedUsage();
  mixed = await getInsightsDashboard({ rangeDays: 7, now: MIXED });
  rolled = await getInsightsDashboard({ rangeDays: 7, now: ROLLED });
});

describe("insights daily rollup", () => {
  it("rolls up final days only: yesterday and today can still receive late uploads", async () => {
    const days = (await db.usageRollupDay.findMany({ orderBy: { day: "asc" } })).map((row) => row.day.toISOString().slice(0, 10));
    // 03-04…03-08 from the first read, then 03-09…03-11 from the second; never 03-12 or 03-13.
    expect(days).toEqual(["2026-03-04", "2026-03-05", "2026-03-06", "2026-03-07", D0, D1, D2, "2026-03-11"]);
  });

  it("gives every usage chart the same rows from rollups as from raw events", () => {
    for (const id of USAGE_CHARTS) {
      expect(rolled.charts[id].rows, id).toEqual(mixed.charts[id].rows);
      expect(rolled.charts[id].notes, id).toEqual(mixed.charts[id].notes);
    }
    expect(rolled.charts.pages.rows).toEqual([
      { route: "/programs/[id]", views: 9, medianMs: 5000 },
      { route: "Other", views: 9, medianMs: 100 },
    ]);
    for (const id of ["active-users", "sessions"] as const) {
      const pick = (dashboard: InsightsDashboard) => dashboard.charts[id].rows.filter((row) => [D0, D1, D2].includes(String(row.day)));
      expect(pick(rolled), id).toEqual(pick(mixed));
    }
    expect(rolled.charts.sessions.rows.find((row) => row.day === D1)?.sessions).toBe(7);
  });

  it("stores each day's people, visits, events and times on page", async () => {
    expect(await db.usageRollupDay.findUnique({ where: { day: day(D1) }, select: { users: true, visits: true } })).toEqual({ users: 6, visits: 7 });
    expect(await db.usageRollupDay.findUnique({ where: { day: day(D2) }, select: { users: true, visits: true } })).toEqual({ users: 3, visits: 3 });
    const programs = await db.usageDailyRollup.findUnique({ where: { dimension_day_key: { dimension: "page-route", day: day(D1), key: "/programs/[id]" } } });
    expect(programs).toMatchObject({ events: 6, visitors: 6, durationBuckets: [1000, 2000, 3000, 4000, 5000, 6000], durationCounts: [1, 1, 1, 1, 1, 1] });
    const frustration = await db.usageDailyRollup.findMany({ where: { dimension: "frustration-route", day: day(D1) }, orderBy: { key: "asc" } });
    expect(frustration.map(({ key, events, visitors, rageClicks, deadClicks }) => ({ key, events, visitors, rageClicks, deadClicks }))).toEqual([
      { key: "/admin", events: 1, visitors: 1, rageClicks: 0, deadClicks: 1 },
      { key: "/programs/[id]", events: 5, visitors: 5, rageClicks: 5, deadClicks: 0 },
    ]);
    // "Other" of features needs to know that bulk-edit's two people are among invite's three.
    const featureVisitors = await db.usageRollupVisitor.findMany({ where: { dimension: "feature", day: day(D1), key: { in: ["bulk-edit", "invite"] } } });
    expect(new Set(featureVisitors.map((row) => row.visitor))).toEqual(new Set(["a1", "a2", "a3"]));
  });

  it("is idempotent: a second run changes nothing, and a redone day comes out the same", async () => {
    const before = await rollupCounts();
    expect(await rollUpUsageDays({ from: "2026-03-04", to: "2026-03-13", now: ROLLED })).toEqual([]);
    expect(await rollupCounts()).toEqual(before);

    const cellsBefore = await db.usageDailyRollup.findMany({ where: { day: day(D1) }, orderBy: [{ dimension: "asc" }, { key: "asc" }] });
    await db.usageRollupDay.delete({ where: { day: day(D1) } }); // as if the run had died before finishing the day
    await Promise.all([
      rollUpUsageDays({ from: D1, to: D1, now: ROLLED }),
      rollUpUsageDays({ from: D1, to: D1, now: ROLLED }), // two dashboards at once must not collide
    ]);
    expect(await rollupCounts()).toEqual(before);
    expect(await db.usageDailyRollup.findMany({ where: { day: day(D1) }, orderBy: [{ dimension: "asc" }, { key: "asc" }] })).toEqual(cellsBefore);
  });

  it("never lets a suppressed cell out of a dashboard read from rollups", async () => {
    const everything = JSON.stringify(rolled.charts);
    for (const name of HIDDEN_NAMES) expect(everything).not.toContain(name);
    expect(rolled.charts.features.rows).toEqual([{ feature: "export-csv", uses: 5 }]);
    expect(rolled.charts.features.notes[0]).toMatch(/^2 features .* hidden/);
    expect(rolled.charts["active-users"].rows.find((row) => row.day === D2)?.users).toBeNull();
  });

  it("reads yesterday raw, so an upload that arrives late still counts", async () => {
    const now = new Date("2026-03-12T00:30:00Z");
    const before = await getInsightsDashboard({ rangeDays: 7, now });
    const views = (dashboard: InsightsDashboard) => dashboard.charts.pages.rows.find((row) => row.route === "/programs/[id]")?.views;
    // Yesterday's salt is gone, so the late event counts as a view but not as a person.
    await db.usageEvent.create({ data: { day: day("2026-03-11"), at: new Date("2026-03-11T23:50:00Z"), kind: "PAGE", route: "/programs/[id]", durationMs: 1000, visitor: null } });
    try {
      expect(views(await getInsightsDashboard({ rangeDays: 7, now }))).toBe(Number(views(before)) + 1);
    } finally {
      await db.usageEvent.deleteMany({ where: { day: day("2026-03-11") } });
    }
  });
});
