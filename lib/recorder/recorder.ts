"use client";

import { record } from "@rrweb/record";
import { broadcastConsent } from "@/lib/consent/client/consent-bus";
import type { RecordingConfig, RrwebEvent, StartSessionResponse } from "@/lib/recording/protocol";
import { createScrubContext, scrubEvent } from "@/lib/recording/scrub-events";
import { parseUserAgent } from "./device-info";
import { paceDomRecording } from "./dom-pacing";
import { installInstrumentation, type Emit } from "./instrument";
import { Transport, type OutgoingChunk, type SendOutcome } from "./transport";

/**
 * The recorder itself, loaded (with rrweb) only after the loader knows the user consents. One recording session spans
 * client-side navigations and reloads in this tab (kept in sessionStorage); a new one starts after 30 idle minutes.
 * Nothing here renders React: events go straight from rrweb to the transport.
 */

const INGEST = "/api/ingest/sessions";
const SESSION_KEY = "candor.recording.session";
const OUTBOX_KEY = "candor.recording.outbox";
/** Chrome refuses keepalive requests beyond 64 KiB in flight; the rest waits in sessionStorage for the next page. */
const KEEPALIVE_BUDGET = 60 * 1024;
const MAX_PERSISTED = 2 * 1024 * 1024;
/** The custom event that wakes a frozen rrweb (see dom-pacing.ts); never recorded: the scrub keeps only Candor's own tags. */
const WAKE_TAG = "candor-internal/wake";

type StoredSession = { sessionId: string; nextSeq: number; clockOffsetMs: number; lastActivity: number; config: RecordingConfig };

// The transport must not go through the network instrumentation (it would record its own uploads).
const nativeFetch: typeof fetch = window.fetch.bind(window);

function readJson<T>(key: string): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}
function writeJson(key: string, value: unknown) {
  try {
    sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the recording still works, it just cannot survive a reload.
  }
}

async function gzip(text: string): Promise<Uint8Array> {
  // CompressionStream compresses off the main thread in the browser's own code.
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function outcomeOf(response: Response, code: string | undefined): SendOutcome {
  if (response.ok) return { kind: "ok" };
  if (response.status === 403 && (code === "CONSENT_REVOKED" || code === "CONSENT_REQUIRED")) return { kind: "consent-revoked" };
  if (response.status === 401 || response.status === 404) return { kind: "session-gone" };
  if (response.status === 429 || response.status >= 500 || response.status === 408) {
    const retryAfter = Number(response.headers.get("retry-after"));
    return { kind: "retry", retryAfterMs: retryAfter > 0 ? retryAfter * 1000 : undefined };
  }
  return { kind: "refused" };
}

async function errorCode(response: Response): Promise<string | undefined> {
  if (response.ok) return undefined;
  try {
    return ((await response.json()) as { error?: { code?: string } }).error?.code;
  } catch {
    return undefined;
  }
}

async function sendChunk(chunk: OutgoingChunk, keepalive = false): Promise<SendOutcome> {
  const url = `${INGEST}/${encodeURIComponent(chunk.sessionId)}/chunks`;
  const body = keepalive ? chunk.json : await gzip(chunk.json);
  const response = await nativeFetch(url, {
    method: "POST",
    headers: { "content-type": keepalive ? "application/json" : "application/gzip" },
    body: body as BodyInit,
    credentials: "same-origin",
    keepalive,
  });
  return outcomeOf(response, await errorCode(response));
}

async function startSession(): Promise<StoredSession | "no-consent"> {
  const requestedAt = Date.now();
  const response = await nativeFetch(INGEST, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ entryPath: location.pathname + location.search }),
    credentials: "same-origin",
  });
  if (response.status === 403 || response.status === 401) return "no-consent";
  if (!response.ok) throw new Error(`Starting a recording session failed with ${response.status}.`);
  const started = (await response.json()) as StartSessionResponse;
  const receivedAt = Date.now();
  // Server time at the midpoint of the round trip, minus the browser's: how far the browser clock is off.
  const clockOffsetMs = Math.round(started.serverTime - (requestedAt + receivedAt) / 2);
  return { sessionId: started.sessionId, nextSeq: 0, clockOffsetMs, lastActivity: Date.now(), config: started.config };
}

