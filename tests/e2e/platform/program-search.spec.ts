import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signUpNewMember } from "../support/auth";

test("searching finds a program by part of its name, in any case", async ({ page }) => {
  await signUpNewMember(page);
  const token = `Quokka${randomBytes(3).toString("hex")}`;
  const name = `${token} Travel Gear`;
  await page.goto("/programs/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Commission rate (%)").fill("8");
  await page.getByRole("button", { name: "Create program" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  await page.goto("/programs");
  await page.getByLabel("Search programs").fill(token.toLowerCase());
  await page.getByRole("button", { name: "Search" }).click();

  await expect(page).toHaveURL(new RegExp(`q=${token.toLowerCase()}`));
  const table = page.getByRole("table");
  await expect(table.getByRole("link", { name })).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(2); // the header and the one match
  await expect(table).toContainText("8 %");
  await expect(page.getByRole("status").filter({ hasText: "1 program matching" })).toBeVisible();
});
