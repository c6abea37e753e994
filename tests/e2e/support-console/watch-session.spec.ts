import { expect, test, type Page, type Response } from "@playwright/test";
import { signInAs, signUpNewMember } from "../support/auth";
import { optIn } from "../consent/helpers";

/**
 * The support journey end to end: a member who shares usage information browses two pages and hits an error; an
 * agent finds the session by the member's email, gives a reason, watches it (asserting on the DOM inside the replay
 * frame), jumps to the error from the Errors tab, copies a link to that moment and opens it; the member sees the view.
 */
const isChunkAck = (response: Response) => /\/api\/ingest\/sessions\/[^/]+\/chunks$/.test(new URL(response.url()).pathname) && response.status() === 200;
const ERROR_MESSAGE = "E2E boom: the export button exploded";
const REASON = "Ticket #4821: export does nothing";

const replayFrame = (page: Page) => page.frameLocator(".replayer-wrapper iframe");
const playerClock = (page: Page) => page.locator(".rr-timeline__time").first();


async function openReplay(page: Page) {
  const dialog = page.getByRole("dialog", { name: "Why are you opening this session?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Open replay" })).toBeDisabled();
  await dialog.getByLabel("Reason or ticket reference").fill(REASON);
  await dialog.getByRole("button", { name: "Open replay" }).click();
  await expect(dialog).toBeHidden();
}

test("an agent finds a member's session by email, watches it, jumps to the error, and the member sees the view", async ({ browser }) => {
  test.setTimeout(150_000);

  // --- The member: opt in, browse the dashboard and the programs page, hit an error there. ---
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  const { email } = await signUpNewMember(member, "Riley Replay");
  await member.goto("/settings/profile");
  await optIn(member);
  await member.goto("/");
  await expect(member.getByRole("heading", { name: /Welcome back, Riley/ })).toBeVisible();
  await member.mouse.move(200, 300);
  await member.waitForTimeout(1_500);
  await member.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Programs" }).click();
  await member.waitForURL("**/programs");
  await expect(member.getByRole("heading", { name: "Programs", level: 1 })).toBeVisible();
  await member.waitForTimeout(1_500);
  await member.evaluate((message) => {
    setTimeout(() => {
      throw new Error(message);
    });
  }, ERROR_MESSAGE);
  await member.mouse.move(400, 300);
  // The error is in a stored chunk once an upload after it is acknowledged.
  await member.waitForResponse(isChunkAck, { timeout: 20_000 });
  await member.waitForTimeout(500);
  await member.mouse.move(420, 320);
  await member.waitForResponse(isChunkAck, { timeout: 20_000 });

  // --- The agent: find the session by email, give a reason, watch. ---
  const agentContext = await browser.newContext();
  await agentContext.grantPermissions(["clipboard-read", "clipboard-write"]);
  const agent = await agentContext.newPage();
  await signInAs(agent, "SUPPORT");
  await agent.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Support" }).click();
  await agent.getByLabel("User email or name").fill(email);
  await agent.getByRole("button", { name: "Search" }).click();
  const rows = agent.getByTestId("session-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Riley Replay");
  await expect(rows.first()).toContainText(email);
  await rows.first().getByRole("link", { name: /Watch/ }).click();
  await agent.waitForURL(/\/support\/sessions\/[^/?]+$/);

  // Nothing recorded is fetched before the reason is given.
  const early: string[] = [];
  agent.on("request", (request) => {
    if (/\/(events|timeline)\?/.test(request.url())) early.push(request.url());
  });
  await agent.waitForTimeout(500);
  expect(early).toEqual([]);
  await openReplay(agent);
  // The header (hidden from assistive tech while the modal dialog was open) names the user.
  await expect(agent.getByRole("heading", { name: /Session of Riley Replay/ })).toBeVisible();

  // The replay shows what the member saw: their signed-in platform page, inside the replay frame.
  await expect(replayFrame(agent).getByText(/Riley Replay/).first()).toBeVisible({ timeout: 20_000 });
  await expect(agent.getByTestId("replay-status")).toContainText(/Recording loaded/, { timeout: 20_000 });

  // The side tabs list both pages and the error; clicking the error seeks the player there and highlights it.
  const events = agent.getByRole("complementary", { name: "Session events" });
  await expect(events.getByRole("tab", { name: /Pages/ })).toHaveAttribute("aria-selected", "true");
  await expect(events.getByRole("tabpanel").getByRole("button", { name: /\/programs/ }).first()).toBeVisible();
  await events.getByRole("tab", { name: /Errors/ }).click();
  const errorItem = events.getByRole("tabpanel").getByRole("button", { name: new RegExp(ERROR_MESSAGE) });
  await expect(errorItem).toBeVisible();
  await errorItem.click();
  await expect(errorItem.locator("xpath=..")).toHaveAttribute("aria-current", "true");
  await expect(replayFrame(agent).getByRole("heading", { name: "Programs", level: 1 })).toBeVisible({ timeout: 10_000 });
  await expect(playerClock(agent)).not.toHaveText("00:00");
  await expect(agent.getByRole("button", { name: new RegExp(`^Error at .*${ERROR_MESSAGE}`) })).toBeVisible();

  // Copy a link to this moment and open it: the reason is asked again and the player opens, paused, at that time.
  await agent.getByRole("button", { name: "Copy link at current time" }).click();
  const copied = await agent.evaluate(() => navigator.clipboard.readText());
  const moment = /\/support\/sessions\/[^/?]+\?t=(\d+):(\d\d)$/.exec(copied);
  expect(moment, copied).not.toBeNull();
  await agent.goto(copied);
  await openReplay(agent);
  // ?t= has whole-second resolution and a seek is clamped to the last recorded event, so the clock may read the
  // second before the link's moment (never later, never the start).
  const linkSeconds = Number(moment![1]) * 60 + Number(moment![2]);
  const clockLabel = (seconds: number) => `${String(Math.floor(seconds / 60)).padStart(2, "0")}:${String(seconds % 60).padStart(2, "0")}`;
  await expect(playerClock(agent)).toHaveText(new RegExp(`^(${clockLabel(linkSeconds)}|${clockLabel(Math.max(1, linkSeconds - 1))})$`), { timeout: 20_000 });
  await expect(replayFrame(agent).getByText(/Riley Replay/).first()).toBeVisible();
  expect(await agent.evaluate(() => new URL(location.href).searchParams.get("t"))).toBe(`${moment![1]}:${moment![2]}`);

  // --- The member sees who watched, and why. ---
  await member.goto("/settings/privacy");
  await expect(member.getByText(REASON).first()).toBeVisible();
  await expect(member.getByText(/Sam Support/).first()).toBeVisible();

  await agentContext.close();
  await memberContext.close();
});
