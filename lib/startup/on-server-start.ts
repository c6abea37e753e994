import { authSecret, MissingSecretError } from "@/lib/config/secrets";
import { encryptionMasterKey } from "@/lib/crypto/master-key";

/**
 * In production a missing secret stops start-up here with one clear line, instead of failing on the first request.
 */
export function onServerStart() {
  try {
    authSecret();
    encryptionMasterKey();
  } catch (error) {
    if (error instanceof MissingSecretError) {
      console.error(`\n✖ ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
