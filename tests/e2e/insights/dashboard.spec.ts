import { expect, test } from "@playwright/test";
import { signInAs } from "../support/auth";

// The demo seed gives a fresh database 90 days of anonymous usage events (prisma/seed-demo-usage.ts).

// Every chart is an aggregate over the range; on the embedded database of a busy CI machine that takes seconds.
const CHARTS_READY = { timeout: 45_000 };

test("an analyst sees the insights charts with data, under the privacy floor", async ({ page }) => {
  test.setTimeout(150_000);
  await signInAs(page, "ANALYST");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Insights" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Insights" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Daily active sharing users" })).toBeVisible(CHARTS_READY);
  await expect(page.getByRole("link", { name: "30 days" })).toHaveAttribute("aria-current", "page");

  const pages = page.getByRole("region", { name: "Page views and median time on page" });
  // The drawing has bars, and the table alternative has the same routes — templated, never an id.
  await expect(pages.locator("[data-chart-drawing] .recharts-bar-rectangle").first()).toBeVisible();
  await pages.getByText("Data table").click();
  await expect(pages.getByRole("rowheader", { name: "/programs/[id]" })).toBeVisible();

  const activeUsers = page.getByRole("region", { name: "Daily active sharing users" });
  await expect(activeUsers.locator("[data-chart-drawing] .recharts-line-curve")).toBeVisible();
  for (const title of ["Sessions per day", "Most-used features", "Error rate per route", "Top error messages", "Rage and dead clicks per route", "Browsers", "Operating systems", "Device types"]) {
    await expect(page.getByRole("region", { name: title }).locator("[data-chart-drawing] svg.recharts-surface").first()).toBeVisible();
  }
  for (const title of ["Opt-in rate over time", "Program sizes", "New programs per week"]) {
    await expect(page.getByRole("region", { name: title })).toBeVisible();
  }

  // The demo's rarest route is folded away, and the chart says so.
  await expect(pages.getByRole("list", { name: "Privacy floor" })).toContainText("folded into “Other”");

  // Switching the range reloads every chart for 7 days.
  await page.getByRole("link", { name: "7 days" }).click();
  await expect(page).toHaveURL(/range=7/);
  await expect(page.getByRole("link", { name: "7 days" })).toHaveAttribute("aria-current", "page", CHARTS_READY);
  await activeUsers.getByText("Data table").click();
  await expect(activeUsers.getByRole("table").getByRole("row")).toHaveCount(8); // header + 7 days

  // Each chart downloads as CSV with the same rows.
  const download = page.waitForEvent("download");
  await pages.getByRole("link", { name: "CSV of Page views and median time on page" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^candor-insights-pages-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const exported = await page.request.get("/api/insights/export/pages?range=7");
  expect(exported.headers()["content-type"]).toContain("text/csv");
  const csv = await exported.text();
  expect(csv.split("\r\n")[0]).toBe("Route,Page views,Median time on page");
  expect(csv).toContain("/programs/[id],");
});

for (const role of ["MEMBER", "SUPPORT"] as const) {
  test(`a ${role.toLowerCase()} gets 403 for the dashboard and its exports`, async ({ page }) => {
    await signInAs(page, role);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Insights" })).toHaveCount(0);
    const response = await page.goto("/insights");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
    await expect(page.locator("[data-chart]")).toHaveCount(0);

    const exportResponse = await page.request.get("/api/insights/export/pages?range=30");
    expect(exportResponse.status()).toBe(403);
    expect(await exportResponse.json()).toEqual({ error: { code: "FORBIDDEN", message: expect.any(String) } });
  });
}

test("a signed-out visitor gets 401 from the export and is sent to sign in from the dashboard", async ({ page }) => {
  const exportResponse = await page.request.get("/api/insights/export/pages");
  expect(exportResponse.status()).toBe(401);
  await page.goto("/insights");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Finsights/);
});
