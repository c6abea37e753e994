import { createHmac, randomBytes } from "node:crypto";

/**
 * The daily-salt rules, pure so they can be tested without a clock or a database. A visitor hash is an HMAC of the
 * user id under the salt of one UTC day; the salt is only ever used on its own day and deleted once the day is over,
 * so the same person gets unrelated hashes on different days and no hash can be recomputed later.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

/** Midnight UTC of the day `at` falls on. */
export function utcDay(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

/** `YYYY-MM-DD` of the UTC day. */
export function utcDayKey(at: Date): string {
  return utcDay(at).toISOString().slice(0, 10);
}

export function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * DAY_MS);
}

/** A salt may hash events only on its own day: from midnight to midnight UTC, not a moment longer. */
export function isSaltUsable(saltDay: Date, now: Date): boolean {
  return utcDay(now).getTime() === utcDay(saltDay).getTime();
}

export function newSalt(): Uint8Array<ArrayBuffer> {
  return new Uint8Array(randomBytes(32));
}

export function visitorHash(salt: Uint8Array, userId: string): string {
  return createHmac("sha256", salt).update(userId).digest("base64url").slice(0, 22);
}
