/**
 * Demo data for a fresh database: one user per role, a few more members, affiliate programs with members and
 * commission settings, and message threads between members. Runs on an empty database only (idempotent).
 * `npm run db:seed` runs it by hand; `prisma/setup.ts` runs it on first start.
 */
import { pathToFileURL } from "node:url";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { hashPassword } from "../lib/auth/password";
import { createPrismaClient } from "../lib/db/client";
import { publishDefaultPolicy } from "../lib/consent/default-policy";
import { DEMO_PASSWORD, DEMO_USERS } from "./demo-accounts";
import { seedDemoUsage } from "./seed-demo-usage";

const PROGRAMS = [
  { name: "Northwind Outdoor Gear", description: "Tents, packs and trail kit for weekend adventurers.", websiteUrl: "https://northwind.example", commissionType: "PERCENT", commissionValue: 1200, cookieDays: 30, owner: 0, members: [4, 5, 6] },
  { name: "Brightside Solar", description: "Home solar installations with a referral bonus per signed contract.", websiteUrl: "https://brightside.example", commissionType: "FLAT", commissionValue: 15000, cookieDays: 60, owner: 4, members: [0, 5, 7] },
  { name: "Pagecraft Templates", description: "Website templates for small businesses.", websiteUrl: "https://pagecraft.example", commissionType: "PERCENT", commissionValue: 3000, cookieDays: 90, owner: 5, members: [0, 4] },
  { name: "Fernhill Coffee Club", description: "Monthly coffee subscriptions from small roasters.", websiteUrl: "https://fernhill.example", commissionType: "PERCENT", commissionValue: 800, cookieDays: 14, owner: 6, members: [0, 7, 4, 5] },
  { name: "Ledgerly Bookkeeping", description: "Bookkeeping software for freelancers.", websiteUrl: "https://ledgerly.example", commissionType: "FLAT", commissionValue: 4000, cookieDays: 45, owner: 7, members: [6], status: "PAUSED" },
  { name: "Tandem Language Lessons", description: "One-to-one online language tutoring.", websiteUrl: "https://tandem-lessons.example", commissionType: "PERCENT", commissionValue: 1500, cookieDays: 30, owner: 0, members: [] },
] as const;

const THREADS = [
  { subject: "Northwind spring campaign", people: [0, 4], messages: [[4, "Hi Mia — are you running the spring promo on your blog this year?"], [0, "Yes! I'll publish the gear guide next Tuesday."], [4, "Great, I'll send you the new banner sizes."]] },
  { subject: "Brightside payout question", people: [0, 5], messages: [[0, "Did the March referral bonus go out already?"], [5, "It's scheduled for the 5th — you should see it then."]] },
  { subject: "Co-marketing idea", people: [4, 6], messages: [[6, "Want to bundle Fernhill with Northwind for a camping coffee kit?"]] },
] as const;

/** Seeds an empty database; returns false (and changes nothing) when there are users already. */
export async function seed(db: PrismaClient): Promise<boolean> {
  await publishDefaultPolicy(db);
  if ((await db.user.count()) > 0) return false;

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const users: { id: string }[] = [];
  for (const user of DEMO_USERS) users.push(await db.user.create({ data: { ...user, passwordHash } }));

  for (const [index, program] of PROGRAMS.entries()) {
    const { owner, members, ...fields } = program;
    await db.program.create({
      data: {
        ...fields,
        ownerId: users[owner].id,
        createdAt: new Date(Date.now() - (PROGRAMS.length - index) * 9 * 24 * 3600 * 1000),
        members: { create: members.map((member) => ({ userId: users[member].id })) },
      },
    });
  }

  for (const [threadIndex, thread] of THREADS.entries()) {
    const start = Date.now() - (THREADS.length - threadIndex) * 24 * 3600 * 1000;
    await db.thread.create({
      data: {
        subject: thread.subject,
        createdAt: new Date(start),
        lastMessageAt: new Date(start + thread.messages.length * 60_000),
        participants: { create: thread.people.map((person) => ({ userId: users[person].id })) },
        messages: {
          create: thread.messages.map(([author, body], i) => ({ authorId: users[author].id, body, createdAt: new Date(start + (i + 1) * 60_000) })),
        },
      },
    });
  }

  // Demo data: anonymous usage events from made-up visitors, so /insights has charts to show.
  await seedDemoUsage(db);
  return true;
}

export function printDemoSignIns() {
  console.log(`\n  Demo sign-ins (password for all: ${DEMO_PASSWORD})`);
  for (const user of DEMO_USERS.slice(0, 4)) console.log(`    ${user.role.padEnd(8)} ${user.email}`);
  console.log("");
}

// `npm run db:seed`
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { client, close } = createPrismaClient();
  seed(client)
    .then((seeded) => {
      console.log(seeded ? "✓ Demo data seeded" : "Database already has users; nothing seeded.");
      printDemoSignIns();
    })
    .finally(close);
}
