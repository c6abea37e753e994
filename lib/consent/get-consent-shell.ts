import "server-only";
import { db } from "@/lib/db";
import { toConsentView, type ConsentView } from "./consent-view";
import { getConsentState } from "./get-consent-state";
import { promptReason, type PromptReason } from "./prompt-rules";

export type ConsentShell = {
  /** Drives the "Sharing usage info" indicator (and the recorder's starting state). */
  view: ConsentView;
  /** Why to show the usage-sharing prompt on this page load, or null not to. */
  prompt: PromptReason | null;
};

/** What every platform page needs to know about the signed-in user's consent, in one read. */
export async function getConsentShell({ userId, gpc, now = new Date() }: { userId: string; gpc: boolean; now?: Date }): Promise<ConsentShell> {
  const [state, user] = await Promise.all([
    getConsentState({ userId, at: now }),
    db.user.findUnique({ where: { id: userId }, select: { consentPromptDismissedAt: true } }),
  ]);
  return {
    view: toConsentView(state),
    prompt: promptReason({ answer: state, dismissedAt: user?.consentPromptDismissedAt ?? null, gpc, now }),
  };
}
