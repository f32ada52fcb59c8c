// Recommendations as councils number them: a numbered list under a lead-in (even of one item),
// decimal paragraph numbers (2.1, 2.2), "That …" paragraphs; a report's running paragraph numbers
// (7., 8.) are not a list.
import assert from "node:assert/strict";
import { test } from "node:test";
import { textDocument } from "../testing/text-document";
import { recommendationsIn } from "./lists";

const recs = (lines: string[]) => {
  const d = textDocument(lines.join("\n"));
  return recommendationsIn(d, 1, d.lines.length);
};

test("a numbered list under a lead-in: each number is a recommendation, the lead-in is not", () => {
  assert.deepEqual(
    recs([
      "It is recommended that the Committee:",
      "",
      "1. Notes the forecast outturn position;",
      "",
      "2. Approves the transfer from the general reserve;",
      "",
      "3. Asks officers to report again.",
    ]),
    [
      "Notes the forecast outturn position;",
      "Approves the transfer from the general reserve;",
      "Asks officers to report again.",
    ],
  );
  assert.deepEqual(recs(["It is recommended that Cabinet:", "", "1. Confirms the order without modification."]), [
    "Confirms the order without modification.",
  ]);
});

test("decimal paragraph numbers under the section's number", () => {
  assert.deepEqual(
    recs([
      "2.1 That Cabinet approves the strategy.",
      "2.2 That Cabinet notes the timetable.",
      "",
      "2.3 That the Leader be consulted.",
    ]),
    ["That Cabinet approves the strategy.", "That Cabinet notes the timetable.", "That the Leader be consulted."],
  );
});

test("'That …' paragraphs are each a recommendation", () => {
  assert.deepEqual(recs(["That the Committee notes the report.", "", "That the policy be adopted."]), [
    "That the Committee notes the report.",
    "That the policy be adopted.",
  ]);
});

test("running paragraph numbers are not a list: the recommendation is the first paragraph", () => {
  assert.deepEqual(
    recs(["7. The Committee is asked to note the report.", "", "8. Members will recall the decision of last year."]),
    ["The Committee is asked to note the report."],
  );
});
