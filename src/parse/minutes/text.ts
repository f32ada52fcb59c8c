/**
 * Text helpers for the minutes parser: cleaning a line (NBSP, tabs, bullets, Modern.Gov link
 * debris), splitting a line range into blocks (paragraphs and list entries), joining wrapped and
 * page-broken lines, and reading clause labels such as "(a)", "b)", "(iii)", "ii.", "(2)".
 */
import type { Line } from "../../model/document";

/** Whitespace collapsed, NBSPs and tabs as spaces; not trimmed of bullets. */
const NEEDS_SQUASH = /[\u00a0\u2007\u202f\t\f\v]| {2}/;

export function squash(s: string): string {
  // One scan decides; most lines need only a trim.
  if (!NEEDS_SQUASH.test(s)) return s.trim();
  return s
    .replace(/[\u00a0\u2007\u202f\t\f\v]/g, " ")
    .replace(/ {2,}/g, " ")
    .trim();
}

/** A bullet at the start of a line: "- ", "• ", "● ", "▪ ", "* " (pdftotext and Markdown lists). */
const BULLET = /^(?:[-•●▪◦‣∙·*]|o(?= ))\s+/;

function stripBullet(s: string): string {
  return s.replace(BULLET, "");
}

/** "Title. pdf icon PDF 373 KB" → "Title." (Modern.Gov attachment link text). */
export function stripPdfLink(s: string): string {
  return s.replace(/\s*(?:pdf icon\s*)?\bPDF\s*\d+(?:\.\d+)?\s*[KM]B\s*$/i, "");
}

/** Lines that carry no content: page numbers, blank-page markers, "Page 3 of 7". */
export function isNoiseText(t: string): boolean {
  if (t.length > 80) return false;
  if (/^\d{1,4}$/.test(t)) return true;
  if (/^page \d{1,4}(?: of \d{1,4})?$/i.test(t)) return true;
  if (/^(?:this page is intentionally (?:left )?blank\.?)$/i.test(t)) return true;
  return false;
}

/**
 * Joins wrapped lines into one string: a line ending in a letter and a hyphen joins the next
 * without a space (keeping the hyphen, which the source may mean); otherwise a single space.
 */
export function joinTexts(parts: string[]): string {
  let out = "";
  for (const t of parts) {
    // Parts arrive squashed.
    if (!t) continue;
    if (!out) out = t;
    else if (/[A-Za-z0-9]-$/.test(out) && !/^(?:and|or)\b/.test(t)) out += t;
    else out += ` ${t}`;
  }
  return out;
}

export type LabelKind = "letter" | "roman" | "number" | "upper";
export type Labelled = { label: string; kind: LabelKind; ambiguousRoman: boolean; rest: string; bracketed: boolean };

const ROMAN = /^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii|xiii|xiv|xv|xvi|xvii|xviii|xix|xx)$/;

/**
 * Reads a clause label at the start of `text` (bullet already stripped): "(a) ", "a) ", "a. ",
 * "(iv) ", "iv. ", "(2) ", "2) ", "A) ". Returns null when the text does not start with one.
 */
export function readLabel(text: string): Labelled | null {
  const t = text.length > 40 ? text.slice(0, 40) : text;
  const m = /^(\()?([a-z]{1,5}|[A-Z]|\d{1,3})([).])(?=\s|$)/.exec(t);
  if (!m) return null;
  const bracketed = !!m[1];
  const raw = m[2];
  const dotted = m[3] === ".";
  if (bracketed && dotted) return null;
  let kind: LabelKind;
  if (/^\d+$/.test(raw)) kind = "number";
  else if (/^[A-Z]$/.test(raw)) kind = "upper";
  else if (ROMAN.test(raw)) kind = "roman";
  else if (raw.length === 1) kind = "letter";
  else return null;
  if (dotted && kind === "upper") return null; // "A. Smith" is an initial
  const ambiguousRoman = kind === "roman" && raw.length === 1; // i, v, x could be letters
  return { label: raw, kind, ambiguousRoman, rest: text.slice(m[0].length).trimStart(), bracketed };
}

export type Block = {
  start: number; // doc line number
  end: number;
  text: string; // joined, cleaned, bullet kept off
  bulleted: boolean;
  indent: number;
  /** blank lines between the previous block and this one */
  gapBefore: number;
  /** the block is a table row (the reader saw cells) */
  cells: boolean;
  /** the first line's non-empty cells, when it has cells */
  cellTexts?: string[];
};

