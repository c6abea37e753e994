import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createProgram } from "@/lib/programs/create-program";
import { getEditableProgram } from "@/lib/programs/get-editable-program";
import { getProgram } from "@/lib/programs/get-program";
import { joinProgram } from "@/lib/programs/join-program";
import { leaveProgram } from "@/lib/programs/leave-program";
import { listPrograms } from "@/lib/programs/list-programs";
import { programInputSchema, type ProgramInput } from "@/lib/programs/schemas";
import { updateProgram } from "@/lib/programs/update-program";
import { createUser } from "@/tests/support/factories";

const input = (overrides: Partial<ProgramInput> = {}): ProgramInput => ({
  name: "Program",
  description: "",
  websiteUrl: "",
  commissionType: "PERCENT",
  commissionValue: 1000,
  cookieDays: 30,
  status: "ACTIVE",
  ...overrides,
});

describe("listPrograms", () => {
  let owner: { id: string };
  let partner: { id: string };

  beforeAll(async () => {
    owner = await createUser({ name: "Owner" });
    partner = await createUser({ name: "Partner" });
    // 23 searchable programs: 21 "Garden" ones (names sort as Garden 01..21) and two others.
    for (let i = 1; i <= 21; i++) {
      await createProgram({ ownerId: owner.id, input: input({ name: `Garden ${String(i).padStart(2, "0")}`, description: "Seeds and tools" }) });
    }
    const solar = await createProgram({ ownerId: partner.id, input: input({ name: "Bright Solar", description: "Panels for the GARDEN shed" }) });
    await createProgram({ ownerId: partner.id, input: input({ name: "100% Coffee", description: "Beans" }) });
    await joinProgram({ programId: solar.id, userId: owner.id });
  });

  it("pages ten at a time, in name order, with a short last page", async () => {
    const first = await listPrograms({ userId: owner.id, q: "", page: 1 });
    expect(first.total).toBe(23);
    expect(first.pageCount).toBe(3);
    expect(first.programs).toHaveLength(10);
    expect(first.programs[0].name).toBe("100% Coffee");
    const third = await listPrograms({ userId: owner.id, q: "", page: 3 });
    expect(third.programs).toHaveLength(3);
    const all = [first, await listPrograms({ userId: owner.id, q: "", page: 2 }), third].flatMap((page) => page.programs.map((p) => p.id));
    expect(new Set(all).size).toBe(23);
  });

  it("shows the last page for a page number past the end", async () => {
    const result = await listPrograms({ userId: owner.id, q: "", page: 99 });
    expect(result.page).toBe(3);
    expect(result.programs).toHaveLength(3);
  });

  it("searches name and description, ignoring case", async () => {
    const result = await listPrograms({ userId: owner.id, q: "garden", page: 1 });
    expect(result.total).toBe(22);
    const byDescription = await listPrograms({ userId: owner.id, q: "PANELS", page: 1 });
    expect(byDescription.programs.map((p) => p.name)).toEqual(["Bright Solar"]);
    const none = await listPrograms({ userId: owner.id, q: "nothing like this", page: 1 });
    expect(none).toMatchObject({ total: 0, page: 1, pageCount: 1, programs: [] });
  });

  it("treats % and _ in a search as plain characters", async () => {
    expect((await listPrograms({ userId: owner.id, q: "%", page: 1 })).programs.map((p) => p.name)).toEqual(["100% Coffee"]);
    expect((await listPrograms({ userId: owner.id, q: "_", page: 1 })).total).toBe(0);
    expect((await listPrograms({ userId: owner.id, q: "\\", page: 1 })).total).toBe(0);
  });

  it("narrows to owned or joined programs, with partner counts", async () => {
    const owned = await listPrograms({ userId: partner.id, q: "", page: 1, mine: "owned" });
    expect(owned.programs.map((p) => p.name)).toEqual(["100% Coffee", "Bright Solar"]);
    expect(owned.programs.find((p) => p.name === "Bright Solar")?.partnerCount).toBe(1);
    const joined = await listPrograms({ userId: owner.id, q: "", page: 1, mine: "joined" });
    expect(joined.programs.map((p) => p.name)).toEqual(["Bright Solar"]);
    expect((await listPrograms({ userId: partner.id, q: "", page: 1, mine: "joined" })).total).toBe(0);
  });
});

describe("creating and editing programs", () => {
  it("creates a program from the form's values", async () => {
    const owner = await createUser();
    const parsed = programInputSchema.parse({
      name: " Trail Kit ",
      description: "Gear",
      websiteUrl: "https://trail.example",
      commissionType: "FLAT",
      commissionValue: "149.99",
      cookieDays: "45",
      status: "PAUSED",
    });
    const { id } = await createProgram({ ownerId: owner.id, input: parsed });
    const stored = await db.program.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ name: "Trail Kit", ownerId: owner.id, commissionType: "FLAT", commissionValue: 14999, cookieDays: 45, status: "PAUSED" });
  });

  it("lets the owner edit, and gives anyone else a 404 that changes nothing", async () => {
    const owner = await createUser();
    const stranger = await createUser();
    const { id } = await createProgram({ ownerId: owner.id, input: input({ name: "Original" }) });

    await expect(updateProgram({ id, ownerId: stranger.id, input: input({ name: "Hijacked" }) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getEditableProgram({ id, ownerId: stranger.id })).toBeNull();
    expect((await db.program.findUniqueOrThrow({ where: { id } })).name).toBe("Original");

    await updateProgram({ id, ownerId: owner.id, input: input({ name: "Renamed", commissionValue: 2500 }) });
    expect(await getEditableProgram({ id, ownerId: owner.id })).toMatchObject({ name: "Renamed", commissionValue: 2500 });
  });

  it("gives the same 404 for a program that does not exist", async () => {
    const owner = await createUser();
    await expect(updateProgram({ id: "missing", ownerId: owner.id, input: input() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("joining and leaving", () => {
  it("joins once, shows the partner, and leaves", async () => {
    const owner = await createUser({ name: "Olga Owner" });
    const member = await createUser({ name: "Pat Partner" });
    const { id } = await createProgram({ ownerId: owner.id, input: input() });

    await joinProgram({ programId: id, userId: member.id });
    await joinProgram({ programId: id, userId: member.id });
    const detail = await getProgram({ id, viewerId: member.id });
    expect(detail).toMatchObject({ isOwner: false, isPartner: true, owner: { name: "Olga Owner" } });
    expect(detail?.partners.map((p) => p.name)).toEqual(["Pat Partner"]);

    await leaveProgram({ programId: id, userId: member.id });
    expect(await getProgram({ id, viewerId: member.id })).toMatchObject({ isPartner: false, partners: [] });
  });

  it("refuses the owner and a paused program", async () => {
    const owner = await createUser();
    const member = await createUser();
    const active = await createProgram({ ownerId: owner.id, input: input() });
    const paused = await createProgram({ ownerId: owner.id, input: input({ status: "PAUSED" }) });
    await expect(joinProgram({ programId: active.id, userId: owner.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(joinProgram({ programId: paused.id, userId: member.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(joinProgram({ programId: "missing", userId: member.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.programMember.count({ where: { programId: { in: [active.id, paused.id] } } })).toBe(0);
  });

  it("returns null for a program that does not exist", async () => {
    const viewer = await createUser();
    expect(await getProgram({ id: "missing", viewerId: viewer.id })).toBeNull();
  });
});
