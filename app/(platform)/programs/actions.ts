"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { formValues, parseForm, type FormState } from "@/lib/forms";
import { createProgram } from "@/lib/programs/create-program";
import { joinProgram } from "@/lib/programs/join-program";
import { leaveProgram } from "@/lib/programs/leave-program";
import { programInputSchema } from "@/lib/programs/schemas";
import { updateProgram } from "@/lib/programs/update-program";

const idSchema = z.string().min(1).max(64);

export async function createProgramAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const parsed = parseForm(programInputSchema, formData);
  if (!parsed.ok) return parsed.state;
  const program = await createProgram({ ownerId: user.id, input: parsed.data });
  redirect(`/programs/${program.id}`);
}

/** Bound to the program id by the edit page; the owner check is in `updateProgram`'s query. */
export async function updateProgramAction(programId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const id = idSchema.parse(programId);
  const parsed = parseForm(programInputSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    await updateProgram({ id, ownerId: user.id, input: parsed.data });
  } catch (error) {
    // Only reachable by a forged request or a program deleted meanwhile: say so without revealing which.
    if (error instanceof AppError && error.code === "NOT_FOUND") return { ok: false, message: error.message, values: formValues(formData) };
    throw error;
  }
  redirect(`/programs/${id}`);
}

/** Join or leave, from the detail page; a refused join (paused, own program) comes back as the form's message. */
export async function membershipAction(programId: string, _previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const id = idSchema.parse(programId);
  const intent = z.enum(["join", "leave"]).parse(formData.get("intent"));
  try {
    if (intent === "join") await joinProgram({ programId: id, userId: user.id });
    else await leaveProgram({ programId: id, userId: user.id });
  } catch (error) {
    if (error instanceof AppError && (error.code === "CONFLICT" || error.code === "NOT_FOUND")) return { ok: false, message: error.message };
    throw error;
  }
  refresh();
  return { ok: true };
}
