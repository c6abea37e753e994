"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { initialFormState, type FormState } from "@/lib/forms";
import { FormError } from "@/components/ui/form-error";

export type ProgramFormValues = {
  name: string;
  description: string;
  websiteUrl: string;
  commissionType: string;
  commissionValue: string;
  cookieDays: string;
  status: string;
};

export const EMPTY_PROGRAM: ProgramFormValues = {
  name: "",
  description: "",
  websiteUrl: "",
  commissionType: "PERCENT",
  commissionValue: "",
  cookieDays: "30",
  status: "ACTIVE",
};

/** Create and edit share this form; the server validates everything and sends back what was typed with the errors. */
export function ProgramForm({
  action,
  initial,
  submitLabel,
  cancelHref,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  initial: ProgramFormValues;
  submitLabel: string;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const values = { ...initial, ...state.values };
  // React resets a form after each submission, but a <select> goes back to the value it was first rendered with,
  // not its current defaultValue. Remounting the form for each result makes every field show what was sent back.
  const [commissionType, setCommissionType] = useState(values.commissionType);
  const [shown, setShown] = useState({ state, version: 0 });
  if (shown.state !== state) {
    setShown({ state, version: shown.version + 1 });
    setCommissionType(values.commissionType);
  }
  const fields = state.fields ?? {};

  return (
    <form key={shown.version} action={formAction} noValidate className="space-y-5">
      <FormError message={state.ok ? null : state.message} />
      <TextField label="Name" name="name" defaultValue={values.name} errors={fields.name} required />
      <TextAreaField label="Description" name="description" rows={4} defaultValue={values.description} errors={fields.description} hint="What partners promote, in a sentence or two." />
      <TextField label="Website" name="websiteUrl" type="url" inputMode="url" defaultValue={values.websiteUrl} errors={fields.websiteUrl} hint="Optional. Starts with http:// or https://." />
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField label="Commission type" name="commissionType" defaultValue={values.commissionType} onChange={(event) => setCommissionType(event.target.value)} errors={fields.commissionType}>
          <option value="PERCENT">Percent of sale</option>
          <option value="FLAT">Flat amount per sale</option>
        </SelectField>
        <TextField
          label={commissionType === "FLAT" ? "Flat commission (USD)" : "Commission rate (%)"}
          name="commissionValue"
          inputMode="decimal"
          defaultValue={values.commissionValue}
          errors={fields.commissionValue}
          hint={commissionType === "FLAT" ? "Dollars per sale, e.g. 150 or 49.99." : "0.01 to 100, e.g. 12.5."}
          required
        />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label="Cookie duration (days)" name="cookieDays" inputMode="numeric" defaultValue={values.cookieDays} errors={fields.cookieDays} hint="1 to 365 days." required />
        <SelectField label="Status" name="status" defaultValue={values.status} errors={fields.status}>
          <option value="ACTIVE">Active</option>
          <option value="PAUSED">Paused</option>
        </SelectField>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        <Link href={cancelHref} className={buttonClass("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
