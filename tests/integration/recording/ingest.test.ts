import { gzipSync } from "node:zlib";
import { PrismaPg } from "@prisma/adapter-pg";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { grantConsent } from "@/lib/consent/grant-consent";
import { revokeConsent } from "@/lib/consent/revoke-consent";
import { policySha256, DEFAULT_POLICY_CONTENT } from "@/lib/consent/policy-content";
import { destroyUserDataKey } from "@/lib/crypto/destroy-user-data-key";
import { INGEST_LIMITS } from "@/lib/recording/protocol";
import { backgroundWritesSettled } from "@/lib/db/background-writes";
import { readChunk } from "@/lib/replay/read-chunk";
import { readSessionChunks } from "@/lib/replay/read-session-events";
import { createUser } from "@/tests/support/factories";
import { chunkRequest, custom, device, fullSnapshot, inputEvent, meta, SECRET, textMutation } from "@/tests/support/rrweb-fixtures";

// The route handlers are exercised as the browser calls them; only "who is signed in" is stubbed.
const auth = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/session", () => ({
  requireApiUser: async () => {
    if (!auth.userId) throw new AppError("UNAUTHORIZED", "Sign in first.");
    return { id: auth.userId, email: "x@test.invalid", name: "X", role: "MEMBER" };
  },
}));

const { POST: startRoute } = await import("@/app/api/ingest/sessions/route");
const { POST: chunkRoute } = await import("@/app/api/ingest/sessions/[id]/chunks/route");

async function consentingUser() {
  const user = await createUser();
  await grantConsent({ userId: user.id, policyVersion: 1, source: "SETTINGS" });
  auth.userId = user.id;
  return user;
}

async function start() {
  const response = await startRoute(
    new Request("http://localhost/api/ingest/sessions", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ entryPath: "/?tab=x" }) }),
    undefined,
  );
  return { response, body: await response.json() };
}

const post = (sessionId: string, payload: unknown, options?: Parameters<typeof chunkRequest>[2]) =>
  chunkRoute(chunkRequest(sessionId, payload, options), { params: Promise.resolve({ id: sessionId }) });

async function storedEvents(sessionId: string) {
  const all: { seq: number; events: { type: number; timestamp: number; data: Record<string, unknown> }[] }[] = [];
  for await (const chunk of readSessionChunks({ sessionId })) all.push({ seq: chunk.seq, events: JSON.parse(chunk.json) });
  return all;
}

const storedCount = async (sessionId: string) => ({
  chunks: await db.recordingChunk.count({ where: { sessionId } }),
  events: await db.sessionEvent.count({ where: { sessionId } }),
});

beforeEach(() => {
  auth.userId = null;
});

