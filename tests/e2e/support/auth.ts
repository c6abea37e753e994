import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demoUser } from "../../../prisma/demo-accounts";

export type DemoRole = "MEMBER" | "SUPPORT" | "ANALYST" | "ADMIN";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible({ timeout: 30_000 });
}

export const signInAs = (page: Page, role: DemoRole) => signIn(page, demoUser(role).email);

/** Signs up a brand-new member through the real form, so each test owns its user and its data. */
export async function signUpNewMember(page: Page, name = "E2E Member") {
  const email = `e2e-${randomBytes(5).toString("hex")}@test.invalid`;
  const password = "e2e-password-1";
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  // bcrypt + sign-in + first render: slow on a loaded 2-core machine, so allow more than the default.
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible({ timeout: 30_000 });
  return { email, password, name };
}
