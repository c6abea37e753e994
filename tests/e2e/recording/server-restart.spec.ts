import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { OwnServer } from "../support/own-server";
import {
  expectEachSentChunkStoredOnce,
  expectEverySentChunkAcknowledged,
  readStoredChunks,
  simulateRecordableActivity,
  startRecordingNewMember,
  trackChunkUploads,
} from "../support/recording";

/**
 * The server is killed (SIGKILL, no shutdown) and restarted in the middle of a recording: the recorder keeps what the
 * dead server never acknowledged and retries, and the idempotent ingest stores every chunk exactly once. This spec
 * runs its own server (port E2E_PORT + 10, its own embedded database) so it can kill it without touching the shared one.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100) + 10;
const DATA_DIR = `.data/e2e-${PORT}-restart`;
const server = new OwnServer(PORT, `file:${DATA_DIR}/pglite`);

test.describe.configure({ mode: "serial", timeout: 300_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  rmSync(DATA_DIR, { recursive: true, force: true });
  server.setUpDatabase();
  await server.start();
});

test.afterAll(() => {
  server.kill();
});

test("a server killed and restarted mid-session loses no chunk and duplicates none", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.baseURL });
  const page = await context.newPage();
  const uploads = trackChunkUploads(page);
  const sessionId = await startRecordingNewMember(page);

  await simulateRecordableActivity(page, "before", { rounds: 24 }); // ~6 s: at least one chunk acknowledged
  await expect.poll(() => uploads.acknowledged.size, { timeout: 20_000 }).toBeGreaterThan(0);

  server.kill();
  await simulateRecordableActivity(page, "down", { rounds: 32 }); // ~8 s of recording while the server is down: uploads fail and are kept
  await server.start();
  await simulateRecordableActivity(page, "after", { rounds: 24 });

  // Everything the browser ever tried to send is eventually acknowledged by the restarted server.
  const acknowledged = await expectEverySentChunkAcknowledged(uploads);
  expect(uploads.sent.size).toBeGreaterThan(2);
  expect(uploads.failedRequests).toBeGreaterThan(0); // the kill really interrupted uploads

  const stored = await readStoredChunks(browser, server.baseURL, sessionId, "e2e: restart check");
  expectEachSentChunkStoredOnce(stored.map((chunk) => chunk.seq), { acknowledged, sent: uploads.sent.keys() });
  await context.close();
});
