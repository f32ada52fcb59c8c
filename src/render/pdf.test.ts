// The PDF backend's page layout: documents drawn one after another in one document start where a document
// of their own would (each on an odd page, blank pages between, the same page count as measured), and a
// heading is never left alone at the foot of a page (keep-with-next), wherever the page break falls.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { type Block, gap, heading, line } from "./blocks";
import { drawPartsPdf, pdfMeasurer } from "./pdf";

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), "minutebook-pdf-"));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function pagesOf(bytes: Uint8Array): string[] {
  const file = join(dir, "x.pdf");
  writeFileSync(file, bytes);
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).split("\f").slice(0, -1);
}

const filler = (n: number): Block[] =>
  Array.from({ length: n }, (_, i) => line(`${i + 1}. A line of the report's background, short enough for one line.`));

test("a heading is kept with the first line after it, wherever the page break falls", async () => {
  // 40 to 60 lines before the heading move it across the foot of the first page, one line at a time.
  const parts = Array.from({ length: 21 }, (_, k) => ({
    blocks: [
      ...filler(40 + k),
      gap(),
      heading("Appendices"),
      gap(),
      line("Appendix A - Site plan"),
      line("Appendix B - Valuation"),
    ],
  }));
  const drawn = drawPartsPdf(parts, { title: "keep with next" });
  const pages = pagesOf(await drawn.finish(() => null));
  const orphans: number[] = [];
  parts.forEach((_, i) => {
    const at = (re: RegExp) => pages.findIndex((p, n) => n + 1 >= drawn.starts[i] && re.test(p));
    if (at(/^\s*Appendices\s*$/m) !== at(/Appendix A - Site plan/)) orphans.push(40 + i);
  });
  assert.deepEqual(orphans, [], "lines before the heading when it was left at the foot of a page");
  assert.ok(
    drawn.counts.some((c) => c === 2),
    "some of the documents do break across pages",
  );
});

test("documents drawn in one PDF start on odd pages and fill what each measures alone", async () => {
  const measure = pdfMeasurer();
  const parts = [filler(10), filler(70), filler(130), filler(5)].map((blocks) => ({ blocks, stamp: "Agenda Item 4" }));
  const drawn = drawPartsPdf(parts, { title: "parts", oddStarts: true });
  assert.deepEqual(
    drawn.counts,
    parts.map((p) => measure(p.blocks)),
  );
  for (const s of drawn.starts) assert.equal(s % 2, 1, `a document starts on page ${s}`);
  const pages = pagesOf(await drawn.finish((n) => `Page ${n} of ${drawn.pageCount}`));
  assert.equal(pages.length, drawn.pageCount);
  for (const [i, s] of drawn.starts.entries()) {
    assert.match(pages[s - 1], /Agenda Item 4/);
    assert.match(pages[s - 1], new RegExp(`Page ${s} of ${drawn.pageCount}`));
    if (i > 0 && drawn.starts[i - 1] + drawn.counts[i - 1] < s)
      assert.match(pages[s - 2], /intentionally left blank/i, `the page before document ${i + 1} is blank`);
  }
});
