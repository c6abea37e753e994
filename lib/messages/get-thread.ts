import "server-only";
import { db } from "@/lib/db";

/** A thread with its messages, or null unless the user takes part in it (the page then 404s, leaking nothing). */
export async function getThread({ id, userId }: { id: string; userId: string }) {
  const thread = await db.thread.findFirst({
    where: { id, participants: { some: { userId } } },
    select: {
      id: true,
      subject: true,
      participants: { select: { user: { select: { id: true, name: true } } } },
      messages: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, body: true, createdAt: true, author: { select: { id: true, name: true } } },
      },
    },
  });
  if (!thread) return null;
  return {
    id: thread.id,
    subject: thread.subject,
    others: thread.participants.filter((p) => p.user.id !== userId).map((p) => p.user.name),
    messages: thread.messages.map((message) => ({
      id: message.id,
      body: message.body,
      createdAt: message.createdAt,
      authorName: message.author.name,
      mine: message.author.id === userId,
    })),
  };
}
