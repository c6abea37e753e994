import "server-only";
import { db } from "@/lib/db";
import { DEFAULT_POLICY_CONTENT, policyContentSchema, type PolicyContent } from "@/lib/consent/policy-content";

/** The published policy version the admin editor starts from (the default text if none is published yet). */
export async function getCurrentPolicy(): Promise<{ version: number; publishedAt: Date | null; content: PolicyContent }> {
  const policy = await db.consentPolicy.findFirst({ orderBy: { version: "desc" }, select: { version: true, publishedAt: true, content: true } });
  if (!policy) return { version: 0, publishedAt: null, content: DEFAULT_POLICY_CONTENT };
  const parsed = policyContentSchema.safeParse(policy.content);
  return { version: policy.version, publishedAt: policy.publishedAt, content: parsed.success ? parsed.data : DEFAULT_POLICY_CONTENT };
}
