// Minutes in small councils' house styles (made-up text): letterheads and title blocks instead of a
// "Minutes of a meeting of X held …" sentence, dated and running numbering schemes, unnumbered and
// run-in headings, attendance in columns and lists, several meetings in one file, electors' meetings.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseDocument } from "../index";
import { textDocument } from "../testing/text-document";

const parse = (text: string, md = false) => parseDocument(textDocument(text, md ? "t.md" : "t.txt", md)).meetings;

test("a title line 'Council - date' over a Present list and dated minute numbers (yy.mm.nn)", () => {
  const ms = parse(
    [
      "Ashby Magna Parish Council - 14th March 2023",
      "The meeting was held in the Village Hall",
      "",
      "Present",
      "Councillors T Hale (Chair), B Moss, K Ward and",
      "L Penn Clerk Mrs R Stone plus three guests",
      "",
      "23.03.01 Apologies",
      "None received",
      "",
      "23.03.02 Register of Interests",
      "None",
      "",
      "23.03.04 Minutes",
      "The minutes of the meeting held on the 10th January 2023 were agreed.",
      "",
      "23.03.03 Finance",
      "It was resolved to pay the grass cutting invoice of £120.",
    ].join("\n"),
  );
  assert.equal(ms.length, 1);
  const m = ms[0];
  assert.equal(m.body, "Ashby Magna Parish Council");
  assert.equal(m.date, "2023-03-14");
  assert.deepEqual(
    m.minutes.map((x) => [x.number, x.title]),
    [
      ["23.03.01", "Apologies"],
      ["23.03.02", "Register of Interests"],
      ["23.03.04", "Minutes"],
      ["23.03.03", "Finance"],
    ],
  );
  assert.equal(m.attendance?.chair, "T Hale");
  assert.deepEqual(m.attendance?.present, ["T Hale", "B Moss", "K Ward", "L Penn"]);
  assert.deepEqual(m.attendance?.inAttendance, ["Mrs R Stone"]);
});

test("a letterhead block in capitals, 'Attendance:' in spaced columns, and number/year minutes among numbered paragraphs", () => {
  const ms = parse(
    [
      "LOWER FENWICK PARISH COUNCIL",
      "",
      "Draft Minutes",
      "",
      "Extraordinary Parish Council Meeting",
      "",
      "9 May 2019 at 7.15 pm",
      "",
      "Lower Fenwick Village Hall",
      "",
      "Attendance:",
      "Cllr Ann Pike          AP        Chairperson",
      "Cllr Bob Reed          BR",
      "Carol Dunn             CD        Parish Clerk",
      "",
      "Also in attendance:",
      "Cllr Dan Frost         DF        Norfolk County Council",
      "",
      "7/19      Matters Arising",
      "",
      "1. Streetlight: the repair was arranged.",
      "2. Bench: the bench was painted.",
      "3. Hedge: the hedge was cut back.",
      "",
      "8/19      Correspondence",
      "",
      "None received.",
      "",
      "9/19      Planning",
      "",
      "No objection was raised.",
    ].join("\n"),
  );
  assert.equal(ms.length, 1);
  const m = ms[0];
  assert.equal(m.body, "Lower Fenwick Parish Council");
  assert.equal(m.date, "2019-05-09");
  assert.equal(m.time, "19:15");
  assert.equal(m.location, "Lower Fenwick Village Hall");
  assert.deepEqual(
    m.minutes.map((x) => x.number),
    ["7/19", "8/19", "9/19"],
  );
  assert.equal(m.attendance?.chair, "Cllr Ann Pike");
  assert.deepEqual(m.attendance?.present, ["Cllr Ann Pike", "Cllr Bob Reed"]);
  assert.deepEqual(m.attendance?.inAttendance.sort(), ["Carol Dunn", "Cllr Dan Frost"]);
});

