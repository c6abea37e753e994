/**
 * `npm run bench:recorder`: what session recording costs the page, in real Chromium against a production build on
 * PostgreSQL. Three variants, run alternately (A B C A B C …) for BENCH_ROUNDS rounds (default 5), each run in a fresh
 * browser context:
 * - A — no recorder: a member who has not opted in (and dismissed the prompt), so nothing loads;
 * - B — plain rrweb: the same kind of member, plus rrweb's UMD bundle and `record()` with its defaults injected before
 *   the page's own scripts, saving its events the way rrweb's guide does (a JSON batch every 10 s; an unloading page
 *   keeps its last batch in sessionStorage for the next one);
 * - C — Candor: a member who shares usage info, so the app's own recorder loads by itself.
 * Two pages (prisma/bench-recorder-workload.ts): the heavy page (a 1,000-row programs table re-sorted and filtered,
 * with steady churn, for BENCH_SECONDS, default 30) and the ordinary flow (dashboard → programs search → new-program
 * form, BENCH_FLOW_LOOPS times, default 2).
 *
 * Per run: total blocking time and long tasks (> 50 ms) from a Chrome trace of the renderer's main thread; script time
 * (ScriptDuration of CDP Performance.getMetrics, summed over the documents of the run); JS heap after a forced GC;
 * compressed bytes per minute (C: each ingest chunk once, at its gzip size, plus the session starts; B: each saved
 * batch gzipped in Node);
 * and, in the same trace, how long the recorder's own code ran inside each task. Prints per-variant medians, the
 * ratios (C−A)/(B−A), the recorder's gzipped size, and the targets with met / not met (it asserts none of them).
 *
 * BENCH_DIST_DIR / BENCH_SKIP_BUILD / BENCH_KEEP as for the other benchmarks (prisma/bench-support.ts).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page, type Request } from "@playwright/test";
import pg from "pg";
import { benchEmail, createScratchDatabase, HttpBrowser, startProductionServer } from "./bench-support";
import { benchPrograms, PAGE_SHIM, runHeavyTable, runOrdinaryFlow, tableRows } from "./bench-recorder-workload";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const FLOW_LOOPS = Number(process.env.BENCH_FLOW_LOOPS ?? 2);
/** BENCH_SCENARIOS=heavy (or flow) runs one page only, for a quicker look while working on one of them. */
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? "heavy,flow").split(",").filter((key): key is ScenarioKey => key === "heavy" || key === "flow");
/** BENCH_PAGE_PROFILE=<dir>: a V8 CPU profile of C's page in every run, written there (open it in Chrome DevTools). */
const PAGE_PROFILE_DIR = process.env.BENCH_PAGE_PROFILE;
const PROGRAMS = 1_000;
const LONG_TASK_MS = 50;
/** C's transport sends every 5 s: after a run, wait this long so the events of its last seconds are counted too. */
const UPLOAD_TAIL_MS = 6_500;
const INGEST = "/api/ingest/sessions";
/** The name B's injected rrweb runs under in the trace, so its time can be told apart from the page's. */
const RRWEB_SOURCE_URL = "bench-rrweb.js";

type VariantKey = "A" | "B" | "C";
const VARIANTS: { key: VariantKey; label: string; user: number; consent: boolean }[] = [
  { key: "A", label: "A no recorder", user: 1, consent: false },
  { key: "B", label: "B plain rrweb", user: 2, consent: false },
  { key: "C", label: "C Candor", user: 3, consent: true },
];
const OWNER = 4;

type ScenarioKey = "heavy" | "flow";

/** A script call inside a main-thread task (FunctionCall, EvaluateScript, …), in trace microseconds. */
type ScriptCall = { event: string; url: string; start: number; end: number };
type MainTask = { ms: number; calls: ScriptCall[] };

type Run = {
  variant: VariantKey;
  scenario: ScenarioKey;
  minutes: number;
  scriptMs: number;
  busyMs: number;
  heapBytes: number;
  /** Long tasks, and every shorter task in which a script ran (for the recorder's share). */
  tasks: MainTask[];
  scriptUrls: Set<string>;
  upload: Upload;
};

/** What a recorder sent: compressed bytes, requests, distinct chunks (batches), refusals and storm-guard pauses. */
type Upload = { bytes: number; requests: number; chunks: number; refused: number; stormPauses: number };

// ---------- The browser side of one run ----------

