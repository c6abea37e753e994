import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signUpNewMember } from "../support/auth";
import { demoUser } from "../../../prisma/demo-accounts";

test("a member changes their name and the shell shows it; a taken email is refused", async ({ page }) => {
  const { email } = await signUpNewMember(page, "Pia Profile");
  await page.goto("/settings/profile");
  const profile = page.getByRole("region", { name: "Profile", exact: true });
  await expect(profile.getByLabel("Email")).toHaveValue(email);

  await profile.getByLabel("Email").fill(demoUser("MEMBER").email);
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByText("An account with this email already exists.").first()).toBeVisible();
  await expect(profile.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");

  const newName = `Pia Renamed ${randomBytes(2).toString("hex")}`;
  await profile.getByLabel("Name").fill(newName);
  await profile.getByLabel("Email").fill(email);
  await profile.getByRole("button", { name: "Save profile" }).click();
  await expect(profile.getByRole("status")).toHaveText("Profile saved.");
  await expect(page.getByTestId("current-user")).toContainText(newName);

  await page.reload();
  await expect(page.getByRole("region", { name: "Profile", exact: true }).getByLabel("Name")).toHaveValue(newName);
});
