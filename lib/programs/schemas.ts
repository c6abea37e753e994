import { z } from "zod";
import { parseHundredths } from "./commission";

export const PAGE_SIZE = 10;
export const MAX_FLAT_CENTS = 10_000_000; // $100,000.00: far above any real referral bonus, far below Int overflow.

const websiteSchema = z
  .string()
  .trim()
  .max(2048, "Use at most 2048 characters.")
  .refine((value) => {
    if (value === "") return true;
    try {
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "Enter a web address starting with http:// or https://, or leave it empty.");

/**
 * The program form, as typed (all strings), turned into what is stored. Commission is validated against the chosen
 * type: a percent of 0.01–100 becomes basis points, a flat amount in dollars becomes cents.
 */
export const programInputSchema = z
  .object({
    name: z.string().trim().min(1, "Enter a program name.").max(100, "Use at most 100 characters."),
    description: z.string().trim().max(2000, "Use at most 2000 characters.").default(""),
    websiteUrl: websiteSchema.default(""),
    commissionType: z.enum(["PERCENT", "FLAT"], { error: "Choose percent of sale or a flat amount." }),
    commissionValue: z.string().default(""),
    cookieDays: z
      .string()
      .trim()
      .regex(/^\d+$/, "Enter a whole number of days between 1 and 365.")
      .transform(Number)
      .refine((days) => days >= 1 && days <= 365, "Enter a whole number of days between 1 and 365."),
    status: z.enum(["ACTIVE", "PAUSED"], { error: "Choose active or paused." }),
  })
  // Object-level checks normally wait until every field is valid; `when` lets the commission error show alongside
  // the others, as long as the two commission fields themselves parsed.
  .refine((input) => input.commissionType !== "PERCENT" || isWithin(input.commissionValue, 1, 10_000), {
    path: ["commissionValue"],
    message: "Enter a percentage between 0.01 and 100, with at most two decimals.",
    when: commissionFieldsParsed,
  })
  .refine((input) => input.commissionType !== "FLAT" || isWithin(input.commissionValue, 1, MAX_FLAT_CENTS), {
    path: ["commissionValue"],
    message: "Enter an amount in dollars between 0.01 and 100000, with at most two decimals.",
    when: commissionFieldsParsed,
  })
  .transform((input) => ({ ...input, commissionValue: parseHundredths(input.commissionValue)! }));

function isWithin(text: string, min: number, max: number) {
  const hundredths = parseHundredths(text);
  return hundredths !== null && hundredths >= min && hundredths <= max;
}

function commissionFieldsParsed(payload: { issues: { path?: PropertyKey[] }[] }) {
  return !payload.issues.some((issue) => issue.path?.[0] === "commissionType" || issue.path?.[0] === "commissionValue");
}

export type ProgramInput = z.output<typeof programInputSchema>;

/** ?q=&page=&mine= on /programs. Anything malformed falls back to the default instead of failing the page. */
export const programListQuerySchema = z.object({
  q: z.string().trim().catch("").default("").transform((q) => q.slice(0, 100)),
  page: z.coerce.number().int().min(1).catch(1).default(1),
  mine: z.enum(["owned", "joined"]).optional().catch(undefined),
});

export type ProgramListQuery = z.output<typeof programListQuerySchema>;
