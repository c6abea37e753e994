"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { formValues, parseForm, type FormState } from "@/lib/forms";
import { newThreadSchema, replySchema } from "@/lib/messages/schemas";
import { sendMessage } from "@/lib/messages/send-message";
import { startThread } from "@/lib/messages/start-thread";

/** Bound to the thread id by the thread page; participation is checked inside `sendMessage`'s query. */
export async function replyAction(threadId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const id = z.string().min(1).max(64).parse(threadId);
  const parsed = parseForm(replySchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await sendMessage({ threadId: id, authorId: user.id, body: parsed.data.body });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return { ok: false, message: error.message, values: formValues(formData) };
    throw error;
  }
  refresh();
  return { ok: true };
}

export async function startThreadAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = parseForm(newThreadSchema, formData);
  if (!parsed.ok) return parsed.state;
  let threadId: string;
  try {
    threadId = (await startThread({ authorId: user.id, input: parsed.data })).id;
  } catch (error) {
    if (error instanceof AppError && error.fields) return { ok: false, message: error.message, fields: error.fields, values: formValues(formData) };
    throw error;
  }
  redirect(`/messages/${threadId}`);
}
