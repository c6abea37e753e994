import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getConsentState } from "@/lib/consent/get-consent-state";
import { listSessions } from "./list-sessions";
import type { SessionListQuery } from "./schemas";

/**
 * A user as the support console sees them: who they are, whether they share usage information right now, and a page
 * of their recorded sessions (the same keyset paging and sorting as the sessions list, scoped to them).
 */
export async function getSupportUser({ userId, query }: { userId: string; query: SessionListQuery }) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, createdAt: true } });
  if (!user) throw new AppError("NOT_FOUND", "There is no user with this id.");
  const [consent, sessions, viewCount] = await Promise.all([
    getConsentState({ userId }),
    listSessions({ query, userId }),
    db.replayView.count({ where: { recordedUserId: userId } }),
  ]);
  return { user, sharing: consent.granted, consentChangedAt: consent.changedAt, sessions, viewCount };
}
