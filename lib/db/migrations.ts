import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";

export type Migration = { name: string; sql: string; checksum: string };

/** prisma/migrations in order, with the checksum Prisma records (sha256 of the file). */
export function readMigrations(dir = path.resolve(/*turbopackIgnore: true*/ "prisma/migrations")): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

// Prisma's own bookkeeping table, so `prisma migrate status` / `deploy` see the same history.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/**
 * Applies pending migrations to an embedded database, each in its own transaction with its `_prisma_migrations` row —
 * what `prisma migrate deploy` does, but inside a process that closes PGlite properly. (The Prisma CLI never closes
 * its PGlite adapter: it either hangs, or — with its timers unref'd — exits before PGlite has written its files,
 * which was seen here to lose the whole migration or leave a directory that aborts on the next open.)
 * Returns the names applied.
 */
export async function applyMigrationsToPglite(pglite: PGlite, migrations = readMigrations()): Promise<string[]> {
  await pglite.exec(CREATE_MIGRATIONS_TABLE);
  const applied = new Map(
    (await pglite.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    )).rows.map((row) => [row.migration_name, row.checksum]),
  );
  const done: string[] = [];
  for (const migration of migrations) {
    const recorded = applied.get(migration.name);
    if (recorded) {
      if (recorded !== migration.checksum) {
        throw new Error(`Migration ${migration.name} was changed after it was applied; restore it and add a new migration instead.`);
      }
      continue;
    }
    await pglite.transaction(async (tx) => {
      await tx.exec(migration.sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
    });
    done.push(migration.name);
  }
  return done;
}
