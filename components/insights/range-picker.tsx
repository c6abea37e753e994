import Link from "next/link";
import { RANGE_DAYS } from "@/lib/insights/charts/types";

/** Plain links, so the range is in the URL (shareable, works without JavaScript). */
export function RangePicker({ current }: { current: number }) {
  return (
    <nav aria-label="Date range">
      <ul className="inline-flex rounded-md border border-slate-300 bg-white p-0.5">
        {RANGE_DAYS.map((days) => (
          <li key={days}>
            <Link
              href={`/insights?range=${days}`}
              aria-current={days === current ? "page" : undefined}
              className={`block rounded px-3 py-1.5 text-sm font-medium ${days === current ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {days} days
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
