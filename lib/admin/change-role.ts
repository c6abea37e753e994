import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { assertActorIsAdmin, assertAnotherAdminRemains } from "./admin-guards";

export const changeRoleSchema = z.object({
  userId: z.string().min(1).max(100),
  role: z.enum(Role),
});

/**
 * Gives a user another role, with a `role.changed` audit row (from/to) in the same transaction. The last remaining
 * administrator cannot be demoted — not even by themselves. Deleted accounts cannot be given a role. Setting the
 * role a user already has changes and audits nothing.
 */
export async function changeRole({ actorId, userId, role }: { actorId: string } & z.infer<typeof changeRoleSchema>) {
  return db.$transaction(async (tx) => {
    await assertActorIsAdmin({ tx, actorId });
    const user = await tx.user.findFirst({ where: { id: userId, deletedAt: null }, select: { id: true, role: true, name: true } });
    if (!user) throw new AppError("NOT_FOUND", "That user does not exist.");
    if (user.role === role) return { changed: false, from: user.role, to: role };
    if (user.role === "ADMIN") await assertAnotherAdminRemains({ tx, userId });
    await tx.user.update({ where: { id: userId }, data: { role } });
    await tx.auditLog.create({ data: { actorId, action: "role.changed", targetId: userId, detail: { from: user.role, to: role } } });
    return { changed: true, from: user.role, to: role };
  });
}
