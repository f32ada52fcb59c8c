// Table tests for the publication check: the clear-day boundary (5 principal, 3 parish) with the days
// counted, a bank holiday in the window, late items with and without the chair's reason, uncleared
// reports, and exempt text in the public pack.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { leakedPassages, publicationCheck } from "./publication";

// Wednesday 17 March 2027: the last day to publish is Tuesday 9 March (principal), Friday 12 March (parish).
const MEETING = "2027-03-17";
const at = (day: string, time = "16:15") => new Date(`${day}T${time}:00Z`);
const base = {
  meetingDate: MEETING,
  policy: "principal" as const,
  supplement: false,
  items: [{ number: "1", title: "Apologies for absence", late: false, urgencyReason: null }],
  reports: [{ title: "Budget", cleared: true }],
  publicText: "Apologies for absence. Budget report.",
  exemptTexts: [] as string[],
};

describe("publicationCheck: clear days", () => {
  const rows: [string, "principal" | "parish", string, "ok" | "flag" | "block", number][] = [
    ["principal, 7 clear days", "principal", "2027-03-05", "ok", 7],
    ["principal, exactly 5 (Tuesday 9th)", "principal", "2027-03-09", "ok", 5],
    ["principal, 4: one day late (Wednesday 10th)", "principal", "2027-03-10", "flag", 4],
    ["principal, the day before", "principal", "2027-03-16", "flag", 0],
    ["principal, the meeting day", "principal", MEETING, "block", 0],
    ["parish, exactly 3 (Friday 12th: Saturday counts, Sunday does not)", "parish", "2027-03-12", "ok", 3],
    ["parish, 2 (Saturday 13th)", "parish", "2027-03-13", "flag", 2],
  ];
  for (const [name, policy, day, outcome, clear] of rows)
    test(name, () => {
      const r = publicationCheck({ ...base, policy, at: at(day) });
      assert.equal(r.outcome, outcome, JSON.stringify(r.problems));
      assert.equal(r.clearDays, clear);
      assert.equal(r.countedDays.length, clear);
    });

  test("the flag names the days given, the days required and the days counted", () => {
    const r = publicationCheck({ ...base, at: at("2027-03-10") });
    assert.match(
      r.problems[0].message,
      /4 clear days .* 5 are required .*2027-03-09.*2027-03-11, 2027-03-12, 2027-03-15, 2027-03-16/,
    );
  });

  test("a bank holiday in the window is not counted (Early May 2027)", () => {
    // Meeting Wednesday 5 May 2027; Monday 3 May is a bank holiday, so Monday 26 April is the last day.
    assert.equal(publicationCheck({ ...base, meetingDate: "2027-05-05", at: at("2027-04-26") }).outcome, "ok");
    const r = publicationCheck({ ...base, meetingDate: "2027-05-05", at: at("2027-04-27") });
    assert.equal(r.outcome, "flag");
    assert.equal(r.clearDays, 4);
  });

  test("publication late in the evening still counts its day (published 23:30 BST is that day)", () => {
    // 22:30 UTC on 9 June 2027 is 23:30 in London, still the 9th: the 9th is not a clear day.
    const r = publicationCheck({ ...base, meetingDate: "2027-06-17", at: new Date("2027-06-09T22:30:00Z") });
    assert.equal(r.publishedOn, "2027-06-09");
    assert.equal(r.clearDays, 5);
    const r2 = publicationCheck({ ...base, meetingDate: "2027-06-17", at: new Date("2027-06-09T23:30:00Z") });
    assert.equal(r2.publishedOn, "2027-06-10");
    assert.equal(r2.outcome, "flag");
  });
});

describe("publicationCheck: what it refuses", () => {
  test("an uncleared report blocks", () => {
    const r = publicationCheck({ ...base, at: at("2027-03-01"), reports: [{ title: "Budget", cleared: false }] });
    assert.equal(r.outcome, "block");
    assert.match(r.problems[0].message, /Budget.*not been cleared/);
  });
  test("a late item without the chair's reason blocks; with it, a supplement at short notice is not flagged", () => {
    const late = { number: "7", title: "Flood grant", late: true, urgencyReason: null as string | null };
    const without = publicationCheck({ ...base, supplement: true, at: at("2027-03-15"), items: [late] });
    assert.equal(without.outcome, "block");
    assert.match(without.problems.map((p) => p.message).join(), /Item 7.*urgent/);
    const withReason = publicationCheck({
      ...base,
      supplement: true,
      at: at("2027-03-15"),
      items: [{ ...late, urgencyReason: "The grant closes on 19 March." }],
    });
    assert.equal(withReason.outcome, "ok");
    // The first publication of a whole agenda at short notice is flagged even so.
    assert.equal(publicationCheck({ ...base, at: at("2027-03-15") }).outcome, "flag");
  });
  test("exempt text in the public pack blocks", () => {
    const secret = "The tender from Holdings Ltd was priced at £4.2 million over five years.";
    const ok = publicationCheck({ ...base, at: at("2027-03-01"), exemptTexts: [secret] });
    assert.equal(ok.outcome, "ok");
    const r = publicationCheck({
      ...base,
      at: at("2027-03-01"),
      exemptTexts: [secret],
      publicText: `Report.\n${secret.toUpperCase()}\nMore.`,
    });
    assert.equal(r.outcome, "block");
  });
});

describe("leakedPassages", () => {
  test("finds a sentence of a long passage, not shared common words", () => {
    const passage =
      "Appendix text: the council's negotiating position is that the rent shall not exceed nine thousand pounds a year and the lease runs ten years.";
    assert.deepEqual(leakedPassages("the council and the lease", [passage]), []);
    assert.deepEqual(leakedPassages("… rent shall not exceed nine thousand pounds a year and …", [passage]), [passage]);
  });
});
