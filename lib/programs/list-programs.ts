import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PAGE_SIZE, type ProgramListQuery } from "./schemas";

/**
 * One page of programs for /programs: every signed-in user sees every program; `mine` narrows to the ones the user
 * owns or has joined, `q` searches name and description case-insensitively. A page past the end shows the last page.
 */
export async function listPrograms({ userId, q, page, mine }: ProgramListQuery & { userId: string }) {
  // Prisma passes `contains` to ILIKE as is, so "%" or "_" typed by a user would match everything: escape them.
  const pattern = q.replace(/[\\%_]/g, (char) => `\\${char}`);
  const where: Prisma.ProgramWhereInput = {
    ...(q ? { OR: [{ name: { contains: pattern, mode: "insensitive" } }, { description: { contains: pattern, mode: "insensitive" } }] } : {}),
    ...(mine === "owned" ? { ownerId: userId } : {}),
    ...(mine === "joined" ? { members: { some: { userId } } } : {}),
  };
  const total = await db.program.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.min(page, pageCount);
  const rows = await db.program.findMany({
    where,
    // The id breaks ties between equal names, so a program never shows on two pages or none.
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: (current - 1) * PAGE_SIZE,
    take: PAGE_SIZE,
    select: {
      id: true,
      name: true,
      commissionType: true,
      commissionValue: true,
      cookieDays: true,
      status: true,
      _count: { select: { members: true } },
    },
  });
  return {
    programs: rows.map(({ _count, ...program }) => ({ ...program, partnerCount: _count.members })),
    total,
    page: current,
    pageCount,
  };
}
