import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertAnotherAdminRemains } from "@/lib/admin/admin-guards";
import { revokeConsent } from "@/lib/consent/revoke-consent";
import { eraseSharedData } from "./erase-shared-data";

export const DELETED_USER_NAME = "Deleted user";

/** Unique per account (email is unique) and undeliverable (.invalid is reserved), so it can never sign in or collide. */
export const tombstoneEmail = (userId: string) => `deleted-${userId}@deleted.invalid`;

/**
 * "Delete my account". Goes through the same erasure as "Delete my shared data" (data key destroyed first, then every
 * recording session, chunk and event), then turns the user row into a tombstone: no name, email or password, role
 * MEMBER, `deletedAt` set. Program memberships and the programs the user owned are deleted.
 *
 * Kept, on purpose:
 * - The user row's id, so the consent ledger (which references it) and audit rows stay proof of what was agreed and
 *   done. Deleting the row would cascade the ledger away; the tombstone carries nothing that identifies a person.
 *   A final revocation is appended to the ledger, so it ends with "not consenting".
 * - Messages the user sent. They are part of the recipients' conversations too (like a delivered letter), so they
 *   stay in those threads, shown as from "Deleted user".
 * - Replay views and anonymous usage aggregates: they hold no recorded content and no identity of this user.
 *
 * The last administrator cannot delete their account (nobody could manage roles afterwards).
 */
export async function deleteAccount({ userId, actorId }: { userId: string; actorId: string }) {
  const user = await db.user.findFirst({ where: { id: userId, deletedAt: null }, select: { role: true } });
  if (!user) throw new AppError("NOT_FOUND", "This account does not exist or was already deleted.");
  if (user.role === "ADMIN") await db.$transaction((tx) => assertAnotherAdminRemains({ tx, userId }));

  // Consent ends first: from here on, ingest refuses every chunk of this user's open sessions.
  await revokeConsent({ userId, source: "SETTINGS" });
  const erased = await eraseSharedData({ userId, actorId });

  return db.$transaction(async (tx) => {
    // Checked again under lock: another admin may have been demoted since the check above.
    if (user.role === "ADMIN") await assertAnotherAdminRemains({ tx, userId });
    const memberships = await tx.programMember.deleteMany({ where: { userId } });
    const programs = await tx.program.deleteMany({ where: { ownerId: userId } });
    await tx.user.update({
      where: { id: userId },
      data: {
        email: tombstoneEmail(userId),
        name: DELETED_USER_NAME,
        passwordHash: null,
        role: "MEMBER",
        consentPromptDismissedAt: null,
        deletedAt: new Date(),
      },
    });
    const detail = { sessionsErased: erased.sessions, programsDeleted: programs.count, membershipsRemoved: memberships.count };
    await tx.auditLog.create({ data: { actorId, action: "account.deleted", targetId: userId, detail } });
    return detail;
  });
}
