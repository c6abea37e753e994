import "server-only";
import { addDays, utcDay, utcDayKey } from "./day-salt";
import { RANGE_DAYS } from "./charts/types";
import { destroyExpiredSalts } from "./destroy-expired-salts";
import { rollUpUsageDays } from "./roll-up-usage-days";

// On globalThis so a dev hot reload (which re-evaluates modules) cannot start a second timer.
const globalForShredder = globalThis as unknown as { candorSaltShredder?: { stop: () => void } };

/**
 * Deletes each day's salt right after UTC midnight, even when no usage event arrives to trigger it (every write
 * also deletes expired salts first). Runs once at start (a server that was down catches up), then just after each
 * midnight; the timer is unref'd so it never keeps a process alive. Returns false when it did not start.
 * The same runs roll up the days that just became final (and any the longest dashboard range lacks), so the
 * first dashboard read of the day does not have to.
 */
export function startSaltShredder(): boolean {
  if (process.env.NEXT_PHASE === "phase-production-build") return false;
  if (globalForShredder.candorSaltShredder) return false;

  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    try {
      await destroyExpiredSalts();
    } catch (error) {
      console.error("[candor] expired usage salts not destroyed yet, retrying:", error instanceof Error ? error.message : String(error));
    }
    try {
      const now = new Date();
      const from = addDays(utcDay(now), 1 - Math.max(...RANGE_DAYS)).toISOString().slice(0, 10);
      await rollUpUsageDays({ from, to: utcDayKey(now), now });
    } catch (error) {
      // Not lost: the next run, or the next dashboard read, rolls the day up.
      console.error("[candor] usage rollup not done yet, retrying:", error instanceof Error ? error.message : String(error));
    }
  };
  const scheduleNext = () => {
    const now = new Date();
    // A second past midnight, and at least every hour in case the clock jumps or a run failed.
    const untilMidnight = addDays(utcDay(now), 1).getTime() + 1000 - now.getTime();
    timer = setTimeout(() => void run().finally(scheduleNext), Math.min(untilMidnight, 60 * 60 * 1000));
    timer.unref();
  };
  const first = setTimeout(() => void run().finally(scheduleNext), 5_000);
  first.unref();
  globalForShredder.candorSaltShredder = {
    stop: () => {
      clearTimeout(first);
      if (timer) clearTimeout(timer);
      globalForShredder.candorSaltShredder = undefined;
    },
  };
  return true;
}
