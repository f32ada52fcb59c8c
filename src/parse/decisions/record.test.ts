// Records of decision in the forms councils print them (made-up text in those forms; the real Kent
// records are checked in ../corpus.test.ts): labels with values after the colon or on the lines
// below, a printed date of decision, interests declared, and documents that are not records.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseDocument } from "../index";
import { textDocument } from "../testing/text-document";
import { parseDecisionRecord } from "./record";

const docOf = (text: string) => textDocument(text, "x.txt");

const OFFICER = `Northshire County Council - Record of Executive Decision

Decision taken by: Cabinet Member for Highways and Transport

Decision number: 23/01234

Date of decision: 5 March 2024

Key decision: No

Title of decision: Speed limit on Mill Lane

Decision:

(a) To reduce the speed limit on Mill Lane to 30 mph.

(b) To advertise the order.

Reasons for decision:

1.1 The road has seen three collisions since 2021.

1.2 Residents asked for the change.

Alternatives considered and rejected:

None.

Any interest declared by the decision maker: Cllr P Smith declared a personal interest as a resident of Mill Lane.
`;

test("an executive record: maker, number, date, key flag, clauses, reasons, interests", () => {
  const r = parseDecisionRecord(docOf(OFFICER));
  assert.ok(r);
  const m = r.meeting;
  assert.equal(m.body, "Cabinet Member for Highways and Transport");
  assert.equal(m.authority, "Northshire County Council");
  assert.equal(m.date, "2024-03-05");
  const d = m.minutes[0];
  assert.equal(d.number, "23/01234");
  assert.equal(d.title, "Speed limit on Mill Lane");
  assert.equal(d.keyDecision, false);
  assert.deepEqual(
    d.resolutions.map((c) => [c.label, c.text]),
    [
      ["a", "To reduce the speed limit on Mill Lane to 30 mph."],
      ["b", "To advertise the order."],
    ],
  );
  assert.deepEqual(d.reasons, ["The road has seen three collisions since 2021.", "Residents asked for the change."]);
  assert.deepEqual(
    d.declarations.map((x) => x.member),
    ["Cllr P Smith"],
  );
});

test("a one-sentence decision and a record without a date of decision", () => {
  const r = parseDecisionRecord(
    docOf(`RECORD OF DECISION

Decision maker: Cabinet

Subject: Library opening hours

Decision: To approve the revised opening hours.

Reason(s) for decision:

The libraries must save £40,000.
`),
  );
  assert.ok(r);
  assert.equal(r.meeting.body, "Cabinet");
  assert.equal(r.meeting.date, null);
  assert.ok(r.diagnostics.some((x) => /no date of decision/.test(x.message)));
  const d = r.meeting.minutes[0];
  assert.equal(d.title, "Library opening hours");
  assert.equal(d.keyDecision, null, "the record does not say");
  assert.deepEqual(
    d.resolutions.map((c) => c.text),
    ["To approve the revised opening hours."],
  );
  assert.deepEqual(d.reasons, ["The libraries must save £40,000."]);
});

test("a document that only mentions a record of decision is not one", () => {
  const doc = docOf(`CABINET

Minutes of a meeting of the Cabinet held at County Hall on Monday, 4 March 2024.

PRESENT: Cllr A (Chairman), Cllr B

1. Record of decision 23/0001

RESOLVED that the record of decision be noted.
`);
  assert.equal(parseDecisionRecord(docOf("Agenda\n\n1. Apologies\n\n2. Record of decision (Pages 1 - 4)\n")), null);
  const r = parseDocument(doc);
  assert.equal(r.meetings.length, 1);
  assert.equal(r.meetings[0].date, "2024-03-04");
  assert.equal(r.meetings[0].minutes[0].title, "Record of decision 23/0001");
});
