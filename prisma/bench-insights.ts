/**
 * `npm run bench:insights`: seeds a scratch PostgreSQL database with a million anonymous usage events over 90 days
 * (plus accounts, a consent ledger and programs for the other charts), then prints how long each insights chart and
 * the whole dashboard take for 7, 30 and 90 days. The target is under a second for the dashboard. The first read of
 * each range, which rolls up its finished days, is printed separately.
 *
 * BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres) names the server; a database of its own
 * is created there and dropped afterwards (BENCH_KEEP=1 keeps it). BENCH_EVENTS changes the volume.
 * Runs with the `react-server` condition so the app's `server-only` modules load outside Next.
 */
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { createPrismaClient } from "../lib/db/client";
import { publishDefaultPolicy } from "../lib/consent/default-policy";

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const name = `candor_bench_${randomBytes(4).toString("hex")}`;
const benchUrl = new URL(serverUrl);
benchUrl.pathname = `/${name}`;

const ms = (start: number) => `${(performance.now() - start).toFixed(0).padStart(6)} ms`;

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const bench = new pg.Client({ connectionString: benchUrl.toString() });
try {
  await bench.connect();
  const dir = path.resolve("prisma/migrations");
  for (const migration of readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
    await bench.query(readFileSync(path.join(dir, migration, "migration.sql"), "utf8"));
  }

  let start = performance.now();
  // Skewed like real traffic: a few routes, features and messages carry most events, a long tail of rare ones
  // exercises the folding; ~1,500 visitors a day.
  await bench.query(`
    INSERT INTO "UsageEvent" ("day", "at", "kind", "route", "name", "message", "durationMs", "browser", "os", "deviceType", "visitor")
    SELECT t::date, date_trunc('minute', t), kind::"UsageEventKind",
      CASE WHEN kind = 'KEY' THEN '' WHEN r_route < 0.02 THEN '/rare/' || floor(r_route * 10000)::int
           ELSE (ARRAY['/', '/programs', '/programs/[id]', '/messages', '/messages/[id]', '/programs/new', '/settings/profile',
                       '/settings/privacy', '/programs/[id]/edit', '/insights', '/support', '/admin'])[1 + floor(r_route ^ 2 * 12)::int] END,
      CASE WHEN kind = 'FEATURE' THEN (ARRAY['program-search', 'join-program', 'copy-referral-link', 'compose-message', 'export-csv', 'program-filter'])[1 + floor(r_name ^ 2 * 6)::int] || CASE WHEN r_name < 0.01 THEN '-' || floor(r_name * 10000)::int ELSE '' END
           WHEN kind = 'KEY' THEN (ARRAY['program_created', 'message_sent', 'setting_changed'])[1 + floor(r_name * 3)::int] ELSE '' END,
      CASE WHEN kind = 'ERROR' THEN (ARRAY['TypeError: Failed to fetch', 'Request failed with status [n]', 'ChunkLoadError: Loading chunk [n] failed', 'Cannot read properties of undefined (reading "…")'])[1 + floor(r_name ^ 2 * 4)::int] || CASE WHEN r_name < 0.05 THEN ' #' || floor(r_name * 1000)::int ELSE '' END ELSE '' END,
      CASE WHEN kind = 'PAGE' THEN (1000 + r_name ^ 2 * 120000)::int END,
      CASE WHEN kind = 'KEY' THEN '' ELSE (ARRAY['Chrome', 'Safari', 'Firefox', 'Edge', 'Mobile Safari', 'Samsung Internet'])[1 + floor(r_device ^ 2 * 6)::int] END,
      CASE WHEN kind = 'KEY' THEN '' ELSE (ARRAY['Windows', 'macOS', 'iOS', 'Android', 'Linux'])[1 + floor(r_device * 5)::int] END,
      CASE WHEN kind = 'KEY' THEN '' ELSE (ARRAY['desktop', 'mobile', 'tablet'])[1 + floor(r_device ^ 3 * 3)::int] END,
      to_char(t, 'YYYYMMDD') || '-' || floor(random() ^ 1.5 * 1500)::int
    FROM (
      SELECT now() - random() * interval '90 days' AS t, random() AS r_route, random() AS r_name, random() AS r_device,
        CASE WHEN k < 0.70 THEN 'PAGE' WHEN k < 0.85 THEN 'FEATURE' WHEN k < 0.93 THEN 'ERROR' WHEN k < 0.96 THEN 'RAGE_CLICK' WHEN k < 0.99 THEN 'DEAD_CLICK' ELSE 'KEY' END AS kind
      FROM (SELECT random() AS k FROM generate_series(1, $1)) g
    ) e`, [EVENTS]);
  console.log(`seeded ${EVENTS.toLocaleString("en")} usage events        ${ms(start)}`);

  start = performance.now();
  await bench.query(`
    INSERT INTO "User" ("id", "email", "name", "passwordHash", "createdAt", "updatedAt")
    SELECT 'u' || g, 'u' || g || '@bench.invalid', 'Bench ' || g, 'x', now() - random() * interval '200 days', now() FROM generate_series(1, 5000) g`);
  await bench.end();

  const { client: db, close } = createPrismaClient({ kind: "postgres", url: benchUrl.toString() });
  (globalThis as unknown as { candorDb?: typeof db }).candorDb = db;
  try {
    await publishDefaultPolicy(db);
    await db.$executeRawUnsafe(`
      INSERT INTO "ConsentRecord" ("id", "userId", "granted", "policyVersion", "policySha256", "source", "at")
      SELECT 'c' || g, 'u' || (1 + (g % 5000)), random() < 0.8, 1, (SELECT "sha256" FROM "ConsentPolicy" WHERE "version" = 1), 'SETTINGS', now() - random() * interval '120 days'
      FROM generate_series(1, 8000) g`);
    await db.$executeRawUnsafe(`
      INSERT INTO "Program" ("id", "name", "commissionValue", "ownerId", "createdAt", "updatedAt")
      SELECT 'p' || g, 'Program ' || g, 1000, 'u' || (1 + floor(random() * 5000)::int), now() - random() * interval '120 days', now() FROM generate_series(1, 2000) g`);
    await db.$executeRawUnsafe(`
      INSERT INTO "ProgramMember" ("programId", "userId")
      SELECT DISTINCT 'p' || (1 + floor(random() ^ 3 * 2000)::int), 'u' || (1 + floor(random() * 5000)::int) FROM generate_series(1, 30000)
      ON CONFLICT DO NOTHING`);
    await db.$executeRawUnsafe(`ANALYZE`);
    console.log(`seeded accounts, consent ledger, programs ${ms(start)}`);

    const { CHART_LOADERS } = await import("../lib/insights/charts");
    const { chartContext, insightsRange } = await import("../lib/insights/charts/range");
    const { getInsightsDashboard } = await import("../lib/insights/get-insights-dashboard");
    for (const rangeDays of [7, 30, 90] as const) {
      // The first read of a range rolls up its final days that have none yet (lib/insights/roll-up-usage-days.ts) and
      // warms the cache; the timed read is what every later visitor gets.
      start = performance.now();
      await getInsightsDashboard({ rangeDays });
      console.log(`\n${rangeDays}-day dashboard, first read (roll-up) ${ms(start)}`);
      start = performance.now();
      await getInsightsDashboard({ rangeDays });
      console.log(`${rangeDays}-day dashboard (charts in parallel)    ${ms(start)}`);
      for (const [id, load] of Object.entries(CHART_LOADERS)) {
        const chartStart = performance.now();
        await load(chartContext({ range: insightsRange({ rangeDays }), k: 5 }));
        console.log(`  ${id.padEnd(38)}${ms(chartStart)}`);
      }
    }
  } finally {
    await close();
  }
} finally {
  if (process.env.BENCH_KEEP === "1") console.log(`\nkept database ${name}`);
  else await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin.end();
}
