import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getThread } from "@/lib/messages/get-thread";
import { listRecipients } from "@/lib/messages/list-recipients";
import { listThreads } from "@/lib/messages/list-threads";
import { newThreadSchema, replySchema } from "@/lib/messages/schemas";
import { sendMessage } from "@/lib/messages/send-message";
import { startThread } from "@/lib/messages/start-thread";
import { createUser } from "@/tests/support/factories";

describe("starting a conversation", () => {
  it("creates the thread with both people and the first message", async () => {
    const alice = await createUser({ name: "Alice" });
    const bob = await createUser({ name: "Bob" });
    const { id } = await startThread({ authorId: alice.id, input: { recipientId: bob.id, subject: "Hello", body: "First!" } });

    const forBob = await getThread({ id, userId: bob.id });
    expect(forBob).toMatchObject({ subject: "Hello", others: ["Alice"] });
    expect(forBob?.messages).toEqual([expect.objectContaining({ body: "First!", authorName: "Alice", mine: false })]);
    expect((await listThreads({ userId: alice.id })).map((t) => t.others)).toEqual([["Bob"]]);
  });

  it("refuses yourself, an unknown user and a staff account as recipient, creating nothing", async () => {
    const alice = await createUser();
    const agent = await createUser({ role: "SUPPORT" });
    const before = await db.thread.count();
    for (const recipientId of [alice.id, "nobody", agent.id]) {
      await expect(startThread({ authorId: alice.id, input: { recipientId, subject: "Hi", body: "Hi" } })).rejects.toMatchObject({
        code: "VALIDATION_FAILED",
        fields: { recipientId: [expect.any(String)] },
      });
    }
    expect(await db.thread.count()).toBe(before);
  });

  it("offers every other member, by name only", async () => {
    const me = await createUser({ name: "Me" });
    const other = await createUser({ name: "Other" });
    await createUser({ role: "ADMIN", name: "Staff" });
    const recipients = await listRecipients({ userId: me.id });
    expect(recipients).toContainEqual({ id: other.id, name: "Other" });
    expect(recipients.some((r) => r.id === me.id || r.name === "Staff")).toBe(false);
  });

  it("validates subject and body", () => {
    const fields = (input: Record<string, string>) => newThreadSchema.safeParse(input).error?.issues.map((issue) => issue.path[0]).sort();
    expect(fields({ recipientId: "", subject: " ", body: "   " })).toEqual(["body", "recipientId", "subject"]);
    expect(fields({ recipientId: "x", subject: "s".repeat(201), body: "ok" })).toEqual(["subject"]);
  });
});

describe("threads are private to their participants", () => {
  it("hides a thread from anyone else, and refuses their reply", async () => {
    const alice = await createUser();
    const bob = await createUser();
    const eve = await createUser();
    const { id } = await startThread({ authorId: alice.id, input: { recipientId: bob.id, subject: "Private", body: "Just us" } });

    expect(await getThread({ id, userId: eve.id })).toBeNull();
    expect(await listThreads({ userId: eve.id })).toEqual([]);
    await expect(sendMessage({ threadId: id, authorId: eve.id, body: "Let me in" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(sendMessage({ threadId: "missing", authorId: eve.id, body: "Hello?" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.message.count({ where: { threadId: id } })).toBe(1);
  });
});

describe("sending a reply", () => {
  it("adds the message and moves the thread to the top of the list", async () => {
    const alice = await createUser();
    const bob = await createUser();
    const older = await startThread({ authorId: alice.id, input: { recipientId: bob.id, subject: "Older", body: "one" } });
    const newer = await startThread({ authorId: bob.id, input: { recipientId: alice.id, subject: "Newer", body: "two" } });
    // Date the first thread an hour back, so the order does not hang on two writes landing in one millisecond.
    await db.thread.update({ where: { id: older.id }, data: { lastMessageAt: new Date(Date.now() - 3600_000) } });
    expect((await listThreads({ userId: alice.id })).map((t) => t.subject)).toEqual(["Newer", "Older"]);
    const before = (await db.thread.findUniqueOrThrow({ where: { id: older.id } })).lastMessageAt;

    await sendMessage({ threadId: older.id, authorId: bob.id, body: "Line one\nLine two" });

    const after = await db.thread.findUniqueOrThrow({ where: { id: older.id } });
    expect(after.lastMessageAt.getTime()).toBeGreaterThan(before.getTime());
    expect((await listThreads({ userId: alice.id })).map((t) => t.subject)).toEqual(["Older", "Newer"]);
    const thread = await getThread({ id: older.id, userId: bob.id });
    expect(thread?.messages.map((m) => [m.body, m.mine])).toEqual([
      ["one", false],
      ["Line one\nLine two", true],
    ]);
    expect(newer.id).not.toBe(older.id);
  });

  it("refuses an empty or over-long reply", () => {
    expect(replySchema.safeParse({ body: " \n " }).error?.issues[0].message).toBe("Write a message first.");
    expect(replySchema.safeParse({ body: "x".repeat(5001) }).error?.issues[0].message).toMatch(/under 5,000 characters/);
    expect(replySchema.safeParse({ body: "x".repeat(5000) }).success).toBe(true);
  });
});
