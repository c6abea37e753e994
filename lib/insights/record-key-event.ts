import "server-only";
import { z } from "zod";
import { storeUsageRows } from "./store-usage-rows";

export const KEY_EVENT_NAMES = ["program_created", "message_sent", "setting_changed"] as const;
export type KeyEventName = (typeof KEY_EVENT_NAMES)[number];

const keyEventSchema = z.object({ userId: z.string().min(1), name: z.enum(KEY_EVENT_NAMES) });

/**
 * Records a key event the server itself witnessed (a program created, a message sent, a setting changed) as an
 * anonymous usage event — only if the user consents right now. Never throws into the caller's operation: insights
 * are not worth failing a user's action for.
 */
export async function recordKeyEvent(input: { userId: string; name: KeyEventName; now?: Date }): Promise<boolean> {
  try {
    const { userId, name } = keyEventSchema.parse(input);
    return (await storeUsageRows({ users: [{ userId, rows: [{ at: input.now ?? new Date(), kind: "KEY", name }] }], now: input.now })) > 0;
  } catch (error) {
    console.error("[candor] key event not recorded:", error instanceof Error ? error.message : String(error));
    return false;
  }
}
