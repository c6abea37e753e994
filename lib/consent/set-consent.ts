import "server-only";
import { eraseSharedData } from "@/lib/privacy/erase-shared-data";
import { toConsentView, type ConsentView } from "./consent-view";
import { getConsentState } from "./get-consent-state";
import { grantConsent } from "./grant-consent";
import { revokeConsent } from "./revoke-consent";

export type SetConsentOptions = {
  userId: string;
  granted: boolean;
  /** The policy version the user was shown and confirmed; a grant to an outdated version is refused (409). */
  policyVersion: number;
  source: "SETTINGS" | "PROMPT";
  userAgent?: string | null;
  /** On opt-out: also erase everything shared so far. */
  alsoDelete?: boolean;
};

/**
 * A user's own decision from the settings switch or the prompt: appends to the ledger (grant, or revocation that also
 * ends open recordings) and, when asked on opt-out, erases what was shared. Returns the state the browser should now
 * mirror. The revocation commits before the erasure, so a failed erasure never leaves sharing on.
 */
export async function setConsent({ userId, granted, policyVersion, source, userAgent, alsoDelete = false }: SetConsentOptions): Promise<ConsentView> {
  if (granted) {
    await grantConsent({ userId, policyVersion, source, userAgent });
  } else {
    await revokeConsent({ userId, source, userAgent });
    if (alsoDelete) await eraseSharedData({ userId, actorId: userId });
  }
  return toConsentView(await getConsentState({ userId }));
}
