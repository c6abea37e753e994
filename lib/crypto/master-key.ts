import { loadSecret } from "@/lib/config/secrets";

let cached: Buffer | undefined;

/**
 * The master key (32 bytes, base64) that wraps each user's data key. In development it is generated under
 * `.data/secrets`; in production CANDOR_MASTER_KEY must be set (`openssl rand -base64 32`).
 */
export function encryptionMasterKey(): Buffer {
  // Constant for the life of the process; read once (in development that is a file read) rather than per chunk.
  cached ??= readMasterKey();
  return cached;
}

function readMasterKey(): Buffer {
  const value = loadSecret("CANDOR_MASTER_KEY", "Generate one with `openssl rand -base64 32` and set it in the environment.");
  const key = Buffer.from(value, value.length === 43 && !/[+/=]/.test(value) ? "base64url" : "base64");
  if (key.length !== 32) throw new Error("CANDOR_MASTER_KEY must be 32 bytes, base64-encoded (`openssl rand -base64 32`).");
  return key;
}
