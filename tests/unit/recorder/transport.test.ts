import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BACKOFF, backoffDelay, Transport, type OutgoingChunk, type SendOutcome } from "@/lib/recorder/transport";

const event = (i: number, size = 10) => ({ type: 3, timestamp: 1000 + i, data: { source: 1, pad: "x".repeat(size) } });
const parse = (chunk: OutgoingChunk) => JSON.parse(chunk.json) as { seq: number; clockOffsetMs: number; events: { timestamp: number; data: { tag?: string; payload?: unknown } }[] };

function setup(overrides: Partial<ConstructorParameters<typeof Transport>[0]> = {}) {
  const sent: OutgoingChunk[] = [];
  const outcomes: SendOutcome[] = [];
  const send = vi.fn(async (chunk: OutgoingChunk) => {
    sent.push(chunk);
    return outcomes.shift() ?? { kind: "ok" as const };
  });
  const transport = new Transport({
    sessionId: "s1",
    nextSeq: 0,
    clockOffsetMs: 250,
    flushIntervalMs: 5000,
    maxBatchBytes: 1000,
    maxBufferBytes: 5000,
    send,
    random: () => 0.5,
    ...overrides,
  });
  return { transport, sent, outcomes, send };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("Transport batching", () => {
  it("sends a sequence-numbered chunk every flush interval, and nothing when idle", async () => {
    const { transport, sent } = setup();
    transport.push(event(1));
    transport.push(event(2));
    await vi.advanceTimersByTimeAsync(4999);
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.map(parse)).toMatchObject([{ seq: 0, clockOffsetMs: 250, events: [{ timestamp: 1001 }, { timestamp: 1002 }] }]);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(sent).toHaveLength(1);
    transport.push(event(3));
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent.map((chunk) => parse(chunk).seq)).toEqual([0, 1]);
  });

  it("seals a chunk as soon as the batch reaches its size, before the timer", async () => {
    const onSeq = vi.fn();
    const { transport, sent } = setup({ onSeq });
    for (let i = 0; i < 12; i++) transport.push(event(i, 100));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.length).toBeGreaterThanOrEqual(1);
    expect(parse(sent[0]).events.length).toBeLessThan(12);
    expect(onSeq).toHaveBeenCalledWith(1);
  });
});

describe("Transport retries", () => {
  it("keeps a chunk through failures, retrying with growing backoff, then sends the rest in order", async () => {
    const { transport, sent, outcomes } = setup();
    outcomes.push({ kind: "retry" }, { kind: "retry" });
    transport.push(event(1));
    transport.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    transport.push(event(2));
    transport.flush(); // queued behind the failing chunk
    await vi.advanceTimersByTimeAsync(backoffDelay(0, () => 0.5) - 1);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(backoffDelay(1, () => 0.5));
    expect(sent.map((chunk) => parse(chunk).seq)).toEqual([0, 0, 0, 1]);
  });

  it("honours Retry-After when it is longer than the backoff", async () => {
    const { transport, sent, outcomes } = setup();
    outcomes.push({ kind: "retry", retryAfterMs: 30_000 });
    transport.push(event(1));
    transport.flush();
    await vi.advanceTimersByTimeAsync(29_999);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toHaveLength(2);
  });

  it("treats a network error like a retryable failure", async () => {
    let calls = 0;
    const { transport } = setup({
      send: async () => {
        calls++;
        if (calls === 1) throw new TypeError("Failed to fetch");
        return { kind: "ok" };
      },
    });
    transport.push(event(1));
    transport.flush();
    await vi.advanceTimersByTimeAsync(BACKOFF.baseMs);
    expect(calls).toBe(2);
    expect(transport.pendingChunks).toEqual([]);
  });

  it("backoff grows exponentially with jitter, capped", () => {
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(0, () => 1)).toBe(1000);
    expect(backoffDelay(3, () => 0)).toBe(4000);
    expect(backoffDelay(20, () => 1)).toBe(BACKOFF.maxMs);
  });
});

describe("Transport limits and stops", () => {
  it("drops the oldest data when the buffer is full and marks the gap in the next chunk", async () => {
    const { transport, sent, outcomes } = setup({ maxBatchBytes: 1000, maxBufferBytes: 3000 });
    // The server is down: everything accumulates.
    for (let i = 0; i < 50; i++) outcomes.push({ kind: "retry" });
    for (let i = 0; i < 40; i++) transport.push(event(i, 200));
    expect(transport.bufferedBytes).toBeLessThanOrEqual(3000);
    outcomes.length = 0;
    await vi.advanceTimersByTimeAsync(120_000);
    const chunks = sent.map(parse);
    const gap = chunks.flatMap((chunk) => chunk.events).find((e) => e.data.tag === "candor/gap");
    expect(gap?.data.payload).toMatchObject({ reason: "buffer-full" });
    expect((gap?.data.payload as { droppedEvents: number }).droppedEvents).toBeGreaterThan(0);
    const last = chunks.at(-1)!.events.filter((e) => e.data.tag !== "candor/gap").at(-1);
    expect(last?.timestamp).toBe(1039); // the newest data survived
  });

  it("drops a chunk the server can never accept and says so in the next one", async () => {
    const { transport, sent, outcomes } = setup();
    outcomes.push({ kind: "refused" });
    transport.push(event(1));
    transport.flush();
    await vi.advanceTimersByTimeAsync(0);
    transport.push(event(2));
    transport.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(parse(sent[1]).events[0].data).toEqual({ tag: "candor/gap", payload: { reason: "chunk-refused", droppedEvents: 1 } });
  });

  it("on a consent refusal, discards everything and reports it once", async () => {
    const onConsentRevoked = vi.fn();
    const { transport, sent, outcomes } = setup({ onConsentRevoked });
    outcomes.push({ kind: "consent-revoked" });
    transport.push(event(1));
    transport.flush();
    transport.push(event(2));
    transport.flush();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(onConsentRevoked).toHaveBeenCalledTimes(1);
    expect(sent).toHaveLength(1);
    expect(transport.pendingChunks).toEqual([]);
    transport.push(event(3));
    expect(transport.bufferedBytes).toBe(0);
  });

  it("discard() forgets unsent data and stops the timer", async () => {
    const { transport, sent } = setup();
    transport.push(event(1));
    transport.discard();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sent).toHaveLength(0);
  });

  it("drainForUnload() hands back every unacknowledged chunk, including the open batch", async () => {
    const { transport, outcomes } = setup();
    outcomes.push({ kind: "retry" });
    transport.push(event(1));
    transport.flush();
    await vi.advanceTimersByTimeAsync(0);
    transport.push(event(2));
    const pending = transport.drainForUnload();
    expect(pending.map((chunk) => parse(chunk).seq)).toEqual([0, 1]);
    expect(pending.every((chunk) => chunk.sessionId === "s1")).toBe(true);
  });
});
