import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createProgram } from "@/lib/programs/create-program";
import { programInputSchema } from "@/lib/programs/schemas";
import { startThread } from "@/lib/messages/start-thread";
import { sendMessage } from "@/lib/messages/send-message";
import { createUser } from "@/tests/support/factories";

const input = programInputSchema.parse({ name: "Key Event Co", commissionType: "PERCENT", commissionValue: "10", cookieDays: "30", status: "ACTIVE" });

async function grant(userId: string) {
  const policy = await db.consentPolicy.findFirstOrThrow({ orderBy: { version: "desc" } });
  await db.consentRecord.create({ data: { userId, granted: true, policyVersion: policy.version, policySha256: policy.sha256, source: "SETTINGS", at: new Date(Date.now() - 1000) } });
}

const keyEvents = () => db.usageEvent.findMany({ where: { kind: "KEY" }, select: { name: true, route: true } });

describe("server key events from the platform's operations", () => {
  it("records nothing for people who do not share usage information", async () => {
    const owner = await createUser();
    const other = await createUser();
    await createProgram({ ownerId: owner.id, input });
    const thread = await startThread({ authorId: owner.id, input: { recipientId: other.id, subject: "Hi", body: "Hello" } });
    await sendMessage({ threadId: thread.id, authorId: other.id, body: "Hi back" });
    expect(await keyEvents()).toEqual([]);
  });

  it("records program created and message sent for a sharing user, with no ids or content", async () => {
    const owner = await createUser();
    const other = await createUser();
    await grant(owner.id);
    const program = await createProgram({ ownerId: owner.id, input });
    const thread = await startThread({ authorId: owner.id, input: { recipientId: other.id, subject: "Private subject", body: "Private body" } });
    await sendMessage({ threadId: thread.id, authorId: owner.id, body: "Another private body" });
    await sendMessage({ threadId: thread.id, authorId: other.id, body: "Not sharing" }); // other does not share
    expect((await keyEvents()).map((event) => event.name).sort()).toEqual(["message_sent", "message_sent", "program_created"]);
    const stored = JSON.stringify(await db.usageEvent.findMany(), (_, value) => (typeof value === "bigint" ? String(value) : value));
    for (const secret of [owner.id, program.id, thread.id, "Private"]) expect(stored).not.toContain(secret);
  });
});
