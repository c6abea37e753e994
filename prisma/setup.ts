/**
 * Runs before the server starts (`npm run dev`, `npm start`, e2e): checks the database configuration, applies
 * migrations (`prisma migrate deploy` on PostgreSQL; the same history in-process on PGlite — see lib/db/migrations.ts),
 * and seeds demo data into an empty database. The server is started only
 * after this process has exited, so PGlite's data directory is never open in two processes at once.
 */
import { spawnSync } from "node:child_process";
import pg from "pg";
import { createPrismaClient } from "../lib/db/client";
import { DatabaseConfigError, describeTarget, resolveDatabaseTarget, type DatabaseTarget } from "../lib/db/target";
import { DatabaseLockedError, openPglite } from "../lib/db/pglite";
import { applyMigrationsToPglite } from "../lib/db/migrations";
import { authSecret, MissingSecretError } from "../lib/config/secrets";
import { encryptionMasterKey } from "../lib/crypto/master-key";
import { printDemoSignIns, seed } from "./seed";

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

async function checkPostgres(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    const reason = (error as { code?: string; message?: string }).code ?? (error as Error).message;
    fail(
      `Cannot reach ${describeTarget({ kind: "postgres", url })} (${reason}). ` +
        `Start PostgreSQL or fix DATABASE_URL — or unset DATABASE_URL to use the embedded database.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

/** PostgreSQL: `prisma migrate deploy` through the config adapter. */
function migratePostgres(target: DatabaseTarget) {
  const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "migrate", "deploy"], {
    encoding: "utf8",
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  if (result.status !== 0) {
    const detail = `${result.stdout}\n${result.stderr}`.split("\n").filter((line) => /error|P\d{4}/i.test(line)).slice(-3).join(" ");
    fail(`Migrating ${describeTarget(target)} failed: ${detail.trim() || "see `npx prisma migrate deploy` for details"}.`);
  }
}

/** PGlite: the same history and bookkeeping, applied in this process so the directory is closed cleanly (lib/db/migrations.ts). */
async function migratePglite(dir: string) {
  const { pglite, close } = openPglite(dir);
  try {
    await applyMigrationsToPglite(pglite);
  } finally {
    await close();
  }
}

async function migrate(target: DatabaseTarget) {
  const started = Date.now();
  if (target.kind === "postgres") migratePostgres(target);
  else await migratePglite(target.dir);
  console.log(`✓ Database migrated (${describeTarget(target)}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function main() {
  let target: DatabaseTarget;
  try {
    target = resolveDatabaseTarget();
    authSecret();
    encryptionMasterKey();
  } catch (error) {
    if (error instanceof DatabaseConfigError || error instanceof MissingSecretError) fail(error.message);
    throw error;
  }
  if (target.kind === "postgres") await checkPostgres(target.url);
  try {
    await migrate(target);
  } catch (error) {
    if (error instanceof DatabaseLockedError) fail(error.message);
    throw error;
  }

  let opened: ReturnType<typeof createPrismaClient>;
  try {
    opened = createPrismaClient(target);
  } catch (error) {
    if (error instanceof DatabaseLockedError) fail(error.message);
    throw error;
  }
  try {
    const seeded = await seed(opened.client);
    if (seeded) {
      console.log("✓ Demo data seeded");
      printDemoSignIns();
    }
  } finally {
    await opened.close();
  }
}

main().catch((error) => fail(`Database setup failed: ${error instanceof Error ? error.message : String(error)}`));
