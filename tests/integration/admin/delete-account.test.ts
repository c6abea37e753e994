import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { deleteAccount, DELETED_USER_NAME, tombstoneEmail } from "@/lib/privacy/delete-account";
import { createUser } from "@/tests/support/factories";
import { createRecordedSession } from "@/tests/support/retention-fixtures";

async function recordingRowsOf(userId: string) {
  const [sessions, chunks, events, keys] = await Promise.all([
    db.recordingSession.count({ where: { userId } }),
    db.recordingChunk.count({ where: { session: { userId } } }),
    db.sessionEvent.count({ where: { session: { userId } } }),
    db.userDataKey.count({ where: { userId } }),
  ]);
  return { sessions, chunks, events, keys };
}

describe("deleteAccount", () => {
  it("leaves no row referencing the user in the recording tables and removes every personal field", async () => {
    const user = await createUser({ name: "Erin Erased" });
    const other = await createUser({ name: "Olga Other" });
    const sessions = [await createRecordedSession({ userId: user.id, startedAt: new Date() }), await createRecordedSession({ userId: user.id, startedAt: new Date(Date.now() - 86_400_000) })];
    const othersSession = await createRecordedSession({ userId: other.id, startedAt: new Date() });
    await db.userDataKey.create({ data: { userId: user.id, wrappedKey: new Uint8Array(32) } });
    const owned = await db.program.create({ data: { name: "Erin's program", commissionValue: 1000, ownerId: user.id, members: { create: [{ userId: other.id }] } } });
    const othersProgram = await db.program.create({ data: { name: "Olga's program", commissionValue: 1000, ownerId: other.id, members: { create: [{ userId: user.id }] } } });
    const thread = await db.thread.create({
      data: {
        subject: "Hello",
        participants: { create: [{ userId: user.id }, { userId: other.id }] },
        messages: { create: [{ authorId: user.id, body: "Hi Olga" }, { authorId: other.id, body: "Hi Erin" }] },
      },
    });

    const result = await deleteAccount({ userId: user.id, actorId: user.id });

    expect(await recordingRowsOf(user.id)).toEqual({ sessions: 0, chunks: 0, events: 0, keys: 0 });
    expect(await db.recordingChunk.count({ where: { sessionId: { in: sessions.map((session) => session.id) } } })).toBe(0);
    expect(await db.sessionEvent.count({ where: { sessionId: { in: sessions.map((session) => session.id) } } })).toBe(0);
    // Someone else's recordings are untouched.
    expect(await db.recordingSession.count({ where: { id: othersSession.id } })).toBe(1);

    const tombstone = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(tombstone).toMatchObject({ name: DELETED_USER_NAME, email: tombstoneEmail(user.id), passwordHash: null, role: "MEMBER", consentPromptDismissedAt: null });
    expect(tombstone.deletedAt).toBeInstanceOf(Date);
    expect(JSON.stringify(tombstone)).not.toContain("Erin");
    expect(JSON.stringify(tombstone)).not.toContain(user.email);

    expect(await db.program.count({ where: { id: owned.id } })).toBe(0);
    expect(await db.programMember.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.program.count({ where: { id: othersProgram.id } })).toBe(1);

    // Their messages stay in the other person's conversation, from "Deleted user".
    const messages = await db.message.findMany({ where: { threadId: thread.id }, include: { author: { select: { name: true } } }, orderBy: { createdAt: "asc" } });
    expect(messages.map((message) => message.author.name).sort()).toEqual([DELETED_USER_NAME, "Olga Other"].sort());

    expect(result).toMatchObject({ sessionsErased: 2, programsDeleted: 1, membershipsRemoved: 1 });
  });

  it("keeps the consent ledger as proof, ending with a revocation, and audits the erasure and the deletion", async () => {
    const user = await createUser();
    await createRecordedSession({ userId: user.id, startedAt: new Date() }); // also records a grant

    await deleteAccount({ userId: user.id, actorId: user.id });

    const ledger = await db.consentRecord.findMany({ where: { userId: user.id }, orderBy: { at: "asc" } });
    expect(ledger.map((record) => record.granted)).toEqual([true, false]);
    const actions = (await db.auditLog.findMany({ where: { targetId: user.id }, orderBy: { at: "asc" } })).map((row) => row.action);
    expect(actions).toEqual(["data.erased", "account.deleted"]);
  });

  it("refuses to delete the last administrator, and an account already deleted", async () => {
    await db.user.updateMany({ where: { role: "ADMIN" }, data: { role: "MEMBER" } });
    const admin = await createUser({ role: "ADMIN" });
    await createRecordedSession({ userId: admin.id, startedAt: new Date() });

    await expect(deleteAccount({ userId: admin.id, actorId: admin.id })).rejects.toMatchObject({ code: "CONFLICT" });
    // Refused before anything was erased.
    expect((await recordingRowsOf(admin.id)).sessions).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).deletedAt).toBeNull();

    const member = await createUser();
    await deleteAccount({ userId: member.id, actorId: member.id });
    await expect(deleteAccount({ userId: member.id, actorId: member.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
