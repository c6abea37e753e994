import Link from "next/link";
import { notFound } from "next/navigation";
import { LocalTime } from "@/components/consent/local-time";
import { SessionsTable } from "@/components/support/sessions-table";
import { requireSupportPage } from "@/lib/support/require-support-page";
import { AppError } from "@/lib/errors";
import { getSupportUser } from "@/lib/support/get-support-user";
import { searchParamsRecord, sessionListQuerySchema } from "@/lib/support/schemas";

export const metadata = { title: "Support · User" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SupportUserPage({ params, searchParams }: Props) {
  const id = await requireSupportPage(params);
  const values = searchParamsRecord(await searchParams);
  // Only sorting and paging apply here; anything malformed falls back to the newest sessions first.
  const parsed = sessionListQuerySchema.safeParse({ sort: values.sort, order: values.order, cursor: values.cursor, dir: values.dir });
  const query = parsed.success ? parsed.data : sessionListQuerySchema.parse({});
  const overview = await getSupportUser({ userId: id, query }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError && error.code === "VALIDATION_FAILED") return getSupportUser({ userId: id, query: sessionListQuerySchema.parse({}) });
    throw error;
  });
  const { user, sharing, consentChangedAt, sessions, viewCount } = overview;
  const basePath = `/support/users/${user.id}`;

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/support" className="text-brand-700 hover:underline">
          Sessions
        </Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">{user.name}</span>
      </nav>
      <section aria-labelledby="user-heading" className="rounded-xl border border-slate-200 bg-white p-5">
        <h1 id="user-heading" className="text-2xl font-semibold">
          {user.name}
        </h1>
        <dl className="mt-3 grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-500">Email</dt>
            <dd className="font-medium">{user.email}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Shares usage information</dt>
            <dd data-testid="sharing-state">
              {sharing ? (
                <span className="inline-flex items-center gap-1 rounded-full bg-emerald-50 px-2 py-0.5 font-medium text-emerald-800">Yes, sharing now</span>
              ) : (
                <span className="inline-flex items-center gap-1 rounded-full bg-slate-100 px-2 py-0.5 font-medium text-slate-700">No, not sharing</span>
              )}
              {consentChangedAt ? (
                <span className="ml-2 text-xs text-slate-500">
                  since <LocalTime iso={consentChangedAt.toISOString()} />
                </span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Replays watched by support</dt>
            <dd className="font-medium tabular-nums">{viewCount}</dd>
          </div>
        </dl>
        {!sharing ? (
          <p className="mt-3 text-sm text-slate-600">Nothing new is recorded for this user. Sessions they shared earlier stay available until they expire or the user deletes them.</p>
        ) : null}
      </section>
      <section aria-labelledby="user-sessions" className="space-y-3">
        <h2 id="user-sessions" className="text-lg font-semibold">
          Their sessions
        </h2>
        {sessions.sessions.length === 0 && !sessions.prevCursor ? (
          <p className="text-sm text-slate-600">No recorded sessions.</p>
        ) : (
          <SessionsTable
            sessions={sessions.sessions}
            basePath={basePath}
            params={{ sort: query.sort, order: query.order }}
            sort={query.sort}
            order={query.order}
            nextCursor={sessions.nextCursor}
            prevCursor={sessions.prevCursor}
            showUser={false}
            caption={`Sessions of ${user.name}`}
          />
        )}
      </section>
    </div>
  );
}
