/**
 * The two pages `bench:recorder` drives, identical in every variant so that only the recorder differs:
 * - the heavy page: a 1,000-row programs table built inside /programs' <main>, re-sorted and filtered every two
 *   seconds, with ten cells and a clock changing every 100 ms (a fixed number of steps, run in the page);
 * - the ordinary flow: dashboard → programs (typing a search, submitting it) → /programs/new (filling the form,
 *   then Cancel) → dashboard, with a person's pauses, driven by Playwright.
 */
import type { Page } from "@playwright/test";
import { formatCommission } from "../lib/programs/commission";

export type BenchProgram = {
  name: string;
  description: string;
  commissionType: "PERCENT" | "FLAT";
  commissionValue: number;
  cookieDays: number;
  status: "ACTIVE" | "PAUSED";
};

/** One table row as the heavy page shows it, with the values it sorts and filters on. */
export type TableRow = { name: string; commission: string; commissionValue: number; cookieDays: number; status: string; partners: number; search: string };

const BRANDS = ["Northwind", "Brightside", "Fernhill", "Ledgerly", "Tandem", "Pagecraft", "Summit", "Harbor", "Copper", "Juniper"];
const PRODUCTS = ["Outdoor Gear", "Solar", "Coffee Club", "Bookkeeping", "Language Lessons", "Templates", "Bikes", "Skincare", "Pet Supplies", "Co-working"];

/** `count` programs with varied names, terms and states, the same on every run (no randomness). */
export function benchPrograms(count: number): BenchProgram[] {
  return Array.from({ length: count }, (_, i) => {
    const flat = i % 3 === 0;
    return {
      name: `${BRANDS[i % 10]} ${PRODUCTS[Math.floor(i / 10) % 10]} ${String(i + 1).padStart(4, "0")}`,
      description: `Partner program number ${i + 1} for ${PRODUCTS[Math.floor(i / 10) % 10].toLowerCase()}.`,
      commissionType: flat ? "FLAT" : "PERCENT",
      commissionValue: flat ? 1000 + ((i * 137) % 20_000) : 100 + ((i * 53) % 3_000),
      cookieDays: 7 + ((i * 11) % 84),
      status: i % 7 === 0 ? "PAUSED" : "ACTIVE",
    };
  });
}

export function tableRows(programs: BenchProgram[]): TableRow[] {
  return programs.map((program, i) => ({
    name: program.name,
    commission: formatCommission(program.commissionType, program.commissionValue),
    commissionValue: program.commissionValue,
    cookieDays: program.cookieDays,
    status: program.status === "ACTIVE" ? "Active" : "Paused",
    partners: (i * 7) % 40,
    search: `${program.name} ${program.status}`.toLowerCase(),
  }));
}

/**
 * Added to every page before its own scripts. tsx (esbuild with keepNames) wraps the named inner functions of the
 * in-page workload in `__name(…)`; the page has no such helper, so give it one that does nothing.
 */
export const PAGE_SHIM = "globalThis.__name = (fn) => fn;";

type HeavyOptions = { rows: TableRow[]; steps: number; stepMs: number };

/**
 * Runs inside the page (serialized by page.evaluate, so it may use nothing from this module). Step `i` is due at
 * `i × stepMs`; a late step runs at once, so every variant does exactly the same work even when it falls behind.
 */
