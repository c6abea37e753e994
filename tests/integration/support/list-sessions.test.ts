import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { grantConsent } from "@/lib/consent/grant-consent";
import { listSessions } from "@/lib/support/list-sessions";
import { sessionListQuerySchema } from "@/lib/support/schemas";
import { createUser } from "@/tests/support/factories";

// One fixed data set for the file (each integration file has its own database): two users, five live sessions, one
// expired and one with no stored chunk. Ids are chosen so ties (two sessions with 3 errors) have a known id order.
const DAY = 24 * 60 * 60 * 1000;
const future = new Date(Date.now() + 30 * DAY);
let alice: { id: string; email: string };
let bob: { id: string; email: string };

type Seed = { id: string; startedAt: string; durationS: number; errors?: number; rage?: number; dead?: number; browser: string; os: string; device: string; paths?: string[]; expired?: boolean; empty?: boolean };

async function seed(user: { id: string }, consentRecordId: string, session: Seed) {
  await db.recordingSession.create({
    data: {
      id: session.id,
      userId: user.id,
      consentRecordId,
      startedAt: new Date(session.startedAt),
      lastEventAt: new Date(new Date(session.startedAt).getTime() + session.durationS * 1000),
      durationMs: session.durationS * 1000,
      chunkCount: session.empty ? 0 : 1,
      pageCount: session.paths?.length ?? 0,
      errorCount: session.errors ?? 0,
      rageClickCount: session.rage ?? 0,
      deadClickCount: session.dead ?? 0,
      browser: session.browser,
      os: session.os,
      deviceType: session.device,
      viewport: "1280x720",
      expiresAt: session.expired ? new Date(Date.now() - DAY) : future,
      events: {
        create: (session.paths ?? []).map((path, seq) => ({ seq, ts: new Date(session.startedAt), kind: "PAGE" as const, path, summary: { path, title: path } })),
      },
    },
  });
}

const list = (params: Record<string, string> = {}, userId?: string) => listSessions({ query: sessionListQuerySchema.parse(params), userId });
const ids = async (params: Record<string, string> = {}) => (await list(params)).sessions.map((session) => session.id);

beforeAll(async () => {
  alice = await createUser({ name: "Alice Archer" });
  bob = await createUser({ name: "Bob Baker" });
  const aliceConsent = await grantConsent({ userId: alice.id, policyVersion: 1, source: "SETTINGS" });
  const bobConsent = await grantConsent({ userId: bob.id, policyVersion: 1, source: "SETTINGS" });
  await seed(alice, aliceConsent.id, { id: "s1", startedAt: "2026-03-01T10:00:00Z", durationS: 60, browser: "Chrome", os: "Windows", device: "desktop", paths: ["/programs", "/"] });
  await seed(alice, aliceConsent.id, { id: "s2", startedAt: "2026-03-05T10:00:00Z", durationS: 300, errors: 3, rage: 1, browser: "Firefox", os: "Linux", device: "desktop", paths: ["/messages"] });
  await seed(bob, bobConsent.id, { id: "s3", startedAt: "2026-03-03T10:00:00Z", durationS: 30, errors: 1, dead: 2, browser: "Safari", os: "iOS", device: "mobile", paths: ["/programs"] });
  await seed(bob, bobConsent.id, { id: "s4", startedAt: "2026-03-07T23:30:00Z", durationS: 600, browser: "Chrome", os: "Android", device: "tablet" });
  await seed(bob, bobConsent.id, { id: "s5", startedAt: "2026-03-09T10:00:00Z", durationS: 120, errors: 3, browser: "Chrome", os: "macOS", device: "desktop" });
  await seed(bob, bobConsent.id, { id: "s0-expired", startedAt: "2026-03-08T10:00:00Z", durationS: 900, errors: 9, browser: "Chrome", os: "macOS", device: "desktop", paths: ["/programs"], expired: true });
  await seed(bob, bobConsent.id, { id: "s0-empty", startedAt: "2026-03-08T11:00:00Z", durationS: 0, browser: "Chrome", os: "macOS", device: "desktop", empty: true });
});

describe("listSessions — sorting", () => {
  it("defaults to newest first, and never lists expired sessions or sessions with nothing stored", async () => {
    expect(await ids()).toEqual(["s5", "s4", "s2", "s3", "s1"]);
  });

  it("sorts by start, duration and errors in both directions, ties broken by id", async () => {
    expect(await ids({ sort: "start", order: "asc" })).toEqual(["s1", "s3", "s2", "s4", "s5"]);
    expect(await ids({ sort: "duration" })).toEqual(["s4", "s2", "s5", "s1", "s3"]);
    expect(await ids({ sort: "duration", order: "asc" })).toEqual(["s3", "s1", "s5", "s2", "s4"]);
    expect(await ids({ sort: "errors" })).toEqual(["s5", "s2", "s3", "s4", "s1"]);
    expect(await ids({ sort: "errors", order: "asc" })).toEqual(["s1", "s4", "s3", "s2", "s5"]);
  });

  it("returns each row with its user, counts and device", async () => {
    const [row] = (await list({ sort: "start", order: "asc", limit: "1" })).sessions;
    expect(row).toMatchObject({ id: "s1", durationMs: 60_000, pageCount: 2, errorCount: 0, browser: "Chrome", os: "Windows", deviceType: "desktop", user: { id: alice.id, name: "Alice Archer", email: alice.email } });
  });
});

