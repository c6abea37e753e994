import { LocalTime } from "@/components/consent/local-time";
import { RunRetentionForm } from "@/components/admin/run-retention-form";
import { SettingsForm } from "@/components/admin/settings-form";
import { requireRole } from "@/lib/auth/session";
import { getRetentionOverview } from "@/lib/admin/get-retention-overview";
import { runRetentionAction, updateSettingsAction } from "../actions";

export const metadata = { title: "Retention and settings · Admin" };

export default async function AdminSettingsPage() {
  await requireRole("ADMIN");
  const overview = await getRetentionOverview();
  const cappedByPolicy = overview.policy?.retentionDays != null && overview.policy.retentionDays < overview.settings.retentionDays;
  return (
    <div className="space-y-8">
      <section aria-labelledby="settings-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-6">
        <div>
          <h2 id="settings-heading" className="text-lg font-semibold">
            Retention and settings
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Recordings (sessions, their chunks and events) and anonymous usage events are deleted automatically once they are older than this.
            Users were promised 90 days at most, so it cannot be set higher. Consent records and the audit log are kept as proof.
          </p>
        </div>
        <SettingsForm initial={overview.settings} action={updateSettingsAction} />
      </section>

      <section aria-labelledby="retention-run-heading" className="space-y-4 rounded-xl border border-slate-200 bg-white p-6">
        <div>
          <h2 id="retention-run-heading" className="text-lg font-semibold">
            Retention job
          </h2>
          <p className="mt-1 text-sm text-slate-600">
            Runs inside the server every hour. Data older than <strong>{overview.effectiveDays} days</strong> is deleted
            {cappedByPolicy ? ` (the published policy, version ${overview.policy?.version}, promises ${overview.policy?.retentionDays} days, which is shorter than the setting)` : ""}.
          </p>
        </div>
        <p className="text-sm text-slate-700" data-testid="last-retention-run">
          {overview.lastRun ? (
            <>
              Last run <LocalTime iso={overview.lastRun.at.toISOString()} /> ({overview.lastRun.trigger ?? "unknown"}): removed {overview.lastRun.sessions} sessions,{" "}
              {overview.lastRun.chunks} chunks, {overview.lastRun.events} events and {overview.lastRun.usageEvents} usage events.
            </>
          ) : (
            "The job has not run yet."
          )}
        </p>
        <RunRetentionForm action={runRetentionAction} />
      </section>
    </div>
  );
}
