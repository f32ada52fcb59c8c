// The minutes parser against the seed gold (attendance, items, resolutions, declarations, reasons,
// key decisions, exempt paragraphs, header facts) and against small made-up documents in the
// conventions of other councils (printed minutes with "(Item N)", Modern.Gov pages without labels,
// parish minutes run together on one line).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import type { Clause, Meeting } from "../../model/parse-v1";
import { sharedPath } from "../../testing/shared";
import { textDocument } from "../testing/text-document";
import { parseMinutesSections } from "./index";

const docOf = (text: string, name = "x.txt", markdown = false) => textDocument(text, name, markdown);

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/\b(?:mr|mrs|ms|miss|dr|cllr|cc|mbe|jp)\b/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
const flat = (cs: Clause[]): Clause[] => cs.flatMap((c) => [c, ...flat(c.children)]);

type GoldMinute = Meeting["minutes"][number] & { line: number };
type Gold = { file: string; meetings: (Omit<Meeting, "minutes"> & { minutes: GoldMinute[] })[] };

const goldDir = sharedPath("gold");
for (const gf of readdirSync(goldDir)
  .filter((f) => f.endsWith(".json"))
  .sort()) {
  const gold = JSON.parse(readFileSync(join(goldDir, gf), "utf8")) as Gold;
  const g = gold.meetings.find((m) => m.minutes.length > 0);
  if (!g) continue;
  test(`seed ${gold.file}: the minutes meeting matches gold`, () => {
    const text = readFileSync(sharedPath("seeds", gold.file), "utf8");
    const r = parseMinutesSections(docOf(text, gold.file));
    assert.equal(r.meetings.length, 1, "one minutes section");
    const o = r.meetings[0];
    assert.equal(o.date, g.date);
    assert.equal(norm(o.body), norm(g.body));
    assert.equal(o.nextMeeting, g.nextMeeting);
    assert.deepEqual(r.claimed, [{ startLine: o.span.startLine, endLine: o.span.endLine }]);
    if (g.attendance) {
      assert.ok(o.attendance);
      for (const k of ["present", "apologies", "inAttendance"] as const)
        assert.deepEqual(o.attendance[k].map(norm).sort(), g.attendance[k].map(norm).sort(), k);
      assert.equal(norm(o.attendance.chair ?? ""), norm(g.attendance.chair ?? ""));
    } else assert.equal(o.attendance, null);
    assert.equal(o.minutes.length, g.minutes.length, "number of minute items");
    g.minutes.forEach((gm, i) => {
      const om = o.minutes[i];
      const where = `minute ${gm.number ?? gm.title}`;
      assert.equal(om.number, gm.number, where);
      assert.equal(norm(om.title), norm(gm.title), where);
      assert.ok(om.span.startLine <= gm.line && gm.line <= om.span.endLine, `${where}: span`);
      const gc = flat(gm.resolutions);
      const oc = flat(om.resolutions);
      assert.deepEqual(
        oc.map((c) => c.label),
        gc.map((c) => c.label),
        `${where}: clause labels`,
      );
      gc.forEach((c, k) => {
        const a = norm(c.text).split(" ");
        const b = new Set(norm(oc[k].text).split(" "));
        const shared = a.filter((w) => b.has(w)).length;
        assert.ok(shared / Math.max(a.length, b.size) >= 0.85, `${where} (${c.label}): ${oc[k].text}`);
      });
      assert.deepEqual(
        om.declarations.map((d) => norm(d.member)),
        gm.declarations.map((d) => norm(d.member)),
        where,
      );
      assert.deepEqual(
        om.declarations.map((d) => d.item),
        gm.declarations.map((d) => d.item),
        `${where}: declared items`,
      );
      assert.equal(om.reasons.length, gm.reasons.length, `${where}: reasons`);
      if (gm.keyDecision !== null) assert.equal(om.keyDecision, gm.keyDecision, `${where}: key decision`);
      assert.deepEqual(om.exemptParagraphs, gm.exemptParagraphs, `${where}: exempt paragraphs`);
    });
  });
}

