import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { profileSchema } from "@/lib/users/schemas";
import { updateProfile } from "@/lib/users/update-profile";
import { createUser } from "@/tests/support/factories";

describe("updateProfile", () => {
  it("saves a new name and email (normalised)", async () => {
    const user = await createUser({ name: "Before" });
    const input = profileSchema.parse({ name: " After ", email: " New.Address@Test.Invalid " });
    await updateProfile({ userId: user.id, input });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ name: "After", email: "new.address@test.invalid" });
  });

  it("keeps the user's own email without complaint", async () => {
    const user = await createUser();
    await expect(updateProfile({ userId: user.id, input: { name: "Renamed", email: user.email } })).resolves.toMatchObject({ name: "Renamed" });
  });

  it("refuses an email another account uses, as a field error, and changes nothing", async () => {
    const user = await createUser({ name: "Mine" });
    const other = await createUser();
    await expect(updateProfile({ userId: user.id, input: { name: "Changed", email: other.email } })).rejects.toMatchObject({
      code: "CONFLICT",
      fields: { email: ["An account with this email already exists."] },
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ name: "Mine", email: user.email });
  });

  it("validates name and email", () => {
    const issues = profileSchema.safeParse({ name: "", email: "not-an-email" }).error?.issues.map((issue) => issue.path[0]).sort();
    expect(issues).toEqual(["email", "name"]);
  });
});