test("an annual parish meeting is a body of its own; its items are unnumbered headings", () => {
  const ms = parse(
    [
      "Ashby Magna Annual Parish Meeting - 2nd May 2022",
      "",
      "Present",
      "Councillors T Hale (in the Chair), B Moss",
      "",
      "Apologies",
      "Councillor K Ward",
      "",
      "Minutes of the Last Annual Parish Meeting",
      "The minutes were read and approved.",
      "",
      "Annual Report of the Council",
      "The Chairman read the annual report.",
      "",
      "Matters Raised by Electors",
      "",
      "The state of the footpaths was discussed at length by those present.",
    ].join("\n"),
  );
  assert.equal(ms.length, 1);
  assert.equal(ms[0].body, "Ashby Magna Annual Parish Meeting");
  assert.equal(ms[0].date, "2022-05-02");
  assert.deepEqual(
    ms[0].minutes.map((x) => x.title),
    [
      "Apologies",
      "Minutes of the Last Annual Parish Meeting",
      "Annual Report of the Council",
      "Matters Raised by Electors",
    ],
  );
  assert.deepEqual(ms[0].attendance?.apologies, ["Councillor K Ward"]);
});

test("'Minutes of a meeting of the above Council' takes the council from the letterhead", () => {
  const ms = parse(
    [
      "KESTON TOWN COUNCIL",
      "",
      "Minutes of a meeting of the above Council held at the Guildhall on Monday 6th June 2022 at 7pm",
      "",
      "Present: Cllrs Smith (in the chair), Jones, Patel",
      "",
      "101. Apologies",
      "Apologies were received from Cllr Brown.",
      "",
      "102. Minutes",
      "The minutes were approved.",
    ].join("\n"),
  );
  assert.equal(ms.length, 1);
  assert.equal(ms[0].body, "Keston Town Council");
  assert.equal(ms[0].date, "2022-06-06");
  assert.equal(ms[0].attendance?.chair, "Smith");
});

test("an annual general meeting then a general meeting in one file: two meetings, the second dated by the first", () => {
  const ms = parse(
    [
      "**BRAEFOOT COMMUNITY COUNCIL**",
      "**MINUTES OF ANNUAL GENERAL MEETING**",
      "**TUESDAY 7 OCTOBER 2025**",
      "Held in the Church Hall at 7 p.m.",
      "",
      "Present: Ann Lee, Bill Kerr, Cath Muir",
      "Apologies: Dan Ross",
      "",
      "1. Chair's Report",
      "The report was approved.",
      "",
      "2. Election of Office Bearers",
      "Ann Lee was elected Chair.",
      "",
      "**Minutes of the October General Meeting**",
      "",
      "The General Meeting was held directly after the AGM.",
      "",
      "1. Roads",
      "Potholes on the main street were reported.",
      "",
      "2. Litter",
      "A litter pick will be arranged.",
    ].join("\n"),
    true,
  );
  assert.equal(ms.length, 2);
  assert.equal(ms[0].body, "Braefoot Community Council");
  assert.equal(ms[0].date, "2025-10-07");
  assert.equal(ms[0].location, "Church Hall");
  assert.deepEqual(
    ms[0].minutes.map((x) => x.title),
    ["Chair's Report", "Election of Office Bearers"],
  );
  assert.equal(ms[1].date, "2025-10-07");
  assert.equal(ms[1].body, "Braefoot Community Council");
  assert.deepEqual(
    ms[1].minutes.map((x) => x.title),
    ["Roads", "Litter"],
  );
});

test("a Markdown post: the front matter's title dates the meeting; the council is the one the text names", () => {
  const ms = parse(
    [
      "---",
      "title: Minutes for meeting held Tuesday 4th March 2025",
      "date: 2025-03-20",
      "---",
      "",
      "Held in Glenrowan Hall at 7pm.",
      "",
      "## Present",
      "",
      "* Fiona Gray — Chair",
      "* Hugh Bell",
      "",
      "## Apologies for Absence",
      "",
      "* Iain Ross",
      "",
      "## Treasurer's Report",
      "",
      "The balance of the Glenrowan Community Council account was reported.",
      "",
      "## Next Meeting",
      "",
      "The next Glenrowan Community Council meeting will be on 1st April 2025.",
    ].join("\n"),
    true,
  );
  assert.equal(ms.length, 1);
  assert.equal(ms[0].date, "2025-03-04");
  assert.equal(ms[0].body, "Glenrowan Community Council");
  assert.equal(ms[0].attendance?.chair, "Fiona Gray");
  assert.deepEqual(ms[0].attendance?.present, ["Fiona Gray", "Hugh Bell"]);
  assert.ok(ms[0].minutes.some((x) => x.title === "Treasurer's Report"));
});

