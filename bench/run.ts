/**
 * `npm run bench [-- --quick] [-- --only parse,pdf]`: runs every benchmark module present under
 * bench/ and writes BENCHMARKS.md — machine, versions, method, and each figure beside its
 * reference measured in the same run. Figures are never edited by hand.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchOptions, BenchResult } from "./types";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");

/** Each area's module and exported function; a module not yet present is listed as not run. */
const SUITES: { id: string; file: string; fn: string; title: string; method: string }[] = [
  {
    id: "parse",
    file: "parse.ts",
    fn: "benchParse",
    title: "Parse (text)",
    method:
      "MB/s of `parseBytes` over the seed documents, median of repeated runs, beside a plain line split of the same bytes.",
  },
  {
    id: "pdf",
    file: "pdf.ts",
    fn: "benchPdf",
    title: "Parse (PDF)",
    method: "pages/s of the pdf.js reader over the corpus PDFs beside poppler's `pdftotext` on the same files.",
  },
  {
    id: "demo",
    file: "demo.ts",
    fn: "benchDemo",
    title: "Demo generation",
    method: "meetings/s generated and rendered to text.",
  },
  {
    id: "import",
    file: "import.ts",
    fn: "benchImport",
    title: "Import",
    method: "documents/s and records/s for generated meetings on SQLite and PostgreSQL, with peak memory.",
  },
  {
    id: "workers",
    file: "workers.ts",
    fn: "benchWorkers",
    title: "Import on every core (issue 23)",
    method:
      "The corpus PDFs imported into a fresh SQLite store with 2 parse workers beside 1 worker, pages/s per worker beside pdftotext, and a re-run of the finished import (files skipped unread) beside the first run.",
  },
  {
    id: "pack",
    file: "pack.ts",
    fn: "benchPack",
    title: "Agenda pack (issue 20)",
    method:
      "Seconds to build a ~300-page public agenda pack as PDF (20 generated reports with appendices; renderer front sheet, reports drawn in one pdfkit document, pdf-lib merge, settled page ranges, bookmarks, page numbers), the first (cold) build of the run, beside rendering the same documents as text in the same process; goal under 10 s.",
  },
  {
    id: "links",
    file: "links.ts",
    fn: "benchLinks",
    title: "Links at a council's whole archive (issues 22/23)",
    method:
      "Seconds of `computeLinks` over one generated council of 250, 500, 1,000 and 2,000 meetings (agenda packs rendered and parsed, with their text lines), and of each linker alone, beside generating and parsing the same packs; growth from one size to the next beside the growth in meetings.",
  },
  {
    id: "search",
    file: "search.ts",
    fn: "benchSearch",
    title: "Search",
    method: "p50/p95 latency of a fixed query set beside the same query sent straight to the engine.",
  },
  {
    id: "serve",
    file: "serve.ts",
    fn: "benchServe",
    title: "Serve",
    method: "requests/s and p99 under autocannon at concurrency 50 beside a static file served by the same server.",
  },
  {
    id: "serve-scale",
    file: "serve.ts",
    fn: "benchServeScale",
    title: "Serve at scale (issues 14 and 23)",
    method:
      "A generated store of 10,000 meetings: the whole store's links timed as the first /topics waits for them, beside the import alone; /topics, /followups and a topic page p95 beside a static file; a meeting page under autocannon (concurrency 50) idle, during an import by another process and right after.",
  },
  {
    id: "scale",
    file: "scale.ts",
    fn: "benchScale",
    title: "At scale (issue 7)",
    method:
      "Import through the real pipeline (1,000 agenda packs, one child process per run for peak RSS) beside parseBytes alone and a bare-table INSERT of the same paragraph texts; loading 10,000 then 100,000 meetings (100 seeded demo councils × 1,000) with the generator's records sent straight to importDocument; search p50/p95 over a fixed query set (words, a phrase, OR, an exclusion, a committee filter, a date filter) at both sizes beside the same query sent straight to FTS5 / tsvector; growth from one size to the other.",
  },
];

function version(cmd: string, args: string[]): string {
  // Some tools (pdftotext -v) print their version on stderr.
  const r = spawnSync(cmd, args, { encoding: "utf8", timeout: 5000 });
  if (r.error) return `${cmd} not found`;
  return `${r.stdout ?? ""}${r.stderr ?? ""}`.split("\n")[0].trim();
}

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));

function ratio(r: BenchResult): string {
  if (!r.reference?.value || r.reference.unit !== r.unit) return "";
  return `${(r.value / r.reference.value).toFixed(2)}×`;
}

