import { AuditFiltersForm } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";
import { Pagination } from "@/components/ui/pagination";
import { requireRole } from "@/lib/auth/session";
import { auditFiltersSchema, firstValue } from "@/lib/admin/audit-filters";
import { auditPageSchema, listAuditEntries } from "@/lib/admin/list-audit-entries";

export const metadata = { title: "Audit log · Admin" };

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRole("ADMIN");
  const params = await searchParams;
  const filters = auditFiltersSchema.parse({ action: firstValue(params.action) || undefined, from: firstValue(params.from) || undefined, to: firstValue(params.to) || undefined });
  const result = await listAuditEntries({ filters, page: auditPageSchema.parse(firstValue(params.page)) });
  return (
    <section aria-labelledby="audit-heading" className="space-y-4">
      <div>
        <h2 id="audit-heading" className="text-lg font-semibold">
          Audit log
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Replay views, role changes, policy versions, setting changes, erasures, account deletions and retention runs. Kept as proof; the
          retention job never deletes it.
        </p>
      </div>
      <AuditFiltersForm filters={filters} actions={result.actions} />
      <p className="text-sm text-slate-600" role="status">
        {result.total === 0 ? "No entries match these filters." : `${result.total} ${result.total === 1 ? "entry" : "entries"}`}
      </p>
      {result.entries.length > 0 ? <AuditTable entries={result.entries} /> : null}
      <Pagination basePath="/admin/audit" page={result.page} pageCount={result.pageCount} params={{ action: filters.action, from: filters.from, to: filters.to }} />
    </section>
  );
}
