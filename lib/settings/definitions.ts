import { z } from "zod";

/**
 * Typed application settings, stored one row per key in the Setting table. Each has a schema (the bounds are the
 * promises: retention can never exceed the 90 days the help centre states) and a default used until an admin
 * changes it. Pure, so scripts and tests can use it without a server.
 */
export const MAX_RETENTION_DAYS = 90;

export const SETTING_SCHEMAS = {
  /** Days recordings and usage events are kept before the retention job deletes them. */
  retentionDays: z.number().int().min(1).max(MAX_RETENTION_DAYS),
  /** Support agents must give a reason before a replay opens (the reason is shown to the recorded user). */
  requireViewReason: z.boolean(),
  /** Insights suppress any group smaller than this, so no aggregate points at a person. Below 2 there is no suppression. */
  kAnonymity: z.number().int().min(2).max(100),
} as const;

export const appSettingsSchema = z.object(SETTING_SCHEMAS);

export type AppSettings = z.infer<typeof appSettingsSchema>;
export type SettingKey = keyof AppSettings;

export const DEFAULT_SETTINGS: AppSettings = {
  retentionDays: MAX_RETENTION_DAYS,
  requireViewReason: true,
  kAnonymity: 5,
};

export const SETTING_KEYS = Object.keys(SETTING_SCHEMAS) as SettingKey[];

/**
 * Turns stored rows into settings. A missing or invalid row (say, written by an older version with wider bounds)
 * falls back to the default rather than to whatever it holds: the defaults are the safe side of every bound.
 */
export function settingsFromRows(rows: { key: string; value: unknown }[]): AppSettings {
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    if (!(row.key in SETTING_SCHEMAS)) continue;
    const parsed = SETTING_SCHEMAS[row.key as SettingKey].safeParse(row.value);
    if (parsed.success) settings[row.key] = parsed.data;
  }
  return settings as AppSettings;
}
