import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { signUpNewMember } from "../support/auth";
import { optIn, optOut } from "./helpers";

test("the privacy page lists the consent history with policy versions, and the download is valid JSON", async ({ page }) => {
  const { email } = await signUpNewMember(page);
  await page.goto("/settings/profile");
  await optIn(page);
  await optOut(page);

  await page.goto("/settings/privacy");
  await expect(page.getByRole("heading", { name: "Usage sharing is off" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What is collected, and what is not" })).toBeVisible();
  await expect(page.getByText("Messages to other users")).toBeVisible();
  const rows = page.getByTestId("consent-history").getByRole("row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Turned on");
  await expect(rows.nth(0)).toContainText("Version 1");
  await expect(rows.nth(0)).toContainText("Profile settings");
  await expect(rows.nth(1)).toContainText("Turned off");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download your consent history (JSON)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^consent-history-\d{4}-\d{2}-\d{2}\.json$/);
  const document = JSON.parse(readFileSync((await download.path())!, "utf8"));
  expect(document.user.email).toBe(email);
  expect(document.records.map((record: { decision: string }) => record.decision)).toEqual(["granted", "revoked"]);
  expect(document.records[0]).toMatchObject({ policyVersion: 1, source: "settings", policySha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  expect(document.records[0].userAgent).toContain("Chrome");
  expect(document.policies).toEqual([expect.objectContaining({ version: 1, sha256: document.records[0].policySha256 })]);
});

test("'Delete my shared data' asks for confirmation, can be cancelled, and erases at once", async ({ page }) => {
  await signUpNewMember(page);
  await page.goto("/settings/privacy");
  const open = page.getByRole("button", { name: "Delete my shared data" });
  const dialog = page.getByRole("dialog", { name: "Delete your shared data?" });

  await open.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();

  await open.click();
  await dialog.getByRole("button", { name: "Delete everything" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: /Deleted|nothing to delete/ })).toBeVisible();
  await expect(page.getByText("No recorded sessions are stored.")).toBeVisible();
});
