import { z } from "zod";

/** Empty form fields arrive as "": treat them as "not given", so a GET form with blank inputs filters nothing. */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <Schema extends z.ZodType>(schema: Schema) => z.preprocess(blankToUndefined, schema.optional());
const checkbox = z.preprocess(blankToUndefined, z.enum(["1", "on", "true"]).optional()).transform((value) => value !== undefined);

export const SESSION_SORTS = ["start", "duration", "errors"] as const;
export const DEVICE_TYPES = ["desktop", "mobile", "tablet"] as const;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

/**
 * The sessions list query (search params of /support and GET /api/support/sessions). Dates are calendar days in UTC:
 * `to` includes the whole day.
 */
export const sessionListQuerySchema = z
  .object({
    q: optional(z.string().trim().max(200, "Use at most 200 characters.")),
    from: optional(z.iso.date("Enter a date as YYYY-MM-DD.")),
    to: optional(z.iso.date("Enter a date as YYYY-MM-DD.")),
    errors: checkbox,
    frustration: checkbox,
    path: optional(z.string().trim().max(500).startsWith("/", "A path starts with /.")),
    browser: optional(z.string().trim().max(50)),
    os: optional(z.string().trim().max(50)),
    device: optional(z.enum(DEVICE_TYPES, "Choose desktop, mobile or tablet.")),
    minDuration: optional(z.coerce.number("Enter a number of seconds.").int("Use whole seconds.").min(0).max(7 * 24 * 3600)),
    sort: optional(z.enum(SESSION_SORTS)).transform((value) => value ?? "start"),
    order: optional(z.enum(["asc", "desc"])).transform((value) => value ?? "desc"),
    cursor: optional(z.string().max(300)),
    dir: optional(z.enum(["next", "prev"])).transform((value) => value ?? "next"),
    limit: optional(z.coerce.number().int().min(1).max(MAX_PAGE_SIZE)).transform((value) => value ?? DEFAULT_PAGE_SIZE),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { message: "The end date is before the start date.", path: ["to"] });

export type SessionListQuery = z.output<typeof sessionListQuerySchema>;

/** Reads URLSearchParams or Next's searchParams object into a plain record of first values. */
export function searchParamsRecord(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const record: Record<string, string> = {};
  if (params instanceof URLSearchParams) {
    for (const [key, value] of params) record[key] ??= value;
  } else {
    for (const [key, value] of Object.entries(params)) {
      const first = Array.isArray(value) ? value[0] : value;
      if (first !== undefined) record[key] = first;
    }
  }
  return record;
}

/** What an agent types when opening a replay: free text or a ticket reference. */
export const viewReasonSchema = z.object({
  reason: z.string().trim().max(500, "Use at most 500 characters.").default(""),
});

export const viewGrantQuerySchema = z.object({
  view: z.string().min(1, "Open the session first (a view id is required).").max(40),
  fromSeq: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).optional()).transform((value) => value ?? 0),
});

export const idParamSchema = z.object({ id: z.string().min(1).max(40) });
