import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordKeyEvent } from "@/lib/insights/record-key-event";
import type { NewThreadInput } from "./schemas";

const UNKNOWN_RECIPIENT = "Choose another member from the list.";

/** Starts a conversation between the author and one other member, with its first message. */
export async function startThread({ authorId, input }: { authorId: string; input: NewThreadInput }) {
  const { recipientId, subject, body } = input;
  if (recipientId === authorId) throw new AppError("VALIDATION_FAILED", UNKNOWN_RECIPIENT, { fields: { recipientId: ["You cannot start a conversation with yourself."] } });
  const recipient = await db.user.findFirst({ where: { id: recipientId, role: "MEMBER" }, select: { id: true } });
  if (!recipient) throw new AppError("VALIDATION_FAILED", UNKNOWN_RECIPIENT, { fields: { recipientId: [UNKNOWN_RECIPIENT] } });
  const now = new Date();
  const thread = await db.thread.create({
    data: {
      subject,
      createdAt: now,
      lastMessageAt: now,
      participants: { create: [{ userId: authorId }, { userId: recipientId }] },
      messages: { create: { authorId, body, createdAt: now } },
    },
    select: { id: true },
  });
  // The first message is a message sent too (anonymous insights key event, only if the author shares usage information).
  await recordKeyEvent({ userId: authorId, name: "message_sent" });
  return thread;
}
