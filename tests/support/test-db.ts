import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { withPgliteBytes } from "@/lib/db/pglite-bytes";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { readMigrations } from "@/lib/db/migrations";

/** The migration history, in order: tests run on exactly the schema production gets. */
export function migrationSql(): string[] {
  return readMigrations().map((migration) => migration.sql);
}

export type TestDb = { db: PrismaClient; kind: "pglite" | "postgres"; close: () => Promise<void> };

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by default, or — when TEST_DATABASE_URL is
 * set — a schema of its own on that PostgreSQL server, dropped afterwards. Files never share data.
 */
export async function createTestDb(): Promise<TestDb> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const schema = `test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.query(`SET search_path TO "${schema}"`);
    for (const sql of migrationSql()) await admin.query(sql.replace(/CREATE SCHEMA IF NOT EXISTS "public";/g, ""));
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, options: `-c search_path=${schema}`, max: 5 }, { schema }) });
    return {
      db,
      kind: "postgres",
      close: async () => {
        await db.$disconnect();
        await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
        await admin.end();
      },
    };
  }
  const pglite = new PGlite();
  for (const sql of migrationSql()) await pglite.exec(sql);
  const db = new PrismaClient({ adapter: withPgliteBytes(new PrismaPGlite(pglite)) });
  return {
    db,
    kind: "pglite",
    close: async () => {
      await db.$disconnect();
      await pglite.close();
    },
  };
}
