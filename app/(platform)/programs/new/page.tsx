import { EMPTY_PROGRAM, ProgramForm } from "@/components/programs/program-form";
import { requireUser } from "@/lib/auth/session";
import { createProgramAction } from "../actions";

export const metadata = { title: "New program" };

export default async function NewProgramPage() {
  await requireUser();
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">New program</h1>
      <ProgramForm action={createProgramAction} initial={EMPTY_PROGRAM} submitLabel="Create program" cancelHref="/programs" />
    </div>
  );
}
