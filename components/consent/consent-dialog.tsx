"use client";

import { useId, useState } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import type { PolicyContent } from "@/lib/consent/policy-content";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";

type Common = {
  open: boolean;
  platformName: string;
  pending: boolean;
  /** Shown inside the dialog, announced to screen readers. */
  error: string | null;
  /** Cancel, Escape, or a click outside: nothing changes. */
  onCancel: () => void;
  /** Where focus goes when the dialog closes (the control that opened it). */
  returnFocusTo: React.RefObject<HTMLElement | null>;
};

type GrantProps = Common & {
  mode: "grant";
  policy: { version: number; content: PolicyContent };
  /** Set when the user had agreed to an older version: the dialog says why it asks again. */
  policyChanged?: boolean;
  onConfirm: () => void;
};

type RevokeProps = Common & { mode: "revoke"; onConfirm: (options: { alsoDelete: boolean }) => void };

/**
 * The one confirmation step before usage sharing changes, used by the settings switch and the prompt. Opting in shows
 * exactly what the current policy version says is and is not collected. Radix traps focus and closes on Escape.
 */
export function ConsentDialog(props: GrantProps | RevokeProps) {
  const { open, platformName, pending, error, onCancel, returnFocusTo } = props;
  const [alsoDelete, setAlsoDelete] = useState(false);
  const [wasOpen, setWasOpen] = useState(open);
  const alsoDeleteId = useId();
  // Every opening starts unticked: deleting data is never a leftover choice from last time.
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) setAlsoDelete(false);
  }

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        if (!next && !pending) onCancel();
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <Dialog.Content
          className="fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[min(36rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl bg-white p-6 shadow-xl focus:outline-none"
          onCloseAutoFocus={(event) => {
            // No Dialog.Trigger here (a switch or checkbox opens it), so hand focus back ourselves.
            event.preventDefault();
            returnFocusTo.current?.focus();
          }}
        >
          {props.mode === "grant" ? (
            <>
              <Dialog.Title className="text-lg font-semibold">
                {props.policyChanged ? "Review the updated usage-sharing policy" : `Share usage information with ${platformName}?`}
              </Dialog.Title>
              <Dialog.Description className="mt-2 text-sm text-slate-700">{props.policy.content.summary}</Dialog.Description>
              {props.policyChanged ? (
                <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                  The policy changed since you last agreed. Sharing is paused until you confirm this version ({props.policy.version}).
                </p>
              ) : null}
              <div className="mt-4 grid gap-4 sm:grid-cols-2">
                <section aria-labelledby={`${alsoDeleteId}-collected`}>
                  <h3 id={`${alsoDeleteId}-collected`} className="text-sm font-semibold text-slate-900">
                    What is collected
                  </h3>
                  <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
                    {props.policy.content.collected.map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ul>
                </section>
                <section aria-labelledby={`${alsoDeleteId}-not-collected`}>
                  <h3 id={`${alsoDeleteId}-not-collected`} className="text-sm font-semibold text-slate-900">
                    What is never collected
                  </h3>
                  <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
                    {props.policy.content.notCollected.map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ul>
                </section>
              </div>
              <p className="mt-4 text-sm text-slate-600">
                Everything is deleted automatically after {props.policy.content.retentionDays} days. You can turn sharing off at any time, with
                immediate effect in every open tab. Policy version {props.policy.version}.
              </p>
            </>
          ) : (
            <>
              <Dialog.Title className="text-lg font-semibold">Stop sharing usage information?</Dialog.Title>
              <Dialog.Description className="mt-2 text-sm text-slate-700">
                Recording stops at once in every open tab and anything not yet sent is discarded. What you shared so far is kept until it is
                deleted automatically, unless you delete it now.
              </Dialog.Description>
              <div className="mt-4 flex items-start gap-2">
                <input
                  id={alsoDeleteId}
                  type="checkbox"
                  checked={alsoDelete}
                  onChange={(event) => setAlsoDelete(event.target.checked)}
                  className="mt-0.5 size-4 accent-brand-600"
                />
                <label htmlFor={alsoDeleteId} className="text-sm text-slate-800">
                  Also delete what I have shared so far
                </label>
              </div>
            </>
          )}

          <FormError message={error} className="mt-4" />

          <div className="mt-6 flex justify-end gap-3">
            <Dialog.Close asChild>
              <Button variant="secondary" disabled={pending}>
                Cancel
              </Button>
            </Dialog.Close>
            <Button
              variant={props.mode === "revoke" ? "danger" : "primary"}
              disabled={pending}
              aria-busy={pending || undefined}
              onClick={() => (props.mode === "grant" ? props.onConfirm() : props.onConfirm({ alsoDelete }))}
            >
              {pending ? "Saving…" : "Confirm"}
            </Button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
