import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import { policyContentSchema, policySha256 } from "./policy-content";

/**
 * Publishes a new version of the usage-sharing policy (the text of the confirmation dialog). From that moment,
 * everyone who agreed to an older version counts as not consenting until they confirm the new one — so publishing
 * the same text again is refused rather than silently pausing everyone's sharing. The policy row and its audit row
 * are written together.
 */
export async function publishPolicy({ content, actorId }: { content: unknown; actorId: string | null }) {
  const parsed = policyContentSchema.parse(content);
  const sha256 = policySha256(parsed);
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.consentPolicy.findFirst({ orderBy: { version: "desc" }, select: { version: true, sha256: true } });
      if (current?.sha256 === sha256) {
        throw new AppError("CONFLICT", `This text is already the current policy (version ${current.version}).`);
      }
      const policy = await tx.consentPolicy.create({
        data: { version: (current?.version ?? 0) + 1, content: parsed, sha256 },
        select: { version: true, sha256: true, publishedAt: true },
      });
      await tx.auditLog.create({
        data: { actorId, action: "policy.published", targetId: String(policy.version), detail: { version: policy.version, sha256 } },
      });
      return policy;
    });
  } catch (error) {
    // Two publishers at once both chose max+1: the primary key lets one win.
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "Another policy version was published at the same moment. Try again.");
    throw error;
  }
}
