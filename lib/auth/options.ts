import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db";
import { authSecret } from "@/lib/config/secrets";
import { createRateLimiter } from "@/lib/rate-limit";
import { verifyPassword } from "./password";
import { oidcProvider } from "./oidc";

const credentialsSchema = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) });

// Failed sign-ins: 5 per email per 15 minutes. Counting per email (not per IP) protects each account
// even when the attacker rotates addresses.
export const failedSignIns = createRateLimiter({ limit: 5, windowMs: 15 * 60 * 1000 });
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";

export const authOptions: NextAuthOptions = {
  // A getter, so `next build` (which loads this module) never needs the secret; requests always do.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: 7 * 24 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        if (failedSignIns.check(email)) throw new Error(TOO_MANY_ATTEMPTS);
        const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
        // Compare even when the user is unknown, so response time does not reveal which emails exist.
        const ok = await verifyPassword(password, user?.passwordHash ?? "$2b$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinva");
        if (!user || !ok) {
          failedSignIns.hit(email);
          return null;
        }
        failedSignIns.reset(email);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    async signIn({ user, account }) {
      if (account?.provider === "credentials") return true;
      // OAuth/OIDC: the email is the account key; first sign-in creates a member.
      if (!user.email) return false;
      const email = user.email.toLowerCase();
      await db.user.upsert({ where: { email }, update: {}, create: { email, name: user.name ?? email.split("@")[0] } });
      return true;
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        if (account.provider === "credentials") token.sub = user.id;
        else {
          const stored = await db.user.findUnique({ where: { email: user.email!.toLowerCase() }, select: { id: true } });
          token.sub = stored?.id;
        }
      }
      return token;
    },
    async session({ session, token }) {
      if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
      return session;
    },
  },
};
