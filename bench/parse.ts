/**
 * Text-parse throughput: MB/s of `parseBytes` (reader + parser + validation) over the seed documents,
 * median of repeated runs, beside a plain line-splitting pass (split on "\n", trim each line) over the
 * same bytes in the same run. Goal from the issue: at least 20 MB/s.
 * `npx tsx bench/parse.ts [--quick]` prints the figures; `npm run bench` collects them.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";
import { parseBytes } from "../src/pipeline/parse-file";
import { seedFiles } from "../src/testing/shared";
import { type BenchOptions, type BenchResult, median } from "./types";

const GOAL_MB_S = 20;

export async function benchParse(opts: BenchOptions): Promise<BenchResult[]> {
  const files = seedFiles().map((f) => ({ name: basename(f), bytes: new Uint8Array(readFileSync(f)) }));
  const totalBytes = files.reduce((s, f) => s + f.bytes.length, 0);
  const mb = totalBytes / (1024 * 1024);
  const runs = opts.quick ? 5 : 21;

  // Warm up both paths so the JIT has seen them before timing.
  for (const f of files) await parseBytes(f.name, f.bytes);

  const parseTimes: number[] = [];
  const splitTimes: number[] = [];
  let sink = 0;
  for (let i = 0; i < runs; i++) {
    // Interleaved so both see the same machine load.
    let t = performance.now();
    for (const f of files) sink += (await parseBytes(f.name, f.bytes)).meetings.length;
    parseTimes.push(performance.now() - t);
    t = performance.now();
    for (const f of files) {
      // The reference: the least any parser must do with the same bytes: decode, split, trim each line.
      const text = new TextDecoder().decode(f.bytes);
      for (const line of text.split("\n")) sink += line.trim().length > 0 ? 1 : 0;
    }
    splitTimes.push(performance.now() - t);
  }
  if (sink < 0) console.log(sink); // keep the work observable
  const parseMbS = mb / (median(parseTimes) / 1000);
  const splitMbS = mb / (median(splitTimes) / 1000);
  return [
    {
      name: `parseBytes over the ${files.length} seeds (${mb.toFixed(2)} MB), median of ${runs} runs`,
      value: Math.round(parseMbS * 10) / 10,
      unit: "MB/s",
      better: "higher",
      goal: { value: GOAL_MB_S, met: parseMbS >= GOAL_MB_S },
      // Wall-clock figures move with other work on the machine; the load says how busy it was.
      note: `1-minute load average ${loadavg()[0].toFixed(1)} during the run`,
      reference: {
        name: 'decode, split on "\\n" and trim each line, same bytes',
        value: Math.round(splitMbS * 10) / 10,
        unit: "MB/s",
      },
    },
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const r of await benchParse({ quick: process.argv.includes("--quick") }))
    console.log(
      `${r.name}: ${r.value} ${r.unit}${r.reference ? ` (reference: ${r.reference.name}: ${r.reference.value} ${r.reference.unit})` : ""}${r.goal ? ` goal ${r.goal.value} ${r.unit} ${r.goal.met ? "met" : "NOT met"}` : ""}${r.note ? ` [${r.note}]` : ""}`,
    );
}
