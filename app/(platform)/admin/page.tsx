import { Pagination } from "@/components/ui/pagination";
import { UsersTable } from "@/components/admin/users-table";
import { buttonClass } from "@/components/ui/button";
import { requireRole } from "@/lib/auth/session";
import { listUsers, listUsersSchema } from "@/lib/admin/list-users";
import { changeRoleAction } from "./actions";

export const metadata = { title: "Users and roles · Admin" };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireRole("ADMIN");
  const query = listUsersSchema.parse(await searchParams);
  const result = await listUsers(query);
  return (
    <section aria-labelledby="users-heading" className="space-y-4">
      <div>
        <h2 id="users-heading" className="text-lg font-semibold">
          Users and roles
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Support agents can watch replays of users who share usage information, analysts see anonymous insights, admins manage this page. Every
          role change is recorded in the audit log.
        </p>
      </div>
      <form role="search" action="/admin" method="get" className="flex flex-wrap items-end gap-3">
        <div className="min-w-60 flex-1">
          <label htmlFor="user-search" className="block text-sm font-medium text-slate-700">
            Search by name or email
          </label>
          <input
            id="user-search"
            name="q"
            type="search"
            defaultValue={query.q}
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-500"
          />
        </div>
        <button type="submit" className={buttonClass("secondary")}>
          Search
        </button>
      </form>
      <p className="text-sm text-slate-600" role="status">
        {result.total === 0 ? `No users match “${query.q}”.` : `${result.total} ${result.total === 1 ? "user" : "users"}${query.q ? ` matching “${query.q}”` : ""}`}
      </p>
      {result.users.length > 0 ? <UsersTable users={result.users} currentUserId={admin.id} action={changeRoleAction} /> : null}
      <Pagination basePath="/admin" page={result.page} pageCount={result.pageCount} params={{ q: query.q }} />
    </section>
  );
}
