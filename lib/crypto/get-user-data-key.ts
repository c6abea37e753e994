import "server-only";
import { randomBytes } from "node:crypto";
import { db as defaultDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { encryptionMasterKey } from "./master-key";
import { open, seal } from "./aes-gcm";

type Client = Pick<Prisma.TransactionClient, "userDataKey">;

const aadFor = (userId: string) => `candor:user-data-key:${userId}`;

/**
 * Users' data keys (32 bytes each) for encrypting their recordings, unwrapped with the master key, in one read for
 * any number of users. With `create`, a missing key is made (concurrent first uses agree on one key: the insert
 * ignores conflicts and everyone reads back the stored row). A user without a key — never had one, or it was
 * destroyed (crypto-shredded) — is absent from the map.
 */
export async function getUserDataKeys({ userIds, create = false, client = defaultDb }: { userIds: string[]; create?: boolean; client?: Client }): Promise<Map<string, Buffer>> {
  const read = (ids: string[]) => client.userDataKey.findMany({ where: { userId: { in: ids } }, select: { userId: true, wrappedKey: true } });
  // Ingest asks on every batch of chunks: read first, so only a user's very first chunk pays for making a key.
  const rows = await read(userIds);
  const found = new Set(rows.map((row) => row.userId));
  const missing = userIds.filter((userId) => !found.has(userId));
  if (missing.length && create) {
    await client.userDataKey.createMany({
      data: missing.map((userId) => ({ userId, wrappedKey: new Uint8Array(seal({ key: encryptionMasterKey(), plaintext: randomBytes(32), aad: aadFor(userId) })) })),
      skipDuplicates: true,
    });
    rows.push(...(await read(missing)));
  }
  return new Map(rows.map((row) => [row.userId, open({ key: encryptionMasterKey(), sealed: row.wrappedKey, aad: aadFor(row.userId) })]));
}

/** One user's data key (see getUserDataKeys); null when they have none. */
export async function getUserDataKey({ userId, create = false, client = defaultDb }: { userId: string; create?: boolean; client?: Client }): Promise<Buffer | null> {
  return (await getUserDataKeys({ userIds: [userId], create, client })).get(userId) ?? null;
}
