// The PDF reader on real corpus PDFs (lines, pages, bold, cells, furniture, fidelity against
// poppler's pdftotext) and on broken or hostile PDFs made at test time (each a clear ReadError).
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import PDFDocument from "pdfkit";
import type { Line, SourceDocument } from "../../model/document";
import { validateParseResult } from "../../model/parse-v1";
import { repoRoot, sharedPath } from "../../testing/shared";
import { DEFAULT_LIMITS, type Limits, ReadError } from "../registry";
import { pdfReader } from "./reader";

const kent = (f: string) => sharedPath("corpus", "kent", f);
const merton = () => sharedPath("corpus", "merton", "merton_audit_committee_2009-10-22_agenda_pack.pdf");
const corpusPdfs = () => [
  ...readdirSync(sharedPath("corpus", "kent"))
    .filter((f) => f.endsWith(".pdf"))
    .map((f) => kent(f)),
  merton(),
];

async function readPdf(name: string, bytes: Uint8Array, limits: Partial<Limits> = {}): Promise<SourceDocument> {
  const out = await pdfReader.read({ name, bytes, sha256: "0".repeat(64), limits: { ...DEFAULT_LIMITS, ...limits } });
  assert.equal(out.kind, "lines");
  if (out.kind !== "lines") throw new Error("unreachable");
  return out.doc;
}
const readFile = (path: string) => readPdf(path.split("/").pop()!, readFileSync(path));

const find = (doc: SourceDocument, re: RegExp): Line => {
  const l = doc.lines.find((x) => re.test(x.text));
  assert.ok(l, `no line matches ${re}`);
  return l;
};
const before = (doc: SourceDocument, l: Line) => doc.lines[l.n - 2];
const after = (doc: SourceDocument, l: Line) => doc.lines[l.n];

async function makePdf(opts: PDFKit.PDFDocumentOptions, draw: (d: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const d = new PDFDocument(opts);
  const chunks: Buffer[] = [];
  d.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => d.on("end", () => resolve(Buffer.concat(chunks))));
  draw(d);
  d.end();
  return done;
}

async function rejects(p: Promise<unknown>, file: string, problem: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof ReadError, `expected a ReadError, got ${String(e)}`);
    assert.equal(e.file, file);
    assert.match(e.message, problem);
    assert.ok(e.message.startsWith(`${file}: `));
    return true;
  });
}

test("Kent printed minutes: lines in reading order with physical pages, page numbers removed and recorded", async () => {
  const doc = await readFile(kent("kent_cabinet_2025-01-30_printed_minutes.pdf"));
  assert.equal(doc.format, "pdf");
  assert.equal(doc.pageCount, 17);
  // The page number is drawn first in each page's content stream; reading order is by position.
  assert.equal(doc.lines[0].text, "KENT COUNTY COUNCIL");
  assert.equal(doc.lines[0].page, 1);
  // Line numbers are 1..n, pages never go backwards, every page with text is present.
  for (const [i, l] of doc.lines.entries()) assert.equal(l.n, i + 1);
  for (let i = 1; i < doc.lines.length; i++) assert.ok(doc.lines[i].page! >= doc.lines[i - 1].page!);
  assert.deepEqual(
    [...new Set(doc.lines.map((l) => l.page))],
    Array.from({ length: 17 }, (_, i) => i + 1),
  );
  // Page numbers: not in the text, recorded per page with the printed number.
  const numbers = doc.furniture.filter((f) => f.kind === "page-number");
  assert.deepEqual(
    numbers.map((f) => [f.page, f.text, f.printed]),
    Array.from({ length: 17 }, (_, i) => [i + 1, String(i + 1), i + 1]),
  );
  assert.ok(!doc.lines.some((l) => /^\d{1,2}$/.test(l.text.trim())), "a bare page number was left in the text");
  // A sentence that runs from page 1 onto page 2 is not broken by a blank line.
  const end1 = find(doc, /Services at Seashells and Millmead Family Hubs\. At that meeting,$/);
  assert.equal(end1.page, 1);
  assert.match(after(doc, end1).text, /^Members agreed to refer the decision to full Council/);
  assert.equal(after(doc, end1).page, 2);
});

