// The renderer's pieces: printed formats, pack layout (documents on odd pages, blank pages
// between), page ranges that agree with the layout, and PDFs that are a function of their records.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { test } from "node:test";
import { generateCouncil } from "../demo/generate";
import { parseBytes } from "../pipeline/parse-file";
import { BLANK_PAGE_TEXT } from "./blocks";
import { clock, dayDate, money, reportHeader } from "./format";
import { layoutPack, renderAgendaPack, renderFrontSheetText, renderMinutesText, renderReportText } from "./pack";
import { renderAgendaPackPdf, renderMinutesPdf } from "./pdf";

test("formats dates, times and sums as committee papers print them", () => {
  assert.equal(clock("14:00"), "2.00 pm");
  assert.equal(clock("10:30"), "10.30 am");
  assert.equal(clock("12:00"), "12.00 pm");
  assert.equal(clock("00:15"), "12.15 am");
  assert.equal(dayDate("2017-03-10", false), "Friday 10 March 2017");
  assert.equal(dayDate("2017-02-10"), "Friday, 10 February 2017");
  assert.equal(money(750_000), "£750,000");
  assert.equal(money(2_850_000), "£2.85m");
  assert.equal(money(3_000_000), "£3m");
  assert.equal(reportHeader("Cabinet", "2017-03-10"), "CABINET – 10 MARCH 2017");
});

test("each document in a pack starts on an odd page", () => {
  const parts = [
    { kind: "minutes" as const, agendaItem: "1", blocks: [] },
    { kind: "report" as const, agendaItem: "4", blocks: [] },
  ];
  const l = layoutPack([1, 3, 2], parts);
  assert.deepEqual(l.starts, [1, 3, 7]);
  assert.deepEqual(
    [...l.pages],
    [
      ["1", { start: 3, end: 5 }],
      ["4", { start: 7, end: 8 }],
    ],
  );
  assert.equal(l.pageCount, 8);
});

const demo = generateCouncil({ meetings: 60, seed: "render" });
const byId = new Map(demo.meetings.map((m) => [m.id, m]));
const withPrev = demo.meetings.filter((m) => m.previousId && m.doc.record.reports.length >= 2);

test("text packs print page ranges that follow one another, with a blank page wherever one is skipped", () => {
  for (const m of withPrev) {
    const r = renderAgendaPack(m.doc, byId.get(m.previousId!)!.doc);
    const ranges = r.meetings[0].agenda.flatMap((a) => (a.pages ? [a.pages] : []));
    assert.ok(ranges.length >= 3);
    let blanks = 0;
    let prevEnd = ranges[0].start - 1;
    for (const p of ranges) {
      assert.equal(p.start % 2, 1, "documents start on odd pages");
      assert.ok(p.end >= p.start);
      blanks += p.start - prevEnd - 1;
      prevEnd = p.end;
    }
    // After the front sheet, blank pages come exactly where the ranges skip a page.
    const body = r.text.slice(r.text.indexOf("\nMinutes of a meeting of"));
    const printed = body.split("\n").filter((l) => l === BLANK_PAGE_TEXT).length;
    assert.equal(printed, blanks);
    assert.equal(prevEnd, r.pageCount);
    for (const a of r.meetings[0].agenda)
      if (a.pages) assert.ok(r.text.includes(`(Pages ${a.pages.start} - ${a.pages.end})`));
  }
});

test("minutes print attendance, every minute heading and the RESOLVED clauses of the record", () => {
  const m = withPrev[0].doc.record;
  const text = renderMinutesText(withPrev[0].doc);
  assert.match(text, new RegExp(`^${m.authority}\\n`));
  assert.ok(text.includes(`${m.attendance!.chair} (in the Chair)`));
  for (const x of m.minutes) assert.ok(text.includes(`\n${x.number}. ${x.title}.\n`), x.title);
  for (const c of m.minutes.flatMap((x) => x.resolutions)) assert.ok(text.includes(c.text), c.text);
});

test("a PDF pack has the pages its front sheet implies and the same bytes every time", async () => {
  const m = withPrev[1];
  const a = await renderAgendaPackPdf(m.doc, byId.get(m.previousId!)!.doc);
  const b = await renderAgendaPackPdf(m.doc, byId.get(m.previousId!)!.doc);
  assert.deepEqual(a.bytes, b.bytes);
  const pages = Buffer.from(a.bytes)
    .toString("latin1")
    .match(/\/Type \/Page\b/g)?.length;
  assert.equal(pages, a.pageCount);
  const last = Math.max(...a.meetings[0].agenda.map((x) => x.pages?.end ?? 0));
  assert.equal(last, a.pageCount);
  // Each report was drawn starting on the first page of its printed range.
  for (const r of a.meetings[0].reports) {
    const item = a.meetings[0].agenda.find((x) => x.number === r.agendaItem)!;
    assert.equal(r.span.page, item.pages!.start);
  }
  assert.equal(a.meetings[1].span.page, a.meetings[0].agenda[0].pages!.start);
  // The same pack as text can print the PDF's page ranges instead of its own estimate.
  const text = renderAgendaPack(m.doc, byId.get(m.previousId!)!.doc, { pages: a.pages });
  assert.deepEqual(
    text.meetings[0].agenda.map((x) => x.pages),
    a.meetings[0].agenda.map((x) => x.pages),
  );
  assert.equal(text.pageCount, a.pageCount);
});

test("the front sheet and a report render alone as they do inside the pack", () => {
  const m = withPrev[0];
  const pack = renderAgendaPack(m.doc, byId.get(m.previousId!)!.doc);
  const pages = new Map(pack.meetings[0].agenda.flatMap((a) => (a.pages ? [[a.number, a.pages] as const] : [])));
  const front = renderFrontSheetText(m.doc, pages);
  assert.ok(pack.text.startsWith(front));
  const r = m.doc.record.reports[0];
  assert.ok(pack.text.includes(renderReportText(m.doc, r.agendaItem!)));
  assert.throws(() => renderReportText(m.doc, "999"), /no report for agenda item 999/);
});

const LIBERATION = "/usr/share/fonts/truetype/liberation";

test("PDFs refuse characters Helvetica cannot print, and print them with embedded TrueType fonts", async (t) => {
  const m = structuredClone(withPrev[0].doc);
  const name = "Mr. Łukasz Wójcik CC";
  m.record.attendance!.present.push(name);
  await assert.rejects(renderMinutesPdf(m), /cannot print "Ł" \(U\+0141\)/);
  if (!existsSync(`${LIBERATION}/LiberationSans-Regular.ttf`)) {
    t.skip("no TrueType font on this machine to embed");
    return;
  }
  const fonts = { regular: `${LIBERATION}/LiberationSans-Regular.ttf`, bold: `${LIBERATION}/LiberationSans-Bold.ttf` };
  const r = await renderMinutesPdf(m, { fonts });
  const parsed = await parseBytes("unicode.pdf", r.bytes);
  assert.ok(parsed.meetings[0].attendance?.present.includes(name), JSON.stringify(parsed.meetings[0].attendance));
});
