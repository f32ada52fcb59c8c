// The Word and OpenDocument readers: computed list numbers, headings, bold, tables as cells, pages
// where Word records them, limits against zip bombs, and the corpus's real Word files.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import JSZip from "jszip";
import type { SourceDocument } from "../../model/document";
import { sharedPath } from "../../testing/shared";
import { registerBuiltinReaders } from "../index";
import { DEFAULT_LIMITS, type Limits, pickReader, ReadError } from "../registry";
import { tabCells } from "./blocks";
import { formatNumber, NumberingState } from "./numbering";

async function read(name: string, bytes: Uint8Array, limits: Limits = DEFAULT_LIMITS): Promise<SourceDocument> {
  await registerBuiltinReaders();
  const r = pickReader(name, bytes);
  assert.ok(r, `no reader for ${name}`);
  const out = await r.read({ name, bytes, sha256: "0", limits });
  assert.equal(out.kind, "lines");
  return (out as { doc: SourceDocument }).doc;
}

const texts = (doc: SourceDocument) => doc.lines.map((l) => l.text).filter(Boolean);

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A minimal hand-written package, for what the docx library cannot be made to write. */
async function miniDocx(body: string, parts: Record<string, string> = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", "<Types/>");
  zip.file("word/document.xml", `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  for (const [k, v] of Object.entries(parts)) zip.file(k, v);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const p = (text: string, pPr = "", rPr = "") =>
  `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:rPr>${rPr}</w:rPr><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const num = (numId: number, ilvl = 0) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

test("list numbers are computed from numbering.xml: start values, multi-level patterns, formats, restarts", async () => {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: "minutes",
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: "%1.", start: 1234 },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: "(%2)" },
            { level: 2, format: LevelFormat.UPPER_ROMAN, text: "%1.%2.%3" },
          ],
        },
        { reference: "dated", levels: [{ level: 0, format: LevelFormat.DECIMAL_ZERO, text: "21.05.%1", start: 1 }] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: "Minutes of the Parish Council", heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [new TextRun({ text: "Apologies", bold: true })],
            numbering: { reference: "minutes", level: 0 },
          }),
          new Paragraph({ text: "from Cllr Ash", numbering: { reference: "minutes", level: 1 } }),
          new Paragraph({ text: "from Cllr Birch", numbering: { reference: "minutes", level: 1 } }),
          new Paragraph({ text: "roman", numbering: { reference: "minutes", level: 2 } }),
          new Paragraph({ text: "roman again", numbering: { reference: "minutes", level: 2 } }),
          new Paragraph({ text: "Declarations", numbering: { reference: "minutes", level: 0 } }),
          new Paragraph({ text: "letters restart", numbering: { reference: "minutes", level: 1 } }),
          new Paragraph({ text: "Planning", numbering: { reference: "dated", level: 0 } }),
          new Paragraph({ text: "Finance", numbering: { reference: "dated", level: 0 } }),
          new Paragraph({
            text: "A new list instance restarts",
            numbering: { reference: "minutes", level: 0, instance: 2 },
          }),
        ],
      },
    ],
  });
  const d = await read("minutes.docx", await Packer.toBuffer(doc));
  assert.deepEqual(texts(d), [
    "Minutes of the Parish Council",
    "1234. Apologies",
    "(a) from Cllr Ash",
    "(b) from Cllr Birch",
    "1234.b.I roman",
    "1234.b.II roman again",
    "1235. Declarations",
    "(a) letters restart",
    "21.05.01 Planning",
    "21.05.02 Finance",
    "1234. A new list instance restarts",
  ]);
  const line = (t: string) => d.lines.find((l) => l.text === t)!;
  assert.equal(line("Minutes of the Parish Council").heading, true);
  assert.equal(line("1234. Apologies").bold, true);
  assert.equal(line("(a) from Cllr Ash").bold, undefined);
  // Each paragraph is its own line, a blank line between, with its paragraph number as provenance.
  assert.equal(line("1234. Apologies").para, 2);
  assert.equal(d.lines[line("1234. Apologies").n].text, "");
});

