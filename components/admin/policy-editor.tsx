"use client";

import { useActionState, useId, useRef, useState } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import type { PolicyContent } from "@/lib/consent/policy-content";
import { initialFormState, type FormState } from "@/lib/forms";
import { FormStatus } from "./form-status";

const toLines = (text: string) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);

/** Errors for a list field, including those zod reports per item ("collected.3"). */
function errorsFor(state: FormState, name: string) {
  const errors = Object.entries(state.fields ?? {}).flatMap(([key, messages]) => (key === name || key.startsWith(`${name}.`) ? messages : []));
  return errors.length ? errors : undefined;
}

/**
 * Edit → preview → publish. The preview shows the text exactly as the opt-in dialog lays it out; publishing asks for
 * confirmation, because a new version pauses everyone's sharing until they confirm it again.
 */
export function PolicyEditor({
  current,
  platformName,
  action,
}: {
  current: { version: number; content: PolicyContent };
  platformName: string;
  action: (state: FormState, data: FormData) => Promise<FormState>;
}) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [summary, setSummary] = useState(current.content.summary);
  const [collected, setCollected] = useState(current.content.collected.join("\n"));
  const [notCollected, setNotCollected] = useState(current.content.notCollected.join("\n"));
  const [retentionDays, setRetentionDays] = useState(String(current.content.retentionDays));
  const [previewOpen, setPreviewOpen] = useState(false);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const previewId = useId();
  const nextVersion = current.version + 1;

  return (
    <div className="space-y-6">
      <form ref={formRef} action={formAction} noValidate className="space-y-4">
        <TextAreaField label="Summary" name="summary" rows={4} value={summary} onChange={(event) => setSummary(event.target.value)} errors={errorsFor(state, "summary")} required />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextAreaField
            label="What is collected"
            name="collected"
            rows={9}
            value={collected}
            onChange={(event) => setCollected(event.target.value)}
            hint="One item per line."
            errors={errorsFor(state, "collected")}
            required
          />
          <TextAreaField
            label="What is never collected"
            name="notCollected"
            rows={9}
            value={notCollected}
            onChange={(event) => setNotCollected(event.target.value)}
            hint="One item per line."
            errors={errorsFor(state, "notCollected")}
            required
          />
        </div>
        <div className="max-w-xs">
          <TextField
            label="Deleted automatically after (days)"
            name="retentionDays"
            type="number"
            inputMode="numeric"
            min={1}
            max={90}
            value={retentionDays}
            onChange={(event) => setRetentionDays(event.target.value)}
            hint="1–90. Data is never kept longer than the published policy says, whatever the retention setting."
            errors={errorsFor(state, "retentionDays")}
            required
          />
        </div>
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Publishing creates version {nextVersion}. Everyone who shares usage information must confirm the new version; until they do, nothing of
          theirs is recorded.
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="secondary" aria-expanded={previewOpen} aria-controls={previewId} onClick={() => setPreviewOpen((open) => !open)}>
            {previewOpen ? "Hide preview" : "Preview"}
          </Button>
          <Button onClick={() => setConfirmOpen(true)} disabled={pending}>
            {pending ? "Publishing…" : `Publish version ${nextVersion}…`}
          </Button>
          <FormStatus state={state} />
        </div>
      </form>

      {previewOpen ? (
        <section id={previewId} aria-label="Preview of the opt-in dialog" className="rounded-xl border-2 border-dashed border-slate-300 bg-white p-6">
          <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Preview — what members see when they opt in</p>
          <h3 className="mt-2 text-lg font-semibold">Share usage information with {platformName}?</h3>
          <p className="mt-2 text-sm whitespace-pre-line text-slate-700">{summary}</p>
          <div className="mt-4 grid gap-4 sm:grid-cols-2">
            <div>
              <h4 className="text-sm font-semibold text-slate-900">What is collected</h4>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
                {toLines(collected).map((item, index) => (
                  <li key={index}>{item}</li>
                ))}
              </ul>
            </div>
            <div>
              <h4 className="text-sm font-semibold text-slate-900">What is never collected</h4>
              <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
                {toLines(notCollected).map((item, index) => (
                  <li key={index}>{item}</li>
                ))}
              </ul>
            </div>
          </div>
          <p className="mt-4 text-sm text-slate-600">
            Everything is deleted automatically after {retentionDays || "?"} days. You can turn sharing off at any time, with immediate effect in
            every open tab. Policy version {nextVersion}.
          </p>
        </section>
      ) : null}

      <Dialog.Root open={confirmOpen} onOpenChange={setConfirmOpen}>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
          <Dialog.Content className="fixed top-1/2 left-1/2 z-50 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-6 shadow-xl focus:outline-none">
            <Dialog.Title className="text-lg font-semibold">Publish version {nextVersion} of the policy?</Dialog.Title>
            <Dialog.Description className="mt-2 text-sm text-slate-700">
              Everyone who shares usage information today stops sharing until they review and confirm version {nextVersion}. Their open recordings
              end now. This cannot be undone, only replaced by another version.
            </Dialog.Description>
            <div className="mt-6 flex justify-end gap-3">
              <Dialog.Close asChild>
                <Button variant="secondary">Cancel</Button>
              </Dialog.Close>
              <Button
                onClick={() => {
                  formRef.current?.requestSubmit();
                  setConfirmOpen(false);
                }}
              >
                Publish and ask everyone again
              </Button>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </div>
  );
}