/** rrweb's minified UMD build (not in its package exports, so found next to the CommonJS entry). */
const RRWEB_UMD = path.join(path.dirname(createRequire(import.meta.url).resolve("rrweb")), "rrweb.umd.min.cjs");

/**
 * B's recorder: rrweb's own bundle and `record()` with its defaults, saving a JSON batch every 10 s. An unloading page
 * cannot hand its last batch out (the binding call is lost), so it keeps it in sessionStorage and the next page of the
 * tab saves it first — what a real transport does on unload.
 */
function plainRrwebScript() {
  const bundle = readFileSync(RRWEB_UMD, "utf8");
  // Not on the page's initial about:blank document: rrweb starting there crashes Chromium's renderer.
  const starter = `
if (location.protocol.startsWith("http")) (() => {
  const UNSENT = "bench.rrweb.unsent";
  let events = [];
  const save = () => {
    if (events.length === 0) return;
    const batch = JSON.stringify(events);
    events = [];
    window.__benchSaveRrweb(batch);
  };
  const unsent = sessionStorage.getItem(UNSENT);
  sessionStorage.removeItem(UNSENT);
  if (unsent) window.__benchSaveRrweb(unsent);
  rrweb.record({ emit: (event) => { events.push(event); } });
  setInterval(save, 10000);
  addEventListener("pagehide", () => {
    try { sessionStorage.setItem(UNSENT, JSON.stringify(events)); } catch {}
    events = [];
  });
  window.__benchFlushRrweb = save;
})();`;
  return `${bundle}\n${starter}\n//# sourceURL=${RRWEB_SOURCE_URL}`;
}

/**
 * ScriptDuration restarts with every document (a submitted search loads one), so each document's last reading is kept,
 * keyed by its NavigationStart, and the readings are added up. What runs after the last reading of a document — the
 * navigating click and pagehide — is not counted; the trace-based blocking time does see it.
 */
function documentScriptClock(cdp: CDPSession) {
  const lastByDocument = new Map<number, number>();
  return {
    async read() {
      const { metrics } = await cdp.send("Performance.getMetrics");
      const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
      lastByDocument.set(value("NavigationStart"), value("ScriptDuration"));
    },
    totalMs: () => [...lastByDocument.values()].reduce((sum, seconds) => sum + seconds * 1000, 0),
  };
}

const TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline"];
const SCRIPT_EVENTS = new Set(["FunctionCall", "EvaluateScript", "v8.compile", "v8.evaluateModule"]);

type TraceEvent = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; args?: { name?: string; data?: { url?: string } } };

async function startTrace(cdp: CDPSession) {
  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.start", { transferMode: "ReportEvents", traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: "recordUntilFull", traceBufferSizeInKb: 400_000 } });
  return async () => {
    await cdp.send("Tracing.end");
    await complete;
    return events;
  };
}

/**
 * The renderer main thread from a trace: its busy time (all tasks), every task over 50 ms, and every task in which a
 * script call with a URL ran (FunctionCall covers callbacks — timers, listeners, mutation observers — which is how
 * recorders run).
 */
function mainThreadTasks(events: TraceEvent[]): { busyMs: number; tasks: MainTask[] } {
  const mainThreads = new Set(events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  const byThread = new Map<string, { start: number; end: number; calls: ScriptCall[] }[]>();
  const timed = events.filter((e) => e.ph === "X" && mainThreads.has(`${e.pid}:${e.tid}`));
  for (const e of timed.filter((e) => e.name === "RunTask").sort((a, b) => a.ts - b.ts)) {
    const thread = `${e.pid}:${e.tid}`;
    if (!byThread.has(thread)) byThread.set(thread, []);
    byThread.get(thread)!.push({ start: e.ts, end: e.ts + (e.dur ?? 0), calls: [] });
  }
  for (const e of timed) {
    const url = e.args?.data?.url;
    if (!url || !SCRIPT_EVENTS.has(e.name)) continue;
    const task = containingTask(byThread.get(`${e.pid}:${e.tid}`) ?? [], e.ts);
    task?.calls.push({ event: e.name, url, start: e.ts, end: e.ts + (e.dur ?? 0) });
  }
  const all = [...byThread.values()].flat().map((task) => ({ ms: (task.end - task.start) / 1000, calls: task.calls }));
  return { busyMs: all.reduce((sum, task) => sum + task.ms, 0), tasks: all.filter((task) => task.ms > LONG_TASK_MS || task.calls.length > 0) };
}

function containingTask<T extends { start: number; end: number }>(tasks: T[], ts: number): T | undefined {
  let low = 0;
  let high = tasks.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (tasks[mid].start <= ts) low = mid + 1;
    else high = mid - 1;
  }
  const candidate = tasks[high];
  return candidate && ts <= candidate.end ? candidate : undefined;
}

