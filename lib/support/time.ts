/**
 * Replay clock helpers shared by the server (parsing `?t=`) and the player (labels, copy-link).
 * Pure functions: no server-only import, the browser bundle uses them too.
 */

/** 65_000 → "1:05", 3_725_000 → "1:02:05". Negative or non-finite values read as 0. */
export function formatClock(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, "0")}:${ss}` : `${minutes}:${ss}`;
}

/** "1:05" / "01:05" / "1:02:05" / "75" (seconds) → milliseconds; null when it is not a clock. */
export function parseClock(value: string | null | undefined): number | null {
  const parts = value?.trim().split(":") ?? [];
  if (parts.length < 1 || parts.length > 3 || parts.some((part) => !/^\d{1,5}$/.test(part))) return null;
  const numbers = parts.map(Number);
  // Minutes and seconds after the first field are clock digits: 1:75 is not a moment.
  if (numbers.slice(1).some((part) => part > 59)) return null;
  return numbers.reduce((sum, part) => sum * 60 + part, 0) * 1000;
}

/** "3 min 20 s" style, for table cells and headers where a clock reads oddly. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  if (total < 60) return `${total} s`;
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return `${hours} h ${minutes} min`;
  return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
}
