// Decisions read from motions and agreements in minutes that print no RESOLVED: proposed and
// seconded motions with their outcome, lost motions left out, agreements stated by the meeting,
// previous minutes confirmed, and sentences that only talk about proposals.
import assert from "node:assert/strict";
import { test } from "node:test";
import { textDocument } from "../testing/text-document";
import { parseMinutesSections } from "./index";
import { decisionText, readMotions } from "./motions";

const texts = (paragraphs: string[]) => readMotions(paragraphs).map((c) => c.text);

test("a motion proposed and seconded, with its vote and verdict", () => {
  assert.deepEqual(
    texts([
      "Cllr A Smith proposed that the grass be cut monthly, seconded by Cllr B Jones. 5 for, 1 against. Carried.",
    ]),
    ["Cllr A Smith proposed that the grass be cut monthly, seconded by Cllr B Jones. 5 for, 1 against. Carried."],
  );
});

test("a lost or withdrawn motion is not a decision", () => {
  assert.deepEqual(texts(["Cllr A proposed a new bench, seconded by Cllr B. The motion was lost."]), []);
  assert.deepEqual(texts(["Cllr A proposed a new bench, seconded by Cllr B. Motion not carried."]), []);
});

test("'Proposed by A, seconded by B' takes the sentence before it as the motion", () => {
  assert.deepEqual(
    texts(["The precept was set at £12,000. Proposed by Cllr A, seconded by Cllr B – Unanimously agreed."]),
    ["The precept was set at £12,000. Proposed by Cllr A, seconded by Cllr B Unanimously agreed."],
  );
});

test("proposer and seconder in two sentences", () => {
  assert.deepEqual(texts(["Cllr A proposed that the clerk write to Highways. Seconded by Cllr B. Agreed."]), [
    "Cllr A proposed that the clerk write to Highways. Seconded by Cllr B. Agreed.",
  ]);
});

test("a sentence about an earlier proposal, without a seconder, is not a motion", () => {
  assert.deepEqual(
    texts(["The Clerk said it had been proposed that the clerk be a signatory. The matter was noted."]),
    [],
  );
});

test("agreements stated by the meeting, and the minutes confirmed", () => {
  assert.deepEqual(
    texts([
      "The clerk reported on the play area. It was agreed that the fence be repaired.",
      "Councillors unanimously agreed to adopt the policy.",
      "The minutes of the meeting held on 3 May 2021 were approved as a correct record.",
      "All Councillors noted that they were content.",
    ]),
    [
      "that the fence be repaired.",
      "Councillors unanimously agreed to adopt the policy.",
      "The minutes of the meeting held on 3 May 2021 were approved as a correct record.",
    ],
  );
});

test("an agreement after a sub-item heading is read from where it starts", () => {
  assert.deepEqual(texts(["9.6 Reporting Policy Councillors agreed to defer the review until the next meeting."]), [
    "Councillors agreed to defer the review until the next meeting.",
  ]);
});

test("honorifics and initials do not end a sentence", () => {
  assert.deepEqual(texts(["Mr. J. Smith proposed the accounts be approved, seconded by Mrs. K. Lee. Agreed."]), [
    "Mr. J. Smith proposed the accounts be approved, seconded by Mrs. K. Lee. Agreed.",
  ]);
});

test("'It was RESOLVED to ...' in running text is an agreement, read without its formula", () => {
  assert.deepEqual(texts(["The clerk presented three quotes. It was RESOLVED to accept the lowest quote."]), [
    "to accept the lowest quote.",
  ]);
});

test("parish minutes that write 'It was RESOLVED to' mid-paragraph get their decisions read", () => {
  const text = `Minutes of Upton Parish Council Meeting held in the Village Hall on Monday 3 June 2024 at 7.00pm

Present: Cllr A Smith (Chairman), Cllr B Jones, Cllr C Brown

1. Apologies: none.

2. Play area: The clerk presented three quotes. It was RESOLVED to accept the lowest quote.

3. Bench: Cllr Jones proposed a new bench by the pond, seconded by Cllr Brown. The motion was lost.
`;
  const r = parseMinutesSections(textDocument(text, "x.txt"));
  const m = r.meetings[0];
  assert.deepEqual(
    m.minutes.map((x) => [x.number, x.resolutions.map((c) => c.text)]),
    [
      ["1", []],
      ["2", ["to accept the lowest quote."]],
      ["3", []],
    ],
  );
  assert.ok(r.diagnostics.some((d) => /print no RESOLVED/.test(d.message)));
});

