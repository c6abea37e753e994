import { expect, test } from "@playwright/test";
import { signInAs } from "../support/auth";

const ADMIN_PAGES = ["/admin", "/admin/settings", "/admin/policy", "/admin/audit"];

for (const role of ["MEMBER", "SUPPORT", "ANALYST"] as const) {
  test(`a ${role.toLowerCase()} gets the 403 page on every admin page and 403 JSON from the audit export`, async ({ page }) => {
    await signInAs(page, role);
    for (const path of ADMIN_PAGES) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Administration" })).toHaveCount(0);
    }
    const csv = await page.request.get("/admin/audit/export");
    expect(csv.status()).toBe(403);
    expect(await csv.json()).toEqual({ error: { code: "FORBIDDEN", message: "Your role does not allow this." } });
  });
}

test("a signed-out visitor is sent to sign in from /admin and gets 401 JSON from the audit export", async ({ page }) => {
  await page.goto("/admin/audit");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin%2Faudit/);
  const csv = await page.request.get("/admin/audit/export");
  expect(csv.status()).toBe(401);
  expect((await csv.json()).error.code).toBe("UNAUTHORIZED");
});