test("run-in headings with a colon: the heading is the title, the rest the minute's text", () => {
  const ms = parse(
    [
      "Minutes of Brockley Parish Council Meeting",
      "Held in the Village Hall on Monday 20th January 2020",
      "Present: Councillors Ann Pike (chair), Bob Reed",
      "",
      "Apologies: Cllr Frost",
      "",
      "Flooding: Councillors discussed the flooding in the lane and agreed to contact Highways.",
      "",
      "Village hall and activities: The next event is a quiz night in March.",
      "",
      "Planning: No objection was raised to the application for a porch.",
    ].join("\n"),
  );
  assert.equal(ms.length, 1);
  assert.equal(ms[0].body, "Brockley Parish Council");
  assert.deepEqual(
    ms[0].minutes.map((x) => x.title),
    ["Apologies", "Flooding", "Village hall and activities", "Planning"],
  );
  assert.deepEqual(ms[0].attendance?.apologies, ["Cllr Frost"]);
});

test("'1 Police Report': one space after the number; the chair named in a sentence", () => {
  const ms = parse(
    [
      "DUNMORE COMMUNITY COUNCIL",
      "Minutes of Meeting held on Tuesday 4th June 2019 in Dunmore Hall",
      "",
      "Present\tAnn Lee\tAL\tBill Kerr\tBK",
      "\tCath Muir\tCM\tDan Ross\tDR",
      "",
      "The Meeting was Chaired by Bill Kerr.",
      "",
      "1 Police Report",
      "There were no incidents to report.",
      "",
      "2 Open Forum",
      "No business.",
      "",
      "3 Apologies for Absence",
      "Apologies were received from Eve Hart.",
    ].join("\n"),
  );
  assert.equal(ms.length, 1);
  const m = ms[0];
  assert.equal(m.body, "Dunmore Community Council");
  assert.equal(m.date, "2019-06-04");
  assert.deepEqual(
    m.minutes.map((x) => [x.number, x.title]),
    [
      ["1", "Police Report"],
      ["2", "Open Forum"],
      ["3", "Apologies for Absence"],
    ],
  );
  assert.deepEqual(m.attendance?.present.sort(), ["Ann Lee", "Bill Kerr", "Cath Muir", "Dan Ross"]);
  assert.equal(m.attendance?.chair, "Bill Kerr");
  assert.deepEqual(m.attendance?.apologies, ["Eve Hart"]);
});

test("a heading in capitals set with blank lines between its lines (a PDF converted line by line)", () => {
  const ms = parse(
    [
      "MINUTES OF PROCEEDINGS AT SPECIAL MEETING OF KILBRACK",
      "",
      "CITY AND COUNTY COUNCIL HELD IN THE COUNCIL CHAMBER, ON MONDAY, 6th",
      "",
      "NOVEMBER, 2017, AT 3 P.M.",
      "",
      "PRESENT IN THE CHAIR: Councillor S. Ryan, Mayor.",
      "",
      "MEMBERS PRESENT:",
      "",
      "Councillors Browne, Butler and Foley.",
      "",
      "1.",
      "",
      "Adoption of Minutes",
      "",
      "The minutes were adopted.",
    ].join("\n"),
  );
  assert.equal(ms.length, 1);
  assert.equal(ms[0].body, "Kilbrack City And County Council");
  assert.equal(ms[0].date, "2017-11-06");
  assert.equal(ms[0].attendance?.chair, "Councillor S. Ryan");
  assert.deepEqual(
    ms[0].minutes.map((x) => [x.number, x.title]),
    [["1", "Adoption of Minutes"]],
  );
});

test("a small council's agenda named by its date or kind takes the council (or the electors' meeting) as its body", () => {
  const agenda = (title: string) =>
    parseDocument(
      textDocument(
        [
          "HOLTBY PARISH COUNCIL",
          title,
          "",
          "AGENDA",
          "",
          "1. To receive apologies for absence",
          "2. To approve the minutes of the last meeting",
          "3. Any other business",
        ].join("\n"),
      ),
    ).meetings;
  const ordinary = agenda("MEETING TO BE HELD ON TUESDAY, 2nd MARCH 2021 at 7.30pm");
  assert.equal(ordinary[0].body, "Holtby Parish Council");
  assert.equal(ordinary[0].date, "2021-03-02");
  assert.equal(ordinary[0].agenda.length, 3);
  const electors = agenda("Annual Parish Meeting in the Village Hall on Tuesday, 7th May 2019");
  assert.equal(electors[0].body, "Holtby Annual Parish Meeting");
});

