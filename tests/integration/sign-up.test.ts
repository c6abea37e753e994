import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { verifyPassword } from "@/lib/auth/password";
import { signUp } from "@/lib/users/sign-up";

describe("signUp", () => {
  it("creates a member with a hashed password and no consent", async () => {
    const user = await signUp({ name: "New Member", email: "new@test.invalid", password: "long-enough" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { consentRecords: true } });
    expect(stored.role).toBe("MEMBER");
    expect(stored.passwordHash).not.toContain("long-enough");
    expect(await verifyPassword("long-enough", stored.passwordHash!)).toBe(true);
    expect(stored.consentRecords).toHaveLength(0);
  });

  it("refuses a taken email with a field error and changes nothing", async () => {
    await signUp({ name: "First", email: "taken@test.invalid", password: "long-enough" });
    const before = await db.user.count();
    const attempt = signUp({ name: "Second", email: "taken@test.invalid", password: "another-one" });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "CONFLICT", fields: { email: [expect.stringContaining("already exists")] } });
    expect(await db.user.count()).toBe(before);
  });
});
