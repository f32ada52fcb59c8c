/**
 * The agenda list of a front sheet: numbered items in plain lines, bulleted lines, TAB rows and pipe
 * tables (all in one list), titles wrapped over lines or split by a page break, page ranges orphaned
 * on their own line, and sub-notes under items. Scans from `from` and stops where the list ends.
 */
import type { SourceDocument } from "../../model/document";
import type { AgendaItem, Diagnostic } from "../../model/parse-v1";
import { spanOf } from "../common/lines";
import { clean, hasBlankPagePhrase, head, isBlankPageMarker, isUpperLine, stripBullet } from "../common/text";
import { isPagesOnly, itemFields, takePages } from "./items";

export type AgendaResult = { items: AgendaItem[]; endLine: number; diagnostics: Diagnostic[] };

/** "1." "10." "6a." "6(a)": an item number cell. */
const NUMBER_CELL = /^(\d{1,3}(?:[a-z]|\([a-z]\)|\.\d{1,2})?)[.)]?$/;
/** "1. Title", "- 2. Title", "6a) Title": an item at the start of a plain line. */
const NUMBERED_LINE = /^(\d{1,3}(?:[a-z]|\([a-z]\)|\.\d{1,2})?)[.)]\s+(?=[A-Za-z(‘'"“]|\d{1,4}\/\d)(.*)$/;

/** "7.1 To approve the payments": a sub-item numbered under its item with no stop after the number. */
const DECIMAL_SUB = /^(\d{1,3}\.\d{1,2})\s+(?=[A-Z(‘'"“]|\d{1,4}\/\d)(.*)$/;

/** Roman numerals a sub-item list counts in: "i.", "(ii)", "iv)". */
const ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];

type Draft = {
  number: string;
  pieces: string[];
  start: number;
  end: number;
  /** The next line directly below may still continue the title (nothing else came between). */
  open: boolean;
  /** Length of the title's last physical line when it was a single column (a wrapped line is long). */
  lastPlain: number;
  orphanPages?: { start: number; end: number };
  /** The title already wrapped inside its table column, so an unfinished title may wrap again. */
  wrapping?: boolean;
  /** Lines under the item that are not part of it (notes, page furniture), reported not kept. */
  notes: number[];
  /** The item's first line came after a blank line. */
  afterBlank: boolean;
  /** The list sets its items apart with blank lines (this item and the one before both follow one). */
  setApart: boolean;
};

function major(n: string): number {
  return Number.parseInt(n, 10);
}

/** Reads the item number and the pieces after it, or null when the line is not an item. */
function readItem(text: string, cells: string[] | undefined): { number: string; pieces: string[] } | null {
  if (cells && cells.length >= 2) {
    const cs = cells.map((c) => clean(stripBullet(c)));
    const first = cs.findIndex((c) => c !== "");
    if (first < 0 || first > 1) return null;
    if (first === 1 && cs[0] === "" && !NUMBER_CELL.test(cs[1])) return null;
    const m = NUMBER_CELL.exec(cs[first]);
    if (m) return { number: m[1], pieces: cs.slice(first + 1) };
    const n = NUMBERED_LINE.exec(head(cs[first]));
    if (n) return { number: n[1], pieces: [n[2], ...cs.slice(first + 1)] };
    return null;
  }
  const t = clean(stripBullet(text));
  const n = NUMBERED_LINE.exec(head(t)) ?? DECIMAL_SUB.exec(head(t));
  if (n) return { number: n[1], pieces: [n[2]] };
  // "3 English Devolution White Paper (Pages 1 - 18)": no full stop, but a page range vouches for it.
  const bare = /^(\d{1,3}[a-z]?)\s+(?=[A-Za-z(‘'"“])(.*)$/.exec(head(t));
  if (bare && /\(Pages?\s+\d/i.test(bare[2])) return { number: bare[1], pieces: [bare[2]] };
  return null;
}

/**
 * A lettered sub-item under an item ("a) 24/0123/FUL 12 High Street", "(b) Footpaths", "c. Budget"):
 * item 9's "a)" is "9a". The letters must run on from the item's own (a under 9, b under 9a), so a
 * sentence that starts "a. " by chance is not taken.
 */
function subItem(parent: string, text: string): { number: string; pieces: string[] } | null {
  // "i. 24/0123/FUL …", "(ii) Footpaths": roman sub-items run i, ii, iii under the item (7i, 7ii).
  const r = /^\(?((?:i{1,3}|iv|vi{0,3}|ix|x))[.)]\s+(?=[A-Za-z0-9(‘'"“])(.*)$/.exec(text);
  const rp = /^(\d{1,3})((?:i{1,3}|iv|vi{0,3}|ix|x))?$/.exec(parent);
  if (r && rp) {
    const expected = rp[2] ? ROMAN[ROMAN.indexOf(rp[2]) + 1] : "i";
    if (r[1] === expected) return { number: `${rp[1]}${r[1]}`, pieces: [r[2]] };
  }
  const m = /^\(?([a-z])[.)]\s+(?=[A-Za-z0-9(‘'"“])(.*)$/.exec(text);
  if (!m) return null;
  const p = /^(\d{1,3})(?:\(?([a-z])\)?)?$/.exec(parent);
  if (!p) return null;
  const expected = p[2] ? String.fromCharCode(p[2].charCodeAt(0) + 1) : "a";
  return m[1] === expected ? { number: `${p[1]}${m[1]}`, pieces: [m[2]] } : null;
}

/** A page range cut off at the end of a piece: "(Pages", "(Pages 7", "(Pages 7 -". */
const PAGES_OPEN = /\(\s*Pages?(?:\s+\d{1,4}(?:\s*(?:-|–|to))?)?\s*$/i;
/** What completes it on the next line: "7)", "- 7)", "7 - 9)", "to 9)". */
const PAGES_TAIL = /^(?:\d{1,4}\s*)?(?:(?:-|–|to)\s*)?\d{1,4}\s*\)\.?$/i;

/** The piece of a draft that ends in an unclosed page range, or -1. */
function openPagesPiece(d: Draft): number {
  for (let i = d.pieces.length - 1; i >= 0; i--) {
    const p = d.pieces[i];
    if (p.length && PAGES_OPEN.test(head(p, 2000).slice(-40))) return i;
  }
  return -1;
}

function finish(doc: SourceDocument, d: Draft): AgendaItem | null {
  const f = itemFields(d.pieces);
  if (!f.title) return null;
  return {
    number: d.number.replace(/[()]/g, ""),
    title: f.title,
    reportBy: f.reportBy,
    pages: f.pages ?? d.orphanPages ?? null,
    span: spanOf(doc, d.start, d.end),
  };
}

/** The title ended with a full stop or colon (page range aside). */
function titleEnded(title: string): boolean {
  return /[.:]$/.test(takePages(clean(title)).rest);
}

const MONTH_START =
  /^(?:of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const SPLIT_DATE_HEAD =
  /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;

const CONNECTOR = /(?:[,&–-]|\b(?:and|or|of|the|to|for|in|on|with|a|an|by|from|at|into|under)|\(Pages?)$/i;

/**
 * Whether the line directly below a title continues it: the title stops mid-phrase, the line starts
 * in lower case, or the title line was long enough to have wrapped.
 */
function runsOn(d: Draft, next: string): boolean {
  const t = clean(d.pieces[0] ?? "");
  if (titleEnded(t)) return false;
  if (/^[a-z(]/.test(next) || CONNECTOR.test(t) || d.wrapping) return true;
  // A date broken at the line's end ("held on 5 August" / "2024 at 10:00", "Tuesday, 15" / "September 2026").
  if (SPLIT_DATE_HEAD.test(t) && /^\d{4}\b/.test(next)) return true;
  if (/(?:\bon|day,?|\bthe)\s+\d{1,2}(?:st|nd|rd|th)?$/i.test(t) && MONTH_START.test(next)) return true;
  // A short fragment that ends the sentence ("7(3) and 7(5).") completes an unfinished title.
  if (/\.$/.test(next) && next.split(" ").length <= 6 && !NUMBERED_LINE.test(next)) return true;
  // A row whose title cell is followed by a page-range column, in a list that sets its items apart
  // with blank lines: a line directly below (no blank) is the title cell wrapping, as a PDF lays it
  // out ("4. Corporate Parenting Panel - October 2024 ... | (Pages 15 - 30)" / "Minutes for noting").
  if (d.setApart && d.pieces.length >= 2 && d.pieces.slice(1).every((p) => isPagesOnly(p))) return true;
  // A long single-column line wrapped; a table row's title cell did not.
  return d.lastPlain >= 55 && !takePages(t).pages;
}

/** A start page printed in its own column after the title. */
function startPageOf(d: Draft): number | null {
  for (let i = 1; i < d.pieces.length; i++) {
    const p = clean(d.pieces[i]);
    if (/^\d{1,4}$/.test(p)) return Number(p);
  }
  return null;
}

/**
 * A footnote mark set after a title ("Declarations of interest 1"): a trailing number that a line
 * further down the same page opens as a footnote ("1 Members are advised to make declarations ...").
 * A page number printed in its own column is a separate cell and never reaches the title.
 */
function footnoteMarker(doc: SourceDocument, title: string, line: number): string | null {
  const m = /\s(\d{1,2})$/.exec(title);
  if (
    !m ||
    /\b(?:19|20)\d\d\s\d{1,2}$|\b(?:item|part|no\.?|number|phase|stage|quarter|q|appendix|annex|schedule|section|paragraph|and|to|of|-)\s\d{1,2}$/i.test(
      title,
    )
  )
    return null;
  const page = doc.lines[line - 1]?.page;
  if (page == null) return null;
  const note = new RegExp(`^\\s*${m[1]}\\s+[A-Z][a-z]+\\s+[a-z]`);
  for (let n = line + 1; n <= doc.lines.length && doc.lines[n - 1].page === page; n++)
    if (note.test(doc.lines[n - 1].text)) return m[0];
  return null;
}

/** How many non-blank lines that are not items may follow the last item before the list is over. */
const MAX_GAP = 25;

export function parseAgenda(doc: SourceDocument, from: number, to: number): AgendaResult {
  const diagnostics: Diagnostic[] = [];
  const drafts: Draft[] = [];
  let gap = 0;
  let lastEnd = from;
  let prevBlank = false;
  for (let n = from; n <= to; n++) {
    const line = doc.lines[n - 1];
    if (!line) break;
    const raw = line.text;
    const text = clean(raw);
    // Blank lines, and table rules or empty table rows ("|---|--|", "- | | |").
    if (!text || /^[\s|:–-]+$/.test(text) || line.cells?.every((c) => clean(c) === "" || /^-$/.test(clean(c)))) {
      prevBlank = true;
      continue;
    }
    if (isBlankPageMarker(text) || (drafts.length && hasBlankPagePhrase(text))) break;
    const cur = drafts[drafts.length - 1];
    // The rest of a page range that wrapped in its column ("Director of X (Pages 7 -" / "7)"): read
    // before item numbers, as "7)" alone would otherwise pass for item 7.
    const open = cur && !prevBlank ? openPagesPiece(cur) : -1;
    if (cur && open >= 0) {
      const rest = clean((line.cells ?? [raw]).map((c) => clean(c)).join(" "));
      if (PAGES_TAIL.test(rest)) {
        cur.pieces[open] = clean(`${cur.pieces[open]} ${rest}`);
        cur.end = n;
        cur.open = false;
        lastEnd = n;
        continue;
      }
    }
    // A sub-item's columns ("a) Audit Form | Sign Statement of Accounts") read as one line.
    const item =
      readItem(raw, line.cells) ??
      (cur ? subItem(cur.number, line.cells ? clean(line.cells.map((c) => clean(c)).join(" ")) : text) : null);
    if (item) {
      const num = major(item.number);
      const prevNum = cur ? major(cur.number) : 0;
      const sameMajorSub = cur && num === prevNum && item.number !== cur.number;
      if (cur && num <= prevNum && !sameMajorSub) break; // numbering restarted: another list
      if (!cur && num > 20) continue;
      if (cur && num > prevNum + 15) break;
      const pieces = item.pieces;
      drafts.push({
        number: item.number,
        pieces,
        start: n,
        end: n,
        open: true,
        notes: [],
        lastPlain: pieces.length === 1 ? clean(pieces[0]).length : 0,
        afterBlank: prevBlank,
        // Items set apart by blank lines: this one and the one before it (a first item cannot tell).
        setApart: prevBlank && !!cur?.afterBlank,
      });
      gap = 0;
      lastEnd = n;
      prevBlank = false;
      continue;
    }
    if (cur) {
      // An orphaned "(Pages a - b)" separated from its item by a page break.
      if (isPagesOnly(text)) {
        if (!prevBlank && cur.open && !takePages(cur.pieces.join(" ")).pages) {
          cur.pieces[0] = clean(`${cur.pieces[0] ?? ""} ${text}`);
          cur.end = n;
          cur.open = false;
        } else {
          const owner = [...drafts]
            .reverse()
            .find(
              (d) =>
                !d.orphanPages && !takePages(d.pieces.join(" ")).pages && /^minutes\b/i.test(clean(d.pieces[0] ?? "")),
            );
          const target =
            owner ?? [...drafts].reverse().find((d) => !d.orphanPages && !takePages(d.pieces.join(" ")).pages);
          if (target) {
            target.orphanPages = takePages(text).pages ?? undefined;
            diagnostics.push({
              level: "info",
              message: `page range "${text}" stands alone; assigned to agenda item ${target.number}`,
              span: spanOf(doc, n, n),
            });
          }
        }
        lastEnd = n;
        prevBlank = false;
        continue;
      }
      // A title that runs on: the next line directly below, or a TAB row whose first cell is empty.
      const cells = line.cells?.map((c) => clean(c));
      const tabContinuation =
        cells && cells.length >= 2 && cells[0] === "" && cells[1] !== "" && !titleEnded(cur.pieces[0] ?? "");
      const below = cur.open && !line.cells && (prevBlank ? /^(?:[a-z]|\d{4},? [a-z])/.test(text) : runsOn(cur, text));
      // A wrapped table row read back without its empty number column (PDF): directly below an item
      // whose title has not ended, its first cell carries on the title.
      const rowContinuation =
        !tabContinuation &&
        cells &&
        cells.length >= 2 &&
        cells[0] !== "" &&
        cur.open &&
        !prevBlank &&
        !titleEnded(cur.pieces[0] ?? "");
      // A row with an empty leading column under a finished title whose row has a report-by column:
      // the report-by wrapped ("" | "and Transport" under "8. Flood Risk Update. | Director of Environment").
      // A note under the item (a sentence in the title column) is not: a wrapped column is a short fragment.
      const byIndex = cur.pieces.findIndex((p, i) => i > 0 && clean(p) !== "" && !isPagesOnly(p));
      // Its page range is no part of the fragment ("Corporate Resources (Pages 5 - 5)" on the last line).
      const fragments =
        cells
          ?.slice(1)
          .filter((c) => c && !isPagesOnly(c))
          .map((c) => takePages(c).rest) ?? [];
      if (
        cells &&
        cells.length >= 2 &&
        cells[0] === "" &&
        !tabContinuation &&
        cur.open &&
        !prevBlank &&
        byIndex > 0 &&
        titleEnded(cur.pieces[0] ?? "") &&
        fragments.length > 0 &&
        fragments.every((c) => c.split(" ").length <= 5 && !/[.;:]$/.test(c))
      ) {
        for (const c of cells.slice(1)) {
          if (!c) continue;
          if (isPagesOnly(c)) cur.pieces.push(c);
          else cur.pieces[byIndex] = clean(`${cur.pieces[byIndex]} ${c}`);
        }
        cur.end = n;
        lastEnd = n;
        prevBlank = false;
        continue;
      }
      // The report-by column wrapped under a finished title, with the page range on its second line
      // ("Transport (Pages 5 - 5)" under "8. Flood Risk Update. | Director of Environment and").
      const byPieces = takePages(text);
      const reportByContinuation =
        !tabContinuation &&
        !rowContinuation &&
        !below &&
        cur.open &&
        !prevBlank &&
        !line.cells &&
        cur.pieces.length >= 2 &&
        byPieces.pages !== null &&
        !takePages(cur.pieces.join(" ")).pages &&
        byPieces.rest.split(" ").length <= 6;
      if (reportByContinuation) {
        if (byPieces.rest) cur.pieces[1] = clean(`${cur.pieces[1]} ${byPieces.rest}`);
        cur.pieces.push(text.slice(text.search(/\(?\bPages?\s/i)));
        cur.end = n;
        cur.open = false;
        lastEnd = n;
        prevBlank = false;
        continue;
      }
      if (tabContinuation || below || rowContinuation) {
        if (tabContinuation && cells) {
          cur.pieces[0] = clean(`${cur.pieces[0] ?? ""} ${cells[1]}`);
          cur.pieces.push(...cells.slice(2));
        } else if (rowContinuation && cells) {
          cur.pieces[0] = clean(`${cur.pieces[0] ?? ""} ${cells[0]}`);
          cur.wrapping = true;
          for (const c of cells.slice(1)) {
            if (!c) continue;
            // Page ranges stand as their own piece; other text carries on the report-by column.
            if (isPagesOnly(c) || cur.pieces.length < 2) cur.pieces.push(c);
            else cur.pieces[1] = clean(`${cur.pieces[1]} ${c}`);
          }
        } else {
          cur.pieces[0] = clean(`${cur.pieces[0] ?? ""} ${text}`);
          cur.lastPlain = text.length;
        }
        cur.end = n;
        lastEnd = n;
        prevBlank = false;
        continue;
      }
      cur.open = false;
      // A heading in capitals after the list (e.g. guidance notes) ends it, unless it names items.
      if (isUpperLine(text, 12) && text.split(" ").length >= 4 && !/\bITEMS?\b/.test(text)) break;
      gap++;
      if (gap > MAX_GAP) break;
      cur.notes.push(n);
    } else if (++gap > 40) break; // no list in the first forty lines of text: not an agenda
    prevBlank = false;
  }
  // Start pages printed in a column ("Annual complaints report   9"): each item runs to the next's;
  // the last runs to the pack's last printed page when the pack reaches it, else its end is unknown
  // and given as its start.
  let lastPrinted = 0;
  for (const f of doc.furniture) if (f.printed !== undefined && f.printed > lastPrinted) lastPrinted = f.printed;
  let startsOnly = 0;
  let unknownEnd: Draft | null = null;
  for (let i = 0; i < drafts.length; i++) {
    const start = startPageOf(drafts[i]);
    if (start === null || takePages(drafts[i].pieces.join(" ")).pages) continue;
    startsOnly++;
    let end = start;
    let next = false;
    for (let j = i + 1; j < drafts.length; j++) {
      const s = startPageOf(drafts[j]);
      if (s !== null) {
        if (s > start) end = s - 1;
        next = true;
        break;
      }
    }
    if (!next) {
      if (lastPrinted > start) end = lastPrinted;
      else unknownEnd = drafts[i];
    }
    drafts[i].orphanPages = { start, end };
    drafts[i].pieces = drafts[i].pieces.filter((p) => !/^\d{1,4}$/.test(clean(p)));
  }
  if (startsOnly)
    diagnostics.push({
      level: "info",
      message: `agenda prints start pages only: each item's end page is the page before the next item's start${unknownEnd ? `; item ${unknownEnd.number} is the last and the pack does not reach its pages, so its end is given as its start` : ""}`,
      span: spanOf(doc, drafts[0].start, drafts[drafts.length - 1].end),
    });
  // Numbered prose (a report's paragraphs) is not an agenda: item titles are short.
  const lengths = drafts.map((d) => clean(d.pieces[0] ?? "").length).sort((a, b) => a - b);
  if (lengths.length && lengths[lengths.length >> 1] > 160) {
    diagnostics.push({
      level: "info",
      message: "numbered lines after the front sheet read as prose, not agenda items",
      span: spanOf(doc, drafts[0].start, drafts[drafts.length - 1].end),
    });
    return { items: [], endLine: from - 1, diagnostics };
  }
  const items: AgendaItem[] = [];
  for (const d of drafts) {
    // Notes after the last item may be the text that follows the list; only those between items count.
    const notes = d === drafts[drafts.length - 1] ? [] : d.notes;
    if (notes.length)
      diagnostics.push({
        level: "info",
        message: `agenda item ${d.number}: ${notes.length} line(s) of notes under the item not kept`,
        span: spanOf(doc, notes[0], notes[notes.length - 1]),
      });
    const it = finish(doc, d);
    if (it) {
      const marker = footnoteMarker(doc, it.title, d.end);
      if (marker) {
        it.title = clean(it.title.slice(0, -marker.length));
        diagnostics.push({
          level: "info",
          message: `agenda item ${it.number}: footnote mark "${marker}" dropped from the title (the footnote is read as page text)`,
          span: it.span,
        });
      }
      items.push(it);
    } else
      diagnostics.push({
        level: "warning",
        message: `agenda item ${d.number} has no title; skipped`,
        span: spanOf(doc, d.start, d.end),
      });
  }
  return { items, endLine: lastEnd, diagnostics };
}
