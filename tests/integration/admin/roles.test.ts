import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { changeRole } from "@/lib/admin/change-role";
import { listUsers } from "@/lib/admin/list-users";
import { createUser } from "@/tests/support/factories";

// The "last admin" rule counts every admin in the database: each test starts with none.
beforeEach(async () => {
  await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "MEMBER" } });
});

describe("changeRole", () => {
  it("changes a member's role and audits who did it, from and to", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const member = await createUser();

    const result = await changeRole({ actorId: admin.id, userId: member.id, role: "SUPPORT" });

    expect(result).toEqual({ changed: true, from: "MEMBER", to: "SUPPORT" });
    expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).role).toBe("SUPPORT");
    const audit = await db.auditLog.findMany({ where: { action: "role.changed", targetId: member.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, detail: { from: "MEMBER", to: "SUPPORT" } });
  });

  it("writes nothing when the role is unchanged", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const analyst = await createUser({ role: "ANALYST" });
    expect(await changeRole({ actorId: admin.id, userId: analyst.id, role: "ANALYST" })).toMatchObject({ changed: false });
    expect(await db.auditLog.count({ where: { action: "role.changed", targetId: analyst.id } })).toBe(0);
  });

  it("refuses to demote the last administrator, even by themselves", async () => {
    const admin = await createUser({ role: "ADMIN" });

    await expect(changeRole({ actorId: admin.id, userId: admin.id, role: "MEMBER" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("last administrator"),
    });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
    expect(await db.auditLog.count({ where: { action: "role.changed", targetId: admin.id } })).toBe(0);
  });

  it("lets an admin step down once another admin exists", async () => {
    const first = await createUser({ role: "ADMIN" });
    const second = await createUser();
    await changeRole({ actorId: first.id, userId: second.id, role: "ADMIN" });

    await changeRole({ actorId: first.id, userId: first.id, role: "SUPPORT" });

    expect((await db.user.findUniqueOrThrow({ where: { id: first.id } })).role).toBe("SUPPORT");
    // Now `second` is the last one.
    await expect(changeRole({ actorId: second.id, userId: second.id, role: "MEMBER" })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses anyone who is not (or no longer) an administrator", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const target = await createUser();
    for (const role of ["MEMBER", "SUPPORT", "ANALYST"] as const) {
      const actor = await createUser({ role });
      await expect(changeRole({ actorId: actor.id, userId: target.id, role: "ADMIN" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    // Demoted a moment ago: the request still in flight must not go through.
    const former = await createUser({ role: "ADMIN" });
    await changeRole({ actorId: admin.id, userId: former.id, role: "MEMBER" });
    await expect(changeRole({ actorId: former.id, userId: target.id, role: "ADMIN" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("MEMBER");
  });

  it("cannot give a deleted account a role", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const gone = await createUser();
    await db.user.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    await expect(changeRole({ actorId: admin.id, userId: gone.id, role: "SUPPORT" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("listUsers", () => {
  it("searches name and email case-insensitively, pages, and leaves deleted accounts out", async () => {
    const tag = `zq${Date.now()}`;
    const created = [];
    for (let i = 0; i < 5; i++) created.push(await createUser({ name: `Paging ${tag.toUpperCase()} ${i}` }));
    await db.user.update({ where: { id: created[0].id }, data: { deletedAt: new Date() } });

    const first = await listUsers({ q: tag, page: 1, pageSize: 3 });
    const second = await listUsers({ q: tag, page: 2, pageSize: 3 });

    expect(first).toMatchObject({ total: 4, page: 1, pageCount: 2 });
    expect(first.users).toHaveLength(3);
    expect(second.users).toHaveLength(1);
    const ids = [...first.users, ...second.users].map((user) => user.id);
    expect(new Set(ids)).toEqual(new Set(created.slice(1).map((user) => user.id)));
    expect(first.users[0]).not.toHaveProperty("passwordHash");

    const byEmail = await listUsers({ q: created[1].email.toUpperCase(), page: 1 });
    expect(byEmail.users.map((user) => user.id)).toEqual([created[1].id]);
    // A page past the end shows the last page instead of nothing.
    expect((await listUsers({ q: tag, page: 99, pageSize: 3 })).page).toBe(2);
  });
});
