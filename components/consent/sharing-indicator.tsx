"use client";

import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { broadcastConsent, onConsentChange } from "@/lib/consent/client/consent-bus";
import { fetchConsent } from "@/lib/consent/client/consent-api";

/**
 * The shell's "Sharing usage info" badge: visible exactly while this user's consent is in force, linking to the switch.
 * Every tab updates at once through the consent bus. When a tab comes back into view it re-reads the server (a change
 * made on another device) and, if the server disagrees, tells every tab — the recorder included.
 */
export function SharingIndicator({ initialSharing }: { initialSharing: boolean }) {
  const [sharing, setSharing] = useState(initialSharing);
  const [serverSharing, setServerSharing] = useState(initialSharing);
  const sharingRef = useRef(sharing);

  // A fresh server render (navigation, router.refresh) is newer than what this tab last heard.
  if (initialSharing !== serverSharing) {
    setServerSharing(initialSharing);
    setSharing(initialSharing);
  }

  useEffect(() => {
    sharingRef.current = sharing;
  }, [sharing]);

  useEffect(() => onConsentChange((change) => setSharing(change.granted)), []);

  useEffect(() => {
    function resync() {
      if (document.visibilityState !== "visible") return;
      fetchConsent()
        .then((view) => {
          if (view.granted !== sharingRef.current) {
            broadcastConsent({ granted: view.granted, policyVersion: view.decidedPolicyVersion, at: view.changedAt ?? new Date().toISOString() });
          }
        })
        .catch(() => {});
    }
    document.addEventListener("visibilitychange", resync);
    return () => document.removeEventListener("visibilitychange", resync);
  }, []);

  if (!sharing) return null;
  return (
    <Link
      href="/settings/profile"
      title="Usage information is being shared. Change this in your profile settings."
      className="inline-flex items-center gap-1.5 rounded-full border border-emerald-200 bg-emerald-50 px-2.5 py-1 text-xs font-medium text-emerald-800 hover:bg-emerald-100"
    >
      <span aria-hidden="true" className="size-2 rounded-full bg-emerald-500" />
      Sharing usage info
    </Link>
  );
}
