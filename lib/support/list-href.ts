/**
 * Builds links within the sessions list (sorting, paging) from the current search params, so every view of the list
 * is a URL an agent can share. Changing the sort drops the cursor: a cursor belongs to one sort order.
 */
const FILTER_KEYS = ["q", "from", "to", "errors", "frustration", "path", "browser", "os", "device", "minDuration", "sort", "order"] as const;

export function listHref(basePath: string, current: Record<string, string>, changes: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (current[key]) params.set(key, current[key]);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === "") params.delete(key);
    else params.set(key, value);
  }
  const search = params.toString();
  return search ? `${basePath}?${search}` : basePath;
}
