import { expect, type Page } from "@playwright/test";

export const PLATFORM = process.env.PLATFORM_NAME ?? "10KC";

// includeHidden: while a confirmation is open the rest of the page is (rightly) hidden from assistive technology.
export const usageSwitch = (page: Page) => page.getByRole("switch", { name: `Share usage information with ${PLATFORM}`, includeHidden: true });
export const indicator = (page: Page) => page.getByRole("link", { name: "Sharing usage info" });
export const optInDialog = (page: Page) => page.getByRole("dialog", { name: `Share usage information with ${PLATFORM}?` });
export const optOutDialog = (page: Page) => page.getByRole("dialog", { name: "Stop sharing usage information?" });
export const status = (page: Page) => page.getByTestId("usage-sharing-status");

/** On /settings/profile: switch on and confirm. */
export async function optIn(page: Page) {
  await usageSwitch(page).click();
  await optInDialog(page).getByRole("button", { name: "Confirm" }).click();
  await expect(optInDialog(page)).toBeHidden();
  await expect(usageSwitch(page)).toBeChecked();
}

/** On /settings/profile: switch off and confirm, optionally deleting what was shared. */
export async function optOut(page: Page, { alsoDelete = false } = {}) {
  await usageSwitch(page).click();
  const dialog = optOutDialog(page);
  if (alsoDelete) await dialog.getByRole("checkbox", { name: "Also delete what I have shared so far" }).check();
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog).toBeHidden();
  await expect(usageSwitch(page)).not.toBeChecked();
}
