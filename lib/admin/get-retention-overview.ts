import "server-only";
import { db } from "@/lib/db";
import { policyContentSchema } from "@/lib/consent/policy-content";
import { effectiveRetentionDays } from "@/lib/retention/effective-retention-days";
import { readSettings } from "@/lib/settings/read-settings";

/** What the admin settings page shows: the stored settings, the period actually applied, and the latest run. */
export async function getRetentionOverview() {
  const [settings, effectiveDays, policy, lastRun] = await Promise.all([
    readSettings({ db }),
    effectiveRetentionDays({ db }),
    db.consentPolicy.findFirst({ orderBy: { version: "desc" }, select: { version: true, content: true } }),
    db.auditLog.findFirst({ where: { action: "retention.run" }, orderBy: { at: "desc" }, select: { at: true, detail: true } }),
  ]);
  const promised = policyContentSchema.shape.retentionDays.safeParse((policy?.content as { retentionDays?: unknown } | null)?.retentionDays);
  const detail = (lastRun?.detail ?? {}) as Partial<Record<"sessions" | "chunks" | "events" | "usageEvents", number>> & { trigger?: string };
  return {
    settings,
    effectiveDays,
    policy: policy ? { version: policy.version, retentionDays: promised.success ? promised.data : null } : null,
    lastRun: lastRun ? { at: lastRun.at, trigger: detail.trigger ?? null, sessions: detail.sessions ?? 0, chunks: detail.chunks ?? 0, events: detail.events ?? 0, usageEvents: detail.usageEvents ?? 0 } : null,
  };
}
