import { describe, expect, it } from "vitest";
import { listHref } from "@/lib/support/list-href";
import { formatClock, formatDuration, parseClock } from "@/lib/support/time";
import { toTimelineItem } from "@/lib/support/timeline";

describe("replay clock", () => {
  it("formats offsets as m:ss or h:mm:ss", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(65_400)).toBe("1:05");
    expect(formatClock(3_725_000)).toBe("1:02:05");
    expect(formatClock(-5)).toBe("0:00");
  });

  it("parses ?t= as seconds, m:ss or h:mm:ss, and refuses anything else", () => {
    expect(parseClock("1:05")).toBe(65_000);
    expect(parseClock("01:05")).toBe(65_000);
    expect(parseClock("75")).toBe(75_000);
    expect(parseClock("1:02:05")).toBe(3_725_000);
    for (const bad of ["", "1:75", "a:bc", "1:2:3:4", "-5", "1.5", null, undefined]) expect(parseClock(bad)).toBeNull();
  });

  it("round-trips what the copy-link button writes", () => {
    for (const ms of [0, 59_000, 61_000, 3_599_000, 3_600_000, 7_384_000]) expect(parseClock(formatClock(ms))).toBe(ms);
  });

  it("describes durations for tables", () => {
    expect(formatDuration(42_000)).toBe("42 s");
    expect(formatDuration(200_000)).toBe("3 min 20 s");
    expect(formatDuration(180_000)).toBe("3 min");
    expect(formatDuration(3_900_000)).toBe("1 h 5 min");
  });
});

describe("timeline items", () => {
  const row = (kind: Parameters<typeof toTimelineItem>[0]["kind"], summary: unknown) => toTimelineItem({ id: "e1", kind, ts: new Date(1_000), path: "/programs", summary });

  it("shapes each kind's summary into display text", () => {
    expect(row("PAGE", { path: "/programs", title: "Programs", durationMs: 4200 })).toMatchObject({ title: "/programs", detail: "Programs · 4 s on page", ts: 1000 });
    expect(row("RAGE_CLICK", { target: "button#save" })).toMatchObject({ title: "button#save", badge: "Rage click", problem: true });
    expect(row("CLICK", { target: "a.nav" })).toMatchObject({ title: "a.nav", problem: false, badge: undefined });
    expect(row("ERROR", { message: "TypeError: boom", source: "app.js:1" })).toMatchObject({ title: "TypeError: boom", detail: "app.js:1", problem: true });
    expect(row("CONSOLE", { level: "warn", message: "careful" })).toMatchObject({ title: "careful", badge: "warn", problem: false });
    expect(row("NETWORK", { method: "POST", path: "/api/x", status: 500, durationMs: 12.4, size: 2048 })).toMatchObject({
      title: "POST /api/x",
      detail: "12 ms · 2.0 KB",
      badge: "500",
      problem: true,
    });
    expect(row("NETWORK", { method: "GET", path: "/api/y", status: 0 })).toMatchObject({ badge: "failed", problem: true });
  });

  it("survives malformed summaries instead of breaking the console", () => {
    expect(row("ERROR", null)).toMatchObject({ title: "(no message)" });
    expect(row("NETWORK", { method: 5, status: "x" })).toMatchObject({ title: "GET (unknown)", badge: "failed" });
    expect(row("PAGE", "oops")).toMatchObject({ title: "/programs" });
  });
});

describe("list links", () => {
  it("keeps the filters, drops the page cursor when the sort changes", () => {
    const current = { q: "ann", errors: "1", cursor: "abc", dir: "next", sort: "start" };
    expect(listHref("/support", current, { sort: "duration", order: "desc" })).toBe("/support?q=ann&errors=1&sort=duration&order=desc");
    expect(listHref("/support", current, { cursor: "xyz", dir: "prev" })).toBe("/support?q=ann&errors=1&sort=start&cursor=xyz&dir=prev");
    expect(listHref("/support", {}, {})).toBe("/support");
  });
});