test("'Min 3/24' and 'Minute No. 24.05.03' prefixes: the number is read as its scheme, without the prefix", () => {
  for (const pre of ["Min ", "Min. ", "Minute No. ", "Minute Ref "]) {
    const ms = parse(
      [
        "MINUTES OF THE MEETING OF ASHBY PARVA PARISH COUNCIL",
        "held on 5 March 2024 at 7.30 pm in the Village Hall",
        "",
        "Present: Cllrs Hale (in the chair), Moss and Ward.",
        "",
        `${pre}1/24 Apologies for absence: None.`,
        "",
        `${pre}2/24 Planning: The application was considered.`,
        "",
        `${pre}3/24 Finance: The balance was noted.`,
      ].join("\n"),
    );
    assert.deepEqual(
      ms[0].minutes.map((x) => [x.number, x.title]),
      [
        ["1/24", "Apologies for absence"],
        ["2/24", "Planning"],
        ["3/24", "Finance"],
      ],
      pre,
    );
    assert.equal(ms[0].location, "Village Hall", pre);
  }
});

test("a letterhead above the minutes is not a meeting of its own; the place after the time on the date line", () => {
  const ms = parse(
    [
      "UPPER ASHBY ON THE HILL TOWN COUNCIL",
      "",
      "Clerk: Mrs R Stone, 3 Mill Lane, Upper Ashby on the Hill",
      "",
      "Minutes of the meeting of the above Council held at Upper Ashby on the Hill Pavilion on Tuesday 4 June 2024 at 19:30",
      "",
      "Present: Councillors T Hale (Chair), B Moss and K Ward.",
      "",
      "Apologies for absence: Cllr L Penn",
      "",
      "Public participation: No members of the public wished to speak.",
      "",
      "Finance: It was RESOLVED that the payments be approved.",
    ].join("\n"),
  );
  assert.equal(ms.length, 1);
  assert.equal(ms[0].body, "Upper Ashby On The Hill Town Council");
  assert.equal(ms[0].location, "Upper Ashby on the Hill Pavilion");
  assert.deepEqual(
    ms[0].minutes.map((x) => [x.title, x.resolutions.map((c) => c.text)]),
    [
      ["Apologies for absence", []],
      ["Public participation", []],
      ["Finance", ["that the payments be approved."]],
    ],
  );
  assert.deepEqual(ms[0].attendance?.apologies, ["Cllr L Penn"]);
});

test("apologies printed above and again in the minute name one person once", () => {
  const ms = parse(
    [
      "MINUTES OF THE MEETING OF ASHBY PARVA PARISH COUNCIL",
      "held on 5 March 2024 at 19:30 at Ashby Parva Village Hall",
      "",
      "Present: Cllrs Hale (in the chair), Moss and Ward.",
      "Apologies: Cllrs Penn.",
      "",
      "1. Apologies for absence",
      "Apologies were received and accepted from Cllr L Penn.",
      "",
      "2. Finance",
      "The balance was noted.",
    ].join("\n"),
  );
  assert.deepEqual(ms[0].attendance?.apologies, ["Penn"]);
  assert.equal(ms[0].location, "Ashby Parva Village Hall");
});

