import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getSupportSession } from "./get-support-session";

/** How long one recorded view lets the viewer's browser fetch the session's data (a long replay plus pauses). */
export const VIEW_GRANT_MS = 4 * 60 * 60 * 1000;

/**
 * Checks that `viewId` is a replay view this viewer recorded for this session within the grant window, and that the
 * session is still available (410 otherwise). Every endpoint that returns recorded content calls this first, so no
 * event leaves the server without its audit row. The check is one indexed lookup with all three ids in the `where`.
 */
export async function requireReplayView({ viewId, sessionId, viewerId, now = new Date() }: { viewId: string; sessionId: string; viewerId: string; now?: Date }) {
  // Gone is gone whoever asks: answer 410 before looking at the grant.
  const session = await getSupportSession({ sessionId, now });
  const view = await db.replayView.findFirst({
    where: { id: viewId, sessionId, viewerId, at: { gt: new Date(now.getTime() - VIEW_GRANT_MS) } },
    select: { id: true },
  });
  if (!view) throw new AppError("FORBIDDEN", "Open the session from the support console and give a reason first.");
  return session;
}
