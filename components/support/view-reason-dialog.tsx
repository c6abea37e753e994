"use client";

import { useId, useState } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";

/**
 * Asked before a replay opens: why is the agent looking? Free text or a ticket reference. The answer is stored with
 * the view and shown to the recorded user, which the dialog says plainly. There is no way past it but a reason
 * (Escape and clicks outside do nothing; "Back to sessions" leaves).
 */
export function ViewReasonDialog({
  open,
  userName,
  pending,
  error,
  onSubmit,
}: {
  open: boolean;
  userName: string;
  pending: boolean;
  error: string | null;
  onSubmit: (reason: string) => void;
}) {
  const [reason, setReason] = useState("");
  const id = useId();
  return (
    <Dialog.Root open={open}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <Dialog.Content
          className="fixed top-1/2 left-1/2 z-50 w-[min(32rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-xl bg-white p-6 shadow-xl focus:outline-none"
          onEscapeKeyDown={(event) => event.preventDefault()}
          onPointerDownOutside={(event) => event.preventDefault()}
          onInteractOutside={(event) => event.preventDefault()}
        >
          <form
            onSubmit={(event) => {
              event.preventDefault();
              onSubmit(reason);
            }}
          >
            <Dialog.Title className="text-lg font-semibold">Why are you opening this session?</Dialog.Title>
            <Dialog.Description className="mt-2 text-sm text-slate-700">
              Your name, the time and this reason are recorded and shown to {userName} on their privacy page.
            </Dialog.Description>
            <div className="mt-4">
              <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-slate-700">
                Reason or ticket reference
              </label>
              <textarea
                id={`${id}-reason`}
                name="reason"
                rows={3}
                maxLength={500}
                required
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : `${id}-hint`}
                className={`mt-1 block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:outline-2 focus:outline-brand-500 ${error ? "border-red-500" : "border-slate-300"}`}
              />
              {error ? (
                <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-600">
                  {error}
                </p>
              ) : (
                <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
                  For example “Ticket #4821: export button does nothing”.
                </p>
              )}
            </div>
            <div className="mt-6 flex justify-end gap-3">
              <Link href="/support" className={buttonClass("secondary")}>
                Back to sessions
              </Link>
              <Button type="submit" disabled={pending || reason.trim() === ""}>
                {pending ? "Opening…" : "Open replay"}
              </Button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
