import "server-only";
import { db } from "@/lib/db";
import { runRetention } from "./run-retention";

const HOUR_MS = 60 * 60 * 1000;

// On globalThis so a dev hot reload (which re-evaluates modules) cannot start a second timer.
const globalForRetention = globalThis as unknown as { candorRetentionSchedule?: { stop: () => void } };

/**
 * Runs the retention job inside the server: first shortly after start (so a server that was down catches up), then
 * every hour. Timers are unref'd so they never keep a process alive, runs never overlap, and a failed run is logged
 * and retried on the next tick. `CANDOR_RETENTION_SCHEDULE=off` turns it off where a cron job runs
 * `npm run retention` instead. Returns false when it did not start.
 */
export function startRetentionSchedule({ intervalMs = HOUR_MS, firstRunAfterMs = 60_000 }: { intervalMs?: number; firstRunAfterMs?: number } = {}) {
  if (process.env.NEXT_PHASE === "phase-production-build") return false;
  if (process.env.CANDOR_RETENTION_SCHEDULE === "off") return false;
  if (globalForRetention.candorRetentionSchedule) return false;

  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await runRetention({ db, trigger: "schedule" });
    } catch (error) {
      console.error("[candor] retention run failed, retrying next hour:", error instanceof Error ? error.message : String(error));
    } finally {
      running = false;
    }
  };
  const first = setTimeout(tick, firstRunAfterMs);
  const interval = setInterval(tick, intervalMs);
  first.unref();
  interval.unref();
  globalForRetention.candorRetentionSchedule = {
    stop: () => {
      clearTimeout(first);
      clearInterval(interval);
      globalForRetention.candorRetentionSchedule = undefined;
    },
  };
  return true;
}
