import "server-only";
import { db } from "@/lib/db";

/** "Not now" on the usage-sharing prompt: remembers when, so the prompt stays away for 30 days. Records no consent. */
export async function dismissConsentPrompt({ userId, at = new Date() }: { userId: string; at?: Date }) {
  await db.user.update({ where: { id: userId }, data: { consentPromptDismissedAt: at }, select: { id: true } });
  return { dismissedAt: at };
}
