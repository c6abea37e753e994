import type { Role } from "@/lib/generated/prisma/enums";
import type { FormState } from "@/lib/forms";
import { LocalTime } from "@/components/consent/local-time";
import { RoleForm } from "./role-form";

export type UserRow = { id: string; name: string; email: string; role: Role; createdAt: Date };

export function UsersTable({
  users,
  currentUserId,
  action,
}: {
  users: UserRow[];
  currentUserId: string;
  action: (state: FormState, data: FormData) => Promise<FormState>;
}) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Users and their roles</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Name</th>
            <th scope="col" className="px-4 py-3 font-medium">Email</th>
            <th scope="col" className="px-4 py-3 font-medium">Joined</th>
            <th scope="col" className="px-4 py-3 font-medium">Role</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((user) => (
            <tr key={user.id} data-testid={`user-row-${user.email}`}>
              <th scope="row" className="px-4 py-3 text-left font-medium">
                {user.name}
                {user.id === currentUserId ? <span className="ml-2 text-xs font-normal text-slate-500">(you)</span> : null}
              </th>
              <td className="px-4 py-3 text-slate-700">{user.email}</td>
              <td className="px-4 py-3 text-slate-700">
                <LocalTime iso={user.createdAt.toISOString()} dateOnly />
              </td>
              <td className="px-4 py-3">
                <RoleForm user={user} action={action} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
