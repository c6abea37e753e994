import "server-only";
import { z } from "zod";
import { normalizeDevice, normalizeErrorMessage, normalizeName } from "./normalize-text";
import { templateRoute } from "./route-template";
import { storeUsageRows, type UsageRow } from "./store-usage-rows";

const deviceSchema = z.object({ browser: z.string().max(200), os: z.string().max(200), deviceType: z.string().max(40) });

const usageEventSchema = z.object({
  kind: z.enum(["page", "click", "rage_click", "dead_click", "error"]),
  path: z.string().max(2048),
  ts: z.date(),
  durationMs: z.number().int().min(0).optional(),
  feature: z.string().max(200).optional(),
  message: z.string().max(4000).optional(),
  device: deviceSchema.optional(),
});

export type UsageEventInput = z.input<typeof usageEventSchema>;

/** Time on page beyond this is a tab left open, not reading. */
const MAX_PAGE_DURATION_MS = 60 * 60 * 1000;

const KINDS = { page: "PAGE", click: "FEATURE", rage_click: "RAGE_CLICK", dead_click: "DEAD_CLICK", error: "ERROR" } as const;

function toRow(event: z.infer<typeof usageEventSchema>): UsageRow | null {
  const name = event.kind === "click" ? normalizeName(event.feature ?? "") : "";
  // Only named feature clicks are kept: an anonymous click carries nothing a dashboard shows.
  if (event.kind === "click" && !name) return null;
  return {
    at: event.ts,
    kind: KINDS[event.kind],
    route: templateRoute(event.path),
    name,
    message: event.kind === "error" ? normalizeErrorMessage(event.message ?? "") || "Unknown error" : "",
    durationMs: event.kind === "page" && event.durationMs !== undefined ? Math.min(event.durationMs, MAX_PAGE_DURATION_MS) : null,
    ...normalizeDevice(event.device),
  };
}

/**
 * Derives anonymous usage events from stored recording chunks (called by ingest after each committed batch of
 * chunks, for all their users at once). Stores no user id: routes are templated, text is scrubbed, and each user
 * becomes today's visitor hash. Events of users who do not consent, events from before the current grant and
 * malformed events are dropped. Returns how many were stored.
 */
export async function recordUsageEvents({ users, now = new Date() }: { users: { userId: string; events: UsageEventInput[] }[]; now?: Date }): Promise<{ stored: number }> {
  const rows = users.map(({ userId, events }) => ({
    userId,
    rows: events.flatMap((event) => {
      const parsed = usageEventSchema.safeParse(event);
      const row = parsed.success ? toRow(parsed.data) : null;
      return row ? [row] : [];
    }),
  }));
  return { stored: await storeUsageRows({ users: rows, now }) };
}
