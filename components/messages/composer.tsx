"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { initialFormState, type FormState } from "@/lib/forms";

/** The reply box of a thread. After a send the form resets (React does that for form actions) and the page refreshes. */
export function Composer({ action }: { action: (state: FormState, data: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} noValidate className="space-y-3">
      <TextAreaField
        label="Reply"
        name="body"
        rows={4}
        defaultValue={state.ok ? "" : state.values?.body}
        errors={state.fields?.body}
        hint="Up to 5,000 characters."
        required
      />
      {state.message && !state.ok && !state.fields ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send"}
        </Button>
        <p role="status" className="text-sm text-slate-600">
          {state.ok && !pending ? "Message sent." : ""}
        </p>
      </div>
    </form>
  );
}
