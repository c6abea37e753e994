import "server-only";
import { db } from "@/lib/db";
import { assertActorIsAdmin } from "@/lib/admin/admin-guards";
import type { Prisma } from "@/lib/generated/prisma/client";
import { appSettingsSchema, type AppSettings, type SettingKey } from "./definitions";
import { readSettings } from "./read-settings";

export type SettingChanges = Partial<{ [Key in SettingKey]: { from: AppSettings[Key]; to: AppSettings[Key] } }>;

/**
 * Changes one or more settings (validated against their bounds, so retention can never exceed 90 days) and writes
 * one `settings.changed` audit row with every from/to, in the same transaction. Saving unchanged values writes nothing.
 * Only an administrator may change settings; that is checked here, against the actor's row as it is now.
 */
export async function updateSettings({ actorId, values }: { actorId: string; values: Partial<AppSettings> }) {
  const parsed = appSettingsSchema.partial().strict().parse(values);
  return db.$transaction(async (tx) => {
    await assertActorIsAdmin({ tx, actorId });
    const current = await readSettings({ db: tx });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(parsed) as SettingKey[]) {
      const to = parsed[key];
      if (to === undefined || to === current[key]) continue;
      changes[key] = { from: current[key], to };
      await tx.setting.upsert({ where: { key }, create: { key, value: to }, update: { value: to } });
    }
    if (Object.keys(changes).length > 0) {
      await tx.auditLog.create({ data: { actorId, action: "settings.changed", targetId: null, detail: changes as Prisma.InputJsonObject } });
    }
    return { settings: { ...current, ...parsed } as AppSettings, changes: changes as SettingChanges };
  });
}
