"use client";

import { useActionState } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { initialFormState, type FormState } from "@/lib/forms";
import { FormError } from "@/components/ui/form-error";

export function SignUpForm({ action }: { action: (state: FormState, data: FormData) => Promise<FormState> }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState(async (previous: FormState, data: FormData) => {
    const result = await action(previous, data);
    if (result.ok) {
      // The account exists: sign straight in with what was typed (the password never comes back from the server).
      const signedIn = await signIn("credentials", { email: data.get("email"), password: data.get("password"), redirect: false });
      router.replace(signedIn?.ok && !signedIn.error ? "/" : "/signin");
      router.refresh();
    }
    return result;
  }, initialFormState);

  return (
    <form action={formAction} noValidate className="space-y-4">
      <FormError message={state.ok ? null : state.message} />
      <TextField label="Name" name="name" autoComplete="name" defaultValue={state.values?.name} errors={state.fields?.name} required />
      <TextField label="Email" name="email" type="email" autoComplete="email" defaultValue={state.values?.email} errors={state.fields?.email} required />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" hint="At least 8 characters." errors={state.fields?.password} required />
      <Button type="submit" disabled={pending || state.ok} className="w-full">
        {pending || state.ok ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
