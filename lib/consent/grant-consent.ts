import "server-only";
import type { ConsentSource } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Records an opt-in to the policy version the user was shown. If that is no longer the current version the grant is
 * refused (409), so nobody is recorded as agreeing to text they did not see. Granting twice adds no second row.
 */
export async function grantConsent({
  userId,
  policyVersion,
  source,
  userAgent,
}: {
  userId: string;
  policyVersion: number;
  source: ConsentSource;
  userAgent?: string | null;
}) {
  return db.$transaction(async (tx) => {
    // Serialise decisions per user, so two tabs confirming at once append one row each, in order.
    await tx.$executeRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
    const policy = await tx.consentPolicy.findFirst({ orderBy: { version: "desc" } });
    if (!policy || policy.version !== policyVersion) {
      throw new AppError("CONFLICT", "The usage-sharing policy has changed. Review the new text and confirm again.");
    }
    const latest = await tx.consentRecord.findFirst({ where: { userId }, orderBy: [{ at: "desc" }, { id: "desc" }] });
    if (latest?.granted && latest.policyVersion === policy.version) return latest;
    return tx.consentRecord.create({
      data: { userId, granted: true, policyVersion: policy.version, policySha256: policy.sha256, source, userAgent: userAgent?.slice(0, 500) },
    });
  });
}

