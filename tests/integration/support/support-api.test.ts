import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { grantConsent } from "@/lib/consent/grant-consent";
import { eraseSharedData } from "@/lib/privacy/erase-shared-data";
import { ingestChunk } from "@/lib/recording/ingest-chunk";
import { startRecordingSession } from "@/lib/recording/start-recording-session";
import { updateSettings } from "@/lib/settings/update-settings";
import { createUser } from "@/tests/support/factories";
import { custom, device, fullSnapshot, meta } from "@/tests/support/rrweb-fixtures";

// The real role checks run (lib/auth/session); only next-auth's "who is signed in" and Next's request scope are stubbed.
const auth = vi.hoisted(() => ({ userId: null as string | null }));
// Route handlers read the session cookie's token directly (lib/auth/session: getApiUser).
vi.mock("next-auth/jwt", () => ({ getToken: async () => (auth.userId ? { sub: auth.userId } : null) }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), connection: async () => {} }));

const listRoute = await import("@/app/api/support/sessions/route");
const sessionRoute = await import("@/app/api/support/sessions/[id]/route");
const viewsRoute = await import("@/app/api/support/sessions/[id]/views/route");
const timelineRoute = await import("@/app/api/support/sessions/[id]/timeline/route");
const eventsRoute = await import("@/app/api/support/sessions/[id]/events/route");

const users = {} as Record<Role, { id: string; name: string }>;
let member: { id: string; name: string };
let sessionId: string;
let startTs: number;

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const url = (path: string) => `http://localhost${path}`;
const as = (role: Role | null) => {
  auth.userId = role ? users[role].id : null;
};

const call = {
  list: () => listRoute.GET(new Request(url("/api/support/sessions")), undefined),
  session: (id = sessionId) => sessionRoute.GET(new Request(url(`/api/support/sessions/${id}`)), ctx(id)),
  view: (reason: string, id = sessionId) =>
    viewsRoute.POST(
      new Request(url(`/api/support/sessions/${id}/views`), { method: "POST", headers: { "content-type": "application/json", origin: "http://localhost", host: "localhost" }, body: JSON.stringify({ reason }) }),
      ctx(id),
    ),
  timeline: (view: string, id = sessionId) => timelineRoute.GET(new Request(url(`/api/support/sessions/${id}/timeline?view=${view}`)), ctx(id)),
  events: (view: string, id = sessionId, fromSeq = 0) => eventsRoute.GET(new Request(url(`/api/support/sessions/${id}/events?view=${view}&fromSeq=${fromSeq}`)), ctx(id)),
};

async function openView(reason = "Ticket #42: export fails") {
  const response = await call.view(reason);
  expect(response.status).toBe(201);
  return ((await response.json()) as { view: { id: string } }).view.id;
}

async function ndjson(response: Response) {
  return (await response.text())
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { seq: number; events: { type: number; timestamp: number; data: Record<string, unknown> }[] });
}

/** A member who consented and recorded two chunks through the real ingest path (scrubbed, indexed, encrypted). */
async function recordSession() {
  member = await createUser({ name: "Recorded Member" });
  await grantConsent({ userId: member.id, policyVersion: 1, source: "SETTINGS" });
  const started = await startRecordingSession({ userId: member.id, entryPath: "/" });
  const t = started.serverTime + 100;
  startTs = t;
  await ingestChunk({
    userId: member.id,
    sessionId: started.sessionId,
    payload: { seq: 0, clockOffsetMs: 0, events: [meta(t), fullSnapshot(t + 1), custom(t + 2, "candor/session", device), custom(t + 3, "candor/page", { path: "/programs", title: "Programs" })] },
  });
  await ingestChunk({
    userId: member.id,
    sessionId: started.sessionId,
    payload: {
      seq: 1,
      clockOffsetMs: 0,
      events: [
        custom(t + 2000, "candor/page", { path: "/messages", title: "Messages" }),
        custom(t + 3000, "candor/error", { page: "/messages", kind: "error", message: "TypeError: boom", source: "app.js:1:2" }),
      ],
    },
  });
  return started.sessionId;
}

beforeAll(async () => {
  for (const role of ["MEMBER", "SUPPORT", "ANALYST", "ADMIN"] as const) users[role] = await createUser({ role, name: `${role} person` });
  sessionId = await recordSession();
});

beforeEach(async () => {
  as(null);
  await updateSettings({ actorId: users.ADMIN.id, values: { requireViewReason: true } });
});

describe("support API — who may call it", () => {
  const endpoints = {
    "GET /api/support/sessions": () => call.list(),
    "GET /api/support/sessions/:id": () => call.session(),
    "POST /api/support/sessions/:id/views": () => call.view("curious"),
    "GET /api/support/sessions/:id/timeline": () => call.timeline("any"),
    "GET /api/support/sessions/:id/events": () => call.events("any"),
  };

  for (const [name, request] of Object.entries(endpoints)) {
    it(`${name}: 401 anonymous, 403 for MEMBER and ANALYST, and no view recorded`, async () => {
      const before = await db.replayView.count();
      as(null);
      expect((await request()).status).toBe(401);
      for (const role of ["MEMBER", "ANALYST"] as const) {
        as(role);
        const response = await request();
        expect(response.status).toBe(403);
        expect(await response.json()).toMatchObject({ error: { code: "FORBIDDEN" } });
      }
      expect(await db.replayView.count()).toBe(before);
    });
  }

  it("lets SUPPORT and ADMIN list sessions", async () => {
    for (const role of ["SUPPORT", "ADMIN"] as const) {
      as(role);
      const response = await call.list();
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.sessions.map((session: { id: string }) => session.id)).toContain(sessionId);
    }
  });

  it("answers 400 for invalid list filters", async () => {
    as("SUPPORT");
    const response = await listRoute.GET(new Request(url("/api/support/sessions?device=fridge&minDuration=x")), undefined);
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields).toHaveProperty("device");
  });
});

