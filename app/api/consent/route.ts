import { apiRoute } from "@/lib/api/handler";
import { assertSameOrigin, parseJsonBody } from "@/lib/api/parse";
import { requireApiUser } from "@/lib/auth/session";
import { toConsentView } from "@/lib/consent/consent-view";
import { getConsentState } from "@/lib/consent/get-consent-state";
import { consentDecisionSchema } from "@/lib/consent/schemas";
import { setConsent } from "@/lib/consent/set-consent";

const noStore = { "Cache-Control": "no-store" };

// GET /api/consent — the signed-in user's consent state as the server sees it (tabs re-sync from this).
export const GET = apiRoute(async () => {
  const user = await requireApiUser();
  return Response.json(toConsentView(await getConsentState({ userId: user.id })), { headers: noStore });
});

// POST /api/consent — turn usage sharing on or off (optionally erasing what was shared); returns the new state.
export const POST = apiRoute(async (request) => {
  assertSameOrigin(request);
  const user = await requireApiUser();
  const decision = await parseJsonBody(request, consentDecisionSchema);
  const view = await setConsent({ userId: user.id, ...decision, userAgent: request.headers.get("user-agent") });
  return Response.json(view, { headers: noStore });
});
