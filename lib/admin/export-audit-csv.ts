import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { queryAuditEntries } from "./audit-entries";
import type { AuditFilters } from "./audit-filters";
import { toCsv } from "./csv";

/** A bound on one download; narrow the date range for more. */
export const AUDIT_EXPORT_LIMIT = 50_000;

export const AUDIT_CSV_HEADER = ["at", "action", "actor_id", "actor_name", "target_id", "target_name", "detail"];

/**
 * The filtered audit log as CSV, newest first. The export is itself audited (`audit.exported`, with the filters and
 * row count): it carries names and view reasons out of the system.
 */
export async function exportAuditCsv({ actorId, filters }: { actorId: string; filters: AuditFilters }) {
  const entries = await queryAuditEntries({ filters, limit: AUDIT_EXPORT_LIMIT });
  const csv = toCsv(
    AUDIT_CSV_HEADER,
    entries.map((entry) => [entry.at, entry.action, entry.actorId, entry.actorName, entry.targetId, entry.targetName, entry.detail]),
  );
  await db.auditLog.create({
    data: { actorId, action: "audit.exported", targetId: null, detail: { filters: JSON.parse(JSON.stringify(filters)) as Prisma.InputJsonObject, rows: entries.length } },
  });
  return { csv, rows: entries.length, truncated: entries.length === AUDIT_EXPORT_LIMIT };
}