/** Milliseconds of a task spent in scripts from `urls` (nested calls counted once). */
function timeInScripts(task: MainTask, urls: Set<string>) {
  const calls = task.calls.filter((call) => urls.has(call.url)).sort((a, b) => a.start - b.start);
  let total = 0;
  let coveredUntil = -Infinity;
  for (const call of calls) {
    const start = Math.max(call.start, coveredUntil);
    if (call.end > start) total += call.end - start;
    coveredUntil = Math.max(coveredUntil, call.end);
  }
  return total / 1000;
}

/**
 * Records what C uploads to ingest. Each chunk counts once, at its gzip size: an unloading page sends its last chunks
 * as uncompressed keepalive JSON and the next page re-sends them gzipped (Playwright does not always see the former).
 */
function watchIngestUploads(context: BrowserContext) {
  const uploads: { request: Request; body: Buffer }[] = [];
  context.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname.startsWith(INGEST)) uploads.push({ request, body: request.postDataBuffer() ?? Buffer.alloc(0) });
  });
  return async (): Promise<Upload> => {
    const chunkBytes = new Map<string, number>();
    let startBytes = 0;
    let refused = 0;
    let stormPauses = 0;
    for (const { request, body } of uploads) {
      const status = (await request.response().catch(() => null))?.status() ?? 0;
      if (status < 200 || status >= 300) refused++;
      if (!request.url().endsWith("/chunks")) {
        startBytes += body.length;
        continue;
      }
      const gzipped = request.headers()["content-type"] === "application/gzip";
      const chunk = JSON.parse((gzipped ? gunzipSync(body) : body).toString("utf8")) as { seq: number; events: { type: number; data?: { tag?: string } }[] };
      const key = `${request.url()}#${chunk.seq}`;
      if (chunkBytes.has(key)) continue;
      chunkBytes.set(key, gzipped ? body.length : gzipSync(body).length);
      stormPauses += chunk.events.filter((event) => event.type === 5 && event.data?.tag === "candor/gap").length;
    }
    const bytes = startBytes + [...chunkBytes.values()].reduce((sum, size) => sum + size, 0);
    return { bytes, requests: uploads.length, chunks: chunkBytes.size, refused, stormPauses };
  };
}

/** Records B's saved batches: the JSON as rrweb produced it, and its size once gzipped as a transport would send it. */
async function watchRrwebBatches(context: BrowserContext) {
  const batches: number[] = [];
  await context.exposeBinding("__benchSaveRrweb", (_source, json: string) => {
    batches.push(gzipSync(json).length);
  });
  return (): Upload => ({ bytes: batches.reduce((sum, bytes) => sum + bytes, 0), requests: batches.length, chunks: batches.length, refused: 0, stormPauses: 0 });
}

type Setup = { browser: Browser; base: string; cookies: Map<VariantKey, Map<string, string>>; rows: ReturnType<typeof tableRows>; rrweb: string };

async function openContext(setup: Setup, variant: VariantKey) {
  const context = await setup.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addCookies([...setup.cookies.get(variant)!].map(([name, value]) => ({ name, value, url: setup.base })));
  await context.addInitScript({ content: PAGE_SHIM });
  return context;
}

