/**
 * The PDF reader: sniffs "%PDF-", extracts positioned text runs with pdf.js in a worker thread
 * (heap-limited, killed on timeout), and lays them out into numbered lines with physical pages,
 * bold, headings, table cells and recorded page furniture (see layout.ts). Every failure is a
 * ReadError naming the file and the problem or limit.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { SourceDocument } from "../../model/document";
import type { Diagnostic } from "../../model/parse-v1";
import { type Limits, ReadError, type Reader, type ReadInput, type ReadOutput } from "../registry";
import { type FontInfo, layoutPages, type RawPage } from "./layout";

const WORKER_URL = new URL("./worker.mjs", import.meta.url);

export type Extracted = { numPages: number; encrypted: boolean; pages: RawPage[]; fonts: Record<string, FontInfo> };

type WorkerMessage =
  | { type: "meta"; numPages: number; encrypted: boolean }
  | { type: "page"; page: RawPage }
  | { type: "done"; fonts: Record<string, FontInfo> }
  | { type: "error"; code: "encrypted" | "invalid" | "too-many-pages"; message: string };

/** Offset of "%PDF-" in the first KB (the format tolerates a little junk before it), or -1. */
export function pdfHeaderOffset(bytes: Uint8Array): number {
  const n = Math.min(bytes.length - 5, 1024);
  for (let i = 0; i <= n; i++)
    if (
      bytes[i] === 0x25 &&
      bytes[i + 1] === 0x50 &&
      bytes[i + 2] === 0x44 &&
      bytes[i + 3] === 0x46 &&
      bytes[i + 4] === 0x2d
    )
      return i;
  return -1;
}

/** A complete PDF ends with "%%EOF" (possibly followed by a little whitespace or junk). */
export function hasEofMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString("latin1");
  return tail.includes("%%EOF");
}

/** A worker thread running worker.mjs (it silences pdf.js's console output itself). */
type PdfWorker = { worker: Worker; memoryMb: number; dead: boolean; idleTimer?: NodeJS.Timeout };

/** An idle worker is ended after this long, so a long-running server does not hold pdf.js for nothing. */
const IDLE_MS = 30_000;

/** Idle warm workers, reused for the next document with the same memory limit. */
const idle: PdfWorker[] = [];
const MAX_IDLE = Math.max(2, availableParallelism());
let nextJob = 1;

function spawnWorker(memoryMb: number): PdfWorker {
  const worker = new Worker(WORKER_URL, {
    execArgv: [],
    resourceLimits: {
      maxOldGenerationSizeMb: memoryMb,
      maxYoungGenerationSizeMb: Math.max(8, Math.min(64, Math.floor(memoryMb / 8))),
    },
  });
  const w: PdfWorker = { worker, memoryMb, dead: false };
  worker.on("exit", () => {
    w.dead = true;
    const i = idle.indexOf(w);
    if (i >= 0) idle.splice(i, 1);
  });
  // An error event always precedes exit; the job that owns the worker reports it.
  worker.on("error", () => {});
  return w;
}

function takeWorker(memoryMb: number): PdfWorker {
  for (let i = idle.length - 1; i >= 0; i--)
    if (idle[i].memoryMb === memoryMb && !idle[i].dead) {
      const [w] = idle.splice(i, 1);
      clearTimeout(w.idleTimer);
      w.worker.ref();
      return w;
    }
  return spawnWorker(memoryMb);
}

function releaseWorker(w: PdfWorker): void {
  if (w.dead) return;
  if (idle.length >= MAX_IDLE) {
    void w.worker.terminate();
    return;
  }
  // An idle worker must not keep the process alive.
  w.worker.unref();
  idle.push(w);
  w.idleTimer = setTimeout(() => {
    const i = idle.indexOf(w);
    if (i >= 0) idle.splice(i, 1);
    void w.worker.terminate();
  }, IDLE_MS);
  w.idleTimer.unref();
}

/**
 * Runs pdf.js over the bytes in a worker with the limits' heap and time budgets. A worker that
 * finishes a document normally is kept warm for the next one; one that overran a limit is killed.
 */
export async function extractPdf(name: string, bytes: Uint8Array, limits: Limits): Promise<Extracted> {
  await acquireSlot();
  try {
    return await runJob(name, bytes, limits);
  } finally {
    releaseSlot();
  }
}

/**
 * At most one document per CPU is read at once (each worker may use up to the memory limit);
 * callers beyond that wait, and their time limit starts when their document does.
 */
const MAX_ACTIVE = Math.max(1, availableParallelism());
let active = 0;
const waiting: (() => void)[] = [];

function acquireSlot(): Promise<void> {
  if (active < MAX_ACTIVE) {
    active++;
    return Promise.resolve();
  }
  return new Promise((resolve) => waiting.push(resolve));
}

function releaseSlot(): void {
  const next = waiting.shift();
  if (next) next();
  else active--;
}

