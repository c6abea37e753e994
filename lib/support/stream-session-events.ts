import "server-only";
import { readSessionChunks } from "@/lib/replay/read-session-events";
import { toAppError } from "@/lib/errors";
import { requireReplayView } from "./require-replay-view";

/**
 * The recorded rrweb events of a session as NDJSON, one line per stored chunk (`{"seq":n,"events":[…]}`) in seq
 * order, each written as soon as it is decrypted — so the player starts on the first chunk while the rest streams.
 * `fromSeq` resumes an interrupted stream. Refused (403/410, before the response starts) without a replay view this
 * viewer recorded. A failure mid-stream ends with one `{"error":{…}}` line instead of a silently short replay.
 */
export async function streamSessionEvents({
  sessionId,
  viewId,
  viewerId,
  fromSeq = 0,
}: {
  sessionId: string;
  viewId: string;
  viewerId: string;
  fromSeq?: number;
}): Promise<ReadableStream<Uint8Array>> {
  await requireReplayView({ sessionId, viewId, viewerId });
  const encoder = new TextEncoder();
  const chunks = readSessionChunks({ sessionId, fromSeq })[Symbol.asyncIterator]();
  // The viewer left (closed the page, seeked away): a read still in flight must not write to the closed stream.
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    // Pull-based: the next chunk is decrypted only when the client has read the previous one (back-pressure).
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (cancelled) return;
        if (next.done) {
          controller.close();
          return;
        }
        // The stored JSON array goes out as it is: one line, no parse and re-serialise per chunk.
        controller.enqueue(encoder.encode(`{"seq":${next.value.seq},"events":${next.value.json}}\n`));
      } catch (error) {
        if (cancelled) return;
        const appError = toAppError(error);
        // The status line is long sent: log the cause (never the payload) and tell the player in-band.
        if (appError.code === "INTERNAL") console.error("[candor] replay stream failed:", error instanceof Error ? `${error.name}: ${error.message}` : String(error));
        controller.enqueue(encoder.encode(`${JSON.stringify({ error: { code: appError.code, message: appError.message } })}\n`));
        controller.close();
      }
    },
    async cancel() {
      cancelled = true;
      await chunks.return?.(undefined);
    },
  });
}
