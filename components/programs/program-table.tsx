import Link from "next/link";
import type { CommissionType, ProgramStatus } from "@/lib/generated/prisma/enums";
import { formatCommission } from "@/lib/programs/commission";
import { StatusBadge } from "./status-badge";

export type ProgramRow = {
  id: string;
  name: string;
  commissionType: CommissionType;
  commissionValue: number;
  cookieDays: number;
  status: ProgramStatus;
  partnerCount: number;
};

export function ProgramTable({ programs, caption }: { programs: ProgramRow[]; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-slate-600">
          <tr>
            <th scope="col" className="px-4 py-3 font-medium">Program</th>
            <th scope="col" className="px-4 py-3 font-medium">Commission</th>
            <th scope="col" className="px-4 py-3 font-medium">Cookie</th>
            <th scope="col" className="px-4 py-3 font-medium">Status</th>
            <th scope="col" className="px-4 py-3 text-right font-medium">Partners</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {programs.map((program) => (
            <tr key={program.id}>
              <th scope="row" className="px-4 py-3 text-left font-medium">
                <Link href={`/programs/${program.id}`} className="text-brand-700 hover:underline">
                  {program.name}
                </Link>
              </th>
              <td className="px-4 py-3">{formatCommission(program.commissionType, program.commissionValue)}</td>
              <td className="px-4 py-3">{program.cookieDays} {program.cookieDays === 1 ? "day" : "days"}</td>
              <td className="px-4 py-3">
                <StatusBadge status={program.status} />
              </td>
              <td className="px-4 py-3 text-right tabular-nums">{program.partnerCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
