import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getRequireViewReason } from "@/lib/settings/get-settings";
import { getSupportSession } from "./get-support-session";

/**
 * Records that `viewer` is opening a replay, with their reason, before anything recorded is sent: the events and
 * timeline endpoints stream only against the id this returns. The row names the viewer as they are now (it is kept
 * after the session and is what the recorded user reads on their privacy page). Without a reason the view is
 * refused while the admin setting `requireViewReason` is on (its default).
 */
export async function recordReplayView({
  sessionId,
  viewer,
  reason,
}: {
  sessionId: string;
  viewer: { id: string; name: string };
  reason: string;
}) {
  const trimmed = reason.trim();
  if (!trimmed && (await getRequireViewReason())) {
    throw new AppError("VALIDATION_FAILED", "Give a reason for opening this session.", {
      fields: { reason: ["Give a reason, such as a ticket reference or the problem the user reported."] },
    });
  }
  const session = await getSupportSession({ sessionId });
  return db.replayView.create({
    data: { sessionId: session.id, recordedUserId: session.user.id, viewerId: viewer.id, viewerName: viewer.name, reason: trimmed },
    select: { id: true, at: true },
  });
}
