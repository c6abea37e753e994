"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * A date in the reader's own time zone. The server does not know it, so the server render (and hydration) shows UTC,
 * labelled as such, and the browser switches to local time right after hydrating — no mismatch, no wrong hour.
 */
export function LocalTime({ iso, dateOnly = false }: { iso: string; dateOnly?: boolean }) {
  const isClient = useSyncExternalStore(subscribe, () => true, () => false);
  const date = new Date(iso);
  const options: Intl.DateTimeFormatOptions = dateOnly ? { dateStyle: "medium" } : { dateStyle: "medium", timeStyle: "short" };
  const text = isClient
    ? new Intl.DateTimeFormat(undefined, options).format(date)
    : `${new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" }).format(date)}${dateOnly ? "" : " UTC"}`;
  return <time dateTime={iso}>{text}</time>;
}
