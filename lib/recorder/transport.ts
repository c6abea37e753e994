/**
 * The recorder's transport: batches events into sequence-numbered chunks, keeps them in a bounded outbox until the
 * server acknowledges them, retries with exponential backoff and jitter, and drains on page unload. Free of DOM and
 * network code (both are injected), so batching, backoff and overflow are unit-tested with fake timers.
 *
 * Events arrive as objects and are serialised once, on arrival; a chunk body is those strings joined, so nothing is
 * stringified twice. Order: one upload in flight at a time, oldest first — the server accepts any order anyway
 * (a chunk is idempotent on its sequence number), so a retried or persisted chunk can be re-sent safely.
 */

export type OutgoingChunk = { sessionId: string; seq: number; json: string; eventCount: number };

/** How the server answered one upload, as the transport needs to know it. */
export type SendOutcome =
  | { kind: "ok" }
  | { kind: "retry"; retryAfterMs?: number } // network error, 429, 5xx: keep the chunk, try later
  | { kind: "refused" } // 400/413/415: this chunk can never be accepted; drop it and mark a gap
  | { kind: "consent-revoked" } // 403 CONSENT_*: stop everything
  | { kind: "session-gone" }; // 404: the session is not ours (another user signed in) — start a new one

export type TransportOptions = {
  sessionId: string;
  nextSeq: number;
  clockOffsetMs: number;
  flushIntervalMs: number;
  maxBatchBytes: number;
  maxBufferBytes: number;
  send: (chunk: OutgoingChunk) => Promise<SendOutcome>;
  /** Called whenever a sequence number is used, so a reload in this tab continues the sequence. */
  onSeq?: (nextSeq: number) => void;
  onConsentRevoked?: () => void;
  onSessionGone?: () => void;
  now?: () => number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
};

export const BACKOFF = { baseMs: 1_000, maxMs: 60_000 } as const;

/** Exponential backoff with "equal jitter": half fixed, half random, so many tabs retrying do not line up. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF.maxMs, BACKOFF.baseMs * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

type Sealed = OutgoingChunk & { bytes: number };

export class Transport {
  private batch: string[] = [];
  private batchBytes = 0;
  private outbox: Sealed[] = [];
  private inFlight: Sealed | null = null;
  private attempt = 0;
  private retryTimer: unknown = null;
  private flushTimer: unknown = null;
  private droppedEvents = 0;
  private gapReason: "buffer-full" | "chunk-refused" | null = null;
  private stopped = false;
  private nextSeq: number;
  private readonly options: Required<Omit<TransportOptions, "onSeq" | "onConsentRevoked" | "onSessionGone">> & TransportOptions;

  constructor(options: TransportOptions) {
    this.options = {
      now: () => Date.now(),
      random: Math.random,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      ...options,
    };
    this.nextSeq = options.nextSeq;
    this.flushTimer = this.options.setTimer(() => this.tick(), this.options.flushIntervalMs);
  }

  get sessionId() {
    return this.options.sessionId;
  }

  /** Bytes held: the open batch plus every chunk not yet acknowledged. */
  get bufferedBytes() {
    return this.batchBytes + this.outbox.reduce((sum, chunk) => sum + chunk.bytes, 0) + (this.inFlight?.bytes ?? 0);
  }

  get pendingChunks(): OutgoingChunk[] {
    return [...(this.inFlight ? [this.inFlight] : []), ...this.outbox].map(({ sessionId, seq, json, eventCount }) => ({ sessionId, seq, json, eventCount }));
  }

  push(event: unknown) {
    if (this.stopped) return;
    const json = JSON.stringify(event);
    this.batch.push(json);
    this.batchBytes += json.length + 1;
    this.enforceBound();
    if (this.batchBytes >= this.options.maxBatchBytes) {
      this.seal();
      this.pump();
    }
  }

  /** Seals the open batch and starts uploading. */
  flush() {
    if (this.stopped) return;
    this.seal();
    this.pump();
  }

  /**
   * The page is going away: seal what is open and hand back every unacknowledged chunk, for the caller to send with
   * `keepalive` and to persist for the next page load in this tab. The transport stops.
   */
  drainForUnload(): OutgoingChunk[] {
    this.seal();
    const pending = this.pendingChunks;
    this.stop();
    return pending;
  }

  /** Stops timers and forgets everything unsent (opt-out: nothing more may leave the browser). */
  discard() {
    this.batch = [];
    this.batchBytes = 0;
    this.outbox = [];
    this.inFlight = null;
    this.stop();
  }

  stop() {
    this.stopped = true;
    if (this.retryTimer !== null) this.options.clearTimer(this.retryTimer);
    if (this.flushTimer !== null) this.options.clearTimer(this.flushTimer);
    this.retryTimer = this.flushTimer = null;
  }

  private tick() {
    if (this.stopped) return;
    this.flush();
    this.flushTimer = this.options.setTimer(() => this.tick(), this.options.flushIntervalMs);
  }

  private seal() {
    if (!this.batch.length && !this.gapReason) return;
    const events = this.batch;
    if (this.gapReason) {
      const gap = { type: 5, timestamp: this.options.now(), data: { tag: "candor/gap", payload: { reason: this.gapReason, droppedEvents: this.droppedEvents } } };
      events.unshift(JSON.stringify(gap));
      this.gapReason = null;
      this.droppedEvents = 0;
    }
    const seq = this.nextSeq++;
    this.options.onSeq?.(this.nextSeq);
    const json = `{"seq":${seq},"clockOffsetMs":${Math.round(this.options.clockOffsetMs)},"events":[${events.join(",")}]}`;
    this.outbox.push({ sessionId: this.options.sessionId, seq, json, eventCount: events.length, bytes: json.length });
    this.batch = [];
    this.batchBytes = 0;
  }

  /** Over the bound, the oldest unsent data goes first, and the next chunk says how much was lost. */
  private enforceBound() {
    while (this.bufferedBytes > this.options.maxBufferBytes) {
      const oldest = this.outbox.shift();
      if (oldest) {
        this.droppedEvents += oldest.eventCount;
      } else if (this.batch.length > 1) {
        const dropped = this.batch.shift()!;
        this.batchBytes -= dropped.length + 1;
        this.droppedEvents += 1;
      } else {
        break;
      }
      this.gapReason = "buffer-full";
    }
  }

  private pump() {
    if (this.stopped || this.inFlight || this.retryTimer !== null) return;
    const chunk = this.outbox.shift();
    if (!chunk) return;
    this.inFlight = chunk;
    this.options.send(chunk).then(
      (outcome) => this.settle(chunk, outcome),
      () => this.settle(chunk, { kind: "retry" }),
    );
  }

  private settle(chunk: Sealed, outcome: SendOutcome) {
    if (this.inFlight !== chunk) return; // discarded meanwhile
    this.inFlight = null;
    if (this.stopped) return;
    switch (outcome.kind) {
      case "ok":
        this.attempt = 0;
        this.pump();
        return;
      case "refused":
        this.attempt = 0;
        this.droppedEvents += chunk.eventCount;
        this.gapReason = "chunk-refused";
        this.pump();
        return;
      case "retry": {
        this.outbox.unshift(chunk);
        const delay = Math.max(outcome.retryAfterMs ?? 0, backoffDelay(this.attempt++, this.options.random));
        this.retryTimer = this.options.setTimer(() => {
          this.retryTimer = null;
          this.pump();
        }, delay);
        return;
      }
      case "consent-revoked":
        this.discard();
        this.options.onConsentRevoked?.();
        return;
      case "session-gone":
        this.discard();
        this.options.onSessionGone?.();
        return;
    }
  }
}
