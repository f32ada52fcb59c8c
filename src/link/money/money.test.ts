/** Sums of money normalised to pence with what they are for. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { loadGold } from "../testing/gold";
import { findMoney, parseSum } from "./money";

describe("sums", () => {
  test("printed forms normalise to pence", () => {
    assert.equal(parseSum("£750,000"), 75_000_000);
    assert.equal(parseSum("£2.85m"), 285_000_000);
    assert.equal(parseSum("£348m"), 34_800_000_000);
    assert.equal(parseSum("£1.2 million"), 120_000_000);
    assert.equal(parseSum("£116,000"), 11_600_000);
    assert.equal(parseSum("£12.50"), 1_250);
    assert.equal(parseSum("no money here"), null);
  });

  test("the gold resolutions' sums with their purpose", () => {
    const all = findMoney(loadGold());
    const get = (printed: string) => all.find((m) => m.asPrinted === printed);
    const footbridge = get("£750,000");
    assert.ok(footbridge);
    assert.equal(footbridge.pounds, 750_000);
    assert.match(footbridge.purpose, /^the construction of the footbridge/);
    const transfer = get("£2.85m");
    assert.equal(transfer?.ref, "minute 523(h)");
    assert.match(transfer?.title ?? "", /^Medium Term Financial Strategy/);
    assert.match(get("£500,000")?.title ?? "", /speed enforcement/i);
    assert.match(transfer?.purpose ?? "", /transfer from the Schools Block to the High Needs Block/);
    assert.match(get("£348m")?.purpose ?? "", /revenue budget/);
    assert.equal(get("£116,000")?.per, "per annum");
    assert.equal(get("£500,000")?.source, "recommendation");
  });
});
