/**
 * `npm run db:migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes
 * the existing migration history to the current schema.prisma. `prisma migrate dev` does not work with driver
 * adapters, and the diff needs an empty scratch database to replay the history into: a throwaway database on the
 * local PostgreSQL server (MIGRATION_SCRATCH_URL, default postgresql://postgres@127.0.0.1:5432/postgres).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import pg from "pg";

const name = process.argv[2]?.replace(/[^a-z0-9_]/gi, "_").toLowerCase();
if (!name) {
  console.error("Usage: npm run db:migration -- <name>");
  process.exit(1);
}

const serverUrl = process.env.MIGRATION_SCRATCH_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const scratch = `candor_migration_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${scratch}`);
try {
  const scratchUrl = new URL(serverUrl);
  scratchUrl.pathname = `/${scratch}`;
  const result = spawnSync(
    process.execPath,
    ["node_modules/prisma/build/index.js", "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { encoding: "utf8", env: { ...process.env, DATABASE_URL: scratchUrl.toString() } },
  );
  if (result.status !== 0) throw new Error(result.stderr || result.stdout);
  if (result.stdout.includes("This is an empty migration")) {
    console.log("schema.prisma matches the migration history: nothing to write.");
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = `prisma/migrations/${stamp}_${name}`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/migration.sql`, result.stdout);
    console.log(`Wrote ${dir}/migration.sql`);
  }
} finally {
  await admin.query(`DROP DATABASE ${scratch} WITH (FORCE)`);
  await admin.end();
}
