// Report covers that are not a dated capitals header: a "Report to: / Date: / Subject: / Report of:"
// table or list of fields, and a title in ordinary case over "Report of the Director of …"; and the
// look-alikes that are not covers (an agenda item with its "Report of" note, an officer's own line).
import assert from "node:assert/strict";
import { test } from "node:test";
import { textDocument } from "../testing/text-document";
import { findReportHeads } from "./detect";

const heads = (lines: string[], markdown = false) => {
  const d = textDocument(lines.join("\n"), markdown ? "t.md" : "t.txt", markdown);
  return findReportHeads(d, 1, d.lines.length, () => false).map((h) => ({
    start: h.start,
    title: h.title,
    author: h.author,
    stamp: h.stamp,
    meeting: h.meeting,
  }));
};

const body = ["", "Purpose of the Report", "", "This report asks the Committee to consider the matter."];

test("a cover table of labelled rows gives the title, the author and the meeting", () => {
  const got = heads(
    [
      "Agenda Item 6",
      "",
      "| Report to: | Licensing Committee |",
      "| --- | --- |",
      "| Date: | 4 June 2025 |",
      "| Subject: | Review of the Statement of Licensing Policy |",
      "| Report of: | Head of Legal and Democratic Services |",
      "| Wards affected: | All |",
      ...body,
    ],
    true,
  );
  assert.deepEqual(got, [
    {
      start: 1,
      title: "Review of the Statement of Licensing Policy",
      author: "Head of Legal and Democratic Services",
      stamp: "6",
      meeting: { body: "Licensing Committee", date: "2025-06-04" },
    },
  ]);
});

test("cover fields as lines, in another order, with the title wrapped under its label", () => {
  const got = heads([
    "Report of: the Director of Finance",
    "Report to: Cabinet",
    "Date: 12 March 2025",
    "Subject: Treasury Management Strategy",
    "and Annual Investment Strategy",
    "Key decision: Yes",
    ...body,
  ]);
  assert.equal(got.length, 1);
  assert.equal(got[0].title, "Treasury Management Strategy and Annual Investment Strategy");
  assert.equal(got[0].author, "Director of Finance");
  assert.deepEqual(got[0].meeting, { body: "Cabinet", date: "2025-03-12" });
});

test("fields without a title, and an officer's line before the next cover, open no cover", () => {
  assert.deepEqual(heads(["Date: 4 June 2025", "Time: 7.00 pm", "Venue: Council Chamber", ...body]), []);
  const got = heads([
    "Report author: Jane Smith, Finance Manager, Tel: 01632 960411",
    "",
    "Report to: Cabinet",
    "Date: 12 March 2025",
    "Subject: Fees and Charges",
    ...body,
  ]);
  assert.equal(got.length, 1);
  assert.equal(got[0].start, 3);
});

test("a title in ordinary case over 'Report of the …', with the meeting on the line below", () => {
  const got = heads([
    "Budget Monitoring Report Quarter 2",
    "",
    "Report of the Director of Finance",
    "",
    "Audit and Governance Committee, 5 March 2025",
    ...body,
  ]);
  assert.deepEqual(got, [
    {
      start: 1,
      title: "Budget Monitoring Report Quarter 2",
      author: "Director of Finance",
      stamp: null,
      meeting: { body: "Audit and Governance Committee", date: "2025-03-05" },
    },
  ]);
});

test("an agenda item with its 'Report of' note, or a 'Report of' line in running text, is no report", () => {
  const agenda = [
    "AGENDA",
    "",
    "5. Budget Monitoring",
    "Report of the Director of Finance",
    "",
    "6. Any other business",
  ];
  assert.deepEqual(heads(agenda), []);
  const prose = [
    "The Committee considered the matter at length.",
    "",
    "Budget Monitoring",
    "Report of the Director of Finance",
    "was noted by the Committee and the officers thanked.",
    "",
    "Members asked questions about the reserves.",
  ];
  assert.deepEqual(heads(prose), []);
});
