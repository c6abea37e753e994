"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formValues, parseForm, type FormState } from "@/lib/forms";
import { requireRole } from "@/lib/auth/session";
import { changeRole, changeRoleSchema } from "@/lib/admin/change-role";
import { policyFormSchema } from "@/lib/admin/policy-form";
import { settingsFormSchema } from "@/lib/admin/settings-form";
import { publishPolicy } from "@/lib/consent/publish-policy";
import { runRetention } from "@/lib/retention/run-retention";
import { updateSettings } from "@/lib/settings/update-settings";

const ROLE_LABELS = { MEMBER: "Member", SUPPORT: "Support", ANALYST: "Analyst", ADMIN: "Admin" } as const;

/** Domain refusals (last admin, no longer an admin, already published) become a message; anything else is a 500. */
function refusal(error: unknown, values?: Record<string, string>): FormState {
  if (error instanceof AppError) return { ok: false, message: error.message, fields: error.fields, values };
  throw error;
}

// Every action asks for ADMIN itself: a server action is a public endpoint, whatever page rendered its form.

export async function changeRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireRole("ADMIN");
  const parsed = parseForm(changeRoleSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    const result = await changeRole({ actorId: admin.id, ...parsed.data });
    revalidatePath("/admin");
    return { ok: true, message: result.changed ? `Role changed to ${ROLE_LABELS[result.to]}.` : "No change." };
  } catch (error) {
    return refusal(error);
  }
}

export async function updateSettingsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireRole("ADMIN");
  const parsed = parseForm(settingsFormSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    const { changes } = await updateSettings({ actorId: admin.id, values: parsed.data });
    revalidatePath("/admin/settings");
    return { ok: true, message: Object.keys(changes).length ? "Settings saved." : "Nothing changed." };
  } catch (error) {
    return refusal(error, formValues(formData));
  }
}

export async function runRetentionAction(): Promise<FormState> {
  const admin = await requireRole("ADMIN");
  const result = await runRetention({ db, trigger: "admin", actorId: admin.id });
  revalidatePath("/admin/settings");
  return {
    ok: true,
    message:
      `Deleted ${result.sessions} ${result.sessions === 1 ? "session" : "sessions"} (${result.chunks} chunks, ${result.events} events) ` +
      `and ${result.usageEvents} usage events older than ${result.retentionDays} days.`,
  };
}

export async function publishPolicyAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireRole("ADMIN");
  const parsed = parseForm(policyFormSchema, formData);
  if (!parsed.ok) return parsed.state;
  try {
    const policy = await publishPolicy({ content: parsed.data, actorId: admin.id });
    revalidatePath("/admin/policy");
    return { ok: true, message: `Version ${policy.version} is published. Everyone who shares usage information will be asked to confirm it.` };
  } catch (error) {
    return refusal(error, formValues(formData));
  }
}
