/**
 * The linkers on an invented council with known answers (precision and recall must both be 1), and
 * properties on arbitrary meetings: they never throw, and the same meetings in any order give the
 * same output.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import type { Clause, Meeting } from "../model/parse-v1";
import {
  findFollowUps,
  findMoney,
  findQualityFlags,
  findReferrals,
  findTopics,
  type LinkEntry,
  type LinkInput,
} from "./index";
import { EXPECTED, syntheticCouncil } from "./testing/synthetic";

function score(found: Set<string>, expected: Set<string>): { precision: number; recall: number } {
  const hit = [...found].filter((x) => expected.has(x)).length;
  return { precision: found.size ? hit / found.size : 0, recall: expected.size ? hit / expected.size : 0 };
}

describe("an invented council with known links", () => {
  const input = syntheticCouncil();

  test("topics: one thread, exactly the items on the followed subject", () => {
    const threads = findTopics(input);
    assert.equal(threads.length, 1, threads.map((t) => t.label).join(", "));
    const found = new Set(threads[0].members.map((m) => `${m.docId} ${m.ref}`));
    assert.deepEqual(score(found, EXPECTED.thread), { precision: 1, recall: 1 });
    assert.deepEqual(threads[0].bodies, ["Environment Committee", "Policy and Resources Committee"]);
    assert.deepEqual(threads[0].years, ["2019", "2020"]);
  });

  test("referrals: one resolved to a meeting in the input, one to a stub", () => {
    const found = new Set(
      findReferrals(input).map(
        (r) => `${r.from.docId} ${r.from.ref} -> ${r.to.body} ${r.to.date ?? "-"} ${r.to.stub ? "stub" : "resolved"}`,
      ),
    );
    assert.deepEqual(score(found, EXPECTED.referrals), { precision: 1, recall: 1 });
  });

  test("follow-ups: one met by a later item on the subject, one overdue", () => {
    const found = new Set(
      findFollowUps(input, { today: EXPECTED.today }).map(
        (f) =>
          `${f.from.docId} ${f.from.ref} due ${f.dueBy} ${f.status}${f.metBy ? ` by ${f.metBy.docId} ${f.metBy.ref}` : ""}`,
      ),
    );
    assert.deepEqual(score(found, EXPECTED.followUps), { precision: 1, recall: 1 });
  });

  test("money and quality", () => {
    const [sum, ...more] = findMoney(input);
    assert.equal(more.length, 0);
    assert.equal(sum.pence, 120_000_000);
    assert.match(sum.purpose, /^the restoration of the riverside wetland/);
    const kinds = findQualityFlags(input).map((f) => f.kind);
    assert.deepEqual(kinds.sort(), [
      "name-printed-two-ways",
      "next-meeting-not-after",
      "next-meeting-weekend",
      "pages-overlap",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const WORDS = [
  "Riverside",
  "wetland",
  "Budget",
  "Strategy",
  "library",
  "the",
  "of",
  "to",
  "Cabinet",
  "Council",
  "report",
  "further",
  "update",
  "forwarded",
  "recommended",
  "£1.2m",
  "£750,000",
  "March",
  "2017",
  "23",
  "November",
  "Spring",
  "six",
  "months",
  "next",
  "meeting",
  "(b)",
  ";",
  "-",
  "'",
  "Committee",
  "Declarations",
  "Minutes",
];
const text = fc.oneof(
  fc.array(fc.constantFrom(...WORDS), { maxLength: 14 }).map((w) => w.join(" ")),
  fc.string({ maxLength: 40 }),
);
const date = fc.oneof(
  fc.constant(null),
  fc.constant("2017-02-30"),
  fc.string({ maxLength: 10 }),
  fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2015, 0, 1) + d * 864e5).toISOString().slice(0, 10)),
);
const span = fc.record({
  startLine: fc.integer({ min: -2, max: 60 }),
  endLine: fc.integer({ min: -2, max: 60 }),
  page: fc.constant(null),
});
const clause: fc.Arbitrary<Clause> = fc.record({
  label: fc.option(fc.constantFrom("a", "b", "i", "ii"), { nil: null }),
  text,
  children: fc.array(fc.record({ label: fc.constant("i"), text, children: fc.constant([]) }), { maxLength: 2 }),
});
const meeting: fc.Arbitrary<Meeting> = fc.record({
  body: fc.constantFrom("Cabinet", "Scrutiny Commission", "Planning Committee", ""),
  authority: fc.option(fc.constantFrom("Northwold District Council", "Eastshire County Council"), { nil: null }),
  date,
  time: fc.constant(null),
  location: fc.constant(null),
  contact: fc.constant(null),
  membership: fc.array(fc.record({ name: text, role: fc.constant(null) }), { maxLength: 4 }),
  agenda: fc.array(
    fc.record({
      number: fc.constantFrom("1", "2", "3a"),
      title: text,
      reportBy: fc.option(text, { nil: null }),
      pages: fc.option(fc.record({ start: fc.integer({ min: 0, max: 30 }), end: fc.integer({ min: 0, max: 30 }) }), {
        nil: null,
      }),
      span,
    }),
    { maxLength: 4 },
  ),
  attendance: fc.option(
    fc.record({
      chair: fc.option(text, { nil: null }),
      present: fc.array(text, { maxLength: 4 }),
      apologies: fc.array(text, { maxLength: 2 }),
      inAttendance: fc.array(text, { maxLength: 2 }),
    }),
    { nil: null },
  ),
  minutes: fc.array(
    fc.record({
      number: fc.option(fc.constantFrom("40", "41", "524"), { nil: null }),
      agendaItem: fc.option(fc.constantFrom("1", "2"), { nil: null }),
      title: text,
      declarations: fc.constant([]),
      resolutions: fc.array(clause, { maxLength: 3 }),
      keyDecision: fc.constant(null),
      reasons: fc.array(text, { maxLength: 2 }),
      exemptParagraphs: fc.constant([]),
      span,
    }),
    { maxLength: 4 },
  ),
  reports: fc.array(
    fc.record({
      agendaItem: fc.option(fc.constantFrom("1", "2"), { nil: null }),
      title: text,
      author: fc.option(text, { nil: null }),
      recommendations: fc.array(text, { maxLength: 3 }),
      officers: fc.constant([]),
      appendices: fc.constant([]),
      backgroundPapers: fc.array(text, { maxLength: 2 }),
      span,
    }),
    { maxLength: 2 },
  ),
  nextMeeting: date,
  span,
});
const entry: fc.Arbitrary<LinkEntry> = fc.record(
  {
    docId: fc.constantFrom("d1", "d2", "d3"),
    meetingKey: fc.constantFrom("k1", "k2", "k3", "k4"),
    meeting,
    lines: fc.array(text, { maxLength: 30 }),
  },
  { requiredKeys: ["docId", "meetingKey", "meeting"] },
);

const everything = (input: LinkInput) =>
  JSON.stringify({
    topics: findTopics(input),
    referrals: findReferrals(input),
    followUps: findFollowUps(input, { today: "2020-06-01" }),
    money: findMoney(input),
    quality: findQualityFlags(input),
  });

describe("properties on arbitrary meetings", () => {
  test("never throw; deterministic and independent of input order", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 5 }), fc.integer(), (input, seed) => {
        const first = everything(input);
        assert.equal(everything(input), first);
        // A seeded permutation of the same meetings.
        const shuffled = input
          .map((e, i) => ({ e, k: Math.sin(seed + i * 7919) }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.e);
        assert.equal(everything(shuffled), first);
      }),
      { numRuns: 150 },
    );
  });

  test("the synthetic council in every order gives the same links", () => {
    const input = syntheticCouncil();
    const first = everything(input);
    assert.equal(everything([...input].reverse()), first);
    assert.equal(everything([input[2], input[0], input[3], input[1]]), first);
  });
});
