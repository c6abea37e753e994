import "server-only";
import { db } from "@/lib/db";

/** The user's conversations, most recent first, with the other people in each. */
export async function listThreads({ userId }: { userId: string }) {
  const threads = await db.thread.findMany({
    where: { participants: { some: { userId } } },
    orderBy: [{ lastMessageAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      subject: true,
      lastMessageAt: true,
      participants: { where: { userId: { not: userId } }, select: { user: { select: { name: true } } } },
    },
  });
  return threads.map(({ participants, ...thread }) => ({ ...thread, others: participants.map((p) => p.user.name) }));
}
