"use client";

import { useActionState } from "react";
import type { Role } from "@/lib/generated/prisma/enums";
import { Button } from "@/components/ui/button";
import { initialFormState, type FormState } from "@/lib/forms";
import { FormStatus } from "./form-status";

export const ROLE_OPTIONS: { value: Role; label: string }[] = [
  { value: "MEMBER", label: "Member" },
  { value: "SUPPORT", label: "Support" },
  { value: "ANALYST", label: "Analyst" },
  { value: "ADMIN", label: "Admin" },
];

/** One row's role picker. The server re-checks ADMIN and refuses to remove the last administrator. */
export function RoleForm({
  user,
  action,
}: {
  user: { id: string; name: string; role: Role };
  action: (state: FormState, data: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={user.id} />
      <label className="sr-only" htmlFor={`role-${user.id}`}>
        Role for {user.name}
      </label>
      <select
        id={`role-${user.id}`}
        name="role"
        defaultValue={user.role}
        key={user.role}
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:outline-2 focus:outline-brand-500"
      >
        {ROLE_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" disabled={pending} className="px-3 py-1.5" aria-label={`Save role for ${user.name}`}>
        {pending ? "Saving…" : "Save"}
      </Button>
      <FormStatus state={state} className="basis-full" />
    </form>
  );
}
