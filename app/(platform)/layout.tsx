import { headers } from "next/headers";
import { AppShell } from "@/components/shell/app-shell";
import { ConsentPrompt } from "@/components/consent/consent-prompt";
import { SharingIndicator } from "@/components/consent/sharing-indicator";
import { requireUser } from "@/lib/auth/session";
import { platformName } from "@/lib/config/platform";
import { getConsentShell } from "@/lib/consent/get-consent-shell";
import { hasGpcSignal } from "@/lib/consent/gpc";
import { RecorderLoader } from "@/lib/recorder/recorder-loader";

export default async function PlatformLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const consent = await getConsentShell({ userId: user.id, gpc: hasGpcSignal(await headers()) });
  return (
    <AppShell user={user} platformName={platformName()} indicator={<SharingIndicator initialSharing={consent.view.granted} />}>
      {consent.prompt ? <ConsentPrompt initial={consent.view} reason={consent.prompt} platformName={platformName()} /> : null}
      {children}
      <RecorderLoader enabled={consent.view.granted} />
    </AppShell>
  );
}
