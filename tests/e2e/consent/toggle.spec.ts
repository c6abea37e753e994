import { expect, test } from "@playwright/test";
import { signUpNewMember } from "../support/auth";
import { PLATFORM, indicator, optIn, optInDialog, optOut, optOutDialog, status, usageSwitch } from "./helpers";

test("sharing is off by default; switch → confirmation showing what is and is not collected → Confirm → on", async ({ page }) => {
  await signUpNewMember(page);
  await page.goto("/settings/profile");
  const toggle = usageSwitch(page);
  await expect(toggle).not.toBeChecked();
  await expect(status(page)).toContainText("never turned it on");
  await expect(indicator(page)).toHaveCount(0);

  await toggle.click();
  const dialog = optInDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("heading", { name: "What is collected" })).toBeVisible();
  await expect(dialog.getByText("Clicks, scrolls and mouse movement")).toBeVisible();
  await expect(dialog.getByRole("heading", { name: "What is never collected" })).toBeVisible();
  await expect(dialog.getByText("Messages to other users")).toBeVisible();
  await expect(dialog.getByText("Keystrokes and anything you type, including passwords")).toBeVisible();
  await expect(toggle).not.toBeChecked(); // nothing changes before confirming

  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog).toBeHidden();
  await expect(toggle).toBeChecked();
  await expect(toggle).toBeFocused();
  await expect(status(page)).toContainText("On");
  await expect(status(page)).toContainText("Last changed");
  await expect(indicator(page)).toBeVisible();
  await expect(indicator(page)).toHaveAttribute("href", "/settings/profile");

  // The server holds the decision, not the page.
  await page.reload();
  await expect(usageSwitch(page)).toBeChecked();
  await expect(indicator(page)).toBeVisible();
});

test("Cancel and Escape leave sharing off, and return focus to the switch", async ({ page }) => {
  await signUpNewMember(page);
  await page.goto("/settings/profile");
  const toggle = usageSwitch(page);

  await toggle.click();
  await optInDialog(page).getByRole("button", { name: "Cancel" }).click();
  await expect(optInDialog(page)).toBeHidden();
  await expect(toggle).not.toBeChecked();
  await expect(toggle).toBeFocused();

  await toggle.click();
  await expect(optInDialog(page)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(optInDialog(page)).toBeHidden();
  await expect(toggle).not.toBeChecked();
  await expect(toggle).toBeFocused();

  await page.reload();
  await expect(usageSwitch(page)).not.toBeChecked();
  await expect(indicator(page)).toHaveCount(0);
});

test("turning sharing off asks to confirm, offers to delete what was shared, and can be repeated", async ({ page }) => {
  await signUpNewMember(page);
  await page.goto("/settings/profile");
  await optIn(page);

  await usageSwitch(page).click();
  const dialog = optOutDialog(page);
  await expect(dialog.getByRole("checkbox", { name: "Also delete what I have shared so far" })).not.toBeChecked();
  await page.keyboard.press("Escape");
  await expect(usageSwitch(page)).toBeChecked(); // Escape changes nothing
  await expect(indicator(page)).toBeVisible();

  await optOut(page, { alsoDelete: true });
  await expect(status(page)).toContainText("Off");
  await expect(indicator(page)).toHaveCount(0);
  await optIn(page);
  await optOut(page);
  await page.reload();
  await expect(usageSwitch(page)).not.toBeChecked();
  await expect(status(page)).toContainText("nothing is being shared");
});

test("keyboard only: reach the switch, confirm in the dialog (focus trapped), and turn it off again", async ({ page }) => {
  await signUpNewMember(page);
  await page.goto("/settings/profile");
  const toggle = usageSwitch(page);

  for (let presses = 0; presses < 60; presses++) {
    if (await toggle.evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press("Tab");
  }
  await expect(toggle).toBeFocused();

  await page.keyboard.press("Space");
  const dialog = optInDialog(page);
  await expect(dialog).toBeVisible();
  const cancel = dialog.getByRole("button", { name: "Cancel" });
  const confirm = dialog.getByRole("button", { name: "Confirm" });
  await expect(cancel).toBeFocused(); // the safe choice is first
  await page.keyboard.press("Tab");
  await expect(confirm).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(cancel).toBeFocused(); // focus stays inside the dialog
  await page.keyboard.press("Shift+Tab");
  await expect(confirm).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(toggle).toBeChecked();
  await expect(toggle).toBeFocused();

  await page.keyboard.press("Space");
  const off = optOutDialog(page);
  await expect(off).toBeVisible();
  await expect(off.getByRole("checkbox", { name: "Also delete what I have shared so far" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(off.getByRole("button", { name: "Confirm" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(off).toBeHidden();
  await expect(toggle).not.toBeChecked();
  await expect(toggle).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "Usage sharing is off." })).toBeAttached();
});

test(`the switch is labelled with the platform name (${PLATFORM}) and says Global Privacy Control is honoured`, async ({ page }) => {
  await signUpNewMember(page);
  await page.goto("/settings/profile");
  await expect(usageSwitch(page)).toBeVisible();
  await expect(page.getByTestId("gpc-notice")).toContainText("We honour Global Privacy Control");
});
