import { apiRoute } from "@/lib/api/handler";
import { AREA_ROLES } from "@/lib/auth/roles";
import { requireApiRole } from "@/lib/auth/session";
import { getSupportSession } from "@/lib/support/get-support-session";
import { idParamSchema } from "@/lib/support/schemas";

// GET /api/support/sessions/:id — the header facts of a session (no recorded content); 410 once expired or erased.
export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (_request, { params }) => {
  await requireApiRole(...AREA_ROLES.support);
  const { id } = idParamSchema.parse(await params);
  const session = await getSupportSession({ sessionId: id });
  return Response.json({ session }, { headers: { "Cache-Control": "no-store" } });
});