describe("opening a replay — the audit comes first", () => {
  it("refuses to open without a reason while the setting is on, and records nothing", async () => {
    as("SUPPORT");
    const before = await db.replayView.count();
    const response = await call.view("   ");
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields.reason).toBeDefined();
    expect(await db.replayView.count()).toBe(before);
  });

  it("records viewer, recorded user, reason and time, then serves the session's data against that view only", async () => {
    as("SUPPORT");
    const viewId = await openView("Ticket #42: export fails");
    const view = await db.replayView.findUniqueOrThrow({ where: { id: viewId } });
    expect(view).toMatchObject({ sessionId, recordedUserId: member.id, viewerId: users.SUPPORT.id, viewerName: "SUPPORT person", reason: "Ticket #42: export fails" });

    const events = await call.events(viewId);
    expect(events.status).toBe(200);
    expect(events.headers.get("content-type")).toContain("application/x-ndjson");
    expect(events.headers.get("cache-control")).toBe("no-store");
    const lines = await ndjson(events);
    expect(lines.map((line) => line.seq)).toEqual([0, 1]);
    expect(lines[0].events.some((event) => event.type === 2)).toBe(true);
    expect(lines[1].events.map((event) => event.data.tag)).toEqual(["candor/page", "candor/error"]);

    const resumed = await ndjson(await call.events(viewId, sessionId, 1));
    expect(resumed.map((line) => line.seq)).toEqual([1]);

    const timeline = await call.timeline(viewId);
    expect(timeline.status).toBe(200);
    const { items } = await timeline.json();
    expect(items.map((item: { kind: string; title: string }) => [item.kind, item.title])).toEqual([
      ["PAGE", "/programs"],
      ["PAGE", "/messages"],
      ["ERROR", "TypeError: boom"],
    ]);
    expect(items[2].ts).toBe(startTs + 3000);
  });

  it("refuses events and timeline without a view, with another viewer's view, or with a view of another session", async () => {
    as("ADMIN");
    const adminView = await openView("Audit check");
    as("SUPPORT");
    expect((await call.events("")).status).toBe(400);
    expect((await call.events("made-up-view")).status).toBe(403);
    expect((await call.events(adminView)).status).toBe(403);
    expect((await call.timeline(adminView)).status).toBe(403);

    const other = await recordSession();
    const otherView = ((await (await call.view("Another ticket", other)).json()) as { view: { id: string } }).view.id;
    expect((await call.events(otherView)).status).toBe(403);
  });

  it("expires a view's access after four hours", async () => {
    as("SUPPORT");
    const viewId = await openView();
    await db.replayView.update({ where: { id: viewId }, data: { at: new Date(Date.now() - 4 * 60 * 60 * 1000 - 1000) } });
    const response = await call.events(viewId);
    expect(response.status).toBe(403);
  });

  it("opens without a reason, still recording the view, when an admin turned reasons off", async () => {
    await updateSettings({ actorId: users.ADMIN.id, values: { requireViewReason: false } });
    as("SUPPORT");
    const viewId = await openView("");
    expect(await db.replayView.findUniqueOrThrow({ where: { id: viewId } })).toMatchObject({ reason: "", viewerId: users.SUPPORT.id });
    expect((await call.events(viewId)).status).toBe(200);
  });
});

describe("sessions that are gone", () => {
  it("answers 410 for an expired session — header, new views and events alike", async () => {
    const expiring = await recordSession();
    as("SUPPORT");
    const viewId = ((await (await call.view("Before expiry", expiring)).json()) as { view: { id: string } }).view.id;
    await db.recordingSession.update({ where: { id: expiring }, data: { expiresAt: new Date(Date.now() - 1000) } });
    for (const response of [await call.session(expiring), await call.view("After expiry", expiring), await call.events(viewId, expiring), await call.timeline(viewId, expiring)]) {
      expect(response.status).toBe(410);
      expect((await response.json()).error.message).toMatch(/no longer available/);
    }
  });

  it("answers 410 for an erased session that was once viewed, and 404 for an id that never existed", async () => {
    const erased = await recordSession();
    as("SUPPORT");
    const viewId = ((await (await call.view("Before erasure", erased)).json()) as { view: { id: string } }).view.id;
    await eraseSharedData({ userId: member.id, actorId: member.id });
    expect((await call.session(erased)).status).toBe(410);
    expect((await call.events(viewId, erased)).status).toBe(410);
    expect(await db.replayView.count({ where: { id: viewId } })).toBe(1); // the audit outlives the recording
    expect((await call.session("never-existed")).status).toBe(404);
  });
});
