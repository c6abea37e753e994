import "server-only";
import { getKAnonymity } from "@/lib/settings/get-settings";
import { CHART_LOADERS } from "./charts";
import { chartContext, insightsRange } from "./charts/range";
import type { ChartId, RangeDays } from "./charts/types";
import { toCsv } from "./to-csv";

/** One chart's data as CSV, computed by the same loader as the dashboard, so the same cells are suppressed. */
export async function exportInsightsCsv({ chart, rangeDays, now = new Date() }: { chart: ChartId; rangeDays: RangeDays; now?: Date }) {
  const k = await getKAnonymity();
  const range = insightsRange({ rangeDays, now });
  const data = await CHART_LOADERS[chart](chartContext({ range, k }));
  return { filename: `candor-insights-${chart}-${range.from}-to-${range.to}.csv`, csv: toCsv(data) };
}
