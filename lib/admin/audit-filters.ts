import { z } from "zod";

/** The action name under which replay views (the ReplayView table) appear in the audit log. */
export const REPLAY_VIEWED = "replay.viewed";

/** Actions the admin filter always offers, whether or not they have happened yet. */
export const KNOWN_AUDIT_ACTIONS = [
  REPLAY_VIEWED,
  "role.changed",
  "policy.published",
  "settings.changed",
  "data.erased",
  "account.deleted",
  "retention.run",
  "audit.exported",
] as const;

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)));

/**
 * Filters from the audit page's query string (and the CSV link, which carries the same ones). Anything malformed is
 * dropped rather than refused, so a hand-edited URL shows the unfiltered log instead of an error page.
 */
export const auditFiltersSchema = z.object({
  action: z.string().trim().regex(/^[a-z][a-z0-9_.-]{0,60}$/).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
});

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

/** `from`/`to` are whole UTC days, both included. */
export function auditRange(filters: AuditFilters): { from?: Date; until?: Date } {
  return {
    from: filters.from ? new Date(`${filters.from}T00:00:00Z`) : undefined,
    until: filters.to ? new Date(Date.parse(`${filters.to}T00:00:00Z`) + 24 * 60 * 60 * 1000) : undefined,
  };
}

/** Turns one form value of the query string into a string (Next passes repeated keys as arrays). */
export function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
