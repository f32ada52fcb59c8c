/**
 * Test support for the portal: a real SQLite store in a temporary folder with the shared seed
 * documents parsed and imported through the store's own import API (no mocks, no copied text).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseFile } from "../pipeline/parse-file";
import { openRepository } from "../store/open";
import type { Repository } from "../store/repository";
import { seedFiles } from "../testing/shared";

export type SeededStore = { repo: Repository; file: string; close(): Promise<void> };

export async function seededStore(): Promise<SeededStore> {
  const dir = mkdtempSync(join(tmpdir(), "minutebook-serve-"));
  const file = join(dir, "minutebook.db");
  const repo = await openRepository({ kind: "sqlite", file });
  for (const path of seedFiles()) await repo.importDocument(await parseFile(path), { path });
  return {
    repo,
    file,
    close: async () => {
      await repo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
