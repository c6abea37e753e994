import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordKeyEvent } from "@/lib/insights/record-key-event";

/**
 * Adds a reply to a thread the author takes part in and moves the thread to the top of everyone's list.
 * Participation is checked by the update's `where`, so a non-participant gets the same 404 as a missing thread.
 */
export async function sendMessage({ threadId, authorId, body }: { threadId: string; authorId: string; body: string }) {
  const message = await db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.thread.updateMany({
      where: { id: threadId, participants: { some: { userId: authorId } } },
      data: { lastMessageAt: now },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "Conversation not found.");
    return tx.message.create({ data: { threadId, authorId, body, createdAt: now }, select: { id: true } });
  });
  // Anonymous insights key event (no content, no thread); recorded only if the author shares usage information right now.
  await recordKeyEvent({ userId: authorId, name: "message_sent" });
  return message;
}
