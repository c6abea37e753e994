import "server-only";
import { db } from "@/lib/db";

/**
 * Erases everything a user shared through session recording, at once: their data key first (crypto-shredding — the
 * chunks are encrypted with it, so even copies in backups become unreadable), then their recording sessions, whose
 * chunks and indexed events go with them (ON DELETE CASCADE). The consent ledger and the record of who viewed their
 * replays are kept: they are the proof owed to the user, and hold no recorded content. The audit row holds counts only.
 *
 * Used by "Delete my shared data", opting out with "also delete", account deletion and retention-style clean-ups.
 */
export async function eraseSharedData({ userId, actorId }: { userId: string; actorId: string | null }) {
  return db.$transaction(async (tx) => {
    const keys = await tx.userDataKey.deleteMany({ where: { userId } });
    const chunks = await tx.recordingChunk.count({ where: { session: { userId } } });
    const events = await tx.sessionEvent.count({ where: { session: { userId } } });
    const sessions = await tx.recordingSession.deleteMany({ where: { userId } });
    const detail = { sessions: sessions.count, chunks, events, keyDestroyed: keys.count > 0 };
    await tx.auditLog.create({ data: { actorId, action: "data.erased", targetId: userId, detail } });
    return detail;
  });
}
