import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signUpNewMember } from "../support/auth";

async function startConversation(page: Page, subject: string, { tryEmptySubject = false } = {}) {
  await page.goto("/messages");
  await page.getByRole("link", { name: "New message" }).click();
  await page.getByLabel("To", { exact: true }).selectOption({ label: "Lena Fischer" });
  if (tryEmptySubject) {
    await page.getByRole("button", { name: "Send message" }).click();
    await expect(page.getByText("Enter a subject.")).toBeVisible();
    await expect(page.getByText("Write a message first.")).toBeVisible();
    await expect(page.getByLabel("To", { exact: true }).locator("option:checked")).toHaveText("Lena Fischer");
  }
  await page.getByLabel("Subject").fill(subject);
  await page.getByLabel("Message").fill("Hi Lena, can we talk about the autumn campaign?");
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
}

test("a member starts a conversation, replies and sees the reply, all inside the blocked region", async ({ page }) => {
  await signUpNewMember(page, "Maya Messenger");
  const subject = `Autumn campaign ${randomBytes(3).toString("hex")}`;
  await startConversation(page, subject, { tryEmptySubject: true });

  await page.getByRole("button", { name: "Send", exact: true }).click();
  await expect(page.getByText("Write a message first.")).toBeVisible();

  const reply = `Following up with the banner sizes ${randomBytes(3).toString("hex")}`;
  await page.getByLabel("Reply").fill(reply);
  await page.getByRole("button", { name: "Send", exact: true }).click();
  const messages = page.getByRole("list", { name: "Messages" });
  await expect(messages.getByRole("listitem").filter({ hasText: reply })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Message sent." })).toBeVisible();
  await expect(page.getByLabel("Reply")).toHaveValue("");

  // The recorder blocks this element: the thread and the composer must both be inside it.
  const blocked = page.locator("[data-private].rr-block");
  await expect(blocked).toHaveCount(1);
  await expect(blocked).toContainText(reply);
  await expect(blocked.getByLabel("Reply")).toBeVisible();

  await page.getByRole("link", { name: "Messages", exact: true }).first().click();
  await expect(page.getByRole("link", { name: new RegExp(subject) })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(subject) })).toContainText("with Lena Fischer");
});

test("a member cannot open someone else's conversation", async ({ page, browser }) => {
  await signUpNewMember(page, "Tess Thread");
  const subject = `Just between us ${randomBytes(3).toString("hex")}`;
  await startConversation(page, subject);
  const threadUrl = page.url();

  const other = await browser.newContext();
  const outsider = await other.newPage();
  await signUpNewMember(outsider, "Olly Outsider");
  const response = await outsider.goto(threadUrl);
  expect(response?.status()).toBe(404);
  await expect(outsider.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(outsider.getByText(subject)).toHaveCount(0);
  await outsider.goto("/messages");
  await expect(outsider.getByText("No conversations yet.")).toBeVisible();
  await other.close();
});
