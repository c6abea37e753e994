/**
 * Turns a concrete path into its route template (`/programs/cl9x…` → `/programs/[id]`), so usage data names the
 * page, never the record a person opened. Pure: the recorder's paths and server key events both go through it.
 */
const MAX_SEGMENTS = 12;
const MAX_SEGMENT_LENGTH = 60;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMERIC = /^\d+$/;
/** cuid (v1 and v2) and similar generated keys: long lowercase alphanumerics that contain a digit. */
const CUID_LIKE = /^(?=.*\d)[a-z0-9]{16,}$/i;
/** Hex digests, tokens and base64url ids. */
const TOKEN_LIKE = /^(?=.*\d)[A-Za-z0-9_-]{24,}$/;

export function isIdSegment(segment: string): boolean {
  return (
    NUMERIC.test(segment) ||
    UUID.test(segment) ||
    CUID_LIKE.test(segment) ||
    TOKEN_LIKE.test(segment) ||
    // Anything that carries an address or is too long to be a route name is data, not a page.
    segment.includes("@") ||
    segment.length > MAX_SEGMENT_LENGTH
  );
}

export function templateRoute(path: string): string {
  let pathname = path.trim();
  // Absolute URLs keep only their path; query strings and fragments may carry ids, tokens or search terms.
  try {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(pathname)) pathname = new URL(pathname).pathname;
  } catch {
    return "/";
  }
  pathname = pathname.split(/[?#]/, 1)[0] ?? "";
  const segments = pathname
    .split("/")
    .filter((segment) => segment !== "")
    .slice(0, MAX_SEGMENTS)
    .map((raw) => {
      let segment = raw;
      try {
        segment = decodeURIComponent(raw);
      } catch {
        // A malformed escape is still a segment; judge it as written.
      }
      return isIdSegment(segment) ? "[id]" : segment.toLowerCase();
    });
  return `/${segments.join("/")}`;
}
