import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sessionRowSelect } from "./list-sessions";

/**
 * The header facts of one recorded session (who, device, browser, OS, viewport, duration) — no recorded content.
 * Throws GONE when the session expired or was erased (a replay-view record proves it once existed, since those
 * outlive the recording), NOT_FOUND when there is no trace of it.
 */
export async function getSupportSession({ sessionId, now = new Date() }: { sessionId: string; now?: Date }) {
  const session = await db.recordingSession.findUnique({
    where: { id: sessionId },
    select: {
      ...sessionRowSelect,
      lastEventAt: true,
      endedAt: true,
      chunkCount: true,
      screen: true,
      locale: true,
      timeZone: true,
      expiresAt: true,
    },
  });
  if (session && session.expiresAt > now) return session;
  if (session) throw goneError();
  const everViewed = await db.replayView.findFirst({ where: { sessionId }, select: { id: true } });
  if (everViewed) throw goneError();
  throw new AppError("NOT_FOUND", "There is no recorded session with this id.");
}

export type SupportSession = Awaited<ReturnType<typeof getSupportSession>>;

function goneError() {
  return new AppError("GONE", "This session is no longer available: it expired under the retention policy or the user deleted their shared data.");
}
