// The pack, read back: a public and a confidential pack of a made-up Cabinet meeting (a public report, a
// report with an exempt appendix, a wholly exempt report) are built; `qpdf --check` passes on both; the
// public pack is read by Minutebook's own PDF reader and parser and scored by ../shared/eval/score.mjs
// against the records it was made from (≥ 0.95); the page map is the same in the printed agenda, the
// parsed agenda and the bookmarks; the public pack holds no exempt text and the confidential one does.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { exemptTexts } from "../office/reports";
import { parseBytesWithText } from "../pipeline/parse-file";
import { sharedPath } from "../testing/shared";
import { SAMPLE_MEETING, sampleAgenda, sampleReport } from "./fixtures";
import { type BuiltPack, buildPack, readOutline, watermark } from "./pack";

const reports = [sampleReport(0), sampleReport(1, { exemptAppendix: true }), sampleReport(2, { wholeExempt: true })];
const items = sampleAgenda(reports);
const byId = new Map(reports.map((r, i) => [i + 1, r]));
let dir: string;
let pub: BuiltPack;
let conf: BuiltPack;

const squash = (s: string) => s.replace(/\s+/g, " ").toLowerCase();

function qpdfCheck(bytes: Uint8Array, name: string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return execFileSync("qpdf", ["--check", file], { encoding: "utf8" });
}

describe("the agenda pack", () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "minutebook-pack-"));
    pub = await buildPack({ meeting: SAMPLE_MEETING, items, reports: byId, audience: "public" });
    conf = await buildPack({ meeting: SAMPLE_MEETING, items, reports: byId, audience: "confidential" });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("qpdf --check passes on the public and the confidential pack", () => {
    assert.match(qpdfCheck(pub.bytes, "public.pdf"), /No syntax or stream encoding errors/);
    assert.match(qpdfCheck(conf.bytes, "confidential.pdf"), /No syntax or stream encoding errors/);
  });

  test("read back by Minutebook's reader and parser, the public pack scores at least 0.95 against its records", async () => {
    const { result } = await parseBytesWithText("pack.pdf", pub.bytes);
    const gold = join(dir, "gold");
    const out = join(dir, "out");
    for (const d of [gold, out]) execFileSync("mkdir", ["-p", d]);
    writeFileSync(join(gold, "pack.json"), JSON.stringify({ file: "pack.pdf", meetings: [pub.record] }));
    writeFileSync(join(out, "pack.json"), JSON.stringify(result));
    const scored = JSON.parse(
      execFileSync(process.execPath, [sharedPath("eval", "score.mjs"), "--gold", gold, "--out", out, "--json"], {
        encoding: "utf8",
      }),
    ) as { score: number; categories: { category: string; f1: number }[] };
    assert.ok(scored.score >= 0.95, `score ${scored.score}: ${JSON.stringify(scored.categories)}`);
    // Every category the pack states is read back, the page ranges among them.
    const cats = new Map(scored.categories.map((c) => [c.category, c.f1]));
    for (const c of ["header", "membership", "agenda", "agendaFields", "reports", "recommendations", "officers"])
      assert.ok((cats.get(c) ?? 0) >= 0.95, `${c}: ${cats.get(c)}`);
  });

  test("one page map: the printed ranges, the parsed ranges and the bookmarks agree with the real pages", async () => {
    const { result, lines } = await parseBytesWithText("pack.pdf", pub.bytes);
    const parsed = new Map(result.meetings[0].agenda.map((a) => [a.number, a.pages]));
    for (const e of pub.pageMap) assert.deepEqual(parsed.get(e.number) ?? null, e.pages, `item ${e.number}`);
    const withPages = pub.pageMap.filter((e) => e.pages);
    assert.equal(withPages.length, 3);
    const outline = await readOutline(pub.bytes);
    for (const e of withPages) {
      const mark = outline.find((o) => o.title === e.bookmark);
      assert.ok(mark, `bookmark for ${e.number}`);
      assert.equal(mark.page, e.pages!.start);
    }
    assert.deepEqual(
      outline.filter((o) => o.depth === 1).map((o) => o.title),
      [
        "Appendix A - Consultation responses",
        "Appendix A - Consultation responses",
        "Appendix B - Commercial valuation",
        "Appendix A - Post holders and terms",
      ],
    );
    // Every page is numbered "Page n of N" (the reader drops page furniture, so poppler reads the footers).
    const file = join(dir, "numbers.pdf");
    writeFileSync(file, pub.bytes);
    const pages = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).split("\f");
    for (let n = 1; n <= pub.pageCount; n++) assert.match(pages[n - 1], new RegExp(`Page ${n} of ${pub.pageCount}`));
    assert.ok(lines);
    for (const e of withPages) {
      const page = result.meetings[0].reports.find((r) => r.agendaItem === e.number)?.span.page;
      assert.equal(page, e.pages!.start, `report ${e.number} starts on its first page`);
    }
  });

  test("the public pack holds no exempt text; the confidential pack holds all of it", async () => {
    const secrets = reports.flatMap(exemptTexts);
    assert.ok(secrets.length >= 5);
    const pubText = squash((await parseBytesWithText("p.pdf", pub.bytes)).lines?.join(" ") ?? "");
    const confText = squash((await parseBytesWithText("c.pdf", conf.bytes)).lines?.join(" ") ?? "");
    for (const s of secrets) {
      const probe = squash(s).slice(0, 60);
      assert.ok(!pubText.includes(probe), `public pack leaks: ${probe}`);
      assert.ok(confText.includes(probe), `confidential pack lacks: ${probe}`);
    }
    assert.ok(!pubText.includes("wheatsheaf"));
    // The public notice names the paragraph; the confidential pages carry the marking.
    assert.match(pubText, /not for publication by virtue of paragraph 3 of part 1 of schedule 12a/);
    assert.match(confText, /confidential - not for publication/);
    assert.ok(conf.pageCount >= pub.pageCount);
  });

  test("a per-viewer watermark keeps the PDF valid", async () => {
    const marked = await watermark(conf.bytes, "Supplied to Cllr A. Archer on 2027-03-10 10:00");
    assert.match(qpdfCheck(marked, "marked.pdf"), /No syntax or stream encoding errors/);
    const file = join(dir, "marked-text.pdf");
    writeFileSync(file, marked);
    assert.match(execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }), /Supplied to Cllr A. Archer/);
  });
});
