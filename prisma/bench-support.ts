/**
 * What the HTTP benchmarks (bench-ingest, bench-replay) share: a scratch PostgreSQL database with the migrations, the
 * consent policy and users; a production build started on a free port; and a cookie-keeping HTTP client that signs
 * in through next-auth as a browser does.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import bcrypt from "bcryptjs";
import pg from "pg";
import { DEFAULT_POLICY_CONTENT, policySha256 } from "../lib/consent/policy-content";

export const PASSWORD = "bench-password";
// Its own build folder (BENCH_DIST_DIR to run two benchmarks side by side), so a benchmark never rebuilds `.next`.
const DIST_DIR = process.env.BENCH_DIST_DIR ?? ".next-bench";

/**
 * A database of its own on BENCH_DATABASE_URL (default: the local server), migrated, with policy version 1 and
 * `users` accounts `bench1@bench.invalid`…; `drop()` removes it (BENCH_KEEP=1 keeps it).
 */
export async function createScratchDatabase({ users, roles = {} }: { users: number; roles?: Record<number, string> }) {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `candor_bench_${randomBytes(4).toString("hex")}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const drop = async () => {
    if (process.env.BENCH_KEEP === "1") console.log(`kept database ${name}`);
    else await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  };

  const setup = new pg.Client({ connectionString: url.toString() });
  try {
    await setup.connect();
    const dir = path.resolve("prisma/migrations");
    for (const migration of readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
      await setup.query(readFileSync(path.join(dir, migration, "migration.sql"), "utf8"));
    }
    await setup.query(`INSERT INTO "ConsentPolicy" ("version", "content", "sha256") VALUES (1, $1, $2)`, [JSON.stringify(DEFAULT_POLICY_CONTENT), policySha256(DEFAULT_POLICY_CONTENT)]);
    // One hash for everyone: hashing each password here would only slow the setup.
    const hash = bcrypt.hashSync(PASSWORD, 10);
    await setup.query(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "updatedAt") SELECT 'bench' || g, 'bench' || g || '@bench.invalid', 'Bench ' || g, $1, now() FROM generate_series(1, $2::int) g`,
      [hash, users],
    );
    for (const [index, role] of Object.entries(roles)) await setup.query(`UPDATE "User" SET "role" = $1 WHERE "id" = $2`, [role, `bench${index}`]);
  } catch (error) {
    await setup.end();
    await drop();
    throw error;
  }
  await setup.end();
  return { url: url.toString(), drop };
}

export const benchEmail = (index: number) => `bench${index}@bench.invalid`;

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "inherit", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}

async function freePort(from = 3300): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer().once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error("No free port from 3300 up.");
}

/**
 * `next build` into .next-bench or BENCH_DIST_DIR (BENCH_SKIP_BUILD=1 reuses it), then `next start` on a free port from 3300 up, on
 * `databaseUrl`, with fresh secrets. `masterKey` is exported so a benchmark can write recordings the server can read.
 */
export async function startProductionServer({ databaseUrl }: { databaseUrl: string }) {
  const masterKey = randomBytes(32).toString("base64");
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: DIST_DIR,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    CANDOR_MASTER_KEY: masterKey,
    CANDOR_RETENTION_SCHEDULE: "off",
  };
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    console.log(`next build → ${DIST_DIR}`);
    // next build adds the custom distDir's type folders to tsconfig.json's include; the bench should leave no trace.
    const tsconfig = readFileSync("tsconfig.json", "utf8");
    try {
      await run("node_modules/.bin/next", ["build"], env);
    } finally {
      writeFileSync("tsconfig.json", tsconfig);
    }
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const server: ChildProcess = spawn(process.execPath, [...profile, "node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...env, NEXTAUTH_URL: base },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const stop = async () => {
    if (server.exitCode !== null) return;
    const exited = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    // next start drains in-flight requests on SIGTERM; a benchmark that failed half-way should not wait for that.
    const force = setTimeout(() => server.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(force);
  };
  for (let tries = 0; ; tries++) {
    if (tries > 120) {
      await stop();
      throw new Error("next start did not answer within 60 s.");
    }
    const up = await fetch(`${base}/api/me`).then((response) => response.status === 401, () => false);
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return { base, masterKey, stop };
}

/** Runs `count` tasks at most `limit` at a time. */
export async function pool<T>(count: number, limit: number, task: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) {
        const index = next++;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}

/** One simulated browser: a cookie jar, same-origin POSTs, next-auth sign-in (csrf, then the credentials callback). */
export class HttpBrowser {
  readonly cookies = new Map<string, string>();
  constructor(private base: string) {}

  async fetch(pathname: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    if (init.method === "POST") headers.set("origin", this.base);
    const response = await fetch(this.base + pathname, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return response;
  }

  async signIn(email: string) {
    const { csrfToken } = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const form = new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" });
    await this.fetch("/api/auth/callback/credentials", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: form });
    const me = await this.fetch("/api/me");
    if (me.status !== 200) throw new Error(`Sign-in failed for ${email}: /api/me answered ${me.status}`);
  }

  async postJson(pathname: string, body: unknown, expected: number) {
    const response = await this.fetch(pathname, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (response.status !== expected) throw new Error(`${pathname} answered ${response.status}: ${await response.text()}`);
    return response.json();
  }
}
