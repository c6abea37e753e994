import "server-only";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { db } from "@/lib/db";
import { open } from "@/lib/crypto/aes-gcm";
import { getUserDataKey } from "@/lib/crypto/get-user-data-key";
import { chunkAad } from "@/lib/recording/chunk-aad";
import type { RrwebEvent } from "@/lib/recording/protocol";

const gunzipAsync = promisify(gunzip);

/**
 * Decrypts and decompresses one stored chunk's bytes with the owner's (already unwrapped) data key: its events as the
 * JSON array ingest stored (one line: JSON.stringify escapes every newline).
 */
export async function decodeChunkJson({ key, sessionId, seq, data }: { key: Buffer; sessionId: string; seq: number; data: Uint8Array }): Promise<string> {
  const compressed = open({ key, sealed: data, aad: chunkAad(sessionId, seq) });
  return (await gunzipAsync(compressed)).toString("utf8");
}

/**
 * One chunk of a session, decrypted: its rrweb events (Candor's facts among them as custom events, type 5), in
 * server time. Null when there is no such chunk, or the owner's key was destroyed (crypto-shredded).
 * Authorization is the caller's: only the support console (audited) and the owner's own data view read replays.
 */
export async function readChunk({ sessionId, seq }: { sessionId: string; seq: number }): Promise<{ seq: number; events: RrwebEvent[] } | null> {
  const chunk = await db.recordingChunk.findUnique({
    where: { sessionId_seq: { sessionId, seq } },
    select: { data: true, session: { select: { userId: true } } },
  });
  if (!chunk) return null;
  const key = await getUserDataKey({ userId: chunk.session.userId });
  if (!key) return null;
  return { seq, events: JSON.parse(await decodeChunkJson({ key, sessionId, seq, data: chunk.data })) as RrwebEvent[] };
}
