import { apiRoute } from "@/lib/api/handler";
import { requireApiUser } from "@/lib/auth/session";

// GET /api/me — who is signed in (401 JSON when nobody is).
export const GET = apiRoute(async () => {
  const user = await requireApiUser();
  return Response.json({ user });
});
