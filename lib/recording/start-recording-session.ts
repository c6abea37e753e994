import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readSettings } from "@/lib/settings/read-settings";
import { stripQueryValues } from "./event-format";
import { RECORDING_CONFIG, type StartSessionResponse } from "./protocol";
import { getUserDataKey } from "@/lib/crypto/get-user-data-key";
import { consentInTransaction } from "./consent-in-transaction";

/**
 * Starts a recording session for a user who consents now, bound to the consent record in force (the binding rule:
 * once that record is no longer the current grant, the session takes no more data). 403 CONSENT_REQUIRED otherwise.
 * The user's data key is created here, so the first chunk does not race to make it.
 */
export async function startRecordingSession({ userId, entryPath }: { userId: string; entryPath?: string }): Promise<StartSessionResponse> {
  return db.$transaction(async (tx) => {
    const consent = await consentInTransaction({ tx, userId });
    if (!consent.granted) throw new AppError("CONSENT_REQUIRED", "Usage sharing is off, so nothing is recorded.");
    await getUserDataKey({ userId, create: true, client: tx });
    const { retentionDays } = await readSettings({ db: tx });
    const startedAt = new Date();
    const session = await tx.recordingSession.create({
      data: {
        userId,
        consentRecordId: consent.record.id,
        startedAt,
        lastEventAt: startedAt,
        entryPath: entryPath ? stripQueryValues(entryPath).slice(0, 1000) : "",
        expiresAt: new Date(startedAt.getTime() + retentionDays * 86_400_000),
      },
      select: { id: true },
    });
    return {
      sessionId: session.id,
      serverTime: startedAt.getTime(),
      config: RECORDING_CONFIG,
      consent: { granted: true, policyVersion: consent.record.policyVersion },
    };
  });
}