test("Word's list rules: instances of one list share counters, start overrides restart, lvlRestart, style-linked numbering", async () => {
  const numbering = `<w:numbering ${W}>
    <w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:pStyle w:val="MinuteHeading"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:lvlRestart w:val="0"/></w:lvl>
    </w:abstractNum>
    <w:abstractNum w:abstractNumId="1">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1)"/><w:suff w:val="space"/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
    <w:num w:numId="4"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
  </w:numbering>`;
  const styles = `<w:styles ${W}>
    <w:style w:type="paragraph" w:styleId="MinuteHeading"><w:name w:val="Minute Heading"/><w:rPr><w:b/></w:rPr></w:style>
    <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
    <w:style w:type="paragraph" w:styleId="Numbered"><w:name w:val="Numbered"/><w:basedOn w:val="Heading2"/><w:pPr>${num(3)}</w:pPr></w:style>
  </w:styles>`;
  const body = [
    p("Chair", '<w:pStyle w:val="MinuteHeading"/>'),
    p("one-one", num(1, 1)),
    p("Vice chair", num(2)), // another instance of the same list continues it: 6.
    p("no restart of level 2", num(2, 1)), // lvlRestart 0: 6.2, not 6.1
    p("A item", '<w:pStyle w:val="Numbered"/>'),
    p("B item", '<w:pStyle w:val="Numbered"/>'),
    p("restarted", num(4)),
    p("not numbered", `<w:pStyle w:val="Numbered"/><w:numPr><w:numId w:val="0"/></w:numPr>`),
  ].join("");
  const d = await read("x.docx", await miniDocx(body, { "word/numbering.xml": numbering, "word/styles.xml": styles }));
  assert.deepEqual(texts(d), [
    "5. Chair",
    "5.1 one-one",
    "6. Vice chair",
    "6.2 no restart of level 2",
    "A) A item",
    "B) B item",
    "A) restarted",
    "not numbered",
  ]);
  const line = (t: string) => d.lines.find((l) => l.text === t)!;
  assert.equal(line("5. Chair").bold, true); // bold from the paragraph style
  assert.equal(line("A) A item").heading, true); // "heading 2" through basedOn
});

test("typed numbers before a TAB stay with their text; other TABs make cells", () => {
  for (const n of ["12.", "(b)", "iv)", "A.", "21.05.03", "21/045", "Min 12/24", "1234."])
    assert.deepEqual(tabCells(`${n}\tApologies`), undefined, n);
  assert.deepEqual(tabCells("12.\tApologies\tCllr Smith"), ["12. Apologies", "Cllr Smith"]);
  assert.deepEqual(tabCells("Signed\t\tDated"), ["Signed", "Dated"]);
  // A bare year is not a list number.
  assert.deepEqual(tabCells("2019\tAnnual return"), ["2019", "Annual return"]);
});

test("number formats as Word writes them", () => {
  assert.equal(formatNumber(28, "lowerLetter"), "bb");
  assert.equal(formatNumber(14, "upperRoman"), "XIV");
  assert.equal(formatNumber(4, "decimalZero"), "04");
  assert.equal(formatNumber(12, "decimalZero"), "12");
  assert.equal(formatNumber(2, "ordinal"), "2nd");
  assert.equal(formatNumber(12, "ordinal"), "12th");
  const s = new NumberingState({ abstracts: new Map(), instances: new Map() });
  assert.equal(s.next("9", 0), null);
});

