/**
 * `npm run bench:ingest`: ingest throughput and latency of a production build on PostgreSQL, against the raw limit.
 *
 * 1. Creates a scratch database on BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres), applies
 *    the migrations, publishes the consent policy and creates the users; drops it afterwards (BENCH_KEEP=1 keeps it).
 * 2. `next build` into .next-bench (BENCH_SKIP_BUILD=1 reuses it), then `next start` on a free port from 3300 up.
 * 3. Signs every user in through next-auth (csrf, then the credentials callback), grants consent (POST /api/consent)
 *    and starts a recording session (POST /api/ingest/sessions) — all over HTTP, as the browser does.
 * 4. For each level of BENCH_SESSIONS (default "50,200"): that many sessions at once, each posting BENCH_CHUNKS
 *    (default 20) gzipped chunks back to back, one in flight per session (as the recorder does, but without its
 *    5-second pause: this measures capacity, not a typical load). Prints chunks/s, MB/s (compressed bytes sent) and
 *    p50/p99 latency.
 * 5. In the same run, the raw limit: the same compressed payloads inserted straight into "RecordingChunk" with
 *    multi-row INSERTs from Node over as many connections as the app's pool (10), and the ratio ingest / raw.
 * 6. At the recorder's pace: BENCH_PACED_SESSIONS (default: the largest level) sessions each upload one chunk per
 *    flush interval (5 s) for BENCH_PACED_CHUNKS (default 6) chunks, at random phases: the latency people see.
 * 7. The HTTP floor: the same number of requests at the same concurrency against GET /api/me (Next.js, the session
 *    cookie and one user read, nothing else) — what any route of this app costs on this machine, for scale.
 *
 * The load generator runs on the same machine as the server and the database, so all three share its cores.
 */
import { randomBytes } from "node:crypto";
import { gzipSync } from "node:zlib";
import pg from "pg";
import { setTimeout as sleep } from "node:timers/promises";
import { RECORDING_CONFIG } from "../lib/recording/protocol";
import { RecordingGenerator } from "./bench-recording";
import { benchEmail, createScratchDatabase, HttpBrowser, pool, startProductionServer } from "./bench-support";

const LEVELS = (process.env.BENCH_SESSIONS ?? "50,200").split(",").map(Number);
const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 20);
const USERS = Math.max(...LEVELS);

type Payload = { seq: number; body: Buffer; rawBytes: number; eventCount: number; hasFullSnapshot: boolean; firstTs: number; lastTs: number };

/** One session's chunks, dated 100 ms apart from `t0` so that every event is inside ingest's accepted window. */
function payloadsFor(t0: number, count = CHUNKS): Payload[] {
  const recording = new RecordingGenerator();
  return Array.from({ length: count }, (_, seq) => {
    const events = recording.chunk({ seq, t: t0 + seq * 100, snapshot: seq === 0 });
    const json = JSON.stringify({ seq, clockOffsetMs: 0, events });
    const stamps = events.map((event) => event.timestamp);
    return { seq, body: gzipSync(json), rawBytes: Buffer.byteLength(json), eventCount: events.length, hasFullSnapshot: seq === 0, firstTs: Math.min(...stamps), lastTs: Math.max(...stamps) };
  });
}

const stats = (latencies: number[]) => {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] };
};
const mb = (bytes: number) => bytes / 1024 / 1024;

/** Sends one request, reads its whole answer, and adds how long that took to `latencies`; returns the status. */
async function timed(latencies: number[], send: () => Promise<Response>): Promise<number> {
  const began = performance.now();
  const response = await send();
  await response.arrayBuffer();
  latencies.push(performance.now() - began);
  return response.status;
}

const uploadChunk = (browser: HttpBrowser, sessionId: string, payload: Payload) =>
  browser.fetch(`/api/ingest/sessions/${sessionId}/chunks`, { method: "POST", headers: { "content-type": "application/gzip" }, body: new Uint8Array(payload.body) });
const fmt = (value: number, digits = 1) => value.toFixed(digits);

