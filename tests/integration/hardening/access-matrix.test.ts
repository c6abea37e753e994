import { readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { grantConsent } from "@/lib/consent/grant-consent";
import { ingestChunk } from "@/lib/recording/ingest-chunk";
import { startRecordingSession } from "@/lib/recording/start-recording-session";
import { createUser } from "@/tests/support/factories";
import { chunkRequest, custom, device, fullSnapshot, meta } from "@/tests/support/rrweb-fixtures";

/**
 * Issue 8, item 6: every route handler and every platform page × every role (and anonymous). The real guards in
 * lib/auth/session run; only next-auth's "who is signed in" and Next's request scope are stubbed. The handler and
 * page lists are read from app/ at test time, so a new file without an entry here fails the suite.
 *
 * Requests for a role that must be refused are ones that would succeed if the check were missing (the caller's own
 * session, a replay view in the caller's name), so a handler that loses its check fails here instead of slipping
 * through on a 404.
 */
const auth = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("next-auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next-auth")>()),
  getServerSession: async () => (auth.userId ? { user: { id: auth.userId } } : null),
}));
// Route handlers read the session cookie's token directly (lib/auth/session: getApiUser).
vi.mock("next-auth/jwt", () => ({ getToken: async () => (auth.userId ? { sub: auth.userId } : null) }));
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), connection: async () => {} }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-candor-path": "/somewhere" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), revalidateTag: vi.fn() }));
// forbidden() refuses to run unless next.config's experimental.authInterrupts has set this (as `next build` does).
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

const ROLES = ["MEMBER", "SUPPORT", "ANALYST", "ADMIN"] as const satisfies readonly Role[];
const EVERY_ROLE: readonly Role[] = ROLES;
type Caller = { id: string; name: string; role: Role } | null;
type Call = { request: Request; context: unknown };

const users = {} as Record<Role, { id: string; name: string; role: Role }>;
let recordedSessionId: string;

const appDir = path.resolve("app");
/** Every file called `name` under app/, as a path relative to app/ with forward slashes. */
function filesNamed(name: string, under = "") {
  return (readdirSync(path.join(appDir, under), { recursive: true }) as string[])
    .map((file) => path.join(under, file).split(path.sep).join("/"))
    .filter((file) => path.posix.basename(file) === name)
    .sort();
}

const url = (pathname: string) => `http://localhost${pathname}`;
const idContext = (id: string) => ({ params: Promise.resolve({ id }) });
const jsonPost = (pathname: string, body: unknown) =>
  new Request(url(pathname), { method: "POST", headers: { "content-type": "application/json", origin: "http://localhost", host: "localhost" }, body: JSON.stringify(body) });

/** A replay view in the caller's own name, so refusing it can only be the role check's doing. */
async function viewFor(caller: Caller) {
  const viewer = caller ?? users.MEMBER;
  const view = await db.replayView.create({
    data: { sessionId: recordedSessionId, recordedUserId: users.MEMBER.id, viewerId: viewer.id, viewerName: viewer.name, reason: "access matrix" },
  });
  return view.id;
}

type Entry = { allowed: readonly Role[]; status: number; call: (caller: Caller) => Promise<Call> };

