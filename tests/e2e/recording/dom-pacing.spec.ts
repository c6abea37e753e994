import { expect, test } from "@playwright/test";
import { chunkUploadOf, expectEverySentChunkAcknowledged, readStoredChunks, startRecordingNewMember, trackChunkUploads } from "../support/recording";

/**
 * The recorder lets rrweb serialise DOM changes in a task of its own rather than in the page's (lib/recorder/dom-pacing.ts).
 * These check what that must not cost: a change with nothing after it is still recorded, and an action on a node the
 * page has just added is recorded after the node and against its id — even when the action comes before the
 * recorder's own wake-up; the wake-up itself never leaves the browser; and an opt-out discards what the recorder still
 * holds anywhere (rrweb's frozen changes, the scrub queue, the open batch).
 */

type AddedNode = { node: { id: number; textContent?: string; attributes?: Record<string, unknown> } };
type StoredEvent = { type: number; data: { source?: number; type?: number; id?: number; adds?: AddedNode[] } };

const MUTATION = 0;
const MOUSE_INTERACTION = 2;
const CLICK = 2;
const addsOf = (event: StoredEvent) => (event.type === 3 && event.data.source === MUTATION ? (event.data.adds ?? []) : []);

test("DOM changes are recorded after the task that made them, before and against the user's next action", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const sessionId = await startRecordingNewMember(page);
  const uploads = trackChunkUploads(page);

  // A change with no user action after it: only the recorder's own wake-up serialises it.
  await page.evaluate(() => {
    const paragraph = document.createElement("p");
    paragraph.textContent = "paced-quiet-change";
    document.querySelector("main")!.append(paragraph);
  });
  // A button added, then clicked in the same task once the mutation observers have run (so rrweb is frozen, holding
  // the new button unserialised) — the click must still name the button.
  await page.evaluate(async () => {
    const button = document.createElement("button");
    button.id = "paced-button";
    button.textContent = "paced-clicked-change";
    document.querySelector("main")!.append(button);
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    button.click();
  });

  await expect.poll(() => [...uploads.sent.values()].some((json) => json.includes("paced-button")), { timeout: 30_000 }).toBe(true);
  await expectEverySentChunkAcknowledged(uploads);
  const events = (await readStoredChunks(browser, baseURL!, sessionId, "e2e: DOM pacing order")).flatMap((chunk) => chunk.events as StoredEvent[]);

  expect(events.some((event) => addsOf(event).some((add) => add.node.textContent === "paced-quiet-change"))).toBe(true);
  const added = events.findIndex((event) => addsOf(event).some((add) => add.node.attributes?.id === "paced-button"));
  expect(added).toBeGreaterThanOrEqual(0);
  const buttonId = addsOf(events[added]).find((add) => add.node.attributes?.id === "paced-button")!.node.id;
  const click = events.findIndex((event) => event.type === 3 && event.data.source === MOUSE_INTERACTION && event.data.type === CLICK && event.data.id === buttonId);
  expect(click).toBeGreaterThan(added);
  expect([...uploads.sent.values()].join("\n")).not.toContain("candor-internal/wake");
});

test("an opt-out from another tab discards what the recorder holds: nothing recorded before it leaves after it", async ({ page, context }) => {
  test.setTimeout(60_000);
  const acknowledged = page.waitForResponse((response) => chunkUploadOf(response.request()) !== null && response.status() === 200, { timeout: 20_000 });
  await startRecordingNewMember(page);
  const other = await context.newPage();
  await other.goto("/");
  await acknowledged; // the recorder's first flush: the next one is seconds away

  const sentAfter: string[] = [];
  page.on("request", (request) => {
    const upload = chunkUploadOf(request);
    if (upload) sentAfter.push(upload.json);
  });
  await page.evaluate(() => {
    const paragraph = document.createElement("p");
    paragraph.textContent = "held-when-opting-out";
    document.querySelector("main")!.append(paragraph);
  });
  // What the settings page of the other tab broadcasts when the user turns sharing off.
  await other.evaluate(() => new BroadcastChannel("candor-consent").postMessage({ granted: false, policyVersion: null, at: new Date().toISOString() }));
  await page.mouse.move(200, 300);
  await page.waitForTimeout(7_000); // longer than a flush interval
  expect(sentAfter).toEqual([]);
});
