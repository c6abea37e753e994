import "server-only";
import { createPrismaClient, type Db } from "./client";

/**
 * The app's one Prisma client, created on first use (so `next build` never opens the database) and cached on
 * globalThis so dev hot reloads and route bundles share it. Integration tests put their own client there.
 */
const globalForDb = globalThis as unknown as { candorDb?: Db };

function getDb(): Db {
  globalForDb.candorDb ??= createPrismaClient().client;
  return globalForDb.candorDb;
}

export const db: Db = new Proxy({} as Db, {
  get(_, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type { Db } from "./client";
