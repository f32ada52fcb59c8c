/**
 * Test and benchmark access to ../shared (seeds, corpus, gold). The real documents are read from
 * there, never copied into the project.
 */
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const sharedDir = process.env.MINUTEBOOK_SHARED ?? resolve(repoRoot, "../shared");

export function sharedPath(...parts: string[]): string {
  const p = join(sharedDir, ...parts);
  if (!existsSync(p))
    throw new Error(`${p} is missing: tests read the shared documents from ../shared beside the project`);
  return p;
}

export function seedFiles(): string[] {
  const dir = sharedPath("seeds");
  return readdirSync(dir)
    .filter((f) => !f.startsWith("."))
    .sort()
    .map((f) => join(dir, f));
}

/** PostgreSQL for tests: MINUTEBOOK_TEST_PG_URL, required under CI so the PostgreSQL suite can never be skipped there. */
export function testPostgresUrl(): string | null {
  const url = process.env.MINUTEBOOK_TEST_PG_URL ?? null;
  if (!url && process.env.CI)
    throw new Error("MINUTEBOOK_TEST_PG_URL is not set under CI: .ci/run must start PostgreSQL");
  return url;
}
