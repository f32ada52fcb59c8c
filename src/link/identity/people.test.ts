/** People on the seeds: officers from report contact blocks and the clerk, councillors, review flags. */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { loadFromFiles } from "../../cli/commands/topics";
import { emptyMeeting } from "../../model/parse-v1";
import { findPeople } from "./people";

const SEEDS = join(import.meta.dirname, "../../../../shared/seeds");

test("officers and councillors on the seeds, near-misspellings listed for review", {
  skip: !existsSync(SEEDS),
}, async () => {
  const { people, review } = findPeople(await loadFromFiles([SEEDS], true));
  const named = (re: RegExp) => people.filter((p) => re.test(p.name));
  const wilson = named(/Jon Wilson/);
  assert.equal(wilson.length, 1, "one Jon Wilson across the reports");
  assert.deepEqual(wilson[0].kinds, ["officer"]);
  assert.ok(wilson[0].posts.some((p) => /Director of Adults and Communities/.test(p)));
  assert.ok(new Set(wilson[0].forms.map((f) => f.meetingKey)).size >= 3);
  const clerk = named(/Weston/);
  assert.equal(clerk.length, 1);
  assert.ok(clerk[0].forms.some((f) => f.role === "clerk"));
  assert.ok(named(/Houseman/).some((p) => p.kinds.includes("councillor")));
  // "In attendance" (Mr. S. Sheahan CC) and the discussion (Mr. S. D. Sheahan CC): one councillor,
  // each form kept with the rule that joined it; "Dave" and "D. W." Houseman likewise.
  const sheahan = named(/Sheahan/);
  assert.equal(sheahan.length, 1);
  assert.deepEqual(sheahan[0].kinds, ["councillor"]);
  assert.ok(sheahan[0].forms.some((f) => f.printed === "Mr. S. Sheahan CC" && f.role === "in-attendance"));
  assert.ok(sheahan[0].forms.some((f) => f.printed === "Mr. S. D. Sheahan CC" && f.rule === "initials-prefix"));
  const houseman = named(/Houseman/);
  assert.equal(houseman.length, 1);
  const printed = new Set(houseman[0].forms.map((f) => f.printed));
  assert.ok(printed.has("Mr. Dave Houseman MBE, CC") && printed.has("Mr. D. W. Houseman MBE CC"));
  // Officers stay officers: no one from a contact block is also made a councillor.
  for (const p of people.filter((x) => x.forms.some((f) => f.role === "officer")))
    assert.deepEqual(p.kinds, ["officer"], p.name);
  const mc = named(/McMill/);
  assert.equal(mc.length, 2, "McMillian and McMillan are not merged");
  assert.ok(review.some((r) => (r.a === mc[0].id && r.b === mc[1].id) || (r.a === mc[1].id && r.b === mc[0].id)));
});

test("printed forms merge with their evidence; councils never share a person", () => {
  const meeting = (authority: string, date: string, names: string[]) => ({
    ...emptyMeeting("Cabinet", { startLine: 1, endLine: 1, page: null }),
    authority,
    date,
    membership: names.map((name) => ({ name, role: null })),
  });
  const input = [
    {
      docId: "a",
      meetingKey: "a",
      meeting: meeting("Northshire County Council", "2020-01-01", ["Mr. S. D. Sheahan CC"]),
    },
    {
      docId: "b",
      meetingKey: "b",
      meeting: meeting("Northshire County Council", "2020-02-01", ["Mr. S. Sheahan CC."]),
    },
    {
      docId: "c",
      meetingKey: "c",
      meeting: meeting("Southshire District Council", "2020-02-01", ["Mr. S. D. Sheahan"]),
    },
  ];
  const { people } = findPeople(input);
  assert.equal(people.length, 2);
  const north = people.find((p) => p.council === "Northshire County Council")!;
  assert.deepEqual(
    north.forms.map((f) => [f.printed, f.rule]),
    [
      ["Mr. S. D. Sheahan CC", "first-seen"],
      ["Mr. S. Sheahan CC.", "initials-prefix"],
    ],
  );
  assert.equal(north.name, "Mr S. D. Sheahan");
});

