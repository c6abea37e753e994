import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CALM_RECORDS_PER_SECOND, paceDomRecording, STORM_RECORDS_PER_SECOND, type DomRecordingHooks } from "@/lib/recorder/dom-pacing";

/** The browser's MutationObserver, reduced to what pacing uses: the test delivers batches of records itself. */
class FakeObserver {
  static latest: FakeObserver | null = null;
  observing = false;
  constructor(readonly callback: (records: unknown[]) => void) {
    FakeObserver.latest = this;
  }
  observe() {
    this.observing = true;
  }
  disconnect() {
    this.observing = false;
  }
  deliver(count: number) {
    this.callback(Array.from({ length: count }, () => ({})));
  }
}

function setup() {
  let recording = true;
  const calls: string[] = [];
  const tasks: (() => void)[] = [];
  const hooks: DomRecordingHooks = {
    isRecording: () => recording,
    freeze: () => calls.push("freeze"),
    wake: () => calls.push("wake"),
    pause: () => {
      recording = false;
      calls.push("pause");
    },
    resume: () => {
      recording = true;
      calls.push("resume");
    },
    onActivity: () => {},
  };
  const pacing = paceDomRecording(hooks, (task) => tasks.push(task));
  const observer = FakeObserver.latest!;
  const runTasks = () => tasks.splice(0).forEach((task) => task());
  return { pacing, observer, calls, runTasks, setRecording: (value: boolean) => (recording = value) };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.stubGlobal("MutationObserver", FakeObserver);
  vi.stubGlobal("document", {});
  vi.stubGlobal("window", new EventTarget());
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("DOM recording pacing", () => {
  it("freezes rrweb in the task that changed the DOM and wakes it in a task of its own", () => {
    const { observer, calls, runTasks } = setup();
    expect(observer.observing).toBe(true);
    observer.deliver(3);
    expect(calls).toEqual(["freeze"]);
    runTasks();
    expect(calls).toEqual(["freeze", "wake"]);
  });

  it("serialises batches that arrive before the wake-up together", () => {
    const { observer, calls, runTasks } = setup();
    observer.deliver(1);
    observer.deliver(1);
    observer.deliver(1);
    expect(calls).toEqual(["freeze"]);
    runTasks();
    observer.deliver(1);
    expect(calls).toEqual(["freeze", "wake", "freeze"]);
  });

  it("wakes at once when asked (flush, unload, stop), and only if something is held", () => {
    const { pacing, observer, calls, runTasks } = setup();
    pacing.wakeNow();
    expect(calls).toEqual([]);
    observer.deliver(1);
    pacing.wakeNow();
    expect(calls).toEqual(["freeze", "wake"]);
    runTasks(); // the scheduled wake-up finds nothing left to do
    expect(calls).toEqual(["freeze", "wake"]);
  });

  it("wakes before rrweb sees a user's action, so the action's target has been serialised", () => {
    const { observer, calls } = setup();
    window.dispatchEvent(new Event("click"));
    expect(calls).toEqual([]);
    observer.deliver(1);
    window.dispatchEvent(new Event("click"));
    expect(calls).toEqual(["freeze", "wake"]);
  });

  it("neither freezes nor wakes rrweb when it is not recording", () => {
    const { pacing, observer, calls, setRecording } = setup();
    setRecording(false);
    observer.deliver(1);
    pacing.wakeNow();
    expect(calls).toEqual([]);
  });

  it("pauses DOM recording in a storm and resumes after a calm second, with a fresh snapshot", () => {
    const { observer, calls, runTasks } = setup();
    observer.deliver(STORM_RECORDS_PER_SECOND + 1);
    expect(calls).toEqual(["pause"]);
    observer.deliver(1_000); // still stormy: nothing to freeze, nothing resumed
    runTasks();
    expect(calls).toEqual(["pause"]);
    vi.advanceTimersByTime(1_000);
    observer.deliver(CALM_RECORDS_PER_SECOND - 1); // a new second begins; the last one was not calm
    expect(calls).toEqual(["pause"]);
    vi.advanceTimersByTime(1_000);
    observer.deliver(1); // the second before had fewer than CALM records
    expect(calls).toEqual(["pause", "resume", "freeze"]);
  });

  it("resumes after a storm that ends without another mutation", () => {
    const { observer, calls } = setup();
    observer.deliver(STORM_RECORDS_PER_SECOND + 1);
    vi.advanceTimersByTime(2_000);
    expect(calls).toEqual(["pause", "resume"]);
  });

  it("stops observing and listening on disconnect", () => {
    const { pacing, observer, calls } = setup();
    observer.deliver(1);
    pacing.disconnect();
    expect(observer.observing).toBe(false);
    window.dispatchEvent(new Event("click"));
    expect(calls).toEqual(["freeze"]);
  });
});
