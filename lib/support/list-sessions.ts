import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { SessionListQuery } from "./schemas";

const SORT_COLUMN = { start: "startedAt", duration: "durationMs", errors: "errorCount" } as const;
type SortColumn = (typeof SORT_COLUMN)[keyof typeof SORT_COLUMN];

/** A name/email search resolves to at most this many users; the session query then walks (userId, startedAt). */
const MAX_MATCHED_USERS = 500;

/** What a list row shows of a session; the session page adds its header details to it (get-support-session). */
export const sessionRowSelect = {
  id: true,
  startedAt: true,
  durationMs: true,
  pageCount: true,
  clickCount: true,
  errorCount: true,
  rageClickCount: true,
  deadClickCount: true,
  browser: true,
  os: true,
  deviceType: true,
  viewport: true,
  entryPath: true,
  user: { select: { id: true, name: true, email: true } },
} satisfies Prisma.RecordingSessionSelect;

export type SessionRow = Prisma.RecordingSessionGetPayload<{ select: typeof sessionRowSelect }>;

export type SessionPage = {
  sessions: SessionRow[];
  /** Opaque keyset cursors; null when there is nothing in that direction. */
  nextCursor: string | null;
  prevCursor: string | null;
};

type Cursor = { value: number | Date; id: string };

/**
 * One page of recorded sessions for the support console, newest first by default.
 *
 * Paging is keyset (value of the sort column, then id), never OFFSET: page 4,000 costs what page 1 costs, because the
 * query walks the (sort column, id) index from the cursor. Filters are plain column predicates on RecordingSession,
 * an EXISTS on the (kind, path) SessionEvent index for "visited path", and a pre-resolved user id list for the
 * name/email search. Expired sessions (awaiting the retention job) and sessions with no stored chunk are never listed.
 */
export async function listSessions({ query, userId, now = new Date() }: { query: SessionListQuery; userId?: string; now?: Date }): Promise<SessionPage> {
  const column = SORT_COLUMN[query.sort];
  const cursor = query.cursor ? decodeCursor(query.cursor, column) : null;
  const backwards = query.dir === "prev" && cursor !== null;
  // Walking backwards means reading the opposite order from the cursor, then flipping the page.
  const readOrder: Prisma.SortOrder = backwards ? flip(query.order) : query.order;

  // A session whose recorder never got a chunk stored (a tab closed at once) has nothing to replay: not listed.
  const filters: Prisma.RecordingSessionWhereInput[] = [{ expiresAt: { gt: now } }, { chunkCount: { gt: 0 } }];
  if (userId) filters.push({ userId });
  if (query.q) {
    const users = await db.user.findMany({
      where: { OR: [{ email: { contains: query.q, mode: "insensitive" } }, { name: { contains: query.q, mode: "insensitive" } }] },
      select: { id: true },
      take: MAX_MATCHED_USERS,
    });
    if (users.length === 0) return { sessions: [], nextCursor: null, prevCursor: null };
    filters.push({ userId: { in: users.map((user) => user.id) } });
  }
  if (query.from) filters.push({ startedAt: { gte: new Date(`${query.from}T00:00:00.000Z`) } });
  if (query.to) filters.push({ startedAt: { lt: addDays(new Date(`${query.to}T00:00:00.000Z`), 1) } });
  if (query.errors) filters.push({ errorCount: { gt: 0 } });
  if (query.frustration) filters.push({ OR: [{ rageClickCount: { gt: 0 } }, { deadClickCount: { gt: 0 } }] });
  if (query.path) filters.push({ events: { some: { kind: "PAGE", path: query.path } } });
  if (query.browser) filters.push({ browser: { equals: query.browser, mode: "insensitive" } });
  if (query.os) filters.push({ os: { equals: query.os, mode: "insensitive" } });
  if (query.device) filters.push({ deviceType: { equals: query.device, mode: "insensitive" } });
  if (query.minDuration !== undefined) filters.push({ durationMs: { gte: query.minDuration * 1000 } });
  const rows = cursor
    ? await readAfterCursor(filters, column, cursor, readOrder, query.limit + 1)
    : await db.recordingSession.findMany({
        where: { AND: filters },
        orderBy: [{ [column]: readOrder }, { id: readOrder }],
        take: query.limit + 1,
        select: sessionRowSelect,
      });

  const hasMore = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  if (backwards) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  return {
    sessions: page,
    // Going forwards, the page before exists iff we came from a cursor; going backwards, the page after always does.
    nextCursor: last && (backwards || hasMore) ? encodeCursor(column, last) : null,
    prevCursor: first && (backwards ? hasMore : cursor !== null) ? encodeCursor(column, first) : null,
  };
}

function flip(order: Prisma.SortOrder): Prisma.SortOrder {
  return order === "asc" ? "desc" : "asc";
}

function addDays(date: Date, days: number) {
  return new Date(date.getTime() + days * 24 * 60 * 60 * 1000);
}

/**
 * Rows strictly after the cursor in `order`, as two index seeks instead of one `(a < v) OR (a = v AND id < c)` filter
 * (which PostgreSQL can only apply while reading every row before the cursor): first the rest of the cursor's tie
 * group on the (column, id) index, then the rows strictly beyond the cursor's value.
 */
async function readAfterCursor(
  where: Prisma.RecordingSessionWhereInput[],
  column: SortColumn,
  cursor: Cursor,
  order: Prisma.SortOrder,
  take: number,
) {
  const beyond = order === "asc" ? "gt" : "lt";
  const orderBy = [{ [column]: order }, { id: order }];
  const ties = await db.recordingSession.findMany({
    where: { AND: [...where, { [column]: cursor.value, id: { [beyond]: cursor.id } }] },
    orderBy,
    take,
    select: sessionRowSelect,
  });
  if (ties.length >= take) return ties;
  const rest = await db.recordingSession.findMany({
    where: { AND: [...where, { [column]: { [beyond]: cursor.value } }] },
    orderBy,
    take: take - ties.length,
    select: sessionRowSelect,
  });
  return [...ties, ...rest];
}

function encodeCursor(column: SortColumn, row: SessionRow): string {
  const value = column === "startedAt" ? row.startedAt.toISOString() : row[column];
  return Buffer.from(JSON.stringify([column, value, row.id])).toString("base64url");
}

function decodeCursor(text: string, column: SortColumn): Cursor {
  const invalid = new AppError("VALIDATION_FAILED", "The page link is not valid any more. Start from the first page.", {
    fields: { cursor: ["Not a valid page cursor."] },
  });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw invalid;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || parsed[0] !== column || typeof parsed[2] !== "string") throw invalid;
  const [, raw, id] = parsed as [string, unknown, string];
  if (column === "startedAt") {
    const date = typeof raw === "string" ? new Date(raw) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) throw invalid;
    return { value: date, id };
  }
  if (typeof raw !== "number" || !Number.isInteger(raw)) throw invalid;
  return { value: raw, id };
}
