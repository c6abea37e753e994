import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * AES-256-GCM with a fresh 96-bit IV per message. Layout: iv(12) | tag(16) | ciphertext. The associated data binds a
 * ciphertext to where it is stored (a user, a session chunk), so rows cannot be swapped without detection.
 */
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function seal({ key, plaintext, aad }: { key: Buffer; plaintext: Buffer; aad: string }): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

export function open({ key, sealed, aad }: { key: Buffer; sealed: Uint8Array; aad: string }): Buffer {
  const data = Buffer.from(sealed);
  if (data.length < IV_BYTES + TAG_BYTES) throw new Error("Sealed data is truncated.");
  const decipher = createDecipheriv("aes-256-gcm", key, data.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}
