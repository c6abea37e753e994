import { authSecret, MissingSecretError } from "@/lib/config/secrets";
import { encryptionMasterKey } from "@/lib/crypto/master-key";
import { startRetentionSchedule } from "@/lib/retention/start-retention-schedule";
import { startSaltShredder } from "@/lib/insights/start-salt-shredder";

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
  // Expired recordings are deleted by the server itself, hourly (lib/retention); `npm run retention` is the cron twin.
  startRetentionSchedule();
  // Each day's usage salt is deleted right after UTC midnight, so visitors of different days cannot be linked.
  startSaltShredder();
}
