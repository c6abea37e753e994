import { apiRoute } from "@/lib/api/handler";
import { requireApiRole } from "@/lib/auth/session";
import { auditFiltersSchema } from "@/lib/admin/audit-filters";
import { exportAuditCsv } from "@/lib/admin/export-audit-csv";

// GET /admin/audit/export?action=&from=&to= — the filtered audit log as a CSV download (ADMIN only; 401/403 JSON otherwise).
export const GET = apiRoute(async (request) => {
  const admin = await requireApiRole("ADMIN");
  const params = new URL(request.url).searchParams;
  const filters = auditFiltersSchema.parse({
    action: params.get("action") || undefined,
    from: params.get("from") || undefined,
    to: params.get("to") || undefined,
  });
  const { csv, truncated } = await exportAuditCsv({ actorId: admin.id, filters });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="candor-audit-${stamp}.csv"`,
      "Cache-Control": "no-store",
      ...(truncated ? { "X-Candor-Truncated": "true" } : {}),
    },
  });
});
