"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import Link from "next/link";
import { Button, buttonClass } from "@/components/ui/button";
import type { TimelineItem } from "@/lib/support/timeline";
import { formatClock } from "@/lib/support/time";
import { EventTabs } from "./event-tabs";
import { ReplayStage, type ReplayHandle, type ReplayStatus } from "./replay-stage";
import { TimelineMarkers } from "./timeline-markers";
import { ViewReasonDialog } from "./view-reason-dialog";

type Fatal = { message: string; gone: boolean };

/**
 * The replay side of the session page. Nothing recorded is fetched until a replay view exists: first the reason
 * (when the admin setting asks for one), then POST …/views, and only with the returned view id the timeline and the
 * events stream. The header facts above it are rendered by the server.
 */
export function SessionViewer({
  sessionId,
  userName,
  requireReason,
  initialOffsetMs,
  durationMs,
}: {
  sessionId: string;
  userName: string;
  requireReason: boolean;
  initialOffsetMs: number | null;
  durationMs: number;
}) {
  const [viewId, setViewId] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [fatal, setFatal] = useState<Fatal | null>(null);
  const [timeline, setTimeline] = useState<{ items: TimelineItem[]; truncated: boolean } | null>(null);
  const [startTs, setStartTs] = useState<number | null>(null);
  const [playerTotalMs, setPlayerTotalMs] = useState<number | null>(null);
  const [offset, setOffset] = useState(initialOffsetMs ?? 0);
  const [status, setStatus] = useState<ReplayStatus>({ phase: "loading" });
  const [copyState, setCopyState] = useState<{ ok: boolean; url: string } | null>(null);
  const stageRef = useRef<ReplayHandle>(null);
  const autoOpened = useRef(false);

  const openView = useCallback(
    async (reason: string) => {
      setPending(true);
      setReasonError(null);
      try {
        const response = await fetch(`/api/support/sessions/${encodeURIComponent(sessionId)}/views`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ reason }),
        });
        const body = (await response.json().catch(() => null)) as { view?: { id: string }; error?: { message: string; fields?: Record<string, string[]> } } | null;
        if (response.ok && body?.view) {
          setViewId(body.view.id);
          return;
        }
        if (response.status === 400 && body?.error?.fields?.reason) setReasonError(body.error.fields.reason.join(" "));
        else setFatal({ message: body?.error?.message ?? `The replay could not be opened (HTTP ${response.status}).`, gone: response.status === 410 });
      } catch {
        setReasonError("The server could not be reached. Check your connection and try again.");
      } finally {
        setPending(false);
      }
    },
    [sessionId],
  );

  // With reasons turned off by an admin the view is still recorded (reason left empty) — just without asking.
  useEffect(() => {
    if (requireReason || autoOpened.current) return;
    autoOpened.current = true;
    void openView("");
  }, [requireReason, openView]);

  useEffect(() => {
    if (!viewId) return;
    const abort = new AbortController();
    fetch(`/api/support/sessions/${encodeURIComponent(sessionId)}/timeline?view=${encodeURIComponent(viewId)}`, { signal: abort.signal, cache: "no-store" })
      .then(async (response) => {
        const body = await response.json();
        if (!response.ok) throw Object.assign(new Error(body?.error?.message ?? "The session's events could not be loaded."), { gone: response.status === 410 });
        setTimeline(body);
      })
      .catch((error: Error & { gone?: boolean }) => {
        if (!abort.signal.aborted) setFatal({ message: error.message, gone: !!error.gone });
      });
    return () => abort.abort();
  }, [sessionId, viewId]);

  const onStatus = useCallback((next: ReplayStatus) => {
    setStatus(next);
    if (next.phase === "error" && next.gone) setFatal({ message: next.message, gone: true });
  }, []);

  const seekTo = (item: TimelineItem) => {
    if (startTs === null) return;
    const target = Math.max(0, item.ts - startTs);
    setOffset(target);
    stageRef.current?.seek(target);
  };

  const copyLink = async () => {
    const current = stageRef.current?.currentOffset() ?? offset;
    const url = `${window.location.origin}/support/sessions/${sessionId}?t=${formatClock(current)}`;
    try {
      await navigator.clipboard.writeText(url);
      setCopyState({ ok: true, url });
    } catch {
      // No clipboard permission (or an insecure origin): show the link to copy by hand instead.
      setCopyState({ ok: false, url });
    }
  };

  if (fatal) {
    return (
      <div role="alert" className="rounded-xl border border-amber-300 bg-amber-50 p-6">
        <h2 className="font-semibold text-amber-900">{fatal.gone ? "This session is no longer available" : "The replay could not be opened"}</h2>
        <p className="mt-2 text-sm text-amber-900">{fatal.message}</p>
        <Link href="/support" className={`${buttonClass("secondary")} mt-4`}>
          Back to sessions
        </Link>
      </div>
    );
  }

  // The marker strip shares the player's time axis: its length once known, the session's recorded duration before.
  const totalMs = playerTotalMs ?? durationMs;

  return (
    <div className="rr-block grid gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]" data-testid="session-viewer">
      <ViewReasonDialog open={requireReason && !viewId} userName={userName} pending={pending} error={reasonError} onSubmit={(reason) => void openView(reason)} />
      <section aria-label="Replay" className="min-w-0 space-y-3">
        {viewId ? (
          <ReplayStage ref={stageRef} sessionId={sessionId} viewId={viewId} initialOffsetMs={initialOffsetMs} onStart={setStartTs} onTotal={setPlayerTotalMs} onTime={setOffset} onStatus={onStatus} />
        ) : (
          <div className="flex aspect-video items-center justify-center rounded-lg bg-slate-100 text-sm text-slate-600">
            {requireReason ? "Give a reason to open the replay." : "Opening the replay…"}
          </div>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <p role="status" className="text-sm text-slate-600" data-testid="replay-status">
            {status.phase === "loading" && viewId ? "Loading the recording…" : null}
            {status.phase === "streaming" ? "Playing while the rest of the recording loads…" : null}
            {status.phase === "complete" ? `Recording loaded. At ${formatClock(offset)}.` : null}
            {status.phase === "error" ? status.message : null}
          </p>
          <Button variant="secondary" className="ml-auto" onClick={() => void copyLink()} disabled={!viewId || startTs === null}>
            Copy link at current time
          </Button>
        </div>
        <div aria-live="polite" className="text-sm">
          {copyState?.ok ? <p className="text-emerald-700">Link copied: {copyState.url}</p> : null}
        </div>
        {copyState && !copyState.ok ? (
          <label className="block text-sm">
            Copy this link:
            <input readOnly value={copyState.url} onFocus={(event) => event.currentTarget.select()} className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-xs" />
          </label>
        ) : null}
        {timeline && startTs !== null ? <TimelineMarkers items={timeline.items} startTs={startTs} totalMs={totalMs} currentOffset={offset} onSeek={seekTo} /> : null}
      </section>
      <aside aria-label="Session events" className="min-w-0">
        {timeline ? (
          <>
            <EventTabs items={timeline.items} startTs={startTs} currentTs={startTs === null ? null : startTs + offset} onSeek={seekTo} />
            {timeline.truncated ? <p className="mt-2 text-xs text-slate-500">Only the first 5,000 events are listed.</p> : null}
          </>
        ) : viewId ? (
          <p className="text-sm text-slate-600">Loading events…</p>
        ) : null}
      </aside>
    </div>
  );
}
