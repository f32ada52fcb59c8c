// Declarations as small councils print them: a plural title over names joined by "&" or "and", and
// the item cited by any minute-number scheme ("item 9", "Min 9/23", "minute 24.05.03", "item 21/049").
import assert from "node:assert/strict";
import { test } from "node:test";
import { readDeclarations } from "./declarations";
import type { Block } from "./text";

const block = (text: string): Block => ({
  start: 1,
  end: 1,
  text,
  bulleted: false,
  indent: 0,
  gapBefore: 0,
  cells: false,
});
const read = (text: string) => readDeclarations([block(text)]).map((d) => [d.member, d.interest, d.item]);

test("declarations: members and the item they name, in every numbering scheme", () => {
  const cases: [string, (string | null)[][]][] = [
    ["Cllr Ash declared a pecuniary interest in item 7.", [["Cllr Ash", "pecuniary interest", "7"]]],
    [
      "Cllrs Ash & Bird declared an interest in item 12.",
      [
        ["Ash", "interest", "12"],
        ["Bird", "interest", "12"],
      ],
    ],
    [
      "Councillors Ash and Bird declared an interest in Min 9/23.",
      [
        ["Ash", "interest", "9/23"],
        ["Bird", "interest", "9/23"],
      ],
    ],
    ["Cllr Ash declared a non-pecuniary interest in item 21/049.", [["Cllr Ash", "non-pecuniary interest", "21/049"]]],
    ["Cllr Ash declared an interest in minute 24.05.03.", [["Cllr Ash", "interest", "24.05.03"]]],
    ["Cllr Ash declared an interest in Minute No. 1240.", [["Cllr Ash", "interest", "1240"]]],
    ["Cllr Ash declared an interest in agenda item 9a.", [["Cllr Ash", "interest", "9a"]]],
  ];
  for (const [text, want] of cases) assert.deepEqual(read(text), want, text);
});

test("declarations: the agenda item is preferred to a minute cross-reference ('(minute 40 refers)')", () => {
  assert.deepEqual(
    read("Mr A Ash, in attendance for item 7, declared a personal interest in this item (minute 40 refers)."),
    [["Mr A Ash", "personal interest", "7"]],
  );
});
