import path from "node:path";

/**
 * Where the database lives, decided once from DATABASE_URL:
 * - unset, `file:<dir>` or a plain path → PGlite (embedded Postgres) in that directory, default `.data/pglite`;
 * - `postgresql://…` / `postgres://…` → a real PostgreSQL server.
 * Anything else is a configuration mistake and says so.
 */
export type DatabaseTarget =
  | { kind: "pglite"; dir: string }
  | { kind: "postgres"; url: string };

export const DEFAULT_PGLITE_DIR = ".data/pglite";

export class DatabaseConfigError extends Error {}

export function resolveDatabaseTarget(raw: string | undefined = process.env.DATABASE_URL): DatabaseTarget {
  const value = raw?.trim();
  if (!value) return { kind: "pglite", dir: path.resolve(/*turbopackIgnore: true*/ DEFAULT_PGLITE_DIR) };
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: "postgres", url: value };
  if (value.startsWith("file:")) return { kind: "pglite", dir: path.resolve(/*turbopackIgnore: true*/ value.slice("file:".length) || DEFAULT_PGLITE_DIR) };
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return { kind: "pglite", dir: path.resolve(/*turbopackIgnore: true*/ value) };
  throw new DatabaseConfigError(
    `DATABASE_URL must be postgresql://user@host:port/db, or file:<directory> (or unset) for the embedded database; got "${value.split("://")[0]}://…".`,
  );
}

/** A one-line description that never prints a password. */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "pglite") return `embedded PGlite at ${path.relative(/*turbopackIgnore: true*/ process.cwd(), target.dir) || "."}`;
  const url = new URL(target.url);
  return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}
