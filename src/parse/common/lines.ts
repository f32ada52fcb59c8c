/**
 * Line-level helpers over a SourceDocument: spans with the page of their first line, cleaned text by
 * line number, and "segments" (a line's text split where a PDF conversion glued separate bold runs
 * together, e.g. "CABINET – 10 MARCH 2017COMMUNITY SPEED ENFORCEMENTREPORT OF THE ...").
 */
import type { Line, SourceDocument } from "../../model/document";
import type { Span } from "../../model/parse-v1";
import { clean, head, isBlank } from "./text";

export function lineAt(doc: SourceDocument, n: number): Line | undefined {
  return doc.lines[n - 1];
}

/** Cleaned text of line n ("" past the end). */
export function textAt(doc: SourceDocument, n: number): string {
  const l = doc.lines[n - 1];
  return l ? clean(l.text) : "";
}

export function isBlankAt(doc: SourceDocument, n: number): boolean {
  const l = doc.lines[n - 1];
  return !l || isBlank(l.text);
}

/** A span over lines [start, end]; the page is that of the first line. */
export function spanOf(doc: SourceDocument, start: number, end: number): Span {
  const s = Math.max(1, Math.min(start, doc.lines.length || 1));
  const e = Math.max(s, Math.min(end, doc.lines.length || 1));
  return { startLine: s, endLine: e, page: doc.lines[s - 1]?.page ?? null };
}

/** Next non-blank line at or after n (within limit), or null. */
export function nextNonBlank(doc: SourceDocument, n: number, limit = doc.lines.length): number | null {
  for (let i = n; i <= Math.min(limit, doc.lines.length); i++) if (!isBlankAt(doc, i)) return i;
  return null;
}

export type Segment = { line: number; text: string };

/**
 * Splits glued upper-case runs: after a year followed by a capital ("2017COMMUNITY"), before
 * "REPORT OF" glued to a capital, and around "PART A"/"PART B" glued to neighbours.
 */
export function segmentsOf(n: number, text: string): Segment[] {
  const t = head(text, 1000)
    .replace(/(\b\d{4})(?=[A-Z]{2})/g, "$1\u0000")
    .replace(/([A-Z)])(?=(?:JOINT )?REPORT OF\b)/g, "$1\u0000")
    .replace(/([A-Z)])(?=PART [A-D](?:[^A-Za-z]|[A-Z][a-z]|$))/g, "$1\u0000")
    .replace(/(\bPART [A-D])(?=[A-Z][a-z])/g, "$1\u0000");
  return t
    .split("\u0000")
    .map((s) => clean(s))
    .filter(Boolean)
    .map((s) => ({ line: n, text: s }));
}