function runJob(name: string, bytes: Uint8Array, limits: Limits): Promise<Extracted> {
  const copy = new Uint8Array(bytes); // the worker takes ownership of its own copy
  const id = nextJob++;
  const w = takeWorker(limits.maxMemoryMb);
  return new Promise((resolve, reject) => {
    let settled = false;
    const pages: RawPage[] = [];
    let numPages = 0;
    let encrypted = false;
    const finish = (err: Error | null, value?: Extracted, reusable = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      w.worker.off("message", onMessage);
      w.worker.off("error", onError);
      w.worker.off("exit", onExit);
      if (reusable) releaseWorker(w);
      else void w.worker.terminate();
      if (err) reject(err);
      else resolve(value!);
    };
    const timer = setTimeout(() => {
      finish(new ReadError(name, `reading the PDF took longer than the time limit of ${limits.timeoutMs} ms`));
    }, limits.timeoutMs);
    const onMessage = (m: WorkerMessage & { id: number }) => {
      if (m.id !== id) return;
      if (m.type === "meta") {
        numPages = m.numPages;
        encrypted = m.encrypted;
      } else if (m.type === "page") pages.push(m.page);
      else if (m.type === "done") finish(null, { numPages, encrypted, pages, fonts: m.fonts }, true);
      else if (m.type === "error") {
        let problem: string;
        if (m.code === "encrypted") problem = "the PDF is encrypted and needs a password";
        else if (m.code === "too-many-pages") problem = m.message;
        else if (!hasEofMarker(bytes))
          problem = `the PDF is truncated (no %%EOF marker) and cannot be read: ${m.message}`;
        else problem = `the PDF is damaged and cannot be read: ${m.message}`;
        finish(new ReadError(name, problem), undefined, true);
      }
    };
    const onError = (e: Error & { code?: string }) => {
      if (e.code === "ERR_WORKER_OUT_OF_MEMORY")
        finish(new ReadError(name, `reading the PDF needed more than the memory limit of ${limits.maxMemoryMb} MB`));
      else finish(new ReadError(name, `the PDF reader failed: ${e.message}`));
    };
    const onExit = (code: number) => {
      finish(new ReadError(name, `the PDF reader stopped unexpectedly (exit code ${code})`));
    };
    w.worker.on("message", onMessage);
    w.worker.on("error", onError);
    w.worker.on("exit", onExit);
    w.worker.postMessage({ id, bytes: copy, maxPages: limits.maxPages }, [copy.buffer]);
  });
}

/** Extracted pages → the document model, with diagnostics for what could not be read. */
export function buildDocument(name: string, sha256: string, bytes: Uint8Array, ex: Extracted): SourceDocument {
  const diagnostics: Diagnostic[] = [];
  const failed = ex.pages.filter((p) => p.error);
  if (ex.numPages === 0) throw new ReadError(name, "the PDF has no pages");
  if (failed.length === ex.pages.length)
    throw new ReadError(name, `no page of the PDF could be read: ${failed[0]?.error ?? "unknown error"}`);
  if (failed.length && !hasEofMarker(bytes))
    throw new ReadError(
      name,
      `the PDF is truncated (no %%EOF marker); ${failed.length} of ${ex.numPages} pages cannot be read (first: page ${failed[0].n}: ${failed[0].error})`,
    );
  for (const p of failed)
    diagnostics.push({
      level: "warning",
      message: `page ${p.n} could not be read and is missing from the text: ${p.error}`,
      span: null,
    });
  if (ex.encrypted)
    diagnostics.push({
      level: "info",
      message: "the PDF is encrypted without a user password (permissions only); its text was read",
      span: null,
    });
  const { lines, furniture, columnsPages } = layoutPages(ex.pages, ex.fonts);
  if (columnsPages.length)
    diagnostics.push({
      level: "info",
      message: `read as two columns, left then right: page${columnsPages.length > 1 ? "s" : ""} ${columnsPages.join(", ")}`,
      span: null,
    });
  const withText = new Set(lines.filter((l) => l.text.trim()).map((l) => l.page));
  const empty = ex.pages.filter((p) => !p.error && !withText.has(p.n) && !furniture.some((f) => f.page === p.n));
  if (!lines.length)
    diagnostics.push({
      level: "warning",
      message: "the PDF has no text layer (scanned images?); Minutebook does not OCR",
      span: null,
    });
  else if (empty.length)
    diagnostics.push({
      level: "info",
      message: `page${empty.length > 1 ? "s" : ""} ${empty.map((p) => p.n).join(", ")} ha${empty.length > 1 ? "ve" : "s"} no text`,
      span: null,
    });
  return { name, format: "pdf", sha256, lines, pageCount: ex.numPages, furniture, diagnostics };
}

export const pdfReader: Reader = {
  id: "pdf",
  format: "pdf",
  score({ name, bytes }) {
    if (pdfHeaderOffset(bytes) >= 0) return 100;
    // A ".pdf" name without the magic is read (and rejected with a clear message) only when nothing else wants it.
    return /\.pdf$/i.test(name) ? 1 : 0;
  },
  async read(input: ReadInput): Promise<ReadOutput> {
    const { name, bytes, sha256, limits } = input;
    if (bytes.length > limits.maxBytes)
      throw new ReadError(name, `file is ${bytes.length} bytes, over the limit of ${limits.maxBytes} bytes`);
    if (pdfHeaderOffset(bytes) < 0) throw new ReadError(name, "not a PDF: no %PDF- header in the first 1 KB");
    const ex = await extractPdf(name, bytes, limits);
    return { kind: "lines", doc: buildDocument(name, sha256, bytes, ex) };
  },
};
