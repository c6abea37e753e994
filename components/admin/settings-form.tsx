"use client";

import { useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { initialFormState, type FormState } from "@/lib/forms";
import { FormStatus } from "./form-status";

/** Retention period and the support "reason before viewing" switch. Bounds are enforced again on the server. */
export function SettingsForm({
  initial,
  action,
}: {
  initial: { retentionDays: number; requireViewReason: boolean };
  action: (state: FormState, data: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const reasonId = useId();
  const failed = !state.ok && state.values;
  return (
    <form action={formAction} noValidate className="space-y-5">
      <div className="max-w-xs">
        <TextField
          label="Delete recordings and usage data after (days)"
          name="retentionDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={90}
          step={1}
          required
          defaultValue={failed ? state.values?.retentionDays : initial.retentionDays}
          errors={state.fields?.retentionDays}
          hint="Between 1 and 90. A lower value applies on the next retention run."
        />
      </div>
      <div className="flex items-start gap-2">
        <input
          id={reasonId}
          name="requireViewReason"
          type="checkbox"
          defaultChecked={failed ? state.values?.requireViewReason === "on" : initial.requireViewReason}
          aria-describedby={`${reasonId}-hint`}
          className="mt-0.5 size-4 accent-brand-600"
        />
        <div>
          <label htmlFor={reasonId} className="text-sm font-medium text-slate-800">
            Ask support agents for a reason before viewing a replay
          </label>
          <p id={`${reasonId}-hint`} className="text-xs text-slate-500">
            The reason is stored with the view and shown to the recorded user.
          </p>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save settings"}
        </Button>
        <FormStatus state={state} />
      </div>
    </form>
  );
}
