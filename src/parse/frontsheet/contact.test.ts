// Front-sheet facts that are not labelled fields: the contact in a sentence or under a clerk's
// signature, the next meeting's date, and membership given in one sentence that wraps.
import assert from "node:assert/strict";
import { test } from "node:test";
import { textDocument } from "../testing/text-document";
import { clerkSignature, contactInSentence, nextMeetingIn } from "./contact";
import { parseFrontSheet } from "./index";

const doc = (lines: string[]) => textDocument(lines.join("\n"));

test("a contact sentence names the person, the phone and the e-mail", () => {
  assert.deepEqual(
    contactInSentence(
      "For further information please contact Priya Gibson, Democratic Services Officer, on 01632 960411 or by email at priya.gibson@example.gov.uk.",
    ),
    { name: "Priya Gibson", phone: "01632 960411", email: "priya.gibson@example.gov.uk" },
  );
  assert.equal(contactInSentence("Contact Democratic Services on 01632 960411.").name, null);
});

test("a clerk's signature block: the name above the role, the phone and e-mail below", () => {
  const d = doc([
    "Signed: James Rowley",
    "",
    "Clerk to the Council",
    "",
    "Tel: 01577 527914  Email: clerk@radstone-pc.org.uk",
  ]);
  assert.deepEqual(clerkSignature(d, 1, d.lines.length), {
    name: "James Rowley",
    phone: "01577 527914",
    email: "clerk@radstone-pc.org.uk",
  });
  const one = doc(["Mrs J Smith, Parish Clerk", "01632 960411"]);
  assert.deepEqual(clerkSignature(one, 1, one.lines.length), {
    name: "Mrs J Smith",
    phone: "01632 960411",
    email: null,
  });
  // The letterhead's "Clerk to the Council, <address>" is no signature.
  const head = doc(["ASHBY PARISH COUNCIL", "Clerk to the Council, Village Hall, Ashby"]);
  assert.equal(clerkSignature(head, 1, head.lines.length), null);
});

test("the next meeting: on a labelled line, or in the sentence under an item of that name", () => {
  const a = doc(["8. Any other business", "", "Date of next meeting: Tuesday 8th April 2025 at 7.30 pm"]);
  assert.equal(nextMeetingIn(a, 1, a.lines.length), "2025-04-08");
  const b = doc(["9. Date of Next Meeting", "", "The next meeting will be held on Monday, 3 March 2025 at 19:00."]);
  assert.equal(nextMeetingIn(b, 1, b.lines.length), "2025-03-03");
  const c = doc(["3. Minutes of the meeting held on 5 February 2025"]);
  assert.equal(nextMeetingIn(c, 1, c.lines.length), null);
});

test("membership in one sentence on the label's line, wrapped, with Chair and Vice-Chairperson", () => {
  const d = doc([
    "RADSTONE PARISH COUNCIL",
    "",
    "A meeting of Radstone Parish Council will be held in the Village Hall on 4 June 2025 at 7.00 pm.",
    "",
    "Membership: Councillors G Barker (Chair), L Mason (Vice-Chairperson), T Parker, B",
    "Walsh and S Dawson",
    "",
    "AGENDA",
    "",
    "1. Apologies for absence",
    "2. Declarations of interest",
  ]);
  const fs = parseFrontSheet(d, 1, d.lines.length);
  assert.deepEqual(
    fs?.meeting.membership.map((m) => [m.name, m.role]),
    [
      ["G Barker", "Chair"],
      ["L Mason", "Vice-Chairperson"],
      ["T Parker", null],
      ["B Walsh", null],
      ["S Dawson", null],
    ],
  );
  assert.deepEqual(
    fs?.meeting.agenda.map((a) => a.title),
    ["Apologies for absence", "Declarations of interest"],
  );
});

test("a contact's e-mail with a space set inside it by a PDF, or wrapped under the contact line", () => {
  const d = doc([
    "CABINET",
    "",
    "Date: Thursday, 30 January 2025 at 10.00 am",
    "Ask for: Jane Smith",
    "Email: jane.smith@kent .gov.uk",
    "",
    "AGENDA",
    "",
    "1. Apologies for absence",
  ]);
  assert.equal(parseFrontSheet(d, 1, d.lines.length)?.meeting.contact?.email, "jane.smith@kent.gov.uk");
  const w = doc([
    "CABINET",
    "",
    "Date: Thursday, 30 January 2025 at 10.00 am",
    "Contact: Democratic Services on 01632 960411, email",
    "democratic.services@example.gov.uk",
    "",
    "AGENDA",
    "",
    "1. Apologies for absence",
  ]);
  assert.deepEqual(parseFrontSheet(w, 1, w.lines.length)?.meeting.contact, {
    name: "Democratic Services",
    phone: "01632 960411",
    email: "democratic.services@example.gov.uk",
  });
});
