import { headers } from "next/headers";
import { platformName } from "@/lib/config/platform";
import { getUsageSharingSetting } from "@/lib/consent/get-usage-sharing-setting";
import { hasGpcSignal } from "@/lib/consent/gpc";
import { UsageSharingSetting } from "./usage-sharing-setting";

/** Server half of the settings switch: reads the user's consent (through lib/consent) and hands it to the client part. */
export async function UsageSharingSection({ userId }: { userId: string }) {
  const view = await getUsageSharingSetting({ userId });
  return <UsageSharingSetting initial={view} platformName={platformName()} gpcHeader={hasGpcSignal(await headers())} />;
}
