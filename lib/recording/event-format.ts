/**
 * The parts of the recording format the browser recorder needs at run time — rrweb's event types, Candor's custom
 * event tags, the query-value rule — kept free of zod, so the recorder's bundle does not carry a validation library.
 * The schemas the server validates with are in ./protocol (and must cover exactly these tags: it checks that).
 */

/** rrweb's EventType values: DomContentLoaded, Load, FullSnapshot, IncrementalSnapshot, Meta, Custom. Plugins (6) are not used. */
export const EVENT_TYPE = { DomContentLoaded: 0, Load: 1, FullSnapshot: 2, IncrementalSnapshot: 3, Meta: 4, Custom: 5 } as const;

/** Candor's own facts travel as rrweb custom events (type 5) with one of these tags. */
export const CANDOR_TAGS = [
  "candor/session",
  "candor/page",
  "candor/page-leave",
  "candor/click",
  "candor/rage-click",
  "candor/dead-click",
  "candor/error",
  "candor/console",
  "candor/network",
  "candor/gap",
] as const;
export type CandorTag = (typeof CANDOR_TAGS)[number];

export const isCandorTag = (tag: unknown): tag is CandorTag => typeof tag === "string" && (CANDOR_TAGS as readonly string[]).includes(tag);

/**
 * `/a/b?x=1&y=2#frag` → `/a/b?x=&y=`: the keys say which view it was, the values can be secrets (tokens, emails).
 * Absolute URLs keep their origin. Anything that does not parse as a URL loses everything after `?` and `#`.
 */
export function stripQueryValues(value: string): string {
  const queryStart = value.search(/[?#]/);
  if (queryStart === -1) return value;
  const base = value.slice(0, queryStart);
  const hashStart = value.indexOf("#");
  const query = value[queryStart] === "?" ? value.slice(queryStart + 1, hashStart > queryStart ? hashStart : undefined) : "";
  if (!query) return base;
  const keys = query
    .split("&")
    .filter(Boolean)
    .map((pair) => pair.split("=")[0]);
  return `${base}?${keys.map((key) => `${key}=`).join("&")}`;
}
