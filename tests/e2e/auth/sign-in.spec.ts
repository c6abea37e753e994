import { expect, test } from "@playwright/test";
import { signIn, signInAs, type DemoRole } from "../support/auth";
import { demoUser } from "../../../prisma/demo-accounts";

const LINKS_BY_ROLE: Record<DemoRole, string[]> = {
  MEMBER: ["Dashboard", "Programs", "Messages", "Settings"],
  SUPPORT: ["Dashboard", "Programs", "Messages", "Settings", "Support"],
  ANALYST: ["Dashboard", "Programs", "Messages", "Settings", "Insights"],
  ADMIN: ["Dashboard", "Programs", "Messages", "Settings", "Support", "Insights", "Admin"],
};

for (const role of Object.keys(LINKS_BY_ROLE) as DemoRole[]) {
  test(`${role.toLowerCase()} signs in and sees only the links for the role`, async ({ page }) => {
    await signInAs(page, role);
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("listitem")).toHaveText(LINKS_BY_ROLE[role]);
    await expect(page.getByTestId("current-user")).toContainText(demoUser(role).name);
  });
}

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(demoUser("MEMBER").email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toHaveText("That email and password do not match an account.");
  await expect(page).toHaveURL(/\/signin/);
});

test("signing out ends the session", async ({ page }) => {
  await signInAs(page, "MEMBER");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2F/);
});

test("a signed-out visitor is sent to sign-in and back to the page asked for", async ({ page }) => {
  await page.goto("/programs");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fprograms/);
  await page.getByLabel("Email").fill(demoUser("MEMBER").email);
  await page.getByLabel("Password").fill("demo-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/programs$/);
});

test("a member opening a staff page gets the 403 page", async ({ page }) => {
  await signIn(page, demoUser("MEMBER").email);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
});

test("an anonymous API call gets 401 JSON", async ({ request }) => {
  const response = await request.get("/api/me");
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: { code: "UNAUTHORIZED", message: "Sign in first." } });
});

test("pages carry the security headers", async ({ request }) => {
  const response = await request.get("/signin");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});
