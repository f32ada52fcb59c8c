// Unusual title blocks of small councils' minutes (made-up text): a letterhead then "Minutes of the
// Ordinary Meeting held at …", "MINUTES" alone over the date, "Date:" / "Time:" / "Venue:" lines, a
// file-name-like header, no anchor at all; each must yield its meeting with the council as body, and
// a document with none must say why.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseDocument } from "../index";
import { textDocument } from "../testing/text-document";

const ITEMS = [
  "",
  "1. Apologies for absence",
  "Apologies were received from Cllr E White.",
  "",
  "2. Minutes of the previous meeting",
  "The minutes of the meeting held on 3rd February 2025 were approved and signed.",
  "",
  "3. Finance",
  "The payments listed were approved.",
];
const PRESENT = ["", "Present: Cllrs A Smith (Chairman), B Jones and C Brown.", "In attendance: Mrs P Lane (Clerk)."];

type Row = {
  name: string;
  lines: string[];
  file?: string;
  body: string;
  date: string | null;
  time?: string | null;
  location?: string | null;
  present?: string[];
};

const TABLE: Row[] = [
  {
    name: "letterhead and address, then 'Minutes of the Ordinary Meeting held at … on …': the body is the council, not 'Ordinary'",
    lines: [
      "ASHBY PARVA PARISH COUNCIL",
      "Clerk: Mrs P Lane, 1 The Street, Ashby Parva",
      "Tel: 01455 000000  Email: clerk@example.org",
      "",
      "Minutes of the Ordinary Meeting held at the Village Hall on Monday 3rd March 2025 at 7.30pm",
      ...PRESENT,
      ...ITEMS,
    ],
    body: "Ashby Parva Parish Council",
    date: "2025-03-03",
    time: "19:30",
    location: "Village Hall",
  },
  {
    name: "'MINUTES' alone over the date, the council named only at the foot",
    lines: ["MINUTES", "3rd March 2025", ...PRESENT, ...ITEMS, "", "Mrs P Lane, Clerk to Ashby Parva Parish Council"],
    body: "Ashby Parva Parish Council",
    date: "2025-03-03",
  },
  {
    name: "'Date:', 'Time:' and 'Venue:' lines: the place without its label",
    lines: [
      "Ashby Parva Parish Council",
      "",
      "MINUTES",
      "",
      "Date: Monday 3 March 2025",
      "Time: 7.30pm",
      "Venue: Memorial Hall, Main Street",
      ...PRESENT,
      ...ITEMS,
    ],
    body: "Ashby Parva Parish Council",
    date: "2025-03-03",
    time: "19:30",
    location: "Memorial Hall, Main Street",
  },
  {
    name: "a file-name-like header with an ISO date",
    lines: ["APPC Minutes 2025-03-03", "", "Ashby Parva Parish Council", ...PRESENT, ...ITEMS],
    body: "Ashby Parva Parish Council",
    date: "2025-03-03",
  },
  {
    name: "a file-name-like header with a day-first dotted date",
    lines: ["Minutes 03.03.25", "", "ASHBY PARVA PARISH COUNCIL", ...PRESENT, ...ITEMS],
    body: "Ashby Parva Parish Council",
    date: "2025-03-03",
  },
  {
    name: "a title line over the date line over 'Present:' is one meeting; the place after the date and time",
    lines: [
      "Ashby Parva Parish Council",
      "Minutes – March 2025 meeting",
      "Monday 3 March 2025, 7.30pm, Village Hall",
      ...PRESENT,
      ...ITEMS,
    ],
    body: "Ashby Parva Parish Council",
    date: "2025-03-03",
    time: "19:30",
    location: "Village Hall",
  },
  {
    name: "no attendance anchor at all: 'MINUTES' and a date at the top, 'Councillors:' over numbered minutes",
    lines: [
      "ASHBY PARVA PARISH COUNCIL",
      "MINUTES",
      "3 March 2025",
      "",
      "Councillors: Smith (Chair), Jones, Brown",
      "Clerk: Mrs P Lane",
      ...ITEMS,
    ],
    body: "Ashby Parva Parish Council",
    date: "2025-03-03",
    present: ["Smith", "Jones", "Brown"],
  },
  {
    name: "'Attendees:' is an attendance list",
    lines: [
      "Ashby Parva Parish Council",
      "Minutes of meeting 3 March 2025",
      "",
      "Attendees: Cllrs Smith (Chair), Jones, Brown",
      ...ITEMS,
    ],
    body: "Ashby Parva Parish Council",
    date: "2025-03-03",
    present: ["Smith", "Jones", "Brown"],
  },
  {
    name: "no council named anywhere: no body rather than a generic word",
    lines: ["MINUTES OF THE ORDINARY MEETING HELD ON 3 MARCH 2025 AT THE VILLAGE HALL", ...PRESENT, ...ITEMS],
    body: "",
    date: "2025-03-03",
  },
  {
    name: "no date printed: the date the file is named by",
    lines: ["Ashby Parva Parish Council", "Minutes of the Parish Council Meeting", ...PRESENT, ...ITEMS],
    file: "ashby_parva_pc_2025-03-03_minutes.txt",
    body: "Ashby Parva Parish Council",
    date: "2025-03-03",
  },
];

for (const row of TABLE)
  test(row.name, () => {
    const r = parseDocument(textDocument(row.lines.join("\n"), row.file ?? "t.txt"));
    assert.equal(r.meetings.length, 1, JSON.stringify(r.meetings.map((m) => [m.body, m.date])));
    const m = r.meetings[0];
    assert.equal(m.body, row.body);
    assert.equal(m.date, row.date);
    if (row.time !== undefined) assert.equal(m.time, row.time);
    if (row.location !== undefined) assert.equal(m.location, row.location);
    if (row.present) assert.deepEqual(m.attendance?.present, row.present);
    assert.equal(m.minutes.length, 3);
  });

test("a date taken from the file name is said so", () => {
  const r = parseDocument(
    textDocument(["Ashby Parva Parish Council", "Minutes", ...PRESENT, ...ITEMS].join("\n"), "minutes_2025-03-03.txt"),
  );
  assert.ok(r.diagnostics.some((d) => /taken from the file name/.test(d.message)));
});

test("a document with no meeting says why", () => {
  const r = parseDocument(
    textDocument(["Ashby Parva village news", "", "The fete is on Saturday.", "Bring a cake."].join("\n")),
  );
  assert.equal(r.meetings.length, 0);
  const w = r.diagnostics.find((d) => /^no meeting found/.test(d.message));
  assert.ok(w);
  assert.match(w.message, /no date/);
  assert.match(w.message, /no attendance list/);
  assert.match(w.message, /Minutes, Agenda or summons/);
});
