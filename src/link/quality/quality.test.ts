/** Data-quality flags: impossible next-meeting dates in the seeds, names printed two ways, page ranges. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { emptyMeeting } from "../../model/parse-v1";
import { loadGold } from "../testing/gold";
import { findQualityFlags, personKey } from "./quality";

describe("quality flags", () => {
  test("two officers' names one letter apart across meetings are put up for review, never merged", () => {
    const at = (date: string, officer: string) => {
      const m = emptyMeeting("Cabinet", { startLine: 1, endLine: 1, page: null });
      m.authority = "Northshire County Council";
      m.date = date;
      m.reports = [
        {
          agendaItem: "4",
          title: "Supported Living",
          author: null,
          recommendations: [],
          officers: [{ name: officer, role: "Assistant Director", phone: null, email: null }],
          appendices: [],
          backgroundPapers: [],
          span: { startLine: 1, endLine: 1, page: null },
        },
      ];
      return { docId: date, meetingKey: `cabinet|${date}`, meeting: m };
    };
    const flags = findQualityFlags([at("2021-03-09", "Sandy McMillian"), at("2021-06-08", "Sandy McMillan")]);
    const near = flags.filter((f) => f.kind === "name-near-miss");
    assert.equal(near.length, 1);
    assert.deepEqual(near[0].values, ["Sandy McMillian", "Sandy McMillan"]);
    assert.equal(near[0].date, "2021-06-08");
    assert.match(near[0].message, /Not merged/);
    // Names that are one person's printed forms are no flag.
    assert.ok(
      !findQualityFlags([at("2021-03-09", "Sandy McMillan"), at("2021-06-08", "Sandy McMillan")]).some(
        (f) => f.kind === "name-near-miss",
      ),
    );
  });

  test("the 2016 and 2023 minutes print a next meeting on a Sunday, before the meeting", () => {
    const flags = findQualityFlags(loadGold());
    for (const [date, next] of [
      ["2016-11-08", "2016-01-17"],
      ["2023-11-06", "2023-01-22"],
    ]) {
      const mine = flags.filter((f) => f.date === date).map((f) => f.kind);
      assert.ok(mine.includes("next-meeting-weekend"), `${date}: ${mine}`);
      assert.ok(mine.includes("next-meeting-not-after"), `${date}: ${mine}`);
      assert.ok(flags.some((f) => f.values.includes(next)));
    }
    assert.ok(!flags.some((f) => f.date === "2015-03-03" && f.kind.startsWith("next-meeting")));
  });

  test("names, duplicates and page ranges", () => {
    const m = emptyMeeting("Licensing Committee", { startLine: 1, endLine: 40, page: null });
    m.date = "2022-05-10";
    m.membership = [
      { name: "Mr. J. Miah CC", role: null },
      { name: "Mr J Miah CC", role: null },
      { name: "Mrs. R. Camamile CC", role: null },
      { name: "Mrs. R. Camamile CC", role: null },
      { name: "Mr. P. Lewis CC", role: null },
      { name: "Mrs. P. Lewis CC", role: null },
    ];
    const span = { startLine: 1, endLine: 1, page: null };
    m.minutes = [
      {
        number: "3",
        agendaItem: null,
        title: "Taxi Licensing Policy",
        declarations: [],
        resolutions: [
          { label: "a", text: "That the policy be referred to the Cabinet on 14 May 2022", children: [] },
          { label: "b", text: "That the views be sent to the Cabinet on 17 May 2022", children: [] },
        ],
        keyDecision: null,
        reasons: [],
        exemptParagraphs: [],
        span,
      },
    ];
    m.agenda = [
      { number: "1", title: "A", reportBy: null, pages: { start: 3, end: 8 }, span },
      { number: "2", title: "B", reportBy: null, pages: { start: 7, end: 9 }, span },
      { number: "3", title: "C", reportBy: null, pages: { start: 14, end: 12 }, span },
      { number: "4", title: "D", reportBy: null, pages: { start: 5, end: 6 }, span },
    ];
    const kinds = findQualityFlags([{ docId: "d", meetingKey: "k", meeting: m }]).map((f) => `${f.kind} ${f.values}`);
    assert.deepEqual(kinds.sort(), [
      "name-listed-twice Mrs. R. Camamile CC",
      "name-printed-two-ways Mr J Miah CC,Mr. J. Miah CC",
      "pages-backwards 14-12",
      "pages-out-of-order 14-12,5-6",
      "pages-overlap 3-8,7-9",
      "resolution-date-weekend 2022-05-14",
    ]);
  });

  test("person keys drop honorifics and post-nominals", () => {
    assert.equal(personKey("Mr. Dave Houseman MBE CC")?.key, "houseman|d");
    assert.equal(personKey("Mr. D. W. Houseman MBE CC")?.key, "houseman|d");
  });
});
