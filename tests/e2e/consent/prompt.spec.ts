import { expect, test, type Page } from "@playwright/test";
import { signIn, signUpNewMember } from "../support/auth";
import { PLATFORM, indicator, optIn, optInDialog } from "./helpers";

const prompt = (page: Page) => page.getByRole("region", { name: `Help improve ${PLATFORM}?` });
const dashboard = (page: Page) => page.getByRole("heading", { name: /^Welcome back/ });

test("a member who never decided is asked once; 'Not now' records nothing and the prompt stays away", async ({ page }) => {
  const { email, password } = await signUpNewMember(page);
  await expect(prompt(page)).toBeVisible();
  await expect(prompt(page).getByRole("checkbox", { name: `Share usage information with ${PLATFORM}` })).not.toBeChecked();

  await prompt(page).getByRole("button", { name: "Not now" }).click();
  await expect(prompt(page)).toBeHidden();

  await page.reload();
  await expect(dashboard(page)).toBeVisible();
  await expect(prompt(page)).toHaveCount(0);

  // Not after signing in again either.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await signIn(page, email, password);
  await expect(dashboard(page)).toBeVisible();
  await expect(prompt(page)).toHaveCount(0);

  await page.goto("/settings/privacy");
  await expect(page.getByText("You have never turned usage sharing on or off.")).toBeVisible();
});

test("the prompt's opt-in checkbox leads to the same confirmation; Cancel keeps it off, Confirm turns sharing on", async ({ page }) => {
  await signUpNewMember(page);
  const checkbox = prompt(page).getByRole("checkbox", { name: `Share usage information with ${PLATFORM}` });

  await checkbox.click();
  await expect(optInDialog(page).getByText("Messages to other users")).toBeVisible();
  await optInDialog(page).getByRole("button", { name: "Cancel" }).click();
  await expect(checkbox).not.toBeChecked();
  await expect(checkbox).toBeFocused();
  await expect(indicator(page)).toHaveCount(0);

  await checkbox.click();
  await optInDialog(page).getByRole("button", { name: "Confirm" }).click();
  await expect(prompt(page).getByText("Thank you — usage sharing is on.")).toBeVisible();
  await expect(indicator(page)).toBeVisible();

  await page.reload();
  await expect(dashboard(page)).toBeVisible();
  await expect(prompt(page)).toHaveCount(0);
  await page.goto("/settings/privacy");
  await expect(page.getByTestId("consent-history").getByRole("row")).toHaveCount(1);
  await expect(page.getByTestId("consent-history")).toContainText("Sign-in prompt");
});

test.describe("under Global Privacy Control (Sec-GPC: 1)", () => {
  test.use({ extraHTTPHeaders: { "Sec-GPC": "1" } });

  test("the prompt is never shown, the settings page says the signal is honoured, and an explicit opt-in still works", async ({ page }) => {
    await signUpNewMember(page);
    await expect(dashboard(page)).toBeVisible();
    await expect(prompt(page)).toHaveCount(0);

    await page.goto("/settings/profile");
    await expect(page.getByTestId("gpc-notice")).toContainText("Your browser sends the Global Privacy Control signal, and we honour it");
    await optIn(page);
    await expect(indicator(page)).toBeVisible();
  });
});

test("navigator.globalPrivacyControl alone also keeps the prompt away", async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, "globalPrivacyControl", { get: () => true, configurable: true }));
  await signUpNewMember(page);
  await expect(dashboard(page)).toBeVisible();
  await expect(prompt(page)).toHaveCount(0);
  await page.goto("/settings/profile");
  await expect(page.getByTestId("gpc-notice")).toContainText("we honour it");
});