const PRINTED = `EXAMPLESHIRE COUNTY COUNCIL

CABINET
MINUTES of a meeting of the Cabinet held in the Council Chamber, Example House,
Exampleton on Thursday, 5 June 2025.

PRESENT: Mr A Green (Chairman), Mrs B Brown, Mr C White, OBE, Ms D Black and
Mr E Grey

IN ATTENDANCE: Mrs F Blue (Chief Executive) and Mr G Red (Head of
Finance)

                              UNRESTRICTED ITEMS

12.    Apologies
(Item 1)

Apologies were received from Mr H Pink.

13.    Declarations of Interest
(Item 2)

Mr C White declared a pecuniary interest in item 4 as a landowner.

14.    Budget Monitoring Report – Quarter 1
2025-26
(Item 4)

   1. Mrs Brown introduced the report which set out the position at the end of
      the quarter.

   2. RESOLVED that Cabinet agree to:

    A) Note the forecast overspend.
    b) Agree the capital budget changes.

   3. The Leader thanked officers.

15.    Exclusion of the Press and Public
(Item 5)

RESOLVED that the public be excluded for the following item as it involves
the likely disclosure of exempt information as defined in paragraph 3 of
Part 1 of Schedule 12A of the Act.
`;

test("printed minutes: heading, attendance, (Item N) items, numbered paragraphs", () => {
  const r = parseMinutesSections(docOf(PRINTED));
  assert.equal(r.meetings.length, 1);
  const m = r.meetings[0];
  assert.equal(m.body, "Cabinet");
  assert.equal(m.date, "2025-06-05");
  assert.equal(m.authority, "Exampleshire County Council");
  assert.equal(m.attendance?.chair, "Mr A Green");
  assert.deepEqual(m.attendance?.present, ["Mr A Green", "Mrs B Brown", "Mr C White, OBE", "Ms D Black", "Mr E Grey"]);
  assert.deepEqual(m.attendance?.inAttendance, ["Mrs F Blue", "Mr G Red"]);
  assert.deepEqual(m.attendance?.apologies, ["Mr H Pink"]);
  assert.deepEqual(
    m.minutes.map((x) => [x.number, x.agendaItem, x.title]),
    [
      ["12", "1", "Apologies"],
      ["13", "2", "Declarations of Interest"],
      ["14", "4", "Budget Monitoring Report – Quarter 1 2025-26"],
      ["15", "5", "Exclusion of the Press and Public"],
    ],
  );
  assert.deepEqual(m.minutes[1].declarations, [{ member: "Mr C White", interest: "pecuniary interest", item: "4" }]);
  assert.deepEqual(
    m.minutes[2].resolutions.map((c) => [c.label, c.text]),
    [
      ["A", "Note the forecast overspend."],
      ["b", "Agree the capital budget changes."],
    ],
  );
  assert.equal(m.minutes[3].resolutions.length, 1);
  assert.equal(m.minutes[3].resolutions[0].label, null);
  assert.deepEqual(m.minutes[3].exemptParagraphs, [3]);
  assert.equal(m.minutes[3].keyDecision, false, "procedural items are never key decisions");
  assert.equal(m.minutes[2].keyDecision, null, "the source cannot tell");
});

test("resolutions: letter i after h, roman i after a clause ending in a colon, page-break continuation", () => {
  const letters = "abcdefgh".split("").map((l) => `- (${l}) That item ${l} be approved;`);
  const text = [
    "Minutes of a meeting of the Cabinet held at Town Hall on Monday, 3 March 2025.",
    "",
    "PRESENT",
    "",
    "Mr. A. Jones CC (in the Chair)",
    "",
    "7. Budget.",
    "",
    "RESOLVED:",
    "",
    ...letters,
    "- (i) That the capital programme be approved;",
    "- (j) That the following limits be approved:",
    "- (i) Upper limit 100%",
    " - (ii) Lower limit 0%",
    "- (k) That the strategy be confirmed in terms of journey",
    "",
    "time and frequency;",
    "",
    "(KEY DECISION)",
    "",
    "REASONS FOR DECISION:",
    "",
    "To set a budget.",
    "",
    "(Mr Smith returned to the meeting.)",
  ].join("\n");
  const m = parseMinutesSections(docOf(text)).meetings[0];
  const res = m.minutes[0].resolutions;
  assert.deepEqual(
    res.map((c) => c.label),
    ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"],
  );
  assert.deepEqual(
    res[9].children.map((c) => c.label),
    ["i", "ii"],
  );
  assert.equal(res[10].text, "That the strategy be confirmed in terms of journey time and frequency;");
  assert.equal(m.minutes[0].keyDecision, true);
  assert.deepEqual(m.minutes[0].reasons, ["To set a budget."]);
});