test("in attendance, named in discussion, recorded votes: councillors only on a councillor's mark", () => {
  const minute = (title: string, startLine: number, endLine: number, exempt = false) => ({
    number: null,
    agendaItem: null,
    title,
    declarations: [],
    resolutions: [],
    keyDecision: null,
    reasons: [],
    exemptParagraphs: exempt ? [3] : [],
    span: { startLine, endLine, page: null },
  });
  const lines = [
    "Rail Strategy.",
    "Members noted the comments received from Mr. S. D. Sheahan CC and Mr. Steward, Chair of the Foundation.",
    "Mr Houseman MBE CC and Cllr Mrs D. Clements spoke in support.",
    "Land at Quarry Farm.",
    "Mr. P. Hidden CC asked about the price.",
  ];
  const input = [
    {
      docId: "a",
      meetingKey: "cabinet|2020-01-10",
      lines,
      meeting: {
        ...emptyMeeting("Cabinet", { startLine: 1, endLine: 5, page: null }),
        authority: "Northshire County Council",
        date: "2020-01-10",
        attendance: {
          chair: null,
          present: ["Mr. Dave Houseman MBE, CC"],
          apologies: [],
          inAttendance: ["Mr. S. Sheahan CC", "Jane Smith"],
        },
        minutes: [
          {
            ...minute("Rail Strategy", 1, 3),
            votes: [
              {
                motion: null,
                result: "carried" as const,
                for: { count: 1, names: ["Cllr Sue Chandler"] },
                against: null,
                abstain: null,
                span: { startLine: 2, endLine: 2, page: null },
              },
            ],
          },
          minute("Land at Quarry Farm", 4, 5, true),
        ],
      },
    },
  ];
  const { people } = findPeople(input);
  const table = people.map((p) => [p.name, p.kinds.join("+"), p.forms.map((f) => `${f.role}:${f.rule}`).join(" ")]);
  assert.deepEqual(table, [
    ["Mr Dave Houseman", "councillor", "attendee:first-seen named:surname-unique"],
    ["Mr S. D. Sheahan", "councillor", "in-attendance:first-seen named:initials-prefix"],
    // "In attendance" without a councillor's mark: neither a councillor nor (on this evidence) an officer.
    ["Jane Smith", "", "in-attendance:first-seen"],
    ["Cllr Sue Chandler", "councillor", "voted:first-seen"],
    ["Cllr Mrs D. Clements", "councillor", "named:first-seen"],
  ]);
  // A member of the public named without a mark, and anyone named in an exempt minute, is no one here.
  assert.ok(!people.some((p) => /Steward|Hidden/.test(p.name)));
});

test("officers are kept apart from members: a council's employee is never one of its councillors", () => {
  const at = (date: string, members: string[], officers: string[], contact: string | null = null) => ({
    docId: date,
    meetingKey: `cabinet|${date}`,
    meeting: {
      ...emptyMeeting("Cabinet", { startLine: 1, endLine: 1, page: null }),
      authority: "Northshire County Council",
      date,
      membership: members.map((name) => ({ name, role: null })),
      contact: contact ? { name: contact, phone: null, email: null } : null,
      reports: [
        {
          agendaItem: "4",
          title: "Libraries",
          author: null,
          recommendations: [],
          officers: officers.map((name) => ({ name, role: "Assistant Director", phone: null, email: null })),
          appendices: [],
          backgroundPapers: [],
          span: { startLine: 1, endLine: 1, page: null },
        },
      ],
    },
  });
  const { people } = findPeople([
    at("2021-01-12", ["Mr. B. B. Stainsby CC", "Ms. B. C. Nuttall CC"], ["Beverley Stainsby", "Tessa Nuttall"]),
    at("2021-02-09", ["Ms. Nuttall CC", "Mr. Stainsby CC"], ["B. Stainsby"], "Mrs. A. Smith (Tel. 0116 305 2583)"),
  ]);
  const table = people.map((p) => [p.name, p.kinds.join("+"), p.forms.map((f) => `${f.printed}:${f.rule}`).join(" ")]);
  assert.deepEqual(table, [
    ["Mr B. B. Stainsby", "councillor", "Mr. B. B. Stainsby CC:first-seen Mr. Stainsby CC:surname-unique"],
    ["Ms B. C. Nuttall", "councillor", "Ms. B. C. Nuttall CC:first-seen Ms. Nuttall CC:surname-unique"],
    ["Beverley Stainsby", "officer", "Beverley Stainsby:first-seen B. Stainsby:forename-initial"],
    ["Tessa Nuttall", "officer", "Tessa Nuttall:first-seen"],
    ["Mrs A. Smith", "officer", "Mrs. A. Smith:first-seen"],
  ]);
});
