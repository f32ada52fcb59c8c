/**
 * Import on every core (issue 23): the corpus PDFs imported into a fresh SQLite store by `importPaths`
 * with 2 parse workers beside 1 worker (time ratio; the goal is at most 0.6×), pages/s per worker beside
 * poppler's pdftotext on the same files (one process at a time), and a re-run of a finished import
 * (every file skipped unread) beside the first run. Medians over repeated runs, interleaved so that
 * other load on the machine falls on every configuration alike; the 1-minute load average is stated.
 * Run alone with `npx tsx bench/workers.ts [--quick]`, or through bench/run.ts (`--only=workers`).
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { pdfReader } from "../src/extract/pdf/reader";
import { DEFAULT_LIMITS } from "../src/extract/registry";
import { importPaths } from "../src/import/import-paths";
import { openSqlite } from "../src/store/sqlite/index";
import { sharedPath } from "../src/testing/shared";
import { type BenchOptions, type BenchResult, median } from "./types";

const run = promisify(execFile);

/** Every PDF in the corpus, in name order. */
export function corpusPdfs(): string[] {
  const root = sharedPath("corpus");
  const out: string[] = [];
  for (const dir of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()))
    for (const f of readdirSync(join(root, dir.name)).sort())
      if (f.toLowerCase().endsWith(".pdf")) out.push(join(root, dir.name, f));
  return out.sort();
}

async function pageCount(files: string[]): Promise<number> {
  const { readFileSync } = await import("node:fs");
  let pages = 0;
  for (const f of files) {
    const out = await pdfReader
      .read({ name: "count.pdf", bytes: readFileSync(f), sha256: "0".repeat(64), limits: DEFAULT_LIMITS })
      .catch(() => null);
    if (out?.kind === "lines") pages += out.doc.pageCount ?? 0;
  }
  return pages;
}

/** Seconds to import `files` into a fresh store with `jobs` parse workers (and, if asked, to import them again). */
async function importOnce(files: string[], jobs: number, again = false): Promise<{ first: number; rerun: number }> {
  const dir = mkdtempSync(join(tmpdir(), "minutebook-bench-workers-"));
  const repo = await openSqlite({ file: join(dir, "w.db") });
  try {
    const t0 = performance.now();
    const s = await importPaths(repo, files, undefined, { jobs });
    const first = (performance.now() - t0) / 1000;
    if (s.documents.new + s.documents.failed + s.noMeeting.length + s.notPapers.length !== files.length)
      throw new Error(`import accounted for ${JSON.stringify(s.documents)} of ${files.length} files`);
    let rerun = 0;
    if (again) {
      const t1 = performance.now();
      await importPaths(repo, files, undefined, { jobs });
      rerun = (performance.now() - t1) / 1000;
    }
    return { first, rerun };
  } finally {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchWorkers(opts: BenchOptions): Promise<BenchResult[]> {
  const files = corpusPdfs();
  const runs = opts.quick ? 2 : 5;
  const pages = await pageCount(files);
  // Warm both pools (thread start, tsx, pdf.js load) before timing anything.
  await importOnce(files.slice(0, 2), 1);
  await importOnce(files.slice(0, 4), 2);
  const one: number[] = [];
  const two: number[] = [];
  const rerun: number[] = [];
  const poppler: number[] = [];
  const loads: number[] = [];
  for (let r = 0; r < runs; r++) {
    loads.push(loadavg()[0]);
    one.push((await importOnce(files, 1)).first);
    const t = await importOnce(files, 2, true);
    two.push(t.first);
    rerun.push(t.rerun);
    const t0 = performance.now();
    for (const f of files) await run("pdftotext", ["-enc", "UTF-8", f, "-"], { maxBuffer: 64 << 20 }).catch(() => null);
    poppler.push((performance.now() - t0) / 1000);
  }
  loads.push(loadavg()[0]);
  const [t1, t2, tr, tp] = [median(one), median(two), median(rerun), median(poppler)];
  const load = `1-minute load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${(
    await import("node:os")
  ).availableParallelism()} cores`;
  const what = `${files.length} corpus PDFs (${pages} pages), every one read, parsed and stored (or refused with its reason) into a fresh SQLite store; median of ${runs} runs; ${load}`;
  return [
    {
      name: "import the corpus PDFs with 2 parse workers",
      value: Math.round(t2 * 100) / 100,
      unit: "s",
      better: "lower",
      reference: { name: "the same import with 1 parse worker", value: Math.round(t1 * 100) / 100, unit: "s" },
      goal: { value: Math.round(0.6 * t1 * 100) / 100, met: t2 <= 0.6 * t1 },
      note: `${what}; goal: at most 0.6× the 1-worker time`,
    },
    {
      name: "pages/s per worker, 1 parse worker (read + layout + parse + store)",
      value: Math.round((pages / t1) * 10) / 10,
      unit: "pages/s",
      better: "higher",
      reference: {
        name: "pdftotext (poppler, raw text, one file at a time)",
        value: Math.round((pages / tp) * 10) / 10,
        unit: "pages/s",
      },
      note: what,
    },
    {
      name: "pages/s per worker, 2 parse workers",
      value: Math.round((pages / t2 / 2) * 10) / 10,
      unit: "pages/s",
      better: "higher",
      reference: {
        name: "pdftotext (poppler, raw text, one file at a time)",
        value: Math.round((pages / tp) * 10) / 10,
        unit: "pages/s",
      },
      note: `all pages over the 2-worker time, halved; ${what}`,
    },
    {
      name: "re-run of a finished import (every file skipped unread: path, size and time match)",
      value: Math.round(tr * 1000),
      unit: "ms",
      better: "lower",
      reference: { name: "the first import, same files, 2 workers", value: Math.round(t2 * 1000), unit: "ms" },
      note: what,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const r of await benchWorkers({ quick: process.argv.includes("--quick") }))
    console.log(
      `${r.name}: ${r.value} ${r.unit}${r.reference ? ` (reference: ${r.reference.name} ${r.reference.value} ${r.reference.unit})` : ""}${r.goal ? ` [goal ${r.goal.value}: ${r.goal.met ? "met" : "missed"}]` : ""} — ${r.note ?? ""}`,
    );
  process.exit(0);
}
