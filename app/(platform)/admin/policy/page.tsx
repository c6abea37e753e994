import { LocalTime } from "@/components/consent/local-time";
import { PolicyEditor } from "@/components/admin/policy-editor";
import { requireRole } from "@/lib/auth/session";
import { getCurrentPolicy } from "@/lib/admin/get-current-policy";
import { platformName } from "@/lib/config/platform";
import { publishPolicyAction } from "../actions";

export const metadata = { title: "Consent policy · Admin" };

export default async function AdminPolicyPage() {
  await requireRole("ADMIN");
  const policy = await getCurrentPolicy();
  return (
    <section aria-labelledby="policy-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-6">
      <div>
        <h2 id="policy-heading" className="text-lg font-semibold">
          Usage-sharing policy
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          The text of the confirmation dialog members agree to when they turn on “Share usage information”.{" "}
          {policy.publishedAt ? (
            <>
              Version {policy.version} is in force, published <LocalTime iso={policy.publishedAt.toISOString()} />.
            </>
          ) : (
            "No version is published yet."
          )}
        </p>
      </div>
      <PolicyEditor current={policy} platformName={platformName()} action={publishPolicyAction} />
    </section>
  );
}
