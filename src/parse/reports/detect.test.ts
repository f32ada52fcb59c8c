// Report heads: the dated meeting header above a report's title and author, including a header
// whose date wraps onto a second line under a long committee name.
import assert from "node:assert/strict";
import { test } from "node:test";
import { textDocument } from "../testing/text-document";
import { findReportHeads } from "./detect";

const doc = (text: string) => textDocument(text);

const heads = (lines: string[]) => {
  const d = doc(lines.join("\n"));
  return findReportHeads(d, 1, d.lines.length, () => false).map((h) => ({
    header: h.header,
    title: h.title,
    author: h.author,
    meeting: h.meeting,
  }));
};

const report = (header: string[]) => [
  ...header,
  "",
  "HOUSING ALLOCATIONS POLICY REVIEW",
  "",
  "REPORT OF THE DIRECTOR OF HOUSING",
  "",
  "Purpose of the Report",
  "",
  "1. This report sets out a review of the policy.",
];

const expected = (body: string) => [
  {
    header: 1,
    title: "HOUSING ALLOCATIONS POLICY REVIEW",
    author: "DIRECTOR OF HOUSING",
    meeting: { body, date: "2023-03-14" },
  },
];

test("a header whose date wraps after the day number", () => {
  assert.deepEqual(
    heads(report(["COMMUNITIES, HOUSING AND NEIGHBOURHOOD SERVICES SCRUTINY PANEL – 14", "MARCH 2023"])),
    expected("COMMUNITIES, HOUSING AND NEIGHBOURHOOD SERVICES SCRUTINY PANEL"),
  );
});

test("a header whose date wraps after the month, or after an ordinal day", () => {
  assert.deepEqual(
    heads(report(["COMMUNITIES AND HOUSING SCRUTINY PANEL – 14 MARCH", "2023"])),
    expected("COMMUNITIES AND HOUSING SCRUTINY PANEL"),
  );
  assert.deepEqual(
    heads(report(["COMMUNITIES AND HOUSING SCRUTINY PANEL – 14TH", "MARCH 2023"])),
    expected("COMMUNITIES AND HOUSING SCRUTINY PANEL"),
  );
});

test("the header on one line, and the date alone on the next, read as before", () => {
  assert.deepEqual(heads(report(["HOUSING PANEL – 14 MARCH 2023"])), expected("HOUSING PANEL"));
  assert.deepEqual(heads(report(["HOUSING PANEL", "14 MARCH 2023"])), expected("HOUSING PANEL"));
});

test("an upper-case line ending in a number over a line with more than a date's tail is no header", () => {
  assert.deepEqual(
    heads(["SCHEDULE OF WORKS PHASE 14", "MARCH 2023 PROGRAMME AND COSTS", "", "Some text follows here."]),
    [],
  );
});

test("a committee name that wraps before the dated line is one header", () => {
  assert.deepEqual(
    heads(report(["COMMUNITIES, HOUSING AND NEIGHBOURHOOD SERVICES SCRUTINY", "PANEL – 14 MARCH 2023"])),
    expected("COMMUNITIES, HOUSING AND NEIGHBOURHOOD SERVICES SCRUTINY PANEL"),
  );
});

test("the end of the report before it on the same page is no part of the header", () => {
  const got = heads([
    "HOUSING PANEL – 1 FEBRUARY 2023",
    "",
    "GARAGE SITES DISPOSAL",
    "",
    "REPORT OF THE DIRECTOR OF HOUSING",
    "",
    "1. This report sets out the sites.",
    "",
    "SITE SCHEDULE",
    "HOUSING PANEL – 14 MARCH 2023",
    "",
    "HOUSING ALLOCATIONS POLICY REVIEW",
    "",
    "REPORT OF THE DIRECTOR OF HOUSING",
  ]);
  assert.deepEqual(
    got.map((h) => h.meeting),
    [
      { body: "HOUSING PANEL", date: "2023-02-01" },
      { body: "HOUSING PANEL", date: "2023-03-14" },
    ],
  );
});

test("on a paged document the wrapped name must open its page", () => {
  const body = ["", "HOUSING ALLOCATIONS POLICY REVIEW", "", "REPORT OF THE DIRECTOR OF HOUSING"];
  const first = heads([
    "Closing words of the report before.",
    "\fCOMMUNITIES, HOUSING AND NEIGHBOURHOOD SERVICES SCRUTINY",
    "PANEL – 14 MARCH 2023",
    ...body,
  ]);
  assert.deepEqual(first[0].meeting, {
    body: "COMMUNITIES, HOUSING AND NEIGHBOURHOOD SERVICES SCRUTINY PANEL",
    date: "2023-03-14",
  });
  const below = heads([
    "\fTABLE OF GARAGE SITES AND THEIR CURRENT OCCUPANCY BY WARD",
    "",
    "SCHEDULE OF SITES TO BE OFFERED FOR DISPOSAL IN THE FIRST PHASE",
    "PANEL – 14 MARCH 2023",
    ...body,
  ]);
  assert.deepEqual(below[0].meeting, { body: "PANEL", date: "2023-03-14" });
});
