import { gunzipSync } from "node:zlib";
import { expect, type Browser, type Page, type Request } from "@playwright/test";
import { signInAs, signUpNewMember } from "./auth";

/**
 * Signs up a new member who consents to recording, opens the home page, and returns the id of the recording session
 * the recorder starts there.
 */
export async function startRecordingNewMember(page: Page): Promise<string> {
  await signUpNewMember(page);
  const state = await (await page.request.get("/api/consent")).json();
  expect((await page.request.post("/api/consent", { data: { granted: true, policyVersion: state.policy.version, source: "SETTINGS" } })).ok()).toBe(true);
  const started = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/ingest/sessions");
  await page.goto("/");
  const { sessionId } = (await (await started).json()) as { sessionId: string };
  return sessionId;
}

/** How long simulateRecordableActivity runs: a number of rounds (about 250 ms each) or a duration. */
export type ActivityLength = { rounds: number } | { ms: number };

/**
 * Activity that rrweb records (mouse moves and DOM changes: one <p> marked `label-n` per round), without navigating
 * away. Returns the markers, so a spec can find the chunks that carry them.
 */
export async function simulateRecordableActivity(page: Page, label: string, length: ActivityLength): Promise<string[]> {
  const markers: string[] = [];
  const rounds = "rounds" in length ? length.rounds : Infinity;
  const end = "ms" in length ? Date.now() + length.ms : Infinity;
  for (let i = 0; i < rounds && Date.now() < end; i++) {
    const marker = `${label}-${i}`;
    await page.mouse.move(50 + ((i * 37) % 400), 150 + ((i * 53) % 300));
    await page.evaluate((text) => {
      const paragraph = document.createElement("p");
      paragraph.textContent = text;
      document.querySelector("main")?.append(paragraph);
    }, marker);
    markers.push(marker);
    await page.waitForTimeout(250);
  }
  return markers;
}

export type ChunkUpload = { seq: number; json: string };

/** The chunk a request uploads — its seq and its JSON body, gunzipped if the recorder compressed it — or null for any other request. */
export function chunkUploadOf(request: Request): ChunkUpload | null {
  if (!/\/api\/ingest\/sessions\/[^/]+\/chunks$/.test(new URL(request.url()).pathname)) return null;
  const body = request.postDataBuffer();
  if (!body) return null;
  const json = (body[0] === 0x1f && body[1] === 0x8b ? gunzipSync(body) : body).toString("utf8");
  return { seq: (JSON.parse(json) as { seq: number }).seq, json };
}

export type ChunkUploads = {
  /** seq → chunk body as sent (by its latest attempt). */
  sent: Map<number, string>;
  /** seq → when each upload of it started. */
  attempts: Map<number, number[]>;
  /** The seqs the server answered 200. */
  acknowledged: Set<number>;
  /** Uploads that got no response at all (connection refused or reset). */
  failedRequests: number;
};

/** Watches the page's chunk uploads from now on; the returned record keeps updating. */
export function trackChunkUploads(page: Page): ChunkUploads {
  const uploads: ChunkUploads = { sent: new Map(), attempts: new Map(), acknowledged: new Set(), failedRequests: 0 };
  page.on("request", (request) => {
    const upload = chunkUploadOf(request);
    if (!upload) return;
    uploads.sent.set(upload.seq, upload.json);
    uploads.attempts.set(upload.seq, [...(uploads.attempts.get(upload.seq) ?? []), Date.now()]);
  });
  page.on("requestfailed", (request) => {
    if (chunkUploadOf(request)) uploads.failedRequests++;
  });
  page.on("response", (response) => {
    const upload = chunkUploadOf(response.request());
    if (upload && response.status() === 200) uploads.acknowledged.add(upload.seq);
  });
  return uploads;
}

/**
 * Waits (up to 2 min) until everything the browser ever tried to send has been acknowledged; returns those seqs. The
 * page keeps recording, so a later chunk may be on its way by the time the caller reads the stored ones.
 */
export async function expectEverySentChunkAcknowledged(uploads: ChunkUploads): Promise<Set<number>> {
  await expect.poll(() => [...uploads.sent.keys()].filter((seq) => !uploads.acknowledged.has(seq)), { timeout: 120_000, intervals: [1000] }).toEqual([]);
  return new Set(uploads.acknowledged);
}

export type StoredChunk = { seq: number; events: unknown[] };

/**
 * The chunks stored for a session, read back the way support reads them: as a SUPPORT user, through an audited view
 * opened with `reason`, streamed as NDJSON (one chunk per line).
 */
export async function readStoredChunks(browser: Browser, baseURL: string, sessionId: string, reason: string): Promise<StoredChunk[]> {
  const support = await browser.newContext({ baseURL });
  try {
    const supportPage = await support.newPage();
    await signInAs(supportPage, "SUPPORT");
    const opened = await supportPage.request.post(`/api/support/sessions/${sessionId}/views`, { data: { reason } });
    const { view } = (await opened.json()) as { view: { id: string } };
    const stream = await supportPage.request.get(`/api/support/sessions/${sessionId}/events?view=${view.id}`);
    return (await stream.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as StoredChunk);
  } finally {
    await support.close();
  }
}

/** Every acknowledged chunk was stored, none twice, and nothing was stored that the browser did not send. */
export function expectEachSentChunkStoredOnce(storedSeqs: number[], { acknowledged, sent }: { acknowledged: Set<number>; sent: Iterable<number> }) {
  expect(storedSeqs).toEqual([...new Set(storedSeqs)]); // no chunk twice
  expect(storedSeqs).toEqual(expect.arrayContaining([...acknowledged])); // every chunk acknowledged was stored
  const sentSeqs = new Set(sent);
  expect(storedSeqs.filter((seq) => !sentSeqs.has(seq))).toEqual([]); // and only what was sent
}
