import { AdminNav } from "@/components/admin/admin-nav";
import { requireRole } from "@/lib/auth/session";

// The layout checks too, so no admin chrome is ever rendered for anyone else; each page still checks for itself.
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireRole("ADMIN");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Administration</h1>
        <p className="mt-1 text-slate-600">Roles, data retention, the usage-sharing policy and the audit trail.</p>
      </div>
      <AdminNav />
      {children}
    </div>
  );
}
