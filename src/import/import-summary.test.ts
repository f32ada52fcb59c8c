// The import summary counts what a clerk needs to follow up: documents read with warnings, and
// documents read but holding no meeting, which are refused with the parser's reason, not stored.
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { test } from "node:test";
import { parseBytes } from "../pipeline/parse-file";
import { openSqlite } from "../store/sqlite/index";
import { seedFiles } from "../testing/shared";
import { formatSummary, importPaths } from "./import-paths";

test("import counts documents read with warnings and refuses, with a reason, documents with no meeting", async () => {
  const dir = mkdtempSync(join(tmpdir(), "minutebook-summary-"));
  try {
    const papers = join(dir, "papers");
    mkdirSync(papers);
    const [a, b] = seedFiles();
    copyFileSync(a, join(papers, "a.txt"));
    // Not valid UTF-8: read as Windows-1252 with a warning, its meetings still found.
    writeFileSync(join(papers, "b-cp1252.txt"), Buffer.concat([readFileSync(b), Buffer.from([0x0a, 0x92, 0x0a])]));
    writeFileSync(
      join(papers, "newsletter.txt"),
      "Village newsletter\n\nThe summer fete raised £400 for the church roof.\n",
    );
    writeFileSync(join(papers, "broken.pdf"), "%PDF-1.4\nnot really a PDF\n");
    const aWarns = (await parseBytes("a.txt", readFileSync(a))).diagnostics.some((d) => d.level !== "info");
    const repo = await openSqlite({ file: join(dir, "store.db") });
    try {
      const s = await importPaths(repo, [papers]);
      assert.equal(s.documents.new, 2);
      assert.equal(s.documents.failed, 1);
      assert.deepEqual(
        s.noMeeting.map((f) => basename(f.file)),
        ["newsletter.txt"],
      );
      assert.ok(s.noMeeting[0].reason.length > 0);
      assert.equal(s.readWithWarnings, 1 + (aWarns ? 1 : 0));
      // The refused document is not stored.
      const docs = (await repo.tableCounts()).documents;
      assert.equal(docs, 2);
      const text = formatSummary(s);
      assert.match(text, /1 with no meeting found/);
      assert.match(text, new RegExp(`documents read with warnings: ${s.readWithWarnings}`));
      assert.match(text, /no meeting found: .*newsletter\.txt: \S/);
      // Each document read with warnings is named with its reason.
      assert.equal(s.warned.length, s.readWithWarnings);
      assert.match(text, /read with warnings: .*b-cp1252\.txt: \S/);
      // A second run refuses it again (it was never stored) and leaves the rest unchanged.
      const again = await importPaths(repo, [papers]);
      assert.equal(again.documents.unchanged, 2);
      assert.equal(again.noMeeting.length, 1);
    } finally {
      await repo.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
