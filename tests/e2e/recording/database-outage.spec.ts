import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Response } from "@playwright/test";
import { OwnServer } from "../support/own-server";
import {
  chunkUploadOf,
  expectEachSentChunkStoredOnce,
  expectEverySentChunkAcknowledged,
  readStoredChunks,
  simulateRecordableActivity,
  startRecordingNewMember,
  trackChunkUploads,
} from "../support/recording";

/**
 * PostgreSQL stops for 30 s in the middle of a recording: ingest answers 503 DATABASE_UNAVAILABLE with Retry-After,
 * the recorder keeps what was not acknowledged, honours Retry-After, and catches up once the database is back — every
 * chunk stored exactly once, nothing recorded during the outage lost. The shared PostgreSQL (5432) must not be touched,
 * so this spec runs a private PostgreSQL cluster (port 5440 + E2E_PORT − 3100, a temp directory, trust auth) and its
 * own server on it (port E2E_PORT + 20). initdb/postgres refuse root, so they run as the `postgres` user.
 */
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const PG_PORT = 5440 + (E2E_PORT - 3100);
const OUTAGE_MS = 30_000;

// --- The private PostgreSQL cluster. ---

let pgRoot: string | null = null;
const dataDir = () => path.join(pgRoot!, "data");
const logFile = () => path.join(pgRoot!, "postgres.log");

function pgBin(name: string): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((version) => existsSync(path.join(root, version, "bin", name))) : [];
  if (!versions.length) throw new Error(`No PostgreSQL server binaries under ${root} (apt-get install postgresql).`);
  return path.join(root, versions.sort((a, b) => Number(b) - Number(a))[0], "bin", name);
}

function logTail(): string {
  try {
    return `\n--- postgres.log ---\n${readFileSync(logFile(), "utf8").slice(-1500)}`;
  } catch {
    return "";
  }
}

const isRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL tool — as the `postgres` user when we are root (they refuse root); throws with its output on failure. */
function asPostgres(tool: string, args: string[]) {
  const invocation = [pgBin(tool), ...args];
  const runuser = existsSync("/usr/sbin/runuser") ? "/usr/sbin/runuser" : "runuser";
  const [command, ...commandArgs] = isRoot ? [runuser, "-u", "postgres", "--", ...invocation] : invocation;
  const result = spawnSync(command, commandArgs, {
    cwd: pgRoot!,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 90_000,
  });
  if (result.status !== 0) {
    throw new Error(`${tool} ${args.at(-1)} failed (${result.status ?? result.signal}): ${`${result.stdout}\n${result.stderr}`.trim().slice(-800)}${logTail()}`);
  }
}

