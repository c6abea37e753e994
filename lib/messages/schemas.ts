import { z } from "zod";

export const MAX_MESSAGE_LENGTH = 5000;

// Not trimmed for storage (line breaks and indentation are the author's), only checked for being blank.
const bodySchema = z
  .string()
  .refine((body) => body.trim().length > 0, "Write a message first.")
  .refine((body) => body.length <= MAX_MESSAGE_LENGTH, `Keep the message under ${MAX_MESSAGE_LENGTH.toLocaleString("en-US")} characters.`);

export const replySchema = z.object({ body: bodySchema });

export const newThreadSchema = z.object({
  recipientId: z.string().trim().min(1, "Choose who to write to."),
  subject: z.string().trim().min(1, "Enter a subject.").max(200, "Use at most 200 characters."),
  body: bodySchema,
});

export type NewThreadInput = z.output<typeof newThreadSchema>;
