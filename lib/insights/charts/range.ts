import { addDays, utcDay } from "../day-salt";
import type { ChartContext, InsightsRange, RangeDays } from "./types";

export function insightsRange({ rangeDays, now = new Date() }: { rangeDays: RangeDays; now?: Date }): InsightsRange {
  const today = utcDay(now);
  const days = Array.from({ length: rangeDays }, (_, i) => addDays(today, i - rangeDays + 1).toISOString().slice(0, 10));
  return { rangeDays, from: days[0], to: days[days.length - 1], days };
}

export function chartContext({ range, k }: { range: InsightsRange; k: number }): ChartContext {
  const cache = new Map<string, Promise<unknown>>();
  return {
    range,
    k,
    memo: <T,>(key: string, load: () => Promise<T>) => {
      if (!cache.has(key)) cache.set(key, load());
      return cache.get(key) as Promise<T>;
    },
  };
}