test("Kent printed minutes: bold minute headings, large-font heading, blank lines between paragraphs", async () => {
  const doc = await readFile(kent("kent_cabinet_2025-01-30_printed_minutes.pdf"));
  const cabinet = find(doc, /^CABINET$/);
  assert.equal(cabinet.heading, true); // 15 pt against 12 pt body text
  const apologies = find(doc, /^84\. Apologies$/); // number and title set apart by a tab stop: one line, no cells
  assert.equal(apologies.bold, true);
  assert.equal(apologies.cells, undefined);
  assert.equal(after(doc, apologies).text, "(Item 1)");
  assert.notEqual(after(doc, apologies).bold, true); // italic, not bold
  assert.equal(before(doc, apologies).text, "");
  const present = find(doc, /^PRESENT: Mr R W Gough \(Chairman\)/);
  assert.notEqual(present.bold, true);
  assert.equal(before(doc, present).text, "");
  assert.match(after(doc, present).text, /^Mr R C Love, OBE/); // same paragraph: no blank line
  for (const n of ["84", "85", "86", "87", "88", "89", "90", "91", "92"]) {
    const h = find(doc, new RegExp(`^${n}\\. `));
    assert.equal(h.bold, true, `minute ${n} heading should be bold`);
  }
  // No two blank lines in a row, none first or last.
  for (let i = 1; i < doc.lines.length; i++) assert.ok(doc.lines[i].text !== "" || doc.lines[i - 1].text !== "");
  assert.notEqual(doc.lines[0].text, "");
  assert.notEqual(doc.lines[doc.lines.length - 1].text, "");
});

test("Merton agenda pack: printed pack numbers, running footer and header, blank page, agenda cells", async () => {
  const doc = await readFile(merton());
  assert.equal(doc.pageCount, 8);
  // The pack's own numbering (bottom of pages 3-8) is the printed page number; the minutes' own
  // numbering ("1", "2" above the footer) is recorded as a page number without `printed`.
  const printed = doc.furniture.filter((f) => f.printed !== undefined).map((f) => [f.page, f.printed]);
  assert.deepEqual(printed, [
    [3, 3],
    [4, 4],
    [5, 5],
    [6, 6],
    [7, 7],
    [8, 8],
  ]);
  assert.ok(doc.furniture.some((f) => f.page === 3 && f.kind === "page-number" && f.text === "1" && !f.printed));
  const footers = doc.furniture.filter((f) => f.kind === "footer" && f.text.startsWith("All minutes are draft"));
  assert.deepEqual(
    footers.map((f) => f.page),
    [3, 4, 5, 6, 7],
  );
  assert.ok(!doc.lines.some((l) => l.text.includes("All minutes are draft")));
  // The minutes' title block is kept where it first appears and removed where it repeats.
  const title = find(doc, /^AUDIT COMMITTEE$/);
  assert.equal(title.page, 3);
  assert.match(after(doc, title).text, /^24 SEPTEMBER 2009$/);
  assert.ok(doc.furniture.some((f) => f.page === 4 && f.kind === "header" && f.text === "AUDIT COMMITTEE"));
  // A heading cut by the page break continues on the next page without the running header between.
  const cut = find(doc, /^4 AUDITED FINAL ACCOUNTS 2008\/09 AND USE OF RESOURCES$/);
  assert.equal(after(doc, cut).text, "JUDGEMENT (Agenda item 4)");
  assert.equal(after(doc, cut).page, 4);
  // Page 8 says it is intentionally blank.
  assert.deepEqual(
    doc.furniture.filter((f) => f.kind === "blank-page").map((f) => f.page),
    [8],
  );
  assert.ok(!doc.lines.some((l) => l.page === 8));
  // Agenda rows: title and page number in separate cells.
  assert.deepEqual(find(doc, /^4\. Annual complaints report/).cells, ["4. Annual complaints report", "9"]);
  assert.deepEqual(find(doc, /^7\. Final Accounts Memorandum/).cells, ["7. Final Accounts Memorandum 2008/09", "155"]);
  // Bold questions in the joint session note, plain answers.
  assert.equal(find(doc, /^What would be the effect on the Accounts/).bold, true);
  assert.notEqual(find(doc, /^There would be no net effect/).bold, true);
});

