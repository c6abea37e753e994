import { LocalTime } from "@/components/consent/local-time";
import type { AuditEntry } from "@/lib/admin/audit-entries";

/** A short, readable line for the detail JSON of the actions admins look at most; the raw JSON otherwise. */
function describe(entry: AuditEntry): string {
  const detail = (entry.detail ?? {}) as Record<string, unknown>;
  switch (entry.action) {
    case "replay.viewed":
      return `Session ${String(detail.sessionId ?? "")}${detail.reason ? ` — reason: ${String(detail.reason)}` : ""}`;
    case "role.changed":
      return `${String(detail.from)} → ${String(detail.to)}`;
    case "retention.run":
      return `${String(detail.sessions ?? 0)} sessions, ${String(detail.chunks ?? 0)} chunks, ${String(detail.events ?? 0)} events, ${String(detail.usageEvents ?? 0)} usage events (${String(detail.retentionDays ?? "?")} days, ${String(detail.trigger ?? "")})`;
    case "policy.published":
      return `Version ${String(detail.version ?? entry.targetId)}`;
    default:
      return JSON.stringify(detail);
  }
}

export function AuditTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Audit log entries, newest first</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">When</th>
            <th scope="col" className="px-4 py-3 font-medium">Action</th>
            <th scope="col" className="px-4 py-3 font-medium">Who</th>
            <th scope="col" className="px-4 py-3 font-medium">Subject</th>
            <th scope="col" className="px-4 py-3 font-medium">Details</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {entries.map((entry) => (
            <tr key={`${entry.action}-${entry.id}`}>
              <td className="whitespace-nowrap px-4 py-3 text-slate-700">
                <LocalTime iso={new Date(entry.at).toISOString()} />
              </td>
              <td className="whitespace-nowrap px-4 py-3 font-mono text-xs">{entry.action}</td>
              <td className="px-4 py-3">{entry.actorName ?? (entry.actorId ? entry.actorId : <span className="text-slate-500">System</span>)}</td>
              <td className="px-4 py-3">{entry.targetName ?? entry.targetId ?? ""}</td>
              <td className="max-w-md break-words px-4 py-3 text-slate-700">{describe(entry)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
