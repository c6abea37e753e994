import { apiRoute } from "@/lib/api/handler";
import { assertSameOrigin, parseJsonBody } from "@/lib/api/parse";
import { AREA_ROLES } from "@/lib/auth/roles";
import { requireApiRole } from "@/lib/auth/session";
import { recordReplayView } from "@/lib/support/record-replay-view";
import { idParamSchema, viewReasonSchema } from "@/lib/support/schemas";

// POST /api/support/sessions/:id/views — records who opens this replay and why; returns the view id that unlocks its data.
export const POST = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  assertSameOrigin(request);
  const viewer = await requireApiRole(...AREA_ROLES.support);
  const { id } = idParamSchema.parse(await params);
  const { reason } = await parseJsonBody(request, viewReasonSchema);
  const view = await recordReplayView({ sessionId: id, viewer, reason });
  return Response.json({ view }, { status: 201, headers: { "Cache-Control": "no-store" } });
});
