import { expect, test } from "@playwright/test";
import { signInAs, signUpNewMember } from "../support/auth";

test("an admin changes a member's role; it takes effect for the member and is in the audit log and its CSV", async ({ browser }) => {
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  const member = await signUpNewMember(memberPage, "Rolf Rolechange");
  await expect(memberPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Support" })).toHaveCount(0);

  const adminContext = await browser.newContext();
  const page = await adminContext.newPage();
  await signInAs(page, "ADMIN");
  await page.goto("/admin");
  await page.getByRole("searchbox", { name: "Search by name or email" }).fill(member.email);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 user matching" })).toBeVisible();

  const row = page.getByTestId(`user-row-${member.email}`);
  await expect(row.getByRole("combobox", { name: "Role for Rolf Rolechange" })).toHaveValue("MEMBER");
  await row.getByRole("combobox", { name: "Role for Rolf Rolechange" }).selectOption("SUPPORT");
  await row.getByRole("button", { name: "Save role for Rolf Rolechange" }).click();
  await expect(row.getByRole("status")).toHaveText("Role changed to Support.");

  // The member's next request sees the new role (it is read from the database, not the sign-in token).
  await memberPage.reload();
  await expect(memberPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Support" })).toBeVisible();

  await page.goto("/admin/audit?action=role.changed");
  const entry = page.getByRole("row").filter({ hasText: "Rolf Rolechange" }).first();
  await expect(entry).toContainText("role.changed");
  await expect(entry).toContainText("Ada Admin");
  await expect(entry).toContainText("MEMBER → SUPPORT");

  const csv = await page.request.get("/admin/audit/export?action=role.changed");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(csv.headers()["content-disposition"]).toMatch(/attachment; filename="candor-audit-\d{4}-\d{2}-\d{2}\.csv"/);
  const lines = (await csv.text()).trimEnd().split("\r\n");
  expect(lines[0]).toBe("at,action,actor_id,actor_name,target_id,target_name,detail");
  expect(lines.some((line) => line.includes(",role.changed,") && line.includes(",Ada Admin,") && line.includes(",Rolf Rolechange,"))).toBe(true);

  await memberContext.close();
  await adminContext.close();
});

test("an admin lowers the retention period, cannot set it above 90 days, and runs the job", async ({ page }) => {
  await signInAs(page, "ADMIN");
  await page.goto("/admin/settings");
  const field = () => page.getByRole("spinbutton", { name: "Delete recordings and usage data after (days)" });
  const save = () => page.getByRole("button", { name: "Save settings" }).click();
  await expect(field()).toHaveValue("90");

  try {
    await field().fill("91");
    await save();
    await expect(page.getByText("At most 90 days: that is the longest period users were promised.")).toBeVisible();
    await expect(field()).toHaveAttribute("aria-invalid", "true");

    await field().fill("30");
    await save();
    await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();
    await page.reload();
    await expect(field()).toHaveValue("30");
    await expect(page.getByText("Data older than 30 days is deleted")).toBeVisible();

    await page.goto("/admin/audit?action=settings.changed");
    await expect(page.getByRole("row").filter({ hasText: "retentionDays" }).first()).toContainText('"to":30');
  } finally {
    // This server is shared with every other suite (and the seeded 90 days of insights data): restore the default
    // before anything deletes with 30 days.
    await page.goto("/admin/settings");
    await field().fill("90");
    await save();
    await expect(page.getByRole("status").filter({ hasText: /Settings saved\.|Nothing changed\./ })).toBeVisible();
  }

  await page.getByRole("button", { name: "Run retention now" }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Deleted \d+ sessions? .* older than 90 days\.$/ })).toBeVisible();
  await expect(page.getByTestId("last-retention-run")).toContainText("(admin)");
});

test("the policy editor previews edits and refuses to publish an empty list", async ({ page }) => {
  await signInAs(page, "ADMIN");
  await page.goto("/admin/policy");
  await page.getByLabel("Summary").fill("A shorter summary for the preview.");
  await page.getByRole("button", { name: "Preview" }).click();
  const preview = page.getByRole("region", { name: "Preview of the opt-in dialog" });
  await expect(preview).toContainText("A shorter summary for the preview.");
  await expect(preview).toContainText("Messages to other users");

  await page.getByLabel("What is collected").fill("");
  await page.getByRole("button", { name: /^Publish version \d+…$/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("stops sharing until they review and confirm");
  await dialog.getByRole("button", { name: "Publish and ask everyone again" }).click();
  await expect(page.getByText("List at least one collected item, one per line.")).toBeVisible();
});