test("Kent questions pack: 'Agenda Item' stamp, 'Page N' footers map printed to physical pages, blank pages", async () => {
  const doc = await readFile(kent("kent_county_council_2025-03-13_questions_and_answers.pdf"));
  assert.ok(doc.furniture.some((f) => f.page === 3 && f.kind === "stamp" && f.text === "Agenda Item 6"));
  assert.ok(!doc.lines.some((l) => /^Agenda Item 6$/.test(l.text)));
  const printed = doc.furniture.filter((f) => f.kind === "page-number" && f.printed !== undefined);
  assert.equal(printed.length, 17);
  for (const f of printed) assert.equal(f.printed, f.page! - 2, `${f.text} on page ${f.page}`);
  assert.deepEqual(
    doc.furniture.filter((f) => f.kind === "blank-page").map((f) => f.page),
    [2, 20],
  );
  // Text repeated at the top of several pages but varying ("Question 2", "Question 3") is content.
  assert.equal(find(doc, /^Question 2$/).page, 5);
  assert.equal(find(doc, /^Question 12$/).page, 19);
});

test("Kent supplement pack: a 'Page N' footer sharing a row with a table's last line is still furniture", async () => {
  const doc = await readFile(kent("kent_county_council_2025-01-09_item3_supplement_pack.pdf"));
  assert.ok(!doc.lines.some((l) => /\bPage \d+\b/.test(l.text) && l.cells?.some((c) => /^Page \d+$/.test(c))));
  const p15 = doc.furniture.find((f) => f.page === 15 && f.kind === "page-number");
  assert.equal(p15?.text, "Page 13");
  assert.equal(p15?.printed, 13);
  // The devolution table keeps its columns as cells.
  const header = doc.lines.filter((l) => l.cells?.join("|") === "Detail|Foundation|Mayoral|Established");
  assert.ok(header.length >= 2, "table header rows with four cells");
  assert.equal(header[0].bold, true);
});

test("Kent agenda front sheet: contact block as cells, justified member lists stay prose", async () => {
  const front = await readFile(kent("kent_cabinet_2025-01-30_agenda_frontsheet.pdf"));
  assert.deepEqual(find(front, /Ask for:/).cells, [
    "Thursday, 30th January, 2025, at 10.00 am",
    "Ask for:",
    "Georgina Little",
  ]);
  assert.match(find(front, /^3\. Minutes of the Meeting held on 9th January 2025/).text, /\(Pages 1 - 10\)$/);
  const minutes = await readFile(kent("kent_county_council_2024-12-19_minutes.pdf"));
  const present = find(minutes, /^PRESENT: Mr B J Sweetland/);
  assert.equal(present.cells, undefined);
  assert.equal(present.text, "PRESENT: Mr B J Sweetland (Chairman), Mr A M Ridgers (Vice-Chairman),");
  assert.equal(find(minutes, /^Mr M J Sole, Mr P Stepto,/).cells, undefined);
});

test("every corpus PDF: the same words on the same physical pages as poppler's pdftotext", async () => {
  const words = (s: string) =>
    s
      .normalize("NFKC")
      .split(/\s+/)
      .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
      .filter(Boolean);
  for (const file of corpusPdfs()) {
    const theirs = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).split("\f");
    const doc = await readFile(file);
    // No corpus PDF is set in two columns: tables and forms must not be mistaken for columns.
    assert.ok(!doc.diagnostics.some((d) => /two columns/.test(d.message)), `${file} read as two columns`);
    let total = 0;
    let found = 0;
    let ours = 0;
    for (let p = 1; p <= doc.pageCount!; p++) {
      const bag = new Map<string, number>();
      const texts = [
        ...doc.lines.filter((l) => l.page === p).map((l) => l.text),
        ...doc.furniture.filter((f) => f.page === p).map((f) => f.text),
      ];
      for (const w of texts.flatMap(words)) {
        bag.set(w, (bag.get(w) ?? 0) + 1);
        ours++;
      }
      for (const w of words(theirs[p - 1] ?? "")) {
        total++;
        const c = bag.get(w) ?? 0;
        if (c > 0) {
          found++;
          bag.set(w, c - 1);
        }
      }
    }
    assert.ok(found / total >= 0.98, `${file}: only ${found}/${total} of pdftotext's words on the same pages`);
    assert.ok(found / ours >= 0.98, `${file}: ${ours - found} words that pdftotext does not have`);
  }
});

