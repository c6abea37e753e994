import { db } from "@/lib/db";
import type { UsageEventKind } from "@/lib/generated/prisma/enums";

/**
 * The hand-built insights data set (K = 5) of tests/integration/insights: three days, 2026-03-08 to 2026-03-10.
 * Visitors are written as the daily hashes would be: "a1" on 03-09 and "b1" on 03-10 may well be the same person.
 */
export const D0 = "2026-03-08";
export const D1 = "2026-03-09";
export const D2 = "2026-03-10";

export type Ev = { day: string; time: string; visitor: string; kind: UsageEventKind; route?: string; name?: string; message?: string; durationMs?: number; browser?: string };
export const a = (n: number) => `a${n}`;
export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const EVENTS: Ev[] = [
  // /programs: 6 people on D1 (durations 1–6 s), 3 on D2 (7–9 s) → kept; 9 views; median 5 s.
  ...range(1, 6).map((n): Ev => ({ day: D1, time: "10:00", visitor: a(n), kind: "PAGE", route: "/programs/[id]", durationMs: n * 1000, browser: n <= 5 ? "Firefox" : "Chrome" })),
  ...range(1, 3).map((n): Ev => ({ day: D2, time: "09:00", visitor: `b${n}`, kind: "PAGE", route: "/programs/[id]", durationMs: (n + 6) * 1000, browser: "Chrome" })),
  // /settings/privacy: 2 people on D1, 3 on D2 → small. /admin: 3 people on D1 → small.
  // With c1's "/" on D0 (also small), "Other" is a1…a5 on D1 = 5 people → shown: 9 views, median 0.1 s.
  ...range(1, 2).map((n): Ev => ({ day: D1, time: "10:05", visitor: a(n), kind: "PAGE", route: "/settings/privacy", durationMs: 100, browser: "Firefox" })),
  ...range(1, 3).map((n): Ev => ({ day: D2, time: "09:05", visitor: `b${n}`, kind: "PAGE", route: "/settings/privacy", durationMs: 100, browser: "Chrome" })),
  ...range(3, 5).map((n): Ev => ({ day: D1, time: "10:05", visitor: a(n), kind: "PAGE", route: "/admin", durationMs: 100, browser: "Firefox" })),
  // One lone visitor on D0.
  { day: D0, time: "12:00", visitor: "c1", kind: "PAGE", route: "/", durationMs: 500, browser: "Chrome" },
  // Features: export-csv by 5 → kept. bulk-edit by 2 and invite by 3 add up to 5, but they are the same 3 people → hidden.
  ...range(1, 5).map((n): Ev => ({ day: D1, time: "10:06", visitor: a(n), kind: "FEATURE", route: "/programs/[id]", name: "export-csv", browser: "Firefox" })),
  ...range(1, 2).map((n): Ev => ({ day: D1, time: "10:07", visitor: a(n), kind: "FEATURE", route: "/programs/[id]", name: "bulk-edit", browser: "Firefox" })),
  ...range(1, 3).map((n): Ev => ({ day: D1, time: "10:08", visitor: a(n), kind: "FEATURE", route: "/programs/[id]", name: "invite", browser: "Firefox" })),
  // Errors on /programs by 5 people (a1's at 15:00 starts a second visit) → kept. a6's error on /admin → hidden.
  ...range(2, 5).map((n): Ev => ({ day: D1, time: "10:10", visitor: a(n), kind: "ERROR", route: "/programs/[id]", message: "Network request failed", browser: "Firefox" })),
  { day: D1, time: "15:00", visitor: a(1), kind: "ERROR", route: "/programs/[id]", message: "Network request failed", browser: "Firefox" },
  { day: D1, time: "10:15", visitor: a(6), kind: "ERROR", route: "/admin", message: "Cannot read properties of undefined", browser: "Chrome" },
  // Rage clicks on /programs by 5 → kept; one dead click on /admin → hidden.
  ...range(1, 5).map((n): Ev => ({ day: D1, time: "10:11", visitor: a(n), kind: "RAGE_CLICK", route: "/programs/[id]", browser: "Firefox" })),
  { day: D1, time: "10:12", visitor: a(3), kind: "DEAD_CLICK", route: "/admin", browser: "Firefox" },
  // Key events: program_created by 5 → kept; message_sent by 1 → hidden.
  ...range(1, 5).map((n): Ev => ({ day: D1, time: "10:13", visitor: a(n), kind: "KEY", name: "program_created" })),
  { day: D1, time: "10:14", visitor: a(6), kind: "KEY", name: "message_sent" },
];

export const HIDDEN_NAMES = ["/settings/privacy", "/admin", "bulk-edit", "invite", "Cannot read properties", "message_sent", "Message sent", "Chrome"];

export async function seedUsage() {
  await db.usageEvent.createMany({
    data: EVENTS.map((event) => ({
      day: new Date(`${event.day}T00:00:00Z`),
      at: new Date(`${event.day}T${event.time}:00Z`),
      kind: event.kind,
      route: event.route ?? "",
      name: event.name ?? "",
      message: event.message ?? "",
      durationMs: event.durationMs ?? null,
      browser: event.browser ?? "",
      os: event.browser ? "Linux" : "",
      deviceType: event.browser ? "desktop" : "",
      visitor: event.visitor,
    })),
  });
}

