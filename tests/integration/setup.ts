import { afterAll, beforeAll } from "vitest";
import { createTestDb, type TestDb } from "@/tests/support/test-db";
import { publishDefaultPolicy } from "@/lib/consent/default-policy";

// Each integration test file gets its own migrated database, installed where `lib/db` looks for its client.
let testDb: TestDb;
const globalForDb = globalThis as unknown as { candorDb?: TestDb["db"] };

beforeAll(async () => {
  testDb = await createTestDb();
  globalForDb.candorDb = testDb.db;
  await publishDefaultPolicy(testDb.db);
});

afterAll(async () => {
  globalForDb.candorDb = undefined;
  await testDb?.close();
});
