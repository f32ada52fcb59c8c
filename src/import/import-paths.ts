/**
 * `minutebook import`'s engine: files and folders (recursive) → parse each → store each in its own
 * transaction. A file that fails is recorded with its reason and the rest go on; killing the run at
 * any moment keeps every document already committed, and running it again finishes the job.
 */
import type { Stats } from "node:fs";
import { lstat, readdir, readFile, readlink, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { ExemptStore } from "../auth/exempt";
import { AuthStore } from "../auth/store";
import { DEFAULT_LIMITS } from "../extract/registry";
import { bodyIsCouncil, councilKey } from "../link/identity/councils";
import type { ParseResult } from "../model/parse-v1";
import { describeFsError, type ParseOptions, sha256Hex } from "../pipeline/parse-file";
import type { ImportOutcome, Repository } from "../store/repository";
import { type Prepared as Parsed, parsePool, prepareBytes } from "./parse-pool";

export type ImportFailure = { file: string; reason: string };

export type ImportSummary = {
  files: number;
  documents: { new: number; unchanged: number; replaced: number; failed: number };
  failures: ImportFailure[];
  /**
   * Distinct meetings the documents speak of (an agenda pack that carries the last meeting's minutes
   * speaks of two; each meeting counts once, as in `db stats`), and items (agenda items + minutes +
   * reports) the documents gave.
   */
  meetings: number;
  items: number;
  /** Documents whose parse reported a warning or an error. */
  warnings: number;
  /** Documents stored with at least one meeting whose parse reported a warning or an error. */
  readWithWarnings: number;
  /** Those documents, each with its first warning (the reason a clerk would look again). */
  warned: ImportFailure[];
  /**
   * Documents that were read but yield no meeting (an annual return, a newsletter, a layout not
   * understood): not stored, each with the parser's reason.
   */
  noMeeting: ImportFailure[];
  /** Files that are not council papers (data files, lists of sources, financial returns): not stored. */
  notPapers: ImportFailure[];
  /**
   * Documents that print no council (and had none given) placed in the one council every other paper
   * of their folder prints: an inference, listed so it can be checked (`--council` or a folder's
   * minutebook.json says it outright).
   */
  inferred: { file: string; council: string; reason: string }[];
  seconds: number;
};

export type CollectedFile = { path: string; size: number; mtimeMs: number };

/**
 * Every file under the given paths, folders walked recursively in name order, hidden entries skipped.
 * Symbolic links are followed, but a folder already open higher up the same walk (a link back to a
 * parent) is a "symlink loop" failure, and a folder or file reached twice by two routes is read once.
 * Anything that cannot be opened (permissions, a dangling link, a folder removed mid-walk) and anything
 * that is not a regular file (a named pipe would block a read forever) is a failure with its reason;
 * the walk goes on.
 */
export async function collectFiles(paths: string[]): Promise<{ files: string[]; failures: ImportFailure[] }> {
  const { files, failures } = await collectFileInfo(paths);
  return { files: files.map((f) => f.path), failures };
}

export async function collectFileInfo(paths: string[]): Promise<{ files: CollectedFile[]; failures: ImportFailure[] }> {
  const files: CollectedFile[] = [];
  const failures: ImportFailure[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const walk = async (p: string, open: Map<string, string>): Promise<void> => {
    let s: Stats;
    try {
      s = await stat(p);
    } catch (e) {
      let reason = `cannot open: ${describeFsError(e)}`;
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ELOOP") {
        const link = await lstat(p).catch(() => null);
        if (link?.isSymbolicLink()) {
          const target = await readlink(p).catch(() => "?");
          reason =
            code === "ELOOP"
              ? `symlink loop: the link ${target} points back at itself`
              : `dangling symbolic link: its target ${target} does not exist`;
        }
      }
      failures.push({ file: p, reason });
      return;
    }
    const key = `${s.dev}:${s.ino}`;
    if (s.isDirectory()) {
      const ancestor = open.get(key);
      if (ancestor !== undefined) {
        failures.push({ file: p, reason: `symlink loop: leads back to ${ancestor}, already being read` });
        return;
      }
      if (seenDirs.has(key)) return; // the same folder by a second route: its files are already listed
      seenDirs.add(key);
      let names: string[];
      try {
        names = await readdir(p);
      } catch (e) {
        failures.push({ file: p, reason: `cannot read folder: ${describeFsError(e)}` });
        return;
      }
      const inner = new Map(open).set(key, p);
      for (const n of names.filter((x) => !x.startsWith(".")).sort()) await walk(join(p, n), inner);
    } else if (s.isFile()) {
      if (seenFiles.has(key)) return;
      seenFiles.add(key);
      // Rounded to the millisecond: a time set back through utimes may come back a hair under the original.
      files.push({ path: resolve(p), size: s.size, mtimeMs: Math.round(s.mtimeMs) });
    } else {
      const kind = s.isFIFO()
        ? "a named pipe (FIFO)"
        : s.isSocket()
          ? "a socket"
          : s.isCharacterDevice() || s.isBlockDevice()
            ? "a device"
            : "not a regular file";
      failures.push({ file: p, reason: `${kind}, not a document: skipped` });
    }
  };
  for (const p of paths) await walk(p, new Map());
  return { files, failures };
}

type Prepared = {
  /** The file as read (not when skipped unread): kept in the store as the document's original. */
  bytes?: Uint8Array;
  outcome: ImportOutcome | null;
  result: ParseResult | null;
  lines: string[] | null;
  /** Why the file is not a council paper (a data file, a list of sources, a financial return). */
  notPaper?: string;
  /** The file's content hash, once read (or known from an earlier run). */
  sha256?: string;
};

/** How an import runs: the parse options, and how many parse workers (0: parse in this thread). */
export type ImportOptions = ParseOptions & {
  jobs?: number;
  /**
   * Where each file came from, as the public may see it (a URL); without it, or when it gives null, the
   * origin is the file's name. A server path is never shown.
   */
  originOf?: (file: string) => string | null;
  /** The council of every document that prints none (`minutebook import --council NAME`). */
  council?: string;
};

/** Origins under a base URL: each file's URL is the base joined with its path below the imported folder. */
export function originsUnder(base: string, roots: string[]): (file: string) => string | null {
  const folders = roots.map((r) => resolve(r));
  return (file) => {
    const root = folders.find((f) => file === f || file.startsWith(`${f}/`));
    if (root === undefined) return null;
    if (file === root) return base;
    const rel = file
      .slice(root.length + 1)
      .split("/")
      .map(encodeURIComponent)
      .join("/");
    return `${base.replace(/\/+$/, "")}/${rel}`;
  };
}

/**
 * A file this store already holds, unchanged since (same path, size and modification time): its hash
 * from the earlier run, so that resuming an interrupted import skips it without reading it.
 */
async function knownFile(repo: Repository, file: CollectedFile): Promise<string | null> {
  const row = await repo.sql.get<{ sha256: string }>(
    "SELECT sha256 FROM import_files WHERE path = ? AND size = ? AND mtime_ms = ?",
    [file.path, file.size, file.mtimeMs],
  );
  return row?.sha256 ?? null;
}

async function rememberFile(repo: Repository, file: CollectedFile, sha256: string): Promise<void> {
  await repo.sql.run(
    `INSERT INTO import_files (path, size, mtime_ms, sha256) VALUES (?, ?, ?, ?)
     ON CONFLICT (path) DO UPDATE SET size = excluded.size, mtime_ms = excluded.mtime_ms, sha256 = excluded.sha256`,
    [file.path, file.size, file.mtimeMs, sha256],
  );
}

/**
 * Reads one file; a document already stored (same bytes) is not parsed again, and one stored from this
 * very file, unchanged since, is not even read. The parse runs in a pool worker when jobs > 0.
 */
async function readAndParse(repo: Repository, file: CollectedFile, options: ImportOptions): Promise<Prepared> {
  if (file.size > DEFAULT_LIMITS.maxBytes)
    throw new Error(`file is ${file.size} bytes, over the limit of ${DEFAULT_LIMITS.maxBytes} bytes`);
  const seen = await knownFile(repo, file);
  // Skipped unread only when the store already keeps its original.
  if (seen && (await repo.sql.get("SELECT 1 AS x FROM document_files WHERE sha256 = ?", [seen]))) {
    const known = await repo.touchDocument(seen, { path: file.path });
    if (known) return { outcome: known, result: null, lines: null, sha256: seen };
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file.path);
  } catch (e) {
    throw new Error(`cannot read: ${describeFsError(e)}`);
  }
  if (bytes.length > DEFAULT_LIMITS.maxBytes)
    throw new Error(`file is ${bytes.length} bytes, over the limit of ${DEFAULT_LIMITS.maxBytes} bytes`);
  const sha256 = sha256Hex(bytes);
  const origin = options.originOf?.(file.path) ?? null;
  // The store keeps the bytes as the document's original (a store filled before it kept them gets them now).
  const known = await repo.touchDocument(sha256, { path: file.path, bytes, origin });
  if (known) return { outcome: known, result: null, lines: null, sha256 };
  // Custom exempt rules (tests) are functions, which cannot cross to a worker: those parse here.
  const { jobs = 0, ...parseOptions } = options;
  const parsed: Parsed =
    jobs > 0 && !parseOptions.exemptRules
      ? await parsePool(jobs).prepare(basename(file.path), bytes)
      : await prepareBytes(basename(file.path), bytes, parseOptions);
  return { outcome: null, ...parsed, sha256, bytes };
}

