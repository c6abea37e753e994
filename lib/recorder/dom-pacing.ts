"use client";

/**
 * Keeps rrweb's DOM serialisation out of the page's own tasks, and pauses DOM recording in a mutation storm.
 *
 * rrweb serialises DOM changes in its MutationObserver callback, which runs at the end of the task that made them: a
 * page that re-sorts a 1,000-row table would pay for the recording inside that task, making a long task longer. Our
 * observer is created before rrweb's, so the browser hands it each batch first; it freezes rrweb, which then only
 * notes what changed, and a task of our own wakes rrweb to serialise everything noted so far. Batches that arrive
 * before the wake-up are serialised together, each changed node once.
 *
 * A user's action is never recorded against a node rrweb has not serialised yet: rrweb looks up the target's id before
 * it records a click, an input or a scroll, so a capture listener on window — which runs before rrweb's, on document —
 * wakes rrweb first. (rrweb also emits pending changes before any such event, so the order is kept as well.)
 *
 * A storm — more than STORM records in one second — pauses DOM recording instead of freezing the page, until a
 * second passes with fewer than CALM; recording then resumes with a fresh snapshot.
 */

export const STORM_RECORDS_PER_SECOND = 5_000;
export const CALM_RECORDS_PER_SECOND = 200;
/** The events rrweb records with a target node (mouse interactions, focus, input, scroll, media, selection). */
const TARGETED_EVENTS = ["mousedown", "mouseup", "click", "dblclick", "contextmenu", "touchstart", "touchend", "focus", "blur", "input", "change", "scroll", "play", "pause", "seeked", "volumechange", "ratechange", "selectionchange"];

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
  /** Starts a new one-second window once the current one is over; a calm second ends a storm. */
  const rollWindow = (now: number) => {
    if (now - windowStart < 1000) return;
    const calm = windowRecords < CALM_RECORDS_PER_SECOND;
    windowStart = now;
    windowRecords = 0;
    if (paused && calm) {
      paused = false;
      hooks.resume();
    }
  };

  const observer = new MutationObserver((records) => {
    const now = Date.now();
    hooks.onActivity(now);
    rollWindow(now);
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
  const calmCheck = setInterval(() => rollWindow(Date.now()), 1000);
  for (const type of TARGETED_EVENTS) window.addEventListener(type, wakeNow, { capture: true, passive: true });

  return {
    wakeNow,
    disconnect() {
      observer.disconnect();
      clearInterval(calmCheck);
      for (const type of TARGETED_EVENTS) window.removeEventListener(type, wakeNow, { capture: true });
    },
  };
}
