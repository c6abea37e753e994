import "server-only";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import { AppError } from "@/lib/errors";
import { chunkPayloadSchema, INGEST_LIMITS, type ChunkPayload } from "./protocol";

const gunzipAsync = promisify(gunzip);

/**
 * Reads and validates a chunk upload: `application/gzip` (the recorder's normal path, CompressionStream) or
 * `application/json` (its unload path, where there is no time to compress). 415 for anything else; 413 when the
 * body or its decompressed form is over the cap — the stream is abandoned at the cap, and gunzip stops at
 * `maxOutputLength`, so neither a huge body nor a zip bomb is ever held in memory; 400 for malformed input.
 */
export async function readChunkBody({ request }: { request: Request }): Promise<ChunkPayload> {
  const contentType = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const gzipped = contentType === "application/gzip" || contentType === "application/x-gzip";
  if (!gzipped && contentType !== "application/json") {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the chunk as application/gzip or application/json.");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > INGEST_LIMITS.maxBodyBytes) throw tooLarge();

  const body = await readCapped(request, INGEST_LIMITS.maxBodyBytes);
  let json: Buffer = body;
  if (gzipped) {
    try {
      json = await gunzipAsync(body, { maxOutputLength: INGEST_LIMITS.maxDecompressedBytes });
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) throw tooLarge();
      throw new AppError("BAD_REQUEST", "The body is not valid gzip.");
    }
  } else if (body.length > INGEST_LIMITS.maxDecompressedBytes) {
    throw tooLarge();
  }

  if (nestedDeeperThan(json, INGEST_LIMITS.maxJsonDepth)) throw new AppError("BAD_REQUEST", "The chunk is nested too deeply.");
  let parsed: unknown;
  try {
    // Fatal decoding: invalid UTF-8 is refused rather than silently stored as U+FFFD.
    parsed = JSON.parse(utf8.decode(json));
  } catch {
    throw new AppError("INVALID_JSON", "The chunk is not valid UTF-8 JSON.");
  }
  return chunkPayloadSchema.parse(parsed);
}

const utf8 = new TextDecoder("utf-8", { fatal: true });
const tooLarge = () => new AppError("PAYLOAD_TOO_LARGE", "The chunk is too large.");

async function readCapped(request: Request, max: number): Promise<Buffer> {
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}

/** Scans JSON bytes for object/array nesting beyond `max`, without parsing (so without recursion). */
function nestedDeeperThan(json: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  // Bytes of multi-byte UTF-8 characters are all ≥ 0x80, so they never look like quotes or brackets.
  for (let i = 0; i < json.length; i++) {
    const byte = json[i];
    if (inString) {
      if (byte === 0x5c) i++; // backslash: skip the escaped character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      if (++depth > max) return true;
    } else if (byte === 0x5d || byte === 0x7d) depth--;
  }
  return false;
}
