import "server-only";
import { db } from "@/lib/db";
import { getUserDataKey } from "@/lib/crypto/get-user-data-key";
import type { RrwebEvent } from "@/lib/recording/protocol";
import { decodeChunk } from "./read-chunk";

/** How many chunks are fetched per query: bounds memory while streaming a long session. */
const PAGE_SIZE = 8;

/**
 * Streams a session's events back, chunk by chunk in sequence order, decrypted and decompressed — ready for
 * rrweb-player (Candor's facts are rrweb custom events, type 5, tagged `candor/...`). Yields nothing when the session
 * does not exist or its owner's key was destroyed. Authorization and the replay audit are the caller's.
 */
export async function* readSessionEvents({ sessionId }: { sessionId: string }): AsyncGenerator<{ seq: number; events: RrwebEvent[] }> {
  const session = await db.recordingSession.findUnique({ where: { id: sessionId }, select: { userId: true } });
  if (!session) return;
  const key = await getUserDataKey({ userId: session.userId });
  if (!key) return;
  let after = -1;
  for (;;) {
    const chunks = await db.recordingChunk.findMany({
      where: { sessionId, seq: { gt: after } },
      orderBy: { seq: "asc" },
      take: PAGE_SIZE,
      select: { seq: true, data: true },
    });
    for (const chunk of chunks) {
      yield { seq: chunk.seq, events: await decodeChunk({ key, sessionId, seq: chunk.seq, data: chunk.data }) };
    }
    if (chunks.length < PAGE_SIZE) return;
    after = chunks[chunks.length - 1].seq;
  }
}
