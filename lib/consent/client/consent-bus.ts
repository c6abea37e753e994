"use client";

/**
 * How open tabs of one browser learn of a consent change at once: the tab where the user decided broadcasts on a
 * BroadcastChannel; every tab (including the sender, via a local dispatch) tells its listeners — the recorder stops
 * and discards its buffer on `granted: false`, the indicator hides. The server's answer to every upload is the
 * fallback for browsers without BroadcastChannel and for changes made on another device.
 */
export type ConsentChange = { granted: boolean; policyVersion: number | null; at: string };

const CHANNEL_NAME = "candor-consent";
const listeners = new Set<(change: ConsentChange) => void>();
let channel: BroadcastChannel | null = null;

function ensureChannel() {
  if (channel || typeof BroadcastChannel === "undefined") return;
  channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (event: MessageEvent<ConsentChange>) => {
    if (typeof event.data?.granted === "boolean") notify(event.data);
  };
}

function notify(change: ConsentChange) {
  for (const listener of listeners) listener(change);
}

/** Tell this tab and every other open tab that consent changed. */
export function broadcastConsent(change: ConsentChange) {
  ensureChannel();
  channel?.postMessage(change);
  notify(change);
}

/** Listen for consent changes from any tab (or from the server's answer, via `broadcastConsent`); returns unsubscribe. */
export function onConsentChange(listener: (change: ConsentChange) => void): () => void {
  ensureChannel();
  listeners.add(listener);
  return () => listeners.delete(listener);
}
