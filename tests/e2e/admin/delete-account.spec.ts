import { expect, test } from "@playwright/test";
import { signUpNewMember } from "../support/auth";

test("a member deletes their account: confirmation required, signed out, and the account cannot sign in again", async ({ page }) => {
  const member = await signUpNewMember(page, "Dora Deleteme");
  await page.goto("/settings/profile");
  await page.getByRole("button", { name: "Delete my account…" }).click();

  const dialog = page.getByRole("dialog", { name: "Delete your account?" });
  const confirm = dialog.getByRole("button", { name: "Delete my account permanently" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Type your email address or DELETE to confirm").fill("delete");
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel("Type your email address or DELETE to confirm").fill(member.email.toUpperCase());
  await expect(confirm).toBeEnabled();
  await confirm.click();

  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/settings/profile");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);

  await page.getByLabel("Email").fill(member.email);
  await page.getByLabel("Password").fill(member.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});