test("a Modern.Gov minutes page without labels: headings by link text, RESOLVED and REASONS by blank runs", () => {
  const b = (n: number) => Array(n).fill("");
  const text = [
    "Road Safety Plan. pdf icon PDF 120 KB",
    "",
    "The Cabinet considered a report of the Director of Highways. A copy of the report, marked ‘5’, is filed with these minutes.",
    ...b(4),
    "(a)\u00a0\u00a0\u00a0 That the plan be approved;",
    ...b(2),
    "(b)\u00a0\u00a0\u00a0 That the Director be authorised to consult.",
    ...b(6),
    "To improve road safety.",
    ...b(2),
    "Library Opening Hours. pdf icon PDF 98 KB",
    "",
    "The Cabinet considered a report of the Director of Culture.",
    ...b(4),
    "That the report be noted.",
    ...b(4),
    "To keep members informed.",
  ].join("\n");
  const r = parseMinutesSections(docOf(text));
  assert.equal(r.meetings.length, 1);
  const m = r.meetings[0];
  assert.equal(m.body, "Cabinet");
  assert.equal(m.date, null);
  assert.deepEqual(
    m.minutes.map((x) => [x.title, x.agendaItem, x.resolutions.length, x.reasons.length]),
    [
      ["Road Safety Plan", "5", 2, 1],
      ["Library Opening Hours", null, 1, 1],
    ],
  );
  assert.equal(m.minutes[0].resolutions[1].text, "That the Director be authorised to consult.");
});

test("parish minutes run together on one line: heading attendance and inline items", () => {
  const line =
    "MINUTES OF NEWTOWN PARISH COUNCIL MEETING HELD AT THE VILLAGE HALL NEWTOWN 4TH NOVEMBER 2019 Present: Cllr A Hill – Chairman, Cllr B Dale, Cllr C Vale. Also present: 2 members of the public 1. Apologies for Absence: Apologies were received from Cllr D Marsh. 2. Declaration of Interest: Cllr B Dale declared an interest in item 4. 3. Approval of Minutes: The minutes of the meeting held on 2 September 2019 were confirmed as a true record. 4. Planning Applications: No objections were raised to the extension at Mill House. 5. Date of next meeting: The next meeting will be held on 6 January 2020.";
  const m = parseMinutesSections(docOf(`---\ntitle: x\n---\n\n${line}\n`, "p.md", true)).meetings[0];
  assert.equal(m.body, "Newtown Parish Council");
  assert.equal(m.date, "2019-11-04");
  assert.equal(m.attendance?.chair, "Cllr A Hill");
  assert.deepEqual(m.attendance?.present, ["Cllr A Hill", "Cllr B Dale", "Cllr C Vale"]);
  assert.deepEqual(m.attendance?.apologies, ["Cllr D Marsh"]);
  assert.deepEqual(
    m.minutes.map((x) => [x.number, x.title]),
    [
      ["1", "Apologies for Absence"],
      ["2", "Declaration of Interest"],
      ["3", "Approval of Minutes"],
      ["4", "Planning Applications"],
      ["5", "Date of next meeting"],
    ],
  );
  assert.deepEqual(m.minutes[1].declarations, [{ member: "Cllr B Dale", interest: "interest", item: "4" }]);
  assert.equal(m.nextMeeting, "2020-01-06");
  assert.ok(m.minutes.every((x) => x.span.startLine === 5 && x.span.endLine === 5));
});

