"use client";

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { TimelineItem, TimelineKind } from "@/lib/support/timeline";
import { formatClock } from "@/lib/support/time";

const TABS: { key: string; label: string; kinds: TimelineKind[] }[] = [
  { key: "pages", label: "Pages", kinds: ["PAGE"] },
  { key: "clicks", label: "Clicks", kinds: ["CLICK", "RAGE_CLICK", "DEAD_CLICK"] },
  { key: "errors", label: "Errors", kinds: ["ERROR"] },
  { key: "network", label: "Network", kinds: ["NETWORK"] },
  { key: "console", label: "Console", kinds: ["CONSOLE"] },
];

/**
 * The session's pages, clicks, errors, network requests and console messages beside the player. Clicking an item
 * seeks the player to it; the item at the player's current time (the latest one not after it) is highlighted and
 * kept in view while it plays. Tabs follow the WAI-ARIA tabs pattern (arrow keys, Home, End).
 */
export function EventTabs({
  items,
  startTs,
  currentTs,
  onSeek,
}: {
  items: TimelineItem[];
  /** First replay event's timestamp; null until the player has started (times show once known). */
  startTs: number | null;
  currentTs: number | null;
  onSeek: (item: TimelineItem) => void;
}) {
  const [active, setActive] = useState(TABS[0].key);
  const baseId = useId();
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  const byTab = useMemo(() => Object.fromEntries(TABS.map((tab) => [tab.key, items.filter((item) => tab.kinds.includes(item.kind))])), [items]);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = TABS.length - 1;
    const next = event.key === "ArrowRight" ? (index === last ? 0 : index + 1) : event.key === "ArrowLeft" ? (index === 0 ? last : index - 1) : event.key === "Home" ? 0 : event.key === "End" ? last : null;
    if (next === null) return;
    event.preventDefault();
    setActive(TABS[next].key);
    tabRefs.current[TABS[next].key]?.focus();
  };

  return (
    <div className="flex min-h-0 flex-col rounded-xl border border-slate-200 bg-white">
      <div role="tablist" aria-label="Session events" className="flex flex-wrap border-b border-slate-200">
        {TABS.map((tab, index) => {
          const selected = tab.key === active;
          const count = byTab[tab.key].length;
          return (
            <button
              key={tab.key}
              ref={(element) => {
                tabRefs.current[tab.key] = element;
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${tab.key}`}
              aria-selected={selected}
              aria-controls={`${baseId}-panel-${tab.key}`}
              tabIndex={selected ? 0 : -1}
              onClick={() => setActive(tab.key)}
              onKeyDown={(event) => onKeyDown(event, index)}
              className={`shrink-0 border-b-2 px-2.5 py-2 text-sm font-medium ${selected ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            >
              {tab.label} <span className="text-xs text-slate-500 tabular-nums">({count})</span>
            </button>
          );
        })}
      </div>
      {TABS.map((tab) => (
        <div
          key={tab.key}
          role="tabpanel"
          id={`${baseId}-panel-${tab.key}`}
          aria-labelledby={`${baseId}-tab-${tab.key}`}
          hidden={tab.key !== active}
          className="min-h-0 flex-1"
        >
          {tab.key === active ? <ItemList items={byTab[tab.key]} startTs={startTs} currentTs={currentTs} onSeek={onSeek} label={tab.label} /> : null}
        </div>
      ))}
    </div>
  );
}

function ItemList({
  items,
  startTs,
  currentTs,
  onSeek,
  label,
}: {
  items: TimelineItem[];
  startTs: number | null;
  currentTs: number | null;
  onSeek: (item: TimelineItem) => void;
  label: string;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  const currentIndex = useMemo(() => {
    if (currentTs === null) return -1;
    let found = -1;
    for (let index = 0; index < items.length && items[index].ts <= currentTs; index++) found = index;
    return found;
  }, [items, currentTs]);

  // Keep the current item visible inside the list only — never scroll the page under the agent.
  useEffect(() => {
    const list = listRef.current;
    const element = list?.querySelector<HTMLElement>('[aria-current="true"]');
    if (!list || !element) return;
    const top = element.offsetTop - list.offsetTop;
    if (top < list.scrollTop || top + element.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTop = Math.max(0, top - list.clientHeight / 3);
    }
  }, [currentIndex]);

  if (items.length === 0) return <p className="p-4 text-sm text-slate-500">No {label.toLowerCase()} in this session.</p>;
  return (
    <ol ref={listRef} className="relative max-h-[32rem] divide-y divide-slate-100 overflow-y-auto" aria-label={label}>
      {items.map((item, index) => {
        const current = index === currentIndex;
        const offset = startTs === null ? null : Math.max(0, item.ts - startTs);
        return (
          <li key={item.id} aria-current={current ? "true" : undefined} className={current ? "bg-brand-50" : undefined}>
            <button
              type="button"
              onClick={() => onSeek(item)}
              className={`flex w-full items-start gap-3 px-3 py-2 text-left text-sm hover:bg-slate-50 focus:outline-2 focus:outline-brand-500 ${current ? "border-l-4 border-brand-600" : "border-l-4 border-transparent"}`}
            >
              <span className="w-12 shrink-0 pt-0.5 font-mono text-xs text-slate-500 tabular-nums">{offset === null ? "–" : formatClock(offset)}</span>
              <span className="min-w-0 flex-1">
                <span className={`block break-words ${item.problem ? "font-medium text-red-700" : "text-slate-900"}`}>
                  {item.title}
                  <span className="sr-only">, seek the replay to {offset === null ? "this moment" : formatClock(offset)}</span>
                </span>
                {item.detail ? <span className="mt-0.5 block truncate text-xs text-slate-500">{item.detail.split("\n")[0]}</span> : null}
              </span>
              {item.badge ? (
                <span className={`shrink-0 rounded px-1.5 py-0.5 text-xs font-medium ${item.problem ? "bg-red-50 text-red-700" : "bg-slate-100 text-slate-700"}`}>{item.badge}</span>
              ) : null}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
