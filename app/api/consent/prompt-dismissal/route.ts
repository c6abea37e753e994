import { apiRoute } from "@/lib/api/handler";
import { assertSameOrigin } from "@/lib/api/parse";
import { requireApiUser } from "@/lib/auth/session";
import { dismissConsentPrompt } from "@/lib/consent/dismiss-consent-prompt";

// POST /api/consent/prompt-dismissal — "Not now" on the usage-sharing prompt: hides it for 30 days, records no consent.
export const POST = apiRoute(async (request) => {
  assertSameOrigin(request);
  const user = await requireApiUser();
  const { dismissedAt } = await dismissConsentPrompt({ userId: user.id });
  return Response.json({ dismissedAt: dismissedAt.toISOString() }, { headers: { "Cache-Control": "no-store" } });
});