test("a document without minutes gives no meetings and claims nothing", () => {
  const text =
    "CABINET – 10 MARCH 2017\n\nREPORT OF THE DIRECTOR OF FINANCE\n\nPurpose of the Report\n\n1. The purpose of this report is to seek approval.\n\nRecommendations\n\n2. It is recommended that the budget be approved.\n\nBackground Papers\n\nMinutes of a meeting of the Cabinet held at County Hall on Friday, 10 February 2017.\n\nReport to the Cabinet, 13 December 2016\n";
  const r = parseMinutesSections(docOf(text));
  assert.deepEqual(r.meetings, []);
  assert.deepEqual(r.claimed, []);
});

test("runs in linear time on large and hostile input", () => {
  const seed = readFileSync(sharedPath("seeds", "000_4a1ad3c8a0a4d7c2.txt"), "utf8");
  const big = seed.repeat(25); // about 5 MB, 25 minutes sections
  const t0 = performance.now();
  const r = parseMinutesSections(docOf(big));
  const ms = performance.now() - t0;
  assert.equal(r.meetings.length, 25);
  // A guard against runaway backtracking (seconds → minutes), set far above a loaded machine's time, not a
  // speed measurement (speed is in `npm run bench`): 5 s here failed once at a load average of 20.
  assert.ok(ms < 60_000, `took ${ms.toFixed(0)} ms`);
  const hostile = `Minutes of a meeting of the Cabinet held at X on 1 May 2020.\nPRESENT\n${"Mr A B, ".repeat(20000)}\n1. Title\nRESOLVED:\n${"(a) ".repeat(50000)}\n${"1. A 2. B ".repeat(30000)}\n${" ".repeat(200000)}x\n`;
  const t1 = performance.now();
  parseMinutesSections(docOf(hostile));
  assert.ok(performance.now() - t1 < 60_000);
});

test("'Minutes of the X meeting held on <weekday>' headings need an attendance list to follow", () => {
  const heading =
    "PLANNING COMMITTEE\n\nMinutes of the Planning Committee meeting held on Tuesday 5 May 2020 at 7.00 pm in the Council Chamber\n\n";
  const rest =
    "Present: Councillors A Smith (Chair), B Jones and C Brown\n\nApologies: Councillor D Green\n\n1. Declarations of Interest\n\nCouncillor B Jones declared a prejudicial interest in item 4.\n\n2. Land at Mill Lane\n\nRESOLVED: That planning permission be granted.\n";
  const m = parseMinutesSections(docOf(heading + rest)).meetings[0];
  assert.equal(m.body, "Planning Committee");
  assert.equal(m.date, "2020-05-05");
  assert.equal(m.time, "19:00");
  assert.equal(m.location, "Council Chamber");
  assert.deepEqual(m.attendance, {
    chair: "A Smith",
    present: ["A Smith", "B Jones", "C Brown"],
    apologies: ["Councillor D Green"],
    inAttendance: [],
  });
  assert.deepEqual(m.minutes[0].declarations, [
    { member: "Councillor B Jones", interest: "prejudicial interest", item: "4" },
  ]);
  assert.deepEqual(m.minutes[1].resolutions, [
    { label: null, text: "That planning permission be granted.", children: [] },
  ]);
  // The same words as an agenda entry, with no attendance after them, are not a minutes section.
  const agenda =
    "AGENDA\n\n1. Apologies\n\nMinutes of the Planning Committee meeting held on Tuesday 5 May 2020\n\n2. Land at Mill Lane\n";
  assert.deepEqual(parseMinutesSections(docOf(agenda)).meetings, []);
});

