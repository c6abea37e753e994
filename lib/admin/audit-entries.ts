import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { auditRange, REPLAY_VIEWED, type AuditFilters } from "./audit-filters";

export type AuditEntry = {
  id: string;
  at: Date;
  action: string;
  actorId: string | null;
  actorName: string | null;
  targetId: string | null;
  targetName: string | null;
  detail: unknown;
};

function where(filters: AuditFilters, columns: { at: Prisma.Sql; action?: Prisma.Sql }) {
  const { from, until } = auditRange(filters);
  const conditions: Prisma.Sql[] = [];
  if (from) conditions.push(Prisma.sql`${columns.at} >= ${from}`);
  if (until) conditions.push(Prisma.sql`${columns.at} < ${until}`);
  if (filters.action && columns.action) conditions.push(Prisma.sql`${columns.action} = ${filters.action}`);
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

function union(filters: AuditFilters): Prisma.Sql {
  const auditBranch = Prisma.sql`
    SELECT a.id, a.at, a.action, a."actorId", actor.name AS "actorName", a."targetId", target.name AS "targetName", a.detail
    FROM "AuditLog" a
    LEFT JOIN "User" actor ON actor.id = a."actorId"
    LEFT JOIN "User" target ON target.id = a."targetId"
    ${where(filters, { at: Prisma.sql`a.at`, action: Prisma.sql`a.action` })}`;
  if (filters.action && filters.action !== REPLAY_VIEWED) return auditBranch;
  // The viewer's name is stored on the view itself: it stays readable after the viewer's account is gone.
  const replayBranch = Prisma.sql`
    SELECT r.id, r.at, CAST(${REPLAY_VIEWED} AS text) AS action, r."viewerId" AS "actorId", r."viewerName" AS "actorName",
      r."recordedUserId" AS "targetId", target.name AS "targetName",
      jsonb_build_object('sessionId', r."sessionId", 'reason', r.reason) AS detail
    FROM "ReplayView" r
    LEFT JOIN "User" target ON target.id = r."recordedUserId"
    ${where(filters, { at: Prisma.sql`r.at` })}`;
  if (filters.action === REPLAY_VIEWED) return replayBranch;
  return Prisma.sql`${auditBranch} UNION ALL ${replayBranch}`;
}

/**
 * The audit log as admins read it: AuditLog rows and replay views (kept in their own table, because the recorded
 * user is shown them too) merged into one stream, newest first. Filters are applied inside each branch so both use
 * their `at` indexes. Shared by the page and the CSV export.
 */
export async function queryAuditEntries({ filters, limit, offset = 0 }: { filters: AuditFilters; limit: number; offset?: number }) {
  return db.$queryRaw<AuditEntry[]>`
    SELECT * FROM (${union(filters)}) entries ORDER BY at DESC, id DESC LIMIT ${limit} OFFSET ${offset}`;
}

export async function countAuditEntries({ filters }: { filters: AuditFilters }) {
  const [row] = await db.$queryRaw<{ count: bigint | number }[]>`SELECT count(*) AS count FROM (${union(filters)}) entries`;
  return Number(row?.count ?? 0);
}
