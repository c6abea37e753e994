import "server-only";
import { db } from "@/lib/db";
import { getUserDataKey } from "@/lib/crypto/get-user-data-key";
import { decodeChunkJson } from "./read-chunk";

/** How many chunks are fetched per query: bounds memory (a stored chunk is a few KB) while streaming a long session. */
const PAGE_SIZE = 32;

/**
 * Streams a session's chunks back from `fromSeq` on, in sequence order, decrypted and decompressed, each as the JSON
 * array of rrweb events ingest stored — not parsed, so the support console's stream passes them on without
 * re-serialising an hour of events. Yields nothing when the session does not exist or its owner's key was destroyed.
 * Authorization and the replay audit are the caller's.
 */
export async function* readSessionChunks({ sessionId, fromSeq = 0 }: { sessionId: string; fromSeq?: number }): AsyncGenerator<{ seq: number; json: string }> {
  const session = await db.recordingSession.findUnique({ where: { id: sessionId }, select: { userId: true } });
  if (!session) return;
  const key = await getUserDataKey({ userId: session.userId });
  if (!key) return;
  let after = fromSeq - 1;
  for (;;) {
    const chunks = await db.recordingChunk.findMany({
      where: { sessionId, seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: PAGE_SIZE,
      select: { seq: true, data: true },
    });
    for (const chunk of chunks) {
      yield { seq: chunk.seq, json: await decodeChunkJson({ key, sessionId, seq: chunk.seq, data: chunk.data }) };
    }
    if (chunks.length < PAGE_SIZE) return;
    after = chunks[chunks.length - 1].seq;
  }
}
