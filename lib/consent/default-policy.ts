import type { PrismaClient } from "../generated/prisma/client";
import { DEFAULT_POLICY_CONTENT, policySha256 } from "./policy-content";

/** Publishes policy version 1 if no policy exists yet (first start, tests). */
export async function publishDefaultPolicy(db: PrismaClient) {
  const existing = await db.consentPolicy.findFirst({ select: { version: true } });
  if (existing) return;
  await db.consentPolicy.create({
    data: { version: 1, content: DEFAULT_POLICY_CONTENT, sha256: policySha256(DEFAULT_POLICY_CONTENT) },
  });
}
