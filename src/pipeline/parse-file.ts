/**
 * One document in, one parse/v1 result out: hash → pick a reader by content → read → parse →
 * validate. Every consumer (CLI parse, import, demo round-trip, benchmarks) goes through here.
 */
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { registerBuiltinReaders } from "../extract/index";
import { readBounded } from "../extract/isolate";
import { DEFAULT_LIMITS, type Limits, pickReader, ReadError } from "../extract/registry";
import type { ParseResult } from "../model/parse-v1";
import { validateParseResult } from "../model/parse-v1";
import { EXEMPT_RULES, type ExemptRule, markExempt } from "../parse/exempt/index";
import { parseDocument } from "../parse/index";

export type ParseOptions = {
  /** The exempt-information rules to apply (all by default; tests leave one out to prove it matters). */
  exemptRules?: readonly ExemptRule[];
};

/** A filesystem error as a person would say it: "permission denied (EACCES)". */
export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const what: Record<string, string> = {
    EACCES: "permission denied",
    EPERM: "permission denied",
    ENOENT: "no such file or folder",
    ELOOP: "too many levels of symbolic links (a symlink loop?)",
    ENOTDIR: "a part of the path is not a folder",
    EISDIR: "is a folder",
    EIO: "input/output error",
    EMFILE: "too many open files",
    ENFILE: "too many open files",
    ENAMETOOLONG: "name too long",
    ESTALE: "stale network file handle",
    ETIMEDOUT: "timed out",
  };
  if (err?.code) return `${what[err.code] ?? "cannot be read"} (${err.code})`;
  return String(err?.message ?? e);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Parses bytes already in memory. Throws ReadError (naming the file) when they cannot be read. */
export async function parseBytes(
  name: string,
  bytes: Uint8Array,
  limits: Limits = DEFAULT_LIMITS,
): Promise<ParseResult> {
  return (await parseBytesWithText(name, bytes, limits)).result;
}

/**
 * The parse and the extracted text it was made from (lines[0] is line 1), so that later stages
 * (search over a minute's whole passage) need not read the document again. `lines` is null for
 * readers that give records rather than lines.
 */
export async function parseBytesWithText(
  name: string,
  bytes: Uint8Array,
  limits: Limits = DEFAULT_LIMITS,
  options: ParseOptions = {},
): Promise<{ result: ParseResult; lines: string[] | null }> {
  await registerBuiltinReaders();
  if (bytes.length > limits.maxBytes)
    throw new ReadError(name, `file is ${bytes.length} bytes, over the limit of ${limits.maxBytes} bytes`);
  const reader = pickReader(name, bytes);
  if (!reader)
    throw new ReadError(
      name,
      `not a format Minutebook reads (text, Markdown, PDF, Word, OpenDocument, HTML, Modern.Gov XML)${whyNotText(bytes)}`,
    );
  const sha256 = sha256Hex(bytes);
  const out = await readBounded(reader, { name, bytes, sha256, limits });
  let result: ParseResult;
  let lines: string[] | null = null;
  if (out.kind === "lines") {
    lines = new Array<string>(out.doc.lines.length).fill("");
    for (const l of out.doc.lines) lines[l.n - 1] = l.text;
    const parsed = parseDocument(out.doc);
    result = {
      schema: "parse/v1",
      source: { name, format: out.doc.format, sha256 },
      meetings: parsed.meetings,
      diagnostics: [...out.doc.diagnostics, ...parsed.diagnostics],
    };
  } else {
    result = {
      schema: "parse/v1",
      source: { name, format: out.format, sha256 },
      meetings: out.meetings,
      diagnostics: out.diagnostics,
    };
  }
  // Exempt material is flagged before anything downstream sees the result.
  result = markExempt(result, lines, options.exemptRules ?? EXEMPT_RULES);
  const problems = validateParseResult(result);
  if (problems.length)
    throw new ReadError(name, `parser produced invalid parse/v1 output: ${problems.slice(0, 5).join("; ")}`);
  return { result, lines };
}

/** Why bytes that no reader took are not text, as a clause to add to the refusal (or ""). */
export function whyNotText(bytes: Uint8Array): string {
  if (bytes.length === 0) return ": the file is empty";
  const head = bytes.subarray(0, 65536);
  const nul = head.indexOf(0);
  let utf8 = true;
  try {
    // A cut head may end inside a character: leave its last bytes out of the check.
    const whole = head.length === bytes.length;
    new TextDecoder("utf-8", { fatal: true }).decode(whole ? head : head.subarray(0, head.length - 4));
  } catch {
    utf8 = false;
  }
  const parts: string[] = [];
  if (nul >= 0) parts.push(`a NUL byte at offset ${nul}`);
  if (!utf8) parts.push("bytes that are not valid UTF-8");
  if (!parts.length) return "";
  return `: it holds ${parts.join(" and ")}, so it is binary data rather than text`;
}

export async function parseFile(path: string, limits: Limits = DEFAULT_LIMITS): Promise<ParseResult> {
  return (await parseFileWithText(path, limits)).result;
}

/** parseFile, with the extracted text lines as parseBytesWithText gives them (one read of the file). */
export async function parseFileWithText(
  path: string,
  limits: Limits = DEFAULT_LIMITS,
  options: ParseOptions = {},
): Promise<{ result: ParseResult; lines: string[] | null }> {
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new ReadError(path, "not a regular file");
    size = s.size;
  } catch (e) {
    if (e instanceof ReadError) throw e;
    throw new ReadError(path, `cannot open: ${describeFsError(e)}`);
  }
  if (size > limits.maxBytes)
    throw new ReadError(path, `file is ${size} bytes, over the limit of ${limits.maxBytes} bytes`);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new ReadError(path, `cannot read: ${describeFsError(e)}`);
  }
  return parseBytesWithText(basename(path), bytes, limits, options);
}
