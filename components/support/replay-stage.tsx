"use client";

import "rrweb-player/dist/style.css";
import { useEffect, useImperativeHandle, useRef, type Ref } from "react";

/** The rrweb events as stored (rrweb's eventWithTime, typed loosely: the player is their only reader here). */
type RecordedEvent = { type: number; timestamp: number; data: { tag?: unknown } & Record<string, unknown> };

/**
 * rrweb-player 2.1.7 is a Svelte component whose published types import `svelte` (not installed), so the part of its
 * API used here is typed by hand, `$set`/`$destroy` included.
 */
type PlayerInstance = {
  addEvent(event: RecordedEvent): void;
  addEventListener(event: string, handler: (detail: { payload: unknown }) => unknown): void;
  goto(timeOffset: number, play?: boolean): void;
  pause(): void;
  getMetaData(): { startTime: number; endTime: number; totalTime: number };
  triggerResize(): void;
  $set(props: Record<string, unknown>): void;
  $destroy(): void;
};
type PlayerConstructor = new (options: { target: HTMLElement; props: Record<string, unknown> }) => PlayerInstance;

export type ReplayStatus =
  | { phase: "loading" }
  | { phase: "streaming" }
  | { phase: "complete" }
  | { phase: "error"; message: string; gone?: boolean };

export type ReplayHandle = {
  /** Moves the player to `offsetMs` from the first event; waits for the stream when that moment has not arrived yet. */
  seek(offsetMs: number): void;
  currentOffset(): number;
};

const FULL_SNAPSHOT = 2;
const CUSTOM = 5;
/** Candor's custom events that become markers on the player's own progress bar (the rest stay in the side tabs). */
const MARKER_TAGS: Record<string, string> = {
  "candor/page": "#2563eb",
  "candor/error": "#dc2626",
  "candor/rage-click": "#d97706",
  "candor/dead-click": "#a16207",
};
const TIME_STEP_MS = 200;

/** Blocked elements (message threads, composers) arrive as empty boxes: make them read as deliberate placeholders. */
const PLACEHOLDER_RULES = [
  ".rr-block { background: repeating-linear-gradient(45deg, #e2e8f0 0 10px, #f1f5f9 10px 20px) !important; outline: 1px dashed #64748b; position: relative; }",
  '.rr-block::after { content: "Hidden for privacy — not recorded"; position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; font: 600 13px system-ui, sans-serif; color: #334155; }',
];

const loadPlayer = () => import("rrweb-player").then((module) => module.default as unknown as PlayerConstructor);

/**
 * rrweb-player, fed by the NDJSON events stream of one recorded view: the player is created as soon as the first
 * full snapshot arrives and later chunks are appended with `addEvent`, so playback starts before the download ends.
 * Seeking plays from the nearest full snapshot before the target (rrweb discards earlier snapshots), so far seeks
 * stay cheap. Client-only: the player module is imported on mount, never on the server.
 */
