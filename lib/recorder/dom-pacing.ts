"use client";

/**
 * Keeps rrweb's DOM serialisation out of the page's own tasks, and pauses DOM recording in a mutation storm.
 *
 * rrweb serialises DOM changes in its MutationObserver callback, which runs at the end of the task that made them: a
 * page that re-sorts a 1,000-row table would pay for the recording inside that task, making a long task longer. Our
 * observer is created before rrweb's, so the browser hands it each batch first; it freezes rrweb, which then only
 * notes what changed, and a task of our own wakes rrweb to serialise everything noted so far. rrweb wakes itself too
 * on any user event (a click, a scroll, an input) and emits the pending changes before that event, so the recording
 * keeps DOM changes and interactions in order. Batches that arrive before the wake-up are serialised together, each
 * changed node once.
 *
 * A storm — more than STORM records in one second — pauses DOM recording instead of freezing the page, until a
 * second passes with fewer than CALM; recording then resumes with a fresh snapshot.
 */

export const STORM_RECORDS_PER_SECOND = 5_000;
export const CALM_RECORDS_PER_SECOND = 200;

export type DomRecordingHooks = {
  /** Whether rrweb is recording the DOM now (not before it starts, not while a storm has paused it). */
  isRecording: () => boolean;
  /** Stop rrweb from serialising until `wake` (rrweb's `record.freezePage()`). */
  freeze: () => void;
  /** Let rrweb serialise what it has noted (any non-mutation event unfreezes it). */
  wake: () => void;
  /** A storm began: stop DOM recording. */
  pause: () => void;
  /** The storm is over: start DOM recording again, with a full snapshot. */
  resume: () => void;
  /** The page changed (the recorder counts this as activity for its idle timeout). */
  onActivity: (now: number) => void;
};

export type DomPacing = {
  /** Serialise what rrweb holds now, in this task (before a flush, an unload, a stop). */
  wakeNow: () => void;
  disconnect: () => void;
};

export function paceDomRecording(hooks: DomRecordingHooks, schedule: (task: () => void) => void = (task) => setTimeout(task, 0)): DomPacing {
  let frozen = false;
  const wakeNow = () => {
    if (!frozen) return;
    frozen = false;
    if (hooks.isRecording()) hooks.wake();
  };

  let windowStart = Date.now();
  let windowRecords = 0;
  let paused = false;
  const resume = () => {
    paused = false;
    windowStart = Date.now();
    windowRecords = 0;
    hooks.resume();
  };

  const observer = new MutationObserver((records) => {
    const now = Date.now();
    hooks.onActivity(now);
    if (now - windowStart >= 1000) {
      if (paused && windowRecords < CALM_RECORDS_PER_SECOND) resume();
      windowStart = now;
      windowRecords = 0;
    }
    windowRecords += records.length;
    if (!paused && windowRecords > STORM_RECORDS_PER_SECOND) {
      paused = true;
      frozen = false;
      hooks.pause();
      return;
    }
    if (!frozen && hooks.isRecording()) {
      frozen = true;
      hooks.freeze();
      schedule(wakeNow);
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  // A storm that ends without any further mutation still needs to resume.
  const calmCheck = setInterval(() => {
    if (paused && Date.now() - windowStart >= 1000) resume();
  }, 1000);

  return {
    wakeNow,
    disconnect() {
      observer.disconnect();
      clearInterval(calmCheck);
    },
  };
}
