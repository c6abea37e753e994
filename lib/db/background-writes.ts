/**
 * Writes that go on after the response was sent: best-effort work kept off a request's path (the anonymous usage
 * facts of uploaded chunks). They are tracked so that whoever must not cut them off — a test about to close its
 * database, a check that reads what they wrote — can wait for them.
 */
const pending = new Set<Promise<void>>();

export function runInBackground(write: Promise<unknown>): void {
  // The write reports its own failures; a rejection here must not become an unhandled one.
  const tracked: Promise<void> = write.then(
    () => {},
    () => {},
  );
  pending.add(tracked);
  void tracked.finally(() => pending.delete(tracked));
}

/** Resolves once every background write started so far (and any they started) has finished. */
export async function backgroundWritesSettled(): Promise<void> {
  while (pending.size) await Promise.all(pending);
}
