/** Topics on the seeds' gold records: the recurring subjects span their years; procedure never forms a topic. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { emptyMeeting, type Meeting } from "../../model/parse-v1";
import { loadGold } from "../testing/gold";
import { isProcedural } from "./items";
import { phrases } from "./phrases";
import { findTopics, type Thread } from "./threads";

const byPhrase = (threads: Thread[], word: string) => threads.find((t) => t.phrases.some((p) => p.includes(word)));

describe("topics on the gold records (structured fields only)", () => {
  const threads = findTopics(loadGold());

  test("Help to Live at Home runs from the 2015 review to the 2016 procurement", () => {
    const t = byPhrase(threads, "help to live at home");
    assert.ok(t, "no Help to Live at Home thread");
    assert.deepEqual(t.years, ["2015", "2016"]);
    assert.ok(t.members.some((m) => m.ref === "minute 41" && m.date === "2016-11-08"));
  });

  test("library services link the 2015 strategy and the 2024 community managed libraries", () => {
    const t = byPhrase(threads, "library");
    assert.ok(t, "no library thread");
    assert.ok(t.years.includes("2015") && t.years.includes("2024"), t.years.join());
  });

  test("the Medium Term Financial Strategy recurs across years and committees", () => {
    const t = byPhrase(threads, "medium term financial strategy");
    assert.ok(t);
    for (const y of ["2017", "2024"]) assert.ok(t.years.includes(y), `${y} missing from ${t.years}`);
    assert.ok(t.bodies.includes("Cabinet") && t.bodies.length >= 2);
  });

  test("every link says which phrase made it and where", () => {
    for (const t of threads)
      for (const l of t.links) {
        assert.ok(l.phrases.length > 0);
        assert.ok(l.phrases.every((p) => t.phrases.includes(p)));
        assert.match(l.why, /"[^"]+": \w+/);
      }
  });

  test("procedural items never make a topic", () => {
    for (const t of threads) {
      for (const m of t.members) assert.equal(isProcedural(m.title), false, m.title);
      for (const p of t.phrases) assert.doesNotMatch(p, /declaration|next meeting|minutes of|question time/);
    }
  });
});

describe("topics on the gold records with the seeds' text", () => {
  const threads = findTopics(loadGold({ withText: true }));

  test("Lightbulb runs from the 2016 business case to the 2023 service review", () => {
    const t = byPhrase(threads, "lightbulb");
    assert.ok(t, "no Lightbulb thread");
    assert.equal(t.first, "2016-11-08");
    assert.equal(t.last, "2023-11-06");
    assert.ok(t.members.some((m) => m.ref === "minute 40" && m.date === "2016-11-08"));
    assert.ok(t.members.some((m) => m.ref === "minute 41" && m.date === "2023-11-06"));
  });

  test("Help to Live at Home reaches the 2017 budget", () => {
    const t = byPhrase(threads, "help to live at home");
    assert.ok(t);
    assert.deepEqual(t.years, ["2015", "2016", "2017"]);
    assert.ok(t.members.some((m) => m.date === "2017-01-17" && m.kind === "report"));
  });

  test("library services span 2015, 2017 and 2024", () => {
    const t = byPhrase(threads, "library");
    assert.ok(t);
    for (const y of ["2015", "2017", "2024"]) assert.ok(t.years.includes(y), `${y} missing from ${t.years}`);
  });
});

describe("kinds of item are not subjects", () => {
  test("a phrase titling several items in each meeting it appears in forms no thread", () => {
    const span = { startLine: 1, endLine: 1, page: null };
    const meeting = (date: string, titles: string[]): Meeting => ({
      ...emptyMeeting("Planning Committee", span),
      date,
      agenda: titles.map((title, i) => ({ number: String(i + 1), title, reportBy: null, pages: null, span })),
    });
    const input = [
      meeting("2021-01-12", ["Erection of a Glasshouse at Pell Farm", "Erection of a Glasshouse at Orme Lane"]),
      meeting("2021-02-09", ["Erection of a Glasshouse at Tarn Mill", "Erection of a Glasshouse at Wick End"]),
      meeting("2021-03-09", ["Erection of a Glasshouse at Pell Farm", "Erection of a Glasshouse at Brack Hill"]),
    ].map((m, i) => ({ docId: `d${i}`, meetingKey: `k${i}`, meeting: m }));
    const threads = findTopics(input);
    // Only the site that comes back makes a thread, and it holds only that site's items.
    assert.equal(threads.length, 1, threads.map((t) => t.label).join());
    assert.deepEqual(
      threads[0].members.map((m) => `${m.meetingKey} ${m.title}`),
      ["k0 Erection of a Glasshouse at Pell Farm", "k2 Erection of a Glasshouse at Pell Farm"],
    );
  });
});

describe("descriptors are not subjects", () => {
  test("the same kind of application at one site after another makes a thread per site, not one for the kind", () => {
    const span = { startLine: 1, endLine: 1, page: null };
    const sites = ["Pell Farm", "Orme Lane", "Tarn Mill"];
    const input = [0, 1, 2, 3, 4, 5].map((i) => ({
      docId: `d${i}`,
      meetingKey: `k${i}`,
      meeting: {
        ...emptyMeeting("Planning Committee", span),
        date: `2021-0${i + 1}-12`,
        agenda: [
          { number: "4", title: `Erection of a Glasshouse at ${sites[i % 3]}`, reportBy: null, pages: null, span },
        ],
      },
    }));
    const threads = findTopics(input);
    assert.equal(threads.length, 3, threads.map((t) => t.label).join());
    for (const t of threads) {
      const titles = new Set(t.members.map((m) => m.title));
      assert.equal(titles.size, 1, [...titles].join());
      assert.equal(t.members.length, 2);
    }
  });
});

describe("phrases", () => {
  test("content words at both ends, years and months cut the run, plurals folded", () => {
    const got = phrases("Future Strategy for the Delivery of Library Services 2015/16").map((h) => h.phrase);
    assert.ok(got.includes("delivery of library service"));
    assert.ok(got.includes("library service"));
    assert.ok(!got.some((p) => p.startsWith("for ") || p.endsWith(" the")));
    assert.ok(!phrases("meeting on 23 November 2016").some((h) => /\d|november/.test(h.phrase)));
  });
});