export type ImportProgress = {
  done: number;
  total: number;
  file: string;
  outcome?: ImportOutcome;
  /** Seconds since the import started, for documents/s and the time left. */
  seconds: number;
};

export async function importPaths(
  repo: Repository,
  paths: string[],
  onProgress?: (p: ImportProgress) => void,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const started = performance.now();
  const collected = await collectFileInfo(paths);
  // A folder's minutebook.json says which council its papers belong to; it is read, not imported.
  const { files, councils, failures } = await folderCouncils(collected.files, collected.failures);
  const meetingIds = new Set<number>();
  const summary: ImportSummary = {
    files: files.length + failures.length,
    documents: { new: 0, unchanged: 0, replaced: 0, failed: failures.length },
    failures,
    meetings: 0,
    items: 0,
    warnings: 0,
    readWithWarnings: 0,
    warned: [],
    noMeeting: [],
    notPapers: [],
    inferred: [],
    seconds: 0,
  };
  // Reading and parsing the next files overlaps storing this one: with N parse workers, 2N files are
  // in hand at once (one being parsed per worker, one waiting each); documents are still stored one
  // at a time, in order, by this thread alone.
  const ahead = Math.max(1, 2 * (options.jobs ?? 0));
  const pending: Promise<Prepared>[] = [];
  const prepare = (i: number) => {
    if (i >= files.length) return;
    const p = readAndParse(repo, files[i], options);
    p.catch(() => undefined); // handled when its turn comes
    pending[i] = p;
  };
  // Exempt text goes to the access-controlled store only (auth/exempt.ts), never to a public table.
  const exempt = new ExemptStore(repo.sql, new AuthStore(repo.sql));
  // A document that prints no council (and has none given) waits until the run's other papers are
  // stored, so the same meeting's minutes or its folder's papers can say which council it is.
  const deferred: { i: number; ready: Prepared }[] = [];
  // Held in memory with their text and original bytes: up to 500 documents or 256 MB, then stored at once.
  const DEFER_AT_MOST = 500;
  let heldBytes = 0;
  const councilOf = (file: string) => options.council ?? councilFor(file, councils);
  // The councils the stored papers of each folder print (by councilKey), for papers that print none.
  const folderPrinted = new Map<string, Map<string, { name: string; files: number }>>();
  const notePrinted = (file: string, result: ParseResult | undefined) => {
    const names = new Set((result?.meetings ?? []).map((m) => m.authority).filter((a): a is string => !!a));
    if (!names.size) return;
    const folder = dirname(file);
    const seen = folderPrinted.get(folder) ?? new Map<string, { name: string; files: number }>();
    for (const name of names) {
      const k = councilKey(name);
      const e = seen.get(k) ?? { name, files: 0 };
      e.files++;
      seen.set(k, e);
    }
    folderPrinted.set(folder, seen);
  };
  /** The one council every other paper of the file's folder that prints a council prints, if there is one. */
  const folderCouncil = (file: string): { name: string; files: number } | null => {
    const seen = folderPrinted.get(dirname(file));
    return seen && seen.size === 1 ? [...seen.values()][0] : null;
  };
  const store = async (i: number, ready: Prepared): Promise<ImportOutcome | undefined> => {
    const file = files[i].path;
    let outcome: ImportOutcome | undefined;
    if (!ready.outcome && ready.notPaper) {
      // Not a council paper at all: refused with its kind, never stored (whatever meetings it seemed to hold).
      summary.notPapers.push({ file, reason: ready.notPaper });
    } else if (!ready.outcome && ready.result && ready.result.meetings.length === 0) {
      // Nothing to file under a meeting: refused with the parser's reason rather than stored as a council document.
      summary.noMeeting.push({ file, reason: noMeetingReason(ready.result) });
    } else {
      let council = councilOf(file);
      const unplaced =
        !council && !ready.outcome && !ready.result!.meetings.some((m) => m.authority || bodyIsCouncil(m.body));
      const inferred = unplaced ? folderCouncil(file) : null;
      if (inferred) {
        council = inferred.name;
        summary.inferred.push({
          file,
          council: inferred.name,
          reason: `it prints no council; the ${inferred.files === 1 ? "other paper" : `${inferred.files} other papers`} in its folder that print one all print ${inferred.name}`,
        });
      }
      outcome =
        ready.outcome ??
        (await repo.importDocument(ready.result!, {
          path: file,
          lines: ready.lines,
          bytes: ready.bytes,
          origin: options.originOf?.(file) ?? null,
          council,
        }));
      if (!ready.outcome) notePrinted(file, ready.result ?? undefined);
      if (!ready.outcome && ready.lines) await exempt.capture(outcome.documentId, ready.lines, new Date());
      summary.documents[outcome.status]++;
      if (ready.sha256) await rememberFile(repo, files[i], ready.sha256);
      for (const id of outcome.meetingIds) meetingIds.add(id);
      summary.meetings = meetingIds.size;
      summary.items += outcome.items;
      if (outcome.warnings) summary.warnings++;
      if (outcome.warnings && outcome.meetings > 0) {
        summary.readWithWarnings++;
        summary.warned.push({
          file,
          reason: ready.result ? noMeetingReason(ready.result) : "its warnings were recorded when it was first read",
        });
      }
    }
    return outcome;
  };
  let done = 0;
  for (let i = 0; i < ahead; i++) prepare(i);
  for (let i = 0; i < files.length + deferred.length; i++) {
    const later = i >= files.length ? deferred[i - files.length] : null;
    const file = files[later ? later.i : i].path;
    let current: Promise<Prepared>;
    if (later) current = Promise.resolve(later.ready);
    else {
      current = pending[i];
      delete pending[i];
      prepare(i + ahead);
    }
    let outcome: ImportOutcome | undefined;
    try {
      const ready = await current;
      const unplaced =
        !later &&
        !ready.outcome &&
        !ready.notPaper &&
        ready.result?.meetings.length &&
        !ready.result.meetings.some((m) => m.authority || bodyIsCouncil(m.body)) &&
        !councilOf(file) &&
        deferred.length < DEFER_AT_MOST &&
        heldBytes + files[i].size < 256 << 20;
      if (unplaced) {
        heldBytes += files[i].size;
        deferred.push({ i, ready });
        continue;
      }
      outcome = await store(later ? later.i : i, ready);
    } catch (e) {
      const err = e as Error;
      // ReadError messages already name the file.
      const reason =
        err?.name === "ReadError" ? err.message.replace(`${basename(file)}: `, "") : String(err?.message ?? e);
      summary.failures.push({ file, reason });
      summary.documents.failed++;
    }
    onProgress?.({ done: ++done, total: files.length, file, outcome, seconds: (performance.now() - started) / 1000 });
  }
  summary.seconds = Math.round((performance.now() - started) / 10) / 100;
  return summary;
}