async function main() {
  const argv = process.argv.slice(2);
  const opts: BenchOptions = { quick: argv.includes("--quick") };
  const onlyArg =
    argv.find((a) => a.startsWith("--only="))?.slice(7) ??
    (argv.includes("--only") ? argv[argv.indexOf("--only") + 1] : undefined);
  const only = onlyArg ? new Set(onlyArg.split(",")) : null;
  const sections: string[] = [];
  for (const s of SUITES) {
    if (only && !only.has(s.id)) continue;
    const path = join(here, s.file);
    if (!existsSync(path)) {
      sections.push(`## ${s.title}\n\nNot run: \`bench/${s.file}\` does not exist yet.\n`);
      continue;
    }
    process.stderr.write(`bench: ${s.id}…\n`);
    const started = Date.now();
    let results: BenchResult[];
    try {
      const mod = (await import(path)) as Record<string, (o: BenchOptions) => Promise<BenchResult[]>>;
      results = await mod[s.fn](opts);
    } catch (e) {
      sections.push(`## ${s.title}\n\nFailed: ${(e as Error).message.split("\n")[0]}\n`);
      process.stderr.write(`bench: ${s.id} failed: ${(e as Error).stack}\n`);
      process.exitCode = 1;
      continue;
    }
    const rows = results.map((r) => {
      const ref = r.reference ? `${fmt(r.reference.value)} ${r.reference.unit} (${r.reference.name})` : "";
      const goal = r.goal ? `${r.goal.met ? "met" : "**missed**"} (${fmt(r.goal.value)} ${r.unit})` : "";
      return `| ${r.name} | ${fmt(r.value)} ${r.unit} | ${ref} | ${ratio(r)} | ${goal} | ${r.note ?? ""} |`;
    });
    sections.push(
      [
        `## ${s.title}`,
        "",
        s.method,
        "",
        "| measure | value | reference, same run | ratio | goal | note |",
        "|---|---|---|---|---|---|",
        ...rows,
        "",
        `(${((Date.now() - started) / 1000).toFixed(1)} s)`,
        "",
      ].join("\n"),
    );
  }
  const cpu = os.cpus()[0]?.model ?? "unknown";
  const header = [
    "# Benchmarks",
    "",
    `Written by \`npm run bench${opts.quick ? " -- --quick" : ""}\` on ${new Date().toISOString().slice(0, 10)}. Do not edit by hand: re-run it.`,
    "",
    "## Machine and versions",
    "",
    `- ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}`,
    `- Node ${process.version}; SQLite ${sqliteVersion()}; ${version("psql", ["--version"])}; ${version("pdftotext", ["-v"])}`,
    `- Mode: ${opts.quick ? "quick (fewer repeats, smaller stores: for development, not for quoting)" : "full"}`,
    "",
    "Every figure is a median over repeated runs unless it says otherwise, and each sits beside a",
    "reference measured in the same run on the same machine, so that the ratio, not the absolute",
    "number, is what carries from one machine to another.",
    "",
  ];
  const target = join(root, opts.quick ? "BENCHMARKS.quick.md" : "BENCHMARKS.md");
  // With --only, the named suites' sections replace theirs in the existing file and the rest stay,
  // each still carrying its own same-run references; the header says which sections were re-run when.
  if (only && existsSync(target)) {
    const previous = readFileSync(target, "utf8");
    const parts = previous.split(/\n(?=## )/);
    // Each re-run section says when it was run, since the file's header date is the full run's.
    const when = `_Re-run alone on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC (\`--only=${[...only].join(",")}\`)._`;
    for (const section of sections) {
      const [title, ...rest] = section.trimEnd().split("\n");
      const dated = `${[title, "", when, ...rest].join("\n").replace(/\n{3,}/g, "\n\n")}\n`;
      const i = parts.findIndex((p) => p.split("\n")[0] === title);
      if (i >= 0) parts[i] = dated;
      else parts.push(dated);
    }
    // Older files kept one re-run note under the header; each section now carries its own.
    parts[0] = `${parts[0].replace(/\n+Sections re-run on [^\n]*\n*/g, "\n").trimEnd()}\n`;
    writeFileSync(target, `${parts.join("\n")}\n`);
  } else {
    writeFileSync(target, [...header, ...sections].join("\n"));
  }
  process.stderr.write(`bench: wrote ${target}\n`);
}

function sqliteVersion(): string {
  try {
    // Loaded lazily so the harness runs even where the native module is missing.
    const Database = createRequire(import.meta.url)("better-sqlite3");
    const db = new Database(":memory:");
    const v = db.prepare("select sqlite_version() as v").get().v;
    db.close();
    return v;
  } catch {
    return "not available";
  }
}

await main();
