/**
 * The agenda pack (issue 20): seconds to build a ~300-page public agenda pack as PDF (front sheet and
 * agenda by the renderer, reports and appendices drawn by pdfkit and merged by pdf-lib, page ranges
 * settled, bookmarks, "Page N of M" on every page) beside rendering the very same documents as text with
 * the renderer's text backend, in the same process. The meeting is Minutebook's own made-up Cabinet
 * (publish/fixtures): 20 reports of different lengths, each with one to three appendices, some with an
 * exempt appendix and one wholly exempt. The goal is under 10 s. The first build of the run (cold: code
 * not yet optimised) is the figure, with its CPU time; a second build is noted beside it, with the load
 * average.
 * `npx tsx bench/pack.ts [--quick]` prints the figures; `npm run bench` collects them.
 */
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { SAMPLE_MEETING, sampleAgenda, sampleReport } from "../src/publish/fixtures";
import { buildPack, buildPackText, type PackInput } from "../src/publish/pack";
import type { BenchOptions, BenchResult } from "./types";

/** The bench's meeting: `n` reports of 40 to 62 background paragraphs and 1 to 3 appendices of 14 to 30 paragraphs. */
export function benchPackInput(n: number): PackInput {
  const reports = Array.from({ length: n }, (_, i) =>
    sampleReport(i, {
      paragraphs: 40 + ((i * 7) % 23),
      appendices: 1 + (i % 3),
      appendixParagraphs: 14 + ((i * 5) % 17),
      exemptAppendix: i % 5 === 1,
      wholeExempt: i === 13,
    }),
  );
  return {
    meeting: SAMPLE_MEETING,
    items: sampleAgenda(reports),
    reports: new Map(reports.map((r, i) => [i + 1, r])),
    audience: "public",
  };
}

const seconds = async (f: () => unknown) => {
  const t = performance.now();
  await f();
  return (performance.now() - t) / 1000;
};

export async function benchPack(opts: BenchOptions): Promise<BenchResult[]> {
  // Quick mode builds a fifth of it.
  const n = opts.quick ? 4 : 20;
  const input = benchPackInput(n);
  const load = [loadavg()[0]];
  let pack: Awaited<ReturnType<typeof buildPack>> | undefined;
  let text = "";
  const cpu0 = process.cpuUsage();
  const pdfCold = await seconds(async () => {
    pack = await buildPack(input);
  });
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const textCold = await seconds(() => {
    text = buildPackText(input);
  });
  const pdfWarm = await seconds(() => buildPack(input));
  const textWarm = await seconds(() => buildPackText(input));
  load.push(loadavg()[0]);
  const r = (x: number, d = 100) => Math.round(x * d) / d;
  return [
    {
      name: `build a ${pack!.pageCount}-page agenda pack as PDF (${n} reports with ${[...input.reports.values()].reduce((a, c) => a + c.appendices.length, 0)} appendices)`,
      value: r(pdfCold),
      unit: "s",
      better: "lower",
      goal: { value: 10, met: pdfCold < 10 },
      reference: { name: "the same documents rendered as text", value: r(textCold, 1000), unit: "s" },
      note: `${(pack!.bytes.length / 1e6).toFixed(1)} MB PDF, ${(text.length / 1e3).toFixed(0)} kB text; ${(pack!.pageCount / pdfCold).toFixed(0)} pages/s, ${r(pdfCold / textCold, 10)}x the text; ${r(cpuSeconds)} s of CPU time for the cold build (less than its wall time when other work shares the cores); built again warm: ${r(pdfWarm)} s beside ${r(textWarm, 1000)} s as text (${r(pdfWarm / textWarm, 10)}x); 1-minute load average ${load.map((l) => l.toFixed(1)).join(" then ")}`,
    },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await benchPack({ quick: process.argv.includes("--quick") }))
    console.log(
      `${r.name}: ${r.value} ${r.unit} (${r.reference?.name}: ${r.reference?.value} ${r.reference?.unit}); ${r.note}`,
    );
}
