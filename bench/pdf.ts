/**
 * PDF benchmark: pages/s of Minutebook's pdf.js reader (worker thread, layout, furniture) over the
 * corpus PDFs, beside poppler's pdftotext on the same files in the same run; medians over repeats.
 * Run alone with `npx tsx bench/pdf.ts [--quick]`, or through bench/run.ts.
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { extractPdf, pdfReader } from "../src/extract/pdf/reader";
import { DEFAULT_LIMITS } from "../src/extract/registry";
import { sharedPath } from "../src/testing/shared";
import { type BenchOptions, type BenchResult, median } from "./types";

const run = promisify(execFile);

function corpusPdfs(): string[] {
  const out: string[] = [];
  for (const dir of ["kent", "merton"]) {
    const d = sharedPath("corpus", dir);
    for (const f of readdirSync(d).sort()) if (f.toLowerCase().endsWith(".pdf")) out.push(join(d, f));
  }
  return out;
}

async function pdftotext(file: string, layout: boolean): Promise<void> {
  const args = ["-enc", "UTF-8", ...(layout ? ["-layout"] : []), file, "-"];
  await run("pdftotext", args, { maxBuffer: 64 * 1024 * 1024, timeout: 60_000, encoding: "utf8" });
}

/** Seconds for one pass of `fn` over every file, in order. */
async function pass(files: string[], fn: (file: string, bytes: Buffer) => Promise<void>): Promise<number> {
  const bytes = files.map((f) => readFileSync(f));
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < files.length; i++) await fn(files[i], bytes[i]);
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

export async function benchPdf(opts: BenchOptions): Promise<BenchResult[]> {
  const files = corpusPdfs();
  const repeats = opts.quick ? 3 : 9;
  let pages = 0;
  // Cold: the first document pays for starting a worker and loading pdf.js.
  const cold0 = process.hrtime.bigint();
  await extractPdf("cold.pdf", readFileSync(files[0]), DEFAULT_LIMITS);
  const coldMs = Number(process.hrtime.bigint() - cold0) / 1e6;
  const readAll = async (_file: string, bytes: Buffer) => {
    const out = await pdfReader.read({ name: "bench.pdf", bytes, sha256: "0".repeat(64), limits: DEFAULT_LIMITS });
    if (out.kind === "lines") pages += out.doc.pageCount ?? 0;
  };
  await pass(files, readAll); // warm-up, and the page count
  const totalPages = pages;
  const ours: number[] = [];
  const extractOnly: number[] = [];
  const raw: number[] = [];
  const layout: number[] = [];
  try {
    await pdftotext(files[0], false);
  } catch (e) {
    throw new Error(`pdftotext is needed for the reference figure: ${(e as Error).message}`);
  }
  for (let r = 0; r < repeats; r++) {
    ours.push(totalPages / (await pass(files, readAll)));
    extractOnly.push(
      totalPages / (await pass(files, async (_f, b) => void (await extractPdf("b.pdf", b, DEFAULT_LIMITS)))),
    );
    raw.push(totalPages / (await pass(files, (f) => pdftotext(f, false))));
    layout.push(totalPages / (await pass(files, (f) => pdftotext(f, true))));
  }
  const note = `${files.length} corpus PDFs, ${totalPages} pages; median of ${repeats} passes; one document at a time`;
  return [
    {
      name: "PDF reader (pdf.js worker + layout + furniture)",
      value: median(ours),
      unit: "pages/s",
      better: "higher",
      reference: { name: "pdftotext (poppler, raw text)", value: median(raw), unit: "pages/s" },
      note,
    },
    {
      name: "PDF reader, same run",
      value: median(ours),
      unit: "pages/s",
      better: "higher",
      reference: { name: "pdftotext -layout", value: median(layout), unit: "pages/s" },
      note,
    },
    {
      name: "pdf.js extraction alone (worker, no layout)",
      value: median(extractOnly),
      unit: "pages/s",
      better: "higher",
      reference: { name: "pdftotext (poppler, raw text)", value: median(raw), unit: "pages/s" },
      note,
    },
    {
      name: "first document, cold worker (start + pdf.js load + read)",
      value: coldMs,
      unit: "ms",
      better: "lower",
      note: `${files[0].split("/").pop()}, single measurement`,
    },
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const results = await benchPdf({ quick: process.argv.includes("--quick") });
  for (const r of results) {
    const ref = r.reference ? `   vs ${r.reference.name}: ${r.reference.value.toFixed(1)} ${r.reference.unit}` : "";
    console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit}${ref}${r.note ? `   (${r.note})` : ""}`);
  }
}