/** One measured run of one variant on one page. */
async function measureRun(setup: Setup, variant: VariantKey, scenario: ScenarioKey): Promise<Run> {
  const context = await openContext(setup, variant);
  try {
    const scriptUrls = new Set<string>();
    context.on("request", (request) => {
      if (request.resourceType() === "script") scriptUrls.add(request.url());
    });
    const ingestUploads = watchIngestUploads(context);
    const rrwebBatches = variant === "B" ? await watchRrwebBatches(context) : null;
    if (variant === "B") await context.addInitScript({ content: setup.rrweb });

    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const clock = documentScriptClock(cdp);
    const stopTrace = await startTrace(cdp);
    const profiling = variant === "C" && PAGE_PROFILE_DIR;
    if (profiling) await cdp.send("Profiler.enable").then(() => cdp.send("Profiler.start"));
    const started = Date.now();
    if (scenario === "heavy") await heavyPage(setup, page, variant);
    else await runOrdinaryFlow(page, { base: setup.base, loops: FLOW_LOOPS, beforeFullNavigation: clock.read });
    await clock.read();
    const minutes = (Date.now() - started) / 60_000;
    if (profiling) {
      const { profile } = await cdp.send("Profiler.stop");
      mkdirSync(PAGE_PROFILE_DIR, { recursive: true });
      writeFileSync(path.join(PAGE_PROFILE_DIR, `${scenario}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
    }
    const { busyMs, tasks } = mainThreadTasks(await stopTrace());
    await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const heapBytes = metrics.find((metric) => metric.name === "JSHeapUsedSize")?.value ?? 0;

    if (variant === "B") await page.evaluate(() => (window as unknown as { __benchFlushRrweb: () => void }).__benchFlushRrweb());
    if (variant === "C") await page.waitForTimeout(UPLOAD_TAIL_MS);
    const upload = rrwebBatches ? rrwebBatches() : await ingestUploads();
    if (variant !== "A" && upload.bytes === 0) throw new Error(`Variant ${variant} recorded nothing on the ${scenario} page.`);
    if (variant === "A" && upload.requests > 0) throw new Error("Variant A uploaded a recording: its member should not be sharing.");
    return { variant, scenario, minutes, scriptMs: clock.totalMs(), busyMs, heapBytes, tasks, scriptUrls, upload };
  } finally {
    await context.close();
  }
}

/** /programs loaded and settled (C's recorder started, B's snapshot taken), then the 1,000-row table workload. */
async function heavyPage(setup: Setup, page: Page, variant: VariantKey) {
  const sessionStarted = variant === "C" ? page.waitForResponse((response) => new URL(response.url()).pathname === INGEST, { timeout: 30_000 }) : null;
  await page.goto(`${setup.base}/programs`);
  if (sessionStarted && (await sessionStarted).status() !== 201) throw new Error("Candor's recorder could not start a recording session.");
  await page.waitForTimeout(2_000);
  await runHeavyTable(page, { rows: setup.rows, seconds: SECONDS });
}

// ---------- Setup ----------

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";


async function seedPrograms(databaseUrl: string) {
  const programs = benchPrograms(PROGRAMS);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "Program" ("id", "name", "description", "commissionType", "commissionValue", "cookieDays", "status", "ownerId", "updatedAt")
       SELECT 'benchprogram' || n, p.name, p.description, p."commissionType"::"CommissionType", p."commissionValue", p."cookieDays", p.status::"ProgramStatus", $2, now()
       FROM jsonb_to_recordset($1::jsonb) AS p(n int, name text, description text, "commissionType" text, "commissionValue" int, "cookieDays" int, status text)`,
      [JSON.stringify(programs.map((program, i) => ({ n: i + 1, ...program }))), `bench${OWNER}`],
    );
  } finally {
    await client.end();
  }
  return programs;
}

/** Signs each variant's member in over HTTP: C opts in; A and B dismiss the prompt ("Not now"), so no variant shows it. */
async function signInMembers(base: string) {
  const cookies = new Map<VariantKey, Map<string, string>>();
  for (const variant of VARIANTS) {
    const member = new HttpBrowser(base);
    await member.signIn(benchEmail(variant.user));
    if (variant.consent) await member.postJson("/api/consent", { granted: true, policyVersion: 1, source: "SETTINGS" }, 200);
    else await member.postJson("/api/consent/prompt-dismissal", {}, 200);
    cookies.set(variant.key, member.cookies);
  }
  return cookies;
}

/** Loads every page once per variant so the server has compiled and cached its routes before anything is measured. */
async function warmUp(setup: Setup) {
  for (const variant of VARIANTS) {
    const context = await openContext(setup, variant.key);
    const page = await context.newPage();
    for (const path of ["/", "/programs", "/programs?q=solar", "/programs/new"]) {
      await page.goto(`${setup.base}${path}`);
      await page.waitForTimeout(1_000);
    }
    await context.close();
  }
}

// ---------- Report ----------

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const blockingMs = (run: Run) => run.tasks.reduce((sum, task) => sum + Math.max(0, task.ms - LONG_TASK_MS), 0);
const longTasks = (run: Run) => run.tasks.filter((task) => task.ms > LONG_TASK_MS).length;
const longestTaskMs = (run: Run) => Math.max(0, ...run.tasks.map((task) => task.ms));
const kbPerMinute = (run: Run) => run.upload.bytes / 1024 / run.minutes;

type Row = { label: string; pick: (run: Run) => number; digits: number };
const ROWS: Row[] = [
  { label: "total blocking time, ms", pick: blockingMs, digits: 0 },
  { label: "long tasks (> 50 ms)", pick: longTasks, digits: 0 },
  { label: "longest task, ms", pick: longestTaskMs, digits: 0 },
  { label: "script time, ms", pick: (run) => run.scriptMs, digits: 0 },
  { label: "main-thread busy, ms", pick: (run) => run.busyMs, digits: 0 },
  { label: "JS heap after GC, MB", pick: (run) => run.heapBytes / 1024 / 1024, digits: 1 },
  { label: "compressed KB per minute", pick: kbPerMinute, digits: 1 },
];

type Medians = Record<VariantKey, (pick: (run: Run) => number) => number>;

function mediansOf(runs: Run[], scenario: ScenarioKey): Medians {
  const of = (variant: VariantKey) => (pick: (run: Run) => number) => median(runs.filter((run) => run.scenario === scenario && run.variant === variant).map(pick));
  return { A: of("A"), B: of("B"), C: of("C") };
}

/** (C−A)/(B−A): the share of plain rrweb's added cost that Candor adds. */
const addedRatio = (a: number, b: number, c: number) => (b === a ? NaN : (c - a) / (b - a));

type RecorderScripts = Record<"B" | "C", Set<string>>;

function printTable(title: string, runs: Run[], scenario: ScenarioKey, bundleKb: Record<VariantKey, number>, recorderScripts: RecorderScripts) {
  const m = mediansOf(runs, scenario);
  const cell = (value: number, digits: number) => (Number.isFinite(value) ? value.toFixed(digits) : "—").padStart(14);
  console.log(`\n${title}`);
  console.log(`${"".padEnd(28)}${VARIANTS.map((variant) => variant.label.padStart(14)).join("")}${"(C−A)/(B−A)".padStart(14)}`);
  for (const row of ROWS) {
    const [a, b, c] = (["A", "B", "C"] as const).map((variant) => m[variant](row.pick));
    console.log(`${row.label.padEnd(28)}${cell(a, row.digits)}${cell(b, row.digits)}${cell(c, row.digits)}${cell(addedRatio(a, b, c), 2)}`);
  }
  const inRecorder = (variant: "B" | "C") => median(runs.filter((run) => run.scenario === scenario && run.variant === variant).map((run) => recorderBlockingMs(run, recorderScripts[variant])));
  const [ownB, ownC] = [inRecorder("B"), inRecorder("C")];
  console.log(`${"recorder's own blocking, ms".padEnd(28)}${cell(0, 0)}${cell(ownB, 0)}${cell(ownC, 0)}${cell(addedRatio(0, ownB, ownC), 2)}`);
  console.log(`${"recorder bundle, KB gzip".padEnd(28)}${cell(bundleKb.A, 1)}${cell(bundleKb.B, 1)}${cell(bundleKb.C, 1)}${cell(addedRatio(bundleKb.A, bundleKb.B, bundleKb.C), 2)}`);
  const perRound = (variant: VariantKey) => runs.filter((run) => run.scenario === scenario && run.variant === variant).map((run) => blockingMs(run).toFixed(0)).join(", ");
  console.log(`total blocking time per round, ms: ${VARIANTS.map((variant) => `${variant.key} ${perRound(variant.key)}`).join(" | ")}`);
  const c = runs.filter((run) => run.scenario === scenario && run.variant === "C");
  const sum = (pick: (run: Run) => number) => c.reduce((total, run) => total + pick(run), 0);
  console.log(
    `Candor uploads (all rounds): ${sum((run) => run.upload.requests)} requests, ${sum((run) => run.upload.chunks)} distinct chunks, ` +
      `${sum((run) => run.upload.refused)} not accepted; mutation-storm pauses: ${sum((run) => run.upload.stormPauses)}`,
  );
  const share = {
    B: recorderTaskShare(runs.filter((run) => run.scenario === scenario && run.variant === "B"), recorderScripts.B),
    C: recorderTaskShare(c, recorderScripts.C),
  };
  for (const key of ["B", "C"] as const) {
    console.log(
      `${key}'s recorder code, all rounds: longest within one task ${share[key].longestMs.toFixed(0)} ms (mostly ${share[key].longestEvent}); tasks with > 50 ms of it: ${share[key].tasksOver50}; ` +
        `long tasks that would be under 50 ms without it: ${share[key].madeLong}`,
    );
  }
  return { medians: m, recorderC: share.C, blockingInC: ownC };
}

/** What a recorder's own scripts (`urls`) did inside the main-thread tasks of `runs`. */
function recorderTaskShare(runs: Run[], urls: Set<string>) {
  let longestMs = 0;
  let longestEvent = "none";
  let tasksOver50 = 0;
  let madeLong = 0;
  for (const task of runs.flatMap((run) => run.tasks)) {
    const own = timeInScripts(task, urls);
    if (own > longestMs) {
      longestMs = own;
      // What the biggest piece of it was: a callback (FunctionCall) or loading the script (EvaluateScript, v8.compile).
      longestEvent = task.calls.filter((call) => urls.has(call.url)).sort((a, b) => b.end - b.start - (a.end - a.start))[0].event;
    }
    if (own > LONG_TASK_MS) tasksOver50++;
    if (task.ms > LONG_TASK_MS && task.ms - own <= LONG_TASK_MS) madeLong++;
  }
  return { longestMs, longestEvent, tasksOver50, madeLong };
}

/**
 * Blocking time a run would lose if the recorder's own code left its tasks: Σ (blocking of the task − blocking of the
 * task without that code). Measured inside each run, so it does not suffer the run-to-run noise of comparing medians;
 * it leaves out what the recorder causes outside its own code (style, layout, garbage collection).
 */
function recorderBlockingMs(run: Run, urls: Set<string>) {
  return run.tasks.reduce((sum, task) => {
    const own = timeInScripts(task, urls);
    return sum + Math.max(0, task.ms - LONG_TASK_MS) - Math.max(0, task.ms - own - LONG_TASK_MS);
  }, 0);
}

const verdict = (met: boolean) => (met ? "met" : "NOT met");

async function gzipSizes(urls: string[]) {
  return Promise.all(urls.map(async (url) => ({ url, bytes: gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer())).length })));
}

