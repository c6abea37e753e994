import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { signUpNewMember } from "../support/auth";

test("creating a program shows field errors, keeps what was typed, then succeeds", async ({ page }) => {
  await signUpNewMember(page, "Carla Creator");
  await page.goto("/programs");
  await page.getByRole("link", { name: "New program" }).click();
  await expect(page.getByRole("heading", { name: "New program" })).toBeVisible();

  await page.getByLabel("Website").fill("trail-kit.example");
  await page.getByLabel("Commission type").selectOption("FLAT");
  await page.getByLabel("Flat commission (USD)").fill("12.345");
  await page.getByLabel("Cookie duration (days)").fill("0");
  await page.getByRole("button", { name: "Create program" }).click();

  await expect(page.getByText("Enter a program name.")).toBeVisible();
  await expect(page.getByText("Enter a web address starting with http:// or https://, or leave it empty.")).toBeVisible();
  await expect(page.getByText("Enter an amount in dollars between 0.01 and 100000, with at most two decimals.")).toBeVisible();
  await expect(page.getByText("Enter a whole number of days between 1 and 365.")).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Website")).toHaveValue("trail-kit.example");
  await expect(page.getByLabel("Commission type")).toHaveValue("FLAT");
  await expect(page.getByLabel("Flat commission (USD)")).toHaveValue("12.345");
  await expect(page).toHaveURL(/\/programs\/new$/);

  const name = `Trail Kit ${randomBytes(3).toString("hex")}`;
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Description").fill("Packs and poles for long walks.");
  await page.getByLabel("Website").fill("https://trail-kit.example");
  await page.getByLabel("Flat commission (USD)").fill("149.99");
  await page.getByLabel("Cookie duration (days)").fill("45");
  await page.getByRole("button", { name: "Create program" }).click();

  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const terms = page.getByRole("region", { name: "Commission settings" });
  await expect(terms).toContainText("$149.99 flat");
  await expect(terms).toContainText("45 days");
  await expect(terms).toContainText("Carla Creator");
  await expect(page.getByRole("link", { name: "Edit program" })).toBeVisible();
});

test("the owner edits a program through a validation error; anyone else gets a 404", async ({ page, browser }) => {
  await signUpNewMember(page, "Otto Owner");
  const name = `Lantern Co ${randomBytes(3).toString("hex")}`;
  await page.goto("/programs/new");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Commission rate (%)").fill("10");
  await page.getByRole("button", { name: "Create program" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  await page.getByRole("link", { name: "Edit program" }).click();
  await expect(page.getByLabel("Commission rate (%)")).toHaveValue("10");
  await page.getByLabel("Commission rate (%)").fill("12.5");
  await page.getByLabel("Cookie duration (days)").fill("400");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Enter a whole number of days between 1 and 365.")).toBeVisible();
  await expect(page.getByLabel("Commission rate (%)")).toHaveValue("12.5");
  await expect(page.getByLabel("Name")).toHaveValue(name);

  await page.getByLabel("Cookie duration (days)").fill("60");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const terms = page.getByRole("region", { name: "Commission settings" });
  await expect(terms).toContainText("12.5 %");
  await expect(terms).toContainText("60 days");

  const programUrl = page.url();
  const other = await browser.newContext();
  const stranger = await other.newPage();
  await signUpNewMember(stranger, "Sid Stranger");
  const response = await stranger.goto(`${programUrl}/edit`);
  expect(response?.status()).toBe(404);
  await expect(stranger.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(stranger.getByLabel("Name")).toHaveCount(0);
  // The program itself is public to members, who may join it.
  await stranger.goto(programUrl);
  await stranger.getByRole("button", { name: "Join program" }).click();
  await expect(stranger.getByRole("region", { name: /Partners/ })).toContainText("Sid Stranger");
  await expect(stranger.getByRole("button", { name: "Leave program" })).toBeVisible();
  await other.close();
});
