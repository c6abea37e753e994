import type { ChartData } from "./charts/types";

/**
 * CSV of a chart's rows (RFC 4180 quoting). Hidden cells print as "suppressed", and text that a spreadsheet would
 * run as a formula is defused with a leading apostrophe (error messages come from browsers).
 */
export function toCsv(chart: Pick<ChartData, "columns" | "rows">): string {
  const escape = (value: string) => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [chart.columns.map((column) => escape(column.label)).join(",")];
  for (const row of chart.rows) {
    lines.push(chart.columns.map((column) => escape(row[column.key] === null || row[column.key] === undefined ? "suppressed" : String(row[column.key]))).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
