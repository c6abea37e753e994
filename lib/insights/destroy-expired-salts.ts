import "server-only";
import { db } from "@/lib/db";
import { utcDay } from "./day-salt";

/**
 * Deletes the salt of every day that is over. After this, no visitor hash of those days can be recomputed from a
 * user id, and hashes of different days cannot be linked. Runs before every write and on a timer (lib/startup).
 */
export async function destroyExpiredSalts({ now = new Date() }: { now?: Date } = {}): Promise<number> {
  const { count } = await db.usageSalt.deleteMany({ where: { day: { lt: utcDay(now) } } });
  return count;
}
