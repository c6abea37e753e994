import "server-only";
import { toConsentView, type ConsentView } from "./consent-view";
import { getConsentState } from "./get-consent-state";

/** The signed-in user's consent, shaped for the settings switch and its confirmation dialog. */
export async function getUsageSharingSetting({ userId }: { userId: string }): Promise<ConsentView> {
  return toConsentView(await getConsentState({ userId }));
}
