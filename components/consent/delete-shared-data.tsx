"use client";

import { useRef, useState, useTransition } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { Button, buttonClass } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";

/**
 * "Delete my shared data" with a confirmation. Erasing does not turn sharing off — the dialog says so, and points to the
 * switch — because the two are separate choices (the switch's own opt-out offers both at once).
 */
export function DeleteSharedData({ action, sharing }: { action: () => Promise<{ ok: boolean; message: string } | null>; sharing: boolean }) {
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const buttonRef = useRef<HTMLButtonElement>(null);

  function confirm() {
    setError(null);
    startTransition(async () => {
      try {
        const outcome = await action();
        setResult(outcome?.message ?? null);
        setOpen(false);
      } catch {
        setError("Your data could not be deleted just now. Nothing was changed; try again.");
      }
    });
  }

  return (
    <div>
      <button
        ref={buttonRef}
        type="button"
        className={buttonClass("danger")}
        onClick={() => {
          setResult(null);
          setOpen(true);
        }}
      >
        Delete my shared data
      </button>
      <p role="status" className="mt-3 text-sm text-slate-700">
        {result}
      </p>
      <Dialog.Root open={open} onOpenChange={(next) => !pending && setOpen(next)}>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
          <Dialog.Content
            className="fixed top-1/2 left-1/2 z-50 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-6 shadow-xl focus:outline-none"
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              buttonRef.current?.focus();
            }}
          >
            <Dialog.Title className="text-lg font-semibold">Delete your shared data?</Dialog.Title>
            <Dialog.Description className="mt-2 text-sm text-slate-700">
              All your recorded sessions and everything indexed from them are deleted now, and the key that encrypted them is destroyed,
              so no copy can be read again. This cannot be undone. Your consent history and the record of who viewed your sessions are kept.
            </Dialog.Description>
            {sharing ? (
              <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                Usage sharing stays on: new activity will be recorded again. To stop that too, turn sharing off in your profile settings.
              </p>
            ) : null}
            <FormError message={error} className="mt-3" />
            <div className="mt-6 flex justify-end gap-3">
              <Dialog.Close asChild>
                <Button variant="secondary" disabled={pending}>
                  Cancel
                </Button>
              </Dialog.Close>
              <Button variant="danger" onClick={confirm} disabled={pending} aria-busy={pending || undefined}>
                {pending ? "Deleting…" : "Delete everything"}
              </Button>
            </div>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </div>
  );
}
