import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://localhost:${PORT}`;

/**
 * e2e runs against a production build (`next build` first; `npm run test:e2e` does both) on a fresh database:
 * E2E_DATABASE_URL (PostgreSQL, in CI) or a new embedded PGlite directory under .data/e2e.
 */
const dataDir = `.data/e2e-${PORT}`;
const databaseUrl = process.env.E2E_DATABASE_URL ?? `file:${dataDir}/pglite`;

export default defineConfig({
  testDir: "tests/e2e",
  // Per port, so e2e runs side by side do not delete each other's artifacts.
  outputDir: `test-results/e2e-${PORT}`,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: `${process.env.E2E_DATABASE_URL ? "" : `rm -rf ${dataDir} && `}tsx prisma/setup.ts && next start -p ${PORT}`,
    url: `${BASE_URL}/signin`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      DATABASE_URL: databaseUrl,
      NEXTAUTH_URL: BASE_URL,
      NEXTAUTH_SECRET: "e2e-secret-not-for-production-0123456789",
      CANDOR_MASTER_KEY: "ZTJlLW1hc3Rlci1rZXktbm90LWZvci1wcm9kdWN0aW8=",
      NEXT_TELEMETRY_DISABLED: "1",
      // Suites share this server and its data: no hourly retention run deleting behind a test's back (admin tests run it).
      CANDOR_RETENTION_SCHEDULE: "off",
    },
  },
});
