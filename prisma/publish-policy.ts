/**
 * `npm run consent:publish -- <policy.json>`: publishes a new version of the usage-sharing policy — the text of the
 * confirmation dialog — until the admin UI does this. The file holds `{ summary, collected[], notCollected[],
 * retentionDays }` (see lib/consent/policy-content.ts). Everyone who agreed to an older version counts as not
 * consenting until they confirm the new one, so the script asks before publishing unless `--yes` is given.
 *
 * Runs with `--conditions=react-server` (see package.json) so it can share lib/consent/publish-policy.ts with the app.
 * With the embedded database, stop the server first: PGlite allows one process per data directory.
 */
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline/promises";
import { createPrismaClient } from "../lib/db/client";
import { publishPolicy } from "../lib/consent/publish-policy";
import { toAppError } from "../lib/errors";

const args = process.argv.slice(2);
const file = args.find((arg) => !arg.startsWith("--"));
if (!file) {
  console.error("Usage: npm run consent:publish -- <policy.json> [--yes]");
  process.exit(1);
}

let content: unknown;
try {
  content = JSON.parse(readFileSync(file, "utf8"));
} catch (error) {
  console.error(`✖ Cannot read ${file} as JSON: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

if (!args.includes("--yes")) {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await prompt.question("Publishing pauses usage sharing for everyone until they confirm the new text. Publish? [y/N] ");
  prompt.close();
  if (!/^y(es)?$/i.test(answer.trim())) {
    console.log("Nothing published.");
    process.exit(0);
  }
}

// lib/db picks its client up from here, as in the integration tests; this process owns and closes it.
const { client, close } = createPrismaClient();
(globalThis as unknown as { candorDb?: typeof client }).candorDb = client;
try {
  const policy = await publishPolicy({ content, actorId: null });
  console.log(`✓ Published consent policy version ${policy.version} (sha256 ${policy.sha256}).`);
} catch (error) {
  const appError = toAppError(error);
  const fields = appError.fields ? ` ${JSON.stringify(appError.fields)}` : "";
  console.error(`✖ ${appError.code === "INTERNAL" && error instanceof Error ? error.message : appError.message}${fields}`);
  process.exitCode = 1;
} finally {
  await close();
}
