import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/lib/auth/session";
import { platformName } from "@/lib/config/platform";

export default async function PlatformLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <AppShell user={user} platformName={platformName()}>
      {children}
    </AppShell>
  );
}
