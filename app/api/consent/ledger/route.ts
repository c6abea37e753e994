import { apiRoute } from "@/lib/api/handler";
import { requireApiUser } from "@/lib/auth/session";
import { exportConsentLedger } from "@/lib/consent/export-consent-ledger";

// GET /api/consent/ledger — download the signed-in user's own consent history as JSON.
export const GET = apiRoute(async () => {
  const user = await requireApiUser();
  const document = await exportConsentLedger({ userId: user.id, email: user.email });
  const day = document.exportedAt.slice(0, 10);
  return new Response(JSON.stringify(document, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="consent-history-${day}.json"`,
      "Cache-Control": "no-store",
    },
  });
});
