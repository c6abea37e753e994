import { expect, test } from "@playwright/test";
import { signInAs } from "../support/auth";

/** The support console is for SUPPORT and ADMIN only: every page and API says so to everyone else. */
const PAGES = ["/support", "/support/users/some-user", "/support/sessions/some-session"];
const APIS: { method: "GET" | "POST"; path: string }[] = [
  { method: "GET", path: "/api/support/sessions" },
  { method: "GET", path: "/api/support/sessions/some-session" },
  { method: "POST", path: "/api/support/sessions/some-session/views" },
  { method: "GET", path: "/api/support/sessions/some-session/timeline?view=x" },
  { method: "GET", path: "/api/support/sessions/some-session/events?view=x" },
];

for (const role of ["MEMBER", "ANALYST"] as const) {
  test(`${role} gets the 403 page and 403 JSON from the support console`, async ({ page }) => {
    await signInAs(page, role);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Support" })).toHaveCount(0);
    for (const path of PAGES) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
    }
    for (const api of APIS) {
      const response = api.method === "GET" ? await page.request.get(api.path) : await page.request.post(api.path, { data: { reason: "x" } });
      expect(response.status(), api.path).toBe(403);
      expect((await response.json()).error.code).toBe("FORBIDDEN");
    }
  });
}

test("anonymous callers get 401 JSON from the support API, and the pages send them to sign in", async ({ page }) => {
  for (const api of APIS) {
    const response = api.method === "GET" ? await page.request.get(api.path) : await page.request.post(api.path, { data: { reason: "x" } });
    expect(response.status(), api.path).toBe(401);
    expect((await response.json()).error.code).toBe("UNAUTHORIZED");
  }
  await page.goto("/support");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsupport/);
});

test("an unknown session is a 404 page for support, not a broken player", async ({ page }) => {
  await signInAs(page, "SUPPORT");
  const response = await page.goto("/support/sessions/does-not-exist");
  expect(response?.status()).toBe(404);
});