test("two columns are read left column first, then right, with a diagnostic", async () => {
  const sentences = Array.from({ length: 60 }, (_, i) => `Sentence ${i + 1} is about the council budget.`);
  const bytes = await makePdf({ size: "A4", margin: 50 }, (d) => {
    d.font("Helvetica-Bold").fontSize(16).text("Two Column Report", { align: "center" });
    d.moveDown();
    d.font("Helvetica").fontSize(10).text(sentences.join(" "), { columns: 2, columnGap: 20, height: 400 });
  });
  const doc = await readPdf("twocol.pdf", bytes);
  assert.equal(doc.lines[0].text, "Two Column Report");
  assert.equal(doc.lines[0].bold, true);
  const text = doc.lines.map((l) => l.text).join(" ");
  const order = sentences.map((s) => text.indexOf(s.split(" is ")[0] + " is"));
  for (const [i, pos] of order.entries()) assert.ok(pos >= 0, `sentence ${i + 1} missing`);
  for (let i = 1; i < order.length; i++) assert.ok(order[i] > order[i - 1], `sentence ${i + 1} out of order`);
  assert.ok(doc.diagnostics.some((d) => d.level === "info" && /two columns/.test(d.message)));
});

test("an agenda table drawn at fixed x positions becomes rows with cells", async () => {
  const rows = [
    ["1.", "Apologies", "", ""],
    ["2.", "Minutes of the meeting held on 10 February 2017.", "", "(Pages 3 - 12)"],
    ["3.", "Better Care Fund Plan 2017/18.", "Director of Health", "(Pages 13 - 20)"],
  ];
  const bytes = await makePdf({ size: "A4", margin: 40 }, (d) => {
    d.font("Helvetica").fontSize(10);
    rows.forEach((r, i) => {
      const y = 100 + i * 30;
      d.text(r[0], 40, y, { lineBreak: false });
      d.text(r[1], 70, y, { lineBreak: false });
      if (r[2]) d.text(r[2], 330, y, { lineBreak: false });
      if (r[3]) d.text(r[3], 470, y, { lineBreak: false });
    });
  });
  const doc = await readPdf("table.pdf", bytes);
  const texts = doc.lines.filter((l) => l.text);
  assert.equal(texts.length, 3);
  assert.equal(texts[0].cells, undefined);
  assert.equal(texts[0].text, "1. Apologies");
  assert.deepEqual(texts[1].cells, ["2. Minutes of the meeting held on 10 February 2017.", "(Pages 3 - 12)"]);
  assert.deepEqual(texts[2].cells, ["3. Better Care Fund Plan 2017/18.", "Director of Health", "(Pages 13 - 20)"]);
  assert.equal(texts[2].text, "3. Better Care Fund Plan 2017/18.\tDirector of Health\t(Pages 13 - 20)");
});

test("a table row wrapping in one later column joins the wrapped words to that column's cell", async () => {
  const bytes = await makePdf({ size: "A4", margin: 40 }, (d) => {
    d.font("Helvetica").fontSize(10);
    const row = (y: number, cells: [number, string][]) => {
      for (const [x, t] of cells) d.text(t, x, y, { lineBreak: false });
    };
    row(100, [
      [40, "4."],
      [70, "Better Care Fund Plan."],
      [330, "Director of Health and"],
      [470, "(Pages 13 - 20)"],
    ]);
    row(112, [[330, "Social Care"]]);
    row(140, [
      [40, "5."],
      [70, "Dates of meetings."],
      [330, "Chief Executive"],
      [470, "(Pages 21 - 22)"],
    ]);
  });
  const doc = await readPdf("wrapped.pdf", bytes);
  const texts = doc.lines.filter((l) => l.text);
  assert.deepEqual(
    texts.map((l) => l.cells),
    [
      ["4. Better Care Fund Plan.", "Director of Health and Social Care", "(Pages 13 - 20)"],
      ["5. Dates of meetings.", "Chief Executive", "(Pages 21 - 22)"],
    ],
  );
  assert.equal(texts[0].text, "4. Better Care Fund Plan.\tDirector of Health and Social Care\t(Pages 13 - 20)");
});

