// Files that are not council papers are refused on import with their kind, and never stored: a
// generator's truth.json, a list of sources, a CSV of data, an annual return of accounts (made up here,
// and the real one in ../shared), while an agenda pack that lists the annual return as an item is read.
import assert from "node:assert/strict";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { test } from "node:test";
import { packFor } from "../parse/exempt/fixtures";
import { renderAgendaPack } from "../render/index";
import { openSqlite } from "../store/sqlite/index";
import { sharedPath } from "../testing/shared";
import { formatSummary, importPaths } from "./import-paths";
import { nonPaperReason } from "./non-paper";

const lines = (t: string) => t.split("\n");

const ANNUAL_RETURN = [
  "Local Councils and other Smaller Authorities in England",
  "Annual Governance and Accountability Return 2030/31",
  "Section 1 - Annual Governance Statement 2030/31",
  "We acknowledge as the members of Eastmarch Parish Council our responsibility for ensuring that there is",
  "a sound system of internal control, including arrangements for the preparation of the Accounting Statements.",
  "Section 2 - Accounting Statements 2030/31 for Eastmarch Parish Council",
  "1. Balances brought forward 12,400 13,100",
  "2. (+) Precept or Rates and Levies 18,000 19,500",
].join("\n");

test("kinds that are not papers are named; papers are not", () => {
  const truth = JSON.stringify({ meetings: [{ body: "Cabinet", minutes: [{ title: "Agenda" }] }] });
  assert.match(nonPaperReason("truth.json", "text", truth, lines(truth)) ?? "", /JSON data file/);
  const csv = "date,committee,item\n2031-01-01,Cabinet,Budget\n2031-02-01,Cabinet,Roads\n2031-03-01,Council,Tax\n";
  assert.match(nonPaperReason("items.csv", "text", csv, lines(csv)) ?? "", /table of data/);
  const sources = Array.from({ length: 12 }, (_, i) => `- Minutes ${i}: https://example.org/papers/${i}.pdf`).join(
    "\n",
  );
  assert.match(nonPaperReason("SOURCES.md", "markdown", sources, lines(sources)) ?? "", /list of links or sources/);
  assert.match(nonPaperReason("return.txt", "text", ANNUAL_RETURN, lines(ANNUAL_RETURN)) ?? "", /financial return/);
  // An agenda pack whose item is the annual return is a paper.
  const pack = `EASTMARCH PARISH COUNCIL\nNotice of meeting\nAGENDA\n1. Apologies\n2. To approve the Annual Governance and Accountability Return 2030/31\n`;
  assert.equal(nonPaperReason("agenda.txt", "text", pack, lines(pack)), null);
  const { meeting, previous } = packFor(0);
  const text = renderAgendaPack(meeting, previous).text;
  assert.equal(nonPaperReason("pack.txt", "text", text, lines(text)), null);
});

test("import refuses files that are not papers, naming each, and stores none of them", async () => {
  const dir = mkdtempSync(join(tmpdir(), "minutebook-nonpaper-"));
  try {
    const folder = join(dir, "demo");
    mkdirSync(folder);
    const { meeting, previous } = packFor(1);
    writeFileSync(join(folder, "pack.txt"), renderAgendaPack(meeting, previous).text);
    writeFileSync(
      join(folder, "truth.json"),
      JSON.stringify({ meetings: [{ body: "Cabinet", date: "2031-01-01", minutes: [{ title: "Exempt" }] }] }),
    );
    writeFileSync(
      join(folder, "items.csv"),
      "date,committee,item\n2031-01-01,Cabinet,Budget\n2031-02-01,Cabinet,Roads\n",
    );
    writeFileSync(join(folder, "annual-return.txt"), ANNUAL_RETURN);
    const real = sharedPath("corpus", "parish-more", "milburn_pc_2016-17_annual_return_accounts.pdf");
    if (existsSync(real)) copyFileSync(real, join(folder, "annual-return.pdf"));
    const repo = await openSqlite({ file: join(dir, "store.db") });
    try {
      const s = await importPaths(repo, [folder]);
      assert.equal(s.documents.new, 1);
      const refused = Object.fromEntries(s.notPapers.map((f) => [basename(f.file), f.reason]));
      assert.match(refused["truth.json"] ?? "", /JSON data file/);
      assert.match(refused["annual-return.txt"] ?? "", /financial return/);
      if (existsSync(real)) assert.match(refused["annual-return.pdf"] ?? "", /financial return/);
      // The CSV is refused either as data or as holding no meeting; it is never stored.
      assert.ok(refused["items.csv"] || s.noMeeting.some((f) => basename(f.file) === "items.csv"));
      assert.equal((await repo.tableCounts()).documents, 1);
      assert.deepEqual(
        (await repo.listDocuments()).items.map((d) => d.name),
        ["pack.txt"],
      );
      assert.match(formatSummary(s), /refused: .*truth\.json: a JSON data file, not a council paper/);
    } finally {
      await repo.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an index of files and a README with code are not papers, whatever they are called", () => {
  // Made up here in the shape of a SOURCES/MANIFEST table; the real ../shared/corpus/SOURCES.md too.
  const index = [
    "# What is in this folder",
    "",
    "| file | where from | what it is |",
    "|---|---|---|",
    ...Array.from(
      { length: 10 },
      (_, i) => `| \`eastmarch_cabinet_2031-0${i}_minutes.pdf\` | archive/eastmarch | minutes of meeting ${i} |`,
    ),
  ].join("\n");
  assert.match(nonPaperReason("notes.md", "markdown", index, lines(index)) ?? "", /list of files/);
  const corpusIndex = sharedPath("corpus", "SOURCES.md");
  const text = readFileSync(corpusIndex, "utf8");
  assert.match(nonPaperReason(basename(corpusIndex), "markdown", text, lines(text)) ?? "", /list of files/);
  const readme = "# Installing\n\nRun:\n\n```\nnpm ci\n```\n\nThen:\n\n```\nnpm start\n```\n";
  assert.match(nonPaperReason("GUIDE.md", "markdown", readme, lines(readme)) ?? "", /documentation/);
  // Minutes that name a background paper or two are papers.
  const minutes = `MINUTES OF THE MEETING OF EASTMARCH PARISH COUNCIL\nPresent: Cllr A. Smith\n1. Apologies\nNone.\n2. Planning\nThe report (planning.pdf) was noted; see also plan.pdf.\n`;
  assert.equal(nonPaperReason("minutes.md", "markdown", minutes, lines(minutes)), null);
});
