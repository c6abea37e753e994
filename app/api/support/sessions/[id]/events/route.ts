import { apiRoute } from "@/lib/api/handler";
import { AREA_ROLES } from "@/lib/auth/roles";
import { requireApiRole } from "@/lib/auth/session";
import { streamSessionEvents } from "@/lib/support/stream-session-events";
import { idParamSchema, searchParamsRecord, viewGrantQuerySchema } from "@/lib/support/schemas";

// GET /api/support/sessions/:id/events?view=&fromSeq= — the recorded rrweb events as NDJSON, one line per chunk, streamed.
export const GET = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  const viewer = await requireApiRole(...AREA_ROLES.support);
  const { id } = idParamSchema.parse(await params);
  const { view, fromSeq } = viewGrantQuerySchema.parse(searchParamsRecord(new URL(request.url).searchParams));
  const body = await streamSessionEvents({ sessionId: id, viewId: view, viewerId: viewer.id, fromSeq });
  return new Response(body, {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      // Recorded content: never cached anywhere, and streamed unbuffered.
      "Cache-Control": "no-store",
      "X-Accel-Buffering": "no",
    },
  });
});
