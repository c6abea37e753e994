import "server-only";
import { randomBytes } from "node:crypto";
import { db as defaultDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { encryptionMasterKey } from "./master-key";
import { open, seal } from "./aes-gcm";

type Client = Pick<Prisma.TransactionClient, "userDataKey">;

const aadFor = (userId: string) => `candor:user-data-key:${userId}`;

/**
 * A user's data key (32 bytes) for encrypting their recordings, unwrapped with the master key. With `create`, a key is
 * made on first use (concurrent first uses agree on one key: the insert ignores conflicts and everyone reads back the
 * stored row). Returns null when the user has no key — never had one, or it was destroyed (crypto-shredded).
 */
export async function getUserDataKey({ userId, create = false, client = defaultDb }: { userId: string; create?: boolean; client?: Client }): Promise<Buffer | null> {
  const read = () => client.userDataKey.findUnique({ where: { userId }, select: { wrappedKey: true } });
  // Ingest asks on every chunk: read first, so only a user's very first chunk pays for making a key.
  let row = await read();
  if (!row && create) {
    const wrapped = seal({ key: encryptionMasterKey(), plaintext: randomBytes(32), aad: aadFor(userId) });
    await client.userDataKey.createMany({ data: [{ userId, wrappedKey: new Uint8Array(wrapped) }], skipDuplicates: true });
    row = await read();
  }
  if (!row) return null;
  return open({ key: encryptionMasterKey(), sealed: row.wrappedKey, aad: aadFor(userId) });
}