const database = await createScratchDatabase({ users: USERS });
const rawPool = new pg.Pool({ connectionString: database.url, max: 10 });
rawPool.on("error", () => {}); // idle connections are cut when the scratch database is dropped
let stopServer = async () => {};
try {
  const { base, stop } = await startProductionServer({ databaseUrl: database.url });
  stopServer = stop;
  console.log(`next start on ${base}; ${USERS} users, ${CHUNKS} chunks per session\n`);

  let start = performance.now();
  const browsers = await pool(USERS, 8, async (i) => {
    const browser = new HttpBrowser(base);
    await browser.signIn(benchEmail(i + 1));
    await browser.postJson("/api/consent", { granted: true, policyVersion: 1, source: "SETTINGS" }, 200);
    return browser;
  });
  console.log(`signed in and consented (HTTP)            ${fmt((performance.now() - start) / 1000)} s`);

  // Warm-up: the first requests load route modules and JIT; they are not measured.
  const warm = browsers[0];
  const warmSession = (await warm.postJson("/api/ingest/sessions", { entryPath: "/programs" }, 201)) as { sessionId: string; serverTime: number };
  for (const payload of payloadsFor(warmSession.serverTime)) {
    await warm.fetch(`/api/ingest/sessions/${warmSession.sessionId}/chunks`, { method: "POST", headers: { "content-type": "application/gzip" }, body: new Uint8Array(payload.body) });
  }

  console.log("\nsessions  chunks   ingest chunks/s  MB/s   p50 ms  p99 ms  max ms   raw chunks/s  MB/s    ingest/raw");
  for (const level of LEVELS) {
    const sessions = await pool(level, 16, async (i) => {
      const started = (await browsers[i].postJson("/api/ingest/sessions", { entryPath: "/programs" }, 201)) as { sessionId: string; serverTime: number };
      return { browser: browsers[i], sessionId: started.sessionId, payloads: payloadsFor(started.serverTime) };
    });
    const sent = sessions.flatMap((session) => session.payloads);
    const bytes = sent.reduce((sum, payload) => sum + payload.body.length, 0);

    const latencies: number[] = [];
    let failures = 0;
    start = performance.now();
    await Promise.all(
      sessions.map(async ({ browser, sessionId, payloads }) => {
        for (const payload of payloads) {
          if ((await timed(latencies, () => uploadChunk(browser, sessionId, payload))) !== 200) failures++;
        }
      }),
    );
    const ingestSeconds = (performance.now() - start) / 1000;
    if (failures) throw new Error(`${failures} chunk uploads failed at ${level} sessions.`);
    const stored = await rawPool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "RecordingChunk" WHERE "sessionId" = ANY($1)`, [sessions.map((session) => session.sessionId)]);
    if (stored.rows[0].n !== sent.length) throw new Error(`Stored ${stored.rows[0].n} chunks, sent ${sent.length}.`);

    // The raw limit: the same bytes into the same table, 50 rows per INSERT, over the app pool's 10 connections.
    const rows = sessions.flatMap(({ sessionId, payloads }) => payloads.map((payload) => ({ sessionId, ...payload, seq: payload.seq + 1_000_000 })));
    const batches = Array.from({ length: Math.ceil(rows.length / 50) }, (_, i) => rows.slice(i * 50, i * 50 + 50));
    start = performance.now();
    await pool(batches.length, 10, async (i) => {
      const values: unknown[] = [];
      const tuples = batches[i].map((row, k) => {
        values.push(`bench${randomBytes(10).toString("hex")}`, row.sessionId, row.seq, new Date(row.firstTs), new Date(row.lastTs), row.eventCount, row.hasFullSnapshot, row.rawBytes, row.body.length, row.body);
        return `(${Array.from({ length: 10 }, (_, c) => `$${k * 10 + c + 1}`).join(", ")})`;
      });
      await rawPool.query(
        `INSERT INTO "RecordingChunk" ("id", "sessionId", "seq", "firstTs", "lastTs", "eventCount", "hasFullSnapshot", "rawBytes", "storedBytes", "data") VALUES ${tuples.join(", ")}`,
        values,
      );
    });
    const rawSeconds = (performance.now() - start) / 1000;

    const { p50, p99, max } = stats(latencies);
    const ingestRate = sent.length / ingestSeconds;
    const rawRate = rows.length / rawSeconds;
    console.log(
      `${String(level).padStart(8)}  ${String(sent.length).padStart(6)}   ${fmt(ingestRate).padStart(15)}  ${fmt(mb(bytes) / ingestSeconds, 2).padStart(5)}  ${fmt(p50, 0).padStart(6)}  ${fmt(p99, 0).padStart(6)}  ${fmt(max, 0).padStart(6)}   ${fmt(rawRate).padStart(12)}  ${fmt(mb(bytes) / rawSeconds, 2).padStart(5)}   ${fmt((100 * ingestRate) / rawRate).padStart(8)} %`,
    );
  }
  // At the recorder's own pace: every session uploads one chunk per flush interval (5 s), starting at a random moment
  // within the first interval — what N people recording at once really send. This is the latency users see.
  const pacedLevel = Number(process.env.BENCH_PACED_SESSIONS ?? USERS);
  const pacedChunks = Number(process.env.BENCH_PACED_CHUNKS ?? 6);
  const interval = RECORDING_CONFIG.flushIntervalMs;
  const pacedSessions = await pool(pacedLevel, 16, async (i) => {
    const started = (await browsers[i].postJson("/api/ingest/sessions", { entryPath: "/programs" }, 201)) as { sessionId: string; serverTime: number };
    return { browser: browsers[i], sessionId: started.sessionId, payloads: payloadsFor(started.serverTime, pacedChunks) };
  });
  const pacedLatencies: number[] = [];
  start = performance.now();
  await Promise.all(
    pacedSessions.map(async ({ browser, sessionId, payloads }) => {
      const phase = Math.random() * interval;
      for (const [k, payload] of payloads.entries()) {
        await sleep(Math.max(0, start + phase + k * interval - performance.now()));
        const status = await timed(pacedLatencies, () => uploadChunk(browser, sessionId, payload));
        if (status !== 200) throw new Error(`A paced upload answered ${status}.`);
      }
    }),
  );
  const paced = stats(pacedLatencies);
  console.log(
    `\nat the recorder's pace (${pacedLevel} sessions, one chunk each per ${interval / 1000} s, ${pacedLatencies.length} chunks, ${fmt(pacedLatencies.length / ((performance.now() - start) / 1000))} chunks/s offered): p50 ${fmt(paced.p50, 0)} ms, p99 ${fmt(paced.p99, 0)} ms, max ${fmt(paced.max, 0)} ms`,
  );

  // The floor under any route on this machine: the same concurrency and request count against GET /api/me — Next.js,
  // the session cookie and one user read, no body and no write. Ingest cannot beat it; raw INSERTs skip all of it.
  const level = Math.max(...LEVELS);
  const floorLatencies: number[] = [];
  start = performance.now();
  await Promise.all(
    browsers.slice(0, level).map(async (browser) => {
      for (let i = 0; i < CHUNKS; i++) {
        const status = await timed(floorLatencies, () => browser.fetch("/api/me"));
        if (status !== 200) throw new Error(`/api/me answered ${status}`);
      }
    }),
  );
  const floor = stats(floorLatencies);
  console.log(
    `\nHTTP floor (GET /api/me, signed in, ${level} at once): ${fmt(floorLatencies.length / ((performance.now() - start) / 1000))} requests/s, p50 ${fmt(floor.p50, 0)} ms, p99 ${fmt(floor.p99, 0)} ms`,
  );

  const sample = payloadsFor(Date.now());
  const average = (pick: (payload: Payload) => number) => sample.reduce((sum, payload) => sum + pick(payload), 0) / sample.length / 1024;
  console.log(
    `\nchunk sizes: first (full snapshot) ${fmt(sample[0].rawBytes / 1024)} KB raw / ${fmt(sample[0].body.length / 1024)} KB gzip; average ${fmt(average((p) => p.rawBytes))} KB raw / ${fmt(average((p) => p.body.length))} KB gzip`,
  );
} finally {
  await stopServer();
  await rawPool.end();
  await database.drop();
}
