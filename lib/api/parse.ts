import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";

const MAX_JSON_BYTES = 64 * 1024;

/** Reads a JSON body (415 if it is not JSON, 413 if too large, 400 if malformed) and validates it with `schema`. */
export async function parseJsonBody<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<z.infer<Schema>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(contentType)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json.");
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The request body is too large.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("INVALID_JSON", "The request body is not valid JSON.");
  }
  return schema.parse(body);
}

/** Rejects state-changing requests from other origins (defence in depth on top of SameSite cookies). */
export function assertSameOrigin(request: Request) {
  const origin = request.headers.get("origin");
  if (!origin) return; // same-origin fetches from older browsers and server-to-server calls omit it; cookies still need to match.
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host || originHost(origin) !== host) {
    throw new AppError("CROSS_ORIGIN", "Requests must come from this site.");
  }
}

/** The host of an Origin header; null for an opaque origin ("null", sent by sandboxed frames), which is not this site. */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
