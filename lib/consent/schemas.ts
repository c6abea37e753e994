import { z } from "zod";

/** Body of POST /api/consent: a user's own decision (admins record theirs elsewhere, with source ADMIN). */
export const consentDecisionSchema = z.object({
  granted: z.boolean(),
  policyVersion: z.number().int().positive(),
  source: z.enum(["SETTINGS", "PROMPT"]),
  alsoDelete: z.boolean().optional().default(false),
});

export type ConsentDecision = z.infer<typeof consentDecisionSchema>;
