import type { Cell, ColumnFormat } from "@/lib/insights/charts/types";

/** How a cell reads in tables, tooltips and axis ticks. Null is a suppressed cell. */
export function formatCell(value: Cell, format: ColumnFormat, k: number): string {
  if (value === null) return `Hidden (fewer than ${k})`;
  if (typeof value === "string") return format === "day" ? formatDay(value) : value;
  switch (format) {
    case "ms":
      return formatMs(value);
    case "percent":
      return `${value.toLocaleString("en", { maximumFractionDigits: 1 })} %`;
    default:
      return value.toLocaleString("en");
  }
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toLocaleString("en", { maximumFractionDigits: 1 })} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** "2026-03-09" → "Mar 9" (the days are UTC days, so they are printed in UTC). */
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString("en", { month: "short", day: "numeric", timeZone: "UTC" });
}
