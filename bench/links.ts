/**
 * Linking speed (issues 22/23): `computeLinks` over one generated council's whole archive at 250,
 * 500, 1,000 and 2,000 meetings (quick: 250 and 500), timed in all and per linker (matters, the
 * follow-ups' every-matter pass, follow-ups, referrals, money, quality flags, people), with the
 * growth from each size to the next beside the growth in meetings (near-linear is the goal).
 * Input: the demo council's agenda packs rendered as text and parsed, each entry with its text
 * lines, as `topics --from-files` and the portal give them. Reference: parsing the same packs.
 * `npx tsx bench/links.ts [--quick] [--size N]` prints the figures (with --size, that size only,
 * for `node --cpu-prof --import tsx bench/links.ts --size 1000`); `npm run bench` collects them.
 */
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { computeLinks, everyMatter } from "../src/link/compute";
import type { LinkInput } from "../src/link/index";
import { findFollowUps, findMoney, findPeople, findQualityFlags, findReferrals, findTopics } from "../src/link/index";
import { demoLinkInput } from "../src/link/testing/demo-input";
import type { BenchOptions, BenchResult } from "./types";

const ms = (t0: number) => performance.now() - t0;

/** Each linker on its own over `input`, then computeLinks as a whole; milliseconds. */
export function timeLinkers(input: LinkInput, today: string): Record<string, number> {
  const out: Record<string, number> = {};
  let t = performance.now();
  findTopics(input);
  out.matters = ms(t);
  t = performance.now();
  const matters = everyMatter(input);
  out["every matter"] = ms(t);
  t = performance.now();
  findFollowUps(input, { today, matters });
  out["follow-ups"] = ms(t);
  t = performance.now();
  findReferrals(input);
  out.referrals = ms(t);
  t = performance.now();
  findMoney(input);
  out.money = ms(t);
  t = performance.now();
  findQualityFlags(input);
  out.quality = ms(t);
  t = performance.now();
  findPeople(input);
  out.people = ms(t);
  t = performance.now();
  computeLinks({ entries: input, authorities: input.map((e) => e.meeting.authority), since: {}, today });
  out.computeLinks = ms(t);
  return out;
}

export async function benchLinks(opts: BenchOptions): Promise<BenchResult[]> {
  const sizes = opts.quick ? [250, 500] : [250, 500, 1000, 2000];
  const results: BenchResult[] = [];
  const rows: { n: number; meetings: number; items: number; times: Record<string, number>; parse: number }[] = [];
  for (const n of sizes) {
    const p0 = performance.now();
    const { input, today } = await demoLinkInput(n);
    const parse = ms(p0);
    const load = loadavg()[0];
    const times = timeLinkers(input, today);
    const items = input.reduce(
      (s, e) => s + e.meeting.agenda.length + e.meeting.minutes.length + e.meeting.reports.length,
      0,
    );
    rows.push({ n, meetings: new Set(input.map((e) => e.meetingKey)).size, items, times, parse });
    const per = Object.entries(times)
      .filter(([k]) => k !== "computeLinks")
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`)
      .join(", ");
    results.push({
      name: `computeLinks, one council of ${n.toLocaleString("en-GB")} meetings (${items.toLocaleString("en-GB")} records)`,
      value: Math.round(times.computeLinks) / 1000,
      unit: "s",
      better: "lower",
      reference: {
        name: "generating, rendering and parsing the same packs",
        value: Math.round(parse) / 1000,
        unit: "s",
      },
      ...(n === 1000 ? { goal: { value: 5, met: times.computeLinks <= 5000 } } : {}),
      note: `per linker: ${per}; load average ${load.toFixed(2)}`,
    });
  }
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1];
    const b = rows[i];
    const grow = b.times.computeLinks / a.times.computeLinks;
    const worst = Object.keys(b.times)
      .filter((k) => k !== "computeLinks")
      .map((k) => [k, b.times[k] / Math.max(1, a.times[k])] as const)
      .sort((x, y) => y[1] - x[1])[0];
    results.push({
      name: `growth of computeLinks from ${a.n.toLocaleString("en-GB")} to ${b.n.toLocaleString("en-GB")} meetings`,
      value: Math.round(grow * 100) / 100,
      unit: "×",
      better: "lower",
      reference: { name: "growth in meetings", value: Math.round((b.meetings / a.meetings) * 100) / 100, unit: "×" },
      note: `fastest-growing linker: ${worst[0]} ${worst[1].toFixed(2)}×`,
    });
  }
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--size");
  if (at > 0) {
    const n = Number(process.argv[at + 1]);
    const { input, today } = await demoLinkInput(n);
    const load = loadavg()[0];
    const times = timeLinkers(input, today);
    console.log(
      `${n} meetings (load ${load.toFixed(2)}): ${Object.entries(times)
        .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)} s`)
        .join(", ")}`,
    );
  } else
    for (const r of await benchLinks({ quick: process.argv.includes("--quick") }))
      console.log(
        `${r.name}: ${r.value} ${r.unit}${r.reference ? ` (${r.reference.name}: ${r.reference.value} ${r.reference.unit})` : ""}${r.note ? ` — ${r.note}` : ""}`,
      );
}
