// Meeting status notices: cancelled and postponed meetings as councils print them, in the head of
// agendas of several house styles, and what must not count (an item deferred, another meeting moved).
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseDocument } from "../index";
import { textDocument } from "../testing/text-document";
import { findNotice, noticeIn, stateFromStatusField } from "./notice";

test("the ways a notice is printed", () => {
  const cases: [string, string | null, string | null][] = [
    ["This meeting has been cancelled.", "cancelled", null],
    ["THIS MEETING HAS BEEN CANCELLED", "cancelled", null],
    ["Please note that the meeting of the Planning Committee has now been cancelled", "cancelled", null],
    ["CANCELLED", "cancelled", null],
    ["Meeting cancelled", "cancelled", null],
    ["CABINET – CANCELLED", "cancelled", null],
    ["Audit Committee (POSTPONED)", "postponed", null],
    ["This meeting has been postponed to Thursday 3 April 2025.", "postponed", "2025-04-03"],
    ["The meeting has been rescheduled to 12 May 2024", "postponed", "2024-05-12"],
    ["This meeting will now take place on 5th June 2023 at 7pm", "postponed", "2023-06-05"],
    ["Meeting status: Cancelled", "cancelled", null],
  ];
  for (const [text, state, date] of cases) {
    const got = noticeIn(text);
    assert.equal(got?.state ?? null, state, text);
    assert.equal(got?.rescheduledTo ?? null, date, text);
  }
  for (const text of [
    "The meeting was not cancelled despite the weather",
    "The next meeting has been moved to 5 June 2025",
    "6. PLANNING APPLICATION 23/0012 (POSTPONED)",
    "Report on cancelled bus services",
    "Postponed items from the last meeting",
    "The cancelled contract was re-let in March",
  ])
    assert.equal(noticeIn(text), null, text);
  assert.equal(stateFromStatusField("Cancelled"), "cancelled");
  assert.equal(stateFromStatusField("Postponed"), "postponed");
  assert.equal(stateFromStatusField("Confirmed"), null);
});

test("only the head of the papers is read, and the new date may be on the next line", () => {
  const lines = (texts: string[]) => texts.map((text, i) => ({ n: i + 1, text, page: 1 }));
  const moved = findNotice(lines(["Cabinet", "", "This meeting has been postponed until:", "Monday 7 July 2025"]));
  assert.deepEqual(moved && { s: moved.state, d: moved.rescheduledTo, e: moved.span.endLine }, {
    s: "postponed",
    d: "2025-07-07",
    e: 4,
  });
  const deep = lines([...Array.from({ length: 45 }, (_, i) => `Line ${i + 1} of the minutes`), "CANCELLED"]);
  assert.equal(findNotice(deep), null);
});

test("an agenda front sheet printed as cancelled gives a cancelled meeting; the same sheet without it does not", () => {
  const sheet = (notice: string) =>
    textDocument(`Exampleshire County Council

${notice}

PLANNING AND REGULATION COMMITTEE

Date: Tuesday, 14 January 2025
Time: 10.00 am
Venue: County Hall, Exampletown

AGENDA

1. Apologies for absence
2. Declarations of interest
3. Minutes of the meeting held on 10 December 2024
`);
  const cancelled = parseDocument(sheet("THIS MEETING HAS BEEN CANCELLED"));
  assert.equal(cancelled.meetings.length, 1);
  assert.equal(cancelled.meetings[0].status?.state, "cancelled");
  assert.equal(cancelled.meetings[0].date, "2025-01-14");
  const held = parseDocument(sheet("Members of the public are welcome"));
  assert.equal(held.meetings[0].status, undefined);
});
