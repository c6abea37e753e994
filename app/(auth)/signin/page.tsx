import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/session";
import { oidcProvider } from "@/lib/auth/oidc";
import { platformName } from "@/lib/config/platform";

export const metadata = { title: "Sign in" };

/** Only same-site paths may be a callback, so the sign-in page cannot be used to bounce users elsewhere. */
function safeCallback(value: string | string[] | undefined) {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : "/";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const callbackUrl = safeCallback((await searchParams).callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const oidc = oidcProvider()[0];
  return (
    <AuthCard
      title="Sign in"
      platformName={platformName()}
      footer={
        <>
          New here? <Link href="/signup" className="font-medium text-brand-600 hover:underline">Create an account</Link>
        </>
      }
    >
      <SignInForm callbackUrl={callbackUrl} oidcName={oidc?.name} />
    </AuthCard>
  );
}