test("minute numbers written as number/year and 'Minute No. N'", () => {
  const a = parseMinutesSections(
    docOf(
      "Minutes of the meeting of Ashby Parish Council held at the Village Hall on Monday 2 March 2020 at 7pm\n\nPresent: Cllr A Brown (Chairman), Cllr B Green\n\n45/20 Apologies\nApologies were received from Cllr C White.\n\n46/20 Declarations of Interest\nNone.\n\n47/20 Planning\nRESOLVED that no objection be raised.\n",
    ),
  ).meetings[0];
  assert.deepEqual(
    a.minutes.map((x) => [x.number, x.title]),
    [
      ["45/20", "Apologies"],
      ["46/20", "Declarations of Interest"],
      ["47/20", "Planning"],
    ],
  );
  assert.deepEqual(a.attendance?.apologies, ["Cllr C White"]);
  assert.equal(a.minutes[2].resolutions[0].text, "that no objection be raised.");
  const b = parseMinutesSections(
    docOf(
      "Minutes of a meeting of the Licensing Committee held at the Civic Centre on Monday 2 March 2020\n\nPresent: Councillor A Brown (Chair)\n\nMinute No. 12 Apologies\n\nNone.\n\nMinute No. 13 Premises Licence Review\n\nRESOLVED: That the licence be revoked.\n",
    ),
  ).meetings[0];
  assert.deepEqual(
    b.minutes.map((x) => [x.number, x.title, x.resolutions.length]),
    [
      ["12", "Apologies", 0],
      ["13", "Premises Licence Review", 1],
    ],
  );
});

test("draft minutes under a committee name and date, with running headers and footers on every page", () => {
  const header = "            AUDIT COMMITTEE\n            24 SEPTEMBER 2009\n";
  const footer = "\nAll minutes are draft until agreed at the next meeting of the committee.\n";
  const page1 = `${header}            (19:15 TO 19:25)\n            PRESENT:       Ann Roberts (Chairman), Councillors Bea Caldara and\n                           Cy Edge, Dan Connell.\n            ALSO PRESENT:  Eve Holland (Director of Corporate Services)\n            Apologies for absence were received from Councillor Fay Scott\n\n            1       DECLARATIONS OF INTEREST\n            Dan Connell indicated a personal interest as a leaseholder.\n            2       MINUTES OF THE MEETING HELD ON 23 JUNE 2009 (Agenda item 3)\n                    RESOLVED: That the minutes are agreed as a correct record.\n            3       AUDITED ACCOUNTS AND USE OF RESOURCES${footer}`;
  const page2 = `${header}                    JUDGEMENT (Agenda item 4)\n                    RESOLVED: (A) That the Committee notes the report.\n                    (B) That the Committee notes the score.\n            4       WORK PROGRAMME (Agenda item 5)\n            NOTED${footer}`;
  const page3 = `${header}            5       ANY OTHER BUSINESS (Agenda item 6)\n            None.${footer}`;
  const r = parseMinutesSections(docOf(`${page1}\f${page2}\f${page3}`));
  assert.equal(r.meetings.length, 1);
  const m = r.meetings[0];
  assert.equal(m.body, "Audit Committee");
  assert.equal(m.date, "2009-09-24");
  assert.equal(m.time, "19:15");
  assert.deepEqual(m.attendance, {
    chair: "Ann Roberts",
    present: ["Ann Roberts", "Bea Caldara", "Cy Edge", "Dan Connell"],
    apologies: ["Councillor Fay Scott"],
    inAttendance: ["Eve Holland"],
  });
  assert.deepEqual(
    m.minutes.map((x) => [x.number, x.title, x.agendaItem, x.resolutions.length]),
    [
      ["1", "DECLARATIONS OF INTEREST", null, 0],
      ["2", "MINUTES OF THE MEETING HELD ON 23 JUNE 2009", "3", 1],
      ["3", "AUDITED ACCOUNTS AND USE OF RESOURCES JUDGEMENT", "4", 2],
      ["4", "WORK PROGRAMME", "5", 0],
      ["5", "ANY OTHER BUSINESS", "6", 0],
    ],
  );
  assert.equal(m.minutes[0].declarations[0].member, "Dan Connell");
  assert.equal(m.minutes[2].span.page, 1);
  assert.equal(m.minutes[4].span.page, 3);
  assert.ok(!JSON.stringify(m.minutes).includes("All minutes are draft"));
});

