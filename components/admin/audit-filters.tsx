import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { AuditFilters } from "@/lib/admin/audit-filters";

const controlClass = "mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-500";

/** A GET form: the filters live in the URL, and the CSV link carries the same ones. */
export function AuditFiltersForm({ filters, actions }: { filters: AuditFilters; actions: string[] }) {
  const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => !!entry[1])).toString();
  return (
    <form role="search" aria-label="Filter the audit log" action="/admin/audit" method="get" className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="audit-action" className="block text-sm font-medium text-slate-700">
          Action
        </label>
        <select id="audit-action" name="action" defaultValue={filters.action ?? ""} className={controlClass}>
          <option value="">All actions</option>
          {actions.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="audit-from" className="block text-sm font-medium text-slate-700">
          From (UTC)
        </label>
        <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} className={controlClass} />
      </div>
      <div>
        <label htmlFor="audit-to" className="block text-sm font-medium text-slate-700">
          To (UTC, inclusive)
        </label>
        <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} className={controlClass} />
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        Apply filters
      </button>
      <Link href="/admin/audit" className={buttonClass("ghost")}>
        Clear
      </Link>
      {/* A plain link: the browser downloads the attachment, with the session cookie, and no client code. */}
      <a href={`/admin/audit/export${query ? `?${query}` : ""}`} className={buttonClass("secondary", "ml-auto")} download>
        Export CSV
      </a>
    </form>
  );
}