describe("listSessions — filters", () => {
  it("finds a user's sessions by name or email, case-insensitively", async () => {
    expect(await ids({ q: "alice ARCHER" })).toEqual(["s2", "s1"]);
    expect(await ids({ q: bob.email.toUpperCase() })).toEqual(["s5", "s4", "s3"]);
    expect(await ids({ q: bob.email.slice(0, 10) })).toEqual(["s5", "s4", "s3"]);
    expect(await ids({ q: "nobody-by-this-name" })).toEqual([]);
  });

  it("limits to a date range of whole UTC days, both ends included", async () => {
    expect(await ids({ from: "2026-03-03", to: "2026-03-07" })).toEqual(["s4", "s2", "s3"]);
    expect(await ids({ from: "2026-03-06" })).toEqual(["s5", "s4"]);
    expect(await ids({ to: "2026-03-01" })).toEqual(["s1"]);
  });

  it("keeps sessions with errors, or with rage/dead clicks", async () => {
    expect(await ids({ errors: "1" })).toEqual(["s5", "s2", "s3"]);
    expect(await ids({ frustration: "1" })).toEqual(["s2", "s3"]);
    expect(await ids({ errors: "1", frustration: "on" })).toEqual(["s2", "s3"]);
  });

  it("keeps sessions that visited a page path", async () => {
    expect(await ids({ path: "/programs" })).toEqual(["s3", "s1"]);
    expect(await ids({ path: "/messages" })).toEqual(["s2"]);
    expect(await ids({ path: "/nowhere" })).toEqual([]);
  });

  it("filters by browser, OS (case-insensitively) and device type", async () => {
    expect(await ids({ browser: "chrome" })).toEqual(["s5", "s4", "s1"]);
    expect(await ids({ os: "IOS" })).toEqual(["s3"]);
    expect(await ids({ device: "tablet" })).toEqual(["s4"]);
    expect(await ids({ device: "desktop", browser: "Chrome" })).toEqual(["s5", "s1"]);
  });

  it("keeps sessions at least the minimum duration long (inclusive)", async () => {
    expect(await ids({ minDuration: "120" })).toEqual(["s5", "s4", "s2"]);
    expect(await ids({ minDuration: "601" })).toEqual([]);
  });

  it("combines filters with a sort", async () => {
    expect(await ids({ browser: "Chrome", errors: "1", sort: "duration" })).toEqual(["s5"]);
    expect(await ids({ q: "bob", sort: "duration", order: "asc" })).toEqual(["s3", "s5", "s4"]);
  });

  it("scopes to one user for the user page", async () => {
    expect((await list({}, alice.id)).sessions.map((session) => session.id)).toEqual(["s2", "s1"]);
  });

  it("treats blank form fields as no filter", async () => {
    expect(await ids({ q: "", from: "", to: "", path: "", browser: "", os: "", device: "", minDuration: "" })).toHaveLength(5);
  });

  it("rejects malformed filters with field errors", () => {
    const result = sessionListQuerySchema.safeParse({ from: "2026-03-09", to: "2026-03-01", device: "fridge", minDuration: "abc", path: "programs", sort: "random" });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((issue) => issue.path.join("."));
    expect(fields).toEqual(expect.arrayContaining(["device", "minDuration", "path", "sort"]));
    expect(sessionListQuerySchema.safeParse({ from: "2026-03-09", to: "2026-03-01" }).error?.issues[0]).toMatchObject({ path: ["to"] });
    expect(sessionListQuerySchema.safeParse({ limit: "101" }).success).toBe(false);
  });
});

describe("listSessions — keyset paging", () => {
  it("walks forward page by page, with no cursor past the ends", async () => {
    const first = await list({ limit: "2" });
    expect(first.sessions.map((session) => session.id)).toEqual(["s5", "s4"]);
    expect(first.prevCursor).toBeNull();
    expect(first.nextCursor).not.toBeNull();

    const second = await list({ limit: "2", cursor: first.nextCursor! });
    expect(second.sessions.map((session) => session.id)).toEqual(["s2", "s3"]);
    expect(second.prevCursor).not.toBeNull();

    const third = await list({ limit: "2", cursor: second.nextCursor! });
    expect(third.sessions.map((session) => session.id)).toEqual(["s1"]);
    expect(third.nextCursor).toBeNull();
    expect(third.prevCursor).not.toBeNull();

    const back = await list({ limit: "2", cursor: third.prevCursor!, dir: "prev" });
    expect(back.sessions.map((session) => session.id)).toEqual(["s2", "s3"]);
    expect(back.nextCursor).not.toBeNull();
    expect(back.prevCursor).not.toBeNull();

    const start = await list({ limit: "2", cursor: back.prevCursor!, dir: "prev" });
    expect(start.sessions.map((session) => session.id)).toEqual(["s5", "s4"]);
    expect(start.prevCursor).toBeNull();
  });

  it("pages exactly: a full last page has no next cursor", async () => {
    const first = await list({ limit: "5" });
    expect(first.sessions).toHaveLength(5);
    expect(first.nextCursor).toBeNull();
    const second = await list({ limit: "4" });
    const rest = await list({ limit: "4", cursor: second.nextCursor! });
    expect(rest.sessions.map((session) => session.id)).toEqual(["s1"]);
    expect(rest.nextCursor).toBeNull();
  });

  it("pages through ties on the sort column without skipping or repeating", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof list>> = await list({ sort: "errors", limit: "1", ...(cursor ? { cursor } : {}) });
      seen.push(...page.sessions.map((session) => session.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["s5", "s2", "s3", "s4", "s1"]);
  });

  it("refuses a tampered cursor, or one from another sort, as a validation error", async () => {
    await expect(list({ cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    const byDuration = await list({ sort: "duration", limit: "1" });
    await expect(list({ sort: "start", cursor: byDuration.nextCursor! })).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
  });
});