test("a summons agenda: the council is its own authority, the place stops at the date, sub-items numbered", () => {
  const ms = parse(
    [
      "ASHBY ON THE HILL PARISH COUNCIL",
      "",
      "To: All Members of the Council",
      "",
      "You are hereby summoned to attend a meeting of Ashby on the Hill Parish Council to be held at Ashby on the Hill Village Hall on Monday, 10 June 2024 at 7.30pm for the purpose of transacting the following business.",
      "",
      "AGENDA",
      "",
      "1. To receive apologies for absence",
      "",
      "2. Planning: to consider the following applications",
      "",
      "a) 24/0236/FUL rear extension",
      "",
      "3. To note the date of the next meeting",
    ].join("\n"),
  );
  assert.equal(ms.length, 1);
  assert.equal(ms[0].body, "Ashby on the Hill Parish Council");
  assert.equal(ms[0].authority, "Ashby on the Hill Parish Council");
  assert.equal(ms[0].location, "Ashby on the Hill Village Hall");
  assert.equal(ms[0].date, "2024-06-10");
  assert.equal(ms[0].time, "19:30");
  assert.deepEqual(
    ms[0].agenda.map((a) => a.number),
    ["1", "2", "2a", "3"],
  );
});

test("'Min 1/23 Present' over the names, and capital run-in headings with 'None.'", () => {
  const ms = parse(
    [
      "Minutes of an Extraordinary Meeting of Ashby Parva Town Council held at the Pavilion on Wednesday 13th September 2023 at 7.30pm",
      "",
      "Min 1/23 PRESENT Cllr E Ash (Chair), Cllr W Bird, Cllr T Crow. In attendance: Mrs H Vane (Clerk).",
      "",
      "Min 2/23 APOLOGIES FOR ABSENCE None.",
      "",
      "Min 3/23 FINANCE Proposed by Cllr Bird, seconded by Cllr Crow and carried unanimously that the payments be approved.",
    ].join("\n"),
  );
  assert.deepEqual(
    ms[0].minutes.map((x) => [x.number, x.title, x.resolutions.map((c) => c.text)]),
    [
      ["1/23", "PRESENT", []],
      ["2/23", "APOLOGIES FOR ABSENCE", []],
      ["3/23", "FINANCE", ["that the payments be approved."]],
    ],
  );
  assert.deepEqual(ms[0].attendance?.present, ["Cllr E Ash", "Cllr W Bird", "Cllr T Crow"]);
});

test("attendance lists side by side under a header row of labels, and several lists run on in one paragraph", () => {
  const cols = parse(
    [
      "MINUTES OF THE ASHBY MAGNA ANNUAL PARISH MEETING",
      "held on Thursday 2nd May 2024 at 19:15 at Ashby Magna Memorial Hall",
      "",
      "| Present | Apologies | In attendance |",
      "| --- | --- | --- |",
      "| Cllr T Hale (Chair) | Cllr S Wood | Mrs T Webb (Clerk) |",
      "| Cllr E Moss | | County Councillor J Mason |",
      "| Cllr L Ward | | |",
      "",
      "1. APOLOGIES FOR ABSENCE Apologies were received from Cllr S Wood.",
      "",
      "2. CHAIRMAN'S REPORT The Chairman reviewed the year.",
    ].join("\n"),
    true,
  );
  assert.equal(cols[0].body, "Ashby Magna Annual Parish Meeting");
  assert.equal(cols[0].authority, "Ashby Magna Parish Council");
  assert.equal(cols[0].location, "Ashby Magna Memorial Hall");
  assert.deepEqual(cols[0].attendance, {
    chair: "Cllr T Hale",
    present: ["Cllr T Hale", "Cllr E Moss", "Cllr L Ward"],
    apologies: ["Cllr S Wood"],
    inAttendance: ["County Councillor J Mason", "Mrs T Webb"],
  });
  const run = parse(
    [
      "Minutes of the meeting of Ashby Parva Parish Council held at the Village Hall on 3 June 2024 at 7pm",
      "",
      "Present: Cllr G Ash (Chair), Cllr C Bird, Cllr T Crow. In attendance: Mr A Gibb (Clerk) and 6 members of the public.",
      "",
      "Apologies for absence: Cllr N Kemp",
      "",
      "Finance: The balance was noted.",
    ].join("\n"),
  );
  assert.deepEqual(run[0].attendance?.present, ["Cllr G Ash", "Cllr C Bird", "Cllr T Crow"]);
  assert.deepEqual(run[0].attendance?.inAttendance, ["Mr A Gibb"]);
  assert.deepEqual(run[0].attendance?.apologies, ["Cllr N Kemp"]);
});

