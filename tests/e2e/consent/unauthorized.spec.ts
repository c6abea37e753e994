import { expect, test } from "@playwright/test";

test("consent handlers answer 401 to a signed-out caller", async ({ request }) => {
  const calls = [
    request.get("/api/consent"),
    request.post("/api/consent", { data: { granted: true, policyVersion: 1, source: "SETTINGS" } }),
    request.get("/api/consent/ledger"),
    request.post("/api/consent/prompt-dismissal"),
  ];
  for (const response of await Promise.all(calls)) {
    expect(response.status()).toBe(401);
    expect((await response.json()).error.code).toBe("UNAUTHORIZED");
  }
});

test("the privacy and profile settings pages send a signed-out visitor to sign in", async ({ page }) => {
  for (const path of ["/settings/privacy", "/settings/profile"]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(path)}`));
  }
});
