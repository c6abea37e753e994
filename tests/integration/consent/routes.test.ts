import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireApiUser, requireUser, type CurrentUser } from "@/lib/auth/session";
import { grantConsent } from "@/lib/consent/grant-consent";
import { createUser } from "@/tests/support/factories";
import { createRecording } from "@/tests/support/recordings";
import { GET as getConsent, POST as postConsent } from "@/app/api/consent/route";
import { GET as getLedger } from "@/app/api/consent/ledger/route";
import { POST as dismissPrompt } from "@/app/api/consent/prompt-dismissal/route";
import { eraseMySharedDataAction } from "@/app/(platform)/settings/privacy/actions";

// The session comes from next-auth's cookie in the app; here each test says who is signed in (or nobody).
vi.mock("@/lib/auth/session", () => ({ requireApiUser: vi.fn(), requireUser: vi.fn() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const signedOut = () => {
  vi.mocked(requireApiUser).mockRejectedValue(new AppError("UNAUTHORIZED", "Sign in first."));
  vi.mocked(requireUser).mockRejectedValue(new Error("NEXT_REDIRECT"));
};
const signedInAs = (user: CurrentUser) => {
  vi.mocked(requireApiUser).mockResolvedValue(user);
  vi.mocked(requireUser).mockResolvedValue(user);
};

const UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0";
const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request("http://localhost:3000/api/consent", {
    method: "POST",
    headers: { "content-type": "application/json", host: "localhost:3000", origin: "http://localhost:3000", "user-agent": UA, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const get = (path: string) => new Request(`http://localhost:3000${path}`, { headers: { host: "localhost:3000" } });
const bare = new Request("http://localhost:3000/api/consent/prompt-dismissal", { method: "POST", headers: { host: "localhost:3000", origin: "http://localhost:3000" } });

beforeEach(() => vi.clearAllMocks());

describe("unauthorized access", () => {
  it("every consent handler answers 401 in the JSON error shape and writes nothing", async () => {
    signedOut();
    const before = await db.consentRecord.count();
    for (const response of [
      await getConsent(get("/api/consent"), undefined),
      await postConsent(post({ granted: true, policyVersion: 1, source: "SETTINGS" }), undefined),
      await getLedger(get("/api/consent/ledger"), undefined),
      await dismissPrompt(bare, undefined),
    ]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: { code: "UNAUTHORIZED", message: "Sign in first." } });
    }
    expect(await db.consentRecord.count()).toBe(before);
  });

  it("the erase action refuses a signed-out caller and erases nothing", async () => {
    signedOut();
    const owner = await createUser();
    const grant = await grantConsent({ userId: owner.id, policyVersion: 1, source: "SETTINGS" });
    await createRecording({ userId: owner.id, consentRecordId: grant.id });
    await expect(eraseMySharedDataAction()).rejects.toThrow("NEXT_REDIRECT");
    expect(await db.recordingSession.count({ where: { userId: owner.id } })).toBe(1);
  });
});

describe("POST /api/consent", () => {
  it("records the signed-in user's opt-in with source and user agent, and returns the new state", async () => {
    const user = await createUser();
    signedInAs(user);
    const response = await postConsent(post({ granted: true, policyVersion: 1, source: "SETTINGS" }), undefined);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ granted: true, reason: null, decidedPolicyVersion: 1, policy: { version: 1 } });
    expect(await db.consentRecord.findFirstOrThrow({ where: { userId: user.id } })).toMatchObject({ granted: true, source: "SETTINGS", userAgent: UA });

    const off = await postConsent(post({ granted: false, policyVersion: 1, source: "SETTINGS" }), undefined);
    expect(await off.json()).toMatchObject({ granted: false, reason: "revoked" });
  });

  it("refuses other origins, non-JSON, malformed bodies, a browser-claimed ADMIN source and an outdated policy", async () => {
    const user = await createUser();
    signedInAs(user);
    const cases: [Request, number, string][] = [
      [post({ granted: true, policyVersion: 1, source: "SETTINGS" }, { origin: "https://evil.example" }), 403, "CROSS_ORIGIN"],
      [post("granted=true", { "content-type": "application/x-www-form-urlencoded" }), 415, "UNSUPPORTED_MEDIA_TYPE"],
      [post("{not json"), 400, "INVALID_JSON"],
      [post({ granted: true, policyVersion: 1, source: "ADMIN" }), 400, "VALIDATION_FAILED"],
      [post({ granted: true, policyVersion: 99, source: "SETTINGS" }), 409, "CONFLICT"],
    ];
    for (const [request, status, code] of cases) {
      const response = await postConsent(request, undefined);
      expect(response.status).toBe(status);
      expect((await response.json()).error.code).toBe(code);
    }
    expect(await db.consentRecord.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("GET /api/consent/ledger", () => {
  it("downloads only the signed-in user's own history, as valid JSON with the policy texts", async () => {
    const user = await createUser();
    const stranger = await createUser();
    await grantConsent({ userId: stranger.id, policyVersion: 1, source: "SETTINGS" });
    await grantConsent({ userId: user.id, policyVersion: 1, source: "PROMPT", userAgent: UA });
    signedInAs(user);

    const response = await getLedger(get("/api/consent/ledger"), undefined);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="consent-history-\d{4}-\d{2}-\d{2}\.json"$/);
    const document = JSON.parse(await response.text());
    expect(document.user).toEqual({ id: user.id, email: user.email });
    expect(document.records).toEqual([
      expect.objectContaining({ decision: "granted", policyVersion: 1, source: "prompt", userAgent: UA, policySha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
    ]);
    expect(document.policies).toEqual([expect.objectContaining({ version: 1, sha256: document.records[0].policySha256 })]);
  });
});

describe("POST /api/consent/prompt-dismissal", () => {
  it("remembers the dismissal and records no consent", async () => {
    const user = await createUser();
    signedInAs(user);
    const response = await dismissPrompt(bare, undefined);
    expect(response.status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).consentPromptDismissedAt).toBeInstanceOf(Date);
    expect(await db.consentRecord.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("eraseMySharedDataAction", () => {
  it("erases the signed-in user's recordings only", async () => {
    const user = await createUser();
    const other = await createUser();
    for (const owner of [user, other]) {
      const grant = await grantConsent({ userId: owner.id, policyVersion: 1, source: "SETTINGS" });
      await createRecording({ userId: owner.id, consentRecordId: grant.id });
    }
    signedInAs(user);
    expect(await eraseMySharedDataAction()).toMatchObject({ ok: true, message: expect.stringContaining("Deleted 1 recorded session") });
    expect(await db.recordingSession.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.recordingSession.count({ where: { userId: other.id } })).toBe(1);
  });
});
