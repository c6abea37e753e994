import { describe, expect, it } from "vitest";
import { isSaltUsable, newSalt, utcDay, utcDayKey, visitorHash } from "@/lib/insights/day-salt";

describe("daily salt", () => {
  it("buckets instants by UTC day, whatever the local time zone", () => {
    expect(utcDayKey(new Date("2026-04-02T23:59:59.999Z"))).toBe("2026-04-02");
    expect(utcDayKey(new Date("2026-04-03T00:00:00Z"))).toBe("2026-04-03");
    expect(utcDayKey(new Date("2026-04-02T23:30:00-05:00"))).toBe("2026-04-03");
    expect(utcDay(new Date("2026-04-02T13:14:15Z")).toISOString()).toBe("2026-04-02T00:00:00.000Z");
  });

  it("lets a salt hash events only on its own UTC day", () => {
    const saltDay = new Date("2026-04-02T00:00:00Z");
    expect(isSaltUsable(saltDay, new Date("2026-04-02T00:00:00Z"))).toBe(true);
    expect(isSaltUsable(saltDay, new Date("2026-04-02T23:59:59.999Z"))).toBe(true);
    expect(isSaltUsable(saltDay, new Date("2026-04-03T00:00:00Z"))).toBe(false);
    expect(isSaltUsable(saltDay, new Date("2026-04-01T23:59:59Z"))).toBe(false);
  });

  it("gives one person one hash per salt and unrelated hashes under different salts", () => {
    const monday = newSalt();
    const tuesday = newSalt();
    expect(monday).toHaveLength(32);
    expect(Buffer.from(monday).equals(Buffer.from(tuesday))).toBe(false);
    expect(visitorHash(monday, "user-1")).toBe(visitorHash(monday, "user-1"));
    expect(visitorHash(monday, "user-1")).not.toBe(visitorHash(monday, "user-2"));
    expect(visitorHash(monday, "user-1")).not.toBe(visitorHash(tuesday, "user-1"));
    expect(visitorHash(monday, "user-1")).not.toContain("user-1");
  });
});
