/**
 * Runs a reader in a worker thread under the document's Limits, so that one limit bounds every reader
 * in time and memory: a reader whose input makes it run past `timeoutMs` (a DOM build over hostile
 * markup, a pathological regex) is terminated, and one whose heap passes `maxMemoryMb` is stopped by
 * V8, each a ReadError naming the file and the limit, while the caller's thread (an import, the
 * portal) keeps going. Readers that isolate themselves (the PDF reader runs pdf.js in its own worker)
 * are called directly. Workers are kept warm between documents, like the PDF reader's.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { type Limits, ReadError, type Reader, type ReadInput, type ReadOutput } from "./registry";

const WORKER_URL = new URL("./isolate-worker.mjs", import.meta.url);

/** Readers that already run their untrusted work in a bounded worker of their own. */
const SELF_ISOLATED = new Set(["pdf"]);

type Pooled = { worker: Worker; memoryMb: number; dead: boolean; idleTimer?: NodeJS.Timeout };

const IDLE_MS = 30_000;
const idle: Pooled[] = [];
const MAX_ACTIVE = Math.max(1, availableParallelism());
let active = 0;
const waiting: (() => void)[] = [];
let nextJob = 1;

function spawn(memoryMb: number): Pooled {
  const worker = new Worker(WORKER_URL, {
    resourceLimits: {
      maxOldGenerationSizeMb: memoryMb,
      maxYoungGenerationSizeMb: Math.max(8, Math.min(64, Math.floor(memoryMb / 8))),
    },
  });
  const w: Pooled = { worker, memoryMb, dead: false };
  worker.on("exit", () => {
    w.dead = true;
    const i = idle.indexOf(w);
    if (i >= 0) idle.splice(i, 1);
  });
  worker.on("error", () => {});
  return w;
}

function take(memoryMb: number): Pooled {
  for (let i = idle.length - 1; i >= 0; i--)
    if (idle[i].memoryMb === memoryMb && !idle[i].dead) {
      const [w] = idle.splice(i, 1);
      clearTimeout(w.idleTimer);
      w.worker.ref();
      return w;
    }
  return spawn(memoryMb);
}

function release(w: Pooled): void {
  if (w.dead) return;
  if (idle.length >= MAX_ACTIVE) {
    void w.worker.terminate();
    return;
  }
  w.worker.unref();
  idle.push(w);
  w.idleTimer = setTimeout(() => {
    const i = idle.indexOf(w);
    if (i >= 0) idle.splice(i, 1);
    void w.worker.terminate();
  }, IDLE_MS);
  w.idleTimer.unref();
}

function acquire(): Promise<void> {
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

type Answer =
  | { id: number; ok: true; out: ReadOutput }
  | { id: number; ok: false; error: { name: string; message: string; file?: string } };

/** `reader.read(input)`, in a bounded worker unless the reader bounds itself. */
export async function readBounded(reader: Reader, input: ReadInput): Promise<ReadOutput> {
  if (SELF_ISOLATED.has(reader.id)) return reader.read(input);
  await acquire();
  try {
    return await runJob(reader.id, input);
  } finally {
    releaseSlot();
  }
}

function runJob(readerId: string, input: ReadInput): Promise<ReadOutput> {
  const { name, limits } = input;
  const id = nextJob++;
  const w = take(limits.maxMemoryMb);
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (err: Error | null, out?: ReadOutput, reusable = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      w.worker.off("message", onMessage);
      w.worker.off("error", onError);
      w.worker.off("exit", onExit);
      if (reusable) release(w);
      else void w.worker.terminate();
      if (err) reject(err);
      else resolve(out!);
    };
    const timer = setTimeout(
      () => finish(new ReadError(name, `reading took longer than the time limit of ${limits.timeoutMs} ms`)),
      limits.timeoutMs,
    );
    const onMessage = (m: Answer) => {
      if (m.id !== id) return;
      if (m.ok) finish(null, m.out, true);
      else if (m.error.name === "ReadError") {
        const e = new ReadError(m.error.file ?? name, "");
        e.message = m.error.message;
        finish(e, undefined, true);
      } else if (m.error.name === "RangeError")
        finish(new ReadError(name, `the document is nested too deeply to read (${m.error.message})`), undefined, true);
      else {
        const e = new Error(m.error.message);
        e.name = m.error.name;
        finish(e, undefined, true);
      }
    };
    const onError = (e: Error & { code?: string }) => {
      if (e.code === "ERR_WORKER_OUT_OF_MEMORY")
        finish(new ReadError(name, `reading needed more than the memory limit of ${limits.maxMemoryMb} MB`));
      else finish(new ReadError(name, `the reader failed: ${e.message}`));
    };
    const onExit = (code: number) => finish(new ReadError(name, `the reader stopped unexpectedly (exit code ${code})`));
    w.worker.on("message", onMessage);
    w.worker.on("error", onError);
    w.worker.on("exit", onExit);
    const limitsCopy: Limits = { ...limits };
    w.worker.postMessage({ id, readerId, name, bytes: input.bytes, sha256: input.sha256, limits: limitsCopy });
  });
}
