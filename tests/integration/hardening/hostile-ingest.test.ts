import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { grantConsent } from "@/lib/consent/grant-consent";
import { chunkPayloadSchema, INGEST_LIMITS } from "@/lib/recording/protocol";
import { createUser } from "@/tests/support/factories";
import { custom, device, fullSnapshot, meta } from "@/tests/support/rrweb-fixtures";

/**
 * Issue 8, item 5: generated hostile uploads against the two ingest handlers. Every one must be answered 4xx (never
 * 5xx), and nothing may be stored — except a replayed sequence number, which is acknowledged as a duplicate
 * (ingest is idempotent by design: the recorder re-sends after unload) and must leave the stored chunk untouched.
 */
const auth = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/session", () => ({
  requireApiUser: async () => {
    if (!auth.userId) throw new AppError("UNAUTHORIZED", "Sign in first.");
    return { id: auth.userId, email: "x@test.invalid", name: "X", role: "MEMBER" };
  },
}));
// The per-user rate limit (unit-tested on its own) would answer most of these 429 before their bodies are read,
// hiding exactly the parsing paths this suite is for.
vi.mock("@/lib/recording/ingest-rate-limits", () => ({ hitIngestRateLimit: () => {} }));

const { POST: startRoute } = await import("@/app/api/ingest/sessions/route");
const { POST: chunkRoute } = await import("@/app/api/ingest/sessions/[id]/chunks/route");

const RUNS = 1_200;
let attacker: { id: string; sessionId: string; serverTime: number };
let victimSessionId: string;
let t0: number;
const storedSeqs = [0, 1, 2];
let before: Awaited<ReturnType<typeof counts>>;
let storedBefore: { seq: number; data: Uint8Array }[];
const statuses = new Map<number, number>();

const counts = async () => ({
  sessions: await db.recordingSession.count(),
  chunks: await db.recordingChunk.count(),
  events: await db.sessionEvent.count(),
  usage: await db.usageEvent.count(),
  keys: await db.userDataKey.count(),
});

const validEvents = (t: number) => [meta(t), fullSnapshot(t + 1), custom(t + 2, "candor/session", device), custom(t + 3, "candor/page", { path: "/", title: "Home" })];

async function consentingUserWithSession() {
  const user = await createUser();
  await grantConsent({ userId: user.id, policyVersion: 1, source: "SETTINGS" });
  auth.userId = user.id;
  const response = await startRoute(
    new Request("http://localhost/api/ingest/sessions", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ entryPath: "/" }) }),
    undefined,
  );
  const { sessionId, serverTime } = (await response.json()) as { sessionId: string; serverTime: number };
  for (const seq of storedSeqs) {
    const stored = await chunkRoute(send({ route: "chunk", sessionId, body: gz(json({ seq, clockOffsetMs: 0, events: validEvents(serverTime + 10 * seq) })) }), {
      params: Promise.resolve({ id: sessionId }),
    });
    expect(stored.status).toBe(200);
  }
  return { id: user.id, sessionId, serverTime };
}

type Hostile = { route: "start" | "chunk"; sessionId?: string; contentType?: string | null; origin?: string; body: Uint8Array | string };
const json = (value: unknown) => JSON.stringify(value);
const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};
const gz = (value: string | Uint8Array) => new Uint8Array(gzipSync(value));

function send({ route, sessionId = "", contentType = route === "chunk" ? "application/gzip" : "application/json", origin, body }: Hostile): Request {
  const headers = new Headers({ host: "localhost" });
  if (contentType !== null) headers.set("content-type", contentType);
  if (origin) headers.set("origin", origin);
  const pathname = route === "chunk" ? `/api/ingest/sessions/${encodeURIComponent(sessionId)}/chunks` : "/api/ingest/sessions";
  return new Request(`http://localhost${pathname}`, { method: "POST", headers, body: typeof body === "string" ? body : Buffer.from(body) });
}

// --- Generators: each produces a request the server must refuse. ---

/** A fresh sequence number on the attacker's own session, so only the body can be the reason for a refusal. */
const freshSeq = fc.integer({ min: 1_000, max: 10_000_000 });
const onOwnSession = (body: Uint8Array | string, contentType?: string | null): Hostile => ({ route: "chunk", sessionId: attacker.sessionId, body, contentType });

