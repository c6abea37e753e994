"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { initialFormState, type FormState } from "@/lib/forms";
import { FormStatus } from "./form-status";

/** Runs the same job the hourly schedule runs, now, and says what it removed. */
export function RunRetentionForm({ action }: { action: (state: FormState, data: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Running…" : "Run retention now"}
      </Button>
      <FormStatus state={state} />
    </form>
  );
}