test("a cell running to its column edge splits where a header far above aligns; a wrapped '- ' title line runs on", async () => {
  // Title text that fills its column leaves only ~12 pt before the report-by cell, under the
  // 1.8 em gap that splits cells on its own; the "Report by" header ten rows up confirms the column.
  const bytes = await makePdf({ size: "A4", margin: 40 }, (d) => {
    d.font("Helvetica").fontSize(11);
    const row = (y: number, cells: [number, string][]) => {
      for (const [x, t] of cells) d.text(t, x, y, { lineBreak: false });
    };
    row(100, [
      [70, "Item"],
      [300, "Report by"],
    ]);
    let y = 120;
    for (const t of ["To advise of any other items which the", "Chairman has decided to take as", "urgent."]) {
      row(y, [[70, t]]);
      y += 14;
    }
    for (let i = 0; i < 6; i++) {
      row(y, [[70, `Declarations of interest ${i}.`]]);
      y += 14;
    }
    const title = "Annual Report of the Director of Public";
    d.text(title, 300 - 12 - d.widthOfString(title), y, { lineBreak: false });
    row(y, [
      [300, "Director of Public Health"],
      [460, "(Pages 5 - 9)"],
    ]);
    row(y + 14, [[70, "- Proposals for Consultation."]]);
  });
  const doc = await readPdf("narrow.pdf", bytes);
  const title = find(doc, /^Annual Report/);
  assert.deepEqual(title.cells, [
    "Annual Report of the Director of Public",
    "Director of Public Health",
    "(Pages 5 - 9)",
  ]);
  const next = after(doc, title);
  assert.equal(
    next.text.split("\t")[0],
    "- Proposals for Consultation.",
    "no paragraph break inside the row's first cell",
  );
});

test("a numbered two-cell row's wrapped second cell joins its cell; a 'PRESENT:' block still wraps as prose", async () => {
  const bytes = await makePdf({ size: "A4", margin: 40 }, (d) => {
    d.font("Helvetica").fontSize(11);
    const row = (y: number, cells: [number, string][]) => {
      for (const [x, t] of cells) d.text(t, x, y, { lineBreak: false });
    };
    row(100, [
      [40, "7."],
      [70, "Flood Risk Management Update."],
      [300, "Director of Environment"],
    ]);
    row(114, [[300, "and Transport"]]);
    row(160, [
      [40, "PRESENT:"],
      [150, "Mr. A. Bell CC, Mrs. C. Dale CC,"],
    ]);
    row(174, [[150, "Mr. E. Frost CC"]]);
  });
  const doc = await readPdf("two-cell.pdf", bytes);
  const texts = doc.lines.filter((l) => l.text);
  assert.deepEqual(
    texts.map((l) => l.cells ?? l.text),
    [
      ["7. Flood Risk Management Update.", "Director of Environment and Transport"],
      ["PRESENT:", "Mr. A. Bell CC, Mrs. C. Dale CC,"],
      "Mr. E. Frost CC",
    ],
  );
});

test("an attendance table with empty cells: each name under its header, short columns padded, wrapped cells joined", async () => {
  // Laid out as a Word table prints (three columns across the measure, 64 to 545): a bold header
  // row, then rows whose shorter columns are blank, a name under the first column alone after the
  // others end, a cell wrapping onto a second line.
  const cols = [64, 224, 384];
  const bytes = await makePdf({ size: "A4", margin: 40 }, (d) => {
    const row = (y: number, cells: string[], bold = false) => {
      d.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(11);
      cells.forEach((t, i) => {
        if (t) d.text(t, cols[i], y, { width: 150 });
      });
    };
    row(100, ["Present", "Apologies", "In attendance"], true);
    row(114, ["Cllr P Hughes (Chair)", "", "Mrs L Quinn (Clerk)"]);
    row(128, ["Cllr B Ellis", "Cllr A Moss", "District Councillor Rebecca Tucker-Smith"]);
    row(156, ["Cllr D Parker", "", ""]);
    d.text("The meeting opened at 7.00 pm and the Chair welcomed everyone to the hall.", 64, 200, { width: 481 });
  });
  const doc = await readPdf("attendance.pdf", bytes);
  const texts = doc.lines.filter((l) => l.text);
  assert.deepEqual(
    texts.map((l) => l.cells ?? l.text),
    [
      ["Present", "Apologies", "In attendance"],
      ["Cllr P Hughes (Chair)", "", "Mrs L Quinn (Clerk)"],
      ["Cllr B Ellis", "Cllr A Moss", "District Councillor Rebecca Tucker-Smith"],
      ["Cllr D Parker", "", ""],
      "The meeting opened at 7.00 pm and the Chair welcomed everyone to the hall.",
    ],
  );
  // The reader's lines carry the x positions of their cells.
  assert.equal(texts[1].cellXs?.length, 3);
  assert.ok(Math.abs((texts[1].cellXs?.[2] ?? 0) - 384) < 1);
});

