import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { ProgramFilters } from "@/components/programs/program-filters";
import { ProgramTable } from "@/components/programs/program-table";
import { requireUser } from "@/lib/auth/session";
import { listPrograms } from "@/lib/programs/list-programs";
import { programListQuerySchema } from "@/lib/programs/schemas";

export const metadata = { title: "Programs" };

const HEADINGS = { owned: "Programs you own", joined: "Programs you promote" } as const;

export default async function ProgramsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const query = programListQuerySchema.parse(await searchParams);
  const result = await listPrograms({ userId: user.id, ...query });
  const heading = query.mine ? HEADINGS[query.mine] : "Programs";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{heading}</h1>
          <p className="mt-1 text-slate-600">Affiliate programs on the platform. Open one to see its terms and partners.</p>
        </div>
        <Link href="/programs/new" className={buttonClass("primary")}>
          New program
        </Link>
      </div>
      <ProgramFilters q={query.q} mine={query.mine} />
      <p className="text-sm text-slate-600" role="status">
        {result.total === 0
          ? query.q
            ? `No programs match “${query.q}”.`
            : "No programs here yet."
          : `${result.total} ${result.total === 1 ? "program" : "programs"}${query.q ? ` matching “${query.q}”` : ""}`}
      </p>
      {result.programs.length > 0 ? <ProgramTable programs={result.programs} caption={heading} /> : null}
      <Pagination basePath="/programs" page={result.page} pageCount={result.pageCount} params={{ q: query.q, mine: query.mine }} />
    </div>
  );
}
