import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { countAuditEntries, queryAuditEntries } from "./audit-entries";
import { KNOWN_AUDIT_ACTIONS, type AuditFilters } from "./audit-filters";

export const AUDIT_PAGE_SIZE = 50;

export const auditPageSchema = z.coerce.number().int().min(1).max(100_000).catch(1);

/** One page of the merged audit log, plus every action name the filter can offer (known ones and any seen). */
export async function listAuditEntries({ filters, page, pageSize = AUDIT_PAGE_SIZE }: { filters: AuditFilters; page: number; pageSize?: number }) {
  const [total, seen] = await Promise.all([
    countAuditEntries({ filters }),
    db.auditLog.findMany({ distinct: ["action"], select: { action: true } }),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(page, pageCount);
  const entries = await queryAuditEntries({ filters, limit: pageSize, offset: (current - 1) * pageSize });
  const actions = [...new Set([...KNOWN_AUDIT_ACTIONS, ...seen.map((row) => row.action)])].sort();
  return { entries, total, page: current, pageCount, actions };
}
