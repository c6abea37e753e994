"use server";

import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { eraseSharedData } from "@/lib/privacy/erase-shared-data";

export type EraseState = { ok: boolean; message: string } | null;

/** "Delete my shared data": erases the signed-in user's own recordings and events at once. */
export async function eraseMySharedDataAction(): Promise<EraseState> {
  const user = await requireUser();
  const erased = await eraseSharedData({ userId: user.id, actorId: user.id });
  revalidatePath("/settings/privacy");
  const sessions = erased.sessions === 1 ? "1 recorded session" : `${erased.sessions} recorded sessions`;
  return { ok: true, message: erased.sessions ? `Deleted ${sessions} and everything indexed from them.` : "There was nothing to delete: no recorded sessions were stored." };
}
