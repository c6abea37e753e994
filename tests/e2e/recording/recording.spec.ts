import { gunzipSync } from "node:zlib";
import { expect, test, type Page, type Response } from "@playwright/test";
import { signInAs, signUpNewMember } from "../support/auth";

/**
 * What leaves the browser and what is stored, end to end: recording only with consent, rrweb only downloaded with
 * consent, and nothing typed ever stored. Stored data is read back the way support reads it (audited replay view).
 */

// A string only rrweb's recorder code contains (the attribute it records scroll offsets under).
const RRWEB_MARKER = "rr_scrollLeft";
const SECRETS = {
  text: "plain-text-secret-4711",
  password: "password-secret-4712",
  textarea: "textarea-secret-4713",
  editable: "editable-secret-4714",
  private: "private-field-secret-4715",
  composer: "composer-message-secret-4716",
};

const isIngest = (url: string) => new URL(url).pathname.startsWith("/api/ingest/");
const isChunkResponse = (response: Response) => /\/api\/ingest\/sessions\/[^/]+\/chunks$/.test(new URL(response.url()).pathname);

/** Every script the page loads, by body, so a test can tell whether rrweb was among them. */
function collectScripts(page: Page) {
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") bodies.push(response.text().catch(() => ""));
  });
  return async () => (await Promise.all(bodies)).join("\n");
}

async function grantConsent(page: Page) {
  const state = await (await page.request.get("/api/consent")).json();
  const response = await page.request.post("/api/consent", { data: { granted: true, policyVersion: state.policy.version, source: "SETTINGS" } });
  expect(response.ok()).toBe(true);
}

test("a member who does not consent sends nothing and never downloads rrweb", async ({ page }) => {
  const ingestRequests: string[] = [];
  page.on("request", (request) => {
    if (isIngest(request.url())) ingestRequests.push(request.url());
  });
  const scripts = collectScripts(page);
  await signUpNewMember(page);
  for (const path of ["/", "/programs", "/messages", "/settings/profile"]) {
    await page.goto(path);
    await page.mouse.click(5, 300); // raw input: a consent prompt may be open, and that is fine
    await page.mouse.move(200, 400);
  }
  await page.waitForTimeout(6_000); // longer than a flush interval
  expect(ingestRequests).toEqual([]);
  expect(await scripts()).not.toContain(RRWEB_MARKER);
});

