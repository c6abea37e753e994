"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartRow, ColumnFormat } from "@/lib/insights/charts/types";
import { formatCell, formatDay } from "./format";

/**
 * The chart drawings (recharts). Each is decorative for assistive technology: the card around it names it and
 * carries the same numbers as a table, so the svg is hidden from screen readers rather than read out point by point.
 */
export type Series = { key: string; label: string; color: string };

const AXIS = { fontSize: 12, fill: "#475569" };
const size = (height: number) => ({ width: "100%", height });

export function TimeSeriesChart({ rows, xKey, series, format, kind, k }: { rows: ChartRow[]; xKey: string; series: Series[]; format: ColumnFormat; kind: "line" | "bar"; k: number }) {
  const tooltip = <Tooltip labelFormatter={(label) => formatDay(String(label))} formatter={(value) => formatCell(value as number | null, format, k)} />;
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
      <XAxis dataKey={xKey} tickFormatter={(day: string) => formatDay(day)} tick={AXIS} minTickGap={16} />
      <YAxis tick={AXIS} allowDecimals={format === "percent"} width={44} />
    </>
  );
  return (
    <div aria-hidden="true" data-chart-drawing>
      {kind === "line" ? (
        <LineChart data={rows} responsive style={size(220)} accessibilityLayer={false}>
          {axes}
          {tooltip}
          {series.map((s) => (
            <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={rows.length <= 31} connectNulls={false} isAnimationActive={false} />
          ))}
        </LineChart>
      ) : (
        <BarChart data={rows} responsive style={size(220)} accessibilityLayer={false}>
          {axes}
          {tooltip}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      )}
    </div>
  );
}

export function BreakdownChart({ rows, labelKey, series, format, k, stacked = false }: { rows: ChartRow[]; labelKey: string; series: Series[]; format: ColumnFormat; k: number; stacked?: boolean }) {
  const shown = rows.slice(0, 10);
  return (
    <div aria-hidden="true" data-chart-drawing>
      <BarChart data={shown} layout="vertical" responsive style={size(Math.max(120, shown.length * 34 + 40))} accessibilityLayer={false} margin={{ left: 8, right: 16 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" horizontal={false} />
        <XAxis type="number" tick={AXIS} allowDecimals={false} />
        <YAxis type="category" dataKey={labelKey} tick={AXIS} width={150} tickFormatter={(label: string) => (label.length > 22 ? `${label.slice(0, 21)}…` : label)} />
        <Tooltip formatter={(value) => formatCell(value as number | null, format, k)} />
        {series.length > 1 ? <Legend /> : null}
        {series.map((s) => (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={stacked ? "stack" : undefined} isAnimationActive={false} />
        ))}
      </BarChart>
    </div>
  );
}