test("a sentence running over a page break onto a line that opens with a year stays one paragraph", async () => {
  const bytes = await makePdf({ size: "A4", margin: 60 }, (d) => {
    d.font("Helvetica").fontSize(11);
    const width = d.page.width - 120;
    d.text("It was noted that the next meeting of the Committee would be held on Thursday, 5 September", 60, 700, {
      width,
      lineBreak: false,
    });
    d.addPage();
    d.text("2019 at 2.00 pm.", 60, 60, { lineBreak: false });
    d.text("2019 was the first year of the scheme.", 60, 120, { lineBreak: false });
  });
  const doc = await readPdf("year.pdf", bytes);
  const first = find(doc, /Thursday, 5 September$/);
  assert.equal(after(doc, first).text, "2019 at 2.00 pm.", "no paragraph break at the page turn");
});

test("running headers and footers on generated pages are removed; 'Page N of M' gives printed numbers", async () => {
  const bytes = await makePdf({ size: "A4", margin: 72, autoFirstPage: false }, (d) => {
    for (let p = 1; p <= 4; p++) {
      d.addPage();
      d.font("Helvetica").fontSize(9).text("Borsetshire County Council - Cabinet", 72, 30, { lineBreak: false });
      d.fontSize(11).text(`Body text of page ${p} about item ${p + 10}.`, 72, 200);
      d.fontSize(9).text(`Page ${p + 4} of 12`, 250, 800, { lineBreak: false });
    }
  });
  const doc = await readPdf("headers.pdf", bytes);
  // First occurrence of the header stays (it is often the document's title); the repeats go.
  assert.deepEqual(
    doc.lines.filter((l) => l.text).map((l) => l.text),
    [
      "Borsetshire County Council - Cabinet",
      "Body text of page 1 about item 11.",
      "Body text of page 2 about item 12.",
      "Body text of page 3 about item 13.",
      "Body text of page 4 about item 14.",
    ],
  );
  assert.deepEqual(
    doc.furniture.filter((f) => f.kind === "header").map((f) => f.page),
    [2, 3, 4],
  );
  assert.deepEqual(
    doc.furniture.filter((f) => f.kind === "page-number").map((f) => [f.page, f.text, f.printed]),
    [
      [1, "Page 5 of 12", 5],
      [2, "Page 6 of 12", 6],
      [3, "Page 7 of 12", 7],
      [4, "Page 8 of 12", 8],
    ],
  );
});

test("a page with /Rotate 90 is read upright, in reading order", async () => {
  const draw = (d: PDFKit.PDFDocument) => {
    // Landscape content drawn turned a quarter anticlockwise, for a page displayed rotated clockwise.
    d.save();
    d.rotate(-90, { origin: [0, 0] });
    d.translate(-600, 0);
    d.fontSize(14).text("Landscape heading line", 50, 50, { lineBreak: false });
    d.fontSize(10).text("First body line of the landscape table", 50, 100, { lineBreak: false });
    d.fontSize(10).text("Second body line", 50, 115, { lineBreak: false });
    d.restore();
  };
  const plain = await makePdf({ compress: false, size: [400, 600] }, draw);
  const rotated = Buffer.from(plain.toString("latin1").replace("/Type /Page\n", "/Type /Page\n/Rotate 90\n"), "latin1");
  assert.ok(rotated.includes("/Rotate 90"));
  const doc = await readPdf("rotated.pdf", rotated);
  assert.deepEqual(
    doc.lines.map((l) => l.text),
    ["Landscape heading line", "", "First body line of the landscape table", "Second body line"],
  );
  assert.equal(doc.lines[0].heading, true);
  // Without /Rotate the same text runs up the page (a landscape table in a portrait pack): it is
  // turned and read the same way.
  const sideways = await readPdf("sideways.pdf", plain);
  assert.deepEqual(
    sideways.lines.map((l) => l.text),
    doc.lines.map((l) => l.text),
  );
  // Text running down the page, and upside down, reads the same once turned.
  const texts = ["Landscape heading line", "First body line of the landscape table", "Second body line"];
  for (const [angle, origin, shift] of [
    [90, [400, 0], [400, 0]],
    [180, [200, 300], [0, 0]],
  ] as const) {
    const bytes = await makePdf({ size: [400, 600] }, (d) => {
      d.save();
      d.rotate(angle, { origin: [origin[0], origin[1]] });
      d.translate(shift[0], shift[1]);
      d.fontSize(14).text(texts[0], 50, 50, { lineBreak: false });
      d.fontSize(10).text(texts[1], 50, 100, { lineBreak: false });
      d.fontSize(10).text(texts[2], 50, 115, { lineBreak: false });
      d.restore();
    });
    const turned = await readPdf(`turned-${angle}.pdf`, bytes);
    assert.deepEqual(
      turned.lines.filter((l) => l.text).map((l) => l.text),
      texts,
      `rotated ${angle}`,
    );
  }
  // A short sideways label in the margin is a stamp, not text.
  const label = await makePdf({ size: "A4" }, (d) => {
    d.fontSize(11).text("The body text of the page.", 72, 100, { lineBreak: false });
    d.save();
    d.rotate(-90, { origin: [30, 500] });
    d.fontSize(8).text("DRAFT v2", 30, 500, { lineBreak: false });
    d.restore();
  });
  const labelled = await readPdf("label.pdf", label);
  assert.deepEqual(
    labelled.lines.map((l) => l.text),
    ["The body text of the page."],
  );
  assert.deepEqual(
    labelled.furniture.map((f) => [f.kind, f.text]),
    [["stamp", "DRAFT v2"]],
  );
});

