/**
 * Demo generation speed: meetings/s generated and rendered to text agenda packs (in memory, no
 * disk), against the goal of 10,000 meetings in under 60 s; plus PDF packs/s on a sample.
 * `npx tsx bench/demo.ts [--quick]` prints the figures; `npm run bench` collects them.
 */
import { fileURLToPath } from "node:url";
import { generateCouncil } from "../src/demo/generate";
import { renderAgendaPack } from "../src/render/pack";
import { renderAgendaPackPdf } from "../src/render/pdf";
import type { BenchOptions, BenchResult } from "./types";

export async function benchDemo(opts: BenchOptions): Promise<BenchResult[]> {
  const n = opts.quick ? 1000 : 10_000;
  const t0 = performance.now();
  const demo = generateCouncil({ meetings: n, seed: "bench" });
  const t1 = performance.now();
  const byId = new Map(demo.meetings.map((m) => [m.id, m]));
  let bytes = 0;
  for (const m of demo.meetings) {
    const prev = m.previousId ? byId.get(m.previousId)!.doc : null;
    bytes += renderAgendaPack(m.doc, prev).text.length;
  }
  const t2 = performance.now();
  const seconds = (t2 - t0) / 1000;
  const perSecond = n / seconds;
  const pdfN = opts.quick ? 10 : 50;
  const p0 = performance.now();
  for (const m of demo.meetings.slice(0, pdfN)) {
    const prev = m.previousId ? byId.get(m.previousId)!.doc : null;
    await renderAgendaPackPdf(m.doc, prev);
  }
  const pdfPerSecond = pdfN / ((performance.now() - p0) / 1000);
  return [
    {
      name: `generate and render ${n.toLocaleString("en-GB")} meetings as text agenda packs`,
      value: Math.round(perSecond),
      unit: "meetings/s",
      better: "higher",
      // 10,000 meetings in 60 s.
      goal: { value: 167, met: perSecond >= 10_000 / 60 },
      reference: {
        name: "generation alone (records, no rendering)",
        value: Math.round(n / ((t1 - t0) / 1000)),
        unit: "meetings/s",
      },
      note: `${seconds.toFixed(2)} s in all, ${(bytes / 1e6).toFixed(0)} MB of text`,
    },
    {
      name: "render agenda packs as PDF (measured page ranges, two passes)",
      value: Math.round(pdfPerSecond * 10) / 10,
      unit: "packs/s",
      better: "higher",
      note: `${pdfN} packs`,
    },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await benchDemo({ quick: process.argv.includes("--quick") }))
    console.log(
      `${r.name}: ${r.value} ${r.unit}${r.reference ? ` (${r.reference.name}: ${r.reference.value} ${r.reference.unit})` : ""}${r.goal ? `; goal ${r.goal.value} ${r.unit} ${r.goal.met ? "met" : "NOT met"}` : ""}${r.note ? `; ${r.note}` : ""}`,
    );
}
