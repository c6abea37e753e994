import { describe, expect, it } from "vitest";
import { groupCommit, type Outcome } from "@/lib/db/group-commit";

/** A flush that records the batches it was given and answers each item with its double (odd items refused). */
function recordingFlush({ delayMs = 5 } = {}) {
  const batches: number[][] = [];
  let concurrent = 0;
  let maxConcurrentSeen = 0;
  const flush = async (items: number[]): Promise<Outcome<number>[]> => {
    batches.push(items);
    concurrent++;
    maxConcurrentSeen = Math.max(maxConcurrentSeen, concurrent);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    concurrent--;
    return items.map((item) => (item % 2 ? { ok: false, error: new Error(`odd ${item}`) } : { ok: true, value: item * 2 }));
  };
  return { flush, batches, maxConcurrent: () => maxConcurrentSeen };
}

describe("groupCommit", () => {
  it("writes items that arrive together in one batch, and gives each caller its own outcome", async () => {
    const probe = recordingFlush();
    const write = groupCommit({ flush: probe.flush, maxBatch: 100, maxConcurrent: 1 });
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map(write));
    expect(probe.batches).toEqual([[0, 1, 2, 3, 4]]);
    expect(results.map((result) => (result.status === "fulfilled" ? result.value : (result.reason as Error).message))).toEqual([0, "odd 1", 4, "odd 3", 8]);
  });

  it("lets the queue grow while a batch is in flight, and never exceeds maxBatch or maxConcurrent", async () => {
    const probe = recordingFlush({ delayMs: 20 });
    const write = groupCommit({ flush: probe.flush, maxBatch: 4, maxConcurrent: 2 });
    const first = write(0);
    await new Promise((resolve) => setTimeout(resolve, 5)); // the first batch (of one) is in flight
    const rest = Array.from({ length: 10 }, (_, i) => write((i + 1) * 2));
    await Promise.all([first, ...rest]);
    expect(probe.batches[0]).toEqual([0]);
    expect(probe.batches.slice(1).map((batch) => batch.length)).toEqual([4, 4, 2]);
    expect(probe.batches.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 11 }, (_, i) => i * 2));
    expect(probe.maxConcurrent()).toBe(2);
  });

  it("rejects every item of a batch whose flush throws, and goes on with the next batch", async () => {
    let calls = 0;
    const write = groupCommit<number, number>({
      flush: async (items) => {
        calls++;
        if (calls === 1) throw new Error("database unavailable");
        return items.map((item) => ({ ok: true as const, value: item }));
      },
      maxBatch: 10,
      maxConcurrent: 1,
    });
    const failed = await Promise.allSettled([write(1), write(2)]);
    expect(failed.map((result) => result.status)).toEqual(["rejected", "rejected"]);
    expect(await write(3)).toBe(3);
  });
});
