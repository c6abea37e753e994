import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A secret read from the environment; in development (and tests) generated once and kept under `.data/`
 * so the first `npm run dev` needs no configuration. In production a missing secret is a start-up error.
 */
export class MissingSecretError extends Error {}

const SECRETS_DIR = ".data/secrets";

export function loadSecret(envName: string, hint: string): string {
  const fromEnv = process.env[envName]?.trim();
  if (fromEnv) return fromEnv;
  if (process.env.NODE_ENV === "production") {
    throw new MissingSecretError(`${envName} is not set. ${hint}`);
  }
  const file = path.resolve(/*turbopackIgnore: true*/ SECRETS_DIR, envName.toLowerCase());
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    const value = randomBytes(32).toString("base64url");
    try {
      writeFileSync(file, value, { mode: 0o600, flag: "wx" });
      return value;
    } catch {
      return readFileSync(file, "utf8").trim(); // another process wrote it first
    }
  }
}

export const authSecret = () =>
  loadSecret("NEXTAUTH_SECRET", "Generate one with `openssl rand -base64 32` and set it in the environment.");
