// Agenda lists laid out as a PDF reader gives them back: columns read as TAB cells, page ranges
// wrapping inside a narrow report-by column.
import assert from "node:assert/strict";
import { test } from "node:test";
import { textDocument } from "../testing/text-document";
import { parseAgenda } from "./index";

const doc = (text: string) => textDocument(text);

const items = (text: string) => {
  const d = doc(text);
  return parseAgenda(d, 1, d.lines.length).items.map((a) => [a.number, a.title, a.reportBy, a.pages]);
};

test("a page range wrapped in the report-by column is finished by the next row, not read as an item", () => {
  assert.deepEqual(
    items(
      [
        "1. Apologies for absence.",
        "",
        "2. Library Opening Hours Review.\tHead of Libraries (Pages 3 -",
        "\t4)",
        "3. Parks Maintenance Contract.\tDirector of Place",
        "\t(Pages 5 - 12)",
        "4. Any other business.",
      ].join("\n"),
    ),
    [
      ["1", "Apologies for absence", null, null],
      ["2", "Library Opening Hours Review", "Head of Libraries", { start: 3, end: 4 }],
      ["3", "Parks Maintenance Contract", "Director of Place", { start: 5, end: 12 }],
      ["4", "Any other business", null, null],
    ],
  );
});

test("the range may break before its end page or after its opening word", () => {
  assert.deepEqual(
    items(
      [
        "1. Budget Monitoring.\tTreasurer (Pages 13",
        "\t- 20)",
        "2. Street Lighting.\tHead of Highways (Pages",
        "\t21 - 30)",
        "3. Urgent items.",
      ].join("\n"),
    ),
    [
      ["1", "Budget Monitoring", "Treasurer", { start: 13, end: 20 }],
      ["2", "Street Lighting", "Head of Highways", { start: 21, end: 30 }],
      ["3", "Urgent items", null, null],
    ],
  );
});

test("only the bare rest of a range finishes it: a numbered row below is the next item", () => {
  assert.deepEqual(
    items(["1. Budget Monitoring.\tTreasurer (Pages 3 -", "2) Apologies for absence.", "3. Close."].join("\n")).map(
      (x) => x[0],
    ),
    ["1", "2", "3"],
  );
});

test("a report-by column wrapped over several rows, its page range on the last", () => {
  assert.deepEqual(
    items(
      [
        "1. Apologies.",
        "2. Waste Strategy Refresh 2024 - 2030.\tDirector of Place and",
        "\tDirector of Finance and",
        "\tCorporate Services (Pages 3 - 18)",
        "3. Close.",
      ].join("\n"),
    ),
    [
      ["1", "Apologies", null, null],
      [
        "2",
        "Waste Strategy Refresh 2024 - 2030",
        "Director of Place and Director of Finance and Corporate Services",
        { start: 3, end: 18 },
      ],
      ["3", "Close", null, null],
    ],
  );
});

test("lettered sub-items under an item are its sub-items (9a, 9b); letters out of turn are not", () => {
  assert.deepEqual(
    items(
      [
        "8. To receive a report on the playing field",
        "",
        "9. Planning: to consider the following applications",
        "",
        "    a) 24/0123/FUL rear extension at 4 Mill Lane",
        "    (b) 24/0150/HH new porch at 9 The Green",
        "",
        "10. To note the date of the next meeting",
      ].join("\n"),
    ).map((x) => [x[0], x[1]]),
    [
      ["8", "To receive a report on the playing field"],
      ["9", "Planning: to consider the following applications"],
      ["9a", "24/0123/FUL rear extension at 4 Mill Lane"],
      ["9b", "24/0150/HH new porch at 9 The Green"],
      ["10", "To note the date of the next meeting"],
    ],
  );
  // "b)" under an item without an "a)" is not a sub-item.
  assert.deepEqual(
    items(["3. To receive reports", "b) from the footpaths warden"].join("\n")).map((x) => x[0]),
    ["3"],
  );
});

test("sub-items numbered 7.1 with no stop, and roman i. ii. under their item, are items of their own", () => {
  assert.deepEqual(
    items(
      [
        "6. Planning: to consider the following applications",
        "6.1 25/00123/FUL: 12 High Street, rear extension",
        "6.2 Rose Cottage, replacement garage",
        "7. Finance",
        "i. To approve the payments listed in the schedule",
        "ii. To note the bank reconciliation",
        "8. Correspondence",
      ].join("\n"),
    ).map(([n, t]) => [n, t]),
    [
      ["6", "Planning: to consider the following applications"],
      ["6.1", "25/00123/FUL: 12 High Street, rear extension"],
      ["6.2", "Rose Cottage, replacement garage"],
      ["7", "Finance"],
      ["7i", "To approve the payments listed in the schedule"],
      ["7ii", "To note the bank reconciliation"],
      ["8", "Correspondence"],
    ],
  );
});

test("roman numerals out of their order are the item's text, not sub-items", () => {
  assert.deepEqual(
    items(["7. Finance", "ii. To note the bank reconciliation", "8. Correspondence"].join("\n")).map(([n]) => n),
    ["7", "8"],
  );
});

test("a date broken at the end of a title's line carries on the title", () => {
  assert.deepEqual(
    items(
      [
        "3. Minutes of the meeting held on 5 August",
        "2024",
        "4. Date of next meeting: Tuesday, 15",
        "September 2026 at 10.00am",
        "5. Any other business",
      ].join("\n"),
    ).map(([n, t]) => [n, t]),
    [
      ["3", "Minutes of the meeting held on 5 August 2024"],
      ["4", "Date of next meeting: Tuesday, 15 September 2026 at 10.00am"],
      ["5", "Any other business"],
    ],
  );
});