// ---------- Main ----------

const database = await createScratchDatabase({ users: OWNER });
let stopServer = async () => {};
let browser: Browser | null = null;
try {
  const programs = await seedPrograms(database.url);
  const { base, stop } = await startProductionServer({ databaseUrl: database.url });
  stopServer = stop;
  const cookies = await signInMembers(base);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
  });
  const setup: Setup = { browser, base, cookies, rows: tableRows(programs), rrweb: plainRrwebScript() };
  console.log(`next start on ${base}; ${PROGRAMS} programs; ${ROUNDS} rounds; heavy page ${SECONDS} s; ordinary flow ${FLOW_LOOPS} loop(s)`);
  await warmUp(setup);

  const runs: Run[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    for (const scenario of SCENARIOS) {
      for (const variant of VARIANTS) {
        const run = await measureRun(setup, variant.key, scenario);
        runs.push(run);
        console.log(`round ${round} ${scenario.padEnd(5)} ${variant.key}: TBT ${blockingMs(run).toFixed(0)} ms, script ${run.scriptMs.toFixed(0)} ms, busy ${run.busyMs.toFixed(0)} ms, ${(run.minutes * 60).toFixed(0)} s`);
      }
    }
  }

  // The recorder's code: scripts C's pages requested that A's identical pages never did (the dynamic import).
  const requestedBy = (variant: VariantKey) => new Set(runs.filter((run) => run.variant === variant).flatMap((run) => [...run.scriptUrls]));
  const inA = requestedBy("A");
  const recorderUrls = [...requestedBy("C")].filter((url) => !inA.has(url)).sort();
  const recorderFiles = await gzipSizes(recorderUrls);
  // Lazy means the page's HTML does not load it up front, even for a member who shares.
  const member = new HttpBrowser(base);
  for (const [name, value] of cookies.get("C")!) member.cookies.set(name, value);
  const memberHtml = await (await member.fetch("/programs")).text();
  const inHtml = recorderUrls.filter((url) => memberHtml.includes(new URL(url).pathname));
  const bundleKb: Record<VariantKey, number> = {
    A: 0,
    B: gzipSync(readFileSync(RRWEB_UMD)).length / 1024,
    C: recorderFiles.reduce((sum, file) => sum + file.bytes, 0) / 1024,
  };

  const recorderScripts: RecorderScripts = { B: new Set([RRWEB_SOURCE_URL]), C: new Set(recorderUrls) };
  const titles: Record<ScenarioKey, string> = {
    heavy: `Heavy page: /programs with a ${PROGRAMS}-row table, re-sorted and filtered, steady churn (${SECONDS} s; medians of ${ROUNDS} rounds)`,
    flow: `Ordinary flow: dashboard → programs search → new-program form (${FLOW_LOOPS} loop(s); medians of ${ROUNDS} rounds)`,
  };
  const tables = SCENARIOS.map((scenario) => printTable(titles[scenario], runs, scenario, bundleKb, recorderScripts));

  console.log(`\nCandor's recorder chunks (requested only after consent, never in A):`);
  for (const file of recorderFiles) console.log(`  ${new URL(file.url).pathname}  ${(file.bytes / 1024).toFixed(1)} KB gzip`);
  if (tables.length < 2) {
    console.log("\nTargets: judged only when both pages run (BENCH_SCENARIOS unset).");
  } else {
    const [heavyTable, flowTable] = tables;
    const [heavy, flow] = [heavyTable.medians, flowTable.medians];

    const ratio = (m: Medians, pick: (run: Run) => number) => addedRatio(m.A(pick), m.B(pick), m.C(pick));
    const heavyTbt = ratio(heavy, blockingMs);
    const heavyScript = ratio(heavy, (run) => run.scriptMs);
    const [flowA, flowC] = [flow.A(blockingMs), flow.C(blockingMs)];
    const flowAdded = flowA > 0 ? `${(((flowC - flowA) / flowA) * 100).toFixed(0)} %` : "A has none, so any is more than 10 %";
    const flowRoundsA = runs.filter((run) => run.scenario === "flow" && run.variant === "A").map(blockingMs);
    const [lowA, highA] = [Math.min(...flowRoundsA), Math.max(...flowRoundsA)];
    const noise = flowC >= lowA && flowC <= highA ? `; C's median is inside A's own range of ${lowA.toFixed(0)}–${highA.toFixed(0)} ms, so the difference is within run-to-run noise` : "";
    const flowKb = flow.C(kbPerMinute);
    const lazy = recorderUrls.length > 0 && inHtml.length === 0;
    console.log(`\nTargets`);
    console.log(`  heavy page: Candor adds ≤ ½ of the blocking time rrweb adds — ${heavyTbt.toFixed(2)}: ${verdict(heavyTbt <= 0.5)}`);
    console.log(`  heavy page: Candor adds ≤ ½ of the script time rrweb adds — ${heavyScript.toFixed(2)}: ${verdict(heavyScript <= 0.5)}`);
    console.log(`  ordinary flow: ≤ 10 % added blocking time — medians ${flowA.toFixed(0)} → ${flowC.toFixed(0)} ms, ${flowAdded}${noise}: ${verdict(flowC <= flowA * 1.1)}`);
    console.log(`    (blocking inside Candor's own code, measured within each run: ${flowTable.blockingInC.toFixed(0)} ms per run, ${flowA > 0 ? `${((flowTable.blockingInC / flowA) * 100).toFixed(0)} % of A's median` : "A has none"})`);
    console.log(`  ordinary flow: ≤ 100 KB per minute compressed — ${flowKb.toFixed(1)} KB/min: ${verdict(flowKb <= 100)}`);
    console.log(`  recorder ≤ 40 KB gzip and loaded lazily — ${bundleKb.C.toFixed(1)} KB, ${lazy ? "lazy (not in the page HTML, not requested without consent)" : `NOT lazy: ${inHtml.join(", ")}`}: ${verdict(bundleKb.C <= 40 && lazy)}`);
    const longestRecorderMs = Math.max(heavyTable.recorderC.longestMs, flowTable.recorderC.longestMs);
    console.log(`  no recorder task over 50 ms — longest time in Candor's recorder code within one task ${longestRecorderMs.toFixed(0)} ms: ${verdict(longestRecorderMs <= LONG_TASK_MS)}`);
  }
} finally {
  await browser?.close();
  await stopServer();
  await database.drop();
}
