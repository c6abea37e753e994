import { SessionFilters } from "@/components/support/session-filters";
import { SessionsTable } from "@/components/support/sessions-table";
import { AREA_ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { AppError, fieldErrorsFromZod, type FieldErrors } from "@/lib/errors";
import { listSessions } from "@/lib/support/list-sessions";
import { searchParamsRecord, sessionListQuerySchema, type SessionListQuery } from "@/lib/support/schemas";

export const metadata = { title: "Support · Sessions" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SupportSessionsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireRole(...AREA_ROLES.support);
  const values = searchParamsRecord(await searchParams);
  const parsed = sessionListQuerySchema.safeParse(values);
  const query = parsed.success ? parsed.data : null;
  const { page, errors } = query ? await listOrExplain(query) : { page: null, errors: fieldErrorsFromZod(parsed.error!) };
  const filtered = ["q", "from", "to", "errors", "frustration", "path", "browser", "os", "device", "minDuration"].some((key) => values[key]);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Recorded sessions</h1>
        <p className="mt-1 text-slate-600">
          Sessions of users who chose to share usage information. Find the user who reported a problem, then watch the moment it happened.
          Every replay you open is recorded with your reason and shown to the user.
        </p>
      </div>
      <SessionFilters values={values} errors={errors} />
      {page && query ? (
        <>
          <p role="status" className="text-sm text-slate-600">
            {page.sessions.length === 0
              ? filtered
                ? "No sessions match these filters."
                : "No recorded sessions yet."
              : `Showing ${page.sessions.length} ${page.sessions.length === 1 ? "session" : "sessions"}${filtered ? " matching the filters" : ""}.`}
          </p>
          {page.sessions.length > 0 || page.prevCursor ? (
            <SessionsTable
              sessions={page.sessions}
              basePath="/support"
              params={values}
              sort={query.sort}
              order={query.order}
              nextCursor={page.nextCursor}
              prevCursor={page.prevCursor}
              caption="Recorded sessions"
            />
          ) : null}
        </>
      ) : (
        <p role="alert" className="text-sm text-red-700">
          {errors.cursor ? "This page link is not valid any more. Start again from the first page." : "Some filters are not valid. Correct the highlighted fields and search again."}
        </p>
      )}
    </div>
  );
}

/** A stale or edited page cursor is the agent's input too: show it as a field error, not a 500. */
async function listOrExplain(query: SessionListQuery): Promise<{ page: Awaited<ReturnType<typeof listSessions>> | null; errors: FieldErrors }> {
  try {
    return { page: await listSessions({ query }), errors: {} };
  } catch (error) {
    if (error instanceof AppError && error.code === "VALIDATION_FAILED") return { page: null, errors: error.fields ?? {} };
    throw error;
  }
}
