import "server-only";
import { activeUsersChart, sessionsChart } from "./daily-activity";
import { optInChart } from "./opt-in";
import { newProgramsChart, programSizesChart } from "./programs";
import {
  deviceChart,
  errorMessagesChart,
  errorsByRouteChart,
  featuresChart,
  frustrationChart,
  keyEventsChart,
  pagesChart,
} from "./usage-breakdowns";
import type { ChartContext, ChartData, ChartId } from "./types";

/** Every chart of the dashboard, by id: the page draws them all, the CSV export loads one — with the same rules. */
export const CHART_LOADERS: Record<ChartId, (ctx: ChartContext) => Promise<ChartData>> = {
  "active-users": activeUsersChart,
  sessions: sessionsChart,
  pages: pagesChart,
  features: featuresChart,
  "key-events": keyEventsChart,
  "errors-by-route": errorsByRouteChart,
  "error-messages": errorMessagesChart,
  frustration: frustrationChart,
  browsers: (ctx) => deviceChart(ctx, "browsers"),
  "operating-systems": (ctx) => deviceChart(ctx, "operating-systems"),
  "device-types": (ctx) => deviceChart(ctx, "device-types"),
  "opt-in": optInChart,
  "program-sizes": programSizesChart,
  "new-programs": newProgramsChart,
};
