/**
 * Import on every core: a pool of parse workers (worker threads), each running the whole read → parse
 * → exempt marking → validation of one file at a time, while the importing thread reads files, skips
 * the ones already stored and writes the store alone (one writer, one transaction per document).
 * `prepareBytes` is the unit of work both in a worker and in the importing thread (jobs = 0).
 * The readers inside still bound themselves (extract/isolate.ts, the PDF reader's pdf.js worker).
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { DEFAULT_LIMITS, ReadError } from "../extract/registry";
import type { ParseResult } from "../model/parse-v1";
import { type ParseOptions, parseBytesWithText } from "../pipeline/parse-file";
import { nonPaperReason } from "./non-paper";

export type Prepared = {
  result: ParseResult;
  /** The document's text lines when it gave meetings (a minute's searchable text is its source passage). */
  lines: string[] | null;
  /** Why the file is not a council paper (a data file, a list of sources, a financial return). */
  notPaper?: string;
};

/** One file's bytes to what the importer stores: the parse, its lines, and whether it is a paper at all. */
export async function prepareBytes(name: string, bytes: Uint8Array, options: ParseOptions = {}): Promise<Prepared> {
  const { result, lines } = await parseBytesWithText(name, bytes, DEFAULT_LIMITS, options);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 4 << 20));
  const notPaper = nonPaperReason(name, result.source.format, text, lines) ?? undefined;
  return { result, lines: result.meetings.length ? lines : null, notPaper };
}

/** One parse worker per core unless told otherwise (`minutebook import --jobs N`). */
export const DEFAULT_JOBS = Math.max(1, availableParallelism());

const WORKER_URL = new URL("./parse-worker.mjs", import.meta.url);
/** Idle workers end after this long, so a finished import does not hold threads (they never hold the process). */
const IDLE_MS = 30_000;

type Slot = { worker: Worker; busy: boolean; idleTimer?: NodeJS.Timeout };
type Job = {
  id: number;
  name: string;
  bytes: Uint8Array;
  resolve: (p: Prepared) => void;
  reject: (e: Error) => void;
};
type Answer =
  | { id: number; ok: true; out: Prepared }
  | { id: number; ok: false; error: { name: string; message: string; file?: string } };

/** A fixed number of parse workers; jobs queue for the next free one, in the order they were asked. */
export class ParsePool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private running = new Map<Slot, Job>();
  private nextId = 1;

  constructor(readonly size: number) {
    if (!(size >= 1)) throw new Error(`a parse pool needs at least one worker (got ${size})`);
  }

  prepare(name: string, bytes: Uint8Array): Promise<Prepared> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, name, bytes, resolve, reject });
      this.pump();
    });
  }

  /** Ends every worker now (queued jobs are refused). */
  async close(): Promise<void> {
    for (const j of this.queue.splice(0)) j.reject(new Error("the parse pool was closed"));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      this.run(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(WORKER_URL), busy: false };
    slot.worker.on("message", (m: Answer) => {
      const job = this.running.get(slot);
      if (!job || m.id !== job.id) return;
      this.done(slot);
      if (m.ok) job.resolve(m.out);
      else {
        const e =
          m.error.name === "ReadError" ? new ReadError(m.error.file ?? job.name, "") : new Error(m.error.message);
        e.message = m.error.message;
        e.name = m.error.name;
        job.reject(e);
      }
    });
    slot.worker.on("error", () => {}); // an exit follows; the job is failed there
    slot.worker.on("exit", (code) => {
      this.slots = this.slots.filter((s) => s !== slot);
      const job = this.running.get(slot);
      this.running.delete(slot);
      if (job) job.reject(new ReadError(job.name, `the parse worker stopped unexpectedly (exit code ${code})`));
      this.pump();
    });
    this.slots.push(slot);
    return slot;
  }

  private run(slot: Slot, job: Job): void {
    clearTimeout(slot.idleTimer);
    slot.busy = true;
    slot.worker.ref();
    this.running.set(slot, job);
    slot.worker.postMessage({ id: job.id, name: job.name, bytes: job.bytes });
  }

  private done(slot: Slot): void {
    this.running.delete(slot);
    slot.busy = false;
    slot.worker.unref();
    slot.idleTimer = setTimeout(() => void slot.worker.terminate(), IDLE_MS);
    slot.idleTimer.unref();
    queueMicrotask(() => this.pump());
  }
}

const pools = new Map<number, ParsePool>();

/** The process's pool of `size` workers, kept between imports (its idle workers end on their own). */
export function parsePool(size: number): ParsePool {
  let p = pools.get(size);
  if (!p) {
    p = new ParsePool(size);
    pools.set(size, p);
  }
  return p;
}
