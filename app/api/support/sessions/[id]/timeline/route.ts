import { apiRoute } from "@/lib/api/handler";
import { AREA_ROLES } from "@/lib/auth/roles";
import { requireApiRole } from "@/lib/auth/session";
import { getSessionTimeline } from "@/lib/support/get-session-timeline";
import { idParamSchema, searchParamsRecord, viewGrantQuerySchema } from "@/lib/support/schemas";

// GET /api/support/sessions/:id/timeline?view= — pages, clicks, errors, network and console items of a viewed session.
export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const viewer = await requireApiRole(...AREA_ROLES.support);
  const { id } = idParamSchema.parse(await params);
  const { view } = viewGrantQuerySchema.parse(searchParamsRecord(new URL(request.url).searchParams));
  const timeline = await getSessionTimeline({ sessionId: id, viewId: view, viewerId: viewer.id });
  return Response.json(timeline, { headers: { "Cache-Control": "no-store" } });
});