test("a consenting member's browsing arrives, and nothing typed into any field is stored", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const uploads: Buffer[] = [];
  page.on("request", (request) => {
    if (isIngest(request.url()) && request.method() === "POST") uploads.push(request.postDataBuffer() ?? Buffer.alloc(0));
  });
  const scripts = collectScripts(page);
  await signUpNewMember(page);
  await grantConsent(page);

  const started = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/ingest/sessions");
  await page.goto("/");
  const startResponse = await started;
  expect(startResponse.status()).toBe(201);
  const { sessionId } = (await startResponse.json()) as { sessionId: string };

  // Activity on other sites is never recorded (DESIGN promise 6): a request to another origin leaves no trace, and a
  // same-origin request keeps only its method, path and status, with query values removed.
  await page.evaluate(async () => {
    await fetch("/api/me?token=e2e-query-secret").catch(() => undefined);
    await fetch("https://other-platform.example/track?user=e2e-query-secret").catch(() => undefined);
  });

  // Every kind of field a user can type into, including one inside a private region.
  await page.evaluate(() => {
    const box = document.createElement("div");
    box.innerHTML = `
      <input id="e2e-text" aria-label="e2e text">
      <input id="e2e-password" type="password" aria-label="e2e password">
      <textarea id="e2e-textarea" aria-label="e2e textarea"></textarea>
      <div id="e2e-editable" contenteditable="true" aria-label="e2e editable" style="min-height:2em;border:1px solid"></div>
      <div data-private class="rr-block"><input id="e2e-private" aria-label="e2e private"></div>`;
    document.querySelector("main")!.append(box);
  });
  for (const [id, secret] of [
    ["e2e-text", SECRETS.text],
    ["e2e-password", SECRETS.password],
    ["e2e-textarea", SECRETS.textarea],
    ["e2e-editable", SECRETS.editable],
    ["e2e-private", SECRETS.private],
  ] as const) {
    await page.locator(`#${id}`).click();
    await page.keyboard.type(secret, { delay: 5 });
  }

  // A client-side navigation, then the real message composer (a full page load: the unload path runs too).
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Programs" }).click();
  await page.waitForURL("**/programs");
  await page.goto("/messages/new");
  const composer = page.locator("[data-private] textarea").first();
  await composer.click();
  await page.keyboard.type(SECRETS.composer, { delay: 5 });

  // Wait until a chunk sent after the typing is acknowledged.
  await page.waitForResponse((response) => isChunkResponse(response) && response.status() === 200, { timeout: 20_000 });
  await page.goto("/programs");
  await page.waitForResponse((response) => isChunkResponse(response) && response.status() === 200, { timeout: 20_000 });

  expect(await scripts()).toContain(RRWEB_MARKER);

  // What left the browser: gzip or (unload path) JSON — never a typed secret.
  const sent = uploads.map((body) => (body[0] === 0x1f && body[1] === 0x8b ? gunzipSync(body) : body).toString("utf8")).join("\n");
  expect(sent.length).toBeGreaterThan(0);
  for (const secret of Object.values(SECRETS)) expect(sent).not.toContain(secret);

  // What was stored, decrypted and decompressed, read the way support reads it.
  const support = await browser.newContext();
  const supportPage = await support.newPage();
  await signInAs(supportPage, "SUPPORT");
  const opened = await supportPage.request.post(`/api/support/sessions/${sessionId}/views`, { data: { reason: "e2e: verify masking" } });
  expect(opened.status()).toBe(201);
  const { view } = (await opened.json()) as { view: { id: string } };
  const stream = await supportPage.request.get(`/api/support/sessions/${sessionId}/events?view=${view.id}`);
  expect(stream.ok()).toBe(true);
  const stored = await stream.text();
  const chunks = stored
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { seq: number; events: { type: number; data: { source?: number; text?: string; tag?: string; payload?: { path?: string } } }[] });
  const events = chunks.flatMap((chunk) => chunk.events);
  expect(events.some((event) => event.type === 2)).toBe(true); // a full snapshot
  expect(events.some((event) => event.data.tag === "candor/page" && event.data.payload?.path === "/programs")).toBe(true);
  // Typing was recorded, masked: input events whose text is only asterisks.
  const inputs = events.filter((event) => event.type === 3 && event.data.source === 5 && typeof event.data.text === "string" && event.data.text.length > 0);
  expect(inputs.length).toBeGreaterThan(0);
  for (const input of inputs) expect(input.data.text).toMatch(/^\**$/);
  for (const secret of Object.values(SECRETS)) expect(stored).not.toContain(secret);
  const requests = events.filter((event) => event.data.tag === "candor/network").map((event) => event.data.payload?.path ?? "");
  expect(requests.some((path) => path.startsWith("/api/me"))).toBe(true);
  expect(stored).not.toContain("e2e-query-secret");
  expect(stored).not.toContain("other-platform.example");
  await support.close();
});

test("after an opt-out the server refuses the session's chunks and every tab stops sending", async ({ page, context }) => {
  await signUpNewMember(page);
  await grantConsent(page);
  const started = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/ingest/sessions");
  await page.goto("/");
  await started;
  const second = await context.newPage();
  const secondStarted = second.waitForResponse((response) => new URL(response.url()).pathname === "/api/ingest/sessions");
  await second.goto("/programs");
  await secondStarted;

  const state = await (await page.request.get("/api/consent")).json();
  expect((await page.request.post("/api/consent", { data: { granted: false, policyVersion: state.policy.version, source: "SETTINGS" } })).ok()).toBe(true);

  // The next upload (from either tab) is refused with CONSENT_REVOKED; that recorder stops and tells the other tab.
  const refusal = context.waitForEvent("response", { predicate: (response) => isChunkResponse(response) && response.status() === 403, timeout: 15_000 });
  await page.mouse.move(100, 100);
  await page.mouse.move(200, 200);
  const refused = await refusal;
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("CONSENT_REVOKED");

  const later: string[] = [];
  for (const tab of [page, second]) {
    tab.on("request", (request) => {
      if (isIngest(request.url())) later.push(request.url());
    });
  }
  for (const tab of [page, second]) {
    await tab.mouse.move(300, 300);
    await tab.mouse.click(300, 300);
  }
  await page.waitForTimeout(7_000);
  expect(later).toEqual([]);
});
