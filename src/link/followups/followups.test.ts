/** Follow-ups: minute 524(c) of 10 February 2017 is due in March 2017 and met by the 10 March 2017 item. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { loadGold } from "../testing/gold";
import { findFollowUps } from "./followups";

describe("follow-ups on the gold records", () => {
  const all = findFollowUps(loadGold(), { today: "2026-11-22" });

  test("524(c): a further report to the Cabinet in March 2017, met on 10 March 2017", () => {
    const f = all.find((x) => x.from.date === "2017-02-10" && x.from.ref === "minute 524(c)");
    assert.ok(f, "follow-up not found");
    assert.equal(f.dueBody, "Cabinet");
    assert.deepEqual(f.dueWindow, { start: "2017-03-01", end: "2017-03-31" });
    assert.equal(f.dueAsPrinted, "March 2017");
    assert.equal(f.status, "met");
    assert.ok(f.metBy);
    assert.equal(f.metBy.date, "2017-03-10");
    assert.equal(f.metBy.body, "Cabinet");
    assert.match(f.metBy.title, /School and High Needs Funding Proposals/);
    assert.ok(f.metBy.phrases.includes("school and high need funding"));
    assert.equal(f.metBy.late, false);
  });

  test("an update promised 'at a future meeting' with nothing later on the subject stays open", () => {
    const f = all.find((x) => x.from.date === "2016-11-08" && x.from.ref === "minute 41(b)");
    assert.ok(f);
    assert.equal(f.dueMeeting?.which, "future");
    assert.equal(f.status, "open");
  });

  test("a promise due in the past and never taken up is overdue, and only relative to today", () => {
    const f = all.find((x) => x.dueAsPrinted === "Spring 2019");
    assert.ok(f);
    assert.equal(f.status, "overdue");
    const earlier = findFollowUps(loadGold(), { today: "2019-01-01" }).find((x) => x.id === f.id);
    assert.equal(earlier?.status, "open");
  });

  test("resolutions that promise nothing are not follow-ups", () => {
    assert.ok(!all.some((x) => /^That the report be noted$/.test(x.from.text)));
  });
});
