import { spawn, spawnSync, type ChildProcess } from "node:child_process";

/**
 * A spec's own `next start` server, separate from the shared one the Playwright config starts, for specs that kill the
 * server or its database and must not touch what other specs run against. NEXT_DIST_DIR passes through the env, so it
 * serves the same production build.
 */
export class OwnServer {
  readonly baseURL: string;
  readonly env: NodeJS.ProcessEnv;
  private readonly port: number;
  private process: ChildProcess | null = null;

  constructor(port: number, databaseUrl: string) {
    this.port = port;
    this.baseURL = `http://localhost:${port}`;
    // Test-only secrets, the same as the shared server's (playwright.config.ts).
    this.env = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: this.baseURL,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      CANDOR_MASTER_KEY: "ZTJlLW1hc3Rlci1rZXktbm90LWZvci1wcm9kdWN0aW8=",
      NEXT_TELEMETRY_DISABLED: "1",
    };
  }

  /** Migrates and seeds the server's database (prisma/setup.ts); throws with its output on failure. */
  setUpDatabase() {
    const setup = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "prisma/setup.ts"], { env: this.env, encoding: "utf8" });
    if (setup.status !== 0) throw new Error(`Database setup failed: ${`${setup.stdout}\n${setup.stderr}`.slice(-800)}`);
  }

  /** Starts the server and waits until it serves /signin. */
  async start() {
    // Its own process group, so the kill reaches the server and anything it forked.
    this.process = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(this.port)], {
      env: this.env,
      detached: true,
      stdio: "ignore",
    });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      try {
        if ((await fetch(`${this.baseURL}/signin`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`The spec's own server on port ${this.port} did not come up within 60 s.`);
  }

  /** Kills the server's whole process group with SIGKILL: no graceful shutdown, like a crash. */
  kill() {
    if (this.process?.pid) {
      try {
        process.kill(-this.process.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    this.process = null;
  }
}
