import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { publishPolicy } from "@/lib/consent/publish-policy";
import { DEFAULT_POLICY_CONTENT } from "@/lib/consent/policy-content";
import { runRetention } from "@/lib/retention/run-retention";
import { updateSettings } from "@/lib/settings/update-settings";
import { getRetentionDays } from "@/lib/settings/get-settings";
import { createUser } from "@/tests/support/factories";
import { createRecordedSession, daysBefore } from "@/tests/support/retention-fixtures";

// A controlled clock: every run is given `now`, and data is dated relative to it.
const now = new Date("2026-11-22T12:00:00Z");
const quiet = () => {};
const run = (options: { now?: Date; batchSize?: number } = {}) => runRetention({ db, now, trigger: "cli", log: quiet, ...options });

async function sessionsLeft(ids: string[]) {
  const rows = await db.recordingSession.findMany({ where: { id: { in: ids } }, select: { id: true } });
  return rows.map((row) => row.id).sort();
}

beforeEach(async () => {
  await db.recordingSession.deleteMany();
  await db.usageEvent.deleteMany();
  await db.usageRollupDay.deleteMany();
  await db.usageDailyRollup.deleteMany();
  await db.usageRollupVisitor.deleteMany();
  await db.setting.deleteMany();
});

describe("runRetention", () => {
  it("keeps data 89 days old and deletes data 91 days old, with its chunks and events", async () => {
    const user = await createUser();
    const recent = await createRecordedSession({ userId: user.id, startedAt: daysBefore(now, 89) });
    const old = await createRecordedSession({ userId: user.id, startedAt: daysBefore(now, 91), chunks: 3, events: 4 });

    const result = await run();

    expect(result).toMatchObject({ retentionDays: 90, sessions: 1, chunks: 3, events: 4 });
    expect(await sessionsLeft([recent.id, old.id])).toEqual([recent.id]);
    expect(await db.recordingChunk.count({ where: { sessionId: old.id } })).toBe(0);
    expect(await db.sessionEvent.count({ where: { sessionId: old.id } })).toBe(0);
    expect(await db.recordingChunk.count({ where: { sessionId: recent.id } })).toBe(2);
    expect(await db.sessionEvent.count({ where: { sessionId: recent.id } })).toBe(3);
  });

  it("is idempotent: a second run removes nothing, and each run leaves an audit row with its counts", async () => {
    const user = await createUser();
    await createRecordedSession({ userId: user.id, startedAt: daysBefore(now, 120) });
    const before = await db.auditLog.count({ where: { action: "retention.run" } });

    const first = await run();
    const second = await run();

    expect(first).toMatchObject({ sessions: 1, chunks: 2, events: 3 });
    expect(second).toMatchObject({ sessions: 0, chunks: 0, events: 0, usageEvents: 0 });
    const rows = await db.auditLog.findMany({ where: { action: "retention.run" }, orderBy: { at: "asc" }, skip: before });
    expect(rows.map((row) => row.detail)).toEqual([
      expect.objectContaining({ trigger: "cli", retentionDays: 90, sessions: 1, chunks: 2, events: 3, usageEvents: 0 }),
      expect.objectContaining({ trigger: "cli", retentionDays: 90, sessions: 0, chunks: 0, events: 0, usageEvents: 0 }),
    ]);
  });

  it("applies a lowered retention setting on the next run", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const user = await createUser();
    const session = await createRecordedSession({ userId: user.id, startedAt: daysBefore(now, 45) });

    expect((await run()).sessions).toBe(0);
    await updateSettings({ actorId: admin.id, values: { retentionDays: 30 } });
    const result = await run();

    expect(result).toMatchObject({ retentionDays: 30, sessions: 1 });
    expect(await sessionsLeft([session.id])).toEqual([]);
  });

  it("deletes in batches until nothing old is left", async () => {
    const user = await createUser();
    const old = [];
    for (let i = 0; i < 5; i++) old.push(await createRecordedSession({ userId: user.id, startedAt: daysBefore(now, 100 + i), chunks: 1, events: 1 }));
    const kept = await createRecordedSession({ userId: user.id, startedAt: daysBefore(now, 1) });

    const result = await run({ batchSize: 2 });

    expect(result).toMatchObject({ sessions: 5, chunks: 5, events: 5 });
    expect(await sessionsLeft([...old.map((session) => session.id), kept.id])).toEqual([kept.id]);
  });

  it("also deletes a session whose own expiry has passed, even if it is younger than the current setting", async () => {
    const user = await createUser();
    // Ingested while retention was 10 days; the setting was raised back to 90 since.
    const session = await createRecordedSession({ userId: user.id, startedAt: daysBefore(now, 11), expiresAt: daysBefore(now, 1) });

    expect((await run()).sessions).toBe(1);
    expect(await sessionsLeft([session.id])).toEqual([]);
  });

  it("deletes anonymous usage events older than the retention period", async () => {
    const event = (at: Date) => ({ day: new Date(at.toISOString().slice(0, 10)), at, kind: "PAGE" as const, route: "/programs" });
    await db.usageEvent.createMany({ data: [event(daysBefore(now, 91)), event(daysBefore(now, 91)), event(daysBefore(now, 89))] });

    const result = await run({ batchSize: 1 });

    expect(result.usageEvents).toBe(2);
    expect(await db.usageEvent.count()).toBe(1);
  });

  it("finds usage events by day up to the exact cutoff, and deletes the insights rollups of those days", async () => {
    const cutoff = daysBefore(now, 90);
    const utcDate = (at: Date) => new Date(at.toISOString().slice(0, 10));
    const event = (at: Date) => ({ day: utcDate(at), at, kind: "PAGE" as const, route: "/programs" });
    const minute = 60_000;
    await db.usageEvent.createMany({
      data: [event(daysBefore(now, 92)), event(new Date(cutoff.getTime() - minute)), event(new Date(cutoff.getTime() + minute))],
    });
    const rollupDays = [daysBefore(now, 92), cutoff, daysBefore(now, 89)].map(utcDate);
    for (const day of rollupDays) {
      await db.usageRollupDay.create({ data: { day, users: 5, visits: 5 } });
      await db.usageDailyRollup.create({ data: { day, dimension: "page-route", key: "/programs", events: 1, visitors: 1 } });
      await db.usageRollupVisitor.create({ data: { day, dimension: "page-route", key: "/programs", visitor: "v" } });
    }

    const result = await run();

    expect(result).toMatchObject({ usageEvents: 2, usageRollupDays: 2 });
    expect((await db.usageEvent.findMany({ select: { at: true } })).map((row) => row.at)).toEqual([new Date(cutoff.getTime() + minute)]);
    // The cutoff's own day lost events, so its rollup goes too (the dashboard rebuilds it from what is left).
    const daysLeft = (rows: { day: Date }[]) => rows.map((row) => row.day);
    expect(daysLeft(await db.usageRollupDay.findMany({ select: { day: true } }))).toEqual([rollupDays[2]]);
    expect(daysLeft(await db.usageDailyRollup.findMany({ select: { day: true } }))).toEqual([rollupDays[2]]);
    expect(daysLeft(await db.usageRollupVisitor.findMany({ select: { day: true } }))).toEqual([rollupDays[2]]);
  });

  it("never keeps data longer than the published policy promises", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const user = await createUser();
    const session = await createRecordedSession({ userId: user.id, startedAt: daysBefore(now, 20) });
    await publishPolicy({ content: { ...DEFAULT_POLICY_CONTENT, retentionDays: 14 }, actorId: admin.id });
    try {
      expect(await getRetentionDays()).toBe(14);
      expect(await run()).toMatchObject({ retentionDays: 14, sessions: 1 });
      expect(await sessionsLeft([session.id])).toEqual([]);
    } finally {
      await publishPolicy({ content: DEFAULT_POLICY_CONTENT, actorId: admin.id });
    }
  });
});

describe("retention setting", () => {
  it("can never exceed 90 days or go below 1, and every change is audited with from/to", async () => {
    const admin = await createUser({ role: "ADMIN" });
    await expect(updateSettings({ actorId: admin.id, values: { retentionDays: 91 } })).rejects.toThrow();
    await expect(updateSettings({ actorId: admin.id, values: { retentionDays: 0 } })).rejects.toThrow();
    expect(await getRetentionDays()).toBe(90);

    await updateSettings({ actorId: admin.id, values: { retentionDays: 60 } });

    expect(await getRetentionDays()).toBe(60);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "settings.changed", actorId: admin.id } });
    expect(audit.detail).toEqual({ retentionDays: { from: 90, to: 60 } });
  });

  it("refuses a change from someone who is not an administrator", async () => {
    for (const role of ["MEMBER", "SUPPORT", "ANALYST"] as const) {
      const actor = await createUser({ role });
      await expect(updateSettings({ actorId: actor.id, values: { retentionDays: 7 } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await getRetentionDays()).toBe(90);
  });
});