test("tables become rows of cells; a cell's paragraphs stack down the row; one-cell tables are boxes", async () => {
  const cell = (...ps: string[]) => new TableCell({ children: ps.map((t) => new Paragraph(t)) });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            children: [new TextRun({ text: "ATTENDANCE", bold: true })],
            alignment: AlignmentType.CENTER,
          }),
          new Table({
            rows: [
              new TableRow({ children: [cell("Present"), cell("Apologies"), cell("In attendance")] }),
              new TableRow({
                children: [cell("Cllr Ash (Chair)", "Cllr Birch"), cell("Cllr Cedar"), cell("The Clerk")],
              }),
            ],
          }),
          new Table({ rows: [new TableRow({ children: [cell("A boxed note", "on two paragraphs")] })] }),
          new Paragraph({ children: [new TextRun("Signed"), new TextRun({ text: "\tDated", break: 0 })] }),
        ],
      },
    ],
  });
  const d = await read("t.docx", await Packer.toBuffer(doc));
  const rows = d.lines.filter((l) => l.cells).map((l) => l.cells);
  assert.deepEqual(rows, [
    ["Present", "Apologies", "In attendance"],
    ["Cllr Ash (Chair)", "Cllr Cedar", "The Clerk"],
    ["Cllr Birch", "", ""],
    ["Signed", "Dated"],
  ]);
  assert.ok(texts(d).includes("A boxed note"));
  assert.ok(texts(d).includes("on two paragraphs"));
  // Rows of one table are consecutive lines, like a PDF's table rows.
  const i = d.lines.findIndex((l) => l.cells?.[0] === "Present");
  assert.equal(d.lines[i + 1].cells?.[0], "Cllr Ash (Chair)");
  assert.equal(d.lines[i].text, "Present\tApologies\tIn attendance");
});

test("pages follow Word's page breaks and last-rendered page marks; without any, pages are unknown", async () => {
  const withBreaks = new Document({
    sections: [
      {
        children: [
          new Paragraph("First page"),
          new Paragraph({ children: [new PageBreak(), new TextRun("Second page")] }),
          new Paragraph({ text: "Third page", pageBreakBefore: true }),
        ],
      },
    ],
  });
  const d = await read("p.docx", await Packer.toBuffer(withBreaks));
  assert.deepEqual(
    d.lines.filter((l) => l.text).map((l) => [l.text, l.page]),
    [
      ["First page", 1],
      ["Second page", 2],
      ["Third page", 3],
    ],
  );
  assert.equal(d.pageCount, 3);
  // lastRenderedPageBreak right after an explicit break marks the same page, not another.
  const rendered = await miniDocx(
    `${p("one")}<w:p><w:r><w:br w:type="page"/></w:r><w:r><w:lastRenderedPageBreak/><w:t>two</w:t></w:r></w:p><w:p><w:r><w:lastRenderedPageBreak/><w:t>three</w:t></w:r></w:p>`,
  );
  const r = await read("r.docx", rendered);
  assert.deepEqual(
    r.lines.filter((l) => l.text).map((l) => l.page),
    [1, 2, 3],
  );
  const none = await read("n.docx", await miniDocx(p("one") + p("two")));
  assert.ok(none.lines.every((l) => l.page === null));
  assert.equal(none.pageCount, null);
});

