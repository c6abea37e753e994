import { z } from "zod";
import { MAX_RETENTION_DAYS } from "@/lib/settings/definitions";

/** The admin settings form. An unticked checkbox is absent from the form data, hence "absent = false". */
export const settingsFormSchema = z.object({
  retentionDays: z.coerce
    .number({ message: "Enter a number of days." })
    .int("Enter whole days.")
    .min(1, "At least 1 day.")
    .max(MAX_RETENTION_DAYS, `At most ${MAX_RETENTION_DAYS} days: that is the longest period users were promised.`),
  requireViewReason: z
    .literal("on")
    .optional()
    .transform((value) => value === "on"),
});