test("a decision is what was decided, without the formula that records it", () => {
  const cases: [string, string][] = [
    ["It was RESOLVED that the hedge be cut.", "that the hedge be cut."],
    ["It was unanimously resolved to buy two benches.", "to buy two benches."],
    [
      "Proposed by Cllr Ash, seconded by Cllr Bird and carried unanimously that the hedge be cut.",
      "that the hedge be cut.",
    ],
    [
      "Proposed by Councillor Ash and seconded by Councillor Bird, and agreed, that the hedge be cut.",
      "that the hedge be cut.",
    ],
    [
      "Proposed by Cllr Ash, seconded by Cllr Bird and carried (4 for, 2 against) that the hedge be cut.",
      "that the hedge be cut.",
    ],
    [
      "Proposed by the Chairman, seconded by Cllr Bird and carried by 5 votes to 2 that the hedge be cut.",
      "that the hedge be cut.",
    ],
    ["that the hedge be cut. (6 for, 1 against, 1 abstention)", "that the hedge be cut."],
    // no formula: kept whole
    ["Councillors agreed to cut the hedge.", "Councillors agreed to cut the hedge."],
    ["that the fee (£40 for each plot) be kept.", "that the fee (£40 for each plot) be kept."],
  ];
  for (const [printed, decided] of cases) assert.equal(decisionText(printed), decided, printed);
});

test("'RESOLVED: that X. (5 for, 1 against)' keeps the decision without its vote", () => {
  const text = `Minutes of Upton Parish Council Meeting held in the Village Hall on Monday 3 June 2024 at 7.00pm

Present: Cllr A Smith (Chairman), Cllr B Jones, Cllr C Brown

1. Play area: The clerk presented three quotes.

RESOLVED: that the lowest quote be accepted. (5 for, 1 against, 1 abstention)
`;
  const m = parseMinutesSections(textDocument(text, "x.txt")).meetings[0];
  assert.deepEqual(
    m.minutes[0].resolutions.map((c) => c.text),
    ["that the lowest quote be accepted."],
  );
});

test("'Agreed: that X' and 'RESOLVED that X' are decisions as RESOLVED: is", () => {
  for (const mark of ["Agreed:", "RESOLVED", "RESOLVED:"]) {
    const text = `Minutes of Upton Parish Council Meeting held in the Village Hall on Monday 3 June 2024 at 7.00pm

Present: Cllr A Smith (Chairman), Cllr B Jones, Cllr C Brown

1. Play area: The clerk presented three quotes.

${mark} that the lowest quote be accepted.

2. Bench: The bench was discussed.
`;
    const m = parseMinutesSections(textDocument(text, "x.txt")).meetings[0];
    assert.deepEqual(
      m.minutes.map((x) => x.resolutions.map((c) => c.text)),
      [["that the lowest quote be accepted."], []],
      mark,
    );
  }
});

test("'Cllr A proposed and Cllr B seconded that X; all agreed' decides 'that X', verdict and count dropped", () => {
  assert.equal(
    decisionText("Cllr Ward proposed and Cllr Penn seconded that the minutes be signed as a true record; all agreed."),
    "that the minutes be signed as a true record.",
  );
  assert.equal(
    decisionText(
      "Cllr Moss proposed, seconded by Cllr Fry, that no objection be raised; 4 for, 2 against, 1 abstention.",
    ),
    "that no objection be raised.",
  );
  assert.equal(
    decisionText("Cllr A Smith proposed and Cllr B Jones seconded that the bench be replaced - carried unanimously."),
    "that the bench be replaced.",
  );
  assert.deepEqual(texts(["Cllr Ward proposed and Cllr Penn seconded that the grant be paid; all agreed."]), [
    "that the grant be paid.",
  ]);
});

test("a sentence followed by its verdict is a decision; talk without one is not", () => {
  assert.deepEqual(texts(["The payments listed in the schedule were approved, carried unanimously."]), [
    "The payments listed in the schedule were approved.",
  ]);
  assert.deepEqual(texts(["The clerk will order two new dog bins for the playing field; all agreed."]), [
    "The clerk will order two new dog bins for the playing field.",
  ]);
  assert.deepEqual(texts(["Cllr Smith reported on the state of the footpaths near the church."]), []);
});
