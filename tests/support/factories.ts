import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

/** A user with a unique email, so tests never collide; the password hash is a placeholder (never signs in). */
export function createUser({ role = "MEMBER", name = "Test User" }: { role?: Role; name?: string } = {}) {
  const email = `user-${randomBytes(5).toString("hex")}@test.invalid`;
  return db.user.create({ data: { email, name, role, passwordHash: "x" }, select: { id: true, email: true, name: true, role: true } });
}
