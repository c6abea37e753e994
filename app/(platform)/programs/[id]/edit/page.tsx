import { notFound } from "next/navigation";
import { ProgramForm } from "@/components/programs/program-form";
import { requireUser } from "@/lib/auth/session";
import { commissionInputValue } from "@/lib/programs/commission";
import { getEditableProgram } from "@/lib/programs/get-editable-program";
import { updateProgramAction } from "../../actions";

export const metadata = { title: "Edit program" };

export default async function EditProgramPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const program = await getEditableProgram({ id, ownerId: user.id });
  if (!program) notFound();
  const initial = {
    name: program.name,
    description: program.description,
    websiteUrl: program.websiteUrl,
    commissionType: program.commissionType,
    commissionValue: commissionInputValue(program.commissionType, program.commissionValue),
    cookieDays: String(program.cookieDays),
    status: program.status,
  };
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold">Edit {program.name}</h1>
      <ProgramForm action={updateProgramAction.bind(null, program.id)} initial={initial} submitLabel="Save changes" cancelHref={`/programs/${program.id}`} />
    </div>
  );
}
