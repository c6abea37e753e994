"use client";

import type { TimelineItem } from "@/lib/support/timeline";
import { formatClock } from "@/lib/support/time";

const MARKER_STYLE: Partial<Record<TimelineItem["kind"], { color: string; label: string }>> = {
  PAGE: { color: "bg-blue-600", label: "Page" },
  ERROR: { color: "bg-red-600", label: "Error" },
  RAGE_CLICK: { color: "bg-amber-500", label: "Rage click" },
  DEAD_CLICK: { color: "bg-yellow-700", label: "Dead click" },
};

/**
 * A strip under the player with a marker for every page change, error and rage/dead click, positioned on the replay's
 * time axis; each is a button that seeks there. (The player's own progress bar shows the same markers as colours.)
 */
export function TimelineMarkers({ items, startTs, totalMs, currentOffset, onSeek }: { items: TimelineItem[]; startTs: number; totalMs: number; currentOffset: number; onSeek: (item: TimelineItem) => void }) {
  const markers = items.filter((item) => MARKER_STYLE[item.kind]);
  const span = Math.max(1, totalMs);
  return (
    <div className="space-y-1">
      <div className="relative h-6 rounded bg-slate-100" role="group" aria-label="Timeline markers">
        <div aria-hidden="true" className="absolute inset-y-0 left-0 rounded bg-brand-100" style={{ width: `${Math.min(100, (currentOffset / span) * 100)}%` }} />
        {markers.map((item) => {
          const style = MARKER_STYLE[item.kind]!;
          const offset = Math.max(0, item.ts - startTs);
          return (
            <button
              key={item.id}
              type="button"
              onClick={() => onSeek(item)}
              title={`${style.label} at ${formatClock(offset)}: ${item.title}`}
              aria-label={`${style.label} at ${formatClock(offset)}: ${item.title}`}
              className={`absolute top-1 h-4 w-1.5 -translate-x-1/2 rounded-sm ${style.color} hover:scale-x-150 focus:outline-2 focus:outline-offset-1 focus:outline-slate-900`}
              style={{ left: `${Math.min(100, (offset / span) * 100)}%` }}
            />
          );
        })}
      </div>
      <ul className="flex flex-wrap gap-3 text-xs text-slate-600" aria-label="Marker legend">
        {Object.values(MARKER_STYLE).map((style) => (
          <li key={style!.label} className="flex items-center gap-1">
            <span aria-hidden="true" className={`inline-block h-3 w-1.5 rounded-sm ${style!.color}`} /> {style!.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