/** Route file (relative to app/) → exported method → who may call it and what they get. */
const HANDLERS: Record<string, Record<string, Entry | "public">> = {
  // next-auth's own endpoints (csrf, sign-in, session) are how one becomes signed in: public by design.
  "api/auth/[...nextauth]/route.ts": { GET: "public", POST: "public" },
  "api/me/route.ts": { GET: { allowed: EVERY_ROLE, status: 200, call: async () => ({ request: new Request(url("/api/me")), context: undefined }) } },
  "api/consent/route.ts": {
    GET: { allowed: EVERY_ROLE, status: 200, call: async () => ({ request: new Request(url("/api/consent")), context: undefined }) },
    POST: {
      allowed: EVERY_ROLE,
      status: 200,
      call: async () => ({ request: jsonPost("/api/consent", { granted: true, policyVersion: 1, source: "SETTINGS" }), context: undefined }),
    },
  },
  "api/consent/ledger/route.ts": { GET: { allowed: EVERY_ROLE, status: 200, call: async () => ({ request: new Request(url("/api/consent/ledger")), context: undefined }) } },
  "api/consent/prompt-dismissal/route.ts": {
    POST: { allowed: EVERY_ROLE, status: 200, call: async () => ({ request: jsonPost("/api/consent/prompt-dismissal", {}), context: undefined }) },
  },
  "api/ingest/sessions/route.ts": {
    POST: { allowed: EVERY_ROLE, status: 201, call: async () => ({ request: jsonPost("/api/ingest/sessions", { entryPath: "/" }), context: undefined }) },
  },
  "api/ingest/sessions/[id]/chunks/route.ts": {
    POST: {
      allowed: EVERY_ROLE,
      status: 200,
      call: async (caller) => {
        // Every role records its own sessions; anonymous callers aim at someone else's.
        const sessionId = caller ? (await startRecordingSession({ userId: caller.id, entryPath: "/" })).sessionId : recordedSessionId;
        const t = Date.now();
        const payload = { seq: 0, clockOffsetMs: 0, events: [meta(t), fullSnapshot(t + 1)] };
        return { request: chunkRequest(sessionId, payload), context: idContext(sessionId) };
      },
    },
  },
  "api/insights/export/[chart]/route.ts": {
    GET: {
      allowed: ["ANALYST", "ADMIN"],
      status: 200,
      call: async () => ({ request: new Request(url("/api/insights/export/active-users?range=30")), context: { params: Promise.resolve({ chart: "active-users" }) } }),
    },
  },
  "api/support/sessions/route.ts": {
    GET: { allowed: ["SUPPORT", "ADMIN"], status: 200, call: async () => ({ request: new Request(url("/api/support/sessions")), context: undefined }) },
  },
  "api/support/sessions/[id]/route.ts": {
    GET: {
      allowed: ["SUPPORT", "ADMIN"],
      status: 200,
      call: async () => ({ request: new Request(url(`/api/support/sessions/${recordedSessionId}`)), context: idContext(recordedSessionId) }),
    },
  },
  "api/support/sessions/[id]/views/route.ts": {
    POST: {
      allowed: ["SUPPORT", "ADMIN"],
      status: 201,
      call: async () => ({ request: jsonPost(`/api/support/sessions/${recordedSessionId}/views`, { reason: "Ticket #1" }), context: idContext(recordedSessionId) }),
    },
  },
  "api/support/sessions/[id]/timeline/route.ts": {
    GET: {
      allowed: ["SUPPORT", "ADMIN"],
      status: 200,
      call: async (caller) => ({
        request: new Request(url(`/api/support/sessions/${recordedSessionId}/timeline?view=${await viewFor(caller)}`)),
        context: idContext(recordedSessionId),
      }),
    },
  },
  "api/support/sessions/[id]/events/route.ts": {
    GET: {
      allowed: ["SUPPORT", "ADMIN"],
      status: 200,
      call: async (caller) => ({
        request: new Request(url(`/api/support/sessions/${recordedSessionId}/events?view=${await viewFor(caller)}&fromSeq=0`)),
        context: idContext(recordedSessionId),
      }),
    },
  },
  "(platform)/admin/audit/export/route.ts": {
    GET: { allowed: ["ADMIN"], status: 200, call: async () => ({ request: new Request(url("/admin/audit/export")), context: undefined }) },
  },
};

/** Page file (relative to app/) → the roles that may open it (EVERY_ROLE: any signed-in user). */
const PAGES: Record<string, readonly Role[]> = {
  "(platform)/page.tsx": EVERY_ROLE,
  "(platform)/programs/page.tsx": EVERY_ROLE,
  "(platform)/programs/new/page.tsx": EVERY_ROLE,
  "(platform)/programs/[id]/page.tsx": EVERY_ROLE,
  "(platform)/programs/[id]/edit/page.tsx": EVERY_ROLE,
  "(platform)/messages/page.tsx": EVERY_ROLE,
  "(platform)/messages/new/page.tsx": EVERY_ROLE,
  "(platform)/messages/[id]/page.tsx": EVERY_ROLE,
  "(platform)/settings/profile/page.tsx": EVERY_ROLE,
  "(platform)/settings/privacy/page.tsx": EVERY_ROLE,
  "(platform)/support/page.tsx": ["SUPPORT", "ADMIN"],
  "(platform)/support/sessions/[id]/page.tsx": ["SUPPORT", "ADMIN"],
  "(platform)/support/users/[id]/page.tsx": ["SUPPORT", "ADMIN"],
  "(platform)/insights/page.tsx": ["ANALYST", "ADMIN"],
  "(platform)/admin/page.tsx": ["ADMIN"],
  "(platform)/admin/audit/page.tsx": ["ADMIN"],
  "(platform)/admin/policy/page.tsx": ["ADMIN"],
  "(platform)/admin/settings/page.tsx": ["ADMIN"],
};
/** Layouts that guard everything under them. */
const LAYOUTS: Record<string, readonly Role[]> = { "(platform)/layout.tsx": EVERY_ROLE, "(platform)/admin/layout.tsx": ["ADMIN"] };

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const importApp = (file: string) => import(/* @vite-ignore */ path.join(appDir, file)) as Promise<Record<string, unknown>>;

