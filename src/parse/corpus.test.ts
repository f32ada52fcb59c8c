// The parser on real council documents from ../shared/corpus (Kent, Merton, Norfolk parishes),
// read through the same pipeline as `minutebook parse`. Each assertion is a fact checked by reading
// the document itself (pdftotext -layout for the PDFs); line numbers are not asserted, so a
// change in the PDF reader's line breaking does not break these tests.
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { test } from "node:test";
import type { Clause, Meeting, ParseResult } from "../model/parse-v1";
import { parseFile } from "../pipeline/parse-file";
import { sharedPath } from "../testing/shared";

const cache = new Map<string, Promise<ParseResult>>();
function parse(...parts: string[]): Promise<ParseResult> {
  const p = sharedPath("corpus", ...parts);
  let r = cache.get(p);
  if (!r) {
    r = parseFile(p);
    cache.set(p, r);
  }
  return r;
}

const flat = (cs: Clause[]): Clause[] => cs.flatMap((c) => [c, ...flat(c.children)]);
const texts = (m: Meeting, title: RegExp): string[] =>
  flat(m.minutes.find((x) => title.test(x.title))?.resolutions ?? []).map((c) => c.text);

test("Kent proposed record of decision 24/00096: one Cabinet decision, key, with its reasons", async () => {
  const r = await parse("kent", "kent_cabinet_2025-01-30_decision_24-00096_PRoD.pdf");
  assert.equal(r.meetings.length, 1);
  const m = r.meetings[0];
  assert.equal(m.body, "Cabinet");
  assert.equal(m.authority, "Kent County Council");
  assert.equal(m.date, null, "a proposed record prints no date of decision");
  assert.ok(r.diagnostics.some((d) => /no date of decision/.test(d.message)));
  assert.equal(m.minutes.length, 1);
  const d = m.minutes[0];
  assert.equal(d.number, "24/00096");
  assert.equal(d.title, "Commissioning Plan for Education Provision in Kent 2025-29");
  assert.equal(d.keyDecision, true, "Key decision: YES");
  assert.deepEqual(
    flat(d.resolutions).map((c) => c.text),
    ["the Commissioning Plan for Education Provision in Kent 2025-29"],
  );
  assert.match(d.reasons[0], /^The County Council is the Strategic Commissioner of Education Provision in Kent\./);
  // Headings ("Background", "3. Financial Implications") and the tables of places are not reasons.
  assert.ok(!d.reasons.some((x) => /^(?:Background|Financial Implications|By By)/.test(x)));
  assert.ok(!d.reasons.some((x) => /temp places/.test(x)));
  assert.ok(d.reasons.some((x) => /^Each project identified in the KCP will be subject/.test(x)));
  assert.deepEqual(d.declarations, [], "Any interest declared ...: None");
});

test("Kent proposed record of decision 24/00108: lettered decision, not a key decision", async () => {
  const r = await parse("kent", "kent_cabinet_2025-01-30_decision_24-00108_PROD.pdf");
  const d = r.meetings[0].minutes[0];
  assert.equal(r.meetings[0].body, "Cabinet");
  assert.equal(d.number, "24/00108");
  assert.equal(d.title, "Revenue and Capital Budget Monitoring Report – September 2024-2025");
  assert.equal(d.keyDecision, false, "Key decision: NO");
  assert.deepEqual(
    d.resolutions.map((c) => c.label),
    ["a", "b", "c", "d", "e", "f"],
  );
  assert.equal(d.resolutions[4].text, "Note and agree the Capital budget changes");
  assert.deepEqual(d.reasons, [
    "The Quarter 3 position for the Council needs to be noted by Cabinet. The capital budget changes need to be agreed by Cabinet.",
  ]);
});