test("text drawn twice a fraction apart (fake bold) is one bold line", async () => {
  const bytes = await makePdf({ size: "A4" }, (d) => {
    d.font("Helvetica").fontSize(12);
    d.text("RESOLVED that the report be noted.", 72, 100, { lineBreak: false });
    d.text("RESOLVED that the report be noted.", 72.4, 100, { lineBreak: false });
    d.text("An ordinary line.", 72, 130, { lineBreak: false });
  });
  const doc = await readPdf("overprint.pdf", bytes);
  const texts = doc.lines.filter((l) => l.text);
  assert.equal(texts.length, 2);
  assert.equal(texts[0].text, "RESOLVED that the report be noted.");
  assert.equal(texts[0].bold, true);
  assert.notEqual(texts[1].bold, true);
});

const minutesBytes = () => readFileSync(kent("kent_cabinet_2025-01-30_printed_minutes.pdf"));

test("truncated PDFs are a ReadError naming the file and the truncation", async () => {
  const src = minutesBytes();
  for (const cut of [0.5, 0.9, 0.02]) {
    const name = `cut-${cut}.pdf`;
    await rejects(readPdf(name, src.subarray(0, Math.floor(src.length * cut))), name, /truncated/);
  }
  await rejects(readPdf("header-only.pdf", Buffer.from("%PDF-1.7\n")), "header-only.pdf", /truncated|damaged/);
});

test("corrupted PDFs are a ReadError, not a crash or a hang", async () => {
  const src = Buffer.from(minutesBytes());
  for (let i = 20_000; i < src.length - 5000; i += 97) src[i] = (src[i] * 31 + 7) & 255;
  await rejects(readPdf("corrupt.pdf", src), "corrupt.pdf", /damaged|cannot be read/);
  const junk = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(50_000, 0x41), Buffer.from("\n%%EOF\n")]);
  await rejects(readPdf("junk.pdf", junk), "junk.pdf", /damaged/);
  await rejects(readPdf("not-a-pdf.pdf", Buffer.from("hello")), "not-a-pdf.pdf", /no %PDF- header/);
});