/** Resends chunks a previous page of this tab could not confirm before it unloaded (idempotent on the server). */
async function resendPersisted() {
  const persisted = readJson<OutgoingChunk[]>(OUTBOX_KEY) ?? [];
  sessionStorage.removeItem(OUTBOX_KEY);
  for (const chunk of persisted) {
    try {
      const outcome = await sendChunk(chunk);
      if (outcome.kind === "consent-revoked") return "consent-revoked";
    } catch {
      // Offline: this data is lost rather than held forever; the replay shows the gap.
    }
  }
  return "done";
}

export type RunningRecorder = { stop: (options: { discard: boolean }) => void };

/**
 * Starts recording. Resolves to a handle, or null when the server says the user does not consent (in which case
 * every tab is told so). `stop({ discard: true })` drops everything not yet sent — the opt-out path.
 */
export async function startRecorder(): Promise<RunningRecorder | null> {
  let stopped = false;
  const revoke = () => {
    if (stopped) return;
    stop({ discard: true });
    broadcastConsent({ granted: false, policyVersion: null, at: new Date().toISOString() });
  };

  if ((await resendPersisted()) === "consent-revoked") {
    broadcastConsent({ granted: false, policyVersion: null, at: new Date().toISOString() });
    return null;
  }

  let session = readJson<StoredSession>(SESSION_KEY);
  const resumed = !!session && Date.now() - session.lastActivity < session.config.idleTimeoutMs;
  if (!resumed) {
    const started = await startSession();
    if (started === "no-consent") {
      broadcastConsent({ granted: false, policyVersion: null, at: new Date().toISOString() });
      return null;
    }
    session = started;
  }
  let current = session!;
  writeJson(SESSION_KEY, current);

  let transport: Transport;
  let stopDom: (() => void) | undefined;
  let scrub = createScrubContext();
  // Events are scrubbed and serialised in a task of their own, so a large DOM change does not make the task that
  // recorded it longer still. Nothing reaches the transport unscrubbed, and every path that hands the transport's
  // chunks on (flush, unload, stop, a new session) settles this queue first.
  let unscrubbed: RrwebEvent[] = [];
  let scrubScheduled = false;
  const scrubQueued = () => {
    scrubScheduled = false;
    const events = unscrubbed;
    unscrubbed = [];
    for (const event of events) if (!stopped && scrubEvent(scrub, event)) transport.push(event);
  };
  const push = (event: RrwebEvent) => {
    if (stopped) return;
    unscrubbed.push(event);
    if (!scrubScheduled) {
      scrubScheduled = true;
      setTimeout(scrubQueued, 0);
    }
  };
  const emit: Emit = (tag, payload) => push({ type: 5, timestamp: Date.now(), data: { tag, payload } });

  const makeTransport = () =>
    new Transport({
      sessionId: current.sessionId,
      nextSeq: current.nextSeq,
      clockOffsetMs: current.clockOffsetMs,
      flushIntervalMs: current.config.flushIntervalMs,
      maxBatchBytes: current.config.maxBatchBytes,
      maxBufferBytes: current.config.maxBufferBytes,
      send: (chunk) => sendChunk(chunk),
      onSeq: (nextSeq) => {
        current.nextSeq = nextSeq;
        writeJson(SESSION_KEY, current);
      },
      onConsentRevoked: revoke,
      onSessionGone: () => void rotate(),
    });

  const startDom = () => {
    // What the previous recording emitted is scrubbed with the context that knows its nodes.
    scrubQueued();
    scrub = createScrubContext();
    stopDom = record({
      emit: (event) => push(event as unknown as RrwebEvent),
      // Privacy defaults: every input masked (passwords always), message threads/composers and anything marked
      // private blocked (replayed as a placeholder box), contenteditable text masked, no canvas, no cross-origin
      // iframes, no fonts or images inlined. rrweb records no key events.
      maskAllInputs: true,
      maskInputOptions: { password: true },
      blockClass: "rr-block",
      blockSelector: "[data-private]",
      ignoreClass: "rr-ignore",
      maskTextSelector: '[contenteditable]:not([contenteditable="false"])',
      recordCanvas: false,
      recordCrossOriginIframes: false,
      collectFonts: false,
      inlineImages: false,
      slimDOMOptions: "all",
      sampling: { mousemove: 50, scroll: 100, input: "last", media: 800 },
      // A full snapshot at least every 5 minutes, so a long session can be seeked.
      checkoutEveryNms: current.config.checkoutEveryNms,
    });
  };

  const sendDevice = () => {
    const { browser, os, deviceType } = parseUserAgent(navigator.userAgent, navigator.maxTouchPoints);
    emit("candor/session", {
      browser,
      os,
      deviceType,
      screen: { w: screen.width, h: screen.height },
      viewport: { w: innerWidth, h: innerHeight },
      pixelRatio: Math.round(devicePixelRatio * 100) / 100,
      locale: navigator.language,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone ?? "",
      path: location.pathname + location.search,
    });
  };

  transport = makeTransport();
  if (!resumed) sendDevice();
  const instrumentation = installInstrumentation({ emit, onNavigate: () => instrumentation?.activity(Date.now()), ignorePathPrefix: INGEST });
  // Created before rrweb's observer, so that it sees every batch of DOM changes first.
  const pacing = paceDomRecording({
    isRecording: () => stopDom !== undefined,
    freeze: () => record.freezePage(),
    wake: () => {
      try {
        record.addCustomEvent(WAKE_TAG, null);
      } catch {
        // rrweb refuses custom events before its first snapshot; until then it holds no changes to serialise.
      }
    },
    pause: () => {
      stopDom?.();
      stopDom = undefined;
      emit("candor/gap", { reason: "mutation-storm", droppedEvents: 0 });
    },
    resume: startDom,
    onActivity: (now) => instrumentation.activity(now),
  });
  startDom();
  /** Everything recorded so far, serialised by rrweb and scrubbed, in the transport now. */
  const settle = () => {
    pacing.wakeNow();
    scrubQueued();
  };

  /** A new recording session: after 30 idle minutes, or when the server no longer knows ours (another user). */
  let rotating = false;
  async function rotate() {
    if (rotating || stopped) return;
    rotating = true;
    try {
      settle();
      stopDom?.();
      transport.flush();
      const started = await startSession();
      if (started === "no-consent") return revoke();
      if (stopped) return;
      current = started;
      writeJson(SESSION_KEY, current);
      // The old transport keeps retrying what it holds for the old session; new events go to the new one.
      transport = makeTransport();
      sendDevice();
      startDom();
    } catch {
      // The server is unreachable: try again on the next activity.
    } finally {
      rotating = false;
    }
  }

  const touch = () => {
    const now = Date.now();
    if (now - current.lastActivity >= current.config.idleTimeoutMs) void rotate();
    current.lastActivity = now;
  };

  // --- Unload and background: flush, with keepalive; persist what cannot be confirmed for the next page. ---
  const onVisibility = () => {
    if (document.visibilityState === "hidden") {
      writeJson(SESSION_KEY, current);
      settle();
      transport.flush();
    } else {
      touch();
    }
  };
  const onPageHide = () => {
    if (stopped) return;
    instrumentation.leave();
    settle();
    const pending = transport.drainForUnload();
    let budget = KEEPALIVE_BUDGET;
    const keep: OutgoingChunk[] = [];
    let persistedBytes = 0;
    for (const chunk of pending) {
      if (chunk.json.length <= budget) {
        budget -= chunk.json.length;
        void sendChunk(chunk, true).catch(() => {});
      }
      if (persistedBytes + chunk.json.length <= MAX_PERSISTED) {
        persistedBytes += chunk.json.length;
        keep.push(chunk);
      }
    }
    writeJson(OUTBOX_KEY, keep);
    writeJson(SESSION_KEY, current);
  };
  const onPageShow = (event: PageTransitionEvent) => {
    // Back/forward cache restored this page: the transport was drained on pagehide, so start it again.
    if (event.persisted && !stopped) {
      transport = makeTransport();
      touch();
    }
  };
  document.addEventListener("visibilitychange", onVisibility);
  window.addEventListener("pagehide", onPageHide);
  window.addEventListener("pageshow", onPageShow);
  window.addEventListener("pointerdown", touch, { capture: true, passive: true });

  function stop({ discard }: { discard: boolean }) {
    if (stopped) return;
    if (!discard) settle();
    stopped = true;
    stopDom?.();
    pacing.disconnect();
    instrumentation.uninstall();
    document.removeEventListener("visibilitychange", onVisibility);
    window.removeEventListener("pagehide", onPageHide);
    window.removeEventListener("pageshow", onPageShow);
    window.removeEventListener("pointerdown", touch, { capture: true });
    unscrubbed = [];
    if (discard) {
      transport.discard();
      sessionStorage.removeItem(SESSION_KEY);
      sessionStorage.removeItem(OUTBOX_KEY);
    } else {
      transport.flush();
      transport.stop();
    }
  }

  return { stop };
}
