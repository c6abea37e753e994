import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { resolveDatabaseTarget } from "./lib/db/target";

// Prisma does not load .env when a config file exists.
if (existsSync(".env")) process.loadEnvFile(".env");

// Decided before the line below rewrites DATABASE_URL for the schema validator.
const target = resolveDatabaseTarget();
// The schema's datasource must name a postgresql:// URL to validate, even though the CLI only ever talks to the
// database through the adapter below. In embedded mode, give the validator a URL that is never dialled.
if (target.kind === "pglite") process.env.DATABASE_URL = "postgresql://embedded-pglite.invalid/candor";

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx prisma/seed.ts" },
  engine: "js",
  async adapter() {
    if (target.kind === "postgres") {
      const pg = (await import("pg")).default;
      // Prisma issue #27403: with @prisma/adapter-pg the schema engine cannot deserialize catalog columns of
      // type `name` (oid 19) and `"char"` (oid 18). Report them as text (oid 25). CLI only; app queries never need it.
      type Field = { dataTypeID: number };
      const prototype = pg.Result.prototype as unknown as { addFields(fields: Field[]): void };
      const addFields = prototype.addFields;
      prototype.addFields = function (fields) {
        for (const field of fields) if (field.dataTypeID === 19 || field.dataTypeID === 18) field.dataTypeID = 25;
        return addFields.call(this, fields);
      };
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: target.url });
    }
    // PGlite re-arms a 10 s timer that would keep the CLI alive after `migrate deploy` finishes;
    // in this CLI-only process, timers created from here on must not hold the event loop open.
    const timers = globalThis as unknown as Record<"setTimeout" | "setInterval", (...args: unknown[]) => { unref?: () => void }>;
    for (const name of ["setTimeout", "setInterval"] as const) {
      const original = timers[name];
      timers[name] = (...args) => {
        const timer = original(...args);
        timer.unref?.();
        return timer;
      };
    }
    const { openPglite } = await import("./lib/db/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    return new PrismaPGlite(openPglite(target.dir).pglite);
  },
});