/**
 * One line (or one piece of a long line) as the minutes parser sees it. `sq`, when set, is `text`
 * already squashed: the parser squashes each line once and the helpers reuse it.
 */
export type LineView = { n: number; raw: string; text: string; line: Line; virtual?: boolean; sq?: string };

/** The view's text squashed, computed once where the caller stored it. */
function squashed(l: LineView): string {
  return l.sq ?? squash(l.text);
}

const INLINE_ITEM = /(^|[.:;!?)\]”’"]\s+|\s)(\d{1,2})\.\s+(?=[A-Z])/g;

/**
 * A whole paragraph of minutes on one physical line ("... 1. Apologies for Absence ... 2.
 * Declaration of Interest ...", as in parish minutes pasted into web pages) is cut before each
 * inline item number of one consecutive run (1., 2., 3. ...), so items can be found; the pieces
 * keep the physical line's number. Short lines are returned whole.
 */
export function splitLongLine(text: string, state: { expected: number } = { expected: -1 }): string[] {
  if (text.length < 400) return [text];
  const cuts: number[] = [];
  const carried = state.expected > 0;
  let expected = state.expected;
  INLINE_ITEM.lastIndex = 0;
  let m: RegExpExecArray | null = INLINE_ITEM.exec(text);
  while (m) {
    const num = Number(m[2]);
    if ((expected < 0 && num <= 2) || num === expected) {
      cuts.push(m.index + m[1].length);
      expected = num + 1;
    }
    m = INLINE_ITEM.exec(text);
  }
  if (cuts.length < (carried ? 1 : 2)) return [text];
  state.expected = expected;
  const out: string[] = [];
  let prev = 0;
  for (const c of cuts) {
    if (c > prev) out.push(text.slice(prev, c).trimEnd());
    prev = c;
  }
  out.push(text.slice(prev));
  return out.filter((x) => x.trim() !== "");
}

/** Starts a new block inside a run of lines: a bullet, a clause label or "RESOLVED". */
export function startsNewBlock(raw: string): boolean {
  const t = raw.replace(/[\u00a0]/g, " ").trimStart();
  if (BULLET.test(t)) return true;
  if (/^\(?(?:[a-z]{1,4}|[A-Z]|\d{1,3})\)\s/.test(t)) return true;
  if (/^(?:\d{1,3}|[ivx]{1,5})\.\s/.test(t)) return true;
  if (/^(?:RESOLVED|AGREED|DECIDED)\b/.test(t)) return true;
  if (/^(?:Decisions?|DECISIONS?|Resolved)\s*:/.test(t)) return true;
  if (/^REASONS? FOR (?:THE )?DECISIONS?\b/i.test(t)) return true;
  if (/^\(KEY DECISION\)/i.test(t)) return true;
  return false;
}

/** Splits lines into blocks at blank lines and at lines that start a list entry. */
export function toBlocks(lines: LineView[]): Block[] {
  const blocks: Block[] = [];
  let cur: LineView[] = [];
  let gap = 0;
  let pendingGap = 0;
  const flush = () => {
    if (!cur.length) return;
    const first = cur[0].raw === cur[0].text ? squashed(cur[0]) : squash(cur[0].raw);
    const bulleted = BULLET.test(first);
    const indent = cur[0].raw.length - cur[0].raw.replace(/^[\s\u00a0]+/, "").length;
    blocks.push({
      start: cur[0].n,
      end: cur[cur.length - 1].n,
      text: joinTexts(cur.map((l, i) => (i === 0 ? stripBullet(squashed(l)) : squashed(l)))),
      bulleted,
      indent,
      gapBefore: gap,
      cells: cur.some((l) => !!l.line.cells),
      cellTexts: cur[0].line.cells?.filter((c) => c.trim() !== ""),
    });
    cur = [];
  };
  for (const l of lines) {
    const t = squashed(l);
    if (!t || isNoiseText(t)) {
      if (!t) pendingGap++;
      if (cur.length) {
        flush();
      }
      continue;
    }
    if (cur.length && (startsNewBlock(l.text) || l.line.cells || cur[cur.length - 1].line.cells)) flush();
    if (!cur.length) {
      gap = pendingGap;
      pendingGap = 0;
    }
    cur.push(l);
  }
  flush();
  return blocks;
}

/** Ends with sentence-final or list-final punctuation (so a following line is not a continuation). */
export function endsTerminal(s: string): boolean {
  return /[.;:!?)\]"'”’]$|:-$/.test(s.trimEnd());
}

export function startsLower(s: string): boolean {
  return /^[a-z]/.test(s);
}
