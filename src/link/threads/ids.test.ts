/**
 * Topic ids: from the defining phrase, never the rank; two councils sharing a phrase are told apart;
 * an old id finds the topic that now holds its phrase or most of its items, and says when none does.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { emptyMeeting, type Meeting } from "../../model/parse-v1";
import type { LinkInput } from "../index";
import { findTopics } from "../index";
import { type Candidate, continuation, itemsPrinting, slugOf, topicIds } from "./ids";
import { collectItems } from "./items";

describe("topic ids", () => {
  test("slugs of the defining phrase, accents dropped, never empty", () => {
    assert.equal(slugOf("help to live at home"), "help-to-live-at-home");
    assert.equal(slugOf("Café Culture"), "cafe-culture");
    assert.equal(slugOf("!!!"), "topic");
    assert.ok(slugOf("word ".repeat(60)).length <= 100);
    assert.doesNotMatch(slugOf("word ".repeat(60)), /-$/);
  });

  test("an id does not depend on the topic's place in the list", () => {
    const topics = [
      { key: "library", authority: "Northwold District Council", since: 7 },
      { key: "riverside wetland", authority: "Northwold District Council", since: 7 },
      { key: "library", authority: "Southmere Borough Council", since: 3 },
      { key: "ring road", authority: null },
    ];
    const ids = topicIds(topics);
    // Southmere reached the store first: its library keeps the plain id it had before Northwold came.
    assert.deepEqual(ids, ["library--northwold-district-council", "riverside-wetland", "library", "ring-road"]);
    const reversed = topicIds([...topics].reverse());
    assert.deepEqual(reversed, [...ids].reverse());
    assert.equal(new Set(ids).size, ids.length);
    // Without an order of arrival, the council's name decides, still whatever the list order.
    const unordered = topics.map(({ key, authority }) => ({ key, authority }));
    assert.deepEqual(topicIds(unordered).slice(0, 3), [
      "library",
      "riverside-wetland",
      "library--southmere-borough-council",
    ]);
  });

  test("two phrases of one council with one slug are told apart by a hash of the phrase", () => {
    const ids = topicIds([
      { key: "care plan", authority: "Northwold District Council" },
      { key: "care-plan", authority: "Northwold District Council" },
    ]);
    assert.equal(new Set(ids).size, 2);
    for (const id of ids) assert.match(id, /^care-plan--northwold-district-council-[0-9a-f]{6}$/);
  });
});

// An invented council: the riverside wetland restoration runs through four meetings; the ring road
// through two.
const clause = (text: string) => ({ label: null, text, children: [] });
let line = 1;
function meeting(date: string, minutes: [string, string][]): Meeting {
  const m = { ...emptyMeeting("Environment Committee", { startLine: line, endLine: line + 40, page: null }) };
  m.authority = "Northwold District Council";
  m.date = date;
  m.minutes = minutes.map(([title, resolution], i) => {
    line += 3;
    return {
      number: String(i + 10),
      agendaItem: null,
      title,
      declarations: [],
      resolutions: [clause(resolution)],
      keyDecision: null,
      reasons: [],
      exemptParagraphs: [],
      span: { startLine: line, endLine: line + 2, page: null },
    };
  });
  return m;
}

function council(): LinkInput {
  line = 1;
  const env = (date: string, minutes: [string, string][]) => ({
    docId: `env-${date}.txt`,
    meetingKey: `Environment Committee|${date}`,
    meeting: meeting(date, minutes),
  });
  return [
    env("2019-01-10", [
      ["Riverside Wetland Restoration", "That the riverside wetland restoration options be consulted on"],
      ["Ring Road Improvements", "That the ring road scheme be noted"],
    ]),
    env("2019-04-11", [["Riverside Wetland Restoration", "That the preferred riverside wetland option be approved"]]),
    env("2019-07-11", [["Riverside Wetland Restoration: Contract", "That the wetland restoration contract be let"]]),
    env("2019-10-10", [
      ["Riverside Wetland Restoration: Progress", "That progress on the riverside wetland be noted"],
      ["Ring Road Improvements", "That the ring road consultation be approved"],
    ]),
  ];
}

function candidates(input: LinkInput): Candidate[] {
  const threads = findTopics(input);
  const ids = topicIds(threads.map((t) => ({ key: t.key, authority: "Northwold District Council" })));
  return threads.map((t, i) => ({
    id: ids[i],
    key: t.key,
    authority: "Northwold District Council",
    phrases: t.phrases,
    memberIds: t.members.map((m) => m.itemId),
  }));
}

describe("where an old topic id went", () => {
  const input = council();
  const groups = new Map([["Northwold District Council", input]]);
  const topics = candidates(input);
  const wetland = topics.findIndex((t) => t.key.includes("riverside wetland"));
  const road = topics.findIndex((t) => t.key.includes("ring road"));

  test("the invented council has its two topics", () => {
    assert.ok(wetland >= 0 && road >= 0, JSON.stringify(topics.map((t) => [t.id, t.phrases])));
    assert.notEqual(wetland, road);
  });

  test("an id whose phrase now joins another topic goes to that topic", () => {
    // As after an import that made a longer phrase the seed and folded the old seed into it.
    const after = topics.map((t, i) => (i === wetland ? { ...t, phrases: [...t.phrases, "wetland"] } : t));
    assert.deepEqual(continuation("wetland", after, groups), { to: wetland, by: "phrase", share: 1 });
    // The council named in an old id narrows the search; another council's name finds nothing.
    assert.equal(continuation("wetland--northwold-district-council", after, groups).to, wetland);
    assert.deepEqual(continuation("wetland--southmere-borough-council", after, groups), { to: null, near: [] });
  });

  test("an id whose phrase no topic holds follows the items that print it", () => {
    assert.ok(!topics.some((t) => t.phrases.includes("riverside wetland")));
    const printing = itemsPrinting(input, "riverside-wetland", collectItems(input));
    assert.equal(printing.length, 4, printing.map((x) => x.title).join("; "));
    const c = continuation("riverside-wetland", topics, groups);
    assert.equal(c.to, wetland);
    assert.equal(c.to !== null && c.by, "items");
    // Half the items is not enough when another topic holds as many.
    const split = topics.map((t, i) =>
      i === road ? { ...t, memberIds: [...t.memberIds, ...topics[wetland].memberIds.slice(0, 2)] } : t,
    );
    const halves = split.map((t, i) =>
      i === wetland ? { ...t, memberIds: t.memberIds.filter((x) => !split[road].memberIds.includes(x)) } : t,
    );
    assert.equal(continuation("riverside-wetland", halves, groups).to, null);
  });

  test("an id nothing continues gets no redirect, and the topics sharing its words as help", () => {
    const c = continuation("ring-fencing-of-reserves", topics, groups);
    assert.equal(c.to, null);
    assert.deepEqual(c.to === null && c.near, [road]);
    assert.deepEqual(continuation("no-such-topic", topics, groups), { to: null, near: [] });
  });

  test("a phrase two topics hold is not clearly continued by either", () => {
    const both = topics.map((t) => ({ ...t, phrases: [...t.phrases, "improvement"] }));
    const c = continuation("improvement", both, groups);
    assert.equal(c.to, null);
    assert.equal(c.to === null && c.near.length, 2);
  });
});
