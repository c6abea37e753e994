import { expect, test } from "@playwright/test";
import { signUpNewMember } from "../support/auth";
import { indicator, optIn, optOutDialog, usageSwitch } from "./helpers";

test("an opt-in and an opt-out in one tab reach another open tab within a second, without a reload", async ({ page, context }) => {
  await signUpNewMember(page);
  await page.goto("/settings/profile");

  const tabB = await context.newPage();
  await tabB.goto("/");
  await expect(tabB.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(indicator(tabB)).toHaveCount(0);

  await optIn(page);
  await expect(indicator(tabB)).toBeVisible({ timeout: 1000 });

  // A third tab on the settings page follows too: its switch mirrors the change.
  const tabC = await context.newPage();
  await tabC.goto("/settings/profile");
  await expect(usageSwitch(tabC)).toBeChecked();

  await usageSwitch(page).click();
  await optOutDialog(page).getByRole("button", { name: "Confirm" }).click();
  await expect(indicator(tabB)).toBeHidden({ timeout: 1000 });
  // The switch shows what the server stored, so it follows once the revocation is written.
  await expect(usageSwitch(tabC)).not.toBeChecked();
  await expect(indicator(page)).toBeHidden();
  await expect(usageSwitch(page)).not.toBeChecked();
});
