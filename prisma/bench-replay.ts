/**
 * `npm run bench:replay`: how fast the support console shows a recording, in real Chromium against a production build
 * on PostgreSQL. For a 10- and a 60-minute session (BENCH_REPLAY_MINUTES, default "10,60"):
 * - time to first frame: from "Open replay" (the reason given) until the first snapshot is visible in the replay frame;
 * - time to seek to the end: the same page opened at a moment in the last chunk (`?t=m:ss`, as a copied link does),
 *   from "Open replay" until that moment's DOM is visible — the stream has to arrive up to the end first.
 * Targets: first frame ≤ 1 s, seek ≤ 2 s. Each is measured BENCH_ROUNDS times (default 3); the median is printed.
 *
 * The recordings are written in-process with the app's own ingest (`ingestChunk`: scrubbed, indexed, encrypted with the
 * server's master key) rather than over HTTP, whose per-user rate limit would make an hour of chunks take minutes;
 * a chunk every 5 s and a full snapshot every 5 minutes, as the recorder sends them (RecordingGenerator).
 * Runs with the `react-server` condition so the app's `server-only` modules load outside Next.
 */
import { chromium } from "@playwright/test";
import { createPrismaClient } from "../lib/db/client";
import { RecordingGenerator } from "./bench-recording";
import { benchEmail, createScratchDatabase, HttpBrowser, startProductionServer } from "./bench-support";

const MINUTES = (process.env.BENCH_REPLAY_MINUTES ?? "10,60").split(",").map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CHUNK_MS = 5_000;
const START = "BENCH-START";
const END = "BENCH-END";

const database = await createScratchDatabase({ users: 2, roles: { 2: "SUPPORT" } });
let stopServer = async () => {};
const { client: db, close } = createPrismaClient({ kind: "postgres", url: database.url });
try {
  const { base, masterKey, stop } = await startProductionServer({ databaseUrl: database.url });
  stopServer = stop;
  // The bench writes recordings the server must decrypt: same database client, same master key.
  process.env.CANDOR_MASTER_KEY = masterKey;
  (globalThis as unknown as { candorDb?: typeof db }).candorDb = db;
  const { grantConsent } = await import("../lib/consent/grant-consent");
  const { startRecordingSession } = await import("../lib/recording/start-recording-session");
  const { ingestChunk } = await import("../lib/recording/ingest-chunk");

  const member = "bench1";
  await grantConsent({ userId: member, policyVersion: 1, source: "SETTINGS" });
  const recordings: { minutes: number; sessionId: string; endOffsetMs: number }[] = [];
  for (const minutes of MINUTES) {
    const started = performance.now();
    const { sessionId } = await startRecordingSession({ userId: member, entryPath: "/programs" });
    // Dated as if it began `minutes` ago, so every event is inside ingest's accepted window.
    const startedAt = new Date(Date.now() - minutes * 60_000 - 60_000);
    await db.recordingSession.update({ where: { id: sessionId }, data: { startedAt } });
    const chunks = (minutes * 60_000) / CHUNK_MS;
    const recording = new RecordingGenerator();
    for (let seq = 0; seq < chunks; seq++) {
      const last = seq === chunks - 1;
      const events = recording.chunk({ seq, t: startedAt.getTime() + seq * CHUNK_MS, snapshot: seq % 60 === 0, marker: seq === 0 ? START : last ? END : undefined });
      await ingestChunk({ userId: member, sessionId, payload: { seq, clockOffsetMs: 0, events } });
    }
    const stored = await db.recordingChunk.aggregate({ where: { sessionId }, _sum: { storedBytes: true }, _count: true });
    console.log(`${minutes}-minute session: ${stored._count} chunks, ${((stored._sum.storedBytes ?? 0) / 1024 / 1024).toFixed(1)} MB stored, written in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    // The END marker is dated 5 ms into the last chunk; the player's clock counts from the first event.
    recordings.push({ minutes, sessionId, endOffsetMs: (chunks - 1) * CHUNK_MS + 1_000 });
  }

  const agent = new HttpBrowser(base);
  await agent.signIn(benchEmail(2));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
  });
  try {
    /** Opens the session page (optionally at `?t=`), gives a reason, and times "Open replay" → `marker` in the frame. */
    async function timeReplay(sessionId: string, marker: string, offsetMs?: number) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addCookies([...agent.cookies].map(([name, value]) => ({ name, value, url: base })));
      const page = await context.newPage();
      const at = offsetMs === undefined ? "" : `?t=${Math.floor(offsetMs / 60_000)}:${String(Math.floor(offsetMs / 1000) % 60).padStart(2, "0")}`;
      await page.goto(`${base}/support/sessions/${sessionId}${at}`);
      const dialog = page.getByRole("dialog", { name: "Why are you opening this session?" });
      await dialog.getByLabel("Reason or ticket reference").fill("Benchmark");
      const began = performance.now();
      await dialog.getByRole("button", { name: "Open replay" }).click();
      await page.frameLocator(".replayer-wrapper iframe").getByText(marker, { exact: true }).waitFor({ state: "visible", timeout: 120_000 });
      const elapsed = performance.now() - began;
      await context.close();
      return elapsed;
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const list = (values: number[]) => values.map((value) => value.toFixed(0)).join(", ");

    // One unmeasured open loads the console's bundles and the player module into the server's and browser's caches.
    await timeReplay(recordings[0].sessionId, START);
    console.log(`\nsession   first frame ms (median; rounds)        seek to end ms (median; rounds)`);
    for (const { minutes, sessionId, endOffsetMs } of recordings) {
      const first: number[] = [];
      const seek: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        first.push(await timeReplay(sessionId, START));
        seek.push(await timeReplay(sessionId, END, endOffsetMs));
      }
      console.log(`${String(minutes).padStart(3)} min   ${median(first).toFixed(0).padStart(6)}  (${list(first)})`.padEnd(50) + `${median(seek).toFixed(0).padStart(6)}  (${list(seek)})`);
    }
  } finally {
    await browser.close();
  }
} finally {
  await stopServer();
  await close();
  await database.drop();
}
