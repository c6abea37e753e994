import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { forbidden, redirect } from "next/navigation";
import { headers } from "next/headers";
import { connection, NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { authSecret } from "@/lib/config/secrets";
import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authOptions } from "./options";

export type CurrentUser = { id: string; email: string; name: string; role: Role };

/** The account a session's user id names — unless it was deleted: a tombstone row's still-unexpired JWT signs no one in. */
const activeUser = (id: string): Promise<CurrentUser | null> =>
  db.user.findUnique({ where: { id, deletedAt: null }, select: { id: true, email: true, name: true, role: true } });

/**
 * The signed-in user, read fresh from the database once per request: a role change or a deleted account
 * takes effect on the next request, not when the JWT expires.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  // Everything behind sign-in is rendered per request: this marks the page dynamic before anything else runs,
  // so `next build` never prerenders it (and never opens the database or needs the secret).
  await connection();
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: string } | undefined)?.id;
  return id ? activeUser(id) : null;
});

// --- Pages and server actions: redirect to sign-in, or render the 403 page. ---

export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    const path = (await headers()).get("x-candor-path") ?? "/";
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  return user;
}

export async function requireRole(...roles: Role[]): Promise<CurrentUser> {
  const user = await requireUser();
  if (!roles.includes(user.role)) forbidden();
  return user;
}

// --- Route handlers: throw the JSON 401/403 errors. ---

/**
 * The signed-in user for a route handler: the session cookie's JWT is decrypted and the user re-read, as for pages,
 * but without next-auth's full session round, which also re-encrypts the token and re-sets the cookie on every call
 * (a large share of a small request's CPU, paid on every recorder upload). Pages keep getServerSession, so a
 * session's expiry still slides forward as the user navigates.
 */
const getApiUser = cache(async (): Promise<CurrentUser | null> => {
  const token = await getToken({ req: new NextRequest("http://candor.invalid/", { headers: await headers() }), secret: authSecret() });
  return token?.sub ? activeUser(token.sub) : null;
});

export async function requireApiUser(): Promise<CurrentUser> {
  const user = await getApiUser();
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in first.");
  return user;
}

export async function requireApiRole(...roles: Role[]): Promise<CurrentUser> {
  const user = await requireApiUser();
  if (!roles.includes(user.role)) throw new AppError("FORBIDDEN", "Your role does not allow this.");
  return user;
}
