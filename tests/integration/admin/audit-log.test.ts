import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { exportAuditCsv, AUDIT_CSV_HEADER } from "@/lib/admin/export-audit-csv";
import { listAuditEntries } from "@/lib/admin/list-audit-entries";
import { auditFiltersSchema } from "@/lib/admin/audit-filters";
import { createUser } from "@/tests/support/factories";

let admin: { id: string; name: string };
let member: { id: string; name: string };

beforeAll(async () => {
  await db.auditLog.deleteMany();
  admin = await createUser({ role: "ADMIN", name: "Ada Admin" });
  member = await createUser({ name: "Mia Member" });
  const support = await createUser({ role: "SUPPORT", name: "Sam Support" });
  await db.auditLog.createMany({
    data: [
      { actorId: admin.id, action: "role.changed", targetId: member.id, detail: { from: "MEMBER", to: "SUPPORT" }, at: new Date("2026-03-01T10:00:00Z") },
      { actorId: admin.id, action: "policy.published", targetId: "2", detail: { version: 2 }, at: new Date("2026-03-02T10:00:00Z") },
      { actorId: null, action: "retention.run", detail: { sessions: 3 }, at: new Date("2026-03-03T10:00:00Z") },
    ],
  });
  await db.replayView.create({
    data: {
      sessionId: "session-1",
      recordedUserId: member.id,
      viewerId: support.id,
      viewerName: "Sam Support",
      reason: '=HYPERLINK("http://evil.example","click"), ticket #12',
      at: new Date("2026-03-02T12:00:00Z"),
    },
  });
});

const filters = (raw: Record<string, string>) => auditFiltersSchema.parse(raw);

describe("listAuditEntries", () => {
  it("merges audit rows and replay views, newest first, with actor and target names", async () => {
    const { entries, total } = await listAuditEntries({ filters: filters({}), page: 1 });
    expect(total).toBe(4);
    expect(entries.map((entry) => entry.action)).toEqual(["retention.run", "replay.viewed", "policy.published", "role.changed"]);
    expect(entries[1]).toMatchObject({ actorName: "Sam Support", targetId: member.id, targetName: "Mia Member", detail: { sessionId: "session-1" } });
    expect(entries[3]).toMatchObject({ actorName: "Ada Admin", targetName: "Mia Member", detail: { from: "MEMBER", to: "SUPPORT" } });
  });

  it("filters by action and by a date range of whole UTC days", async () => {
    const views = await listAuditEntries({ filters: filters({ action: "replay.viewed" }), page: 1 });
    expect(views.entries.map((entry) => entry.action)).toEqual(["replay.viewed"]);

    const roles = await listAuditEntries({ filters: filters({ action: "role.changed" }), page: 1 });
    expect(roles.entries.map((entry) => entry.action)).toEqual(["role.changed"]);

    const day = await listAuditEntries({ filters: filters({ from: "2026-03-02", to: "2026-03-02" }), page: 1 });
    expect(day.entries.map((entry) => entry.action)).toEqual(["replay.viewed", "policy.published"]);

    const since = await listAuditEntries({ filters: filters({ from: "2026-03-03" }), page: 1 });
    expect(since.entries.map((entry) => entry.action)).toEqual(["retention.run"]);
  });

  it("pages through the merged stream and offers every known action in the filter", async () => {
    const first = await listAuditEntries({ filters: filters({}), page: 1, pageSize: 3 });
    const second = await listAuditEntries({ filters: filters({}), page: 2, pageSize: 3 });
    expect(first.pageCount).toBe(2);
    expect(second.entries.map((entry) => entry.action)).toEqual(["role.changed"]);
    expect(first.actions).toEqual(expect.arrayContaining(["replay.viewed", "role.changed", "policy.published", "data.erased", "retention.run"]));
  });

  it("ignores malformed filters instead of failing", () => {
    expect(filters({ action: "'; drop table", from: "yesterday", to: "2026-13-45" })).toEqual({});
  });
});

describe("exportAuditCsv", () => {
  it("exports the filtered rows as CSV, one JSON cell of detail per row, and audits the export", async () => {
    const { csv, rows } = await exportAuditCsv({ actorId: admin.id, filters: filters({ to: "2026-03-02" }) });

    expect(rows).toBe(3);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(AUDIT_CSV_HEADER.join(","));
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^2026-03-02T12:00:00\.000Z,replay\.viewed,[^,]+,Sam Support,/);
    // Detail is one JSON cell: quoted, inner quotes doubled, so the commas in the reason do not split it.
    expect(lines[1]).toMatch(/,Mia Member,"\{.*""reason"":""=HYPERLINK\(\\""http:\/\/evil\.example\\"",\\""click\\""\), ticket #12"".*\}"$/);
    expect(lines[1]).toContain(`""sessionId"":""session-1""`);
    expect(lines[3]).toMatch(new RegExp(`^2026-03-01T10:00:00\\.000Z,role\\.changed,${admin.id},Ada Admin,${member.id},Mia Member,"\\{.*\\}"$`));
    expect(lines[3]).toContain(`""from"":""MEMBER""`);

    const exported = await db.auditLog.findFirstOrThrow({ where: { action: "audit.exported" } });
    expect(exported).toMatchObject({ actorId: admin.id, detail: { filters: { to: "2026-03-02" }, rows: 3 } });
  });

  it("prefixes a cell that starts like a formula", async () => {
    await db.auditLog.create({ data: { actorId: admin.id, action: "settings.changed", detail: {}, at: new Date("2020-01-01T00:00:00Z") } });
    await db.user.update({ where: { id: admin.id }, data: { name: "=cmd|' /C calc'!A0" } });
    const { csv } = await exportAuditCsv({ actorId: admin.id, filters: filters({ action: "settings.changed" }) });
    expect(csv.split("\r\n")[1]).toContain(`,'=cmd|' /C calc'!A0,`);
  });
});
