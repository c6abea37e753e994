import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { indexChunkEvents } from "@/lib/recording/index-events";
import type { RrwebEvent } from "@/lib/recording/protocol";
import { custom, device } from "@/tests/support/rrweb-fixtures";

const events = (...list: unknown[]) => structuredClone(list) as RrwebEvent[];

describe("indexChunkEvents", () => {
  it("turns Candor's custom events into index rows, counters, device info and usage facts", () => {
    const index = indexChunkEvents(
      events(
        custom(1000, "candor/session", device),
        custom(1001, "candor/page", { path: "/programs?id=7", title: "Programs" }),
        custom(1002, "candor/click", { page: "/programs", target: "button#join" }),
        custom(1003, "candor/dead-click", { page: "/programs", target: "a.more" }),
        custom(1004, "candor/error", { page: "/programs", kind: "request", message: "GET /api/x failed with 500" }),
        custom(1005, "candor/page-leave", { path: "/programs", durationMs: 4000 }),
        custom(1006, "candor/gap", { reason: "buffer-full", droppedEvents: 12 }),
        { type: 3, timestamp: 1007, data: { source: 1, positions: [] } },
      ),
    );
    expect(index.rows.map((row) => [row.kind, row.path])).toEqual([
      ["PAGE", "/programs?id="],
      ["CLICK", "/programs"],
      ["DEAD_CLICK", "/programs"],
      ["ERROR", "/programs"],
    ]);
    expect(index.counts).toEqual({ pages: 1, clicks: 1, errors: 1, rageClicks: 0, deadClicks: 1 });
    expect(index.device?.browser).toBe("Chrome");
    expect(index.pageLeaves).toEqual([{ path: "/programs", durationMs: 4000, ts: new Date(1005) }]);
    expect(index.usage.map((fact) => fact.kind)).toEqual(["click", "dead_click", "error", "page"]);
    expect(index.usage[0]).toMatchObject({ feature: "button#join", ts: new Date(1002) });
  });

  it("writes the validated payload back: long texts truncated, query values stripped", () => {
    const list = events(custom(1, "candor/console", { page: "/x?secret=1", level: "error", message: "m".repeat(1500) }));
    indexChunkEvents(list);
    const payload = list[0].data.payload as { page: string; message: string };
    expect(payload.page).toBe("/x?secret=");
    expect(payload.message).toHaveLength(500);
  });

  it("rejects a malformed Candor payload", () => {
    expect(() => indexChunkEvents(events(custom(1, "candor/click", { target: 42 })))).toThrow(ZodError);
    expect(() => indexChunkEvents(events(custom(1, "candor/rage-click", { page: "/", target: "a", count: 2 })))).toThrow(ZodError);
  });
});
