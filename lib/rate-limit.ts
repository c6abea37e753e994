/**
 * A fixed-window counter in process memory. Candor runs as one server process (PGlite allows no more), so this
 * is exact there; behind several PostgreSQL-backed instances each counts separately, which only loosens the limit.
 */
export type RateLimiter = {
  /** Counts one hit for `key`; returns the seconds to wait when over the limit, or 0. */
  hit(key: string, now?: number): number;
  /** Seconds to wait if `key` is currently over the limit, without counting a hit. */
  check(key: string, now?: number): number;
  reset(key: string): void;
};

export function createRateLimiter({ limit, windowMs }: { limit: number; windowMs: number }): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();

  function current(key: string, now: number) {
    const window = windows.get(key);
    if (!window || now - window.start >= windowMs) return undefined;
    return window;
  }
  const wait = (window: { start: number }, now: number) => Math.max(1, Math.ceil((window.start + windowMs - now) / 1000));

  return {
    hit(key, now = Date.now()) {
      if (windows.size > 10_000) for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
      const window = current(key, now) ?? { start: now, count: 0 };
      window.count += 1;
      windows.set(key, window);
      return window.count > limit ? wait(window, now) : 0;
    },
    check(key, now = Date.now()) {
      const window = current(key, now);
      return window && window.count >= limit ? wait(window, now) : 0;
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
