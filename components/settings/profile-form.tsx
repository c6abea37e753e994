"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { initialFormState, type FormState } from "@/lib/forms";
import { FormError } from "@/components/ui/form-error";

export function ProfileForm({
  action,
  initial,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  initial: { name: string; email: string };
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const values = { ...initial, ...state.values };
  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormError message={state.ok ? null : state.message} />
      <TextField label="Name" name="name" autoComplete="name" defaultValue={values.name} errors={state.fields?.name} required />
      <TextField label="Email" name="email" type="email" autoComplete="email" defaultValue={values.email} errors={state.fields?.email} hint="You sign in with this address." required />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save profile"}
        </Button>
        <p role="status" className="text-sm text-green-700">
          {state.ok && !pending ? state.message : ""}
        </p>
      </div>
    </form>
  );
}
