import "server-only";
import { db } from "@/lib/db";
import { toTimelineItem, type TimelineItem } from "./timeline";
import { requireReplayView } from "./require-replay-view";

/** Enough for hours of browsing; a session beyond it says so rather than loading an unbounded list. */
const MAX_ITEMS = 5000;

/**
 * The indexed events of a session for the side tabs and the timeline markers, in time order — only against a replay
 * view this viewer recorded (see requireReplayView). Reads the (sessionId, ts) index.
 */
export async function getSessionTimeline({ sessionId, viewId, viewerId }: { sessionId: string; viewId: string; viewerId: string }): Promise<{ items: TimelineItem[]; truncated: boolean }> {
  await requireReplayView({ sessionId, viewId, viewerId });
  const rows = await db.sessionEvent.findMany({
    where: { sessionId },
    orderBy: [{ ts: "asc" }, { seq: "asc" }],
    take: MAX_ITEMS + 1,
    select: { id: true, kind: true, ts: true, path: true, summary: true },
  });
  return { items: rows.slice(0, MAX_ITEMS).map(toTimelineItem), truncated: rows.length > MAX_ITEMS };
}
