// Round trip for small councils' house styles: generated parish, town and community council papers
// → PDF, Word, HTML page, HTML fragment and Markdown → the real readers and parser → the records
// compared field by field with what each document states. CI runs a fixed seed set; set
// MINUTEBOOK_ROUNDTRIP_SEED and MINUTEBOOK_ROUNDTRIP_RUNS for a wider sweep (scripts/house-sweep.ts
// writes the failures per style and field for whoever works on the parser).
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import JSZip from "jszip";
import {
  ATTENDANCE_LAYOUTS,
  generateParishDoc,
  HEADING_STYLES,
  type HouseStyle,
  LETTERHEADS,
  NUMBER_SCHEMES,
  type ParishDoc,
} from "../demo/parish";
import type { Meeting, ParseResult } from "../model/parse-v1";
import { parseBytes } from "../pipeline/parse-file";
import { renderParishDoc } from "./house";
import { compareHouse, type FieldResult } from "./house-compare";
import { HOUSE_FORMATS, type HouseFormat, renderHouse } from "./house-out";

const SEED = process.env.MINUTEBOOK_ROUNDTRIP_SEED ?? "house-ci";
const RUNS = Number(process.env.MINUTEBOOK_ROUNDTRIP_RUNS ?? 14);

/** Each run cycles the numbering schemes, heading styles, attendance layouts and title blocks so every one is covered. */
function docFor(i: number): ParishDoc {
  const fixed: Partial<HouseStyle> = {
    numbering: NUMBER_SCHEMES[i % NUMBER_SCHEMES.length],
    heading: HEADING_STYLES[i % HEADING_STYLES.length],
    attendance: ATTENDANCE_LAYOUTS[i % ATTENDANCE_LAYOUTS.length],
    letterhead: LETTERHEADS[i % LETTERHEADS.length],
  };
  return generateParishDoc(`${SEED}-${i}`, fixed, { genre: i % 5 === 4 ? "agenda" : "minutes" });
}

type Sample = {
  doc: ParishDoc;
  format: HouseFormat;
  truth: Meeting[];
  got: ParseResult | Error;
  results: FieldResult[];
};
const samples: Sample[] = [];

before(async () => {
  for (let i = 0; i < RUNS; i++) {
    const doc = docFor(i);
    const { doc: h, truth } = renderParishDoc(doc);
    for (const format of HOUSE_FORMATS) {
      const bytes = await renderHouse(h, format, {
        letterheadInHeader: i % 2 === 0,
        escapeNumbers: i % 3 === 0,
        htmlLists: i % 2 === 1,
        wordNumbering: i % 4 !== 3,
      });
      let got: ParseResult | Error;
      try {
        got = await parseBytes(`${SEED}-${i}.${format}`, bytes);
      } catch (e) {
        got = e as Error;
      }
      samples.push({ doc, format, truth, got, results: compareHouse(truth, got) });
    }
  }
});

/**
 * The fields the parser reads today, and in which styles. Widen this as the parser learns more
 * styles (scripts/house-sweep.ts prints where each field is always read); never narrow it.
 */
const electors = (d: ParishDoc) => d.meetings.some((m) => m.kind === "annual-parish");
const READ: Record<string, (d: ParishDoc) => boolean> = {
  time: () => true,
  body: () => true,
  authority: () => true,
  location: (d) => d.style.attendance !== "in-minute",
  "attendance: chair": () => true,
  "attendance: present": (d) => !electors(d),
  "attendance: apologies": (d) => !electors(d),
  "attendance: in attendance": (d) => !electors(d) && d.style.attendance !== "in-minute",
  "minute numbers": (d) => !(electors(d) && d.style.numbering === "none"),
  "minute titles": (d) => !(electors(d) && d.style.numbering === "none"),
  resolutions: (d) => !(electors(d) && d.style.numbering === "none"),
  declarations: (d) => d.style.numbering !== "lettered",
  "agenda numbers": () => true,
  "agenda titles": () => true,
};

