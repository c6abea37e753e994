import "server-only";
import { getConsentState } from "./get-consent-state";

/**
 * The binding rule (ARCHITECTURE.md): a recording session belongs to the consent record that was current when it
 * started. It may receive data only while that same record is still the user's current, effective grant — once it is
 * revoked or superseded by a new policy version, every further chunk is refused, whatever the browser's clock says.
 */
export async function isSessionConsentCurrent({ userId, consentRecordId }: { userId: string; consentRecordId: string }) {
  const state = await getConsentState({ userId });
  return state.granted && state.record.id === consentRecordId;
}
