import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { authSecret } from "@/lib/config/secrets";
import { createUser } from "@/tests/support/factories";

/**
 * Route handlers authenticate from the session cookie's JWT (lib/auth/session: requireApiUser), not through
 * getServerSession. Only Next's request scope is stubbed: a real next-auth token is encrypted and put in the cookie.
 */
const request = vi.hoisted(() => ({ cookie: "" }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(request.cookie ? { cookie: request.cookie } : {}) }));

const { requireApiUser, requireApiRole } = await import("@/lib/auth/session");

const signedInAs = async (sub: string, { secret = authSecret(), maxAge = 3600 } = {}) => {
  request.cookie = `next-auth.session-token=${await encode({ token: { sub }, secret, maxAge })}`;
};
const code = (promise: Promise<unknown>) => promise.then(() => "OK", (error: { code?: string }) => error.code);

beforeEach(() => {
  request.cookie = "";
});

describe("requireApiUser", () => {
  it("returns the user the session cookie names, read from the database", async () => {
    const user = await createUser({ role: "SUPPORT" });
    await signedInAs(user.id);
    expect(await requireApiUser()).toEqual(user);
    expect(await code(requireApiRole("SUPPORT", "ADMIN"))).toBe("OK");
    expect(await code(requireApiRole("ADMIN"))).toBe("FORBIDDEN");
  });

  it("answers 401 with no cookie, a forged or expired token, or a deleted account", async () => {
    expect(await code(requireApiUser())).toBe("UNAUTHORIZED");

    const user = await createUser();
    await signedInAs(user.id, { secret: "not-the-server-secret-0123456789abcdef" });
    expect(await code(requireApiUser())).toBe("UNAUTHORIZED");

    await signedInAs(user.id, { maxAge: -60 });
    expect(await code(requireApiUser())).toBe("UNAUTHORIZED");

    await signedInAs(user.id);
    await db.user.update({ where: { id: user.id }, data: { deletedAt: new Date() } });
    expect(await code(requireApiUser())).toBe("UNAUTHORIZED");
  });
});
