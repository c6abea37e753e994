import "server-only";
import { db } from "@/lib/db";
import type { UsageEventKind } from "@/lib/generated/prisma/enums";
import { readCurrentConsents } from "@/lib/consent/read-current-consents";
import { isSaltUsable, newSalt, utcDay, visitorHash } from "./day-salt";
import { destroyExpiredSalts } from "./destroy-expired-salts";

export type UsageRow = {
  at: Date;
  kind: UsageEventKind;
  route?: string;
  name?: string;
  message?: string;
  durationMs?: number | null;
  browser?: string;
  os?: string;
  deviceType?: string;
};

/** Events may be up to this far in the future (browser clock skew) or in the past (late uploads). */
const MAX_FUTURE_MS = 2 * 60 * 1000;
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * Writes anonymous rows for any number of users in a handful of queries: checks consent (again — callers already
 * did, but a missed check here would store a non-consenting person's usage), keeps only events since each user's
 * current grant, and replaces the user id with today's visitor hash. Shared by recordUsageEvents and
 * recordKeyEvent; not exported beyond lib/insights.
 */
export async function storeUsageRows({ users, now = new Date() }: { users: { userId: string; rows: UsageRow[] }[]; now?: Date }): Promise<number> {
  const withRows = users.filter((user) => user.rows.length > 0);
  if (withRows.length === 0) return 0;
  const consents = await readCurrentConsents({ userIds: withRows.map((user) => user.userId), now });

  const accepted = withRows.flatMap(({ userId, rows }) => {
    const consent = consents.get(userId);
    if (!consent?.granted) return [];
    const grantedAt = consent.record.at.getTime();
    return rows
      .filter((row) => {
        const t = row.at.getTime();
        return Number.isFinite(t) && t >= grantedAt && t <= now.getTime() + MAX_FUTURE_MS && t >= now.getTime() - MAX_AGE_MS;
      })
      .map((row) => ({ userId, row }));
  });
  if (accepted.length === 0) return 0;

  await destroyExpiredSalts({ now });
  const today = utcDay(now);
  await db.usageSalt.createMany({ data: [{ day: today, salt: newSalt() }], skipDuplicates: true });
  const salt = await db.usageSalt.findUnique({ where: { day: today }, select: { salt: true } });

  const { count } = await db.usageEvent.createMany({
    data: accepted.map(({ userId, row }) => {
      // A minute is enough for visits and time series, and too coarse to line an event up with a replay.
      const at = new Date(Math.floor(Math.min(row.at.getTime(), now.getTime()) / 60_000) * 60_000);
      return {
        day: utcDay(at),
        at,
        kind: row.kind,
        route: row.route ?? "",
        name: row.name ?? "",
        message: row.message ?? "",
        durationMs: row.durationMs ?? null,
        browser: row.browser ?? "",
        os: row.os ?? "",
        deviceType: row.deviceType ?? "",
        // An event of a day that is already over keeps no person: that day's salt is gone, and today's must not
        // be used for it (it would tie the two days together).
        visitor: salt && isSaltUsable(at, now) ? visitorHash(salt.salt, userId) : null,
      };
    }),
  });
  return count;
}
