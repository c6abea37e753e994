import { z } from "zod";
import { stripQueryValues, type CandorTag } from "./event-format";

/**
 * The ingest protocol, shared by the browser recorder (lib/recorder) and the server (lib/recording). Pure: no Node,
 * no DOM. The recorder sends rrweb events plus Candor's own facts as rrweb custom events (type 5) whose tags start
 * with `candor/`, so one ordered stream replays and indexes together.
 */

export const INGEST_LIMITS = {
  /** The request body as sent (gzip or JSON). */
  maxBodyBytes: 2 * 1024 * 1024,
  /** The body once decompressed: a zip bomb stops here instead of filling memory. */
  maxDecompressedBytes: 12 * 1024 * 1024,
  maxEventsPerChunk: 50_000,
  /**
   * Object/array nesting of the decompressed JSON. Far above any real snapshot (DOM depth × 2), far below what the
   * server's recursive steps survive (the scrub, JSON.stringify: ~4,000): deeper input crashed them into a 500.
   */
  maxJsonDepth: 1_000,
  /** How far before the session start an event may be dated (clock skew) before it is dropped. */
  startSkewMs: 5_000,
  /** How far in the future an event may be dated before it is dropped. */
  futureSkewMs: 60_000,
} as const;

/** What `POST /api/ingest/sessions` hands the recorder; the server decides, so it can be tuned without a deploy. */
export type RecordingConfig = {
  flushIntervalMs: number;
  maxBatchBytes: number;
  maxBufferBytes: number;
  idleTimeoutMs: number;
  checkoutEveryNms: number;
  maxChunkBytes: number;
};

export const RECORDING_CONFIG: RecordingConfig = {
  flushIntervalMs: 5_000,
  maxBatchBytes: 64 * 1024,
  maxBufferBytes: 4 * 1024 * 1024,
  idleTimeoutMs: 30 * 60_000,
  checkoutEveryNms: 5 * 60_000,
  maxChunkBytes: INGEST_LIMITS.maxBodyBytes,
};

export type StartSessionResponse = {
  sessionId: string;
  /** Server time (ms) when the session started, so the recorder can report its clock offset. */
  serverTime: number;
  config: RecordingConfig;
  consent: { granted: true; policyVersion: number };
};

export type ChunkAck = { seq: number; duplicate: boolean; consent: { granted: true } };

export const rrwebEventSchema = z.object({
  type: z.number().int().min(0).max(5),
  timestamp: z.number().finite().nonnegative(),
  data: z.record(z.string(), z.unknown()),
  delay: z.number().optional(),
});
export type RrwebEvent = z.infer<typeof rrwebEventSchema>;

export const chunkPayloadSchema = z.object({
  seq: z.number().int().min(0).max(10_000_000),
  /** server clock minus browser clock, from the start response; the server shifts every timestamp by it. */
  clockOffsetMs: z.number().int().min(-7 * 86_400_000).max(7 * 86_400_000).default(0),
  events: z.array(rrwebEventSchema).min(1).max(INGEST_LIMITS.maxEventsPerChunk),
});
export type ChunkPayload = z.infer<typeof chunkPayloadSchema>;

// --- Candor's custom events (rrweb type 5, data: { tag, payload }) ---

const text = (max: number) => z.string().max(max * 4).transform((value) => value.slice(0, max));
const path = z.string().max(4000).transform((value) => stripQueryValues(value).slice(0, 1000));
const dimension = z.object({ w: z.number().int().min(0).max(100_000), h: z.number().int().min(0).max(100_000) });
const point = { x: z.number().int().min(-100_000).max(100_000).optional(), y: z.number().int().min(-100_000).max(100_000).optional() };
const target = text(200);
/** The page the event happened on (every event but page views carries it, so chunks index on their own). */
const page = path;

export const customPayloadSchemas = {
  "candor/session": z.object({
    browser: text(60),
    os: text(60),
    deviceType: z.enum(["desktop", "mobile", "tablet"]),
    screen: dimension,
    viewport: dimension,
    pixelRatio: z.number().min(0).max(10),
    locale: text(35),
    timeZone: text(64),
    path,
  }),
  "candor/page": z.object({ path, title: text(300) }),
  "candor/page-leave": z.object({ path, durationMs: z.number().int().min(0).max(86_400_000) }),
  "candor/click": z.object({ page, target, ...point }),
  "candor/rage-click": z.object({ page, target, count: z.number().int().min(3).max(1000), ...point }),
  "candor/dead-click": z.object({ page, target, ...point }),
  "candor/error": z.object({
    page,
    kind: z.enum(["error", "unhandledrejection", "request", "broken-link"]),
    message: text(500),
    source: text(300).optional(),
    stack: text(2000).optional(),
  }),
  "candor/console": z.object({ page, level: z.enum(["error", "warn"]), message: text(500) }),
  "candor/network": z.object({
    page,
    method: z.string().regex(/^[A-Z]{1,10}$/),
    path,
    status: z.number().int().min(0).max(999),
    durationMs: z.number().int().min(0).max(3_600_000),
    size: z.number().int().min(0).max(10_000_000_000),
  }),
  /** The recorder dropped data (full buffer, refused chunk) or paused (mutation storm): the replay shows a gap. */
  "candor/gap": z.object({ reason: z.enum(["buffer-full", "chunk-refused", "mutation-storm"]), droppedEvents: z.number().int().min(0) }),
} as const satisfies Record<CandorTag, z.ZodType>;
export type CandorPayload<Tag extends CandorTag> = z.input<(typeof customPayloadSchemas)[Tag]>;

