// The shared helpers on the printed forms they exist for: dates and times, member lists, glued bold
// runs, and agenda rows (page ranges, report-by glued to the title).
import assert from "node:assert/strict";
import { test } from "node:test";
import { itemFields, splitGluedReportBy, takePages } from "../agenda/items";
import { findDate, findTime, isDateOnly, parseDateTime } from "./dates";
import { segmentsOf } from "./lines";
import { findEmail, findPhone, looksLikePersonName, samePerson, splitHonorificNames, splitRole } from "./names";
import { clean, isUpperLine, similarity } from "./text";

test("dates and times as councils print them", () => {
  assert.deepEqual(parseDateTime("Friday 10 March 2017 at 11.00 am"), { date: "2017-03-10", time: "11:00" });
  assert.deepEqual(parseDateTime("Tuesday, 2 June 2015 at 2.00 pm"), { date: "2015-06-02", time: "14:00" });
  assert.deepEqual(parseDateTime("Thursday, 30th January, 2025, at 10.00 am"), { date: "2025-01-30", time: "10:00" });
  assert.equal(findDate("CABINET – 10TH MARCH 2017")?.iso, "2017-03-10");
  assert.equal(findDate("on 22/10/2009")?.iso, "2009-10-22");
  assert.equal(findDate("31 February 2017"), null); // no such day
  assert.equal(findTime("19:15"), "19:15");
  assert.equal(findTime("12 noon"), "12:00");
  assert.equal(findTime("12.30pm"), "12:30");
  assert.equal(isDateOnly("17 JANUARY 2017"), true);
  assert.equal(isDateOnly("CABINET 17 JANUARY 2017"), false);
});

test("member lists split before honorifics, roles come off", () => {
  assert.deepEqual(splitHonorificNames("Mr. Dave Houseman MBE, CC Mrs. P. Posnett CC"), [
    "Mr. Dave Houseman MBE, CC",
    "Mrs. P. Posnett CC",
  ]);
  assert.equal(splitHonorificNames("Mrs. R. Camamile CC Mr. M. H. Charlesworth CC Mr. S. J. Hampson CC").length, 3);
  assert.deepEqual(splitRole("Mr. N. J. Rushton CC (Chairman)"), { name: "Mr. N. J. Rushton CC", role: "Chairman" });
  assert.equal(looksLikePersonName("Sandy McMillan"), true);
  assert.equal(looksLikePersonName("Assistant Chief Executive"), false);
  assert.equal(looksLikePersonName("Adults and Communities Department"), false);
  assert.equal(findEmail("Email: Ann.Carruthers@leics.gov.uk.")?.value, "Ann.Carruthers@leics.gov.uk");
  assert.equal(findPhone("Tel: (0116) 305 7966")?.value, "(0116) 305 7966");
  assert.equal(findPhone("Tel: 03000 414043")?.value, "03000 414043");
});

test("glued bold runs split into header, title, author and PART", () => {
  const segs = segmentsOf(
    1,
    "CABINET – 10 MARCH 2017COMMUNITY SPEED ENFORCEMENTREPORT OF THE DIRECTOR OF ENVIRONMENT AND TRANSPORTPART APurpose of the Report",
  ).map((s) => s.text);
  assert.deepEqual(segs, [
    "CABINET – 10 MARCH 2017",
    "COMMUNITY SPEED ENFORCEMENT",
    "REPORT OF THE DIRECTOR OF ENVIRONMENT AND TRANSPORT",
    "PART A",
    "Purpose of the Report",
  ]);
  assert.deepEqual(
    segmentsOf(2, "DEPARTMENT OF TRANSPORT").map((s) => s.text),
    ["DEPARTMENT OF TRANSPORT"],
  );
});

test("agenda rows: page ranges, table columns and glued report-by", () => {
  assert.deepEqual(takePages("Minutes. (Pages 3 - 12)"), { rest: "Minutes.", pages: { start: 3, end: 12 } });
  assert.deepEqual(takePages("Item (Page 9)").pages, { start: 9, end: 9 });
  assert.deepEqual(itemFields(["Budget.", "Director of Finance", "(Pages 21 - 28)"]), {
    title: "Budget",
    reportBy: "Director of Finance",
    pages: { start: 21, end: 28 },
  });
  assert.deepEqual(splitGluedReportBy("Direct Payment Cards. Director of Adults and Communities", true), {
    title: "Direct Payment Cards.",
    reportBy: "Director of Adults and Communities",
  });
  assert.equal(
    splitGluedReportBy("Strategy 2024/25 to 2027/28 Chief Executive and Director of X", true).reportBy,
    "Chief Executive and Director of X",
  );
  // Without a page range, no report-by is guessed from a title that merely mentions an officer.
  assert.equal(splitGluedReportBy("Appointment of the Chief Executive", false).reportBy, null);
  const f = itemFields([
    "Future Strategy for Libraries. Report of the Director of Adults and Communities.",
    "",
    "(Pages 9 - 18)",
  ]);
  assert.equal(f.title, "Future Strategy for Libraries");
  assert.equal(f.reportBy, "Director of Adults and Communities");
});

test("text helpers", () => {
  assert.equal(clean("  **Cabinet**\u00a0 report "), "Cabinet report");
  assert.equal(isUpperLine("CABINET – 10TH MARCH 2017"), true);
  assert.equal(isUpperLine("Purpose of the Report"), false);
  assert.ok(similarity("Better Care Fund Plan 2017/18-2018/19", "BETTER CARE FUND PLAN 2017/18 – 2018/19") > 0.5);
});

test("samePerson: one person however the list prints them", () => {
  assert.equal(samePerson("Osborne", "Cllr K Osborne"), true);
  assert.equal(samePerson("Cllr K. Osborne", "Councillor K Osborne (Chair)"), true);
  assert.equal(samePerson("Cllr K Osborne", "Cllr P Osborne"), false);
  assert.equal(samePerson("Cllr K Osborne", "Cllr K Osbourne"), false);
});
