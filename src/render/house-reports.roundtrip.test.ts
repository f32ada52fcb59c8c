// Round trip of generated agenda packs (house-reports.ts) in PDF, Word, HTML (page and fragment) and
// Markdown through the real readers and parser: every header, contact, membership, agenda, next
// meeting and report field the pack states is read back. scripts/pack-sweep.ts runs the same over
// many more seeds.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseBytes } from "../pipeline/parse-file";
import { HOUSE_FORMATS, renderHouse } from "./house-out";
import { comparePack, generatePackDoc, type PackStyle } from "./house-reports";

const SEEDS = Array.from({ length: 8 }, (_, i) => `roundtrip-${i}`);

test("the generator varies the layouts the parser must read", () => {
  const styles = Array.from({ length: 40 }, (_, i) => generatePackDoc(`vary-${i}`).style);
  const seen = (k: keyof PackStyle) => new Set(styles.map((s) => String(s[k]))).size;
  for (const k of [
    "opening",
    "membership",
    "contact",
    "cover",
    "recs",
    "officerBlock",
    "appendices",
    "papers",
  ] as const)
    assert.ok(seen(k) >= 3, `${k} takes ${seen(k)} values`);
});

for (const format of HOUSE_FORMATS)
  test(`agenda packs in house styles read back from ${format}`, async () => {
    const failures: string[] = [];
    for (const [i, seed] of SEEDS.entries()) {
      const { style, rendered } = generatePackDoc(seed);
      const bytes = await renderHouse(rendered.doc, format, {
        letterheadInHeader: i % 2 === 0,
        htmlLists: i % 2 === 1,
      });
      const got = await parseBytes(
        `${seed}.${format === "markdown" ? "md" : format === "docx" ? "docx" : format === "pdf" ? "pdf" : "html"}`,
        bytes,
      );
      for (const r of comparePack(rendered.truth, got))
        if (!r.ok)
          failures.push(
            `${seed} (${style.cover} cover, ${style.opening}) ${r.field}: want ${JSON.stringify(r.want)} got ${JSON.stringify(r.got)}`,
          );
    }
    assert.deepEqual(failures, []);
  });
