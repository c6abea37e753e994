import { z } from "zod";
import { policyContentSchema } from "@/lib/consent/policy-content";

const lines = (label: string) =>
  z
    .string()
    .max(12_000)
    .transform((text) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))
    .pipe(
      z
        .array(z.string().max(300, `Each ${label} item must be at most 300 characters.`))
        .min(1, `List at least one ${label} item, one per line.`)
        .max(30, `List at most 30 ${label} items.`),
    );

/**
 * The admin policy editor's form: the two lists are textareas with one item per line. The result is checked again
 * by `policyContentSchema` inside publishPolicy.
 */
export const policyFormSchema = z.object({
  summary: z.string().trim().min(1, "Write the summary users read first.").max(2000, "Keep the summary under 2000 characters."),
  collected: lines("collected"),
  notCollected: lines("not-collected"),
  retentionDays: z.coerce
    .number({ message: "Enter a number of days." })
    .int("Enter whole days.")
    .min(1, "At least 1 day.")
    .max(90, "At most 90 days: data is never kept longer."),
}) satisfies z.ZodType<z.infer<typeof policyContentSchema>, unknown>;
