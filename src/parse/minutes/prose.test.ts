// Parish minutes written as running prose (made-up text): capital headings run into their text on
// the line after a finished sentence (no blank line between), attendance labels printed without a
// colon and run on into "In attendance:", district councillors among the visitors, and decisions
// recorded as "Cllr A proposed and Cllr B seconded that …; all agreed".
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseDocument } from "../index";
import { textDocument } from "../testing/text-document";

const DOC = [
  "WESTBY PARISH COUNCIL",
  "Minutes of the Parish Council meeting held on Tuesday 4th February 2025 at 7pm in the Pavilion",
  "",
  "Present: Cllrs Hale (Chairman), Moss, Ward, Penn and Fry",
  "Also present: Mrs J Stone (Clerk), District Cllr R Vine and 3 members of the public",
  "",
  "APOLOGIES FOR ABSENCE Apologies were received from Cllr Dunn.",
  "DECLARATIONS OF INTEREST Cllrs Hale & Moss declared an interest in item 1240.",
  "MINUTES The minutes of the meeting held on 7th January were read. Cllr Ward proposed and Cllr Penn seconded that they be signed as a true record; all agreed.",
  "PLANNING Cllr Moss proposed and Cllr Fry seconded that no objection be raised to application 24/0012; 4 for, 2 against, 1 abstention.",
  "FINANCE The payments listed in the schedule were approved, carried unanimously.",
  "",
  "The meeting closed at 8.40pm.",
];

test("capital headings run into their text on consecutive lines are the minutes of running prose", () => {
  const ms = parseDocument(textDocument(DOC.join("\n"))).meetings;
  assert.equal(ms.length, 1);
  const m = ms[0];
  assert.equal(m.body, "Westby Parish Council");
  assert.deepEqual(
    m.minutes.map((x) => x.title),
    ["APOLOGIES FOR ABSENCE", "DECLARATIONS OF INTEREST", "MINUTES", "PLANNING", "FINANCE"],
  );
  assert.deepEqual(
    m.minutes.map((x) => x.resolutions.map((c) => c.text)),
    [
      [],
      [],
      ["that they be signed as a true record."],
      ["that no objection be raised to application 24/0012."],
      ["The payments listed in the schedule were approved."],
    ],
  );
  assert.deepEqual(
    m.minutes[1].declarations.map((d) => [d.member, d.item]),
    [
      ["Hale", "1240"],
      ["Moss", "1240"],
    ],
  );
  assert.equal(m.minutes[3].votes?.[0]?.for?.count, 4);
  assert.equal(m.attendance?.chair, "Hale");
  assert.deepEqual(m.attendance?.present, ["Hale", "Moss", "Ward", "Penn", "Fry"]);
  assert.deepEqual(m.attendance?.apologies, ["Cllr Dunn"]);
  assert.deepEqual(m.attendance?.inAttendance, ["District Cllr R Vine", "Mrs J Stone"]);
});

test("a line that only continues a sentence is no heading, even in capitals", () => {
  const doc = [
    ...DOC.slice(0, 6),
    "APOLOGIES FOR ABSENCE Apologies were received from Cllr Dunn.",
    "PUBLIC PARTICIPATION A resident asked about the state of the",
    "VILLAGE GREEN and the drains.",
    "FINANCE The payments were approved, carried unanimously.",
  ];
  const m = parseDocument(textDocument(doc.join("\n"))).meetings[0];
  assert.deepEqual(
    m.minutes.map((x) => x.title),
    ["APOLOGIES FOR ABSENCE", "PUBLIC PARTICIPATION", "FINANCE"],
  );
});

test("'PRESENT' without a colon, run on into 'In attendance:', in a capital run-in minute", () => {
  const doc = [
    "Ashby Parva Parish Council",
    "Minutes of the Ordinary Meeting held at the Village Hall on Monday 3rd March 2025 at 7.30pm",
    "",
    "Min 1/25 PRESENT Cllr P Tucker (Chair), Cllr E Shaw, Cllr R Mason. In attendance: Mr G Walsh (Clerk) and 3 members of the public.",
    "",
    "Min 2/25 APOLOGIES FOR ABSENCE None.",
    "",
    "Min 3/25 FINANCE RESOLVED that the payments be approved.",
  ];
  const m = parseDocument(textDocument(doc.join("\n"))).meetings[0];
  assert.equal(m.minutes[0].title, "PRESENT");
  assert.equal(m.attendance?.chair, "Cllr P Tucker");
  assert.deepEqual(m.attendance?.present, ["Cllr P Tucker", "Cllr E Shaw", "Cllr R Mason"]);
  assert.deepEqual(m.attendance?.inAttendance, ["Mr G Walsh"]);
});

test("the chair however printed: 'in the Chair' without brackets, a 'Chairman:' line, 'took the chair' under the list", () => {
  const rows: [string[], string | null, string[]][] = [
    [
      ["Present: Cllr Smith in the Chair, Cllrs Jones, Brown and Green."],
      "Cllr Smith",
      ["Cllr Smith", "Jones", "Brown", "Green"],
    ],
    [
      ["Chairman: Cllr A Smith", "Present: Cllrs Jones, Brown and Green"],
      "Cllr A Smith",
      ["Cllr A Smith", "Jones", "Brown", "Green"],
    ],
    [
      ["Present: Councillors Smith, Jones (Vice-Chairman), Brown and Green", "Cllr Smith took the chair."],
      "Smith",
      ["Smith", "Jones", "Brown", "Green"],
    ],
  ];
  for (const [lines, chair, present] of rows) {
    const doc = [
      "Ashby Parva Parish Council",
      "Minutes of the meeting held on Monday 3 March 2025 at 7.30pm in the Village Hall",
      "",
      ...lines,
      "",
      "1. Apologies for absence",
      "None.",
      "",
      "2. Finance",
      "The payments were approved.",
    ];
    const m = parseDocument(textDocument(doc.join("\n"))).meetings[0];
    assert.equal(m.attendance?.chair, chair, lines[0]);
    assert.deepEqual(m.attendance?.present, present, lines[0]);
  }
});

test("a capital heading run into a short sentence ('ELECTION OF VICE-CHAIRMAN Proposed by Cllr A')", () => {
  const doc = [
    "Ashby Parva Parish Council",
    "Minutes of the Annual Meeting held on Monday 12 May 2025 at 7.30pm in the Village Hall",
    "",
    "Present: Cllrs Smith (Chair), Jones and Brown",
    "",
    "25.05.01 ELECTION OF CHAIRMAN Cllr Smith was elected Chairman.",
    "",
    "25.05.02 ELECTION OF VICE-CHAIRMAN Proposed by Cllr Jones",
    "",
    "Seconded by Cllr Brown",
  ];
  const m = parseDocument(textDocument(doc.join("\n"))).meetings[0];
  assert.deepEqual(
    m.minutes.map((x) => x.title),
    ["ELECTION OF CHAIRMAN", "ELECTION OF VICE-CHAIRMAN"],
  );
});
