import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getInsightsDashboard } from "@/lib/insights/get-insights-dashboard";
import { seedDemoUsage } from "@/prisma/seed-demo-usage";

describe("demo usage data", () => {
  it("fills every usage chart of a 30-day dashboard", async () => {
    const now = new Date();
    const stored = await seedDemoUsage(db, now);
    expect(stored).toBeGreaterThan(1000);
    expect(await seedDemoUsage(db, now)).toBe(0); // idempotent

    const { charts } = await getInsightsDashboard({ rangeDays: 30, now });
    for (const id of ["pages", "features", "key-events", "errors-by-route", "error-messages", "frustration", "browsers", "operating-systems", "device-types"] as const) {
      expect(charts[id].rows.length, id).toBeGreaterThan(0);
    }
    expect(charts["active-users"].rows.filter((row) => typeof row.users === "number" && row.users > 0).length).toBeGreaterThan(20);
    expect(charts.pages.rows.map((row) => row.route)).toContain("/programs/[id]");
  });
});
