/**
 * From one parse/v1 result to the records the store keeps, before any database is involved:
 * exempt material redacted, resolution trees flattened with label paths, procedural items marked,
 * and the searchable paragraphs (agenda item, minute, resolution, report) built with their weights.
 */
import type { Clause, Meeting, Minute, ParseResult, Report, Span } from "../model/parse-v1";
import { wellFormed } from "../search/query";
import type { ParagraphType } from "../store/repository";

/** Items every meeting has; they rank below substance in search. */
const PROCEDURAL = [
  /\bapologies\b/i,
  /\bdeclarations? of (any )?(disclosable )?(pecuniary )?interests?\b/i,
  /\burgent (items?|business)\b/i,
  /\bitems? which the chair(man)? (has )?decided to take as urgent\b/i,
  /\bminutes? of (the )?(previous )?meetings?\b/i,
  /^minutes\b/i,
  /\bdates? of (the )?next meeting\b/i,
  /\bdates? of future meetings\b/i,
  /\bquestion time\b/i,
  /\bquestions asked by members\b/i,
  /\bposition statement/i,
  /\bexclusion of the press and public\b/i,
];

export const PROCEDURAL_WEIGHT = 0.3;

export function isProcedural(title: string): boolean {
  return PROCEDURAL.some((re) => re.test(title));
}

/** Text as stored: C0 controls (other than tab and newline) removed so snippet markers stay unambiguous. */
export function cleanText(s: string): string {
  return wellFormed(s).replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ");
}

export type FlatClause = { label: string | null; path: string; depth: number; text: string };

const labelKey = (label: string | null, index: number): string =>
  (label ?? "").replace(/[^\p{L}\p{N}]+/gu, "") || String(index + 1);

/** Depth-first flattening: clause (b)(ii) gets path "b.ii" and depth 1. */
export function flattenClauses(clauses: Clause[], prefix = "", depth = 0, out: FlatClause[] = []): FlatClause[] {
  clauses.forEach((c, i) => {
    const path = prefix ? `${prefix}.${labelKey(c.label, i)}` : labelKey(c.label, i);
    out.push({ label: c.label, path, depth, text: cleanText(c.text) });
    flattenClauses(c.children, path, depth + 1, out);
  });
  return out;
}

function clauseText(c: Clause): string {
  return [c.label, c.text, ...c.children.map(clauseText)].filter(Boolean).join(" ");
}

/**
 * The version of the exempt-information rules (parse/exempt) a stored document was read under. A
 * document stored under an older version is parsed again and replaced when imported again, even with
 * the same bytes; raise it when the rules find more.
 */
export const EXEMPT_RULES_VERSION = 1;

export const isExempt = (m: Minute): boolean => m.exempt === true || m.exemptParagraphs.length > 0;
export const isExemptReport = (r: Report): boolean => r.exempt === true || (r.exemptParagraphs?.length ?? 0) > 0;

/** An exempt minute keeps its number, title, key-decision flag and Schedule 12A paragraphs; nothing of its content. */
export function redactMinute(m: Minute): Minute {
  if (!isExempt(m)) return m;
  const { votes: _withheld, ...kept } = m;
  return { ...kept, exempt: true, declarations: [], resolutions: [], reasons: [] };
}

/** An exempt report keeps its agenda item, title and paragraphs cited; nothing of its content. */
export function redactReport(r: Report): Report {
  if (!isExemptReport(r)) return r;
  return {
    ...r,
    exempt: true,
    exemptParagraphs: r.exemptParagraphs ?? [],
    author: null,
    recommendations: [],
    officers: [],
    appendices: [],
    backgroundPapers: [],
  };
}

/** The whole parse result with exempt content removed: this is what the documents table keeps. */
export function redactResult(r: ParseResult): ParseResult {
  return {
    ...r,
    meetings: r.meetings.map((m) => ({
      ...m,
      minutes: m.minutes.map(redactMinute),
      reports: m.reports.map(redactReport),
    })),
  };
}

export type ParagraphRow = {
  type: ParagraphType;
  title: string;
  body: string;
  weight: number;
  procedural: boolean;
  keyDecision: boolean | null;
  span: Span;
};

const joinLines = (xs: string[]): string => xs.map(cleanText).join("\n");

export function agendaParagraph(a: Meeting["agenda"][number]): ParagraphRow {
  const procedural = isProcedural(a.title);
  return {
    type: "agenda",
    title: cleanText(a.title),
    body: cleanText(a.reportBy ?? ""),
    weight: procedural ? PROCEDURAL_WEIGHT : 1,
    procedural,
    keyDecision: null,
    span: a.span,
  };
}

/** Lines [startLine, endLine] of the source text, markup and table pipes removed, whitespace collapsed. */
export function spanText(lines: string[] | null | undefined, span: Span, skipFirst = false): string {
  if (!lines?.length) return "";
  const from = Math.max(0, span.startLine - 1 + (skipFirst ? 1 : 0));
  const to = Math.min(lines.length, span.endLine);
  return cleanText(
    lines
      .slice(from, to)
      .join("\n")
      .replace(/<\/?[a-zA-Z][^>]*>/g, "")
      .replace(/\*\*|__|\|/g, " ")
      .replace(/[ \t]+/g, " "),
  ).trim();
}

/**
 * One minute row and one row per top-level resolution clause; exempt: the title only. The minute's
 * body is its source text when the lines are given (so the discussion is searchable), else its resolutions.
 */
export function minuteParagraphs(m: Minute, lines?: string[] | null): ParagraphRow[] {
  const procedural = isProcedural(m.title);
  const weight = procedural ? PROCEDURAL_WEIGHT : 1;
  const red = redactMinute(m);
  const rows: ParagraphRow[] = [
    {
      type: "minute",
      title: cleanText(m.title),
      body: isExempt(m) ? "" : spanText(lines, m.span, true) || joinLines(red.resolutions.map(clauseText)),
      weight,
      procedural,
      keyDecision: m.keyDecision,
      span: m.span,
    },
  ];
  for (const c of red.resolutions)
    rows.push({
      type: "resolution",
      title: cleanText(m.title),
      body: cleanText(clauseText(c)),
      weight,
      procedural,
      keyDecision: m.keyDecision,
      span: m.span,
    });
  return rows;
}

/**
 * A report's row; its body is the report's whole text when the lines are given (so what the report says,
 * not only what it recommends, is searchable), else its recommendations; exempt: the title only.
 */
export function reportParagraph(r: Meeting["reports"][number], lines?: string[] | null): ParagraphRow {
  const procedural = isProcedural(r.title);
  return {
    type: "report",
    title: cleanText(r.title),
    body: isExemptReport(r) ? "" : spanText(lines, r.span, true) || joinLines(r.recommendations),
    weight: procedural ? PROCEDURAL_WEIGHT : 1,
    procedural,
    keyDecision: null,
    span: r.span,
  };
}

/** Does the parse report a warning or an error? (Counted in the import summary.) */
export const hasWarnings = (r: ParseResult): boolean => r.diagnostics.some((d) => d.level !== "info");

/** Committee names compared without case, punctuation or a leading "The". */
export function committeeKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/^the\s+/, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
