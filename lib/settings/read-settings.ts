import type { Db } from "@/lib/db/client";
import { SETTING_KEYS, settingsFromRows, type AppSettings } from "./definitions";

/**
 * Reads every app setting through the given client. Not `server-only`: the `npm run retention` script calls it with
 * its own client. Pages and handlers use the getters in ./get-settings.
 */
export async function readSettings({ db }: { db: Pick<Db, "setting"> }): Promise<AppSettings> {
  const rows = await db.setting.findMany({ where: { key: { in: SETTING_KEYS } }, select: { key: true, value: true } });
  return settingsFromRows(rows);
}
