/**
 * The reader registry: each reader declares what it reads and scores a file by its content
 * (and, weakly, its name); the highest score wins. A reader either yields lines for the text
 * parser (a SourceDocument) or, for structured sources such as Modern.Gov XML, parse/v1 meetings.
 */
import type { SourceDocument } from "../model/document";
import type { Diagnostic, Meeting, SourceFormat } from "../model/parse-v1";

export type Limits = {
  /** Largest input accepted, in bytes. */
  maxBytes: number;
  /** Most PDF pages read. */
  maxPages: number;
  /** Wall-clock budget for reading one document. */
  timeoutMs: number;
  /** Heap budget for a reader's worker, in MB. */
  maxMemoryMb: number;
  /** Deepest element nesting read from HTML or XML (a DOM build over deeper markup takes minutes). */
  maxDepth: number;
};

export const DEFAULT_LIMITS: Limits = {
  maxBytes: 64 * 1024 * 1024,
  maxPages: 2000,
  timeoutMs: 60_000,
  maxMemoryMb: 512,
  maxDepth: 1000,
};

export type ReadInput = { name: string; bytes: Uint8Array; sha256: string; limits: Limits };

export type ReadOutput =
  | { kind: "lines"; doc: SourceDocument }
  | { kind: "records"; format: SourceFormat; meetings: Meeting[]; diagnostics: Diagnostic[] };

export interface Reader {
  id: string;
  format: SourceFormat;
  /** 0 declines; higher wins. Must be cheap and must not throw. */
  score(input: { name: string; head: string; bytes: Uint8Array }): number;
  read(input: ReadInput): Promise<ReadOutput>;
}

/** A readable failure naming the file and the problem; the CLI prints it and exits non-zero. */
export class ReadError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = "ReadError";
  }
}

const readers: Reader[] = [];

export function registerReader(reader: Reader): void {
  const i = readers.findIndex((r) => r.id === reader.id);
  if (i >= 0) readers[i] = reader;
  else readers.push(reader);
}

export function listReaders(): readonly Reader[] {
  return readers;
}

/** The best reader for these bytes, or null when none accepts them. */
export function pickReader(name: string, bytes: Uint8Array): Reader | null {
  const head = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 4096));
  let best: Reader | null = null;
  let bestScore = 0;
  for (const r of readers) {
    let s = 0;
    try {
      s = r.score({ name, head, bytes });
    } catch {
      s = 0;
    }
    if (s > bestScore) {
      best = r;
      bestScore = s;
    }
  }
  return best;
}