test("an unnumbered bold heading that records a decision is an item", () => {
  const text = [
    "MINUTES of a meeting of the County Council held in the Chamber on Thursday, 9 January 2025.",
    "",
    "PRESENT: Mr A Baker, Mr G Cooke and Ms H Dean",
    "",
    "**Election of Chair**",
    "",
    "1. Mr Baker proposed, and Ms Dean seconded that Mr G Cooke be elected to Chair the meeting.",
    "",
    "2. RESOLVED that Mr Cooke be elected to Chair the meeting.",
    "",
    "**283. Apologies for Absence**",
    "(Item 1)",
    "",
    "No apologies were received.",
  ].join("\n");
  const m = parseMinutesSections(docOf(text, "k.md", true)).meetings[0];
  assert.deepEqual(
    m.minutes.map((x) => [x.number, x.title, x.resolutions.length]),
    [
      [null, "Election of Chair", 1],
      ["283", "Apologies for Absence", 0],
    ],
  );
  assert.equal(m.attendance?.chair, "Mr G Cooke");
});

test("the signed closing block gives the start time and belongs to no item", () => {
  const text = [
    "Minutes of a meeting of the Cabinet held at County Hall on Friday, 10 February 2017.",
    "",
    "PRESENT",
    "",
    "Mr. A. Jones CC (in the Chair)",
    "",
    "12. Budget.",
    "",
    "RESOLVED:",
    "",
    "That the budget be approved.",
    "",
    "REASONS FOR DECISION:",
    "",
    "To set a budget.",
    "",
    "10.30 - 1.15 pm",
    "10 February 2017",
    "",
    "CHAIRMAN",
    "",
    "CABINET – 10 MARCH 2017",
  ].join("\n");
  const r = parseMinutesSections(docOf(text));
  const m = r.meetings[0];
  assert.equal(m.time, "10:30");
  assert.deepEqual(m.minutes[0].reasons, ["To set a budget."]);
  assert.equal(m.minutes[0].span.endLine, 15);
  assert.deepEqual(r.claimed, [{ startLine: 1, endLine: 20 }]);
});

test("minutes in a pack end where an officer report begins", () => {
  const text = [
    "Minutes of a meeting of the Cabinet held at County Hall on Friday, 10 February 2017.",
    "",
    "PRESENT",
    "",
    "Mr. A. Jones CC (in the Chair)",
    "",
    "12. Budget.",
    "",
    "RESOLVED:",
    "",
    "That the budget be approved.",
    "",
    "13. Items referred from Overview and Scrutiny.",
    "",
    "There were no items referred.",
    "",
    "",
    "HIGHWAYS MAINTENANCE PLAN",
    "",
    "Report of the Director of Environment and Transport",
    "",
    "Purpose of the Report",
    "",
    "1. The purpose of this report is to seek approval.",
    "",
    "Reasons for Recommendation",
    "",
    "2. To keep the roads safe.",
  ].join("\n");
  const r = parseMinutesSections(docOf(text));
  assert.deepEqual(r.claimed, [{ startLine: 1, endLine: 15 }]);
  assert.deepEqual(r.meetings[0].minutes[1].reasons, []);
  assert.equal(r.meetings[0].minutes[1].span.endLine, 15);
});

test("AGREED as the decision marker", () => {
  const text =
    "Minutes of a meeting of the Audit Committee held at the Civic Centre on Monday 2 March 2020\n\nPresent: Councillor A Brown (Chair)\n\n5. Internal Audit Plan\nThe Committee considered the plan.\nAGREED: That the plan be approved.\n\n6. Risk Register\nAGREED that the register be noted.\n";
  const m = parseMinutesSections(docOf(text)).meetings[0];
  assert.deepEqual(
    m.minutes.map((x) => x.resolutions.map((c) => c.text)),
    [["That the plan be approved."], ["that the register be noted."]],
  );
});

