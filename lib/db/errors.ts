/** Prisma's P2002 (unique constraint), or Postgres 23505 reported through a driver adapter. */
export function isUniqueViolation(error: unknown): boolean {
  const candidate = error as { code?: string; cause?: { code?: string; originalCode?: string } };
  return candidate?.code === "P2002" || candidate?.cause?.code === "23505" || candidate?.cause?.originalCode === "23505";
}
