/**
 * The agenda pack (issue 20): seconds to build a ~300-page public pack (front sheet and agenda by the
 * renderer, reports and appendices merged by pdf-lib, page ranges settled, bookmarks, page numbers)
 * beside rendering the same documents as text with the renderer's text backend; the goal is under 10 s.
 * `npx tsx bench/pack.ts [--quick]` prints the figures; `npm run bench` collects them.
 */
import { fileURLToPath } from "node:url";
import { SAMPLE_MEETING, sampleAgenda, sampleReport } from "../src/publish/fixtures";
import { buildPack, buildPackText } from "../src/publish/pack";
import type { BenchOptions, BenchResult } from "./types";

export async function benchPack(opts: BenchOptions): Promise<BenchResult[]> {
  // 20 reports of ~14 pages with their appendices make ~300 pages; quick mode builds a fifth of it.
  const n = opts.quick ? 4 : 20;
  const reports = Array.from({ length: n }, (_, i) => sampleReport(i, { paragraphs: 36, exemptAppendix: i % 5 === 1 }));
  const input = {
    meeting: SAMPLE_MEETING,
    items: sampleAgenda(reports),
    reports: new Map(reports.map((r, i) => [i + 1, r])),
    audience: "public" as const,
  };
  const t0 = performance.now();
  const pack = await buildPack(input);
  const pdfSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const text = buildPackText(input);
  const textSeconds = (performance.now() - t1) / 1000;
  return [
    {
      name: `build a ${pack.pageCount}-page agenda pack as PDF (${n} reports)`,
      value: Math.round(pdfSeconds * 100) / 100,
      unit: "s",
      better: "lower",
      goal: { value: 10, met: pdfSeconds < 10 },
      reference: {
        name: "the same documents rendered as text",
        value: Math.round(textSeconds * 1000) / 1000,
        unit: "s",
      },
      note: `${(pack.bytes.length / 1e6).toFixed(1)} MB PDF, ${(text.length / 1e3).toFixed(0)} kB text; ${(pack.pageCount / pdfSeconds).toFixed(0)} pages/s`,
    },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await benchPack({ quick: process.argv.includes("--quick") }))
    console.log(
      `${r.name}: ${r.value} ${r.unit} (${r.reference?.name}: ${r.reference?.value} ${r.reference?.unit}); ${r.note}`,
    );
}