/** Valid payloads with one field swapped for a value of the wrong type or range (anything the schema rejects). */
const wrongTypes = fc
  .record({
    seq: freshSeq,
    field: fc.constantFrom("seq", "clockOffsetMs", "events", "event", "type", "timestamp", "data"),
    value: fc.oneof(fc.anything(), fc.double(), fc.string(), fc.constant(null), fc.integer({ min: -1e12, max: 1e12 })),
    gzip: fc.boolean(),
  })
  .map(({ seq, field, value, gzip }) => {
    const events: Record<string, unknown>[] = validEvents(t0);
    const payload: Record<string, unknown> = { seq, clockOffsetMs: 0, events };
    if (field === "event") events[0] = value as Record<string, unknown>;
    else if (field === "type" || field === "timestamp" || field === "data") events[1] = { ...events[1], [field]: value };
    else payload[field] = value;
    return { payload, gzip };
  })
  .filter(({ payload }) => !chunkPayloadSchema.safeParse(payload).success)
  .map(({ payload, gzip }) => onOwnSession(gzip ? gz(json(payload)) : json(payload), gzip ? "application/gzip" : "application/json"));

/** Any JSON value at all as the body: the top level is not even an object with events. */
const arbitraryJson = fc
  .tuple(fc.jsonValue(), fc.boolean())
  .filter(([value]) => !chunkPayloadSchema.safeParse(value).success)
  .map(([value, gzip]) => onOwnSession(gzip ? gz(json(value)) : json(value), gzip ? "application/gzip" : "application/json"));

/** Candor facts (custom events) whose payload does not match their tag's schema. */
const badFacts = fc
  .record({
    seq: freshSeq,
    tag: fc.constantFrom("candor/session", "candor/page", "candor/click", "candor/error", "candor/network", "candor/gap", "candor/rage-click"),
    payload: fc.oneof(fc.anything(), fc.record({ path: fc.integer(), page: fc.array(fc.string()), target: fc.double() })),
  })
  .map(({ seq, tag, payload }) => onOwnSession(gz(json({ seq, clockOffsetMs: 0, events: [meta(t0), custom(t0 + 1, tag, payload)] }))));

/** More events than a chunk may hold (each one tiny, so the body itself stays under every byte cap). */
const hugeArrays = fc.integer({ min: INGEST_LIMITS.maxEventsPerChunk + 1, max: INGEST_LIMITS.maxEventsPerChunk + 5_000 }).map((n) => {
  const events = Array.from({ length: n }, (_, i) => ({ type: 3, timestamp: t0 + i, data: {} }));
  return onOwnSession(gz(json({ seq: 5_000, clockOffsetMs: 0, events })));
});

/** JSON nested far deeper than any recorded page, at the top level or inside an event's data. */
const deepNesting = fc.record({ depth: fc.integer({ min: 10_000, max: 900_000 }), where: fc.constantFrom("top", "data"), seq: freshSeq }).map(({ depth, where, seq }) => {
  const nested = "[".repeat(depth) + "]".repeat(depth);
  const body = where === "top" ? nested : `{"seq":${seq},"clockOffsetMs":0,"events":[{"type":3,"timestamp":${t0},"data":{"x":${nested}}}]}`;
  return onOwnSession(gz(body));
});

/** Decompresses past the cap from a small body: whitespace (valid JSON around it) or zeros. Built once, picked often. */
let zipBombs: Uint8Array[] = [];
const zipBomb = fc.nat().map((i) => onOwnSession(zipBombs[i % zipBombs.length]));

/** Raw bodies over the 2 MB cap, declared or not. */
let oversized: Uint8Array;
const tooLarge = fc.constantFrom("application/gzip", "application/json").map((contentType) => onOwnSession(oversized, contentType));

/** Broken gzip: truncated, flipped bytes, or plain garbage declared as gzip. */
const brokenGzip = fc.record({ seq: freshSeq, cut: fc.nat(), flip: fc.nat(), garbage: fc.uint8Array({ minLength: 0, maxLength: 512 }) }).map(({ seq, cut, flip, garbage }) => {
  const good = gz(json({ seq, clockOffsetMs: 0, events: validEvents(t0) }));
  const truncated = good.slice(0, 10 + (cut % (good.length - 18)));
  const flipped = good.slice();
  // Past the 10-byte header (whose mtime and OS bytes are free-form): a flip there is caught by inflate or the CRC.
  flipped[10 + (flip % (good.length - 10))] ^= 0xff;
  return onOwnSession([truncated, flipped, garbage][cut % 3]);
});

