import { createHash } from "node:crypto";
import { z } from "zod";

/** What the confirmation dialog shows. Stored as JSON on each ConsentPolicy version and hashed into the ledger. */
export const policyContentSchema = z.object({
  summary: z.string().min(1).max(2000),
  collected: z.array(z.string().min(1).max(300)).min(1).max(30),
  notCollected: z.array(z.string().min(1).max(300)).min(1).max(30),
  retentionDays: z.number().int().min(1).max(90),
});

export type PolicyContent = z.infer<typeof policyContentSchema>;

/** sha256 of the canonical JSON (keys in schema order), so the ledger proves exactly which text was agreed to. */
export function policySha256(content: PolicyContent): string {
  const canonical = JSON.stringify({
    summary: content.summary,
    collected: content.collected,
    notCollected: content.notCollected,
    retentionDays: content.retentionDays,
  });
  return createHash("sha256").update(canonical).digest("hex");
}

// Copy from the platform's help centre ("Share usage activity", "Usage Tracking"), with Candor's exact guarantees.
export const DEFAULT_POLICY_CONTENT: PolicyContent = {
  summary:
    "Share your usage activity so we can see how you use the platform: by reconstructing your clicks, scrolls and " +
    "navigation we can find and fix bugs, give you tailored support and improve the product. You can turn it off at " +
    "any time, with immediate effect.",
  collected: [
    "Clicks, scrolls and mouse movement",
    "Pages you visit and how long you spend on each",
    "Form interactions, with everything you type masked",
    "Errors you run into, such as JavaScript errors, failed requests and broken links",
    "Browser and device information: browser, operating system, device type, screen size, language and time zone",
    "Network request metadata: address, method, status, timing and size — never their contents",
    "Timestamps, to understand the order and duration of your activity",
  ],
  notCollected: [
    "Keystrokes and anything you type, including passwords",
    "Messages to other users",
    "Your activity on other websites and platforms",
  ],
  retentionDays: 90,
};