test("randomly damaged PDFs either read or fail with a ReadError, each within its time limit", async () => {
  const src = await makePdf({ compress: false }, (d) => {
    d.font("Helvetica-Bold").text("Minutes of the Cabinet");
    d.font("Helvetica").text("RESOLVED that the report be noted. ".repeat(20));
    d.addPage().text("Second page of the minutes.");
  });
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  let read = 0;
  let rejected = 0;
  for (let i = 0; i < 40; i++) {
    const bytes = Buffer.from(src);
    const hits = 1 + Math.floor(rand() * 20);
    for (let h = 0; h < hits; h++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
    const cut = rand() < 0.3 ? Math.floor(rand() * bytes.length) : bytes.length;
    const name = `fuzz-${i}.pdf`;
    try {
      const doc = await readPdf(name, bytes.subarray(0, cut), { timeoutMs: 10_000 });
      assert.ok(doc.lines.every((l) => l.page !== null && l.page >= 1 && l.page <= doc.pageCount!));
      read++;
    } catch (e) {
      assert.ok(e instanceof ReadError, `${name}: ${String(e)}`);
      assert.ok(e.message.startsWith(`${name}: `));
      rejected++;
    }
  }
  assert.equal(read + rejected, 40);
  assert.ok(read > 0 && rejected > 0, `both outcomes exercised (read ${read}, rejected ${rejected})`);
});

test("a password-protected PDF is a ReadError saying it is encrypted; permissions-only encryption is read", async () => {
  const locked = await makePdf({ userPassword: "secret", ownerPassword: "owner" }, (d) => d.text("Confidential"));
  await rejects(readPdf("locked.pdf", locked), "locked.pdf", /encrypted and needs a password/);
  const perms = await makePdf({ ownerPassword: "owner", permissions: { modifying: false } }, (d) =>
    d.text("Readable minutes"),
  );
  const doc = await readPdf("perms.pdf", perms);
  assert.equal(doc.lines[0].text, "Readable minutes");
  assert.ok(doc.diagnostics.some((d) => d.level === "info" && /encrypted/.test(d.message)));
});

test("limits: bytes, pages, time and memory each give a ReadError naming the limit", async () => {
  const src = minutesBytes();
  await rejects(readPdf("big.pdf", src, { maxBytes: 1000 }), "big.pdf", /over the limit of 1000 bytes/);
  await rejects(readPdf("pages.pdf", src, { maxPages: 5 }), "pages.pdf", /17 pages, over the limit of 5 pages/);
  await rejects(readPdf("slow.pdf", src, { timeoutMs: 5 }), "slow.pdf", /time limit of 5 ms/);
  await rejects(readPdf("hungry.pdf", src, { maxMemoryMb: 4 }), "hungry.pdf", /memory limit of 4 MB/);
  // The reader is usable again after a worker was killed.
  const doc = await readPdf("again.pdf", src);
  assert.equal(doc.pageCount, 17);
});

test("many PDFs read at once give the same lines as one at a time (bounded worker pool)", async () => {
  const files = corpusPdfs().slice(0, 8);
  const one: string[] = [];
  for (const f of files) one.push(JSON.stringify((await readFile(f)).lines));
  const all = await Promise.all(files.map((f) => readFile(f)));
  assert.deepEqual(
    all.map((d) => JSON.stringify(d.lines)),
    one,
  );
});

test("a PDF with no text layer reads as no lines and a warning", async () => {
  const bytes = await makePdf({ size: "A4" }, (d) => d.rect(100, 100, 200, 200).fill("#333"));
  const doc = await readPdf("scan.pdf", bytes);
  assert.equal(doc.lines.length, 0);
  assert.ok(doc.diagnostics.some((d) => d.level === "warning" && /no text layer/.test(d.message)));
});

test("content sniffing: %PDF- wins whatever the name; a .pdf name without it is only a weak claim", async () => {
  const bytes = minutesBytes();
  assert.equal(pdfReader.score({ name: "minutes.txt", head: "", bytes }), 100);
  assert.equal(pdfReader.score({ name: "x", head: "", bytes: Buffer.from("junk\n%PDF-1.4\n") }), 100);
  assert.equal(pdfReader.score({ name: "report.pdf", head: "", bytes: Buffer.from("<html>") }), 1);
  assert.equal(pdfReader.score({ name: "notes.txt", head: "", bytes: Buffer.from("Minutes") }), 0);
});

test("minutebook parse FILE.pdf --json: schema-valid output from the CLI, and a clear error for a broken PDF", () => {
  const minutebook = (...args: string[]) =>
    spawnSync(process.execPath, [join(repoRoot, "bin/minutebook.mjs"), ...args], {
      encoding: "utf8",
      timeout: 120_000,
    });
  const ok = minutebook("parse", merton(), "--json");
  assert.equal(ok.status, 0, ok.stderr);
  const out = JSON.parse(ok.stdout);
  assert.deepEqual(validateParseResult(out), []);
  assert.equal(out.source.format, "pdf");
  const dir = mkdtempSync(join(tmpdir(), "minutebook-pdf-"));
  const broken = join(dir, "broken.pdf");
  writeFileSync(broken, minutesBytes().subarray(0, 40_000));
  const bad = minutebook("parse", broken, "--json");
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /broken\.pdf.*truncated/);
  assert.doesNotMatch(bad.stderr, /at .*\.(ts|mjs):\d+/);
});
