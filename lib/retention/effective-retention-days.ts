import type { Db } from "@/lib/db/client";
import { policyContentSchema } from "@/lib/consent/policy-content";
import { MAX_RETENTION_DAYS } from "@/lib/settings/definitions";
import { readSettings } from "@/lib/settings/read-settings";

/**
 * How many days data is kept: the admin's setting, but never longer than the current consent policy tells users
 * ("Everything is deleted automatically after N days") and never longer than 90. Taking the minimum means an admin
 * can publish a policy with a shorter period, or lower the setting, and both promises hold without the two forms
 * having to be kept in step.
 */
export async function effectiveRetentionDays({ db }: { db: Pick<Db, "setting" | "consentPolicy"> }): Promise<number> {
  const [settings, policy] = await Promise.all([
    readSettings({ db }),
    db.consentPolicy.findFirst({ orderBy: { version: "desc" }, select: { content: true } }),
  ]);
  const promised = policyContentSchema.shape.retentionDays.safeParse((policy?.content as { retentionDays?: unknown } | null)?.retentionDays);
  return Math.min(settings.retentionDays, promised.success ? promised.data : MAX_RETENTION_DAYS, MAX_RETENTION_DAYS);
}
