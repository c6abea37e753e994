"use client";

import { useActionState, useEffect, useId, useState } from "react";
import * as Dialog from "@radix-ui/react-dialog";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { initialFormState, type FormState } from "@/lib/forms";
import { DELETE_CONFIRMATION_WORD, isDeleteConfirmation } from "@/lib/privacy/delete-confirmation";
import { FormError } from "@/components/ui/form-error";

/**
 * "Delete my account": a danger button, then a dialog that says exactly what goes and what stays, and asks the user
 * to type their email or DELETE. The server checks the confirmation again; on success the session ends here.
 */
export function DeleteAccount({ email, action }: { email: string; action: (state: FormState, data: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const headingId = useId();
  const done = state.ok;

  useEffect(() => {
    if (done) void signOut({ callbackUrl: "/signin" });
  }, [done]);

  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-xl border border-red-200 bg-white p-6">
      <h2 id={headingId} className="text-lg font-semibold">
        Delete my account
      </h2>
      <p className="text-sm text-slate-600">
        Deletes your account, every recording you shared, your profile and the programs you own. This cannot be undone.
      </p>
      <Dialog.Root
        open={open}
        onOpenChange={(next) => {
          if (pending || done) return;
          setOpen(next);
          if (!next) setTyped("");
        }}
      >
        <Dialog.Trigger asChild>
          <Button variant="danger">Delete my account…</Button>
        </Dialog.Trigger>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
          <Dialog.Content className="fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[min(34rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl bg-white p-6 shadow-xl focus:outline-none">
            <Dialog.Title className="text-lg font-semibold">Delete your account?</Dialog.Title>
            <Dialog.Description className="mt-2 text-sm text-slate-700">This is permanent. Once deleted, you are signed out and cannot sign in again.</Dialog.Description>
            <div className="mt-4 grid gap-4 text-sm sm:grid-cols-2">
              <div>
                <h3 className="font-semibold text-slate-900">Deleted now</h3>
                <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
                  <li>Every recording you shared: sessions, pages, clicks and errors</li>
                  <li>Your name, email address and password</li>
                  <li>Programs you own, and your partnerships in others</li>
                </ul>
              </div>
              <div>
                <h3 className="font-semibold text-slate-900">Kept</h3>
                <ul className="mt-2 list-disc space-y-1 pl-5 text-slate-700">
                  <li>Messages you sent stay in the other person’s conversation, shown as from “Deleted user”</li>
                  <li>The record of your consent choices and of who viewed your recordings, as proof — without your name or email</li>
                  <li>Anonymous usage statistics, which never carried your identity</li>
                </ul>
              </div>
            </div>
            <form action={formAction} noValidate className="mt-5 space-y-4">
              <TextField
                label={`Type your email address or ${DELETE_CONFIRMATION_WORD} to confirm`}
                name="confirmation"
                autoComplete="off"
                spellCheck={false}
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
                errors={state.fields?.confirmation}
              />
              <FormError message={state.ok ? null : state.message} />
              {done ? (
                <p role="status" className="text-sm text-slate-700">
                  Your account is deleted. Signing you out…
                </p>
              ) : null}
              <div className="flex justify-end gap-3">
                <Dialog.Close asChild>
                  <Button variant="secondary" disabled={pending || done}>
                    Cancel
                  </Button>
                </Dialog.Close>
                <Button type="submit" variant="danger" disabled={pending || done || !isDeleteConfirmation({ typed, email })} aria-busy={pending || undefined}>
                  {pending ? "Deleting…" : "Delete my account permanently"}
                </Button>
              </div>
            </form>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </section>
  );
}
