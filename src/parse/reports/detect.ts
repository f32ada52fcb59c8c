/**
 * Where officer reports start in a pack, and their title and author. A report opens with a header
 * naming the meeting and its date in capitals ("CABINET – 10TH MARCH 2017", or the committee on one
 * line and "17 JANUARY 2017" on the next), optionally preceded by an "Agenda Item N" stamp, then the
 * title and a "REPORT OF THE ..." author line in either order (sometimes glued into one bold run).
 * A report with no dated header is found from its "REPORT OF" line. Pure.
 */
import type { SourceDocument } from "../../model/document";
import { findDate, isDateOnly } from "../common/dates";
import { isBlankAt, type Segment, segmentsOf } from "../common/lines";
import { agendaItemStamp, clean, isUpperLine } from "../common/text";

export type ReportHead = {
  /** First line of the report (the stamp, or the header). */
  start: number;
  header: number;
  title: string | null;
  titleLine: number | null;
  author: string | null;
  stamp: string | null;
  /** Last line of the title/author block. */
  headEnd: number;
  /** The meeting the header names ("CABINET – 10 MARCH 2017", "To: County Council – 9th January 2025"). */
  meeting: { body: string; date: string | null } | null;
};

/** "CABINET – 10TH MARCH 2017" → body "CABINET", date 2017-03-10; a body with no date when none is printed. */
export function meetingNamed(text: string, nextLine?: string): { body: string; date: string | null } | null {
  const t = clean(text);
  const d = findDate(t);
  const body = (d ? t.slice(0, d.index) : t)
    .replace(/\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/i, "")
    .replace(/[\s,:;–—-]+$/, "")
    .trim();
  if (body.length < 3 || body.length > 120) return null;
  const date = d?.iso ?? (nextLine && isDateOnly(clean(nextLine)) ? (findDate(clean(nextLine))?.iso ?? null) : null);
  return { body, date };
}

type Block = { text: string; first: number; last: number };

const AUTHOR = /^(?:JOINT )?REPORTS? (?:OF|BY) (?:THE )?/;
const PART = /^PART [A-D]$/;

/** Blocks of text from line `from`: blank lines separate them, and so do glued bold runs. */
function blocksFrom(doc: SourceDocument, from: number, firstSegments: Segment[], maxLines: number): Block[] {
  const blocks: Block[] = [];
  let cur: Block | null = null;
  const push = () => {
    if (cur) blocks.push(cur);
    cur = null;
  };
  const addSegments = (segs: Segment[], continuing: boolean) => {
    segs.forEach((s, i) => {
      if (i === 0 && continuing && cur) {
        cur.text = `${cur.text} ${s.text}`;
        cur.last = s.line;
      } else {
        push();
        cur = { text: s.text, first: s.line, last: s.line };
      }
    });
  };
  addSegments(firstSegments, false);
  let prevBlank = false;
  for (let n = from; n < from + maxLines && n <= doc.lines.length; n++) {
    if (isBlankAt(doc, n)) {
      prevBlank = true;
      continue;
    }
    addSegments(segmentsOf(n, doc.lines[n - 1].text), !prevBlank);
    prevBlank = false;
    if (blocks.length > 8) break;
  }
  push();
  return blocks;
}

/** Reads title and author from the blocks after a header; null when there is no title. */
function readHead(blocks: Block[]): { title: Block | null; author: Block | null; end: number } {
  let title: Block | null = null;
  let author: Block | null = null;
  let end = 0;
  for (const b of blocks) {
    if (PART.test(b.text) || agendaItemStamp(b.text)) {
      end = b.last;
      continue;
    }
    if (AUTHOR.test(b.text) && !author) {
      author = b;
      end = b.last;
      continue;
    }
    if (isUpperLine(b.text) && !title && b.text.length <= 400) {
      title = b;
      end = b.last;
      continue;
    }
    break;
  }
  return { title, author, end };
}

export function authorOf(text: string): string {
  const a = clean(text).replace(AUTHOR, "");
  // Joint authors: "X AND THE Y", "X AND DIRECTOR OF Y" → "X and Y".
  return a
    .replace(/\s+AND THE\s+(?=[A-Z])/g, " and ")
    .replace(/\s+AND\s+(?=(?:CHIEF|DIRECTOR|HEAD|THE)\b)/g, " and ")
    .trim();
}

