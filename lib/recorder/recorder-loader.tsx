"use client";

import { useEffect } from "react";
import { onConsentChange } from "@/lib/consent/client/consent-bus";
import type { RunningRecorder } from "./recorder";

/**
 * Mounts session recording for a signed-in user. Renders nothing, and downloads none of rrweb until consent is known
 * to be given: the recorder module (with rrweb) is fetched with a dynamic import only then. It follows the consent
 * bus in every tab: an opt-out stops recording at once and discards whatever was not sent; an opt-in starts it
 * without a reload. The recorder lives outside React state, so recorded DOM changes never re-render anything.
 */

// One recorder per page, whatever React does with effects (Strict Mode runs them twice in development).
let running: RunningRecorder | null = null;
let starting: Promise<void> | null = null;
let wanted = false;

function ensureStarted() {
  wanted = true;
  if (running || starting) return;
  starting = import("./recorder")
    .then(({ startRecorder }) => startRecorder())
    .then((recorder) => {
      running = recorder;
      // Consent was withdrawn while the recorder was starting.
      if (!wanted) stopNow();
    })
    .catch(() => {
      // Could not start (offline, server error): recording simply stays off on this page.
    })
    .finally(() => {
      starting = null;
    });
}

function stopNow({ discard = true }: { discard?: boolean } = {}) {
  wanted = false;
  running?.stop({ discard });
  running = null;
}

export function RecorderLoader({ enabled }: { enabled: boolean }) {
  useEffect(() => {
    if (enabled) ensureStarted();
    else stopNow();
    return onConsentChange((change) => {
      if (change.granted) ensureStarted();
      else stopNow();
    });
  }, [enabled]);

  // Leaving the platform (signing out): stop, sending what was already recorded with consent.
  useEffect(() => () => stopNow({ discard: false }), []);

  return null;
}