function createCluster() {
  pgRoot = mkdtempSync(path.join(tmpdir(), `candor-e2e-pg-${PG_PORT}-`));
  if (isRoot) {
    const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim());
    chownSync(pgRoot, id("-u"), id("-g"));
  }
  asPostgres("initdb", ["-D", dataDir(), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
}

function startPostgres() {
  const options = `-p ${PG_PORT} -k ${pgRoot} -c listen_addresses=127.0.0.1 -c fsync=off`;
  asPostgres("pg_ctl", ["-D", dataDir(), "-l", logFile(), "-o", options, "-w", "-t", "60", "start"]);
}

function stopPostgres() {
  asPostgres("pg_ctl", ["-D", dataDir(), "-m", "fast", "-w", "-t", "60", "stop"]);
}

function removeCluster() {
  if (!pgRoot) return;
  try {
    if (existsSync(path.join(dataDir(), "postmaster.pid"))) {
      try {
        stopPostgres();
      } catch {
        asPostgres("pg_ctl", ["-D", dataDir(), "-m", "immediate", "-w", "stop"]);
      }
    }
  } finally {
    rmSync(pgRoot, { recursive: true, force: true });
    pgRoot = null;
  }
}

// --- The spec's own server on that cluster. ---

const server = new OwnServer(E2E_PORT + 20, `postgresql://postgres@127.0.0.1:${PG_PORT}/postgres`);

test.describe.configure({ mode: "serial", timeout: 300_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  createCluster();
  startPostgres();
  server.setUpDatabase();
  await server.start();
});

test.afterAll(() => {
  server.kill();
  removeCluster();
});

type Failure = { seq: number; status: number; retryAfter: string | undefined; body: unknown; duringOutage: boolean; at: number };

test("PostgreSQL down for 30 s mid-session: ingest answers 503 + Retry-After, the recorder catches up, nothing is lost", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.baseURL });
  const page = await context.newPage();

  const uploads = trackChunkUploads(page);
  const failures: Failure[] = [];
  const inspections: Promise<void>[] = [];
  let databaseDown = false;

  page.on("response", (response: Response) => {
    const upload = chunkUploadOf(response.request());
    if (!upload || response.status() === 200) return;
    const failure = { seq: upload.seq, status: response.status(), duringOutage: databaseDown, at: Date.now() };
    inspections.push(
      (async () => {
        const headers = await response.allHeaders();
        const body = await response.json().catch(() => null);
        failures.push({ ...failure, retryAfter: headers["retry-after"], body });
      })(),
    );
  });

  const sessionId = await startRecordingNewMember(page);

  await simulateRecordableActivity(page, "before", { ms: 6_000 });
  await expect.poll(() => uploads.acknowledged.size, { timeout: 20_000 }).toBeGreaterThan(0);

  // --- The outage: only mouse moves and DOM changes (the page itself could not render without the database). ---
  stopPostgres();
  databaseDown = true;
  const outageMarkers = await simulateRecordableActivity(page, "outage", { ms: OUTAGE_MS });
  startPostgres();
  databaseDown = false;
  await simulateRecordableActivity(page, "after", { ms: 5_000 });

  // Everything the browser ever tried to send is eventually acknowledged.
  const acknowledged = await expectEverySentChunkAcknowledged(uploads);
  await Promise.all(inspections);

  // While the database was down, uploads were answered 503 DATABASE_UNAVAILABLE with Retry-After — nothing else.
  expect(failures.filter((failure) => failure.duringOutage).length).toBeGreaterThan(0);
  for (const failure of failures) {
    expect(failure, `upload of seq ${failure.seq}`).toMatchObject({
      status: 503,
      retryAfter: expect.stringMatching(/^[1-9]\d*$/),
      body: { error: { code: "DATABASE_UNAVAILABLE", message: expect.stringMatching(/\S/) } },
    });
  }

  // The recorder retried the refused chunk, waiting at least Retry-After between attempts.
  const retried = [...uploads.attempts].filter(([, times]) => times.length > 1);
  expect(retried.length).toBeGreaterThan(0);
  const retryAfterMs = Number(failures[0].retryAfter) * 1000;
  for (const [seq, times] of retried) {
    for (let i = 1; i < times.length; i++) {
      const refusedBefore = failures.some((failure) => failure.seq === seq && failure.at >= times[i - 1] && failure.at <= times[i]);
      if (refusedBefore) expect(times[i] - times[i - 1], `retry ${i} of seq ${seq}`).toBeGreaterThanOrEqual(retryAfterMs - 500);
    }
  }

  // The chunks recorded during the outage: those carrying the DOM changes made while the database was down.
  const outageSeqs = [...uploads.sent].filter(([, json]) => outageMarkers.some((marker) => json.includes(`"${marker}"`))).map(([seq]) => seq);
  expect(outageSeqs.length).toBeGreaterThanOrEqual(3); // ~30 s at one flush every 5 s

  const stored = await readStoredChunks(browser, server.baseURL, sessionId, "e2e: database outage check");
  const storedSeqs = stored.map((chunk) => chunk.seq);
  expectEachSentChunkStoredOnce(storedSeqs, { acknowledged, sent: uploads.sent.keys() });
  expect(storedSeqs).toEqual(expect.arrayContaining(outageSeqs));

  // Nothing recorded during the outage was dropped: every DOM change made then is in the stored events, and the
  // recorder never had to mark a gap (buffer overflow or refused chunk).
  const storedText = JSON.stringify(stored);
  expect(outageMarkers.filter((marker) => !storedText.includes(`"${marker}"`))).toEqual([]);
  expect(storedText).not.toContain("candor/gap");

  await context.close();
});
