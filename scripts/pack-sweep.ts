/**
 * Sweeps the agenda-pack generator (src/render/house-reports.ts: front sheets, summonses and officer
 * reports in many house styles; with --agendas, small councils' agendas and summonses from
 * src/render/house-agendas.ts) over many seeds and every format through the real readers and
 * parser, and prints pass rates per format, per style choice and per field; with --show FIELD it
 * prints a few failures of that field (want vs got). Usage:
 *   npx tsx scripts/pack-sweep.ts [--agendas] [--runs N] [--seed S] [--show FIELD] [--keep DIR]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseBytes } from "../src/pipeline/parse-file";
import type { FieldResult } from "../src/render/house-compare";
import { HOUSE_FORMATS, type HouseFormat, renderHouse } from "../src/render/house-out";
import { generateAgendaDoc } from "../src/render/house-agendas";
import { comparePack, generatePackDoc, PACK_FIELDS } from "../src/render/house-reports";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "40" },
    seed: { type: "string", default: "pack" },
    show: { type: "string" },
    keep: { type: "string" },
    agendas: { type: "boolean", default: false },
  },
});
const EXT: Record<HouseFormat, string> = { pdf: "pdf", docx: "docx", html: "html", "html-fragment": "html", markdown: "md" };
type Row = { format: HouseFormat; style: Record<string, unknown>; file: string; results: FieldResult[] };
const rows: Row[] = [];
if (values.keep) mkdirSync(values.keep, { recursive: true });
for (let i = 0; i < Number(values.runs); i++) {
  const { style, rendered } = values.agendas ? generateAgendaDoc(`${values.seed}-${i}`) : generatePackDoc(`${values.seed}-${i}`);
  for (const format of HOUSE_FORMATS) {
    const bytes = await renderHouse(rendered.doc, format, { letterheadInHeader: i % 2 === 0, htmlLists: i % 2 === 1, wordNumbering: i % 4 !== 3 });
    const file = `${values.seed}-${i}${format === "html-fragment" ? ".fragment" : ""}.${EXT[format]}`;
    if (values.keep) writeFileSync(join(values.keep, file), bytes);
    let got: Awaited<ReturnType<typeof parseBytes>> | Error;
    try {
      got = await parseBytes(file, bytes);
    } catch (e) {
      got = e as Error;
    }
    rows.push({ format, style, file, results: comparePack(rendered.truth, got) });
  }
}
const pct = (ok: number, n: number) => (n ? `${((100 * ok) / n).toFixed(0)}%` : "-");
const all = rows.flatMap((r) => r.results);
console.log(`documents: ${rows.length}, fully read: ${pct(rows.filter((r) => r.results.every((x) => x.ok)).length, rows.length)}, fields ${pct(all.filter((x) => x.ok).length, all.length)}`);
for (const f of HOUSE_FORMATS) {
  const fs = rows.filter((r) => r.format === f).flatMap((r) => r.results);
  console.log(`  ${f}: fields ${pct(fs.filter((x) => x.ok).length, fs.length)}`);
}
console.log("fields:");
for (const f of PACK_FIELDS) {
  const fs = all.filter((x) => x.field === f);
  if (fs.length) console.log(`  ${f}: ${pct(fs.filter((x) => x.ok).length, fs.length)} of ${fs.length}`);
}
console.log("style choices (share of fields read):");
const dims = Object.keys(rows[0]?.style ?? {});
for (const d of dims) {
  const vals = [...new Set(rows.map((r) => String(r.style[d])))].sort();
  const parts = vals.map((v) => {
    const fs = rows.filter((r) => String(r.style[d]) === v).flatMap((r) => r.results);
    return `${v} ${pct(fs.filter((x) => x.ok).length, fs.length)}`;
  });
  console.log(`  ${d}: ${parts.join(", ")}`);
}
if (values.show) {
  let shown = 0;
  const seeds = new Set<string>();
  for (const r of rows)
    for (const x of r.results) {
      const seed = r.file.replace(/\..*$/, "");
      if (x.field !== values.show || x.ok || seeds.has(seed) || shown++ >= 8) continue;
      seeds.add(seed);
      console.log(`\n${r.file} ${JSON.stringify(r.style)}\n  want ${JSON.stringify(x.want)}\n  got  ${JSON.stringify(x.got)}`);
    }
}
