"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { initialFormState, type FormState } from "@/lib/forms";

/** Join or leave a program; a refusal (e.g. the program was paused meanwhile) is announced next to the button. */
export function MembershipForm({
  action,
  isPartner,
  canJoin,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  isPartner: boolean;
  canJoin: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="intent" value={isPartner ? "leave" : "join"} />
      {isPartner ? (
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Leaving…" : "Leave program"}
        </Button>
      ) : (
        <Button type="submit" disabled={pending || !canJoin} aria-describedby={canJoin ? undefined : "join-unavailable"}>
          {pending ? "Joining…" : "Join program"}
        </Button>
      )}
      {!isPartner && !canJoin ? (
        <p id="join-unavailable" className="text-sm text-slate-600">
          This program is paused and is not taking new partners.
        </p>
      ) : null}
      {state.message && !state.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
