import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { requireApiRole } from "@/lib/auth/session";
import { AREA_ROLES } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { CHART_IDS } from "@/lib/insights/charts/types";
import { exportInsightsCsv } from "@/lib/insights/export-insights-csv";

const paramsSchema = z.object({ chart: z.enum(CHART_IDS) });
const querySchema = z.object({ range: z.enum(["7", "30", "90"]).default("30") });

// GET /api/insights/export/:chart?range=7|30|90 — one chart's rows as CSV, with the dashboard's suppression.
export const GET = apiRoute<{ params: Promise<{ chart: string }> }>(async (request, { params }) => {
  await requireApiRole(...AREA_ROLES.insights);
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) throw new AppError("NOT_FOUND", "There is no such chart.");
  const { chart } = parsed.data;
  const { range } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { filename, csv } = await exportInsightsCsv({ chart, rangeDays: Number(range) as 7 | 30 | 90 });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
});
