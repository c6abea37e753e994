/** The one shape every insights chart returns: the dashboard draws it, the table and the CSV export print it. */
export const RANGE_DAYS = [7, 30, 90] as const;
export type RangeDays = (typeof RANGE_DAYS)[number];

export const CHART_IDS = [
  "active-users",
  "sessions",
  "pages",
  "features",
  "key-events",
  "errors-by-route",
  "error-messages",
  "frustration",
  "browsers",
  "operating-systems",
  "device-types",
  "opt-in",
  "program-sizes",
  "new-programs",
] as const;
export type ChartId = (typeof CHART_IDS)[number];

export type ColumnFormat = "text" | "day" | "int" | "ms" | "percent";
export type Column = { key: string; label: string; format: ColumnFormat };
export type Cell = string | number | null;
export type ChartRow = Record<string, Cell>;

export type ChartData = {
  id: ChartId;
  title: string;
  description: string;
  columns: Column[];
  /** Suppressed cells are never in here: small groups are folded into "Other" or their value is null (hidden). */
  rows: ChartRow[];
  /** What the privacy floor left out, in words; shown with the chart and kept out of no export. */
  notes: string[];
  /** A headline figure, already floored (e.g. "14 programs"). */
  summary?: string;
  k: number;
};

/** The window a dashboard covers: `rangeDays` UTC days ending today, inclusive. */
export type InsightsRange = { rangeDays: RangeDays; from: string; to: string; days: string[] };

export type ChartContext = {
  range: InsightsRange;
  k: number;
  /** Shares one query between charts drawn from the same data (active users and sessions). */
  memo: <T>(key: string, load: () => Promise<T>) => Promise<T>;
};

export const OTHER_LABEL = "Other";
