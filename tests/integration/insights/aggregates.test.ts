import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getInsightsDashboard, type InsightsDashboard } from "@/lib/insights/get-insights-dashboard";
import { exportInsightsCsv } from "@/lib/insights/export-insights-csv";
import { createUser } from "@/tests/support/factories";
import { D0, D1, D2, EVENTS, HIDDEN_NAMES, range, seedUsage } from "@/tests/support/insights-fixtures";

/**
 * The hand-built data set of tests/support/insights-fixtures.ts (K = 5, the default) over the 7 days ending
 * 2026-03-10, and the values worked out by hand. Yesterday and today are read raw, 03-08 from its daily rollup.
 */
const NOW = new Date("2026-03-10T18:00:00Z");

/** 12 accounts; s1…s5 opt in on 03-05, s1 opts out on 03-07, s6 opts in on 03-09. Sharing now: s2…s6. */
async function seedConsentAndPrograms() {
  const policy = await db.consentPolicy.findFirstOrThrow({ orderBy: { version: "desc" } });
  await db.consentPolicy.update({ where: { version: policy.version }, data: { publishedAt: new Date("2026-01-01T00:00:00Z") } });
  const users: { id: string }[] = [];
  for (let i = 0; i < 12; i++) {
    const user = await createUser({ name: `Account ${i}` });
    await db.user.update({ where: { id: user.id }, data: { createdAt: new Date("2026-03-01T00:00:00Z") } });
    users.push(user);
  }
  const s = (n: number) => users[n - 1].id;
  const record = (userId: string, granted: boolean, at: string) => ({ userId, granted, policyVersion: policy.version, policySha256: policy.sha256, source: "SETTINGS" as const, at: new Date(at) });
  await db.consentRecord.createMany({
    data: [
      ...range(1, 5).map((n) => record(s(n), true, "2026-03-05T10:00:00Z")),
      record(s(1), false, "2026-03-07T10:00:00Z"),
      record(s(6), true, "2026-03-09T10:00:00Z"),
    ],
  });
  // s1 no longer shares: its big program must not count. s2 owns an empty program; s3…s6 own programs of 2 partners.
  const program = (owner: string, createdAt: string, members: string[]) =>
    db.program.create({ data: { name: "P", commissionValue: 100, ownerId: owner, createdAt: new Date(createdAt), members: { create: members.map((userId) => ({ userId })) } } });
  await program(s(1), "2026-03-03T10:00:00Z", range(7, 12).map(s));
  await program(s(2), "2026-03-09T10:00:00Z", []);
  for (const n of range(3, 6)) await program(s(n), "2026-03-10T10:00:00Z", [s(7), s(8)]);
}

let dashboard: InsightsDashboard;

beforeAll(async () => {
  await seedUsage();
  await seedConsentAndPrograms();
  dashboard = await getInsightsDashboard({ rangeDays: 7, now: NOW });
});

