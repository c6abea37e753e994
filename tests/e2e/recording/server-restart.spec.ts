import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { expect, test, type Page, type Request } from "@playwright/test";
import { signInAs, signUpNewMember } from "../support/auth";

/**
 * The server is killed (SIGKILL, no shutdown) and restarted in the middle of a recording: the recorder keeps what the
 * dead server never acknowledged and retries, and the idempotent ingest stores every chunk exactly once. This spec
 * runs its own server (port E2E_PORT + 10, its own embedded database) so it can kill it without touching the shared one.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 10;
const BASE = `http://localhost:${PORT}`;
const DATA_DIR = `.data/e2e-${PORT}-restart`;
const env = {
  ...process.env,
  DATABASE_URL: `file:${DATA_DIR}/pglite`,
  NEXTAUTH_URL: BASE,
  NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
  CANDOR_MASTER_KEY: "ZTJlLW1hc3Rlci1rZXktbm90LWZvci1wcm9kdWN0aW8=",
  NEXT_TELEMETRY_DISABLED: "1",
};

let server: ChildProcess | null = null;

async function startServer() {
  // Its own process group, so the kill reaches the server and anything it forked.
  server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(PORT)], { env, detached: true, stdio: "ignore" });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/signin`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("The restarted server did not come up.");
}

function killServer() {
  if (server?.pid) process.kill(-server.pid, "SIGKILL");
  server = null;
}

test.describe.configure({ mode: "serial", timeout: 300_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  rmSync(DATA_DIR, { recursive: true, force: true });
  const setup = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "prisma/setup.ts"], { env, encoding: "utf8" });
  if (setup.status !== 0) throw new Error(`Database setup failed: ${setup.stderr.slice(-500)}`);
  await startServer();
});

test.afterAll(() => {
  killServer();
});

/** Activity that rrweb records (mouse moves and DOM changes), without navigating away. */
async function activity(page: Page, rounds: number) {
  for (let i = 0; i < rounds; i++) {
    await page.mouse.move(50 + ((i * 37) % 400), 150 + ((i * 53) % 300));
    await page.evaluate((n) => {
      const marker = document.createElement("p");
      marker.textContent = `activity ${n}`;
      document.querySelector("main")?.append(marker);
    }, i);
    await page.waitForTimeout(250);
  }
}

test("a server killed and restarted mid-session loses no chunk and duplicates none", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: BASE });
  const page = await context.newPage();
  const sentSeqs = new Set<number>();
  const acknowledged = new Set<number>();
  const seqOf = (request: Request) => {
    if (!/\/chunks$/.test(new URL(request.url()).pathname)) return null;
    const body = request.postDataBuffer();
    if (!body) return null;
    return (JSON.parse((body[0] === 0x1f && body[1] === 0x8b ? gunzipSync(body) : body).toString("utf8")) as { seq: number }).seq;
  };
  page.on("request", (request) => {
    const seq = seqOf(request);
    if (seq !== null) sentSeqs.add(seq);
  });
  let failedUploads = 0;
  page.on("requestfailed", (request) => {
    if (seqOf(request) !== null) failedUploads++;
  });
  page.on("response", (response) => {
    const seq = seqOf(response.request());
    if (seq !== null && response.status() === 200) acknowledged.add(seq);
  });

  await signUpNewMember(page);
  const state = await (await page.request.get("/api/consent")).json();
  expect((await page.request.post("/api/consent", { data: { granted: true, policyVersion: state.policy.version, source: "SETTINGS" } })).ok()).toBe(true);
  const started = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/ingest/sessions");
  await page.goto("/");
  const { sessionId } = (await (await started).json()) as { sessionId: string };

  await activity(page, 24); // ~6 s: at least one chunk acknowledged
  await expect.poll(() => acknowledged.size, { timeout: 20_000 }).toBeGreaterThan(0);

  killServer();
  await activity(page, 32); // ~8 s of recording while the server is down: uploads fail and are kept
  await startServer();
  await activity(page, 24);

  // Everything the browser ever tried to send is eventually acknowledged by the restarted server.
  await expect.poll(() => [...sentSeqs].filter((seq) => !acknowledged.has(seq)), { timeout: 120_000, intervals: [1000] }).toEqual([]);
  expect(sentSeqs.size).toBeGreaterThan(2);
  expect(failedUploads).toBeGreaterThan(0); // the kill really interrupted uploads

  const support = await browser.newContext({ baseURL: BASE });
  const supportPage = await support.newPage();
  await signInAs(supportPage, "SUPPORT");
  const opened = await supportPage.request.post(`/api/support/sessions/${sessionId}/views`, { data: { reason: "e2e: restart check" } });
  const { view } = (await opened.json()) as { view: { id: string } };
  const stream = await supportPage.request.get(`/api/support/sessions/${sessionId}/events?view=${view.id}`);
  const storedSeqs = (await stream.text())
    .trim()
    .split("\n")
    .map((line) => (JSON.parse(line) as { seq: number }).seq);
  expect(storedSeqs).toEqual([...new Set(storedSeqs)]); // no chunk twice
  const ascending = (values: Iterable<number>) => [...values].sort((a, b) => a - b);
  expect(ascending(storedSeqs)).toEqual(ascending(sentSeqs)); // every chunk sent was stored
  await support.close();
  await context.close();
});
