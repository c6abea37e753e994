import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { listSessions } from "@/lib/support/list-sessions";
import { sessionListQuerySchema } from "@/lib/support/schemas";
import { migrationSql } from "@/tests/support/test-db";

/**
 * "Stays fast on 100,000 sessions": this file installs its own in-memory database (PGlite, so it runs the same
 * everywhere), fills it with 100,000 sessions and 133,000 page events, and asks PostgreSQL for the plan of every SQL
 * statement the sessions list sends — for each filter and sort. None may scan a recording table end to end.
 * `SHOW_PLANS=1 npx vitest run <this file>` prints the plans and timings.
 */
const SESSIONS = 100_000;
const globalForDb = globalThis as unknown as { candorDb?: PrismaClient };
let pglite: PGlite;
let client: PrismaClient<"query">;
let previous: PrismaClient | undefined;
const captured: { query: string; params: string }[] = [];

beforeAll(async () => {
  pglite = new PGlite();
  for (const sql of migrationSql()) await pglite.exec(sql);
  await pglite.exec(`
    INSERT INTO "ConsentPolicy" (version, content, sha256) VALUES (1, '{}', 'x');
    INSERT INTO "User" (id, email, name, "updatedAt") SELECT 'u' || g, 'user' || g || '@scale.invalid', 'User ' || g, now() FROM generate_series(1, 2000) g;
    INSERT INTO "ConsentRecord" (id, "userId", granted, "policyVersion", "policySha256", source) SELECT 'c' || g, 'u' || g, true, 1, 'x', 'SETTINGS' FROM generate_series(1, 2000) g;
    INSERT INTO "RecordingSession" (id, "userId", "consentRecordId", "startedAt", "durationMs", "pageCount", "errorCount", "rageClickCount", "deadClickCount", "chunkCount", browser, os, "deviceType", "expiresAt")
      SELECT 's' || g, 'u' || (g % 2000 + 1), 'c' || (g % 2000 + 1), now() - g * interval '1 minute', (g * 7919) % 3600000, 2,
        CASE WHEN g % 10 = 0 THEN g % 5 + 1 ELSE 0 END, CASE WHEN g % 17 = 0 THEN 1 ELSE 0 END, CASE WHEN g % 23 = 0 THEN 1 ELSE 0 END, 1 + g % 3,
        (ARRAY['Chrome','Firefox','Safari','Edge'])[g % 4 + 1], (ARRAY['Windows','macOS','Linux','Android','iOS'])[g % 5 + 1],
        (ARRAY['desktop','mobile','tablet'])[g % 3 + 1], now() + interval '30 days'
      FROM generate_series(1, ${SESSIONS}) g;
    INSERT INTO "SessionEvent" (id, "sessionId", seq, ts, kind, path, summary)
      SELECT 'e' || g, 's' || g, 0, now() - g * interval '1 minute', 'PAGE', '/programs/' || (g % 1000), '{}' FROM generate_series(1, ${SESSIONS}) g;
    INSERT INTO "SessionEvent" (id, "sessionId", seq, ts, kind, path, summary)
      SELECT 'f' || g, 's' || g, 1, now() - g * interval '1 minute', 'PAGE', '/messages', '{}' FROM generate_series(1, ${SESSIONS}) g WHERE g % 3 = 0;
    ANALYZE;
  `);
  client = new PrismaClient({ adapter: new PrismaPGlite(pglite), log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => captured.push({ query: event.query, params: event.params }));
  previous = globalForDb.candorDb;
  globalForDb.candorDb = client as unknown as PrismaClient;
}, 180_000);

afterAll(async () => {
  globalForDb.candorDb = previous;
  await client?.$disconnect();
  await pglite?.close();
});

async function plansFor(params: Record<string, string>) {
  captured.length = 0;
  const started = performance.now();
  const page = await listSessions({ query: sessionListQuerySchema.parse(params) });
  const elapsed = performance.now() - started;
  const statements = captured.filter((entry) => /"RecordingSession"|"SessionEvent"/.test(entry.query)).map((entry) => ({ ...entry }));
  const plans: string[] = [];
  for (const statement of statements) {
    const values = JSON.parse(statement.params) as unknown[];
    const result = await pglite.query<{ "QUERY PLAN": string }>(`EXPLAIN ${statement.query}`, values);
    plans.push(result.rows.map((row) => row["QUERY PLAN"]).join("\n"));
  }
  return { page, plans, elapsed };
}

const CASES: [string, Record<string, string>][] = [
  ["newest first", {}],
  ["oldest first", { order: "asc" }],
  ["longest first", { sort: "duration" }],
  ["most errors first", { sort: "errors" }],
  ["fewest errors first", { sort: "errors", order: "asc" }],
  ["has errors", { errors: "1" }],
  ["rage or dead clicks", { frustration: "1" }],
  ["visited path", { path: "/programs/42" }],
  ["browser, OS and device", { browser: "safari", os: "ios", device: "mobile" }],
  ["minimum duration, by duration", { minDuration: "3000", sort: "duration" }],
  ["date range", { from: "2026-01-01", to: "2030-01-01" }],
  ["user search", { q: "user123@" }],
  ["everything at once", { errors: "1", browser: "Chrome", minDuration: "60", path: "/messages", sort: "errors" }],
];

describe("the sessions list on 100,000 sessions", () => {
  for (const [name, params] of CASES) {
    it(`${name}: no sequential scan of a recording table`, async () => {
      const { plans, elapsed } = await plansFor(params);
      if (process.env.SHOW_PLANS) console.log(name, Math.round(elapsed), "ms\n" + plans.join("\n---\n"));
      expect(plans.length).toBeGreaterThan(0);
      for (const plan of plans) {
        expect(plan, plan).not.toMatch(/Seq Scan on "(RecordingSession|SessionEvent)"/);
      }
    });
  }

  for (const [sort, column] of [["start", "startedAt"], ["duration", "durationMs"], ["errors", "errorCount"]] as const) {
    it(`page 2 by ${sort} costs what page 1 costs: the cursor is an index seek, not a filter over the rows before it`, async () => {
      const first = await plansFor({ sort });
      const second = await plansFor({ sort, cursor: first.page.nextCursor! });
      expect(second.page.sessions).toHaveLength(25);
      expect(second.page.sessions[0].id).not.toBe(first.page.sessions[24].id);
      expect(second.plans.length).toBeGreaterThan(0);
      for (const plan of second.plans) {
        if (process.env.SHOW_PLANS) console.log(`page 2 by ${sort}`, Math.round(second.elapsed), "ms\n" + plan);
        expect(plan, plan).not.toMatch(/Seq Scan on "RecordingSession"/);
        expect(plan, plan).toMatch(new RegExp(`Index Cond: .*"${column}" [<=]`));
        expect(plan, plan).not.toMatch(/Filter: .* OR /);
      }
    });
  }
});
