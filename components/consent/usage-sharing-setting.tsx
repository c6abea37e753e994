"use client";

import { useId, useRef, useSyncExternalStore } from "react";
import Link from "next/link";
import * as Switch from "@radix-ui/react-switch";
import type { ConsentView } from "@/lib/consent/consent-view";
import { ConsentDialog } from "./consent-dialog";
import { LocalTime } from "./local-time";
import { useConsentFlow } from "./use-consent-flow";

const subscribe = () => () => {};
const browserSendsGpc = () => (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;

function StatusLine({ view }: { view: ConsentView }) {
  if (view.granted) {
    return (
      <>
        <strong className="font-semibold text-emerald-700">On</strong> — you agreed to policy version {view.decidedPolicyVersion}.
      </>
    );
  }
  if (view.reason === "policy-changed") {
    return (
      <>
        <strong className="font-semibold text-amber-800">Paused: the policy changed — review and confirm.</strong> You agreed to version{" "}
        {view.decidedPolicyVersion}; version {view.policy.version} was published on <LocalTime iso={view.policy.publishedAt} />. Nothing is
        shared until you confirm it.
      </>
    );
  }
  if (view.reason === "revoked") return <><strong className="font-semibold">Off</strong> — nothing is being shared.</>;
  return <><strong className="font-semibold">Off</strong> — you have never turned it on, so nothing is shared.</>;
}

/**
 * The "Share usage information" switch on /settings/profile. The switch only ever shows what the server recorded:
 * flipping it opens a confirmation, and it changes only once the server has written the decision to the ledger.
 */
export function UsageSharingSetting({ initial, platformName, gpcHeader }: { initial: ConsentView; platformName: string; gpcHeader: boolean }) {
  const flow = useConsentFlow({ initial, source: "SETTINGS" });
  const { view } = flow;
  const switchRef = useRef<HTMLButtonElement>(null);
  const id = useId();
  const gpc = useSyncExternalStore(subscribe, () => gpcHeader || browserSendsGpc(), () => gpcHeader);
  const label = `Share usage information with ${platformName}`;

  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-xl border border-slate-200 bg-white p-6">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        Usage information
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Help improve {platformName} by sharing how you use it: clicks, scrolls and pages, with everything you type masked. Messages and
        passwords are never collected. See <Link href="/settings/privacy" className="text-brand-700 underline">your shared data</Link> for
        details.
      </p>

      <div className="mt-5 flex items-center justify-between gap-4">
        <label htmlFor={`${id}-switch`} className="text-sm font-medium text-slate-900">
          {label}
        </label>
        <Switch.Root
          id={`${id}-switch`}
          ref={switchRef}
          checked={view.granted}
          disabled={flow.pending}
          aria-describedby={`${id}-status`}
          onCheckedChange={(wantOn) => flow.open(wantOn ? "grant" : "revoke")}
          className="relative inline-flex h-6 w-11 shrink-0 items-center rounded-full bg-slate-300 transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 data-[state=checked]:bg-brand-600 disabled:opacity-60"
        >
          <Switch.Thumb className="block size-5 translate-x-0.5 rounded-full bg-white shadow transition-transform data-[state=checked]:translate-x-[1.375rem]" />
        </Switch.Root>
      </div>

      <div id={`${id}-status`} className="mt-3 space-y-1 text-sm text-slate-700" data-testid="usage-sharing-status">
        <p>
          <StatusLine view={view} />
        </p>
        {view.changedAt ? (
          <p className="text-slate-500">
            Last changed <LocalTime iso={view.changedAt} />
          </p>
        ) : null}
      </div>

      {view.reason === "policy-changed" ? (
        <button type="button" onClick={() => flow.open("grant")} className="mt-3 text-sm font-medium text-brand-700 underline">
          Review the new policy and confirm
        </button>
      ) : null}

      <p className="mt-4 text-sm text-slate-600" data-testid="gpc-notice">
        {gpc
          ? "Your browser sends the Global Privacy Control signal, and we honour it: we will never ask you to share usage information. It stays off unless you turn it on here yourself."
          : "We honour Global Privacy Control: if your browser sends that signal, we never ask you to share usage information."}
      </p>

      <p role="status" className="sr-only">
        {flow.announcement}
      </p>

      {flow.mode === "revoke" ? (
        <ConsentDialog
          mode="revoke"
          open={flow.dialog === "revoke"}
          platformName={platformName}
          pending={flow.pending}
          error={flow.error}
          onCancel={flow.cancel}
          onConfirm={({ alsoDelete }) => flow.confirmRevoke(alsoDelete)}
          returnFocusTo={switchRef}
        />
      ) : (
        <ConsentDialog
          mode="grant"
          open={flow.dialog === "grant"}
          platformName={platformName}
          policy={view.policy}
          policyChanged={view.reason === "policy-changed"}
          pending={flow.pending}
          error={flow.error}
          onCancel={flow.cancel}
          onConfirm={flow.confirmGrant}
          returnFocusTo={switchRef}
        />
      )}
    </section>
  );
}
