import "server-only";
import type { ConsentSource } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";

/**
 * Records an opt-out and, in the same transaction, ends the user's open recording sessions: from this moment the
 * server refuses every further chunk of them (see lib/recording). Revoking when not consenting adds no row.
 */
export async function revokeConsent({ userId, source, userAgent }: { userId: string; source: "SETTINGS" | "PROMPT" | "ADMIN" | ConsentSource; userAgent?: string | null }) {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
    const latest = await tx.consentRecord.findFirst({ where: { userId }, orderBy: [{ at: "desc" }, { id: "desc" }] });
    if (!latest?.granted) return latest ?? null;
    const record = await tx.consentRecord.create({
      data: { userId, granted: false, policyVersion: latest.policyVersion, policySha256: latest.policySha256, source, userAgent: userAgent?.slice(0, 500) },
    });
    await tx.recordingSession.updateMany({ where: { userId, endedAt: null }, data: { endedAt: record.at } });
    return record;
  });
}
