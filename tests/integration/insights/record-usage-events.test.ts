import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordUsageEvents } from "@/lib/insights/record-usage-events";
import { recordKeyEvent } from "@/lib/insights/record-key-event";
import { destroyExpiredSalts } from "@/lib/insights/destroy-expired-salts";
import { createUser } from "@/tests/support/factories";

const device = { browser: "Firefox 128.0", os: "Ubuntu 24.04", deviceType: "desktop" };

async function consentingUser(grantedAt = new Date("2026-01-01T00:00:00Z")) {
  const user = await createUser();
  const policy = await db.consentPolicy.findFirstOrThrow({ orderBy: { version: "desc" } });
  // Published before the grant so the grant is to the policy in force at every `now` below.
  await db.consentPolicy.update({ where: { version: policy.version }, data: { publishedAt: new Date("2025-12-01T00:00:00Z") } });
  await db.consentRecord.create({ data: { userId: user.id, granted: true, policyVersion: policy.version, policySha256: policy.sha256, source: "SETTINGS", at: grantedAt } });
  return user;
}

/** Every stored column of every usage event, as text: the user id must appear nowhere. */
const allStoredText = async () => JSON.stringify(await db.usageEvent.findMany(), (_, value) => (typeof value === "bigint" ? String(value) : value));

