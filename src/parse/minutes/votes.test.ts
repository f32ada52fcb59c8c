// Recorded votes: headed lists with counts and names (read from a real county council's budget minutes
// in ../shared at test time), and counts in a sentence, in the house styles small councils use.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseFileWithText } from "../../pipeline/parse-file";
import { sharedPath } from "../../testing/shared";
import { textDocument } from "../testing/text-document";
import { readVotes, splitNames } from "./votes";

const span = (startLine: number, endLine: number) => ({ startLine, endLine, page: null });

test("a named vote printed as headed lists: every side's count and names, the outcome and the motion", async () => {
  const { result } = await parseFileWithText(
    sharedPath("corpus/kent/kent_county_council_2025-02-13_printed_minutes.pdf"),
  );
  const votes = result.meetings.flatMap((m) => m.minutes.flatMap((x) => x.votes ?? []));
  assert.ok(votes.length >= 8, `${votes.length} votes read`);
  // Each printed count agrees with the names printed under it.
  for (const v of votes)
    for (const side of [v.for, v.against, v.abstain])
      if (side && side.count !== null) assert.equal(side.names.length, side.count, JSON.stringify(v.span));
  const first = votes[0];
  assert.equal(first.for?.count, 57);
  assert.equal(first.against?.count, 0);
  assert.deepEqual(first.abstain?.names, ["Mr B Lewis", "Mr D Ross"]);
  assert.equal(first.result, "carried");
  assert.match(first.motion ?? "", /put the motion/);
  assert.ok(first.for?.names.includes("Sir Paul Carter, CBE"), "honours stay with their name");
  assert.ok(
    votes.some((v) => v.result === "lost"),
    "amendments lost",
  );
});

test("counts in a sentence, in several phrasings", () => {
  const doc = textDocument(
    [
      "7. Bus shelter",
      "The proposal was put to the vote: For 5, Against 2, Abstentions 1. Carried.",
      "8. Precept",
      "Resolved by 6 votes to 1 with 2 abstentions that the precept be £12,000.",
      "9. Bench",
      "4 for and 3 against; the motion was lost.",
    ].join("\n"),
  );
  const all = readVotes(doc, span(1, 6));
  assert.deepEqual(
    all.map((v) => [v.for?.count, v.against?.count, v.abstain?.count ?? null, v.result]),
    [
      [5, 2, 1, "carried"],
      [6, 1, 2, null],
      [4, 3, null, "lost"],
    ],
  );
});

test("text that only mentions voting is no vote", () => {
  const doc = textDocument(
    ["Members discussed the voting age for the youth council.", "For the avoidance of doubt, the item was noted."].join(
      "\n",
    ),
  );
  assert.deepEqual(readVotes(doc, span(1, 2)), []);
});

test("names split on commas and 'and', honours kept", () => {
  assert.deepEqual(splitNames("Mr Hill, OBE, Mrs Bell and Dr Sullivan"), ["Mr Hill, OBE", "Mrs Bell", "Dr Sullivan"]);
});

test("votes as small councils print them: counts in a clause, and a verdict that none voted against", () => {
  const doc = textDocument(
    [
      "Cllr Moss proposed and Cllr Fry seconded that no objection be raised; 4 for, 2 against, 1 abstention.",
      "The payments listed were approved, carried unanimously.",
      "The grant to the village hall was agreed nem con.",
      "The clerk reported on the footpaths.",
      "The motion to close the toilets was not carried unanimously.",
    ].join("\n"),
  );
  const votes = readVotes(doc, span(1, 5));
  assert.deepEqual(
    votes.map((v) => [
      v.span.startLine,
      v.result,
      v.for?.count ?? null,
      v.against?.count ?? null,
      v.abstain?.count ?? null,
    ]),
    [
      [1, "carried", 4, 2, 1],
      [2, "carried", null, 0, null],
      [3, "carried", null, 0, null],
    ],
  );
});
