import { z } from "zod";
import { InsightsDashboardView } from "@/components/insights/insights-dashboard-view";
import { requireRole } from "@/lib/auth/session";
import { AREA_ROLES } from "@/lib/auth/roles";
import { getInsightsDashboard } from "@/lib/insights/get-insights-dashboard";

export const metadata = { title: "Insights" };

// An unknown or missing range falls back to 30 days rather than erroring: it only comes from a link.
const searchSchema = z.object({ range: z.enum(["7", "30", "90"]).catch("30") });

// /insights — aggregate, anonymous usage dashboards (ANALYST and ADMIN; everyone else gets the 403 page).
export default async function InsightsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRole(...AREA_ROLES.insights);
  const { range } = searchSchema.parse(await searchParams);
  const dashboard = await getInsightsDashboard({ rangeDays: Number(range) as 7 | 30 | 90 });
  return <InsightsDashboardView dashboard={dashboard} />;
}
