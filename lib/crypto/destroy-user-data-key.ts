import "server-only";
import { db } from "@/lib/db";

/**
 * Crypto-shredding: deletes a user's data key, which makes every chunk encrypted with it unreadable — including copies
 * in backups. Erasure calls this first, before deleting rows. Returns whether a key existed.
 */
export async function destroyUserDataKey({ userId }: { userId: string }): Promise<boolean> {
  const { count } = await db.userDataKey.deleteMany({ where: { userId } });
  return count > 0;
}
