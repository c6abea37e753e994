import type { Role } from "@/lib/generated/prisma/enums";

/** Who may open which area. The server checks these in every page and handler; the nav only mirrors them. */
export const AREA_ROLES = {
  support: ["SUPPORT", "ADMIN"],
  insights: ["ANALYST", "ADMIN"],
  admin: ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Area = keyof typeof AREA_ROLES;

export const canOpen = (role: Role, area: Area) => (AREA_ROLES[area] as readonly Role[]).includes(role);
