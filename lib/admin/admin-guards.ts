import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";

/**
 * Checks shared by the admin operations, run inside their transactions. The actions check the role too; checking
 * again here, against the row as it is now, means a demoted admin's in-flight request cannot still change anything.
 */
export async function assertActorIsAdmin({ tx, actorId }: { tx: Prisma.TransactionClient; actorId: string }) {
  const actor = await tx.user.findFirst({ where: { id: actorId, role: "ADMIN", deletedAt: null }, select: { id: true } });
  if (!actor) throw new AppError("FORBIDDEN", "Only an administrator can do this.");
}

/**
 * Refuses to leave the platform without an administrator (nobody could then change a role or the retention).
 * Locks every admin row first, so two admins demoting each other at the same moment cannot both succeed.
 */
export async function assertAnotherAdminRemains({ tx, userId }: { tx: Prisma.TransactionClient; userId: string }) {
  const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE role = 'ADMIN' AND "deletedAt" IS NULL FOR UPDATE`;
  if (admins.some((admin) => admin.id === userId) && admins.length <= 1) {
    throw new AppError("CONFLICT", "This is the last administrator. Make someone else an administrator first.");
  }
}
