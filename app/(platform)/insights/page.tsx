import { Suspense } from "react";
import { z } from "zod";
import { InsightsDashboardView, InsightsHeader } from "@/components/insights/insights-dashboard-view";
import { requireRole } from "@/lib/auth/session";
import { AREA_ROLES } from "@/lib/auth/roles";
import { getInsightsDashboard } from "@/lib/insights/get-insights-dashboard";
import type { RangeDays } from "@/lib/insights/charts/types";

export const metadata = { title: "Insights" };

// An unknown or missing range falls back to 30 days rather than erroring: it only comes from a link.
const searchSchema = z.object({ range: z.enum(["7", "30", "90"]).catch("30") });

// /insights — aggregate, anonymous usage dashboards (ANALYST and ADMIN; everyone else gets the 403 page).
// The role check runs before the Suspense boundary, so a refusal is a real 403 and not a streamed 200.
export default async function InsightsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRole(...AREA_ROLES.insights);
  const rangeDays = Number(searchSchema.parse(await searchParams).range) as RangeDays;
  return (
    <Suspense key={rangeDays} fallback={<InsightsHeader rangeDays={rangeDays} status="Computing the charts…" />}>
      <Dashboard rangeDays={rangeDays} />
    </Suspense>
  );
}

async function Dashboard({ rangeDays }: { rangeDays: RangeDays }) {
  return <InsightsDashboardView dashboard={await getInsightsDashboard({ rangeDays })} />;
}
