/**
 * Group commit: callers hand in one item each and wait for its own outcome, while the items that arrive together are
 * written in one transaction. A database pays per round trip and per commit, not per row, so under load this turns
 * N small transactions into a few large ones; with one caller it is a plain write (a batch of one, started on the
 * next turn of the event loop — no timer, so no added latency).
 *
 * `flush` gets the items in arrival order and returns one outcome per item, in the same order. If it throws, every
 * item of that batch is rejected with the error (the caller decides what a partial failure means — see
 * lib/recording/write-chunks.ts).
 */
export type Outcome<Result> = { ok: true; value: Result } | { ok: false; error: unknown };

type Waiting<Item, Result> = { item: Item; resolve: (value: Result) => void; reject: (error: unknown) => void };

export function groupCommit<Item, Result>({
  flush,
  maxBatch,
  maxConcurrent,
}: {
  flush: (items: Item[]) => Promise<Outcome<Result>[]>;
  /** The most items one transaction takes (bounds statement size and the time its locks are held). */
  maxBatch: number;
  /** Transactions in flight at once; the rest of the queue waits and grows into the next batch. */
  maxConcurrent: number;
}): (item: Item) => Promise<Result> {
  const queue: Waiting<Item, Result>[] = [];
  let inFlight = 0;
  let scheduled = false;

  const schedule = () => {
    if (scheduled || queue.length === 0 || inFlight >= maxConcurrent) return;
    scheduled = true;
    // Let the items of this turn of the event loop (e.g. requests parsed together) join the batch.
    setImmediate(() => {
      scheduled = false;
      void runBatch();
    });
  };

  const runBatch = async () => {
    if (queue.length === 0 || inFlight >= maxConcurrent) return;
    const batch = queue.splice(0, maxBatch);
    inFlight++;
    schedule(); // more than one batch waiting: start the next one alongside, up to maxConcurrent
    try {
      const outcomes = await flush(batch.map((waiting) => waiting.item));
      batch.forEach((waiting, i) => {
        const outcome = outcomes[i];
        if (!outcome) waiting.reject(new Error("group commit: flush returned no outcome for an item"));
        else if (outcome.ok) waiting.resolve(outcome.value);
        else waiting.reject(outcome.error);
      });
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    } finally {
      inFlight--;
      schedule();
    }
  };

  return (item) =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      schedule();
    });
}
