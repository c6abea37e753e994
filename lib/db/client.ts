import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { withPgliteBytes } from "./pglite-bytes";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openPglite } from "./pglite";
import { resolveDatabaseTarget, type DatabaseTarget } from "./target";

export type Db = PrismaClient;

/**
 * Creates a Prisma client on the configured database. Scripts (seed, retention) call this directly and
 * close it; the app goes through `lib/db` which caches one client per process.
 */
export function createPrismaClient(target: DatabaseTarget = resolveDatabaseTarget()) {
  if (target.kind === "postgres") {
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.url, max: 10 }) });
    return { client, close: () => client.$disconnect() };
  }
  const { pglite, close } = openPglite(target.dir);
  const client = new PrismaClient({ adapter: withPgliteBytes(new PrismaPGlite(pglite)) });
  return {
    client,
    close: async () => {
      await client.$disconnect();
      await close();
    },
  };
}