/** The file that sets a folder's council: `{"council": "Kent County Council"}`. */
export const FOLDER_SETTINGS = "minutebook.json";

/**
 * Takes the folders' settings files out of the files to import and reads their council; a settings
 * file that cannot be read or says no council is a failure with its reason (the papers still import).
 */
async function folderCouncils(
  all: CollectedFile[],
  failures: ImportFailure[],
): Promise<{ files: CollectedFile[]; councils: Map<string, string>; failures: ImportFailure[] }> {
  const files: CollectedFile[] = [];
  const councils = new Map<string, string>();
  for (const f of all) {
    if (basename(f.path) !== FOLDER_SETTINGS) {
      files.push(f);
      continue;
    }
    try {
      const settings = JSON.parse(await readFile(f.path, "utf8")) as { council?: unknown };
      if (typeof settings?.council !== "string" || !settings.council.trim())
        throw new Error('expected {"council": "Name of the council"}');
      councils.set(dirname(f.path), settings.council.trim());
    } catch (e) {
      failures.push({ file: f.path, reason: `folder settings not read: ${(e as Error).message}` });
    }
  }
  return { files, councils, failures };
}

/** The council set for the file's folder or the nearest folder above it, if any. */
function councilFor(file: string, councils: Map<string, string>): string | undefined {
  if (!councils.size) return undefined;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const c = councils.get(dir);
    if (c) return c;
    if (dirname(dir) === dir) return undefined;
  }
}

