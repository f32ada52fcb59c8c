/**
 * Writer and reader agree: minutes recorded in the workspace, printed through render/ as text and PDF,
 * are read back by Minutebook's own parser and compared field by field (render/house-compare, the
 * scorer's text rules); and the public projection never carries an exempt item's text.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { minutesRecord } from "../model/minutes";
import type { Clause, Meeting } from "../model/parse-v1";
import { parseBytes } from "../pipeline/parse-file";
import { renderMinutes, renderMinutesPdf } from "../render";
import { compareHouse } from "../render/house-compare";
import { clausesOf, toMeetingDoc } from "./minutes-document";

export const SAMPLE_META = {
  body: "Cabinet",
  authority: "Borsetshire County Council",
  date: "2027-05-25",
  location: "County Hall, Borchester",
};
export const EXEMPT_CANARY = "Valuation of Lakey Hill farm CANARY-7731";

export const sampleRecord = () =>
  minutesRecord.parse({
    startTime: "14:00",
    attendance: [
      { name: "Mr. J. B. Rhodes CC", kind: "present", chair: true },
      { name: "Mrs. A. Archer CC", kind: "present" },
      { name: "Mr. T. Forrest CC", kind: "substitute", substituteFor: "Mr. B. Pargetter CC" },
      { name: "Ms. L. Snell CC", kind: "remote" },
      { name: "Mr. B. Pargetter CC", kind: "apologies" },
      { name: "Ms. J. Doe", kind: "officer", role: "Head of Democratic Services" },
    ],
    items: [
      {
        number: "1",
        title: "Minutes of the previous meeting",
        resolution: "That the minutes of the meeting held on 20 April 2027 be approved as a correct record.",
      },
      {
        number: "2",
        title: "Declarations of interest",
      },
      {
        number: "3",
        agendaItem: "5",
        title: "Borchester Library Refurbishment",
        declarations: [
          {
            member: "Mrs. A. Archer CC",
            kind: "other-registrable",
            nature: "as a trustee of the Friends of Borchester Library",
          },
        ],
        minuteText: "The Director of Corporate Resources presented the report.",
        motions: [
          {
            kind: "amendment",
            text: "add ', subject to a review in March 2028'",
            mover: "Mrs. A. Archer CC",
            seconder: "Mr. T. Forrest CC",
            outcome: "carried",
            counts: { for: 3, against: 1, abstain: 0 },
            recorded: [
              { member: "Mrs. A. Archer CC", vote: "for" },
              { member: "Mr. T. Forrest CC", vote: "for" },
              { member: "Mr. J. B. Rhodes CC", vote: "for" },
              { member: "Ms. L. Snell CC", vote: "against" },
            ],
          },
        ],
        recommendation:
          "(a) That the refurbishment of Borchester Library at a cost of £1.2m be approved;\n(b) That the Director be authorised to award the contract.",
        resolution:
          "(a) That the refurbishment of Borchester Library at a cost of £1.2m be approved, subject to a review in March 2028;\n(b) That the Director be authorised to award the contract.",
        keyDecision: true,
        executive: true,
        reasons: "The library building no longer meets accessibility standards.",
        alternatives: "Closing the library was considered and rejected.",
      },
      {
        number: "4",
        title: "Exclusion of the press and public",
        resolution:
          "That under Section 100(A)(4) of the Local Government Act 1972 the public be excluded from the meeting for the following item of business on the grounds that it involves the likely disclosure of exempt information as defined in Paragraph 3 of Part 1 of Schedule 12A of the Act.",
      },
      {
        number: "5",
        title: "Disposal of Lakey Hill Farm",
        exemptParagraphs: [3],
        publicSummary: "The Cabinet agreed the disposal of Lakey Hill Farm on the terms set out in the exempt report.",
        minuteText: EXEMPT_CANARY,
        resolution: `(a) That the farm be sold for £2.3m (${EXEMPT_CANARY}).`,
      },
    ],
  });

const score = (want: Parameters<typeof compareHouse>[0], got: Awaited<ReturnType<typeof parseBytes>>) => {
  const fields = compareHouse(want, got);
  return { score: fields.filter((f) => f.ok).length / fields.length, failed: fields.filter((f) => !f.ok) };
};

test("recorded minutes read back by the parser at 0.95 or better (text and PDF)", async () => {
  const doc = toMeetingDoc(SAMPLE_META, sampleRecord(), { publicOnly: false });
  const text = renderMinutes(doc);
  const t = score(text.meetings, await parseBytes("cabinet-2027-05-25.txt", new TextEncoder().encode(text.text)));
  assert.ok(t.score >= 0.95, `text ${t.score}: ${JSON.stringify(t.failed, null, 1)}`);
  const pdf = await renderMinutesPdf(doc);
  const p = score(pdf.meetings, await parseBytes("cabinet-2027-05-25.pdf", pdf.bytes));
  assert.ok(p.score >= 0.95, `pdf ${p.score}: ${JSON.stringify(p.failed, null, 1)}`);
  assert.match(text.text, /Approved with amendments/);
  assert.match(text.text, /A recorded vote was taken on the amendment/);
  assert.match(text.text, /trustee of the Friends of Borchester Library/);
});

test("the public minutes keep the exempt item's title and summary, never its text", () => {
  const full = renderMinutes(toMeetingDoc(SAMPLE_META, sampleRecord(), { publicOnly: false })).text;
  const pub = renderMinutes(toMeetingDoc(SAMPLE_META, sampleRecord(), { publicOnly: true })).text;
  assert.ok(full.includes("CANARY-7731"));
  assert.ok(!pub.includes("CANARY-7731"));
  assert.match(pub, /Disposal of Lakey Hill Farm/);
  assert.match(pub, /Exempt under Paragraph 3 of Schedule 12A/);
  assert.match(pub, /on the terms set out in the exempt report/);
});

test("resolution clauses keep their letters", () => {
  assert.deepEqual(clausesOf("(a) That X;\n(b) That Y.\nThat Z"), [
    { label: "a", text: "That X", children: [] },
    { label: "b", text: "That Y", children: [] },
    { label: null, text: "That Z", children: [] },
  ]);
  assert.deepEqual(clausesOf("(a) That X:\n  (i) one;\n  (ii) two\n(b) That Y"), [
    {
      label: "a",
      text: "That X:",
      children: [
        { label: "i", text: "one", children: [] },
        { label: "ii", text: "two", children: [] },
      ],
    },
    { label: "b", text: "That Y", children: [] },
  ]);
});

test("the seed Cabinet minutes keyed in as recorded minutes are read back by the parser at 0.95 or better", async () => {
  const { readdirSync, readFileSync } = await import("node:fs");
  const { sharedPath } = await import("../testing/shared");
  const flat = (cs: Clause[], depth = 0): string[] =>
    cs.flatMap((c) => [
      `${"  ".repeat(depth)}${c.label ? `(${c.label}) ` : ""}${c.text}`,
      ...flat(c.children, depth + 1),
    ]);
  let keyed = 0;
  for (const f of readdirSync(sharedPath("gold")).sort()) {
    const gold = JSON.parse(readFileSync(sharedPath("gold", f), "utf8")) as { meetings: Meeting[] };
    for (const g of gold.meetings.filter((m) => m.body === "Cabinet" && m.minutes.length && m.attendance)) {
      const a = g.attendance!;
      const rec = minutesRecord.parse({
        startTime: g.time,
        attendance: [
          ...a.present.map((name) => ({ name, kind: "present", chair: name === a.chair })),
          ...a.apologies.map((name) => ({ name, kind: "apologies" })),
          ...a.inAttendance.map((name) => ({ name, kind: "officer" })),
        ],
        items: g.minutes.map((m) => ({
          number: m.number ?? "0",
          title: m.title,
          exemptParagraphs: m.exemptParagraphs,
          publicSummary: m.exemptParagraphs.length ? "Considered in private." : null,
          resolution: m.resolutions.length ? flat(m.resolutions).join("\n") : null,
          keyDecision: m.keyDecision === true,
          reasons: m.reasons.join("\n"),
          declarations: m.declarations.map((d) => ({
            member: d.member,
            kind: /pecuniary/i.test(d.interest ?? "") ? "disclosable-pecuniary" : "non-registrable",
            nature: "in the item",
          })),
        })),
      });
      const doc = toMeetingDoc({ body: g.body, authority: g.authority, date: g.date!, location: g.location }, rec, {
        publicOnly: false,
      });
      const text = renderMinutes(doc);
      const s = score(text.meetings, await parseBytes(`${f}.txt`, new TextEncoder().encode(text.text)));
      assert.ok(s.score >= 0.95, `${f}: ${s.score}: ${JSON.stringify(s.failed, null, 1)}`);
      keyed++;
    }
  }
  assert.ok(keyed >= 1, "the seeds hold Cabinet minutes");
});
