import type { ProgramStatus } from "@/lib/generated/prisma/enums";

export function StatusBadge({ status }: { status: ProgramStatus }) {
  return (
    <span
      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${
        status === "ACTIVE" ? "bg-green-50 text-green-700" : "bg-amber-50 text-amber-800"
      }`}
    >
      {status === "ACTIVE" ? "Active" : "Paused"}
    </span>
  );
}
