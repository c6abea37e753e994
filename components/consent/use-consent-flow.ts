"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { ConsentView } from "@/lib/consent/consent-view";
import { broadcastConsent, onConsentChange } from "@/lib/consent/client/consent-bus";
import { fetchConsent, postConsent } from "@/lib/consent/client/consent-api";

export type DialogMode = "grant" | "revoke";

const viewKey = (view: ConsentView) => `${view.granted}|${view.changedAt}|${view.policy.version}`;

/**
 * The state machine behind the settings switch and the prompt: open the confirmation, send the decision, mirror the
 * server's answer, and tell every other tab (and this one's indicator and recorder) over the consent bus — no page
 * reload, so a prompt can say "thank you" and focus stays where it was. Changes made in another tab (or on the server, via the recorder) arrive
 * through the consent bus and are re-read from the server, which stays the source of truth.
 */
export function useConsentFlow({ initial, source }: { initial: ConsentView; source: "SETTINGS" | "PROMPT" }) {
  const [view, setView] = useState(initial);
  const [serverKey, setServerKey] = useState(viewKey(initial));
  const [dialog, setDialog] = useState<DialogMode | null>(null);
  // Which confirmation to render, kept after closing so the content does not swap while focus returns.
  const [mode, setMode] = useState<DialogMode>("grant");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const viewRef = useRef(view);
  const dialogRef = useRef(dialog);
  const pendingRef = useRef(false);

  // A fresh server render (router.refresh, navigation) wins over what this component last knew.
  if (viewKey(initial) !== serverKey) {
    setServerKey(viewKey(initial));
    setView(initial);
  }

  useEffect(() => {
    viewRef.current = view;
    dialogRef.current = dialog;
  });

  useEffect(() => {
    let latest = 0;
    return onConsentChange((change) => {
      const current = viewRef.current;
      // Our own broadcasts: the early stop sent while our request is in flight, and the final state we already hold.
      if (pendingRef.current || (change.granted === current.granted && change.at === current.changedAt)) return;
      const ticket = ++latest;
      fetchConsent()
        .then((fresh) => {
          if (ticket !== latest) return; // a newer change arrived meanwhile; its answer wins
          // An opt-out is announced before the server has stored it; a read that still says "on" is stale, and the
          // deciding tab announces the settled state once the server answers.
          if (fresh.granted !== change.granted) return;
          viewRef.current = fresh;
          setView(fresh);
          // A decision made elsewhere makes an open confirmation moot.
          if (dialogRef.current) setDialog(null);
        })
        .catch(() => {});
    });
  }, []);

  const open = useCallback((mode: DialogMode) => {
    setError(null);
    setMode(mode);
    setDialog(mode);
  }, []);

  const cancel = useCallback(() => {
    setError(null);
    setDialog(null);
  }, []);

  const decide = useCallback(
    async (granted: boolean, alsoDelete = false) => {
      setPending(true);
      pendingRef.current = true;
      setError(null);
      // Stopping must not wait for the network: every tab's recorder stops and drops its buffer now. The server then
      // stamps the revocation, and refuses anything recorded after it whatever a slow tab still sends.
      if (!granted) broadcastConsent({ granted: false, policyVersion: viewRef.current.decidedPolicyVersion, at: new Date().toISOString() });
      try {
        const next = await postConsent({ granted, policyVersion: viewRef.current.policy.version, source, alsoDelete });
        viewRef.current = next;
        setView(next);
        setDialog(null);
        setAnnouncement(next.granted ? "Usage sharing is on." : alsoDelete ? "Usage sharing is off and your shared data was deleted." : "Usage sharing is off.");
        broadcastConsent({ granted: next.granted, policyVersion: next.decidedPolicyVersion, at: next.changedAt ?? new Date().toISOString() });
      } catch (caught) {
        const message = caught instanceof Error ? caught.message : "Something went wrong. Try again.";
        // Show what the server holds now: a new policy version published while the dialog was open (409) is shown before
        // asking again, and a failed opt-out puts every tab back in line with the server rather than pretending.
        const fresh = await fetchConsent().catch(() => null);
        if (fresh) {
          viewRef.current = fresh;
          setView(fresh);
          if (!granted) broadcastConsent({ granted: fresh.granted, policyVersion: fresh.decidedPolicyVersion, at: fresh.changedAt ?? new Date().toISOString() });
        }
        setError(message);
      } finally {
        pendingRef.current = false;
        setPending(false);
      }
    },
    [source],
  );

  return { view, dialog, mode, pending, error, announcement, open, cancel, confirmGrant: () => decide(true), confirmRevoke: (alsoDelete: boolean) => decide(false, alsoDelete) };
}