test("capital headings run into their text, numbered or not: the text may open with 'A', 'I' or RESOLVED", () => {
  for (const numbered of [true, false]) {
    const n = (k: number) => (numbered ? `${k}. ` : "");
    const ms = parse(
      [
        "MINUTES OF THE MEETING OF ASHBY PARVA PARISH COUNCIL",
        "held on 5 March 2024 at 19:30 at Ashby Parva Village Hall",
        "",
        "Present: Cllrs Hale (in the chair), Moss and Ward.",
        "",
        `${n(1)}APOLOGIES FOR ABSENCE None.`,
        "",
        `${n(2)}MINUTES OF THE PREVIOUS MEETING RESOLVED: that the minutes be signed.`,
        "",
        `${n(3)}PUBLIC PARTICIPATION A resident asked about parking.`,
        "",
        `${n(4)}FOOTPATHS Members reported a broken stile.`,
      ].join("\n"),
    );
    assert.deepEqual(
      ms[0].minutes.map((x) => [x.title, x.resolutions.map((c) => c.text)]),
      [
        ["APOLOGIES FOR ABSENCE", []],
        ["MINUTES OF THE PREVIOUS MEETING", ["that the minutes be signed."]],
        ["PUBLIC PARTICIPATION", []],
        ["FOOTPATHS", []],
      ],
      numbered ? "numbered" : "unnumbered",
    );
  }
});

test("a run-in heading's text wrapping onto the next printed lines is one paragraph: the whole resolution and motion", () => {
  const ms = parse(
    [
      "Minutes of the meeting of Ashby Parva Parish Council held at the Village Hall on 6 May 2024 at 7.30 pm",
      "",
      "Present: Cllrs Hale (Chair), Moss, Ward and Penn.",
      "",
      "101. Election of Vice-Chairman: Agreed: that Cllr B Moss be elected Vice-",
      "Chairman for the coming year.",
      "",
      "102. Minutes: Proposed by Cllr Ward, seconded by Cllr",
      "Penn and carried unanimously that the minutes of the meeting held on 11",
      "March 2024 be approved.",
      "",
      "103. Finance: The accounts were noted.",
      "Cllr Ward asked about the grass cutting invoice.",
    ].join("\n"),
  );
  assert.equal(ms.length, 1);
  const res = ms[0].minutes.map((m) => m.resolutions.map((r) => r.text));
  assert.deepEqual(res[0], ["that Cllr B Moss be elected Vice-Chairman for the coming year."]);
  assert.equal(res[1].length, 1);
  assert.match(res[1][0], /^that the minutes of the meeting held on 11 March 2024 be approved\.?$/);
  assert.deepEqual(res[2], []);
});

test("Scottish community council minutes: 'Sederunt' lists those present, 'Decision:' paragraphs are the resolutions", () => {
  const ms = parse(
    [
      "MINUTES OF THE MEETING OF KIRKTON COMMUNITY COUNCIL",
      "held on 4 March 2024 at 7.00 pm at Kirkton Church Hall",
      "",
      "Sederunt: Cllr A Reid (Chair), Cllr B Moir, Cllr C Shaw.",
      "",
      "In attendance: Mrs D Kerr (Secretary).",
      "",
      "1. Footpaths",
      "The path to the school was overgrown.",
      "Decision: It was agreed that the Secretary write to the roads department.",
      "",
      "2. Funding",
      "A grant of £300 had been offered.",
      "Decision: It was agreed that the grant be accepted.",
    ].join("\n"),
  );
  assert.equal(ms.length, 1);
  const m = ms[0];
  assert.equal(m.body, "Kirkton Community Council");
  assert.deepEqual(m.attendance?.present, ["Cllr A Reid", "Cllr B Moir", "Cllr C Shaw"]);
  assert.deepEqual(m.attendance?.inAttendance, ["Mrs D Kerr"]);
  assert.deepEqual(
    m.minutes.map((x) => x.resolutions.map((r) => r.text)),
    [["that the Secretary write to the roads department."], ["that the grant be accepted."]],
  );
});

