/**
 * The privacy floor of every insights chart, as pure rules. A cell "stands for" the people behind it; because
 * visitor hashes change every day, the number of different people behind a cell over a range is not knowable, only
 * a lower bound: the most people it had on any single day. A cell is shown only when that bound reaches K, so a
 * shown cell is certain to stand for at least K people. Small cells are folded into "Other" (which must pass the
 * same test) or hidden, and the chart says how many.
 */
export type DailyCellUsers = { key: string; users: number };

/** Splits cells (users = their most people on any one day) into those that may be shown and those to fold. */
export function splitCells<Cell extends DailyCellUsers>(cells: Cell[], k: number): { kept: Cell[]; small: Cell[] } {
  const kept: Cell[] = [];
  const small: Cell[] = [];
  for (const cell of cells) (cell.users >= k ? kept : small).push(cell);
  return { kept, small };
}

/**
 * A count for one cell of a time series (people on a day, accounts on a day): zero says nobody and is safe to show;
 * 1…K-1 would point at a handful of people and is hidden (null).
 */
export function floorCount(users: number, k: number): number | null {
  return users === 0 || users >= k ? users : null;
}

export type FoldedRow = { label: string | null; users: number };

/**
 * The final pass over folded rows (label null = "Other"): any row still under K — in practice only "Other" — is
 * dropped. Returns the rows that may be shown and whether "Other" had to be hidden.
 */
export function applyFloor<Row extends FoldedRow>(rows: Row[], k: number): { rows: Row[]; otherHidden: boolean } {
  const shown = rows.filter((row) => row.users >= k);
  return { rows: shown, otherHidden: rows.some((row) => row.label === null && row.users < k) };
}

/** What a chart says about what it left out. */
export function suppressionNote({ k, folded, otherHidden, noun }: { k: number; folded: number; otherHidden: boolean; noun: string }): string | null {
  if (folded === 0) return null;
  const what = `${folded} ${noun}${folded === 1 ? "" : "s"} used by fewer than ${k} people on any single day`;
  return otherHidden ? `${what} ${folded === 1 ? "is" : "are"} hidden (even together they are under ${k}).` : `${what} ${folded === 1 ? "is" : "are"} folded into “Other”.`;
}

/** Note for time series whose small days are hidden. */
export function hiddenDaysNote({ k, hidden, noun = "day" }: { k: number; hidden: number; noun?: string }): string | null {
  if (hidden === 0) return null;
  return `${hidden} ${noun}${hidden === 1 ? "" : "s"} with fewer than ${k} people ${hidden === 1 ? "is" : "are"} hidden.`;
}
