import "server-only";
import { getKAnonymity } from "@/lib/settings/get-settings";
import { CHART_LOADERS } from "./charts";
import { chartContext, insightsRange } from "./charts/range";
import { CHART_IDS, type ChartData, type ChartId, type InsightsRange, type RangeDays } from "./charts/types";

export type InsightsDashboard = { range: InsightsRange; k: number; charts: Record<ChartId, ChartData> };

/** Every chart of /insights for the last `rangeDays` UTC days, each under the privacy floor K (a setting). */
export async function getInsightsDashboard({ rangeDays, now = new Date() }: { rangeDays: RangeDays; now?: Date }): Promise<InsightsDashboard> {
  const k = await getKAnonymity();
  const range = insightsRange({ rangeDays, now });
  const ctx = chartContext({ range, k });
  const charts = await Promise.all(CHART_IDS.map((id) => CHART_LOADERS[id](ctx)));
  return { range, k, charts: Object.fromEntries(charts.map((chart) => [chart.id, chart])) as Record<ChartId, ChartData> };
}
