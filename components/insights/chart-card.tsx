import type { ChartData } from "@/lib/insights/charts/types";
import { formatCell } from "./format";

/**
 * One dashboard card: the title, what the privacy floor left out, the drawing, the same numbers as a table (the
 * text alternative), and the CSV download of exactly those rows.
 */
export function ChartCard({ chart, rangeDays, children, tableOpen = false }: { chart: ChartData; rangeDays: number; children?: React.ReactNode; tableOpen?: boolean }) {
  const headingId = `chart-${chart.id}`;
  const hasData = chart.rows.some((row) => chart.columns.some((column) => column.format !== "text" && column.format !== "day" && typeof row[column.key] === "number" && row[column.key] !== 0));
  return (
    <section aria-labelledby={headingId} data-chart={chart.id} className="flex flex-col rounded-xl border border-slate-200 bg-white p-5">
      <div className="flex items-start justify-between gap-3">
        <div>
          <h3 id={headingId} className="font-semibold">
            {chart.title}
          </h3>
          <p className="mt-1 text-sm text-slate-600">{chart.description}</p>
        </div>
        <a
          href={`/api/insights/export/${chart.id}?range=${rangeDays}`}
          download
          className="shrink-0 rounded-md border border-slate-300 px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-50"
        >
          CSV<span className="sr-only"> of {chart.title}</span>
        </a>
      </div>
      {chart.summary ? <p className="mt-3 text-2xl font-semibold">{chart.summary}</p> : null}
      <div className="mt-4 flex-1">{hasData ? children : <p className="rounded-md bg-slate-50 px-3 py-6 text-center text-sm text-slate-500">No data to show for this range.</p>}</div>
      {chart.notes.length ? (
        <ul aria-label="Privacy floor" className="mt-3 space-y-1 text-xs text-amber-800">
          {chart.notes.map((note) => (
            <li key={note}>🔒 {note}</li>
          ))}
        </ul>
      ) : null}
      {chart.rows.length ? (
        <details className="mt-3 text-sm" open={tableOpen}>
          <summary className="cursor-pointer text-slate-600 hover:text-slate-900">Data table</summary>
          <div className="mt-2 max-h-72 overflow-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{chart.title}</caption>
              <thead>
                <tr className="border-b border-slate-200 text-slate-500">
                  {chart.columns.map((column) => (
                    <th key={column.key} scope="col" className={`py-1.5 pr-3 font-medium ${column.format === "text" || column.format === "day" ? "" : "text-right"}`}>
                      {column.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {chart.rows.map((row, index) => (
                  <tr key={index} className="border-b border-slate-100 last:border-0">
                    {chart.columns.map((column, columnIndex) => {
                      const text = formatCell(row[column.key] ?? null, column.format, chart.k);
                      const align = column.format === "text" || column.format === "day" ? "break-all" : "text-right tabular-nums";
                      return columnIndex === 0 ? (
                        <th key={column.key} scope="row" className={`py-1.5 pr-3 font-normal ${align}`}>
                          {text}
                        </th>
                      ) : (
                        <td key={column.key} className={`py-1.5 pr-3 ${align} ${row[column.key] === null ? "text-slate-400" : ""}`}>
                          {text}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </section>
  );
}
