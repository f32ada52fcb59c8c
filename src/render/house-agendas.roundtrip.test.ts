// Round trip of generated small-council agendas and summonses (house-agendas.ts) in PDF, Word (with
// the letterhead in the page header on every other seed), HTML (page and fragment) and Markdown
// through the real readers and parser: council, date, time, venue, clerk's contact, every item and
// sub-item, and the next meeting are read back. `npx tsx scripts/pack-sweep.ts --agendas` runs the
// same over many more seeds.
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseBytes } from "../pipeline/parse-file";
import { type AgendaStyle, generateAgendaDoc } from "./house-agendas";
import { HOUSE_FORMATS, renderHouse } from "./house-out";
import { comparePack } from "./house-reports";

const SEEDS = Array.from({ length: 8 }, (_, i) => `agenda-roundtrip-${i}`);
const EXT = { pdf: "pdf", docx: "docx", html: "html", "html-fragment": "html", markdown: "md" } as const;

test("the agenda generator varies the summons, dates, numbering and signature", () => {
  const styles = Array.from({ length: 60 }, (_, i) => generateAgendaDoc(`vary-${i}`).style);
  const seen = (k: keyof AgendaStyle) => new Set(styles.map((s) => String(s[k]))).size;
  for (const k of ["opening", "dateForm", "timeForm", "subItems", "letterhead", "bilingual", "signature"] as const)
    assert.ok(seen(k) >= 3, `${k} takes ${seen(k)} values`);
});

for (const format of HOUSE_FORMATS)
  test(`small councils' agendas read back from ${format}`, async () => {
    const failures: string[] = [];
    for (const [i, seed] of SEEDS.entries()) {
      const { style, rendered } = generateAgendaDoc(seed);
      const bytes = await renderHouse(rendered.doc, format, {
        letterheadInHeader: i % 2 === 0,
        htmlLists: i % 2 === 1,
      });
      const got = await parseBytes(`${seed}.${EXT[format]}`, bytes);
      for (const r of comparePack(rendered.truth, got))
        if (!r.ok)
          failures.push(
            `${seed} (${style.opening}, ${style.dateForm}) ${r.field}: want ${JSON.stringify(r.want)} got ${JSON.stringify(r.got)}`,
          );
    }
    assert.deepEqual(failures, []);
  });