describe("recordUsageEvents", () => {
  it("stores anonymous, templated events with no user id", async () => {
    const user = await consentingUser();
    const now = new Date("2026-04-02T12:00:30Z");
    const ts = new Date("2026-04-02T12:00:10Z");
    const result = await recordUsageEvents({
      now,
      users: [
        {
          userId: user.id,
          events: [
            { kind: "page", path: "/programs/cl9xk2m3n0000qzrm4h5b6c7d?tab=members#top", ts, durationMs: 4200, device },
            { kind: "click", path: "/programs", ts, feature: "Export CSV", device },
            { kind: "click", path: "/programs", ts, device }, // unnamed: dropped
            { kind: "error", path: "/messages/42", ts, message: `User ${user.email} not found (id 123)`, device },
            { kind: "rage_click", path: "/", ts, device },
          ],
        },
      ],
    });
    expect(result.stored).toBe(4);
    const rows = await db.usageEvent.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.kind, row.route, row.name, row.message])).toEqual([
      ["PAGE", "/programs/[id]", "", ""],
      ["FEATURE", "/programs", "export-csv", ""],
      ["ERROR", "/messages/[id]", "", "User [email] not found (id [n])"],
      ["RAGE_CLICK", "/", "", ""],
    ]);
    expect(rows[0]).toMatchObject({ durationMs: 4200, browser: "Firefox", os: "Ubuntu", deviceType: "desktop", at: new Date("2026-04-02T12:00:00Z") });
    expect(new Set(rows.map((row) => row.visitor)).size).toBe(1);
    const stored = await allStoredText();
    expect(stored).not.toContain(user.id);
    expect(stored).not.toContain(user.email);
    await db.usageEvent.deleteMany();
  });

  it("stores nothing for a user who never consented or has opted out", async () => {
    const never = await createUser();
    const revoked = await consentingUser();
    const policy = await db.consentPolicy.findFirstOrThrow();
    await db.consentRecord.create({ data: { userId: revoked.id, granted: false, policyVersion: policy.version, policySha256: policy.sha256, source: "SETTINGS", at: new Date("2026-02-01T00:00:00Z") } });
    const now = new Date("2026-04-02T12:00:00Z");
    const events = [{ kind: "page" as const, path: "/", ts: now }];
    expect(await recordUsageEvents({ users: [{ userId: never.id, events }], now })).toEqual({ stored: 0 });
    expect(await recordUsageEvents({ users: [{ userId: revoked.id, events }], now })).toEqual({ stored: 0 });
    expect(await recordKeyEvent({ userId: revoked.id, name: "message_sent", now })).toBe(false);
    expect(await db.usageEvent.count()).toBe(0);
  });

  it("drops events from before the current grant, from the future and malformed ones", async () => {
    const user = await consentingUser(new Date("2026-04-02T12:00:00Z"));
    const now = new Date("2026-04-02T12:30:00Z");
    const result = await recordUsageEvents({
      now,
      users: [
        {
          userId: user.id,
          events: [
            { kind: "page", path: "/a", ts: new Date("2026-04-02T11:59:00Z") },
            { kind: "page", path: "/b", ts: new Date("2026-04-02T12:10:00Z") },
            { kind: "page", path: "/c", ts: new Date("2026-04-02T13:00:00Z") },
            { kind: "page", path: "/d", ts: new Date("2026-04-02T12:10:00Z"), durationMs: -5 },
            { kind: "keystroke", path: "/e", ts: now } as never,
          ],
        },
      ],
    });
    expect(result.stored).toBe(1);
    expect((await db.usageEvent.findFirstOrThrow()).route).toBe("/b");
    await db.usageEvent.deleteMany();
  });

  it("rotates the salt every UTC day and destroys the old one, so days cannot be linked", async () => {
    await db.usageSalt.deleteMany();
    const user = await consentingUser();
    const day1 = new Date("2026-04-02T23:59:00Z");
    const day2 = new Date("2026-04-03T00:01:00Z");
    await recordUsageEvents({ users: [{ userId: user.id, events: [{ kind: "page", path: "/", ts: day1 }] }], now: day1 });
    await recordUsageEvents({ users: [{ userId: user.id, events: [{ kind: "page", path: "/x", ts: day1 }] }], now: day1 });
    expect(await db.usageSalt.findMany({ select: { day: true } })).toEqual([{ day: new Date("2026-04-02T00:00:00Z") }]);

    // Just after midnight: a late event of day 1 and a fresh event of day 2.
    await recordUsageEvents({ users: [{ userId: user.id, events: [{ kind: "page", path: "/late", ts: day1 }, { kind: "page", path: "/y", ts: day2 }] }], now: day2 });
    expect(await db.usageSalt.findMany({ select: { day: true } })).toEqual([{ day: new Date("2026-04-03T00:00:00Z") }]);

    const rows = await db.usageEvent.findMany({ orderBy: { id: "asc" }, select: { route: true, visitor: true, day: true } });
    const visitor = Object.fromEntries(rows.map((row) => [row.route, row.visitor]));
    expect(visitor["/"]).toBe(visitor["/x"]); // same person, same day: one visitor
    expect(visitor["/y"]).not.toBe(visitor["/"]); // next day: unrelated hash
    expect(visitor["/late"]).toBeNull(); // day 1 is over: its salt is gone and day 2's must not be used for it
    expect(rows.find((row) => row.route === "/late")?.day).toEqual(new Date("2026-04-02T00:00:00Z"));
    await db.usageEvent.deleteMany();
  });

  it("destroys expired salts on its own, even when no events arrive", async () => {
    await db.usageSalt.createMany({
      data: [
        { day: new Date("2026-04-01T00:00:00Z"), salt: new Uint8Array(32) },
        { day: new Date("2026-04-05T00:00:00Z"), salt: new Uint8Array(32) },
      ],
      skipDuplicates: true,
    });
    expect(await destroyExpiredSalts({ now: new Date("2026-04-05T00:00:00Z") })).toBeGreaterThanOrEqual(1);
    expect(await db.usageSalt.findMany({ select: { day: true } })).toEqual([{ day: new Date("2026-04-05T00:00:00Z") }]);
  });
});

describe("recordKeyEvent", () => {
  it("records a server key event for a consenting user, anonymously", async () => {
    const user = await consentingUser();
    expect(await recordKeyEvent({ userId: user.id, name: "program_created" })).toBe(true);
    const row = await db.usageEvent.findFirstOrThrow({ where: { kind: "KEY" } });
    expect(row).toMatchObject({ name: "program_created", route: "" });
    expect(row.visitor).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await allStoredText()).not.toContain(user.id);
  });
});
