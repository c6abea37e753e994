"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { initialFormState, type FormState } from "@/lib/forms";
import { FormError } from "@/components/ui/form-error";

export function NewThreadForm({
  action,
  recipients,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  recipients: { id: string; name: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const fields = state.fields ?? {};
  // A <select> would reset to its first value after a failed send; remounting per result keeps the chosen member.
  const [shown, setShown] = useState({ state, version: 0 });
  if (shown.state !== state) setShown({ state, version: shown.version + 1 });
  return (
    <form key={shown.version} action={formAction} noValidate className="space-y-5">
      <FormError message={state.ok ? null : state.message} />
      <SelectField label="To" name="recipientId" defaultValue={state.values?.recipientId ?? ""} errors={fields.recipientId} required>
        <option value="" disabled>
          Choose a member…
        </option>
        {recipients.map((recipient) => (
          <option key={recipient.id} value={recipient.id}>
            {recipient.name}
          </option>
        ))}
      </SelectField>
      <TextField label="Subject" name="subject" defaultValue={state.values?.subject} errors={fields.subject} required />
      <TextAreaField label="Message" name="body" rows={6} defaultValue={state.values?.body} errors={fields.body} hint="Up to 5,000 characters." required />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send message"}
        </Button>
        <Link href="/messages" className={buttonClass("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