/**
 * A dated meeting header starting on line n (whose first segment is `first`): the date on the line,
 * a date alone on the next line, or a date that wraps from the end of the line onto the next ("...
 * SCRUTINY COMMITTEE – 7" / "JANUARY 2021"), which a long committee name in a narrow page does.
 * `text` is the header as one line.
 */
function isHeader(doc: SourceDocument, n: number, first: string): { dateLine: number | null; text: string } | null {
  if (first.length > 150 || !isUpperLine(first)) return null;
  if (findDate(first)) return { dateLine: null, text: first };
  const next = clean(doc.lines[n]?.text ?? "");
  if (isDateOnly(next)) return { dateLine: n + 1, text: `${first} ${next}` };
  if (next && next.length <= 40 && /[A-Z0-9]$/.test(first)) {
    const joined = `${first} ${next}`;
    const d = findDate(joined);
    // The date starts on the first line and ends the second: nothing but the date's tail is below.
    if (
      d &&
      d.index < first.length &&
      d.index + d.length > first.length &&
      !/[A-Z0-9]/.test(joined.slice(d.index + d.length))
    )
      return { dateLine: n + 1, text: joined };
  }
  return null;
}

/**
 * The line above a dated header that holds the start of its committee name, wrapped ("... SERVICES
 * SCRUTINY" / "PANEL – 14 MARCH 2023"): directly above it, in capitals (bold when the header is),
 * without a date or closing punctuation, long enough to have wrapped, and the first text of its
 * page (after a blank line or the stamp where the document has no pages). Null when there is none.
 */
function wrappedNameAbove(doc: SourceDocument, n: number, floor: number, skip: (n: number) => boolean): number | null {
  const k = n - 1;
  if (k < floor || skip(k)) return null;
  const line = doc.lines[k - 1];
  const header = doc.lines[n - 1];
  const t = clean(line.text);
  if (t.length < 40 || t.length > 150 || line.page !== header.page || (header.bold && !line.bold)) return null;
  if (!isUpperLine(t) || /[.:;]$/.test(t) || AUTHOR.test(t) || PART.test(t) || findDate(t)) return null;
  let blankBefore = false;
  for (let j = k - 1; j >= 1; j--) {
    const before = doc.lines[j - 1];
    if (before.page !== line.page) return k;
    if (isBlankAt(doc, j)) {
      blankBefore = true;
      continue;
    }
    if (agendaItemStamp(before.text)) return k;
    return line.page === null && blankBefore ? k : null;
  }
  return k;
}

/** Finds report heads in lines [from, to], skipping lines `skip` says belong to something else. */
export function findReportHeads(
  doc: SourceDocument,
  from: number,
  to: number,
  skip: (n: number) => boolean,
): ReportHead[] {
  const heads: ReportHead[] = [];
  let n = from;
  while (n <= to) {
    if (skip(n) || isBlankAt(doc, n)) {
      n++;
      continue;
    }
    const lead = doc.lines[n - 1].text.slice(0, 12);
    // A memo-style head: "From: <officer>" / "To: <meeting>" / "Subject: <title>".
    if (/^\s*From\s*:/i.test(lead)) {
      const memo = memoHead(doc, n, to);
      if (memo) {
        heads.push(memo);
        n = memo.headEnd + 1;
        continue;
      }
    }
    // Headers and author lines start in capitals; skip the rest cheaply.
    if (!/^[\s*-]*[A-Z][A-Z]/.test(lead) || /[a-z]/.test(doc.lines[n - 1].text.slice(0, 20))) {
      n++;
      continue;
    }
    const segs = segmentsOf(n, doc.lines[n - 1].text);
    const h = segs.length ? isHeader(doc, n, segs[0].text) : null;
    let found: ReportHead | null = null;
    if (h) {
      const after = h.dateLine ? h.dateLine + 1 : n + 1;
      const blocks = blocksFrom(doc, after, segs.slice(1), 16);
      const r = readHead(blocks);
      if (r.title) {
        const floor = Math.max(from, heads.length ? heads[heads.length - 1].headEnd + 1 : from);
        const above = AUTHOR.test(h.text) ? null : wrappedNameAbove(doc, n, floor, skip);
        const header = above ?? n;
        const text = above ? `${clean(doc.lines[above - 1].text)} ${h.text}` : h.text;
        found = { ...makeHead(doc, header, r), meeting: AUTHOR.test(h.text) ? null : meetingNamed(text) };
      }
    } else if (segs.length && AUTHOR.test(segs[0].text) && isUpperLine(segs[0].text)) {
      // No dated header: the title is the upper-case block just above the author line, if any.
      let start = n;
      for (let k = n - 1; k >= Math.max(from, n - 6); k--) {
        const t = clean(doc.lines[k - 1].text);
        if (!t) continue;
        if (isUpperLine(t) && !AUTHOR.test(t)) start = k;
        else break;
      }
      const blocks = blocksFrom(doc, start + 1, segmentsOf(start, doc.lines[start - 1].text), 12);
      const r = readHead(blocks);
      if (r.title || r.author) found = makeHead(doc, start, r);
    }
    if (found) {
      heads.push(found);
      n = Math.max(found.headEnd, n) + 1;
    } else n++;
  }
  return heads;
}

