import "server-only";
import { db } from "@/lib/db";
import { programFieldsSelect } from "./program-fields";

/** A program's detail page: visible to every signed-in user; `viewerId` decides which actions they are offered. */
export async function getProgram({ id, viewerId }: { id: string; viewerId: string }) {
  const program = await db.program.findUnique({
    where: { id },
    select: {
      ...programFieldsSelect,
      createdAt: true,
      owner: { select: { id: true, name: true } },
      members: { orderBy: { joinedAt: "asc" }, select: { joinedAt: true, user: { select: { id: true, name: true } } } },
    },
  });
  if (!program) return null;
  const { owner, members, ...fields } = program;
  return {
    ...fields,
    owner: { name: owner.name },
    partners: members.map((member) => ({ id: member.user.id, name: member.user.name, joinedAt: member.joinedAt })),
    isOwner: owner.id === viewerId,
    isPartner: members.some((member) => member.user.id === viewerId),
  };
}
