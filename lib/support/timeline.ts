import { z } from "zod";

/**
 * The side-panel items of a replay (pages, clicks, errors, network, console), shaped from SessionEvent rows.
 * The summaries were written from recorded data, so they are parsed leniently here and reduced to display text:
 * a malformed summary shows as "(no details)" rather than breaking the console. Shared with the browser (types only).
 */
export type TimelineKind = "PAGE" | "CLICK" | "RAGE_CLICK" | "DEAD_CLICK" | "ERROR" | "CONSOLE" | "NETWORK";

export type TimelineItem = {
  id: string;
  kind: TimelineKind;
  /** Epoch milliseconds (the recorder's clock, the same clock as the rrweb events). */
  ts: number;
  path: string;
  title: string;
  detail: string;
  /** Network status, console level: shown as a badge. */
  badge?: string;
  /** An error or failed request: drawn in red. */
  problem?: boolean;
};

const text = (max = 2000) => z.string().max(100_000).transform((value) => value.slice(0, max)).optional().catch(undefined);
const number = z.number().finite().optional().catch(undefined);

const pageSummary = z.object({ path: text(500), title: text(300), durationMs: number });
const clickSummary = z.object({ target: text(300), x: number, y: number });
const errorSummary = z.object({ message: text(1000), source: text(500), stack: text(4000) });
const consoleSummary = z.object({ level: text(20), message: text(1000) });
const networkSummary = z.object({ method: text(10), path: text(500), status: number, durationMs: number, size: number });

const CLICK_LABEL = { CLICK: "Click", RAGE_CLICK: "Rage click", DEAD_CLICK: "Dead click" } as const;

export function toTimelineItem(row: { id: string; kind: TimelineKind; ts: Date; path: string; summary: unknown }): TimelineItem {
  const base = { id: row.id, kind: row.kind, ts: row.ts.getTime(), path: row.path };
  const summary = typeof row.summary === "object" && row.summary !== null ? row.summary : {};
  switch (row.kind) {
    case "PAGE": {
      const page = pageSummary.catch({}).parse(summary);
      const stay = page.durationMs !== undefined ? ` · ${Math.round(page.durationMs / 1000)} s on page` : "";
      return { ...base, title: page.path || row.path || "(unknown page)", detail: `${page.title ?? ""}${stay}`.replace(/^ · /, "") };
    }
    case "CLICK":
    case "RAGE_CLICK":
    case "DEAD_CLICK": {
      const click = clickSummary.catch({}).parse(summary);
      return { ...base, title: click.target || "(element)", detail: `${CLICK_LABEL[row.kind]} on ${row.path || "?"}`, problem: row.kind !== "CLICK", badge: row.kind === "CLICK" ? undefined : CLICK_LABEL[row.kind] };
    }
    case "ERROR": {
      const error = errorSummary.catch({}).parse(summary);
      return { ...base, title: error.message || "(no message)", detail: [error.source, error.stack].filter(Boolean).join("\n"), problem: true };
    }
    case "CONSOLE": {
      const entry = consoleSummary.catch({}).parse(summary);
      const level = entry.level || "log";
      return { ...base, title: entry.message || "(empty)", detail: row.path, badge: level, problem: level === "error" };
    }
    case "NETWORK": {
      const request = networkSummary.catch({}).parse(summary);
      const status = request.status ?? 0;
      const parts = [request.durationMs !== undefined ? `${Math.round(request.durationMs)} ms` : "", request.size !== undefined ? formatBytes(request.size) : ""];
      return {
        ...base,
        title: `${request.method ?? "GET"} ${request.path ?? "(unknown)"}`,
        detail: parts.filter(Boolean).join(" · "),
        badge: status ? String(status) : "failed",
        problem: status === 0 || status >= 400,
      };
    }
  }
}

function formatBytes(bytes: number) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
