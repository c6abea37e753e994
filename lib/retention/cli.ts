/**
 * `npm run retention` — one retention run, for cron (or by hand), on the database DATABASE_URL names.
 * Exit code 0 on success, 1 on failure, with one clear line. With the embedded database only one process may open
 * the data directory: while the server runs, it already deletes on its own hourly schedule, and this script says so.
 */
import { existsSync } from "node:fs";
import { createPrismaClient } from "@/lib/db/client";
import { DatabaseLockedError } from "@/lib/db/pglite";
import { DatabaseConfigError, describeTarget, resolveDatabaseTarget } from "@/lib/db/target";
import { runRetention } from "./run-retention";

function fail(message: string): never {
  console.error(`\n✖ ${message}\n`);
  process.exit(1);
}

// The server reads .env (Next does); so must its cron job, or it would clean a different database.
if (existsSync(".env")) process.loadEnvFile(".env");

async function main() {
  let opened: ReturnType<typeof createPrismaClient>;
  try {
    const target = resolveDatabaseTarget();
    console.log(`Retention run on ${describeTarget(target)}`);
    opened = createPrismaClient(target);
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      fail(`${error.message}\nThe running server deletes expired data itself every hour; there is no need to run this script beside it.`);
    }
    if (error instanceof DatabaseConfigError) fail(error.message);
    throw error;
  }
  try {
    await runRetention({ db: opened.client, trigger: "cli" });
  } finally {
    await opened.close();
  }
}

main().catch((error) => fail(`Retention run failed: ${error instanceof Error ? error.message : String(error)}`));