test("Stoke Ferry parish minutes: motions proposed and seconded are the decisions", async () => {
  const r = await parse("parish", "stoke_ferry_pc_2013-07-10_minutes.md");
  const m = r.meetings[0];
  assert.deepEqual(texts(m, /^To Approve\/Sign the Minutes/), [
    "Cllr Mrs Lintern proposed acceptance of the Minutes seconded by Cllr Hand. Unanimously Agreed",
  ]);
  assert.deepEqual(texts(m, /^Bank Mandate/), [
    "Cllr Mrs Clements proposed Cllr Mrs Hull, seconded by Cllr Hand. It was agreed that Cllr Mrs Hull will be the third signatory.",
  ]);
  const draft = texts(m, /^Draft Minutes$/);
  assert.equal(draft.length, 1, "the proposal; the sentence announcing it is not a second decision");
  assert.match(draft[0], /^Cllr Mrs Clements proposed that Draft Minutes should not be released .* Carried$/);
  assert.deepEqual(texts(m, /^Approval of Payments$/), [
    "Cllr Mrs Clements proposed approval for payment seconded by Cllr Mrs Lintern",
  ]);
  // "Proposed by A, seconded by B - Unanimously agreed": the motion is the sentence before it.
  assert.deepEqual(texts(m, /^To Receive Further Information/), [
    "The meeting was adjourned to receive further information from councillors and public. Proposed by Cllr Mrs Clements, seconded by Cllr Hand Unanimously agreed",
  ]);
  assert.deepEqual(texts(m, /^Application for Free Trees$/), [], "no motion in item 8");
  // "Police Matters:" stands between items 2 and 3 without a number.
  assert.deepEqual(
    m.minutes.slice(0, 4).map((x) => [x.number, x.title]),
    [
      ["1", "Those Attending"],
      ["2", "To Consider Apologies for Absence"],
      [null, "Police Matters"],
      ["3", "To Approve/Sign the Minutes of the Council Meeting of 12 June 2013"],
    ],
  );
  assert.equal(m.minutes.length, 15);
});

test("West Dereham parish minutes: agreements stated in running text are the decisions", async () => {
  const r = await parse("parish", "west_dereham_pc_2020-03_minutes.md");
  const m = r.meetings[0];
  assert.deepEqual(texts(m, /^Minutes of the Parish Council Meeting/), [
    "The Councillors agreed that they were content that the minutes should be signed as a true record.",
  ]);
  assert.deepEqual(texts(m, /^To consider Parish Council Internal Affairs/), [
    "Councillors agreed to defer the review of this policy until the next meeting.",
  ]);
  assert.deepEqual(texts(m, /^To comment on planning applications/), [
    "Parish Councillors voted to support the application.",
  ]);
  const forum = texts(m, /^Open Forum$/);
  assert.equal(forum.length, 1);
  // "It was agreed that X": the decision is "that X", without the formula.
  assert.match(forum[0], /^that the Parish Clerk should contact the NCC planners/);
  // "All Councillors noted that they were content" with the payments is not worded as a decision.
  assert.deepEqual(texts(m, /^Finance Report$/), []);
});

test("Wretton parish minutes: the previous minutes confirmed as a true record", async () => {
  const r = await parse("parish", "wretton_pc_2019-11_minutes.md");
  assert.deepEqual(texts(r.meetings[0], /^Approval of Minutes$/), [
    "The minutes of the meeting held on 27.08.19 were confirmed as a true record.",
  ]);
});

