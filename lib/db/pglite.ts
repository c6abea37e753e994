import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

/**
 * PGlite has no cross-process lock, and two processes on one data directory corrupt it silently.
 * So whoever opens the directory writes a lock file with its pid; a second process is refused
 * with a clear message, and a lock left by a dead process is taken over.
 */
function lockPath(dir: string) {
  return `${dir}.lock`;
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export class DatabaseLockedError extends Error {}

function acquireLock(dir: string) {
  const file = lockPath(dir);
  try {
    const holder = Number(readFileSync(file, "utf8"));
    if (holder && holder !== process.pid && isAlive(holder)) {
      throw new DatabaseLockedError(
        `The embedded database at ${path.relative(/*turbopackIgnore: true*/ process.cwd(), dir)} is already open in process ${holder}. ` +
          `Stop that process first (PGlite allows one process per data directory), or set DATABASE_URL=postgresql://… .`,
      );
    }
  } catch (error) {
    if (error instanceof DatabaseLockedError) throw error;
  }
  writeFileSync(file, String(process.pid));
  const release = () => {
    try {
      if (Number(readFileSync(file, "utf8")) === process.pid) rmSync(file);
    } catch {
      /* already gone */
    }
  };
  process.once("exit", release);
  return release;
}

/** Opens (creating if needed) a PGlite data directory; queries wait for it to be ready. */
export function openPglite(dir: string): { pglite: PGlite; close: () => Promise<void> } {
  mkdirSync(path.dirname(dir), { recursive: true });
  const release = acquireLock(dir);
  try {
    const pglite = new PGlite(dir);
    return {
      pglite,
      close: async () => {
        await pglite.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