/** "Label: value" on a line (value continued on following lines up to a blank or another label). */
function labelled(doc: SourceDocument, n: number, label: RegExp, to: number): { value: string; last: number } | null {
  const t = clean(doc.lines[n - 1]?.text ?? "");
  const m = label.exec(t);
  if (!m) return null;
  let value = t.slice(m[0].length).trim();
  let last = n;
  for (let k = n + 1; k <= Math.min(to, n + 3); k++) {
    const next = clean(doc.lines[k - 1]?.text ?? "");
    if (!next || /^[A-Z][A-Za-z ]{1,25}:/.test(next)) break;
    value = `${value} ${next}`;
    last = k;
  }
  return { value: clean(value), last };
}

/** A memo-style report head: "From:", "To:", "Subject:" (and "Classification:") in the first lines. */
function memoHead(doc: SourceDocument, n: number, to: number): ReportHead | null {
  const from = labelled(doc, n, /^From\s*:/i, to);
  if (!from) return null;
  let subject: { value: string; last: number; line: number } | null = null;
  let addressee: string | null = null;
  let end = from.last;
  for (let k = from.last + 1; k <= Math.min(to, n + 12); k++) {
    const s = labelled(doc, k, /^(?:Subject|Title|Report title)\s*:/i, to);
    if (s) {
      subject = { ...s, line: k };
      end = s.last;
      break;
    }
    const to_ = labelled(doc, k, /^To\s*:/i, to);
    if (to_) addressee ??= to_.value;
    if (to_ || labelled(doc, k, /^(?:Date|Decision No|Key decision)\s*:/i, to)) end = k;
  }
  if (!subject?.value) return null;
  const classification =
    labelled(doc, end + 1, /^Classification\s*:/i, to) ?? labelled(doc, end + 2, /^Classification\s*:/i, to);
  const head = makeHead(doc, n, { title: null, author: null, end });
  return {
    ...head,
    title: subject.value,
    titleLine: subject.line,
    author: from.value || null,
    meeting: addressee ? meetingNamed(addressee) : null,
    headEnd: classification ? classification.last : end,
  };
}

function makeHead(
  doc: SourceDocument,
  header: number,
  r: { title: Block | null; author: Block | null; end: number },
): ReportHead {
  let start = header;
  let stamp: string | null = null;
  for (let k = header - 1; k >= Math.max(1, header - 6); k--) {
    const t = clean(doc.lines[k - 1].text);
    if (!t) continue;
    stamp = agendaItemStamp(t);
    if (stamp) start = k;
    break;
  }
  // A PDF reader lifts the stamp off the page into the furniture; the report's first page carries it.
  const page = doc.lines[header - 1]?.page ?? null;
  if (!stamp && page !== null) {
    for (const f of doc.furniture) {
      if (f.page !== page || f.kind !== "stamp") continue;
      stamp = agendaItemStamp(f.text);
      if (stamp) break;
    }
  }
  let author = r.author ? authorOf(r.author.text) : null;
  let title = r.title ? clean(r.title.text) : null;
  // A title that is itself "FINAL REPORT OF THE X" names its author.
  if (!author && title) {
    const m = /\bREPORT OF (?:THE )?(.{3,200})$/.exec(title);
    if (m) author = clean(m[1]);
  }
  if (title === "") title = null;
  const headerText = segmentsOf(header, doc.lines[header - 1]?.text ?? "")[0]?.text ?? "";
  return {
    start,
    header,
    title,
    titleLine: r.title?.first ?? null,
    author,
    stamp,
    meeting: AUTHOR.test(headerText) ? null : meetingNamed(headerText, doc.lines[header]?.text),
    headEnd: Math.max(r.end, header),
  };
}
