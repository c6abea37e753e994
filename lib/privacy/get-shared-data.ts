import "server-only";
import { db } from "@/lib/db";
import { toConsentView } from "@/lib/consent/consent-view";
import { getConsentLedger } from "@/lib/consent/get-consent-ledger";
import { getConsentState } from "@/lib/consent/get-consent-state";

const SESSION_LIMIT = 100;
const PAGES_PER_SESSION = 12;

/**
 * Everything the "Your shared data" page shows a user about themselves: their consent state and ledger, their
 * recorded sessions (newest first, with the pages visited and when each will be deleted), and who watched which
 * session — including views of sessions that have since been deleted, because that record outlives the recording.
 * Every query is scoped to `userId` in its `where`.
 */
export async function getSharedData({ userId }: { userId: string }) {
  const [state, ledger, sessionCount, sessions, views] = await Promise.all([
    getConsentState({ userId }),
    getConsentLedger({ userId }),
    db.recordingSession.count({ where: { userId } }),
    db.recordingSession.findMany({
      where: { userId },
      orderBy: { startedAt: "desc" },
      take: SESSION_LIMIT,
      select: { id: true, startedAt: true, endedAt: true, durationMs: true, pageCount: true, entryPath: true, browser: true, os: true, deviceType: true, expiresAt: true },
    }),
    db.replayView.findMany({
      where: { recordedUserId: userId },
      orderBy: { at: "desc" },
      select: { id: true, sessionId: true, viewerName: true, reason: true, at: true },
    }),
  ]);

  const pageRows = sessions.length
    ? await db.sessionEvent.groupBy({
        by: ["sessionId", "path"],
        where: { kind: "PAGE", sessionId: { in: sessions.map((session) => session.id) }, session: { userId } },
        _min: { ts: true },
        orderBy: { _min: { ts: "asc" } },
      })
    : [];
  const pagesBySession = new Map<string, string[]>();
  for (const row of pageRows) {
    const list = pagesBySession.get(row.sessionId) ?? [];
    if (list.length < PAGES_PER_SESSION) list.push(row.path);
    pagesBySession.set(row.sessionId, list);
  }

  const sessionIds = new Set(sessions.map((session) => session.id));
  const viewsBySession = new Map<string, typeof views>();
  for (const view of views) {
    if (!sessionIds.has(view.sessionId)) continue;
    viewsBySession.set(view.sessionId, [...(viewsBySession.get(view.sessionId) ?? []), view]);
  }
  // Views of sessions not listed: deleted already (retention, erasure) or beyond the listing limit.
  const otherViews = views.filter((view) => !sessionIds.has(view.sessionId));

  return {
    consent: toConsentView(state),
    ledger: ledger.records,
    sessionCount,
    sessions: sessions.map((session) => ({
      ...session,
      pages: pagesBySession.get(session.id) ?? (session.entryPath ? [session.entryPath] : []),
      views: viewsBySession.get(session.id) ?? [],
    })),
    otherViews,
  };
}
