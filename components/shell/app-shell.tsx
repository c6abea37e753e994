import Link from "next/link";
import type { Role } from "@/lib/generated/prisma/enums";
import { canOpen } from "@/lib/auth/roles";
import { NavLinks, type NavItem } from "./nav-links";
import { SignOutButton } from "./sign-out-button";

/** Links for what the role may open; the pages themselves check again on the server. */
export function navItemsFor(role: Role): NavItem[] {
  const items: NavItem[] = [
    { href: "/", label: "Dashboard" },
    { href: "/programs", label: "Programs" },
    { href: "/messages", label: "Messages" },
    { href: "/settings/profile", label: "Settings" },
  ];
  if (canOpen(role, "support")) items.push({ href: "/support", label: "Support" });
  if (canOpen(role, "insights")) items.push({ href: "/insights", label: "Insights" });
  if (canOpen(role, "admin")) items.push({ href: "/admin", label: "Admin" });
  return items;
}

export function AppShell({
  user,
  platformName,
  indicator,
  children,
}: {
  user: { name: string; email: string; role: Role };
  platformName: string;
  /** Slot for the "Sharing usage info" indicator, rendered by the consent feature. */
  indicator?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
          <Link href="/" className="text-lg font-semibold tracking-tight text-brand-700">
            {platformName}
          </Link>
          <NavLinks items={navItemsFor(user.role)} />
          <div className="ml-auto flex items-center gap-3">
            {indicator}
            <span className="hidden text-sm text-slate-500 sm:inline" data-testid="current-user">
              {user.name} · <span className="lowercase">{user.role}</span>
            </span>
            <SignOutButton />
          </div>
        </nav>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