describe("small councils' house styles, round trip", () => {
  test("every document is read in every format without an error", () => {
    const errors = samples
      .filter((s) => s.got instanceof Error)
      .map((s) => `${s.doc.id} ${s.format}: ${(s.got as Error).message}`);
    assert.deepEqual(errors, []);
  });

  // PDF lines are the printed lines (a paragraph wraps), so PDF is held to the fields above, not to this.
  test("the readers hand the parser the same paragraphs whatever the format: Word, HTML, fragment and Markdown parse alike", () => {
    const differ: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const group = samples.filter((s) => s.doc.id === `${SEED}-${i}`);
      const ref = group.find((s) => s.format === "docx")!;
      for (const s of group) {
        if (s === ref || s.format === "pdf") continue;
        // Gap in the parser (listed in styles-failing): a Markdown table's separator row, an empty row
        // of cells, ends the attendance columns. Remove this line once the parser reads them.
        if (s.format === "markdown" && s.doc.style.attendance === "columns") continue;
        for (const r of s.results) {
          const other = ref.results.find((x) => x.field === r.field && x.meeting === r.meeting);
          if (!other) continue;
          if (JSON.stringify(other.got) !== JSON.stringify(r.got) && r.field !== "meeting found")
            differ.push(
              `${s.doc.id} ${r.meeting} ${r.field}: docx ${JSON.stringify(other.got)} vs ${s.format} ${JSON.stringify(r.got)}`,
            );
        }
      }
    }
    assert.deepEqual(differ, []);
  });

  for (const [field, applies] of Object.entries(READ)) {
    test(`${field} comes back in every format for the styles the parser reads`, () => {
      const checked = samples
        .filter((s) => applies(s.doc))
        .flatMap((s) => s.results.filter((r) => r.field === field).map((r) => ({ s, r })));
      assert.ok(checked.length >= 5, `only ${checked.length} checks of ${field}`);
      const failed = checked
        .filter(({ r }) => !r.ok)
        .map(
          ({ s, r }) =>
            `${s.doc.id} ${s.format} (${s.doc.style.numbering}, ${s.doc.style.attendance}) ${r.meeting}: want ${JSON.stringify(r.want)} got ${JSON.stringify(r.got)}`,
        );
      assert.deepEqual(failed, []);
    });
  }

  test("the generator is deterministic: the same seed gives the same bytes", async () => {
    const a = renderParishDoc(docFor(3)).doc;
    const b = renderParishDoc(docFor(3)).doc;
    for (const f of ["html-fragment", "markdown", "pdf"] as const)
      assert.deepEqual(await renderHouse(a, f), await renderHouse(b, f), f);
    assert.notDeepEqual(renderParishDoc(docFor(3)).truth, renderParishDoc(docFor(10)).truth);
  });

  test("Word output numbers minutes with Word's automatic numbering, and the reader computes the numbers back", async () => {
    const doc = generateParishDoc(
      `${SEED}-word`,
      { numbering: "running", heading: "line" },
      { genre: "minutes", kind: "annual+ordinary" },
    );
    const { doc: h, truth } = renderParishDoc(doc);
    const bytes = await renderHouse(h, "docx");
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("word/document.xml")!.async("string");
    const numbering = await zip.file("word/numbering.xml")!.async("string");
    const first = truth[0].minutes[0].number!;
    // The number is not in the text: it is a numPr on the paragraph and a start value in numbering.xml.
    assert.ok(!xml.includes(`>${first}.`), "the minute number is typed into the text");
    assert.ok(xml.includes("<w:numPr>"));
    assert.ok(numbering.includes(`w:val="${first}"`));
    const got = await parseBytes("minutes.docx", bytes);
    const numbers = got.meetings.flatMap((m) => m.minutes.map((x) => x.number));
    // Running numbers continue from the annual meeting into the ordinary meeting in the same file.
    assert.deepEqual(
      numbers,
      truth.flatMap((m) => m.minutes.map((x) => x.number)),
    );
    assert.equal(Number(numbers[numbers.length - 1]) - Number(numbers[0]), numbers.length - 1);
  });
});
