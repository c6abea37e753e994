import { describe, expect, it } from "vitest";
import { createRateLimiter } from "@/lib/rate-limit";

describe("createRateLimiter", () => {
  it("allows up to the limit in a window, then says how long to wait", () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000 });
    const t0 = 1_000_000;
    expect([limiter.hit("a", t0), limiter.hit("a", t0), limiter.hit("a", t0)]).toEqual([0, 0, 0]);
    expect(limiter.check("a", t0 + 1000)).toBe(59);
    expect(limiter.hit("a", t0 + 1000)).toBe(59);
    expect(limiter.check("b", t0)).toBe(0);
  });

  it("starts a fresh window after the old one ends, and can be reset", () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1000 });
    limiter.hit("a", 0);
    expect(limiter.check("a", 500)).toBe(1);
    expect(limiter.check("a", 1000)).toBe(0);
    limiter.hit("a", 2000);
    limiter.reset("a");
    expect(limiter.check("a", 2001)).toBe(0);
  });
});