describe("insights aggregates on a known data set", () => {
  it("covers the 7 UTC days ending today", () => {
    expect(dashboard.range).toMatchObject({ from: "2026-03-04", to: "2026-03-10" });
    expect(dashboard.k).toBe(5);
  });

  it("counts daily active users and hides days with 1 to K-1 people", () => {
    const rows = dashboard.charts["active-users"].rows;
    expect(rows).toHaveLength(7);
    expect(rows.find((row) => row.day === D1)?.users).toBe(6);
    expect(rows.find((row) => row.day === D2)?.users).toBeNull(); // 3 people
    expect(rows.find((row) => row.day === D0)?.users).toBeNull(); // 1 person
    expect(rows.find((row) => row.day === "2026-03-05")?.users).toBe(0);
    expect(dashboard.charts["active-users"].notes).toEqual(["2 days with fewer than 5 people are hidden."]);
  });

  it("counts sessions as visits split by 30 minutes of inactivity", () => {
    const rows = dashboard.charts.sessions.rows;
    expect(rows.find((row) => row.day === D1)?.sessions).toBe(7); // six people, a1 came back at 15:00
    expect(rows.find((row) => row.day === D2)?.sessions).toBeNull();
  });

  it("gives page views and median time per route, folding small routes into Other by their union", () => {
    expect(dashboard.charts.pages.rows).toEqual([
      { route: "/programs/[id]", views: 9, medianMs: 5000 },
      { route: "Other", views: 9, medianMs: 100 },
    ]);
    expect(dashboard.charts.pages.notes).toEqual(["3 routes used by fewer than 5 people on any single day are folded into “Other”."]);
  });

  it("hides Other when the folded cells are fewer than K people together, even if their counts add up to K", () => {
    expect(dashboard.charts.features.rows).toEqual([{ feature: "export-csv", uses: 5 }]);
    expect(dashboard.charts.features.notes[0]).toMatch(/^2 features .* hidden/);
  });

  it("gives the error rate per route and the top messages", () => {
    expect(dashboard.charts["errors-by-route"].rows).toEqual([{ route: "/programs/[id]", errors: 5, views: 9, errorsPer100Views: 55.6 }]);
    expect(dashboard.charts["error-messages"].rows).toEqual([{ message: "Network request failed", count: 5 }]);
  });

  it("counts rage and dead clicks, key events and devices", () => {
    expect(dashboard.charts.frustration.rows).toEqual([{ route: "/programs/[id]", rage: 5, dead: 0 }]);
    expect(dashboard.charts["key-events"].rows).toEqual([{ event: "Program created", count: 5 }]);
    // Firefox: a1…a5 on D1 = 5 user-days; every non-key event of theirs: 5 page + 2 + 3 page + 10 feature… counted by hand below.
    const firefoxEvents = EVENTS.filter((event) => event.browser === "Firefox" && event.kind !== "KEY").length;
    expect(dashboard.charts.browsers.rows).toEqual([{ name: "Firefox", userDays: 5, events: firefoxEvents }]);
    expect(dashboard.charts["device-types"].rows).toEqual([{ name: "desktop", userDays: 6 + 3 + 1, events: EVENTS.filter((e) => e.kind !== "KEY").length }]);
  });

  it("derives the opt-in rate from the consent ledger, hiding days with 1 to K-1 sharing accounts", () => {
    const byDay = Object.fromEntries(dashboard.charts["opt-in"].rows.map((row) => [row.day, row]));
    expect(byDay["2026-03-04"]).toEqual({ day: "2026-03-04", accounts: 12, sharing: 0, optInRate: 0 });
    expect(byDay["2026-03-05"]).toEqual({ day: "2026-03-05", accounts: 12, sharing: 5, optInRate: 41.7 });
    expect(byDay["2026-03-07"]).toEqual({ day: "2026-03-07", accounts: null, sharing: null, optInRate: null }); // 4 share
    expect(byDay["2026-03-09"]).toEqual({ day: "2026-03-09", accounts: 12, sharing: 5, optInRate: 41.7 });
  });

  it("counts programs of sharing owners only, folding small size groups", () => {
    const sizes = dashboard.charts["program-sizes"];
    expect(sizes.summary).toBe("5 programs");
    // "No partners" (1 owner) and "1–4 partners" (4 owners) are each under K; together they are 5 owners.
    expect(sizes.rows).toEqual([{ size: "Other sizes", programs: 5 }]);
    expect(dashboard.charts["new-programs"].rows).toEqual([
      { week: "2026-03-02", programs: 0 },
      { week: "2026-03-09", programs: 5 },
    ]);
  });

  it("never lets a suppressed cell into a chart or a CSV export", async () => {
    const everything = JSON.stringify(dashboard.charts);
    for (const name of HIDDEN_NAMES) expect(everything).not.toContain(name);
    for (const chart of Object.keys(dashboard.charts) as (keyof InsightsDashboard["charts"])[]) {
      const { csv } = await exportInsightsCsv({ chart, rangeDays: 7, now: NOW });
      for (const name of HIDDEN_NAMES) expect(csv).not.toContain(name);
    }
  });

  it("exports a chart as CSV with the same rows", async () => {
    const { csv, filename } = await exportInsightsCsv({ chart: "pages", rangeDays: 7, now: NOW });
    expect(filename).toBe("candor-insights-pages-2026-03-04-to-2026-03-10.csv");
    expect(csv).toBe("Route,Page views,Median time on page\r\n/programs/[id],9,5000\r\nOther,9,100\r\n");
    const daily = await exportInsightsCsv({ chart: "active-users", rangeDays: 7, now: NOW });
    expect(daily.csv).toContain(`${D1},6\r\n`);
    expect(daily.csv).toContain(`${D2},suppressed\r\n`);
  });

  it("follows the K setting", async () => {
    await db.setting.upsert({ where: { key: "kAnonymity" }, create: { key: "kAnonymity", value: 3 }, update: { value: 3 } });
    try {
      const withK3 = await getInsightsDashboard({ rangeDays: 7, now: NOW });
      expect(withK3.charts["active-users"].rows.find((row) => row.day === D2)?.users).toBe(3);
      expect(withK3.charts.features.rows).toEqual([
        { feature: "export-csv", uses: 5 },
        { feature: "invite", uses: 3 },
      ]);
    } finally {
      await db.setting.delete({ where: { key: "kAnonymity" } });
    }
  });
});
