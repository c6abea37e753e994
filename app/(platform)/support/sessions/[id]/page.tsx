import Link from "next/link";
import { notFound } from "next/navigation";
import { LocalTime } from "@/components/consent/local-time";
import { SessionViewer } from "@/components/support/session-viewer";
import { buttonClass } from "@/components/ui/button";
import { requireSupportPage } from "@/lib/support/require-support-page";
import { AppError } from "@/lib/errors";
import { getRequireViewReason } from "@/lib/settings/get-settings";
import { getSupportSession, type SupportSession } from "@/lib/support/get-support-session";
import { formatDuration, parseClock } from "@/lib/support/time";

export const metadata = { title: "Support · Session replay" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SupportSessionPage({ params, searchParams }: Props) {
  const sessionId = await requireSupportPage(params);
  const t = (await searchParams).t;
  const initialOffsetMs = parseClock(Array.isArray(t) ? t[0] : t);

  let session: SupportSession;
  try {
    session = await getSupportSession({ sessionId });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError && error.code === "GONE") return <SessionGone message={error.message} />;
    throw error;
  }
  const requireReason = await getRequireViewReason();

  const facts = [
    { label: "Started", value: <LocalTime iso={session.startedAt.toISOString()} /> },
    { label: "Duration", value: formatDuration(session.durationMs) },
    { label: "Device", value: <span className="capitalize">{session.deviceType || "unknown"}</span> },
    { label: "Browser", value: session.browser || "unknown" },
    { label: "OS", value: session.os || "unknown" },
    { label: "Viewport", value: session.viewport || "unknown" },
    { label: "Screen", value: session.screen || "unknown" },
    { label: "Locale · time zone", value: [session.locale, session.timeZone].filter(Boolean).join(" · ") || "unknown" },
  ];

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/support" className="text-brand-700 hover:underline">
          Sessions
        </Link>
        <span aria-hidden="true"> / </span>
        <Link href={`/support/users/${session.user.id}`} className="text-brand-700 hover:underline">
          {session.user.name}
        </Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">Replay</span>
      </nav>
      <header className="rounded-xl border border-slate-200 bg-white p-5">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-semibold">
            Session of <Link href={`/support/users/${session.user.id}`} className="text-brand-700 hover:underline">{session.user.name}</Link>
          </h1>
          <p className="text-sm text-slate-600">{session.user.email}</p>
        </div>
        <dl className="mt-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          {facts.map((fact) => (
            <div key={fact.label}>
              <dt className="text-slate-500">{fact.label}</dt>
              <dd className="font-medium">{fact.value}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-3 text-xs text-slate-500">
          {count(session.pageCount, "page")} · {count(session.clickCount, "click")} · {count(session.errorCount, "error")} ·{" "}
          {count(session.rageClickCount + session.deadClickCount, "rage/dead click")}.
          Inputs are masked and private areas replay as hatched placeholders.
        </p>
      </header>
      <SessionViewer sessionId={session.id} userName={session.user.name} requireReason={requireReason} initialOffsetMs={initialOffsetMs} durationMs={session.durationMs} />
    </div>
  );
}

function SessionGone({ message }: { message: string }) {
  return (
    <div role="alert" className="mx-auto max-w-xl rounded-xl border border-amber-300 bg-amber-50 p-6">
      <h1 className="text-lg font-semibold text-amber-900">This session is no longer available</h1>
      <p className="mt-2 text-sm text-amber-900">{message}</p>
      <Link href="/support" className={`${buttonClass("secondary")} mt-4`}>
        Back to sessions
      </Link>
    </div>
  );
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
