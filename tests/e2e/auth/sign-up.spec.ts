import { expect, test } from "@playwright/test";
import { signUpNewMember } from "../support/auth";
import { demoUser } from "../../../prisma/demo-accounts";

test("sign-up shows field errors for a malformed email and a short password", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Someone");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name")).toHaveValue("Someone");
});

test("sign-up refuses an email that is taken", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Copycat");
  await page.getByLabel("Email").fill(demoUser("MEMBER").email);
  await page.getByLabel("Password").fill("long-enough-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("An account with this email already exists.").first()).toBeVisible();
  await expect(page).toHaveURL(/\/signup/);
});

test("a new member signs up and lands on the dashboard, signed in", async ({ page }) => {
  const { name } = await signUpNewMember(page, "Nora Newcomer");
  await expect(page.getByRole("heading", { name: "Welcome back, Nora" })).toBeVisible();
  await expect(page.getByTestId("current-user")).toContainText(name);
});
