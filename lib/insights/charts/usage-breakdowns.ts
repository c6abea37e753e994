import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { foldedBreakdown, recentCells, type BreakdownRow } from "./breakdown";
import { dayCells } from "./dimensions";
import { OTHER_LABEL, type ChartContext, type ChartData, type ChartRow } from "./types";

const labelOf = (row: BreakdownRow, rename: (key: string) => string = (key) => key) => (row.label === null ? OTHER_LABEL : rename(row.label));
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Math.round(Number(value)));

/** Biggest first, "Other" last. */
function byValue(metric: "events" | "userDays") {
  return (a: BreakdownRow, b: BreakdownRow) => Number(a.label === null) - Number(b.label === null) || Number(b[metric]) - Number(a[metric]);
}

const notes = (...items: (string | null)[]) => items.filter((item): item is string => item !== null);

export async function pagesChart(ctx: ChartContext): Promise<ChartData> {
  const { rows, note } = await foldedBreakdown({
    ctx,
    noun: "route",
    dimension: "page-route",
  });
  return {
    id: "pages",
    title: "Page views and median time on page",
    description: "Page views per route template, and the median time a page stayed open (to two significant digits).",
    columns: [
      { key: "route", label: "Route", format: "text" },
      { key: "views", label: "Page views", format: "int" },
      { key: "medianMs", label: "Median time on page", format: "ms" },
    ],
    rows: rows.sort(byValue("events")).map((row) => ({ route: labelOf(row), views: num(row.events), medianMs: num(row.medianMs) })),
    notes: notes(note),
    k: ctx.k,
  };
}

export async function featuresChart(ctx: ChartContext): Promise<ChartData> {
  const { rows, note } = await foldedBreakdown({
    ctx,
    noun: "feature",
    dimension: "feature",
  });
  return {
    id: "features",
    title: "Most-used features",
    description: "Clicks on named features (controls marked with a feature name).",
    columns: [
      { key: "feature", label: "Feature", format: "text" },
      { key: "uses", label: "Uses", format: "int" },
    ],
    rows: rows.sort(byValue("events")).map((row) => ({ feature: labelOf(row), uses: num(row.events) })),
    notes: notes(note),
    k: ctx.k,
  };
}

const KEY_EVENT_LABELS: Record<string, string> = {
  program_created: "Program created",
  message_sent: "Message sent",
  setting_changed: "Setting changed",
};

export async function keyEventsChart(ctx: ChartContext): Promise<ChartData> {
  const { rows, note } = await foldedBreakdown({
    ctx,
    noun: "key event",
    dimension: "key-event",
  });
  return {
    id: "key-events",
    title: "Key events",
    description: "Actions the server saw sharing users complete.",
    columns: [
      { key: "event", label: "Event", format: "text" },
      { key: "count", label: "Count", format: "int" },
    ],
    rows: rows.sort(byValue("events")).map((row) => ({ event: labelOf(row, (key) => KEY_EVENT_LABELS[key] ?? key), count: num(row.events) })),
    notes: notes(note),
    k: ctx.k,
  };
}

export async function errorsByRouteChart(ctx: ChartContext): Promise<ChartData> {
  const { rows, keptKeys, foldedKeys, note } = await foldedBreakdown({
    ctx,
    noun: "route",
    dimension: "error-route",
  });
  // The rate's denominator: page views of the same routes, folded the same way.
  const views = rows.length
    ? await db.$queryRaw<{ label: string | null; views: number }[]>(Prisma.sql`
        SELECT CASE WHEN key = ANY(${keptKeys}::text[]) THEN key END AS label, sum(events)::int AS views
        FROM (${dayCells("page-route", ctx.range, await recentCells(ctx))}) cells
        WHERE key = ANY(${[...keptKeys, ...foldedKeys]}::text[])
        GROUP BY 1`)
    : [];
  const viewsOf = (label: string | null) => views.find((row) => row.label === label)?.views ?? 0;
  return {
    id: "errors-by-route",
    title: "Error rate per route",
    description: "JavaScript errors, failed requests and broken links per 100 page views of each route.",
    columns: [
      { key: "route", label: "Route", format: "text" },
      { key: "errors", label: "Errors", format: "int" },
      { key: "views", label: "Page views", format: "int" },
      { key: "errorsPer100Views", label: "Errors per 100 page views", format: "int" },
    ],
    rows: rows.sort(byValue("events")).map((row): ChartRow => {
      const pageViews = viewsOf(row.label);
      const errors = row.events;
      return { route: labelOf(row), errors, views: pageViews, errorsPer100Views: pageViews ? Math.round((errors / pageViews) * 1000) / 10 : null };
    }),
    notes: notes(note),
    k: ctx.k,
  };
}

export async function errorMessagesChart(ctx: ChartContext): Promise<ChartData> {
  const { rows, note } = await foldedBreakdown({
    ctx,
    noun: "error message",
    dimension: "error-message",
  });
  return {
    id: "error-messages",
    title: "Top error messages",
    description: "Error messages with ids, numbers, addresses and quoted values replaced.",
    columns: [
      { key: "message", label: "Message", format: "text" },
      { key: "count", label: "Occurrences", format: "int" },
    ],
    rows: rows.sort(byValue("events")).map((row) => ({ message: labelOf(row), count: num(row.events) })),
    notes: notes(note),
    k: ctx.k,
  };
}

export async function frustrationChart(ctx: ChartContext): Promise<ChartData> {
  const { rows, note } = await foldedBreakdown({
    ctx,
    noun: "route",
    dimension: "frustration-route",
  });
  return {
    id: "frustration",
    title: "Rage and dead clicks per route",
    description: "Rage clicks (rapid repeated clicks) and dead clicks (clicks that changed nothing) per route.",
    columns: [
      { key: "route", label: "Route", format: "text" },
      { key: "rage", label: "Rage clicks", format: "int" },
      { key: "dead", label: "Dead clicks", format: "int" },
    ],
    rows: rows
      .sort((a, b) => Number(a.label === null) - Number(b.label === null) || b.rageClicks + b.deadClicks - a.rageClicks - a.deadClicks)
      .map((row) => ({ route: labelOf(row), rage: row.rageClicks, dead: row.deadClicks })),
    notes: notes(note),
    k: ctx.k,
  };
}

const DEVICE_DIMENSIONS = {
  browsers: { dimension: "browser", title: "Browsers", label: "Browser" },
  "operating-systems": { dimension: "os", title: "Operating systems", label: "Operating system" },
  "device-types": { dimension: "device-type", title: "Device types", label: "Device type" },
} as const;

export async function deviceChart(ctx: ChartContext, id: keyof typeof DEVICE_DIMENSIONS): Promise<ChartData> {
  const dimension = DEVICE_DIMENSIONS[id];
  const { rows, note } = await foldedBreakdown({
    ctx,
    noun: dimension.label.toLowerCase(),
    dimension: dimension.dimension,
  });
  return {
    id,
    title: dimension.title,
    description: "Daily users summed over the range (one person on three days counts three times: days cannot be linked).",
    columns: [
      { key: "name", label: dimension.label, format: "text" },
      { key: "userDays", label: "User-days", format: "int" },
      { key: "events", label: "Events", format: "int" },
    ],
    rows: rows.sort(byValue("userDays")).map((row) => ({ name: labelOf(row), userDays: num(row.userDays), events: row.events })),
    notes: notes(note),
    k: ctx.k,
  };
}
