import Link from "next/link";
import { DeleteSharedData } from "@/components/consent/delete-shared-data";
import { formatDuration, SOURCE_LABELS } from "@/components/consent/format";
import { LocalTime } from "@/components/consent/local-time";
import { requireUser } from "@/lib/auth/session";
import { platformName } from "@/lib/config/platform";
import { describeUserAgent } from "@/lib/consent/describe-user-agent";
import { getSharedData } from "@/lib/privacy/get-shared-data";
import { eraseMySharedDataAction } from "./actions";

export const metadata = { title: "Your shared data" };

const card = "rounded-xl border border-slate-200 bg-white p-6";
const th = "px-3 py-2 text-left font-medium text-slate-600";
const td = "px-3 py-2 align-top";

export default async function PrivacyPage() {
  const user = await requireUser();
  const data = await getSharedData({ userId: user.id });
  const { consent } = data;
  const name = platformName();

  return (
    <div className="max-w-4xl space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Your shared data</h1>
        <p className="mt-1 text-slate-600">What {name} collects when you share usage information, what you have shared, and who has seen it.</p>
      </div>

      <section aria-labelledby="sharing-heading" className={card}>
        <h2 id="sharing-heading" className="text-lg font-semibold">
          Usage sharing is {consent.granted ? "on" : consent.reason === "policy-changed" ? "paused" : "off"}
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          {consent.granted
            ? `You agreed to version ${consent.decidedPolicyVersion} of the policy below.`
            : consent.reason === "policy-changed"
              ? "The policy changed since you agreed — review and confirm it to share again. Nothing is recorded until then."
              : "Nothing is recorded."}{" "}
          <Link href="/settings/profile" className="text-brand-700 underline">
            Change this in your profile settings
          </Link>
          .
        </p>
      </section>

      <section aria-labelledby="policy-heading" className={card}>
        <h2 id="policy-heading" className="text-lg font-semibold">
          What is collected, and what is not
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Policy version {consent.policy.version}, published <LocalTime iso={consent.policy.publishedAt} dateOnly />. Everything is deleted
          automatically after {consent.policy.content.retentionDays} days.
        </p>
        <div className="mt-4 grid gap-6 sm:grid-cols-2">
          <div>
            <h3 className="text-sm font-semibold">Collected while sharing is on</h3>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
              {consent.policy.content.collected.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </div>
          <div>
            <h3 className="text-sm font-semibold">Never collected</h3>
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
              {consent.policy.content.notCollected.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </div>
        </div>
      </section>

      <section aria-labelledby="history-heading" className={card}>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="history-heading" className="text-lg font-semibold">
            Consent history
          </h2>
          <a href="/api/consent/ledger" download className="text-sm font-medium text-brand-700 underline">
            Download your consent history (JSON)
          </a>
        </div>
        {data.ledger.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600">You have never turned usage sharing on or off.</p>
        ) : (
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-sm">
              <caption className="sr-only">Every time usage sharing was turned on or off, oldest first</caption>
              <thead className="border-b border-slate-200">
                <tr>
                  <th scope="col" className={th}>When</th>
                  <th scope="col" className={th}>Decision</th>
                  <th scope="col" className={th}>Policy</th>
                  <th scope="col" className={th}>Where</th>
                  <th scope="col" className={th}>Browser</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100" data-testid="consent-history">
                {data.ledger.map((record) => (
                  <tr key={record.id}>
                    <td className={td}><LocalTime iso={record.at.toISOString()} /></td>
                    <td className={td}>{record.granted ? "Turned on" : "Turned off"}</td>
                    <td className={td}>
                      Version {record.policyVersion}{" "}
                      <span className="font-mono text-xs text-slate-500" title={`sha256 ${record.policySha256}`}>
                        ({record.policySha256.slice(0, 12)}…)
                      </span>
                    </td>
                    <td className={td}>{SOURCE_LABELS[record.source]}</td>
                    <td className={td}>{describeUserAgent(record.userAgent)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="sessions-heading" className={card}>
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Your recorded sessions
        </h2>
        {data.sessions.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600">No recorded sessions are stored.</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-slate-600">
              {data.sessionCount > data.sessions.length
                ? `The ${data.sessions.length} most recent of ${data.sessionCount} recorded sessions.`
                : `${data.sessionCount} recorded ${data.sessionCount === 1 ? "session" : "sessions"}.`}{" "}
              Support staff who watched a session are listed with it.
            </p>
            <div className="mt-3 overflow-x-auto">
              <table className="w-full text-sm">
                <caption className="sr-only">Your recorded sessions, newest first</caption>
                <thead className="border-b border-slate-200">
                  <tr>
                    <th scope="col" className={th}>Date</th>
                    <th scope="col" className={th}>Duration</th>
                    <th scope="col" className={th}>Pages</th>
                    <th scope="col" className={th}>Viewed by</th>
                    <th scope="col" className={th}>Deleted on</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100" data-testid="recorded-sessions">
                  {data.sessions.map((session) => (
                    <tr key={session.id}>
                      <td className={td}><LocalTime iso={session.startedAt.toISOString()} /></td>
                      <td className={td}>{formatDuration(session.durationMs)}</td>
                      <td className={td}>
                        {session.pageCount} {session.pageCount === 1 ? "page" : "pages"}
                        {session.pages.length ? <span className="block font-mono text-xs text-slate-500">{session.pages.join(", ")}</span> : null}
                      </td>
                      <td className={td}>
                        {session.views.length === 0 ? (
                          <span className="text-slate-500">Nobody</span>
                        ) : (
                          <ul className="space-y-1">
                            {session.views.map((view) => (
                              <li key={view.id}>
                                {view.viewerName}, <LocalTime iso={view.at.toISOString()} />
                                {view.reason ? <span className="block text-xs text-slate-500">Reason: {view.reason}</span> : null}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                      <td className={td}><LocalTime iso={session.expiresAt.toISOString()} dateOnly /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
        {data.otherViews.length ? (
          <div className="mt-5">
            <h3 className="text-sm font-semibold">Views of sessions not listed above</h3>
            <p className="text-sm text-slate-600">These sessions have been deleted (or are older than the list), but who watched them is kept.</p>
            <ul className="mt-2 space-y-1 text-sm">
              {data.otherViews.map((view) => (
                <li key={view.id}>
                  {view.viewerName}, <LocalTime iso={view.at.toISOString()} />
                  {view.reason ? ` — reason: ${view.reason}` : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="delete-heading" className={card}>
        <h2 id="delete-heading" className="text-lg font-semibold">
          Delete my shared data
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-600">
          Erase all your recorded sessions now instead of waiting for automatic deletion.
        </p>
        <DeleteSharedData action={eraseMySharedDataAction} sharing={consent.granted} />
      </section>
    </div>
  );
}
