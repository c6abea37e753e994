import "server-only";
import { db } from "@/lib/db";

/** The home dashboard's figures for one user. */
export async function getDashboard({ userId }: { userId: string }) {
  const [ownedPrograms, memberships, threads, recent] = await Promise.all([
    db.program.count({ where: { ownerId: userId } }),
    db.programMember.count({ where: { userId } }),
    db.threadParticipant.count({ where: { userId } }),
    db.program.findMany({
      orderBy: { createdAt: "desc" },
      take: 5,
      select: { id: true, name: true, _count: { select: { members: true } } },
    }),
  ]);
  return {
    ownedPrograms,
    memberships,
    threads,
    recentPrograms: recent.map((program) => ({ id: program.id, name: program.name, memberCount: program._count.members })),
  };
}
