import "server-only";
import { notFound } from "next/navigation";
import { AREA_ROLES } from "@/lib/auth/roles";
import { requireRole } from "@/lib/auth/session";
import { idParamSchema } from "./schemas";

/** The guard of a support page about one record: a support role (else the 403 page), then a well-formed id (else 404). */
export async function requireSupportPage(params: Promise<{ id: string }>): Promise<string> {
  await requireRole(...AREA_ROLES.support);
  const parsed = idParamSchema.safeParse(await params);
  if (!parsed.success) notFound();
  return parsed.data.id;
}
