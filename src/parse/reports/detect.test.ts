// Report heads: the dated meeting header above a report's title and author, including a header
// whose date wraps onto a second line under a long committee name.
import assert from "node:assert/strict";
import { test } from "node:test";
import { linesFromText } from "../../extract/text/reader";
import type { SourceDocument } from "../../model/document";
import { findReportHeads } from "./detect";

const doc = (text: string): SourceDocument => ({
  name: "t.txt",
  format: "text",
  sha256: "0".repeat(64),
  lines: linesFromText(text, { markdown: false }),
  pageCount: null,
  furniture: [],
  diagnostics: [],
});

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
