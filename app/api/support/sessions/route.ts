import { apiRoute } from "@/lib/api/handler";
import { AREA_ROLES } from "@/lib/auth/roles";
import { requireApiRole } from "@/lib/auth/session";
import { listSessions } from "@/lib/support/list-sessions";
import { searchParamsRecord, sessionListQuerySchema } from "@/lib/support/schemas";

// GET /api/support/sessions — one keyset page of recorded sessions, filtered and sorted (support and admins only).
export const GET = apiRoute(async (request) => {
  await requireApiRole(...AREA_ROLES.support);
  const query = sessionListQuerySchema.parse(searchParamsRecord(new URL(request.url).searchParams));
  const page = await listSessions({ query });
  return Response.json(page, { headers: { "Cache-Control": "no-store" } });
});