async function heavyTableInPage({ rows, steps, stepMs }: HeavyOptions) {
  const section = document.createElement("section");
  section.innerHTML =
    '<label>Filter programs <input type="search"></label><p></p>' +
    "<table><thead><tr><th>Program</th><th>Commission</th><th>Cookie</th><th>Status</th><th>Partners</th></tr></thead><tbody></tbody></table>";
  document.querySelector("main")!.append(section);
  const input = section.querySelector("input")!;
  const clock = section.querySelector("p")!;
  const tbody = section.querySelector("tbody")!;

  const items = rows.map((row) => {
    const tr = document.createElement("tr");
    const cells = [row.name, row.commission, `${row.cookieDays} days`, row.status, String(row.partners)].map((text) => {
      const td = document.createElement("td");
      td.textContent = text;
      tr.append(td);
      return td;
    });
    return { row: { ...row }, tr, partnersCell: cells[4] };
  });
  tbody.append(...items.map((item) => item.tr));

  const sortKeys = ["partners", "cookieDays", "commissionValue", "status", "name"] as const;
  const filters = ["solar", "", "co", "paused", "", "gear 0", "a"];
  const started = performance.now();
  for (let step = 0; step < steps; step++) {
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + step * stepMs - performance.now())));
    // Steady churn: ten partner counts go up and the clock ticks.
    for (let k = 0; k < 10; k++) {
      const item = items[(step * 37 + k * 101) % items.length];
      item.row.partners += 1;
      item.partnersCell.textContent = String(item.row.partners);
    }
    clock.textContent = `Updated ${step} steps ago`;
    if (step % 20 === 0) {
      const key = sortKeys[(step / 20) % sortKeys.length];
      const direction = (step / 20) % 2 === 0 ? 1 : -1;
      const sorted = [...items].sort((a, b) => direction * (a.row[key] < b.row[key] ? -1 : a.row[key] > b.row[key] ? 1 : 0));
      // Re-appending every row in the new order is how a plain table re-sorts: 1,000 moved rows.
      tbody.append(...sorted.map((item) => item.tr));
    }
    if (step % 20 === 10) {
      const query = filters[Math.floor(step / 20) % filters.length];
      input.value = query;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      for (const item of items) item.tr.hidden = query !== "" && !item.row.search.includes(query);
    }
  }
  return performance.now() - started;
}

/** The heavy page's workload on a loaded /programs page: `seconds` of 100 ms steps. */
export async function runHeavyTable(page: Page, { rows, seconds }: { rows: TableRow[]; seconds: number }) {
  await page.evaluate(heavyTableInPage, { rows, steps: seconds * 10, stepMs: 100 });
}

/** Types like a person: one key at a time. */
const TYPING = { delay: 90 };

/**
 * The ordinary flow, `loops` times from the dashboard. `beforeFullNavigation` runs just before the one step that
 * loads a new document (the search form is a plain GET form), so per-document counters can be read first.
 */
export async function runOrdinaryFlow(page: Page, { base, loops, beforeFullNavigation }: { base: string; loops: number; beforeFullNavigation: () => Promise<void> }) {
  const nav = page.getByRole("navigation", { name: "Main" });
  await page.goto(`${base}/`);
  await page.getByRole("heading", { name: /Welcome back/ }).waitFor();
  for (let loop = 0; loop < loops; loop++) {
    await page.waitForTimeout(1_500);
    await nav.getByRole("link", { name: "Programs", exact: true }).click();
    await page.getByRole("heading", { name: "Programs", exact: true }).waitFor();
    await page.waitForTimeout(1_000);

    await page.getByLabel("Search programs").pressSequentially("solar", TYPING);
    await page.waitForTimeout(500);
    await beforeFullNavigation();
    await page.getByLabel("Search programs").press("Enter");
    await page.waitForURL(/[?&]q=solar/);
    await page.getByRole("status").filter({ hasText: "matching" }).waitFor();
    await page.waitForTimeout(1_500);

    await page.getByRole("link", { name: "New program" }).click();
    await page.getByRole("heading", { name: "New program" }).waitFor();
    await page.waitForTimeout(800);
    await page.getByLabel("Name", { exact: true }).pressSequentially("Trailhead Outfitters", TYPING);
    await page.getByLabel("Description").pressSequentially("Camping gear for families, with a summer bonus.", TYPING);
    await page.getByLabel("Website").pressSequentially("https://trailhead.example", TYPING);
    await page.getByLabel("Commission rate (%)").pressSequentially("12.5", TYPING);
    await page.getByLabel("Cookie duration (days)").fill("");
    await page.getByLabel("Cookie duration (days)").pressSequentially("45", TYPING);
    await page.getByLabel("Status").selectOption("PAUSED");
    await page.waitForTimeout(1_000);
    // Cancel rather than submit: a created program would change the lists every later run shows.
    await page.getByRole("link", { name: "Cancel" }).click();
    await page.getByRole("heading", { name: "Programs", exact: true }).waitFor();
    await page.waitForTimeout(1_000);

    await nav.getByRole("link", { name: "Dashboard", exact: true }).click();
    await page.getByRole("heading", { name: /Welcome back/ }).waitFor();
  }
}
