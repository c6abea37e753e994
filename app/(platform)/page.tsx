import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { getDashboard } from "@/lib/platform/get-dashboard";

export const metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser();
  const dashboard = await getDashboard({ userId: user.id });
  const stats = [
    { label: "Programs you own", value: dashboard.ownedPrograms, href: "/programs?mine=owned" },
    { label: "Programs you promote", value: dashboard.memberships, href: "/programs?mine=joined" },
    { label: "Conversations", value: dashboard.threads, href: "/messages" },
  ];
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">Welcome back, {user.name.split(" ")[0]}</h1>
        <p className="mt-1 text-slate-600">Here is what is happening across your partner programs.</p>
      </div>
      <dl className="grid gap-4 sm:grid-cols-3">
        {stats.map((stat) => (
          <Link key={stat.label} href={stat.href} className="rounded-xl border border-slate-200 bg-white p-5 hover:border-brand-500">
            <dt className="text-sm text-slate-500">{stat.label}</dt>
            <dd className="mt-1 text-3xl font-semibold">{stat.value}</dd>
          </Link>
        ))}
      </dl>
      <section aria-labelledby="recent-programs" className="rounded-xl border border-slate-200 bg-white">
        <h2 id="recent-programs" className="border-b border-slate-200 px-5 py-3 font-semibold">
          Newest programs
        </h2>
        <ul className="divide-y divide-slate-100">
          {dashboard.recentPrograms.map((program) => (
            <li key={program.id} className="flex items-center justify-between px-5 py-3">
              <Link href={`/programs/${program.id}`} className="font-medium text-brand-700 hover:underline">
                {program.name}
              </Link>
              <span className="text-sm text-slate-500">{program.memberCount} partners</span>
            </li>
          ))}
          {dashboard.recentPrograms.length === 0 ? <li className="px-5 py-3 text-sm text-slate-500">No programs yet.</li> : null}
        </ul>
      </section>
    </div>
  );
}
