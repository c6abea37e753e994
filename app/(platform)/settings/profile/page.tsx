import { ProfileForm } from "@/components/settings/profile-form";
import { UsageSharingSection } from "@/components/consent/usage-sharing-section";
import { requireUser } from "@/lib/auth/session";
import { updateProfileAction } from "./actions";
import { DeleteAccount } from "@/components/account/delete-account";
import { deleteAccountAction } from "./delete-account-action";

export const metadata = { title: "Profile settings" };

// Sections stack in this page; each owns its heading and form. Further settings are appended after "Profile".
export default async function ProfileSettingsPage() {
  const user = await requireUser();
  return (
    <div className="max-w-2xl space-y-10">
      <h1 className="text-2xl font-semibold">Profile settings</h1>
      <section aria-labelledby="profile-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-6">
        <div>
          <h2 id="profile-heading" className="text-lg font-semibold">
            Profile
          </h2>
          <p className="mt-1 text-sm text-slate-600">Your name is shown to other members in programs and messages.</p>
        </div>
        <ProfileForm action={updateProfileAction} initial={{ name: user.name, email: user.email }} />
      </section>
      <UsageSharingSection userId={user.id} />
      <DeleteAccount email={user.email} action={deleteAccountAction} />
    </div>
  );
}
