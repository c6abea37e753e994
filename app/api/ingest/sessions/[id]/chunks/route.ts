import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { assertSameOrigin } from "@/lib/api/parse";
import { requireApiUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { ingestChunk } from "@/lib/recording/ingest-chunk";
import { hitIngestRateLimit } from "@/lib/recording/ingest-rate-limits";
import { readChunkBody } from "@/lib/recording/read-chunk-body";

export const runtime = "nodejs";

const sessionIdSchema = z.string().regex(/^[a-z0-9]{10,40}$/);

// POST /api/ingest/sessions/:id/chunks — append one sequence-numbered chunk of events (idempotent on the sequence number).
export const POST = apiRoute<{ params: Promise<{ id: string }> }>(async (request, { params }) => {
  assertSameOrigin(request);
  const user = await requireApiUser();
  hitIngestRateLimit({ userId: user.id, kind: "chunk" });
  const parsedId = sessionIdSchema.safeParse((await params).id);
  if (!parsedId.success) throw new AppError("NOT_FOUND", "No such recording session.");
  const payload = await readChunkBody({ request });
  const { seq, duplicate, consent } = await ingestChunk({ userId: user.id, sessionId: parsedId.data, payload });
  return Response.json({ seq, duplicate, consent }, { headers: { "Cache-Control": "no-store" } });
});
