import Link from "next/link";
import { LocalTime } from "@/components/consent/local-time";
import { listHref } from "@/lib/support/list-href";
import { formatDuration } from "@/lib/support/time";

export type SessionRowView = {
  id: string;
  startedAt: Date;
  durationMs: number;
  pageCount: number;
  errorCount: number;
  rageClickCount: number;
  deadClickCount: number;
  browser: string;
  os: string;
  deviceType: string;
  viewport: string;
  user: { id: string; name: string; email: string };
};

type SortKey = "start" | "duration" | "errors";

/**
 * Recorded sessions with sortable column headers (links, so sorting is a URL too) and keyset paging.
 * `showUser` is off on a user's own page, where every row is theirs.
 */
export function SessionsTable({
  sessions,
  basePath,
  params,
  sort,
  order,
  nextCursor,
  prevCursor,
  showUser = true,
  caption,
}: {
  sessions: SessionRowView[];
  basePath: string;
  params: Record<string, string>;
  sort: SortKey;
  order: "asc" | "desc";
  nextCursor: string | null;
  prevCursor: string | null;
  showUser?: boolean;
  caption: string;
}) {
  const sortHeader = (key: SortKey, label: string, align = "text-left") => {
    const active = sort === key;
    const nextOrder = active && order === "desc" ? "asc" : "desc";
    return (
      <th scope="col" className={`px-4 py-3 font-medium ${align}`} aria-sort={active ? (order === "asc" ? "ascending" : "descending") : undefined}>
        <Link href={listHref(basePath, params, { sort: key, order: nextOrder })} className="inline-flex items-center gap-1 hover:text-slate-900">
          {label}
          <span aria-hidden="true">{active ? (order === "asc" ? "▲" : "▼") : "↕"}</span>
          <span className="sr-only">{active ? `, sorted ${order === "asc" ? "ascending" : "descending"}; ` : ", "}sort {nextOrder === "asc" ? "ascending" : "descending"}</span>
        </Link>
      </th>
    );
  };

  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-slate-50 text-left text-slate-600">
            <tr>
              {showUser ? (
                <th scope="col" className="px-4 py-3 font-medium">
                  User
                </th>
              ) : null}
              {sortHeader("start", "Started")}
              {sortHeader("duration", "Duration", "text-right")}
              <th scope="col" className="px-4 py-3 text-right font-medium">
                Pages
              </th>
              {sortHeader("errors", "Errors", "text-right")}
              <th scope="col" className="px-4 py-3 font-medium">
                Device
              </th>
              <th scope="col" className="px-4 py-3 font-medium">
                <span className="sr-only">Replay</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {sessions.map((session) => {
              const frustration = session.rageClickCount + session.deadClickCount;
              return (
                <tr key={session.id} data-testid="session-row">
                  {showUser ? (
                    <td className="px-4 py-3">
                      <Link href={`/support/users/${session.user.id}`} className="font-medium text-brand-700 hover:underline">
                        {session.user.name}
                      </Link>
                      <div className="text-xs text-slate-500">{session.user.email}</div>
                    </td>
                  ) : null}
                  <td className="px-4 py-3 whitespace-nowrap">
                    <LocalTime iso={session.startedAt.toISOString()} />
                  </td>
                  <td className="px-4 py-3 text-right tabular-nums whitespace-nowrap">{formatDuration(session.durationMs)}</td>
                  <td className="px-4 py-3 text-right tabular-nums">{session.pageCount}</td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    <span className={session.errorCount > 0 ? "font-semibold text-red-700" : undefined}>{session.errorCount}</span>
                    {frustration > 0 ? (
                      <div className="text-xs text-amber-700">
                        {frustration} rage/dead {frustration === 1 ? "click" : "clicks"}
                      </div>
                    ) : null}
                  </td>
                  <td className="px-4 py-3">
                    <span className="capitalize">{session.deviceType || "unknown"}</span>
                    <div className="text-xs text-slate-500">
                      {[session.browser, session.os, session.viewport].filter(Boolean).join(" · ") || "—"}
                    </div>
                  </td>
                  <td className="px-4 py-3 text-right">
                    <Link href={`/support/sessions/${session.id}`} className="font-medium text-brand-700 hover:underline">
                      Watch<span className="sr-only"> session of {session.user.name}</span>
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pages of sessions" className="flex justify-between">
        {prevCursor ? (
          <Link href={listHref(basePath, params, { cursor: prevCursor, dir: "prev" })} className="text-sm font-medium text-brand-700 hover:underline" rel="prev">
            ← Previous page
          </Link>
        ) : (
          <span />
        )}
        {nextCursor ? (
          <Link href={listHref(basePath, params, { cursor: nextCursor, dir: "next" })} className="text-sm font-medium text-brand-700 hover:underline" rel="next">
            Next page →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