test("hidden and deleted text is dropped, insertions, hyperlinks, fields and text boxes are read, the header is the letterhead", async () => {
  const body = [
    `<w:p><w:r><w:t xml:space="preserve">Visible </w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del><w:ins><w:r><w:t>added</w:t></w:r></w:ins></w:p>`,
    `<w:p><w:hyperlink><w:r><w:t>link text</w:t></w:r></w:hyperlink><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
    `<w:p><w:r><w:drawing><wp:anchor xmlns:wp="x"><wps:txbx xmlns:wps="y"><w:txbxContent>${p("Boxed text")}</w:txbxContent></wps:txbx></wp:anchor></w:drawing><w:t>Beside the box</w:t></w:r></w:p>`,
    `<w:sectPr><w:headerReference w:type="default" r:id="rId9" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></w:sectPr>`,
  ].join("");
  const d = await read(
    "h.docx",
    await miniDocx(body, {
      "word/_rels/document.xml.rels": `<Relationships><Relationship Id="rId9" Target="header1.xml"/></Relationships>`,
      "word/header1.xml": `<w:hdr ${W}>${p("Anytown Town Council", "", "<w:b/>")}</w:hdr>`,
    }),
  );
  assert.deepEqual(texts(d), ["Anytown Town Council", "Visible added", "link text", "Beside the box", "Boxed text"]);
  assert.equal(d.lines[0].bold, true);
});

test("limits: a zip bomb, a damaged package and a DTD are refused with a reason naming the file", async () => {
  const bomb = await miniDocx(p("x".repeat(20 * 1024 * 1024)));
  assert.ok(bomb.length < 1024 * 1024);
  await assert.rejects(
    read("bomb.docx", bomb, { ...DEFAULT_LIMITS, maxBytes: 1024 * 1024 }),
    (e: Error) => e instanceof ReadError && /bomb\.docx: .*more than/.test(e.message),
  );
  const good = await miniDocx(p("text"));
  const damaged = good.slice(0, Math.floor(good.length / 2));
  await assert.rejects(
    read("damaged.docx", damaged),
    (e: Error) => e instanceof ReadError && /damaged\.docx/.test(e.message),
  );
  const dtd = new JSZip();
  dtd.file(
    "word/document.xml",
    `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:document ${W}><w:body/></w:document>`,
  );
  await assert.rejects(
    read("dtd.docx", await dtd.generateAsync({ type: "uint8array" })),
    (e: Error) => e instanceof ReadError && /DTD/.test(e.message),
  );
});

test("Word files are sniffed by content, whatever they are called; other zips are not Word", async () => {
  await registerBuiltinReaders();
  const bytes = await miniDocx(p("text"));
  for (const name of ["minutes.docx", "minutes.pdf", "minutes.txt", "minutes"])
    assert.equal(pickReader(name, bytes)?.id, "docx");
  const other = new JSZip();
  other.file("readme.txt", "hello");
  const zip = await other.generateAsync({ type: "uint8array" });
  assert.notEqual(pickReader("archive.zip", zip)?.id, "docx");
  assert.equal(pickReader("archive.zip", zip), null);
});

async function odt(content: string, styles = ""): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file("mimetype", "application/vnd.oasis.opendocument.text", { compression: "STORE" });
  const ns =
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"';
  zip.file(
    "content.xml",
    `<?xml version="1.0"?><office:document-content ${ns}><office:automatic-styles>${styles}</office:automatic-styles><office:body><office:text>${content}</office:text></office:body></office:document-content>`,
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

test("OpenDocument text: list numbers from list styles (prefix, suffix, levels, continued lists), bold, tables, pages", async () => {
  const styles = `<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
    <text:list-style style:name="L1">
      <text:list-level-style-number text:level="1" style:num-format="1" style:num-suffix="." text:start-value="41"/>
      <text:list-level-style-number text:level="2" style:num-format="a" style:num-prefix="(" style:num-suffix=")"/>
      <text:list-level-style-number text:level="3" style:num-format="1" text:display-levels="3"/>
    </text:list-style>`;
  const item = (t: string, inner = "") => `<text:list-item><text:p>${t}</text:p>${inner}</text:list-item>`;
  const content = [
    `<text:h text:outline-level="1"><text:span text:style-name="B">MINUTES</text:span></text:h>`,
    `<text:list xml:id="l1" text:style-name="L1">${item("Apologies", `<text:list>${item("from A", `<text:list>${item("deep")}</text:list>`)}${item("from B")}</text:list>`)}${item("Declarations")}</text:list>`,
    `<text:p>Between<text:s text:c="2"/>lists<text:tab/>with a tab</text:p>`,
    `<text:list text:continue-list="l1" text:style-name="L1">${item("Planning")}</text:list>`,
    `<text:soft-page-break/>`,
    `<table:table><table:table-row><table:table-cell><text:p>Present</text:p></table:table-cell><table:table-cell><text:p>Apologies</text:p></table:table-cell></table:table-row></table:table>`,
  ].join("");
  const d = await read("m.odt", await odt(content, styles));
  assert.equal(pickReader("m.docx", await odt(content, styles))?.id, "odt");
  assert.deepEqual(texts(d), [
    "MINUTES",
    "41. Apologies",
    "(a) from A",
    "41.a.1 deep",
    "(b) from B",
    "42. Declarations",
    "Between lists\twith a tab",
    "43. Planning",
    "Present\tApologies",
  ]);
  assert.equal(d.lines[0].bold, true);
  assert.equal(d.lines[0].heading, true);
  assert.deepEqual(d.lines.find((l) => l.text.startsWith("Present"))?.cells, ["Present", "Apologies"]);
  assert.equal(d.lines.find((l) => l.text.startsWith("Present"))?.page, 2);
  assert.equal(d.lines[0].page, 1);
});

test("the corpus's Word files are read: computed numbers, pages as Word recorded them, footers as furniture", async () => {
  const dir = sharedPath("corpus", "docx");
  const files = readdirSync(dir).filter((f) => f.endsWith(".docx"));
  assert.ok(files.length >= 5);
  for (const f of files) {
    const bytes = readFileSync(join(dir, f));
    const d = await read(f, bytes);
    assert.ok(d.lines.filter((l) => l.text.trim()).length > 10, f);
    // Lines are numbered 1..n, and pages (where known) never go back.
    for (const [i, l] of d.lines.entries()) assert.equal(l.n, i + 1, f);
    let last = 0;
    for (const l of d.lines) {
      if (l.page === null) continue;
      assert.ok(l.page >= last, `${f}: page ${l.page} after ${last}`);
      last = l.page;
    }
    const app = (await JSZip.loadAsync(bytes)).file("docProps/app.xml");
    const pages = Number(/<Pages>(\d+)</.exec((await app?.async("string")) ?? "")?.[1]);
    const xml = (await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string")) as string;
    if (/lastRenderedPageBreak|w:type="page"/.test(xml)) assert.equal(d.pageCount, pages, f);
    // Every paragraph Word numbers automatically carries its computed label.
    const numbered = (xml.match(/<w:numPr>(?:(?!<\/w:numPr>).)*<w:numId w:val="[1-9]/g) ?? []).length;
    if (numbered) {
      const labelled = d.lines.filter((l) => /^(?:\d+[.)]?|[a-z][.)]|•)\s/.test(l.text)).length;
      assert.ok(labelled >= numbered * 0.9, `${f}: ${labelled} labelled lines for ${numbered} numbered paragraphs`);
    }
  }
});

test("OpenDocument text: the letterhead in the page header and in a text box is kept, before the body", async () => {
  const zip = new JSZip();
  zip.file("mimetype", "application/vnd.oasis.opendocument.text", { compression: "STORE" });
  const ns =
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"';
  zip.file(
    "styles.xml",
    `<?xml version="1.0"?><office:document-styles ${ns}><office:master-styles><style:master-page style:name="Standard"><style:header><text:p>BROCKTON PARISH COUNCIL</text:p></style:header><style:footer><text:p>Page 1</text:p></style:footer></style:master-page></office:master-styles></office:document-styles>`,
  );
  zip.file(
    "content.xml",
    `<?xml version="1.0"?><office:document-content ${ns}><office:body><office:text><text:p><draw:frame><draw:text-box><text:p>Clerk: Jane Abbott</text:p><text:p>Tel: 01234 567890</text:p></draw:text-box></draw:frame>AGENDA</text:p><text:p>1. Apologies</text:p></office:text></office:body></office:document-content>`,
  );
  const d = await read("a.odt", await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
  assert.deepEqual(texts(d), [
    "BROCKTON PARISH COUNCIL",
    "Clerk: Jane Abbott",
    "Tel: 01234 567890",
    "AGENDA",
    "1. Apologies",
  ]);
});
