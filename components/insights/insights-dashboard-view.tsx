import type { InsightsDashboard } from "@/lib/insights/get-insights-dashboard";
import { ChartCard } from "./chart-card";
import { BreakdownChart, TimeSeriesChart } from "./chart-views";
import { RangePicker } from "./range-picker";

const BLUE = "#2158c4";
const TEAL = "#0f766e";
const AMBER = "#b45309";
const RED = "#b91c1c";

/** The /insights page body: every chart of the dashboard, grouped the way the product team reads them. */
export function InsightsDashboardView({ dashboard }: { dashboard: InsightsDashboard }) {
  const { charts, range, k } = dashboard;
  const days = range.rangeDays;
  return (
    <div className="space-y-8">
      <InsightsHeader
        rangeDays={days}
        status={`Anonymous, aggregate usage of people who share usage information, ${range.from} to ${range.to} (UTC). Nothing here leads to a person or a session: any group of fewer than ${k} people is folded into “Other” or hidden.`}
      />

      <Section title="Activity">
        <ChartCard chart={charts["active-users"]} rangeDays={days}>
          <TimeSeriesChart kind="line" rows={charts["active-users"].rows} xKey="day" series={[{ key: "users", label: "Active sharing users", color: BLUE }]} format="int" k={k} />
        </ChartCard>
        <ChartCard chart={charts.sessions} rangeDays={days}>
          <TimeSeriesChart kind="bar" rows={charts.sessions.rows} xKey="day" series={[{ key: "sessions", label: "Sessions", color: TEAL }]} format="int" k={k} />
        </ChartCard>
        <ChartCard chart={charts.pages} rangeDays={days}>
          <BreakdownChart rows={charts.pages.rows} labelKey="route" series={[{ key: "views", label: "Page views", color: BLUE }]} format="int" k={k} />
          <p className="mt-4 text-sm font-medium text-slate-700" aria-hidden="true">
            Median time on page
          </p>
          <BreakdownChart rows={charts.pages.rows} labelKey="route" series={[{ key: "medianMs", label: "Median time on page", color: TEAL }]} format="ms" k={k} />
        </ChartCard>
        <ChartCard chart={charts.features} rangeDays={days}>
          <BreakdownChart rows={charts.features.rows} labelKey="feature" series={[{ key: "uses", label: "Uses", color: BLUE }]} format="int" k={k} />
        </ChartCard>
        <ChartCard chart={charts["key-events"]} rangeDays={days}>
          <BreakdownChart rows={charts["key-events"].rows} labelKey="event" series={[{ key: "count", label: "Count", color: TEAL }]} format="int" k={k} />
        </ChartCard>
      </Section>

      <Section title="Problems">
        <ChartCard chart={charts["errors-by-route"]} rangeDays={days}>
          <BreakdownChart rows={charts["errors-by-route"].rows} labelKey="route" series={[{ key: "errorsPer100Views", label: "Errors per 100 page views", color: RED }]} format="int" k={k} />
        </ChartCard>
        <ChartCard chart={charts["error-messages"]} rangeDays={days} tableOpen>
          <BreakdownChart rows={charts["error-messages"].rows} labelKey="message" series={[{ key: "count", label: "Occurrences", color: RED }]} format="int" k={k} />
        </ChartCard>
        <ChartCard chart={charts.frustration} rangeDays={days}>
          <BreakdownChart
            rows={charts.frustration.rows}
            labelKey="route"
            stacked
            series={[
              { key: "rage", label: "Rage clicks", color: RED },
              { key: "dead", label: "Dead clicks", color: AMBER },
            ]}
            format="int"
            k={k}
          />
        </ChartCard>
      </Section>

      <Section title="Devices" columns="lg:grid-cols-3">
        {(["browsers", "operating-systems", "device-types"] as const).map((id) => (
          <ChartCard key={id} chart={charts[id]} rangeDays={days}>
            <BreakdownChart rows={charts[id].rows} labelKey="name" series={[{ key: "userDays", label: "User-days", color: BLUE }]} format="int" k={k} />
          </ChartCard>
        ))}
      </Section>

      <Section title="Sharing and programs" columns="lg:grid-cols-3">
        <ChartCard chart={charts["opt-in"]} rangeDays={days}>
          <TimeSeriesChart kind="line" rows={charts["opt-in"].rows} xKey="day" series={[{ key: "optInRate", label: "Opt-in rate", color: TEAL }]} format="percent" k={k} />
        </ChartCard>
        <ChartCard chart={charts["program-sizes"]} rangeDays={days}>
          <BreakdownChart rows={charts["program-sizes"].rows} labelKey="size" series={[{ key: "programs", label: "Programs", color: BLUE }]} format="int" k={k} />
        </ChartCard>
        <ChartCard chart={charts["new-programs"]} rangeDays={days}>
          <TimeSeriesChart kind="bar" rows={charts["new-programs"].rows} xKey="week" series={[{ key: "programs", label: "New programs", color: BLUE }]} format="int" k={k} />
        </ChartCard>
      </Section>
    </div>
  );
}

/** The title and range picker; also the loading state while the charts are computed. */
export function InsightsHeader({ rangeDays, status }: { rangeDays: number; status: string }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold">Insights</h1>
        <p role="status" className="mt-1 max-w-2xl text-slate-600">
          {status}
        </p>
      </div>
      <RangePicker current={rangeDays} />
    </div>
  );
}

function Section({ title, columns = "lg:grid-cols-2", children }: { title: string; columns?: string; children: React.ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500">
        {title}
      </h2>
      <div className={`grid gap-4 ${columns}`}>{children}</div>
    </section>
  );
}