/** Why a readable document gave no meeting: the parser's first warning, else a plain statement. */
export function noMeetingReason(result: ParseResult): string {
  const d =
    result.diagnostics.find((x) => x.level === "error") ?? result.diagnostics.find((x) => x.level === "warning");
  return d ? d.message : "the parser found no meeting in it";
}

export function formatSummary(s: ImportSummary): string {
  const d = s.documents;
  const out = [
    `documents: ${d.new} new, ${d.unchanged} unchanged, ${d.replaced} replaced, ${d.failed} failed, ${s.noMeeting.length} with no meeting found, ${s.notPapers.length} not council papers (${s.files} files, ${s.seconds} s)`,
    `meetings: ${s.meetings}, items: ${s.items}, documents read with warnings: ${s.readWithWarnings}, documents with parse warnings: ${s.warnings}`,
  ];
  for (const f of s.failures) out.push(`failed: ${f.file}: ${f.reason}`);
  // Each document read with warnings and why (the first fifty; the count above is whole).
  for (const f of s.warned.slice(0, 50)) out.push(`read with warnings: ${f.file}: ${f.reason}`);
  if (s.warned.length > 50) out.push(`read with warnings: … and ${s.warned.length - 50} more`);
  for (const f of s.noMeeting) out.push(`no meeting found: ${f.file}: ${f.reason}`);
  for (const f of s.notPapers) out.push(`refused: ${f.file}: ${f.reason}`);
  for (const f of s.inferred) out.push(`council inferred: ${f.file}: ${f.council} (${f.reason})`);
  return out.join("\n");
}