beforeAll(async () => {
  for (const role of ROLES) {
    const user = await createUser({ role, name: `Matrix ${role}` });
    await grantConsent({ userId: user.id, policyVersion: 1, source: "SETTINGS" });
    users[role] = user;
  }
  // One member session recorded through the real ingest path, for the support endpoints to serve.
  const started = await startRecordingSession({ userId: users.MEMBER.id, entryPath: "/" });
  const t = started.serverTime + 100;
  await ingestChunk({
    userId: users.MEMBER.id,
    sessionId: started.sessionId,
    payload: { seq: 0, clockOffsetMs: 0, events: [meta(t), fullSnapshot(t + 1), custom(t + 2, "candor/session", device), custom(t + 3, "candor/page", { path: "/", title: "Home" })] },
  });
  recordedSessionId = started.sessionId;
});

describe("route handlers", () => {
  it("every route file under app/ and every method it exports has an entry", async () => {
    const files = filesNamed("route.ts");
    expect(files).toEqual(Object.keys(HANDLERS).sort());
    for (const file of files) {
      const exported = Object.keys(await importApp(file)).filter((name) => METHODS.includes(name));
      expect(exported.sort(), file).toEqual(Object.keys(HANDLERS[file]).sort());
    }
  });

  const cases = Object.entries(HANDLERS).flatMap(([file, methods]) =>
    Object.entries(methods).flatMap(([method, entry]) => (entry === "public" ? [] : [{ file, method, entry }])),
  );
  const callers = [null, ...ROLES] as const;

  describe.each(cases)("$method $file", ({ file, method, entry }) => {
    it.each(callers.map((role) => ({ role: role ?? ("anonymous" as const) })))("$role", async ({ role }) => {
      const caller = role === "anonymous" ? null : users[role];
      auth.userId = caller?.id ?? null;
      const handler = (await importApp(file))[method] as (request: Request, context: unknown) => Promise<Response>;
      const { request, context } = await entry.call(caller);
      const response = await handler(request, context);
      const body = await response.text(); // drains streamed bodies too

      if (!caller) {
        expect(response.status, body).toBe(401);
        expect(JSON.parse(body).error.code).toBe("UNAUTHORIZED");
      } else if (!entry.allowed.includes(caller.role)) {
        expect(response.status, body).toBe(403);
        expect(JSON.parse(body).error.code).toBe("FORBIDDEN");
      } else {
        expect(response.status, body).toBe(entry.status);
      }
    });
  });
});

type Outcome = "rendered" | "sign-in" | "forbidden";

/** Runs a page or layout's server component as Next would and reports which guard outcome it reached. */
async function open(file: string, caller: Caller): Promise<Outcome> {
  auth.userId = caller?.id ?? null;
  const Component = (await importApp(file)).default as (props: unknown) => Promise<unknown>;
  try {
    // An unknown id: allowed callers get past the guard and then find nothing (404), which still counts as let in.
    await Component({ params: Promise.resolve({ id: "nosuchrecord0000000000" }), searchParams: Promise.resolve({}), children: null });
    return "rendered";
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? "");
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "rendered";
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;403") return "forbidden";
    if (digest.startsWith("NEXT_REDIRECT;") && digest.includes(";/signin?callbackUrl=")) return "sign-in";
    throw error;
  }
}

describe("pages", () => {
  it("every page under app/(platform) has an entry", () => {
    expect(filesNamed("page.tsx", "(platform)")).toEqual(Object.keys(PAGES).sort());
    expect(filesNamed("layout.tsx", "(platform)")).toEqual(Object.keys(LAYOUTS).sort());
  });

  const cases = Object.entries({ ...PAGES, ...LAYOUTS }).map(([file, allowed]) => ({ file, allowed }));
  describe.each(cases)("$file", ({ file, allowed }) => {
    it("anonymous → sign-in", async () => {
      expect(await open(file, null)).toBe("sign-in");
    });
    it.each(ROLES.map((role) => ({ role })))("$role", async ({ role }) => {
      expect(await open(file, users[role])).toBe(allowed.includes(role) ? "rendered" : "forbidden");
    });
  });
});
