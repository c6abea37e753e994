import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getCurrentUser } from "@/lib/auth/session";
import { platformName } from "@/lib/config/platform";
import { signUpAction } from "./actions";

export const metadata = { title: "Create an account" };

export default async function SignUpPage() {
  if (await getCurrentUser()) redirect("/");
  return (
    <AuthCard
      title="Create your account"
      platformName={platformName()}
      footer={
        <>
          Already have an account? <Link href="/signin" className="font-medium text-brand-600 hover:underline">Sign in</Link>
        </>
      }
    >
      <SignUpForm action={signUpAction} />
    </AuthCard>
  );
}