/** Invalid UTF-8 (lone continuation bytes, overlongs, surrogates) inside a string or the structure of a valid chunk. */
const invalidUtf8 = fc
  .record({
    seq: freshSeq,
    bad: fc.constantFrom([0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x28, 0xa1]),
    where: fc.constantFrom("string", "structure"),
    gzip: fc.boolean(),
  })
  .map(({ seq, bad, where, gzip }) => {
    const text = json({ seq, clockOffsetMs: 0, events: [meta(t0), custom(t0 + 1, "candor/page", { path: "/", title: "MARK" })] });
    const [head, tail] = where === "string" ? text.split("MARK") : [text.slice(0, -1), text.slice(-1)];
    const body = new Uint8Array([...Buffer.from(head), ...bad, ...Buffer.from(tail)]);
    return onOwnSession(gzip ? gz(body) : body, gzip ? "application/gzip" : "application/json");
  });

/** A valid chunk sent as something else, or with no type at all; or a gzip body declared as JSON and the reverse. */
const wrongContentType = fc
  .record({
    seq: freshSeq,
    contentType: fc.oneof(
      fc.constantFrom(null, "", "text/plain", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/xml", "application/octet-stream", "application/jsonp", "gzip"),
      fc.string({ maxLength: 40 }).filter((value) => !/^\s*application\/(x-)?(gzip|json)\s*(;|$)/i.test(value) && !/[\r\n\0]/.test(value)),
    ),
    swap: fc.boolean(),
  })
  .map(({ seq, contentType, swap }) => {
    const payload = json({ seq, clockOffsetMs: 0, events: validEvents(t0) });
    if (swap) return seq % 2 ? onOwnSession(gz(payload), "application/json") : onOwnSession(payload, "application/gzip");
    return onOwnSession(seq % 2 ? gz(payload) : payload, contentType);
  });

/** A perfectly valid chunk aimed at someone else's session, a session that does not exist, or a malformed id. */
const otherSessions = fc
  .record({
    seq: freshSeq,
    target: fc.oneof(
      fc.constant("victim"),
      fc.stringMatching(/^[a-z0-9]{10,40}$/),
      fc.constantFrom("../../etc/passwd", "' OR 1=1 --", "%00", "a".repeat(5000), "ÄÖÜ-unicode-id", ""),
      fc.string(),
    ),
  })
  .map(({ seq, target }) => ({
    route: "chunk" as const,
    sessionId: target === "victim" ? victimSessionId : target,
    body: gz(json({ seq, clockOffsetMs: 0, events: validEvents(t0) })),
  }));

/** A valid chunk from another site (the origin check), with a body that would otherwise be stored. */
const crossOrigin = fc.record({ seq: freshSeq, origin: fc.constantFrom("https://evil.example", "http://localhost.evil.example", "null") }).map(({ seq, origin }) => ({
  ...onOwnSession(gz(json({ seq, clockOffsetMs: 0, events: validEvents(t0) }))),
  origin,
}));

/** Hostile bodies for starting a session: wrong types, wrong content types, malformed or oversized JSON. */
const badStarts = fc
  .oneof(
    fc.anything().filter((value) => !(typeof value === "object" && value !== null && !Array.isArray(value))).map((value) => ({ body: json(value) ?? "", contentType: "application/json" })),
    fc.record({ entryPath: fc.oneof(fc.integer(), fc.array(fc.string()), fc.string({ minLength: 2001, maxLength: 3000 }), fc.boolean()) }).map((value) => ({ body: json(value), contentType: "application/json" })),
    fc
      .string()
      .map((text) => `{${text}`)
      .filter((body) => !isJson(body)) // "{" + "}" is valid JSON, and a valid start
      .map((body) => ({ body, contentType: "application/json" })),
    fc.constantFrom("text/plain", "application/gzip", "multipart/form-data").map((contentType) => ({ body: json({ entryPath: "/" }), contentType })),
    fc.constant({ body: json({ entryPath: "/", pad: " ".repeat(70 * 1024) }), contentType: "application/json" }),
  )
  .map(({ body, contentType }): Hostile => ({ route: "start", body, contentType }));

/** A stored sequence number sent again with different content: acknowledged as a duplicate, stored content unchanged. */
const replayed = fc.record({ seq: fc.constantFrom(...storedSeqs), title: fc.string() }).map(({ seq, title }) => ({
  replay: true as const,
  ...onOwnSession(gz(json({ seq, clockOffsetMs: 0, events: [meta(t0), custom(t0 + 1, "candor/page", { path: "/replayed", title })] }))),
}));

const hostile = fc.oneof(
  { arbitrary: wrongTypes, weight: 6 },
  { arbitrary: arbitraryJson, weight: 3 },
  { arbitrary: badFacts, weight: 4 },
  { arbitrary: hugeArrays, weight: 1 },
  { arbitrary: deepNesting, weight: 2 },
  { arbitrary: zipBomb, weight: 1 },
  { arbitrary: tooLarge, weight: 1 },
  { arbitrary: brokenGzip, weight: 3 },
  { arbitrary: invalidUtf8, weight: 3 },
  { arbitrary: wrongContentType, weight: 3 },
  { arbitrary: otherSessions, weight: 4 },
  { arbitrary: crossOrigin, weight: 1 },
  { arbitrary: badStarts, weight: 3 },
  { arbitrary: replayed, weight: 2 },
);

async function dispatch(request: Hostile) {
  auth.userId = attacker.id;
  const response =
    request.route === "start" ? await startRoute(send(request), undefined) : await chunkRoute(send(request), { params: Promise.resolve({ id: request.sessionId ?? "" }) });
  statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  return { status: response.status, body: (await response.json()) as { duplicate?: boolean; error?: { code: string } } };
}

const storedChunks = () => db.recordingChunk.findMany({ where: { sessionId: attacker.sessionId }, orderBy: { seq: "asc" }, select: { seq: true, data: true } });

beforeAll(async () => {
  const victim = await consentingUserWithSession();
  victimSessionId = victim.sessionId;
  attacker = await consentingUserWithSession();
  t0 = attacker.serverTime + 1_000;
  const whitespace = Buffer.alloc(INGEST_LIMITS.maxDecompressedBytes + 1024, " ");
  const validWrapped = Buffer.concat([Buffer.from(`{"seq":9,"clockOffsetMs":0,"events":[${json(meta(t0))}]`), whitespace, Buffer.from("}")]);
  zipBombs = [gz(whitespace), gz(Buffer.alloc(64 * 1024 * 1024)), gz(validWrapped)];
  oversized = new Uint8Array(INGEST_LIMITS.maxBodyBytes + 1).fill(0x20);
  before = await counts();
  storedBefore = await storedChunks();
}, 120_000);

afterAll(() => {
  // What the generators actually exercised, for whoever reads the run.
  console.info("[hostile-ingest] statuses:", Object.fromEntries([...statuses].sort(([a], [b]) => a - b)));
});

describe("hostile ingest requests", () => {
  it(`answers ${RUNS} generated hostile requests 4xx (replays: 200 duplicate) and stores nothing`, async () => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(hostile, async (request) => {
        sent++;
        const { status, body } = await dispatch(request);
        if ("replay" in request) {
          expect(status).toBe(200);
          expect(body.duplicate).toBe(true);
        } else {
          expect(status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
          expect(status, JSON.stringify(body)).toBeLessThan(500);
        }
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(sent).toBeGreaterThanOrEqual(1_000);
    expect(await counts()).toEqual(before);
    expect(await storedChunks()).toEqual(storedBefore);
  }, 120_000);

  it("still takes a valid chunk afterwards (the handlers are not wedged)", async () => {
    const { status, body } = await dispatch(onOwnSession(gz(json({ seq: 3, clockOffsetMs: 0, events: validEvents(t0) }))));
    expect(status).toBe(200);
    expect(body.duplicate).toBe(false);
    expect(await db.recordingChunk.count()).toBe(before.chunks + 1);
  });
});
