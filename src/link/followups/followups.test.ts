/** Follow-ups: minute 524(c) of 10 February 2017 is due in March 2017 and met by the 10 March 2017 item. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { emptyMeeting, type Meeting } from "../../model/parse-v1";
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
    assert.ok(f.metBy.phrases.includes("school and high needs funding"));
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

describe("follow-up wording", () => {
  const span = { startLine: 1, endLine: 1, page: null };
  const meeting = (body: string, date: string, titles: string[], clauses: string[]): Meeting => ({
    ...emptyMeeting(body, span),
    date,
    agenda: titles.map((title, i) => ({ number: String(i + 1), title, reportBy: null, pages: null, span })),
    minutes: clauses.length
      ? [
          {
            number: "7",
            agendaItem: null,
            title: "Harbour Wall Repairs",
            declarations: [],
            resolutions: clauses.map((text, i) => ({ label: String.fromCharCode(97 + i), text, children: [] })),
            keyDecision: null,
            reasons: [],
            exemptParagraphs: [],
            span,
          },
        ]
      : [],
  });

  test("report back in six months, at the next meeting, and an update merely noted", () => {
    const input = [
      {
        docId: "a",
        meetingKey: "a",
        meeting: meeting(
          "Harbour Board",
          "2022-01-11",
          [],
          [
            "That officers report back in six months on the harbour wall repairs",
            "That the update on the harbour wall be noted",
            "That a further report on the dredging contract be brought to the next meeting",
          ],
        ),
      },
      { docId: "b", meetingKey: "b", meeting: meeting("Harbour Board", "2022-03-08", ["Dredging Contract Award"], []) },
    ];
    const got = findFollowUps(input, { today: "2022-12-01" });
    assert.deepEqual(
      got.map((f) => [f.from.ref, f.dueBy, f.status]),
      [
        ["minute 7(a)", "2022-07-11", "overdue"],
        ["minute 7(c)", "2022-03-08", "met"],
      ],
    );
    assert.equal(got[1].dueMeeting?.meetingKey, "b");
    assert.deepEqual(got[1].metBy?.phrases, ["dredging contract"]);
    assert.match(got[1].metBy?.why ?? "", /dredging contract/);
  });
});
