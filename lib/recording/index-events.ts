import { EVENT_TYPE, isCandorTag, type CandorTag } from "./event-format";
import { customPayloadSchemas, type RrwebEvent } from "./protocol";
import type { SessionEventKind } from "@/lib/generated/prisma/enums";
import type { z } from "zod";

/**
 * Turns a chunk's (scrubbed, time-corrected) events into what the server stores beside it: `SessionEvent` index rows,
 * counters for the session summary, device info, page-leave durations and anonymous usage facts for insights.
 * Pure. It also validates every Candor custom payload and writes the validated form back (truncated texts, query
 * values stripped), so what is stored is exactly what was checked; an invalid payload throws a ZodError (400).
 */

type Parsed<Tag extends CandorTag> = z.output<(typeof customPayloadSchemas)[Tag]>;

export type IndexRow = { ts: Date; kind: SessionEventKind; path: string; summary: Record<string, unknown> };
export type UsageFact = {
  kind: "page" | "click" | "rage_click" | "dead_click" | "error";
  path: string;
  ts: Date;
  durationMs?: number;
  feature?: string;
  message?: string;
};
export type ChunkIndex = {
  rows: IndexRow[];
  pageLeaves: { path: string; durationMs: number; ts: Date }[];
  device: Parsed<"candor/session"> | null;
  counts: { pages: number; clicks: number; errors: number; rageClicks: number; deadClicks: number };
  usage: UsageFact[];
};

const KIND_BY_TAG: Partial<Record<CandorTag, SessionEventKind>> = {
  "candor/page": "PAGE",
  "candor/click": "CLICK",
  "candor/rage-click": "RAGE_CLICK",
  "candor/dead-click": "DEAD_CLICK",
  "candor/error": "ERROR",
  "candor/console": "CONSOLE",
  "candor/network": "NETWORK",
};

export function indexChunkEvents(events: RrwebEvent[]): ChunkIndex {
  const index: ChunkIndex = {
    rows: [],
    pageLeaves: [],
    device: null,
    counts: { pages: 0, clicks: 0, errors: 0, rageClicks: 0, deadClicks: 0 },
    usage: [],
  };
  for (const event of events) {
    if (event.type !== EVENT_TYPE.Custom) continue;
    const { tag } = event.data;
    if (!isCandorTag(tag)) continue;
    const payload = customPayloadSchemas[tag].parse(event.data.payload);
    event.data.payload = payload;
    const ts = new Date(event.timestamp);
    addFact(index, tag, payload, ts);
  }
  return index;
}

function addFact(index: ChunkIndex, tag: CandorTag, payload: unknown, ts: Date) {
  const kind = KIND_BY_TAG[tag];
  switch (tag) {
    case "candor/session":
      index.device = payload as Parsed<"candor/session">;
      return;
    case "candor/page-leave": {
      const leave = payload as Parsed<"candor/page-leave">;
      index.pageLeaves.push({ ...leave, ts });
      index.usage.push({ kind: "page", path: leave.path, ts, durationMs: leave.durationMs });
      return;
    }
    case "candor/page": {
      const page = payload as Parsed<"candor/page">;
      index.counts.pages++;
      index.rows.push({ ts, kind: "PAGE", path: page.path, summary: { path: page.path, title: page.title } });
      return;
    }
    case "candor/click":
    case "candor/rage-click":
    case "candor/dead-click": {
      const click = payload as Parsed<"candor/click">;
      const summary = { target: click.target, ...(click.x !== undefined ? { x: click.x } : {}), ...(click.y !== undefined ? { y: click.y } : {}) };
      index.rows.push({ ts, kind: kind!, path: click.page, summary });
      if (tag === "candor/click") index.counts.clicks++;
      if (tag === "candor/rage-click") index.counts.rageClicks++;
      if (tag === "candor/dead-click") index.counts.deadClicks++;
      const usageKind = tag === "candor/click" ? "click" : tag === "candor/rage-click" ? "rage_click" : "dead_click";
      index.usage.push({ kind: usageKind, path: click.page, ts, feature: click.target });
      return;
    }
    case "candor/error": {
      const error = payload as Parsed<"candor/error">;
      index.counts.errors++;
      const summary = { message: error.message, kind: error.kind, ...(error.source ? { source: error.source } : {}), ...(error.stack ? { stack: error.stack } : {}) };
      index.rows.push({ ts, kind: "ERROR", path: error.page, summary });
      index.usage.push({ kind: "error", path: error.page, ts, message: error.message });
      return;
    }
    case "candor/console": {
      const entry = payload as Parsed<"candor/console">;
      index.rows.push({ ts, kind: "CONSOLE", path: entry.page, summary: { level: entry.level, message: entry.message } });
      return;
    }
    case "candor/network": {
      const request = payload as Parsed<"candor/network">;
      const { page, ...summary } = request;
      index.rows.push({ ts, kind: "NETWORK", path: page, summary });
      return;
    }
    case "candor/gap":
      return;
  }
}
