import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { addDays, utcDay } from "../day-salt";
import { hiddenDaysNote } from "../suppression";
import { OTHER_LABEL, type ChartContext, type ChartData } from "./types";

type ProgramFact = { ownerId: string; createdAt: Date; size: number };

/**
 * Programs whose owner shares usage information right now (program metrics are part of what the help centre says
 * sharing covers, so an owner who opts out drops out of them). Owner ids stay inside this module: they are needed
 * only to count how many different people a cell stands for.
 */
function sharingOwnersPrograms(ctx: ChartContext): Promise<ProgramFact[]> {
  return ctx.memo("programs", () =>
    db.$queryRaw<ProgramFact[]>(Prisma.sql`
      WITH latest AS (
        SELECT DISTINCT ON ("userId") "userId", "granted", "policyVersion" FROM "ConsentRecord"
        ORDER BY "userId", "at" DESC, "id" DESC
      ),
      sharing AS (
        SELECT latest."userId" FROM latest
        WHERE latest."granted"
          AND latest."policyVersion" = COALESCE((SELECT max("version") FROM "ConsentPolicy" WHERE "publishedAt" <= now()), latest."policyVersion")
      )
      SELECT p."ownerId", p."createdAt", (SELECT count(*) FROM "ProgramMember" m WHERE m."programId" = p."id")::int AS size
      FROM "Program" p JOIN sharing s ON s."userId" = p."ownerId"`),
  );
}

export const SIZE_BUCKETS = [
  { label: "No partners", min: 0, max: 0 },
  { label: "1–4 partners", min: 1, max: 4 },
  { label: "5–19 partners", min: 5, max: 19 },
  { label: "20–99 partners", min: 20, max: 99 },
  { label: "100+ partners", min: 100, max: Infinity },
];

const distinctOwners = (programs: ProgramFact[]) => new Set(programs.map((program) => program.ownerId)).size;

export async function programSizesChart(ctx: ChartContext): Promise<ChartData> {
  const programs = await sharingOwnersPrograms(ctx);
  const buckets = SIZE_BUCKETS.map((bucket) => ({ ...bucket, programs: programs.filter((p) => p.size >= bucket.min && p.size <= bucket.max) }));
  const small = buckets.filter((bucket) => bucket.programs.length > 0 && distinctOwners(bucket.programs) < ctx.k);
  const other = small.flatMap((bucket) => bucket.programs);
  const otherShown = other.length > 0 && distinctOwners(other) >= ctx.k;
  const rows = buckets
    .filter((bucket) => !small.includes(bucket) && bucket.programs.length > 0)
    .map((bucket) => ({ size: bucket.label, programs: bucket.programs.length }));
  if (otherShown) rows.push({ size: `${OTHER_LABEL} sizes`, programs: other.length });

  const totalShown = distinctOwners(programs) >= ctx.k;
  const notes: string[] = [];
  if (small.length) {
    notes.push(
      `${small.length} size group${small.length === 1 ? "" : "s"} with programs of fewer than ${ctx.k} owners ${otherShown ? `folded into “${OTHER_LABEL} sizes”` : "hidden"}.`,
    );
  }
  if (!totalShown && programs.length > 0) notes.push(`Fewer than ${ctx.k} sharing owners have programs, so the total is hidden.`);
  return {
    id: "program-sizes",
    title: "Program sizes",
    description: "Programs of owners who share usage information, by number of partners (all time).",
    columns: [
      { key: "size", label: "Program size", format: "text" },
      { key: "programs", label: "Programs", format: "int" },
    ],
    rows: totalShown ? rows : [],
    notes,
    summary: totalShown ? `${programs.length} program${programs.length === 1 ? "" : "s"}` : programs.length ? `Fewer than ${ctx.k} owners` : "0 programs",
    k: ctx.k,
  };
}

/** Monday (UTC) of the week `at` falls in. */
function weekStart(at: Date): string {
  const day = utcDay(at);
  return addDays(day, -((day.getUTCDay() + 6) % 7)).toISOString().slice(0, 10);
}

export async function newProgramsChart(ctx: ChartContext): Promise<ChartData> {
  const programs = await sharingOwnersPrograms(ctx);
  const weeks = [...new Set(ctx.range.days.map((day) => weekStart(new Date(`${day}T00:00:00Z`))))];
  const from = new Date(`${ctx.range.from}T00:00:00Z`);
  let hidden = 0;
  const rows = weeks.map((week) => {
    const created = programs.filter((p) => p.createdAt >= from && weekStart(p.createdAt) === week);
    const owners = distinctOwners(created);
    const visible = owners === 0 || owners >= ctx.k;
    if (!visible) hidden += 1;
    return { week, programs: visible ? created.length : null };
  });
  return {
    id: "new-programs",
    title: "New programs per week",
    description: "Programs created each week (weeks start on Monday, UTC) by owners who share usage information.",
    columns: [
      { key: "week", label: "Week of", format: "day" },
      { key: "programs", label: "New programs", format: "int" },
    ],
    rows,
    notes: [hiddenDaysNote({ k: ctx.k, hidden, noun: "week" })].filter((note): note is string => note !== null),
    k: ctx.k,
  };
}
