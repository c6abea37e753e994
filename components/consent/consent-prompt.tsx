"use client";

import { useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ConsentView } from "@/lib/consent/consent-view";
import type { PromptReason } from "@/lib/consent/prompt-rules";
import { dismissConsentPrompt } from "@/lib/consent/client/consent-api";
import { Button } from "@/components/ui/button";
import { ConsentDialog } from "./consent-dialog";
import { useConsentFlow } from "./use-consent-flow";

const subscribe = () => () => {};
const browserSendsGpc = () => (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;

/**
 * The after-sign-in question for people who have not decided (or whose agreed policy changed): an opt-in checkbox
 * that leads to the same confirmation as the settings switch. Not modal — nobody has to answer to use the platform.
 * "Not now" records no consent; the server keeps it away for 30 days. Never rendered under Global Privacy Control
 * (the server checks the header; this checks `navigator.globalPrivacyControl`).
 */
export function ConsentPrompt({ initial, reason, platformName }: { initial: ConsentView; reason: PromptReason; platformName: string }) {
  const flow = useConsentFlow({ initial, source: "PROMPT" });
  const pathname = usePathname();
  const gpc = useSyncExternalStore(subscribe, browserSendsGpc, () => false);
  const [dismissed, setDismissed] = useState(false);
  const [dismissError, setDismissError] = useState<string | null>(null);
  const [confirmedHere, setConfirmedHere] = useState(false);
  const checkboxRef = useRef<HTMLInputElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  const id = useId();

  const granted = flow.view.granted;
  useEffect(() => {
    if (confirmedHere && granted) doneRef.current?.focus();
  }, [confirmedHere, granted]);

  // The settings pages carry the switch itself; a second way to answer there would only confuse.
  if (gpc || dismissed || pathname.startsWith("/settings")) return null;
  // Decided in another tab (or here, and acknowledged): the question is answered.
  if (flow.view.reason === "revoked" || (granted && !confirmedHere)) return null;

  const label = `Share usage information with ${platformName}`;

  async function notNow() {
    setDismissError(null);
    try {
      await dismissConsentPrompt();
      setDismissed(true);
    } catch (error) {
      setDismissError(error instanceof Error ? error.message : "Could not save that. Try again.");
    }
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="mb-6 rounded-xl border border-brand-200 bg-brand-50 p-5" data-testid="consent-prompt">
      <h2 id={`${id}-heading`} className="font-semibold text-slate-900">
        {reason === "policy-changed" ? "Our usage-sharing policy changed" : `Help improve ${platformName}?`}
      </h2>
      {granted ? (
        <>
          <p ref={doneRef} tabIndex={-1} className="mt-1 text-sm text-slate-700 focus:outline-none">
            Thank you — usage sharing is on. You can turn it off at any time in{" "}
            <Link href="/settings/profile" className="text-brand-700 underline">
              your profile settings
            </Link>
            .
          </p>
          <Button variant="secondary" className="mt-3" onClick={() => setConfirmedHere(false)}>
            Close
          </Button>
        </>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-700">
            {reason === "policy-changed"
              ? "You chose to share usage information, but what we collect is described in a new version of the policy. Sharing is paused until you review it and confirm."
              : "Share how you use the platform — clicks, scrolls and pages, never what you type or your messages — so we can fix bugs and give you better support. It is off unless you opt in."}
          </p>
          <div className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-3">
            <div className="flex items-center gap-2">
              <input
                ref={checkboxRef}
                id={`${id}-opt-in`}
                type="checkbox"
                checked={flow.dialog === "grant"}
                onChange={(event) => {
                  if (event.target.checked) {
                    setConfirmedHere(true);
                    flow.open("grant");
                  }
                }}
                className="size-4 accent-brand-600"
              />
              <label htmlFor={`${id}-opt-in`} className="text-sm font-medium text-slate-900">
                {label}
              </label>
            </div>
            <Button variant="ghost" onClick={notNow}>
              Not now
            </Button>
          </div>
          {dismissError ? (
            <p role="alert" className="mt-2 text-sm text-red-700">
              {dismissError}
            </p>
          ) : null}
        </>
      )}
      <ConsentDialog
        mode="grant"
        open={flow.dialog === "grant"}
        platformName={platformName}
        policy={flow.view.policy}
        policyChanged={flow.view.reason === "policy-changed"}
        pending={flow.pending}
        error={flow.error}
        onCancel={() => {
          setConfirmedHere(false);
          flow.cancel();
        }}
        onConfirm={flow.confirmGrant}
        returnFocusTo={checkboxRef}
      />
    </section>
  );
}