test("a Modern.Gov minutes page with its labels and minute numbers", () => {
  const text = [
    "45.\tBudget Monitoring PDF 120 KB",
    "",
    "Minutes:",
    "",
    "The Cabinet considered a report of the Director of Finance.",
    "",
    "RESOLVED:",
    "",
    "(a)\tThat the position be noted;",
    "(b)\tThat the transfers be approved.",
    "",
    "Reasons for decision:",
    "",
    "To manage the budget.",
    "",
    "46.\tLibrary Review PDF 88 KB",
    "",
    "Minutes:",
    "",
    "The Cabinet considered a report of the Director of Culture.",
    "",
    "RESOLVED:",
    "",
    "That the review be noted.",
  ].join("\n");
  const m = parseMinutesSections(docOf(text)).meetings[0];
  assert.equal(m.body, "Cabinet");
  assert.deepEqual(
    m.minutes.map((x) => [x.number, x.title, x.resolutions.length, x.reasons]),
    [
      ["45", "Budget Monitoring", 2, ["To manage the budget."]],
      ["46", "Library Review", 1, []],
    ],
  );
});

test("a heading over three lines in capitals: committee, date and time, place", () => {
  const text =
    "MINUTES OF A MEETING OF THE CABINET\nHELD ON TUESDAY 5 MAY 2020 AT 7.00 PM\nIN THE COUNCIL CHAMBER, TOWN HALL\n\nPresent: Councillor X Smith (Chair), Councillor Y Jones\n\nAlso present: Councillor Z Brown\n\nApologies for absence: Councillor W Green\n\n1. DECLARATIONS OF INTEREST\nThere were none.\n\n2. MINUTES\nRESOLVED: That the minutes of the meeting held on 1 April 2020 be approved.\n";
  const m = parseMinutesSections(docOf(text)).meetings[0];
  assert.deepEqual(
    [m.body, m.date, m.time, m.location],
    ["Cabinet", "2020-05-05", "19:00", "Council Chamber, Town Hall"],
  );
  assert.deepEqual(m.attendance, {
    chair: "Councillor X Smith",
    present: ["Councillor X Smith", "Councillor Y Jones"],
    apologies: ["Councillor W Green"],
    inAttendance: ["Councillor Z Brown"],
  });
  assert.deepEqual(
    m.minutes.map((x) => [x.number, x.title, x.resolutions.length]),
    [
      ["1", "DECLARATIONS OF INTEREST", 0],
      ["2", "MINUTES", 1],
    ],
  );
});

test("'Present:' under a committee name and a date in any case starts a section", () => {
  const text =
    "AGENDA ITEM 3\n\nPLANNING COMMITTEE\n5 September 2020\n\nPresent: Councillors A Smith (Chair), B Jones and C Brown\n\n1 DECLARATIONS OF INTEREST\nNone.\n\n2 LAND AT MILL LANE (Agenda item 4)\nRESOLVED: That permission be granted.\n";
  const r = parseMinutesSections(docOf(text));
  assert.equal(r.meetings.length, 1);
  const m = r.meetings[0];
  assert.deepEqual([m.body, m.date, m.attendance?.chair], ["Planning Committee", "2020-09-05", "A Smith"]);
  assert.deepEqual(
    m.minutes.map((x) => [x.number, x.title, x.agendaItem]),
    [
      ["1", "DECLARATIONS OF INTEREST", null],
      ["2", "LAND AT MILL LANE", "4"],
    ],
  );
});

test("without a declarations item, declarations are read where they were made", () => {
  const text =
    "Minutes of a meeting of the Licensing Committee held at the Civic Centre on Monday 2 March 2020\n\nPresent: Councillor A Brown (Chair), Councillor B Green\n\n1. Premises Licence Review\n\nCouncillor B Green declared a personal interest in this item as a neighbour and left the room.\n\nRESOLVED: That the licence be revoked.\n";
  const m = parseMinutesSections(docOf(text)).meetings[0];
  assert.deepEqual(m.minutes[0].declarations, [
    { member: "Councillor B Green", interest: "personal interest", item: null },
  ]);
});