describe("POST /api/ingest/sessions", () => {
  it("401 when nobody is signed in", async () => {
    const { response } = await start();
    expect(response.status).toBe(401);
  });

  it("403 CONSENT_REQUIRED for a user who never opted in, and stores nothing", async () => {
    const user = await createUser();
    auth.userId = user.id;
    const { response, body } = await start();
    expect(response.status).toBe(403);
    expect(body.error.code).toBe("CONSENT_REQUIRED");
    expect(await db.recordingSession.count({ where: { userId: user.id } })).toBe(0);
  });

  it("starts a session bound to the current grant, with the recording config and the retention deadline", async () => {
    const user = await consentingUser();
    const before = Date.now();
    const { response, body } = await start();
    expect(response.status).toBe(201);
    expect(body.config).toMatchObject({ maxBatchBytes: 65536, idleTimeoutMs: 1_800_000 });
    expect(Math.abs(body.serverTime - before)).toBeLessThan(5000);
    const session = await db.recordingSession.findUniqueOrThrow({ where: { id: body.sessionId } });
    const grant = await db.consentRecord.findFirstOrThrow({ where: { userId: user.id, granted: true } });
    expect(session.consentRecordId).toBe(grant.id);
    expect(session.entryPath).toBe("/?tab=");
    expect(session.expiresAt.getTime() - session.startedAt.getTime()).toBe(90 * 86_400_000);
    expect(await db.userDataKey.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("POST /api/ingest/sessions/:id/chunks", () => {
  it("stores a scrubbed, encrypted chunk, indexes its facts and updates the session summary", async () => {
    await consentingUser();
    const { body: started } = await start();
    const t = started.serverTime + 100;
    const payload = {
      seq: 0,
      clockOffsetMs: 0,
      events: [
        meta(t),
        fullSnapshot(t + 1),
        custom(t + 2, "candor/session", device),
        custom(t + 3, "candor/page", { path: "/programs?q=secret", title: "Programs" }),
        inputEvent(t + 4, SECRET),
        textMutation(t + 5, 9, SECRET),
        custom(t + 6, "candor/click", { page: "/programs", target: "button#save.primary", x: 10, y: 20 }),
        custom(t + 7, "candor/rage-click", { page: "/programs", target: "button#save.primary", count: 3 }),
        custom(t + 8, "candor/dead-click", { page: "/programs", target: "span.label" }),
        custom(t + 9, "candor/error", { page: "/programs", kind: "error", message: "TypeError: x is undefined", stack: "at a\n".repeat(1000) }),
        custom(t + 10, "candor/console", { page: "/programs", level: "warn", message: "careful" }),
        custom(t + 11, "candor/network", { page: "/programs", method: "GET", path: "/api/programs?page=2", status: 200, durationMs: 12, size: 300 }),
        custom(t + 12, "candor/page-leave", { path: "/programs", durationMs: 5000 }),
        custom(t + 13, "other/tag", { anything: SECRET }),
      ],
    };
    const response = await post(started.sessionId, payload);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ seq: 0, duplicate: false, consent: { granted: true } });

    const chunk = await db.recordingChunk.findUniqueOrThrow({ where: { sessionId_seq: { sessionId: started.sessionId, seq: 0 } } });
    expect(chunk.hasFullSnapshot).toBe(true);
    expect(chunk.eventCount).toBe(payload.events.length - 1);
    expect(chunk.storedBytes).toBe(chunk.data.length);
    expect(Buffer.from(chunk.data).includes(Buffer.from("candor/"))).toBe(false); // encrypted, not just gzipped

    const [stored] = await storedEvents(started.sessionId);
    const text = JSON.stringify(stored.events);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain("secret");
    expect(text).not.toContain("other/tag");
    expect(text).toContain("Visible link text");
    expect(text).toContain("http://localhost/reset?token=");

    const rows = await db.sessionEvent.findMany({ where: { sessionId: started.sessionId }, orderBy: { ts: "asc" } });
    expect(rows.map((row) => row.kind)).toEqual(["PAGE", "CLICK", "RAGE_CLICK", "DEAD_CLICK", "ERROR", "CONSOLE", "NETWORK"]);
    expect(rows[0]).toMatchObject({ path: "/programs?q=", summary: { path: "/programs?q=", title: "Programs" } });
    expect(rows[1]).toMatchObject({ path: "/programs", summary: { target: "button#save.primary", x: 10, y: 20 } });
    expect((rows[4].summary as { stack: string }).stack.length).toBeLessThanOrEqual(2000);
    expect(rows[6].summary).toEqual({ method: "GET", path: "/api/programs?page=", status: 200, durationMs: 12, size: 300 });
    expect(rows[0].ts.getTime()).toBe(t + 3);

    const session = await db.recordingSession.findUniqueOrThrow({ where: { id: started.sessionId } });
    expect(session).toMatchObject({
      chunkCount: 1,
      pageCount: 1,
      clickCount: 1,
      rageClickCount: 1,
      deadClickCount: 1,
      errorCount: 1,
      browser: "Chrome",
      os: "Linux",
      deviceType: "desktop",
      screen: "1920x1080@1x",
      viewport: "1280x720",
      locale: "en-GB",
      timeZone: "Europe/London",
    });
    expect(session.lastEventAt.getTime()).toBe(t + 12); // the foreign custom event at t + 13 was dropped
    expect(session.durationMs).toBe(t + 12 - session.startedAt.getTime());

    // Anonymous usage facts reach insights (no user id there, so count by kind), just after the upload is answered.
    await backgroundWritesSettled();
    expect(await db.usageEvent.count({ where: { kind: "ERROR" } })).toBeGreaterThan(0);

    const single = await readChunk({ sessionId: started.sessionId, seq: 0 });
    expect(single?.events).toEqual(stored.events);
  });

  it("completes a page view's time on page when the leave arrives in a later chunk", async () => {
    await consentingUser();
    const { body: started } = await start();
    const t = started.serverTime + 10;
    await post(started.sessionId, { seq: 0, events: [custom(t, "candor/page", { path: "/a", title: "A" })] });
    await post(started.sessionId, { seq: 1, events: [custom(t + 4000, "candor/page-leave", { path: "/a", durationMs: 4000 })] });
    const page = await db.sessionEvent.findFirstOrThrow({ where: { sessionId: started.sessionId, kind: "PAGE" } });
    expect(page.summary).toEqual({ path: "/a", title: "A", durationMs: 4000 });
  });

  it("is idempotent on (session, seq): a retried chunk is acknowledged and stored once", async () => {
    await consentingUser();
    const { body: started } = await start();
    const payload = { seq: 3, events: [custom(started.serverTime + 5, "candor/click", { page: "/", target: "a.nav" })] };
    const first = await post(started.sessionId, payload);
    const retry = await post(started.sessionId, payload);
    const concurrent = await Promise.all([post(started.sessionId, payload), post(started.sessionId, payload)]);
    expect(await first.json()).toMatchObject({ duplicate: false });
    expect(await retry.json()).toMatchObject({ seq: 3, duplicate: true });
    for (const response of concurrent) expect(response.status).toBe(200);
    expect(await storedCount(started.sessionId)).toEqual({ chunks: 1, events: 1 });
    const session = await db.recordingSession.findUniqueOrThrow({ where: { id: started.sessionId } });
    expect(session).toMatchObject({ clickCount: 1, chunkCount: 1 });
  });

  it("accepts chunks out of order and reads them back in sequence order", async () => {
    await consentingUser();
    const { body: started } = await start();
    const t = started.serverTime + 10;
    for (const seq of [2, 0, 1]) {
      const response = await post(started.sessionId, { seq, events: [custom(t + seq * 1000, "candor/click", { page: "/", target: `button#b${seq}` })] });
      expect(response.status).toBe(200);
    }
    const chunks = await storedEvents(started.sessionId);
    expect(chunks.map((chunk) => chunk.seq)).toEqual([0, 1, 2]);
    expect(chunks.map((chunk) => (chunk.events[0].data.payload as { target: string }).target)).toEqual(["button#b0", "button#b1", "button#b2"]);
    const session = await db.recordingSession.findUniqueOrThrow({ where: { id: started.sessionId } });
    expect(session.lastEventAt.getTime()).toBe(t + 2000);
  });

  it("moves events to server time and drops those dated before the session or in the future", async () => {
    await consentingUser();
    const { body: started } = await start();
    const skewed = started.serverTime - 3_600_000; // the browser clock is an hour behind
    const response = await post(started.sessionId, {
      seq: 0,
      clockOffsetMs: 3_600_000,
      events: [
        custom(skewed + 50, "candor/click", { page: "/", target: "a.ok" }),
        custom(skewed - 60_000, "candor/click", { page: "/", target: "a.before-start" }),
        custom(skewed + 7_200_000, "candor/click", { page: "/", target: "a.future" }),
      ],
    });
    expect(response.status).toBe(200);
    const rows = await db.sessionEvent.findMany({ where: { sessionId: started.sessionId } });
    expect(rows).toHaveLength(1);
    expect(rows[0].ts.getTime()).toBe(started.serverTime + 50);
    const [stored] = await storedEvents(started.sessionId);
    expect(stored.events.map((event) => event.timestamp)).toEqual([started.serverTime + 50]);
  });

  it("403 CONSENT_REVOKED after an opt-out, also after opting in again; a new session records again", async () => {
    const user = await consentingUser();
    const { body: started } = await start();
    const chunk = (seq: number) => ({ seq, events: [custom(started.serverTime + 10, "candor/click", { page: "/", target: "a" })] });
    expect((await post(started.sessionId, chunk(0))).status).toBe(200);

    await revokeConsent({ userId: user.id, source: "SETTINGS" });
    const refused = await post(started.sessionId, chunk(1));
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("CONSENT_REVOKED");

    await grantConsent({ userId: user.id, policyVersion: 1, source: "SETTINGS" });
    expect((await post(started.sessionId, chunk(2))).status).toBe(403);
    expect(await storedCount(started.sessionId)).toEqual({ chunks: 1, events: 1 });

    const { body: fresh } = await start();
    expect((await post(fresh.sessionId, { seq: 0, events: [custom(fresh.serverTime + 1, "candor/click", { page: "/", target: "a" })] })).status).toBe(200);
  });

  it("403 CONSENT_REVOKED once a new policy version supersedes the grant", async () => {
    await consentingUser();
    const { body: started } = await start();
    const content = { ...DEFAULT_POLICY_CONTENT, summary: `${DEFAULT_POLICY_CONTENT.summary} (v2 in ${started.sessionId})` };
    const policy = await db.consentPolicy.findFirst({ orderBy: { version: "desc" } });
    await db.consentPolicy.create({ data: { version: policy!.version + 1, content, sha256: policySha256(content) } });
    try {
      const response = await post(started.sessionId, { seq: 0, events: [custom(started.serverTime + 1, "candor/click", { page: "/", target: "a" })] });
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe("CONSENT_REVOKED");
      expect(await storedCount(started.sessionId)).toEqual({ chunks: 0, events: 0 });
    } finally {
      await db.consentPolicy.delete({ where: { version: policy!.version + 1 } });
    }
  });

  it("401 when not signed in, 404 for someone else's or an unknown session — storing nothing", async () => {
    await consentingUser();
    const { body: started } = await start();
    const payload = { seq: 0, events: [custom(started.serverTime + 1, "candor/click", { page: "/", target: "a" })] };

    auth.userId = null;
    expect((await post(started.sessionId, payload)).status).toBe(401);

    await consentingUser();
    const foreign = await post(started.sessionId, payload);
    expect(foreign.status).toBe(404);
    expect((await foreign.json()).error.code).toBe("NOT_FOUND");
    expect((await post("clunknownsession000000000", payload)).status).toBe(404);
    expect((await post("../../etc", payload)).status).toBe(404);
    expect(await storedCount(started.sessionId)).toEqual({ chunks: 0, events: 0 });
  });

  it("415 / 413 / 400 for bad bodies, with a JSON error and nothing stored", async () => {
    await consentingUser();
    const { body: started } = await start();
    const good = { seq: 0, events: [custom(started.serverTime + 1, "candor/click", { page: "/", target: "a" })] };
    const cases: [Response, number, string][] = [
      [await post(started.sessionId, good, { contentType: "text/plain" }), 415, "UNSUPPORTED_MEDIA_TYPE"],
      [await post(started.sessionId, good, { gzip: false }), 200, ""], // uncompressed JSON (the unload path) is fine
    ];
    await db.recordingChunk.deleteMany({ where: { sessionId: started.sessionId } });
    await db.sessionEvent.deleteMany({ where: { sessionId: started.sessionId } });

    const oversized = new Request(`http://localhost/api/ingest/sessions/${started.sessionId}/chunks`, {
      method: "POST",
      headers: { "content-type": "application/gzip" },
      body: Buffer.alloc(INGEST_LIMITS.maxBodyBytes + 1, 1),
    });
    cases.push([await chunkRoute(oversized, { params: Promise.resolve({ id: started.sessionId }) }), 413, "PAYLOAD_TOO_LARGE"]);

    // A zip bomb: tiny on the wire, over the cap once inflated.
    const bomb = gzipSync(Buffer.from(`{"seq":0,"events":[],"pad":"${" ".repeat(INGEST_LIMITS.maxDecompressedBytes)}"}`));
    expect(bomb.length).toBeLessThan(100_000);
    const bombRequest = new Request(`http://localhost/api/ingest/sessions/${started.sessionId}/chunks`, { method: "POST", headers: { "content-type": "application/gzip" }, body: bomb });
    cases.push([await chunkRoute(bombRequest, { params: Promise.resolve({ id: started.sessionId }) }), 413, "PAYLOAD_TOO_LARGE"]);

    const raw = (body: Buffer | string, contentType = "application/gzip") =>
      chunkRoute(new Request(`http://localhost/api/ingest/sessions/${started.sessionId}/chunks`, { method: "POST", headers: { "content-type": contentType }, body: typeof body === "string" ? body : new Uint8Array(body) }), {
        params: Promise.resolve({ id: started.sessionId }),
      });
    cases.push([await raw(Buffer.from("not gzip at all")), 400, "BAD_REQUEST"]);
    cases.push([await raw(gzipSync("{not json")), 400, "INVALID_JSON"]);
    cases.push([await raw("{\"events\":[]}", "application/json"), 400, "VALIDATION_FAILED"]);
    cases.push([await post(started.sessionId, { seq: 0, events: [{ type: 9, timestamp: 1, data: {} }] }), 400, "VALIDATION_FAILED"]);
    cases.push([await post(started.sessionId, { seq: 0, events: [custom(started.serverTime + 1, "candor/network", { page: "/", method: "get; drop", path: "/", status: 200, durationMs: 1, size: 1 })] }), 400, "VALIDATION_FAILED"]);

    for (const [response, status, code] of cases) {
      expect(response.status).toBe(status);
      if (code) expect((await response.json()).error.code).toBe(code);
    }
    expect(await storedCount(started.sessionId)).toEqual({ chunks: 0, events: 0 });
  });

  it("403 CROSS_ORIGIN for uploads from another site", async () => {
    await consentingUser();
    const { body: started } = await start();
    const request = new Request(`http://localhost/api/ingest/sessions/${started.sessionId}/chunks`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example", host: "localhost" },
      body: JSON.stringify({ seq: 0, events: [custom(started.serverTime + 1, "candor/click", { page: "/", target: "a" })] }),
    });
    expect((await chunkRoute(request, { params: Promise.resolve({ id: started.sessionId }) })).status).toBe(403);
    expect(await storedCount(started.sessionId)).toEqual({ chunks: 0, events: 0 });
  });

  it("429 with Retry-After when a user uploads too often", async () => {
    const user = await createUser();
    auth.userId = user.id;
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 241; i++) {
      last = await post("clsomesession00000000000", {}, { contentType: "text/plain" });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 240).every((status) => status === 415)).toBe(true);
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await last!.json()).error.code).toBe("RATE_LIMITED");
  });

  it("503 with Retry-After when the database is unreachable, so the recorder keeps the chunk and retries", async () => {
    await consentingUser();
    const { body: started } = await start();
    const holder = globalThis as unknown as { candorDb?: PrismaClient };
    const real = holder.candorDb;
    const unreachable = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgresql://postgres@127.0.0.1:1/none", connectionTimeoutMillis: 2000 }) });
    holder.candorDb = unreachable;
    try {
      const response = await post(started.sessionId, { seq: 0, events: [custom(started.serverTime + 1, "candor/click", { page: "/", target: "a" })] });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect((await response.json()).error.code).toBe("DATABASE_UNAVAILABLE");
    } finally {
      holder.candorDb = real;
      await unreachable.$disconnect();
    }
    const retried = await post(started.sessionId, { seq: 0, events: [custom(started.serverTime + 1, "candor/click", { page: "/", target: "a" })] });
    expect(retried.status).toBe(200);
  });

  it("crypto-shredding: once the user's key is destroyed, their chunks cannot be read", async () => {
    const user = await consentingUser();
    const { body: started } = await start();
    await post(started.sessionId, { seq: 0, events: [custom(started.serverTime + 1, "candor/click", { page: "/", target: "a" })] });
    expect(await storedEvents(started.sessionId)).toHaveLength(1);
    expect(await destroyUserDataKey({ userId: user.id })).toBe(true);
    expect(await storedEvents(started.sessionId)).toEqual([]);
    expect(await readChunk({ sessionId: started.sessionId, seq: 0 })).toBeNull();
  });
});
