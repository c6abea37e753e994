import Link from "next/link";
import { notFound } from "next/navigation";
import { MembershipForm } from "@/components/programs/membership-form";
import { StatusBadge } from "@/components/programs/status-badge";
import { buttonClass } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { formatCommission } from "@/lib/programs/commission";
import { getProgram } from "@/lib/programs/get-program";
import { membershipAction } from "../actions";

export const metadata = { title: "Program" };

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

export default async function ProgramPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const program = await getProgram({ id, viewerId: user.id });
  if (!program) notFound();

  const terms = [
    { label: "Commission", value: formatCommission(program.commissionType, program.commissionValue) },
    { label: "Cookie duration", value: `${program.cookieDays} ${program.cookieDays === 1 ? "day" : "days"}` },
    { label: "Owner", value: program.owner.name },
  ];

  return (
    <article className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <p className="text-sm">
            <Link href="/programs" className="text-brand-700 hover:underline">
              Programs
            </Link>
          </p>
          <div className="mt-1 flex flex-wrap items-center gap-3">
            <h1 className="text-2xl font-semibold">{program.name}</h1>
            <StatusBadge status={program.status} />
          </div>
          {program.websiteUrl ? (
            <p className="mt-1 text-sm">
              <a href={program.websiteUrl} rel="noopener noreferrer nofollow" target="_blank" className="text-brand-700 hover:underline">
                {program.websiteUrl}
                <span className="sr-only"> (opens in a new tab)</span>
              </a>
            </p>
          ) : null}
        </div>
        {program.isOwner ? (
          <Link href={`/programs/${program.id}/edit`} className={buttonClass("secondary")}>
            Edit program
          </Link>
        ) : (
          <MembershipForm action={membershipAction.bind(null, program.id)} isPartner={program.isPartner} canJoin={program.status === "ACTIVE"} />
        )}
      </div>

      {program.description ? <p className="max-w-3xl whitespace-pre-line text-slate-700">{program.description}</p> : null}

      <section aria-labelledby="terms-heading">
        <h2 id="terms-heading" className="font-semibold">
          Commission settings
        </h2>
        <dl className="mt-3 grid gap-4 sm:grid-cols-3">
          {terms.map((term) => (
            <div key={term.label} className="rounded-xl border border-slate-200 bg-white p-4">
              <dt className="text-sm text-slate-500">{term.label}</dt>
              <dd className="mt-1 font-medium">{term.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="partners-heading" className="rounded-xl border border-slate-200 bg-white">
        <h2 id="partners-heading" className="border-b border-slate-200 px-5 py-3 font-semibold">
          Partners ({program.partners.length})
        </h2>
        {program.partners.length > 0 ? (
          <ul className="divide-y divide-slate-100">
            {program.partners.map((partner) => (
              <li key={partner.id} className="flex items-center justify-between px-5 py-3 text-sm">
                <span className="font-medium">
                  {partner.name}
                  {partner.id === user.id ? <span className="text-slate-500"> (you)</span> : null}
                </span>
                <span className="text-slate-500">
                  Joined <time dateTime={partner.joinedAt.toISOString()}>{dateFormat.format(partner.joinedAt)}</time>
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="px-5 py-3 text-sm text-slate-500">No partners yet.</p>
        )}
      </section>
    </article>
  );
}
