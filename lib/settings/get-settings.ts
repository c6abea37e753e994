import "server-only";
import { db } from "@/lib/db";
import { effectiveRetentionDays } from "@/lib/retention/effective-retention-days";
import type { AppSettings } from "./definitions";
import { readSettings } from "./read-settings";

/**
 * Small getters for other features. They read the Setting table on every call (one indexed row lookup) so a change
 * an admin makes applies on the next request in every server process, with no cache to invalidate.
 */
export function getSettings(): Promise<AppSettings> {
  return readSettings({ db });
}

/**
 * Days to keep recordings and usage events: the admin's setting, capped by what the current consent policy promises
 * (and by 90). Ingest uses it for `RecordingSession.expiresAt`; the retention job applies the same rule on each run.
 */
export function getRetentionDays(): Promise<number> {
  return effectiveRetentionDays({ db });
}

/** Whether a support agent must give a reason before a replay opens. */
export async function getRequireViewReason(): Promise<boolean> {
  return (await getSettings()).requireViewReason;
}

/** The smallest group an insights aggregate may show. */
export async function getKAnonymity(): Promise<number> {
  return (await getSettings()).kAnonymity;
}