export function ReplayStage({
  sessionId,
  viewId,
  initialOffsetMs,
  onStart,
  onTotal,
  onTime,
  onStatus,
  ref,
}: {
  sessionId: string;
  viewId: string;
  initialOffsetMs: number | null;
  onStart: (startTs: number) => void;
  /** The replay's length so far (called as chunks arrive and once the stream ends), for the marker strip's scale. */
  onTotal: (totalMs: number) => void;
  onTime: (offsetMs: number) => void;
  onStatus: (status: ReplayStatus) => void;
  ref?: Ref<ReplayHandle>;
}) {
  const targetRef = useRef<HTMLDivElement>(null);
  const playerRef = useRef<PlayerInstance | null>(null);
  const offsetRef = useRef(0);
  const loadedUntilRef = useRef(0);
  const completeRef = useRef(false);
  const pendingSeekRef = useRef<number | null>(null);
  const callbacks = useRef({ onStart, onTotal, onTime, onStatus });
  useEffect(() => {
    callbacks.current = { onStart, onTotal, onTime, onStatus };
  });

  useImperativeHandle(ref, () => ({
    seek(offsetMs) {
      pendingSeekRef.current = Math.max(0, offsetMs);
      flushPendingSeek();
    },
    currentOffset: () => offsetRef.current,
  }));

  function flushPendingSeek() {
    const player = playerRef.current;
    const target = pendingSeekRef.current;
    if (!player || target === null) return;
    const { startTime } = player.getMetaData();
    const loadedMs = loadedUntilRef.current - startTime;
    if (!completeRef.current && target > loadedMs) return; // not streamed yet: retried as each chunk arrives
    pendingSeekRef.current = null;
    // Clamp to what has arrived, not to the player's metadata: `addEvent` hands events to the replayer a microtask
    // later, so right after a chunk its total time is stale. The timeout lets those events land before the seek.
    const offset = Math.max(0, Math.min(target, loadedMs));
    offsetRef.current = offset;
    callbacks.current.onTime(offset);
    setTimeout(() => {
      if (playerRef.current === player) player.goto(offset);
    }, 0);
  }

  useEffect(() => {
    const target = targetRef.current;
    if (!target) return;
    const abort = new AbortController();
    let player: PlayerInstance | null = null;
    let resizeObserver: ResizeObserver | null = null;
    const pending: RecordedEvent[] = [];
    let lastSeq = -1;
    pendingSeekRef.current = initialOffsetMs;
    completeRef.current = false;
    loadedUntilRef.current = 0;
    callbacks.current.onStatus({ phase: "loading" });

    const size = () => {
      const width = Math.max(320, target.clientWidth);
      return { width, height: Math.round(width * 0.58) };
    };

    const create = (Player: PlayerConstructor) => {
      target.replaceChildren();
      player = new Player({
        target,
        props: {
          events: pending.splice(0),
          ...size(),
          autoPlay: initialOffsetMs === null,
          speedOption: [1, 2, 4, 8],
          skipInactive: true,
          showController: true,
          tags: MARKER_TAGS,
          insertStyleRules: PLACEHOLDER_RULES,
        },
      });
      playerRef.current = player;
      let lastStep = -1;
      player.addEventListener("ui-update-current-time", ({ payload }) => {
        if (typeof payload !== "number") return;
        offsetRef.current = payload;
        // The player ticks every animation frame; the side panels only need a few updates a second.
        const step = Math.floor(payload / TIME_STEP_MS);
        if (step !== lastStep) {
          lastStep = step;
          callbacks.current.onTime(payload);
        }
      });
      callbacks.current.onStart(player.getMetaData().startTime);
      resizeObserver = new ResizeObserver(() => {
        player?.$set(size());
        player?.triggerResize();
      });
      resizeObserver.observe(target);
    };

    const accept = (Player: PlayerConstructor, seq: number, events: RecordedEvent[]) => {
      lastSeq = seq;
      // Only marker-worthy custom events go to the player: the others would crowd its progress bar, and replay nothing.
      const replayable = events.filter((event) => event.type !== CUSTOM || (typeof event.data?.tag === "string" && event.data.tag in MARKER_TAGS));
      for (const event of replayable) loadedUntilRef.current = Math.max(loadedUntilRef.current, event.timestamp);
      if (player) {
        for (const event of replayable) player.addEvent(event);
      } else {
        pending.push(...replayable);
        if (pending.length >= 2 && pending.some((event) => event.type === FULL_SNAPSHOT)) {
          create(Player);
          callbacks.current.onStatus({ phase: "streaming" });
        }
      }
      if (player) callbacks.current.onTotal(loadedUntilRef.current - player.getMetaData().startTime);
      flushPendingSeek();
    };

    const run = async () => {
      const Player = await loadPlayer();
      for (let attempt = 0; ; attempt++) {
        try {
          const ended = await readStream(sessionId, viewId, lastSeq + 1, abort.signal, (seq, events) => accept(Player, seq, events));
          if (ended.error) {
            callbacks.current.onStatus({ phase: "error", message: ended.error.message, gone: ended.error.code === "GONE" });
            return;
          }
          break;
        } catch (error) {
          if (abort.signal.aborted) return;
          // A dropped connection resumes after the last chunk received; refusals (403/410) are not retried.
          if (error instanceof RefusedError || attempt >= 2) {
            callbacks.current.onStatus({ phase: "error", message: error instanceof Error ? error.message : "The recording could not be loaded.", gone: error instanceof RefusedError && error.gone });
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, 1000 * (attempt + 1)));
        }
      }
      if (abort.signal.aborted) return;
      completeRef.current = true;
      if (!player) {
        if (pending.length >= 2) create(Player);
        else {
          callbacks.current.onStatus({ phase: "error", message: "This session has no replayable recording (no page snapshot was stored)." });
          return;
        }
      }
      // The player draws its progress-bar markers when `tags` changes: hand it a fresh object now every event is in.
      player?.$set({ tags: { ...MARKER_TAGS } });
      if (player) callbacks.current.onTotal(loadedUntilRef.current - player.getMetaData().startTime);
      flushPendingSeek();
      callbacks.current.onStatus({ phase: "complete" });
    };
    run().catch(() => {
      // The player's code could not be loaded (network, a deploy in between): say so rather than spin forever.
      if (!abort.signal.aborted) callbacks.current.onStatus({ phase: "error", message: "The replay player could not be loaded. Reload the page to try again." });
    });

    return () => {
      abort.abort();
      resizeObserver?.disconnect();
      player?.pause();
      player?.$destroy();
      playerRef.current = null;
      target.replaceChildren();
    };
    // initialOffsetMs is read once per opened view on purpose: later seeks go through the handle.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sessionId, viewId]);

  return <div ref={targetRef} className="replay-stage w-full overflow-hidden rounded-lg bg-slate-100" data-testid="replay-stage" />;
}

class RefusedError extends Error {
  constructor(
    message: string,
    readonly gone: boolean,
  ) {
    super(message);
  }
}

/** Reads the NDJSON events stream line by line, handing each chunk on as soon as its line is complete. */
async function readStream(
  sessionId: string,
  viewId: string,
  fromSeq: number,
  signal: AbortSignal,
  onChunk: (seq: number, events: RecordedEvent[]) => void,
): Promise<{ error?: { code: string; message: string } }> {
  const params = new URLSearchParams({ view: viewId, fromSeq: String(fromSeq) });
  const response = await fetch(`/api/support/sessions/${encodeURIComponent(sessionId)}/events?${params}`, { signal, cache: "no-store" });
  if (!response.ok || !response.body) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    const message = body?.error?.message ?? `The recording could not be loaded (HTTP ${response.status}).`;
    if (response.status === 403 || response.status === 404 || response.status === 410) throw new RefusedError(message, response.status === 410);
    throw new Error(message);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffered += value;
    let newline = buffered.indexOf("\n");
    while (newline >= 0) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line) {
        const parsed = JSON.parse(line) as { seq?: number; events?: RecordedEvent[]; error?: { code: string; message: string } };
        if (parsed.error) return { error: parsed.error };
        if (typeof parsed.seq === "number" && Array.isArray(parsed.events)) onChunk(parsed.seq, parsed.events);
      }
      newline = buffered.indexOf("\n");
    }
    if (done) return {};
  }
}
