"use client";

import { stripQueryValues, type CandorTag } from "@/lib/recording/event-format";
import type { CandorPayload } from "@/lib/recording/protocol";
import { createClickAnalyzer } from "./click-analyzer";
import { clickTarget, describeTarget } from "./describe-target";

/**
 * Candor's own facts beside rrweb's DOM recording: page views and time on page (every App Router navigation),
 * JS errors and unhandled rejections, console errors and warnings, same-origin network metadata (method, path,
 * status, duration, size — no headers, no bodies), failed requests and broken links, clicks with a text-free target,
 * rage and dead clicks. Never key events of any kind. Returns a function that removes every hook it installed.
 */
export type Emit = <Tag extends CandorTag>(tag: Tag, payload: CandorPayload<Tag>) => void;

const MAX_TEXT = 500;
const currentPath = () => stripQueryValues(location.pathname + location.search);
const truncate = (text: string, max = MAX_TEXT) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function describeValue(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Same-origin path of a URL, with query values removed; null for other origins (never recorded). */
function sameOriginPath(url: string): string | null {
  try {
    const parsed = new URL(url, location.href);
    return parsed.origin === location.origin ? stripQueryValues(parsed.pathname + parsed.search) : null;
  } catch {
    return null;
  }
}

export function installInstrumentation({ emit, onNavigate, ignorePathPrefix }: { emit: Emit; onNavigate: () => void; ignorePathPrefix: string }) {
  const cleanups: (() => void)[] = [];
  const listen = <K extends keyof WindowEventMap>(target: Window | Document, type: K, handler: (event: WindowEventMap[K]) => void, capture = true) => {
    target.addEventListener(type, handler as EventListener, { capture, passive: true });
    cleanups.push(() => target.removeEventListener(type, handler as EventListener, { capture }));
  };

  // --- Page views: the App Router navigates with history.pushState/replaceState; back/forward fire popstate. ---
  let page = { path: currentPath(), since: Date.now() };
  const enterPage = () => {
    // The new page sets its title while it renders; read it once the frame is painted.
    const path = page.path;
    requestAnimationFrame(() => setTimeout(() => page.path === path && emit("candor/page", { path, title: truncate(document.title, 300) }), 0));
  };
  const leavePage = () => emit("candor/page-leave", { path: page.path, durationMs: Math.max(0, Date.now() - page.since) });
  const checkNavigation = () => {
    const path = currentPath();
    if (path === page.path) return;
    leavePage();
    page = { path, since: Date.now() };
    onNavigate();
    enterPage();
  };
  for (const method of ["pushState", "replaceState"] as const) {
    const original = history[method];
    history[method] = function (this: History, ...args: Parameters<History["pushState"]>) {
      const result = original.apply(this, args);
      queueMicrotask(checkNavigation);
      return result;
    };
    cleanups.push(() => {
      history[method] = original;
    });
  }
  listen(window, "popstate", () => checkNavigation());
  enterPage();

  // A page load that ended on an error status (a broken link followed from elsewhere on the platform).
  const navigation = performance.getEntriesByType("navigation")[0] as (PerformanceNavigationTiming & { responseStatus?: number }) | undefined;
  if (navigation?.responseStatus && navigation.responseStatus >= 400) {
    const from = document.referrer ? sameOriginPath(document.referrer) : null;
    emit("candor/error", { page: page.path, kind: "broken-link", message: `${navigation.responseStatus} on ${page.path}${from ? ` (linked from ${from})` : ""}` });
  }

  // --- Errors ---
  listen(window, "error", (event) => {
    if (!(event instanceof ErrorEvent)) return; // resource load errors are covered by network metadata
    const error = event.error as Error | undefined;
    emit("candor/error", {
      page: page.path,
      kind: "error",
      message: truncate(event.message || describeValue(error)),
      ...(event.filename ? { source: truncate(`${sameOriginPath(event.filename) ?? "external script"}:${event.lineno}:${event.colno}`, 300) } : {}),
      ...(error?.stack ? { stack: truncate(error.stack, 2000) } : {}),
    });
  });
  listen(window, "unhandledrejection", (event) => {
    const reason = event.reason as unknown;
    emit("candor/error", {
      page: page.path,
      kind: "unhandledrejection",
      message: truncate(`Unhandled rejection: ${describeValue(reason)}`),
      ...(reason instanceof Error && reason.stack ? { stack: truncate(reason.stack, 2000) } : {}),
    });
  });

  // --- Console errors and warnings (the originals still run) ---
  let inConsole = false;
  for (const level of ["error", "warn"] as const) {
    const original = console[level];
    console[level] = (...args: unknown[]) => {
      if (!inConsole) {
        inConsole = true;
        try {
          emit("candor/console", { page: page.path, level, message: truncate(args.map(describeValue).join(" ")) });
        } finally {
          inConsole = false;
        }
      }
      original.apply(console, args);
    };
    cleanups.push(() => {
      console[level] = original;
    });
  }

  // --- Network metadata for same-origin fetches (the App Router's own navigations included) ---
  const originalFetch = window.fetch;
  window.fetch = async function (input: RequestInfo | URL, init?: RequestInit) {
    const url = input instanceof Request ? input.url : String(input);
    const path = sameOriginPath(url);
    if (path === null || path.startsWith(ignorePathPrefix)) return originalFetch.call(window, input, init);
    const method = (init?.method ?? (input instanceof Request ? input.method : "GET")).toUpperCase();
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    const isNavigation = headers.has("rsc") || headers.has("next-router-state-tree");
    const started = performance.now();
    const at = page.path;
    try {
      const response = await originalFetch.call(window, input, init);
      const durationMs = Math.round(performance.now() - started);
      const size = Number(response.headers.get("content-length")) || 0;
      emit("candor/network", { page: at, method, path, status: response.status, durationMs, size });
      if (response.status >= 400) {
        const kind = isNavigation && response.status === 404 ? "broken-link" : "request";
        emit("candor/error", { page: at, kind, message: truncate(`${method} ${path} failed with ${response.status}`) });
      }
      return response;
    } catch (error) {
      const durationMs = Math.round(performance.now() - started);
      if (!(error instanceof DOMException && error.name === "AbortError")) {
        emit("candor/network", { page: at, method, path, status: 0, durationMs, size: 0 });
        emit("candor/error", { page: at, kind: "request", message: truncate(`${method} ${path} failed: ${describeValue(error)}`) });
      }
      throw error;
    }
  };
  cleanups.push(() => {
    window.fetch = originalFetch;
  });

  // --- Clicks, rage clicks, dead clicks ---
  const clicks = createClickAnalyzer<Element>();
  listen(document, "click", (event) => {
    if (!(event.target instanceof Element)) return;
    const { target, clickable } = clickTarget(event.target);
    const descriptor = describeTarget(target);
    const point = { x: Math.round(event.clientX), y: Math.round(event.clientY) };
    const now = Date.now();
    emit("candor/click", { page: page.path, target: descriptor, ...point });
    const rage = clicks.click(target, now);
    if (rage) emit("candor/rage-click", { page: page.path, target: descriptor, count: rage, ...point });
    if (clickable) clicks.watch(target, now, { page: page.path, target: descriptor, ...point });
  });
  const deadTimer = setInterval(() => {
    for (const info of clicks.due(Date.now())) emit("candor/dead-click", info as CandorPayload<"candor/dead-click">);
  }, 250);
  cleanups.push(() => clearInterval(deadTimer));

  return {
    /** A DOM change or a navigation: clicks before it were not dead. */
    activity: (at: number) => clicks.activity(at),
    /** Time on the current page, for the unload path. */
    leave: leavePage,
    currentPath: () => page.path,
    uninstall: () => {
      for (const cleanup of cleanups.reverse()) cleanup();
    },
  };
}
