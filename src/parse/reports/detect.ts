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
import { headingKind } from "./sections";

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
    // A cover of labelled fields: "From: <officer>" / "To: <meeting>" / "Subject: <title>", or a
    // "Report to: / Date: / Subject: / Report of:" table.
    if (/^\s*\|?\s*[A-Za-z][A-Za-z /&'()-]{0,38}:/.test(doc.lines[n - 1].text.slice(0, 44))) {
      const cover = labelledCover(doc, n, to);
      if (cover) {
        heads.push(cover);
        n = cover.headEnd + 1;
        continue;
      }
    }
    // "Report of the Director of Finance" in ordinary case under the report's title.
    if (/^\s*(?:Joint\s+)?Reports?\s+(?:of|by|from)\s/.test(doc.lines[n - 1].text.slice(0, 30))) {
      const titled = titleAboveAuthor(doc, n, from, to, skip);
      if (titled) {
        heads.push(titled);
        n = titled.headEnd + 1;
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

/** The nearest line with text above line n (within `reach` lines), or null. */
function textAbove(doc: SourceDocument, n: number, floor: number, reach: number): number | null {
  for (let k = n - 1; k >= Math.max(floor, n - reach); k--) if (clean(doc.lines[k - 1]?.text ?? "")) return k;
  return null;
}

/**
 * A report whose cover is its title in ordinary case, then "Report of the Director of X" (and
 * perhaps the meeting and date): the title is the line just above the author line, set apart from
 * what precedes it, unnumbered (an agenda item with its "Report of" note is not a report) and
 * without closing punctuation; the report's first section or a dated line must follow within a few
 * lines, so a stray "Report of" sentence is not taken for a cover.
 */
function titleAboveAuthor(
  doc: SourceDocument,
  n: number,
  from: number,
  to: number,
  skip: (n: number) => boolean,
): ReportHead | null {
  const authorText = clean(doc.lines[n - 1].text);
  if (authorText.length > 150 || /[.;]$/.test(authorText)) return null;
  const t = textAbove(doc, n, from, 3);
  if (t === null || skip(t)) return null;
  const title = clean(doc.lines[t - 1].text);
  if (title.length < 4 || title.length > 200 || /^\d|[.:;,]$/.test(title) || agendaItemStamp(title)) return null;
  if (/^(?:Joint\s+)?Reports?\s+(?:of|by|from)\s/i.test(title) || doc.lines[t - 1].cells?.length) return null;
  // Set apart: a blank line, a page start or a stamp above the title.
  const above = textAbove(doc, t, from, 1);
  if (above !== null && !agendaItemStamp(clean(doc.lines[above - 1].text))) {
    const dated = clean(doc.lines[above - 1].text);
    // A dated header line ("Cabinet – 5 March 2025") may sit above the title; a sentence may not.
    if (
      !(findDate(dated) && dated.length <= 120 && !/[.;:]$|\bnext\s+meeting\b/i.test(dated)) ||
      textAbove(doc, above, from, 1) !== null
    )
      return null;
  }
  // What follows: a dated line (the meeting) or a section heading, within four lines of text.
  let meetingLine: number | null = null;
  let seen = 0;
  let confirmed = false;
  for (let k = n + 1; k <= Math.min(to, n + 10) && seen < 4; k++) {
    const x = clean(doc.lines[k - 1]?.text ?? "");
    if (!x) continue;
    seen++;
    if (seen === 1 && findDate(x) && x.length <= 120) {
      meetingLine = k;
      confirmed = true;
      continue;
    }
    if (headingKind(doc.lines[k - 1].text)) {
      confirmed = true;
      break;
    }
  }
  if (!confirmed) return null;
  const datedAbove = t > from ? textAbove(doc, t, from, 2) : null;
  const headerLine =
    datedAbove !== null &&
    findDate(clean(doc.lines[datedAbove - 1].text)) &&
    !/[.;:]$|\bnext\s+meeting\b/i.test(clean(doc.lines[datedAbove - 1].text)) &&
    !agendaItemStamp(doc.lines[datedAbove - 1].text)
      ? datedAbove
      : t;
  const head = makeHead(doc, headerLine, { title: null, author: null, end: meetingLine ?? n });
  const meetingText = meetingLine
    ? clean(doc.lines[meetingLine - 1].text)
    : headerLine !== t
      ? clean(doc.lines[headerLine - 1].text)
      : null;
  return {
    ...head,
    title,
    titleLine: t,
    author: clean(authorText.replace(/^(?:Joint\s+)?Reports?\s+(?:of|by|from)\s+(?:the\s+)?/i, "")),
    meeting: meetingText ? meetingNamed(meetingText) : null,
    headEnd: meetingLine ?? n,
  };
}

/** The label and value of a cover field: "Subject: X", a table row ["Subject:", "X"], or a label alone. */
function coverField(doc: SourceDocument, n: number): { label: string; value: string } | null {
  const line = doc.lines[n - 1];
  if (!line) return null;
  const cells = line.cells?.map((c) => clean(c)).filter(Boolean);
  if (cells && cells.length === 2 && cells[0].length <= 40) {
    const label = cells[0].replace(/\s*:$/, "");
    if (COVER_LABEL.test(label)) return { label, value: cells[1] };
  }
  const t = clean(line.text);
  const m = /^([A-Za-z][A-Za-z /&'-]{0,38}?)\s*:\s*(.*)$/.exec(t.slice(0, 400));
  if (!m || !COVER_LABEL.test(m[1])) return null;
  return { label: m[1], value: m[2].trim() };
}

const TITLE_LABEL = /^(?:subject|title|report title|title of report|report name|subject of report|report subject)$/i;
const AUTHOR_LABEL =
  /^(?:from|report of|report by|report from|reporting officer|lead director|responsible director|director|submitted by)$/i;
const MEETING_LABEL = /^(?:to|report to|meeting|committee|meeting of|decision maker|decision-maker|for)$/i;
const DATE_LABEL = /^(?:date|date of meeting|meeting date|date of report)$/i;
/** Every label a report's cover carries, so the block can be read past those it does not use. */
const COVER_LABEL =
  /^(?:subject|title|report title|title of report|report name|subject of report|report subject|from|report of|report by|report from|reporting officer|lead director|responsible director|director|submitted by|to|report to|meeting|committee|meeting of|decision maker|decision-maker|for|date|date of meeting|meeting date|date of report|classification|decision no|key decision|wards? affected|ward\(s\)|wards?|portfolio|portfolio holder|cabinet member|lead member|status|report number|report no|reference|exempt|is the (?:report|decision) exempt|public|open|forward plan|purpose|report author|author|contact officer|lead officer|item|agenda item)$/i;

/**
 * A report cover of labelled fields, as lines ("From: …", "To: …", "Subject: …") or as a table of
 * label and value rows ("Report to: | Cabinet", "Date: | 5 March", "Subject: | …", "Report of: | …"):
 * a run of cover fields (blank lines allowed between) naming the report's title and its meeting or
 * author. Values may continue on the lines below a field. Null when line n does not start one.
 */
function labelledCover(doc: SourceDocument, n: number, to: number): ReportHead | null {
  const first = coverField(doc, n);
  // An officer's own line ("Report author: …") closes the report before; it does not open a cover.
  if (!first || /^(?:report author|author|contact officer|lead officer)$/i.test(first.label)) return null;
  let title: { value: string; line: number } | null = null;
  let author: string | null = null;
  let meeting: string | null = null;
  let date: string | null = null;
  let end = n;
  let blanks = 0;
  for (let k = n; k <= Math.min(to, n + 24); k++) {
    if (isBlankAt(doc, k) || !clean(doc.lines[k - 1].text)) {
      if (++blanks > 1) break;
      continue;
    }
    blanks = 0;
    const f = coverField(doc, k);
    if (!f) {
      // A value wrapped under its field ("Subject: Review of the" / "Statement of Licensing Policy").
      const prevField = coverField(doc, end);
      if (k === end + 1 && prevField && !doc.lines[k - 1].cells && title?.line === end && title.value) {
        title.value = `${title.value} ${clean(doc.lines[k - 1].text)}`;
        end = k;
        continue;
      }
      break;
    }
    end = k;
    if (TITLE_LABEL.test(f.label) && !title) title = { value: f.value, line: k };
    else if (AUTHOR_LABEL.test(f.label) && !author) author = f.value || null;
    else if (MEETING_LABEL.test(f.label) && !meeting) meeting = f.value || null;
    else if (DATE_LABEL.test(f.label) && !date) date = f.value || null;
  }
  if (!title?.value || (!author && !meeting)) return null;
  const head = makeHead(doc, n, { title: null, author: null, end });
  const named = meeting ? meetingNamed(date ? `${meeting} ${date}` : meeting) : null;
  return {
    ...head,
    title: clean(title.value),
    titleLine: title.line,
    author: author ? authorOf(author).replace(/^(?:the\s+)/i, "") : null,
    meeting: named,
    headEnd: end,
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