test("Irish minutes: 'Members present' and 'Officials in attendance'; proposer and seconder on lines of their own, then 'Resolved:'", () => {
  const ms = parse(
    [
      "Minutes of the meeting of Ballymore Town Council held at the Town Hall on 6 May 2024 at 7.00 pm",
      "",
      "Members present: Cllr A Byrne (Chair), Cllr B Walsh, Cllr C Ryan.",
      "",
      "Officials in attendance: Mr D Kelly (Town Clerk).",
      "",
      "1. Minutes",
      "",
      "Proposed by Cllr B Walsh",
      "",
      "Seconded by Cllr C Ryan",
      "",
      "Resolved: That the minutes of the meeting held on 1 April 2024 be adopted.",
      "",
      "2. Correspondence",
      "The correspondence was noted.",
    ].join("\n"),
  );
  assert.equal(ms.length, 1);
  const m = ms[0];
  assert.deepEqual(m.attendance?.present, ["Cllr A Byrne", "Cllr B Walsh", "Cllr C Ryan"]);
  assert.deepEqual(m.attendance?.inAttendance, ["Mr D Kelly"]);
  assert.deepEqual(
    m.minutes.map((x) => x.resolutions.map((r) => r.text)),
    [["That the minutes of the meeting held on 1 April 2024 be adopted."], []],
  );
});

test("Welsh community council minutes: the council named in Welsh above the English, labels in both languages", () => {
  const ms = parse(
    [
      "COFNODION CYFARFOD CYNGOR CYMUNED LLANFAIR",
      "",
      "MINUTES OF THE MEETING OF LLANFAIR COMMUNITY COUNCIL",
      "",
      "held on 12 June 2023 at 7.30 pm at Llanfair Village Hall",
      "",
      "Yn bresennol / Present: Cllrs Jones (in the chair), Evans and Price.",
      "",
      "Ymddiheuriadau / Apologies: Cllrs Hughes.",
      "",
      "Hefyd yn bresennol / In attendance: Mrs M Lloyd (Clerk).",
      "",
      "1. Datgan buddiant / Declarations of interest",
      "There were no declarations of interest.",
      "",
      "2. Cynllunio / Planning",
      "RESOLVED: that the Council raise no objection to application 23/0101.",
    ].join("\n"),
  );
  assert.equal(ms.length, 1);
  const m = ms[0];
  assert.equal(m.body, "Llanfair Community Council");
  assert.equal(m.attendance?.chair, "Jones");
  assert.deepEqual(m.attendance?.present, ["Jones", "Evans", "Price"]);
  assert.deepEqual(m.attendance?.apologies, ["Hughes"]);
  assert.deepEqual(m.attendance?.inAttendance, ["Mrs M Lloyd"]);
  assert.deepEqual(
    m.minutes.map((x) => x.title),
    ["Datgan buddiant / Declarations of interest", "Cynllunio / Planning"],
  );
});

test("minutes set out as a table (Min ref | Item | Minute): one minute per row, the decision cut from the narrative", () => {
  const ms = parse(
    [
      "Minutes of the meeting of Stanford Town Council held at the Town Hall on 6 May 2024 at 7.00 pm",
      "",
      "Present: Cllrs Hale (Chair), Moss and Ward.",
      "",
      "| Min ref | Item | Minute |",
      "| --- | --- | --- |",
      "| 24/101 | Apologies | Cllr Penn |",
      "| 24/102 | Declarations of interest | Cllr Moss declared a pecuniary interest in item 24/104. |",
      "| 24/103 | Allotments | All plots were let. RESOLVED that rents remain unchanged. |",
      "| Min 24/104 | Planning | Application 24/0123/FUL was considered. It was RESOLVED that no objection be raised. |",
    ].join("\n"),
    true,
  );
  assert.equal(ms.length, 1);
  const m = ms[0];
  assert.deepEqual(
    m.minutes.map((x) => [x.number, x.title]),
    [
      ["24/101", "Apologies"],
      ["24/102", "Declarations of interest"],
      ["24/103", "Allotments"],
      ["24/104", "Planning"],
    ],
  );
  assert.deepEqual(
    m.minutes.map((x) => x.resolutions.map((r) => r.text)),
    [[], [], ["that rents remain unchanged."], ["that no objection be raised."]],
  );
  assert.deepEqual(m.attendance?.apologies, ["Cllr Penn"]);
  assert.deepEqual(
    m.minutes[1].declarations.map((d) => [d.member, d.interest, d.item]),
    [["Cllr Moss", "pecuniary interest", "24/104"]],
  );
});
