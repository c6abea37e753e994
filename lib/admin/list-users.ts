import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export const USERS_PAGE_SIZE = 25;

export const listUsersSchema = z.object({
  q: z.string().trim().max(200).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

/**
 * The admin's user list: live accounts (deleted ones are tombstones with nothing to manage), filtered by a name or
 * email fragment, newest first, one page at a time. Only the fields the table shows are selected.
 */
export async function listUsers({ q, page, pageSize = USERS_PAGE_SIZE }: z.infer<typeof listUsersSchema> & { pageSize?: number }) {
  const where: Prisma.UserWhereInput = {
    deletedAt: null,
    ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] } : {}),
  };
  const total = await db.user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const current = Math.min(page, pageCount);
  const users = await db.user.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: (current - 1) * pageSize,
    take: pageSize,
    select: { id: true, name: true, email: true, role: true, createdAt: true },
  });
  return { users, total, page: current, pageCount };
}
