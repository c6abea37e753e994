import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { assertSameOrigin, parseJsonBody } from "@/lib/api/parse";
import { requireApiUser } from "@/lib/auth/session";
import { hitIngestRateLimit } from "@/lib/recording/ingest-rate-limits";
import { startRecordingSession } from "@/lib/recording/start-recording-session";

export const runtime = "nodejs";

const startSchema = z.object({ entryPath: z.string().max(2000).optional() });

// POST /api/ingest/sessions — start a recording session for the signed-in, consenting user (403 CONSENT_REQUIRED otherwise).
export const POST = apiRoute(async (request) => {
  assertSameOrigin(request);
  const user = await requireApiUser();
  hitIngestRateLimit({ userId: user.id, kind: "session" });
  const { entryPath } = await parseJsonBody(request, startSchema);
  const started = await startRecordingSession({ userId: user.id, entryPath });
  return Response.json(started, { status: 201, headers: { "Cache-Control": "no-store" } });
});
