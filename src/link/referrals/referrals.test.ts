/** Referrals: the seeds' 8 November 2016 scrutiny resolution reaches the Cabinet of 23 November 2016 (a stub). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { emptyMeeting } from "../../model/parse-v1";
import { loadGold } from "../testing/gold";
import { bodyAt, sameBody } from "./bodies";
import { findDates } from "./dates";
import { findReferrals } from "./referrals";

describe("referrals on the gold records", () => {
  const refs = findReferrals(loadGold());

  test("minute 40(b) of 8 November 2016 is forwarded to the Cabinet meeting of 23 November 2016, a stub", () => {
    const r = refs.find((x) => x.from.date === "2016-11-08" && x.from.ref === "minute 40(b)");
    assert.ok(r, "referral not found");
    assert.equal(r.to.body, "Cabinet");
    assert.equal(r.to.date, "2016-11-23");
    assert.equal(r.to.stub, true);
    assert.equal(r.to.meetingKey, null);
    assert.equal(r.to.stubKey, "stub:cabinet|2016-11-23");
    assert.equal(r.verb, "forwarded to");
    assert.equal(r.from.clause, "(b)");
    assert.equal(r.from.minute, "40");
  });

  test("a body's own further report is a follow-up, not a referral; 'subject to' sends nothing", () => {
    assert.ok(!refs.some((r) => r.from.ref === "minute 524(c)"));
    assert.ok(!refs.some((r) => r.from.text.includes("subject to the City Council") && r.to.body === "City Council"));
  });

  test("the passive form names the receiving body", () => {
    const r = refs.find((x) => x.from.date === "2023-11-06" && x.from.ref === "minute 41(b)");
    assert.ok(r);
    assert.equal(r.to.body, "Cabinet");
    assert.equal(r.verb, "be advised");
  });
});

describe("resolving to a meeting in the input", () => {
  test("a referral resolves to the receiving body's meeting on the printed day", () => {
    const scrutiny = emptyMeeting("Scrutiny Commission", { startLine: 1, endLine: 1, page: null });
    scrutiny.date = "2021-04-14";
    const cabinet = emptyMeeting("Cabinet", { startLine: 1, endLine: 1, page: null });
    cabinet.date = "2021-03-02";
    cabinet.minutes.push({
      number: "9",
      agendaItem: null,
      title: "Bus Lane Enforcement",
      declarations: [],
      resolutions: [
        { label: "b", text: "That the matter be referred to the Scrutiny Commission on 14 April 2021", children: [] },
      ],
      keyDecision: null,
      reasons: [],
      exemptParagraphs: [],
      span: { startLine: 5, endLine: 9, page: 2 },
    });
    const [r, ...rest] = findReferrals([
      { docId: "c", meetingKey: "cab", meeting: cabinet },
      { docId: "s", meetingKey: "sc", meeting: scrutiny },
    ]);
    assert.equal(rest.length, 0);
    assert.equal(r.to.stub, false);
    assert.equal(r.to.meetingKey, "sc");
    assert.equal(r.to.resolvedBy, "date");
    assert.deepEqual(r.to.docIds, ["s"]);
  });
});

describe("bodies and dates", () => {
  test("a capitalised run ending in a body word", () => {
    const t = "be forwarded to the Children and Families Overview and Scrutiny Committee for comment";
    assert.equal(bodyAt(t, t.indexOf("the"))?.name, "Children and Families Overview and Scrutiny Committee");
    assert.equal(bodyAt("to the Cabinet Lead Member", 3), null);
    assert.ok(sameBody("the Cabinet", "Cabinet"));
    assert.ok(!sameBody("Cabinet", "County Council"));
  });
  test("printed dates become windows", () => {
    const [a, b, c] = findDates("on 23rd November 2016, in March 2017 and in Spring 2019");
    assert.deepEqual([a.start, a.end, a.precision], ["2016-11-23", "2016-11-23", "day"]);
    assert.deepEqual([b.start, b.end], ["2017-03-01", "2017-03-31"]);
    assert.deepEqual([c.start, c.end], ["2019-03-01", "2019-05-31"]);
    assert.equal(findDates("on 31 February 2017").length, 1, "an impossible day falls back to its month");
  });
});
