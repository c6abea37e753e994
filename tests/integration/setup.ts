import { afterAll, beforeAll } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { publishDefaultPolicy } from "@/lib/consent/default-policy";
import { backgroundWritesSettled } from "@/lib/db/background-writes";

// Each integration test file gets its own migrated database, installed where `lib/db` looks for its client.
let testDb: TestDb;
const globalForDb = globalThis as unknown as { candorDb?: TestDb["db"] };

beforeAll(async () => {
  testDb = await createTestDb();
  globalForDb.candorDb = testDb.db;
  await publishDefaultPolicy(testDb.db);
});

afterAll(async () => {
  // Work a test left running after its last response (usage facts of uploads) still needs this file's database.
  await backgroundWritesSettled();
  globalForDb.candorDb = undefined;
  await testDb?.close();
});
