// Small councils' summonses, each wording with a made-up table: the meeting's date (a year-less date
// completed from the heading, a date of issue passed over), its time and its venue.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseDocument } from "../index";
import { textDocument } from "../testing/text-document";
import { englishName } from "./index";
import { readSmallSummons, venueIn, yearlessDate } from "./summons";

const summons = (text: string) => {
  const d = textDocument(text);
  const s = readSmallSummons(d, 1, d.lines.length);
  return s && [s.date, s.time, s.location];
};

test("each wording of a summons gives the meeting's date, time and venue", () => {
  const cases: [string, (string | null)[]][] = [
    [
      "You are hereby summoned to attend a meeting of Brockton Parish Council to be held in the Village Hall, Church Lane on Monday 3rd March 2025 at 7.30pm for the purpose of transacting the following business.",
      ["2025-03-03", "19:30", "Village Hall, Church Lane"],
    ],
    [
      "Notice is hereby given that the Annual Meeting of the Town Council will be held at the Memorial Hall, High Street on Tuesday, 6 May 2025, commencing at 7.15 pm.",
      ["2025-05-06", "19:15", "Memorial Hall, High Street"],
    ],
    [
      "Councillors are summoned to attend the Meeting of the Council on Thursday the 12th of June 2025 at 19:00 in the Parish Rooms.",
      ["2025-06-12", "19:00", "Parish Rooms"],
    ],
    [
      "MEETING TO BE HELD ON TUESDAY, 2nd MARCH 2021\n\n7.30pm in the Community Centre, Mill Road",
      ["2021-03-02", "19:30", "Community Centre, Mill Road"],
    ],
  ];
  for (const [text, want] of cases) assert.deepEqual(summons(text), want, text);
});

test("a date with no year takes the year from the heading, checked against the weekday", () => {
  assert.deepEqual(
    summons(
      "MEETING OF THE COUNCIL – MARCH 2025\n\nYou are hereby summoned to attend a meeting of the Council to be held in the Village Hall on Monday 3rd March at 7pm.",
    ),
    ["2025-03-03", "19:00", "Village Hall"],
  );
  // 3 March was a Monday in 2025, not in 2024: the weekday picks the year among those printed.
  assert.equal(yearlessDate("Monday 3rd March", [2024, 2025])?.iso, "2025-03-03");
  assert.equal(yearlessDate("Monday 3rd March 2025", [2025]), null, "a full date is findDate's");
  assert.equal(yearlessDate("Monday 3rd March", []), null);
});

test("a date of issue or the last meeting's date is not the meeting's", () => {
  assert.deepEqual(
    summons(
      "Dated: 1st March 2025. Councillors are summoned to attend the meeting of the Council on Monday 10th March 2025 at 7.30pm in the Village Hall.",
    ),
    ["2025-03-10", "19:30", "Village Hall"],
  );
  assert.equal(summons("Dated: 1st March 2025\n\nPlease find the agenda below."), null);
});

test("a venue is a run of capitalised words after in/at, never a time or the council", () => {
  assert.equal(
    venueIn("held at 7.30pm in the Brockton Village Hall, Church Lane, Brockton on Monday"),
    "Brockton Village Hall, Church Lane, Brockton",
  );
  assert.equal(venueIn("a meeting of the Council at the Council"), null);
  assert.equal(venueIn("held in the Council Offices, Station Road for the purpose"), "Council Offices, Station Road");
});

test("a bilingual letterhead gives the English name of the council", () => {
  assert.equal(
    englishName("Comhairle Coimhearsnachd Ghlinne Mhòir / Glenmor Community Council"),
    "Glenmor Community Council",
  );
  assert.equal(englishName("Cyngor Cymuned Pentre Pentre Community Council"), "Pentre Community Council");
  assert.equal(englishName("Cyngor Cymuned Cwm Tawel Cwm Tawel Community Council"), "Cwm Tawel Community Council");
  assert.equal(englishName("Audit and Governance Committee"), "Audit and Governance Committee");
});

test("a second agenda under its own heading, numbered from 1 again, is a meeting of its own on the same day", () => {
  const d = textDocument(
    [
      "UPPER BROCKTON PARISH COUNCIL",
      "",
      "Annual Parish Meeting in the Village Hall",
      "on Tuesday, 6th May 2025 at 7.00pm",
      "",
      "Annual Parish Meeting Agenda",
      "",
      "1. To approve the minutes of the last Annual Parish Meeting",
      "2. To receive the Annual Report of the Council",
      "",
      "Annual Meeting of the Council Agenda",
      "",
      "1. To elect a Chair",
      "2. To receive apologies for the meeting",
      "3. Finance -",
      "a) Audit Form\tSign Statement of Accounts",
      "b) Receive the Statement of Accounts",
      "4. Date of next meeting - 1st July 2025",
    ].join("\n"),
  );
  const got = parseDocument(d).meetings.map((m) => [
    m.body,
    m.date,
    m.time,
    m.location,
    m.nextMeeting,
    m.agenda.map((a) => a.number).join(" "),
  ]);
  assert.deepEqual(got, [
    ["Upper Brockton Annual Parish Meeting", "2025-05-06", "19:00", "Village Hall", null, "1 2"],
    ["Upper Brockton Parish Council", "2025-05-06", "19:00", "Village Hall", "2025-07-01", "1 2 3 3a 3b 4"],
  ]);
});

test("an agenda whose clerk's Tel: and Email: lines look like run-in minutes is read as the agenda", () => {
  const d = textDocument(
    [
      "Thornbury Town Council",
      "",
      "Date: Thursday 20th February 2025",
      "Time: 7.15 pm",
      "Venue: Village Hall, High Street",
      "",
      "| 1. | To receive apologies for absence |",
      "| --- | --- |",
      "| 2. | To receive declarations of interest |",
      "| 3. | To approve the minutes of the last meeting |",
      "",
      "Helen Lawson",
      "",
      "Tel: 01811 996351",
      "",
      "Email: clerk@thornbury-tc.org.uk",
    ].join("\n"),
    "a.md",
    true,
  );
  const ms = parseDocument(d).meetings;
  assert.deepEqual(
    ms.map((m) => [m.body, m.date, m.agenda.length, m.minutes.length]),
    [["Thornbury Town Council", "2025-02-20", 3, 0]],
  );
});

test("a venue ends with its sentence", () => {
  assert.equal(venueIn("7.00pm at All Saints Church. Councillors are summoned to a meeting"), "All Saints Church");
});

test("an agenda followed by the minutes of the same meeting is one meeting with both", () => {
  const d = textDocument(
    [
      "Brockton Parish Council",
      "",
      "You are hereby summoned to attend a meeting of the Council to be held in the Village Hall on Monday 3rd March 2025 at 7.30pm.",
      "",
      "AGENDA",
      "",
      "1. Apologies for absence",
      "2. Declarations of interest",
      "3. Planning applications",
      "",
      "MINUTES OF THE MEETING OF BROCKTON PARISH COUNCIL HELD ON MONDAY 3RD MARCH 2025",
      "",
      "Present: Cllrs A Smith (Chair), B Jones, C Brown",
      "",
      "1. Apologies for absence",
      "None were received.",
      "2. Declarations of interest",
      "None were declared.",
      "3. Planning applications",
      "RESOLVED that no objection be raised.",
    ].join("\n"),
  );
  const ms = parseDocument(d).meetings;
  assert.deepEqual(
    ms.map((m) => [m.body, m.date, m.agenda.length, m.minutes.length > 0]),
    [["Brockton Parish Council", "2025-03-03", 3, true]],
  );
});
