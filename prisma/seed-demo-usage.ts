/**
 * DEMO DATA for /insights on a fresh database, like the seeded programs: 90 days of anonymous usage events from
 * made-up visitors, so the dashboards have something to show. It is not derived from any account: visitors are
 * random per-day tokens (as real daily hashes would look) and nobody's consent is implied. Deterministic (a fixed
 * seed) so demo screenshots and e2e runs see the same shapes.
 */
import type { PrismaClient } from "../lib/generated/prisma/client";
import type { UsageEventKind } from "../lib/generated/prisma/enums";

const DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/** mulberry32: a tiny seeded PRNG. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Weighted<T> = [T, number][];

const ROUTES: Weighted<string> = [
  ["/", 22],
  ["/programs", 20],
  ["/programs/[id]", 24],
  ["/messages", 10],
  ["/messages/[id]", 10],
  ["/programs/new", 4],
  ["/settings/profile", 5],
  ["/settings/privacy", 2],
  ["/programs/[id]/edit", 1],
];
const FEATURES: Record<string, Weighted<string>> = {
  "/programs": [["program-search", 5], ["program-filter", 3]],
  "/programs/[id]": [["join-program", 3], ["copy-referral-link", 5], ["export-csv", 1]],
  "/messages/[id]": [["compose-message", 4]],
  "/": [["dashboard-card", 2]],
};
const ERRORS: Record<string, Weighted<string>> = {
  "/programs/[id]": [["TypeError: Failed to fetch", 3], ["Request failed with status [n]", 2]],
  "/messages": [["ChunkLoadError: Loading chunk [n] failed", 1]],
  "/programs/[id]/edit": [["Cannot read properties of undefined (reading \"…\")", 1]],
};
const DEVICES: Weighted<{ browser: string; os: string; deviceType: string }> = [
  [{ browser: "Chrome", os: "Windows", deviceType: "desktop" }, 30],
  [{ browser: "Chrome", os: "macOS", deviceType: "desktop" }, 14],
  [{ browser: "Safari", os: "macOS", deviceType: "desktop" }, 10],
  [{ browser: "Firefox", os: "Linux", deviceType: "desktop" }, 8],
  [{ browser: "Edge", os: "Windows", deviceType: "desktop" }, 5],
  [{ browser: "Mobile Safari", os: "iOS", deviceType: "mobile" }, 18],
  [{ browser: "Chrome", os: "Android", deviceType: "mobile" }, 12],
  [{ browser: "Mobile Safari", os: "iPadOS", deviceType: "tablet" }, 3],
];

type Row = {
  day: Date;
  at: Date;
  kind: UsageEventKind;
  route: string;
  name: string;
  message: string;
  durationMs: number | null;
  browser: string;
  os: string;
  deviceType: string;
  visitor: string;
};

export function demoUsageRows(now = new Date(), seed = 10_042): Row[] {
  const random = prng(seed);
  const pick = <T>(items: Weighted<T>): T => {
    let r = random() * items.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [item, weight] of items) if ((r -= weight) < 0) return item;
    return items[items.length - 1][0];
  };
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const rows: Row[] = [];
  for (let d = DAYS - 1; d >= 0; d--) {
    const day = new Date(today - d * DAY_MS);
    const weekend = day.getUTCDay() === 0 || day.getUTCDay() === 6;
    const visitors = (weekend ? 5 : 9) + Math.floor(random() * 6) + Math.floor((DAYS - d) / 30);
    for (let v = 0; v < visitors; v++) {
      const visitor = `demo${Math.floor(random() * 2 ** 48).toString(36)}`;
      const device = pick(DEVICES);
      const visits = random() < 0.3 ? 2 : 1;
      for (let visit = 0; visit < visits; visit++) {
        // Today's visits end before now, so nothing is dated in the future.
        const latestStart = d === 0 ? Math.max(0, now.getTime() - today - 3600_000) : 20 * 3600_000;
        let t = day.getTime() + Math.min(latestStart, (8 + random() * 12 + visit * 4) * 3600_000);
        const pages = 2 + Math.floor(random() * 5);
        for (let p = 0; p < pages; p++) {
          const route = pick(ROUTES);
          const durationMs = Math.round(2000 + random() ** 2 * 110_000);
          const at = () => new Date(Math.floor(Math.min(t, now.getTime()) / 60_000) * 60_000);
          const base = { day, route, name: "", message: "", durationMs: null, ...device, visitor };
          rows.push({ ...base, at: at(), kind: "PAGE", durationMs });
          t += durationMs / 2;
          if (FEATURES[route] && random() < 0.55) rows.push({ ...base, at: at(), kind: "FEATURE", name: pick(FEATURES[route]) });
          if (ERRORS[route] && random() < 0.18) rows.push({ ...base, at: at(), kind: "ERROR", message: pick(ERRORS[route]) });
          if (route === "/programs/[id]" && random() < 0.12) rows.push({ ...base, at: at(), kind: "RAGE_CLICK" });
          if (route === "/settings/profile" && random() < 0.25) rows.push({ ...base, at: at(), kind: "DEAD_CLICK" });
          if (route === "/programs/new" && random() < 0.4) rows.push({ ...base, route: "", browser: "", os: "", deviceType: "", at: at(), kind: "KEY", name: "program_created" });
          if (route === "/messages/[id]" && random() < 0.5) rows.push({ ...base, route: "", browser: "", os: "", deviceType: "", at: at(), kind: "KEY", name: "message_sent" });
          t += durationMs / 2;
        }
      }
    }
  }
  return rows;
}

/** Demo only: fills an empty UsageEvent table (called from prisma/seed.ts on a fresh database). */
export async function seedDemoUsage(db: PrismaClient, now = new Date()): Promise<number> {
  if ((await db.usageEvent.count()) > 0) return 0;
  const rows = demoUsageRows(now);
  for (let i = 0; i < rows.length; i += 2000) await db.usageEvent.createMany({ data: rows.slice(i, i + 2000) });
  return rows.length;
}