test("Kent County Council minutes print RESOLVED, so motions in the debate are not decisions", async () => {
  const r = await parse("kent", "kent_county_council_2024-12-19_minutes.pdf");
  const m = r.meetings[0];
  // Minute 274: "Mr Sweetland proposed, and Mr Ridgers seconded, ... Agreed unanimously." is debate
  // in minutes whose decisions are printed as RESOLVED.
  assert.deepEqual(texts(m, /^Chairman's Announcements$/), []);
  assert.deepEqual(texts(m, /^Local Transport Plan$/), [
    "that the County Council approves and adopts Local Transport Plan 5: Striking the Balance.",
  ]);
});

test("Kent County Council front sheets: a title cell wrapping under its page-range column is one title", async () => {
  const mar = await parse("kent", "kent_county_council_2025-03-13_agenda_frontsheet.pdf");
  const items = mar.meetings[0].agenda;
  assert.equal(items.length, 17);
  const four = items.find((a) => a.number === "4");
  assert.equal(four?.title, "Corporate Parenting Panel - October 2024 and December 2024 Minutes for noting");
  assert.deepEqual(four?.pages, { start: 15, end: 30 });
  // "See supplement pack published alongside the main agenda" follows a blank line: a note, not title.
  assert.equal(items.find((a) => a.number === "8")?.title, "Kent Minerals and Waste Local Plan 2024-39");
  const feb = await parse("kent", "kent_county_council_2025-02-13_agenda_frontsheet.pdf");
  assert.equal(
    feb.meetings[0].agenda.find((a) => a.number === "3")?.title,
    "Minutes of the meetings held on 19 December 2024 and 9 January 2025 and, if in order, to be approved as a correct record",
  );
});

test("Merton agenda: the footnote mark after 'Declarations of interest' is not part of the title", async () => {
  const r = await parse("merton", "merton_audit_committee_2009-10-22_agenda_pack.pdf");
  const front = r.meetings.find((m) => m.date === "2009-10-22");
  assert.ok(front);
  assert.equal(front.agenda[0].title, "Declarations of interest");
  assert.equal(front.agenda[0].pages, null);
  assert.deepEqual(
    front.agenda.map((a) => a.pages?.start ?? null),
    [null, null, 3, 9, 23, 53, 155, 169],
  );
});

test("Stoke Ferry parish minutes: visitors are in attendance, members present", async () => {
  const r = await parse("parish", "stoke_ferry_pc_2013-07-10_minutes.md");
  const m = r.meetings[0];
  assert.equal(m.body, "Stoke Ferry Parish Council");
  assert.equal(m.date, "2013-07-10");
  assert.equal(m.time, "19:30");
  assert.equal(m.location, "The Community Centre", "the heading capitalises The as part of the name");
  assert.equal(m.nextMeeting, "2013-08-14");
  const a = m.attendance;
  assert.ok(a);
  assert.equal(a.chair, "Cllr J Nicholas-Letch");
  assert.deepEqual(a.present, [
    "Cllr J Nicholas-Letch",
    "Cllr Mrs D Clements",
    "Cllr Mrs M Leamon",
    "Cllr Mrs J Hull",
    "Cllr M Hand",
    "Cllr Mrs S Lintern",
  ]);
  // The county councillor (a visitor at a parish council), the clerk, and the PCSO "present for
  // part of the meeting".
  assert.deepEqual(a.inAttendance.sort(), ["County Councillor M Storey", "Mrs C Hardy", "PCSO Sara Clipperton"]);
  assert.deepEqual(a.apologies, ["Borough Councillor C Sampson", "Cllr T Ryves"]);
});

test("Kent report: the relevant director is one of the report's officers", async () => {
  const r = await parse("kent", "kent_county_council_2025-01-09_item3_supplement_pack.pdf");
  const rep = r.meetings[0].reports[0];
  assert.equal(rep.agendaItem, "3");
  assert.deepEqual(
    rep.officers.map((o) => [o.name, o.role]),
    [
      ["Amanda Beer", "Chief Executive Officer"],
      ["David Whittle", "Director of Strategy, Policy, Relationships & Corporate Assurance"],
      ["Ben Watts", "General Counsel"],
    ],
  );
});

test("Merton pack: the draft minutes of 24 September 2009 and the note of the joint session", async () => {
  const r = await parse("merton", "merton_audit_committee_2009-10-22_agenda_pack.pdf");
  const sept = r.meetings.filter((m) => m.date === "2009-09-24");
  assert.equal(sept.length, 2);
  const audit = sept.find((m) => m.body === "Audit Committee");
  assert.ok(audit?.attendance);
  assert.equal(audit.time, "19:15");
  assert.deepEqual(audit.attendance.present, ["Dave Roberts", "Angela Caldara", "Corinna Edge", "Danny Connellan"]);
  assert.deepEqual(audit.attendance.apologies, ["Rod Scott", "Diane Neil mills"]);
  assert.deepEqual(
    audit.minutes.map((m) => [m.number, m.agendaItem]),
    [
      ["1", null],
      ["2", "3"],
      ["3", "4"],
      ["4", "4"],
      ["5", "5"],
      ["6", "6"],
      ["7", "7"],
    ],
  );
  assert.deepEqual(
    audit.minutes[4].resolutions.map((c) => c.label),
    ["A", "B"],
  );
  // The joint session's note has no numbered items: its three report headings are its minutes.
  const joint = sept.find((m) => m.body !== "Audit Committee");
  assert.ok(joint);
  assert.equal(joint.time, "19:28");
  assert.deepEqual(
    joint.minutes.map((m) => [m.number, m.title]),
    [
      [null, "AUDITED FINAL ACCOUNTS 2008/09 AND USE OF RESOURCES JUDGEMENT"],
      [null, "ANNUAL GOVERNANCE REPORT 2008/09"],
      [null, "ANNUAL GOVERNANCE REPORT 2008/09 – PENSION FUND"],
    ],
  );
  assert.deepEqual(
    joint.minutes.flatMap((m) => m.resolutions),
    [],
    "the pack records its decisions as RESOLVED; the joint session resolved nothing",
  );
});

test("Kent County Council 13 March 2025: a resolution of two lettered lists keeps each under its lead-in", async () => {
  const r = await parse("kent", "kent_county_council_2025-03-13_printed_minutes.pdf");
  const m = r.meetings[0].minutes.find((x) => x.number === "308");
  assert.ok(m);
  assert.deepEqual(
    m.resolutions.map((c) => [c.label, c.text.slice(0, 30), c.children.map((k) => k.label).join("")]),
    [
      [null, "This Council believes that:", "abcd"],
      [null, "This Council agrees to call on", "ab"],
    ],
  );
});

test("Kent questions and answers: the covering letter is read; the questions themselves are reported unread", async () => {
  const r = await parse("kent", "kent_county_council_2025-03-13_questions_and_answers.pdf");
  assert.equal(r.meetings.length, 1);
  const m = r.meetings[0];
  assert.equal(m.date, "2025-03-13");
  assert.deepEqual(m.contact, { name: "Joel Cook", phone: "03000416892", email: "joel.cook@kent.gov.uk" });
  assert.deepEqual(
    m.agenda.map((a) => [a.number, a.title, a.pages]),
    [["6", "Questions", { start: 1, end: 18 }]],
  );
  const unread = r.diagnostics.find((d) => /not part of any meeting record/.test(d.message));
  assert.ok(unread?.span, "the pages of questions and answers are not silently dropped");
  assert.ok(unread.span.endLine - unread.span.startLine > 300);
});

// Every meeting record in the corpus yields at least one meeting. Not meeting records: the annual
// return (accounts) and a Modern.Gov list of committees; import refuses those with a reason.
const NOT_MEETING_RECORDS = /annual_return|GetCommittees|SOURCES\.md$/;
/** Known gaps, reported rather than hidden: documents the parser cannot read yet, with the reason. */
const NOT_YET: Record<string, string> = {};
for (const folder of readdirSync(sharedPath("corpus"), { withFileTypes: true }).filter((d) => d.isDirectory())) {
  for (const file of readdirSync(sharedPath("corpus", folder.name)).sort()) {
    if (NOT_MEETING_RECORDS.test(file)) continue;
    test(`corpus ${folder.name}/${file} yields at least one meeting`, { todo: NOT_YET[file] }, async () => {
      const r = await parse(folder.name, file);
      assert.ok(r.meetings.length >= 1, `no meeting: ${r.diagnostics.map((d) => d.message).join("; ")}`);
      for (const m of r.meetings) assert.ok(m.body.trim() !== "", "every meeting names its body");
    });
  }
}
