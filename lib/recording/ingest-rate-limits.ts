import "server-only";
import { AppError } from "@/lib/errors";
import { createRateLimiter } from "@/lib/rate-limit";

/**
 * Per-user ingest limits. A recorder flushes every few seconds (plus retries and unload flushes), so 240 chunks a
 * minute leaves room for several open tabs; sessions start once per tab or after 30 idle minutes.
 */
const limiters = {
  chunk: createRateLimiter({ limit: 240, windowMs: 60_000 }),
  session: createRateLimiter({ limit: 30, windowMs: 60_000 }),
};

/** Counts one ingest request of `kind` for the user; 429 RATE_LIMITED with Retry-After when over the limit. */
export function hitIngestRateLimit({ userId, kind }: { userId: string; kind: keyof typeof limiters }) {
  const wait = limiters[kind].hit(userId);
  if (wait > 0) throw new AppError("RATE_LIMITED", "Too many uploads. Try again shortly.", { retryAfter: wait });
}
