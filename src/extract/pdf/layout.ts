/**
 * PDF layout: positioned text runs (from the pdf.js worker) in, numbered document lines out.
 * Rebuilds visual lines from baselines, reading order (top to bottom; two simple columns read
 * left then right), table cells from wide x-gaps, bold from font names, headings from font size,
 * blank lines between paragraphs from y-gaps, and removes page furniture (page numbers, running
 * headers and footers, "Agenda Item N" stamps, intentionally blank pages), recording it. Pure.
 */
import type { Furniture, Line } from "../../model/document";

/**
 * One text run as the worker posts it: [text, x, baseline y (downwards), width, size, font id,
 * direction (0 left to right, 1 running up, 2 running down, 3 upside down, 4 other)].
 */
export type RawItem = [string, number, number, number, number, string, number];
export type RawPage = { n: number; width: number; height: number; items: RawItem[]; error?: string };
export type FontInfo = { name: string; bold: boolean };

/** A text run; x and w cover its visible text (leading and trailing spaces trimmed). */
export type Run = { text: string; x: number; y: number; w: number; size: number; bold: boolean };

/** A visual line on one page, before numbering. */
export type PageLine = {
  page: number;
  text: string;
  cells?: string[];
  bold: boolean;
  /** Dominant font size. */
  size: number;
  x0: number;
  x1: number;
  /** Baseline (downwards from the top of the page). */
  y: number;
  /** Which stream the line came from: 0 full width, 1 left column, 2 right column. */
  column: 0 | 1 | 2;
  /** The line was set sideways or upside down (its x and y are in the turned frame). */
  turned?: boolean;
  /** Where each cell starts (x), for lines with cells. */
  cellXs?: number[];
  /** Where each cell's text ends (x), for lines with cells. */
  cellX1s?: number[];
  /** Baseline of the row's last printed line, when wrapped cells were joined into it. */
  yEnd?: number;
};

export type LayoutResult = { lines: Line[]; furniture: Furniture[]; columnsPages: number[] };

const PAGE_NUMBER = /^(?:page\s*)?[-–—]?\s*(\d{1,4})\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
const STAMP = /^agenda\s+item\s+[\w.()/-]{1,12}$/i;
const BLANK_PAGE =
  /^(?:this\s+)?page\s+(?:is\s+|has\s+been\s+)?(?:intentionally\s+)?(?:left\s+)?blank(?:\s+intentionally)?\.?$/i;
/**
 * Leading segment that is a list number or bullet, set off by a tab stop rather than a table column.
 * A bare year ("2019") is not one: it is a date running on from the line before, or a table cell.
 */
const NUMBERING =
  /^(?!(?:19|20)\d\d$)(?:\(?\d{1,4}[a-z]?(?:\.\d{1,3})*[.)]{0,2}|\(?(?:[a-z]{1,2}|[ivxlc]{1,6})[.)]{1,2}|\((?:[a-z]{1,2}|[ivxlc]{1,6})\)|[•·▪◦●■□➢✓–-])$/i;

/** Largest / smallest of f over a list, without spreading it into arguments (lists can be huge). */
function maxOf<T>(xs: Iterable<T>, f: (x: T) => number, empty = Number.NEGATIVE_INFINITY): number {
  let m = empty;
  for (const x of xs) {
    const v = f(x);
    if (v > m) m = v;
  }
  return m;
}
function minOf<T>(xs: Iterable<T>, f: (x: T) => number): number {
  let m = Number.POSITIVE_INFINITY;
  for (const x of xs) {
    const v = f(x);
    if (v < m) m = v;
  }
  return m;
}
const id = (x: number) => x;
const runEnd = (r: Run) => r.x + r.w;

/** Characters some PDF fonts map into the Private Use Area (Symbol bullets) and spacing oddities. */
function cleanText(s: string): string {
  return s
    .replace(/[\uF0B7\uF0A7\uF076\uF0D8\uF0FC\uF0A8]/g, "•")
    .replace(/[\u00A0\u2007\u202F]/g, " ")
    .replace(/\u00AD/g, "")
    .replace(/[\u0000-\u0008\u000B-\u001F\uFFFD]/g, "");
}

/** Text set sideways or upside down, turned into the frame where it reads left to right. */
function turn(dir: number, x: number, y: number, page: RawPage): { x: number; y: number } {
  if (dir === 1) return { x: page.height - y, y: x }; // running up the page
  if (dir === 2) return { x: y, y: page.width - x }; // running down the page
  return { x: page.width - x, y: page.height - y }; // upside down
}

/** Fewer characters than this in one direction are margin labels (stamps), not a text block. */
const MIN_TURNED_CHARS = 40;

/**
 * Runs from one page's raw items, by direction: left-to-right runs, and runs set sideways or upside
 * down already turned so that they read left to right (with the turned page's width). Text at other
 * angles, and short sideways labels, are returned apart as stamps.
 */
export function pageRuns(
  page: RawPage,
  fonts: Record<string, FontInfo>,
  keepOffPage = false,
): { runs: Run[]; turned: { runs: Run[]; width: number; height: number }[]; rotated: string[] } {
  const byDir = new Map<number, Run[]>();
  const rotated: string[] = [];
  let offPage = 0;
  for (const [raw, x0, y0, w, size, font, dir] of page.items) {
    const text = cleanText(raw);
    if (!text.trim()) continue;
    if (dir === 4) {
      rotated.push(text.trim());
      continue;
    }
    if (!(size > 0) || !Number.isFinite(x0) || !Number.isFinite(y0)) continue;
    const { x, y } = dir ? turn(dir, x0, y0, page) : { x: x0, y: y0 };
    const width = dir === 1 || dir === 2 ? page.height : page.width;
    const height = dir === 1 || dir === 2 ? page.width : page.height;
    // Text placed outside the page is not visible...
    if (!keepOffPage && (x > width + 2 || x + w < -2 || y < -2 || y > height + size)) {
      offPage++;
      continue;
    }
    // pdf.js keeps spaces inside runs (a tab stop can be one wide space): measure the visible part.
    const lead = text.length - text.trimStart().length;
    const trail = text.length - text.trimEnd().length;
    const per = text.length ? Math.max(0, w) / text.length : 0;
    const run = {
      text: text.trim(),
      x: x + lead * per,
      y,
      w: Math.max(0, w - (lead + trail) * per),
      size,
      bold: fonts[font]?.bold === true,
    };
    const list = byDir.get(dir) ?? [];
    list.push(run);
    byDir.set(dir, list);
  }
  // ...unless it is all the page has: a page whose box does not cover its text (a producer's wrong or
  // enormous MediaBox) still has a text layer, and it is read rather than reported as missing.
  if (offPage && !byDir.size && !rotated.length) return pageRuns(page, fonts, true);
  const turned: { runs: Run[]; width: number; height: number }[] = [];
  for (const dir of [1, 2, 3]) {
    const runs = byDir.get(dir);
    if (!runs) continue;
    const chars = runs.reduce((n, r) => n + r.text.length, 0);
    if (chars < MIN_TURNED_CHARS) {
      for (const r of [...runs].sort((a, b) => a.y - b.y || a.x - b.x)) rotated.push(r.text);
      continue;
    }
    const sideways = dir !== 3;
    turned.push({
      runs: dedupeOverprint(runs),
      width: sideways ? page.height : page.width,
      height: sideways ? page.width : page.height,
    });
  }
  return { runs: dedupeOverprint(byDir.get(0) ?? []), turned, rotated };
}

/** Some producers fake bold by printing the same run twice, a fraction of a point apart. */
function dedupeOverprint(runs: Run[]): Run[] {
  const out: Run[] = [];
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  for (const r of sorted) {
    let dup = false;
    for (let i = out.length - 1; i >= 0 && i >= out.length - 6; i--) {
      const o = out[i];
      if (o.text === r.text && Math.abs(o.x - r.x) < 1.5 && Math.abs(o.y - r.y) < 1.5) {
        o.bold = true;
        dup = true;
        break;
      }
    }
    if (!dup) out.push({ ...r });
  }
  return out;
}

type Row = { runs: Run[]; top: number; bottom: number };

const extent = (r: Run): [number, number] => [r.y - r.size * 0.75, r.y + r.size * 0.2];

/** Groups runs into visual rows by vertical overlap (tolerates superscripts), top to bottom. */
export function buildRows(runs: Run[]): Row[] {
  const rows: Row[] = [];
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  for (const r of sorted) {
    const [t, b] = extent(r);
    let best: Row | null = null;
    let bestOverlap = 0;
    for (let i = rows.length - 1; i >= 0 && i >= rows.length - 4; i--) {
      const row = rows[i];
      const overlap = Math.min(b, row.bottom) - Math.max(t, row.top);
      const need = 0.5 * Math.min(b - t, row.bottom - row.top);
      if (overlap > need && overlap > bestOverlap) {
        best = row;
        bestOverlap = overlap;
      }
    }
    if (best) {
      best.runs.push(r);
      // Grow the row only with runs of the row's own size, so a superscript does not pull lines together.
      const dominant = dominantSize(best.runs);
      if (r.size >= dominant * 0.9) {
        best.top = Math.min(best.top, t);
        best.bottom = Math.max(best.bottom, b);
      }
    } else rows.push({ runs: [r], top: t, bottom: b });
  }
  for (const row of rows) row.runs.sort((a, b) => a.x - b.x);
  return rows.sort((a, b) => baseline(a) - baseline(b));
}

function dominantSize(runs: Run[]): number {
  const w = new Map<number, number>();
  let best = 0;
  let bestW = -1;
  for (const r of runs) {
    const k = Math.round(r.size * 2) / 2;
    const v = (w.get(k) ?? 0) + r.text.length;
    w.set(k, v);
    if (v > bestW) {
      bestW = v;
      best = k;
    }
  }
  return best;
}

function baseline(row: Row): number {
  const size = dominantSize(row.runs);
  const main = row.runs.filter((r) => Math.round(r.size * 2) / 2 === size);
  return maxOf(main.length ? main : row.runs, (r) => r.y);
}

/**
 * A justified line stretches every word space alike, so its runs are split by several near-equal
 * gaps; those are word spaces, not columns.
 */
export function isJustified(row: Row, rightMargin = Number.POSITIVE_INFINITY): boolean {
  const size = dominantSize(row.runs);
  const gaps: number[] = [];
  let prevEnd = Number.NEGATIVE_INFINITY;
  for (const r of row.runs) {
    if (prevEnd > Number.NEGATIVE_INFINITY && r.x - prevEnd > 0.5 * size) gaps.push(r.x - prevEnd);
    prevEnd = Math.max(prevEnd, r.x + r.w);
  }
  if (gaps.length < 2) return false;
  const max = maxOf(gaps, id);
  if (max > 1.25 * minOf(gaps, id)) return false;
  // Few words on a justified line stretch far; such a line still ends exactly at the right margin.
  const end = maxOf(row.runs, runEnd);
  return max < 2.5 * size || Math.abs(end - rightMargin) <= 1.5;
}

/** Starts of runs that follow a gap wider than 0.8 em, per row (none for a justified line unless `any`). */
function gapStarts(row: Row, rightMargin: number, any = false): number[] {
  if (!any && isJustified(row, rightMargin)) return [];
  const size = dominantSize(row.runs);
  const xs: number[] = [];
  let prevEnd = Number.NEGATIVE_INFINITY;
  for (const r of row.runs) {
    if (prevEnd > Number.NEGATIVE_INFINITY && r.x - prevEnd > 0.8 * size) xs.push(r.x);
    prevEnd = Math.max(prevEnd, r.x + r.w);
  }
  return xs;
}

/**
 * Column starts confirmed by alignment: a moderate gap (over 0.8 em) is a cell boundary when another
 * row of the same page or column has a gap ending at the same x, as in forms and tables set with tab
 * stops. The partner may be far away (a "Report by" header ten rows above a wrapped title that fills
 * its cell); ragged prose has no gaps that wide, so a whole-stream match does not split sentences.
 */
export function alignedSplits(rows: Row[], rightMargin: number): Map<Row, number[]> {
  const starts = rows.map((r) => gapStarts(r, rightMargin));
  const out = new Map<Row, number[]>();
  const alignedIn = (all: number[][], i: number, x: number) => {
    for (let j = 0; j < rows.length; j++) if (j !== i && all[j].some((x2) => Math.abs(x2 - x) <= 1.5)) return true;
    return false;
  };
  rows.forEach((row, i) => {
    out.set(
      row,
      starts[i].filter((x) => alignedIn(starts, i, x)),
    );
  });
  // A table row whose cells happen to leave near-equal gaps (names of like length in equal
  // columns) looks justified; when two or more of its gaps end where other rows' gaps end, it is
  // a row of the table, not prose.
  let all: number[][] | null = null;
  rows.forEach((row, i) => {
    if (starts[i].length || !isJustified(row, rightMargin)) return;
    all ??= rows.map((r) => gapStarts(r, rightMargin, true));
    const own = all[i];
    if (own.length >= 2 && own.every((x) => alignedIn(all as number[][], i, x))) {
      out.set(row, own);
      tableRows.add(row);
    }
  });
  return out;
}

/** Rows that alignedSplits found to be table rows although their gaps are even (see there). */
const tableRows = new WeakSet<Row>();

function rightEdge(rows: Row[]): number {
  let right = 0;
  for (const row of rows) for (const r of row.runs) right = Math.max(right, r.x + r.w);
  return right;
}

/** Rows of one stream (page or column) as lines, with aligned cell boundaries. */
function rowsToLines(rows: Row[], page: number, column: 0 | 1 | 2): PageLine[] {
  const right = rightEdge(rows);
  const splits = alignedSplits(rows, right);
  return alignToColumns(
    rows.map((r) => rowToLine(r, page, column, splits.get(r) ?? [], right)),
    right,
  );
}

/**
 * Places table rows' cells under their columns. A PDF has no table structure, only text at x
 * positions: a row with an empty cell loses that cell, a cell that wraps leaves a line with text in
 * one column only, and a row whose only text is in the first column reads as a plain line. Once a
 * row has set out the columns (three or more cells, a bold header row of two or more short cells,
 * or a numbered row with a second cell), each following row set tight under it (within about two
 * line pitches) has its cells placed by x under the column they start at, with empty cells for the
 * columns it leaves blank, as a Word or HTML table gives them. A row with nothing in the first
 * column, whose text sits only in columns whose cell above ran so near the column's edge that its
 * first word could not fit there, is those cells wrapping, and is joined to the row above.
 * A line that does not start at a column, or runs across the next column, ends the table.
 */
export function alignToColumns(lines: PageLine[], rightMargin = Number.POSITIVE_INFINITY): PageLine[] {
  let cols: number[] | null = null;
  /** Where each column's text may run to: the next column's start, or the right margin. */
  let limits: number[] = [];
  let prev: PageLine | null = null;
  /** The last row placed in the table (a wrapped cell is joined to it). */
  let lastRow: PageLine | null = null;
  const drop = new Set<PageLine>();
  for (const l of lines) {
    const near =
      prev && l.y - (prev.yEnd ?? prev.y) > 0 && l.y - (prev.yEnd ?? prev.y) <= 2.2 * Math.max(l.size, prev.size);
    if (!near) {
      cols = null;
      lastRow = null;
    }
    if (cols) {
      const starts = l.cellXs ?? [l.x0];
      const ends = l.cellX1s ?? [l.x1];
      const own = l.cells ?? [l.text];
      const at = starts.map((x) => (cols as number[]).findIndex((c) => Math.abs(c - x) <= 2));
      // A line of its own (no cells) is a row only when set at the table's row pitch; a paragraph
      // after the table is set further off.
      const tight = !!l.cells || (prev !== null && l.y - (prev.yEnd ?? prev.y) <= 1.6 * Math.max(l.size, prev.size));
      const placed =
        tight &&
        at.every((k, i) => k >= 0 && (i === 0 || k > at[i - 1])) &&
        at.every((k, i) => ends[i] <= limits[k] + 2 || k === (cols as number[]).length - 1);
      if (!placed) cols = null;
      else {
        const cells: string[] = cols.map(() => "");
        const cellEnds: number[] = cols.map(() => 0);
        at.forEach((k, i) => {
          cells[k] = own[i];
          cellEnds[k] = ends[i];
        });
        // A wrapped cell: only columns whose cell above ran close to its edge carry text.
        const wrapped =
          lastRow?.cells &&
          lastRow.cellX1s &&
          at[0] > 0 &&
          at.every((k, i) => {
            const above = lastRow?.cells?.[k] ?? "";
            const aboveEnd = lastRow?.cellX1s?.[k] ?? 0;
            const word = own[i].split(" ")[0];
            const wordW = ((ends[i] - starts[i]) * word.length) / Math.max(1, own[i].length);
            return above !== "" && aboveEnd + wordW + 0.3 * l.size > limits[k] - 1.5 * l.size;
          });
        if (wrapped && lastRow?.cells && lastRow.cellX1s) {
          for (const k of at) {
            lastRow.cells[k] = `${lastRow.cells[k]} ${cells[k]}`;
            lastRow.cellX1s[k] = cellEnds[k];
          }
          lastRow.text = lastRow.cells.join("\t");
          lastRow.yEnd = l.y;
          drop.add(l);
          prev = l;
          continue;
        }
        l.cells = cells;
        l.cellXs = [...cols];
        l.cellX1s = cellEnds;
        l.text = cells.join("\t");
        lastRow = l;
      }
    }
    if (!cols && l.cellXs && tableHead(l)) {
      cols = l.cellXs;
      limits = cols.map((_, k) => (k + 1 < (cols as number[]).length ? (cols as number[])[k + 1] : rightMargin));
      lastRow = l;
    }
    prev = l;
  }
  return drop.size ? lines.filter((l) => !drop.has(l)) : lines;
}

/**
 * A row that sets out a table's columns: three or more cells; a bold header of two or more short
 * cells ("Present | Apologies"); or a numbered row with a second cell ("7. Flood Risk Update" |
 * "Director of Environment"). A two-column "PRESENT: names" or contact block wraps as prose.
 */
function tableHead(l: PageLine): boolean {
  const cells = l.cells ?? [];
  if (cells.length >= 3) return true;
  if (cells.length === 2 && numberedRow(cells[0])) return true;
  return cells.length === 2 && l.bold && cells.every((c) => c.split(" ").length <= 4 && !/[:.,;]$/.test(c.trim()));
}

/** A row that opens with a list or item number and some text ("7. Flood Risk Update"). */
function numberedRow(text: string): boolean {
  const m = /^(\S+)\s+\S/.exec(text.trim());
  return m !== null && NUMBERING.test(m[1]) && !/^[•·▪◦●■□➢✓–-]$/.test(m[1]);
}

/** Joins a row's runs into text and, where wide x-gaps separate them, cells. */
export function rowToLine(
  row: Row,
  page: number,
  column: 0 | 1 | 2,
  aligned: number[] = [],
  rightMargin = Number.POSITIVE_INFINITY,
): PageLine {
  const size = dominantSize(row.runs);
  const justified = !tableRows.has(row) && isJustified(row, rightMargin);
  const segments: Run[][] = [];
  let cur: Run[] = [];
  let prevEnd = Number.NEGATIVE_INFINITY;
  for (const r of row.runs) {
    const gap = r.x - prevEnd;
    const cellGap = Math.max(1.8 * size, 10);
    const isAligned = gap > 0.8 * size && aligned.some((x) => Math.abs(x - r.x) < 0.01);
    if (cur.length && !justified && (gap > cellGap || isAligned)) {
      segments.push(cur);
      cur = [];
    }
    cur.push(r);
    prevEnd = Math.max(prevEnd, r.x + r.w);
  }
  if (cur.length) segments.push(cur);
  const texts = segments.map((seg) => joinRuns(seg, size));
  // "84.<tab>Apologies" is a numbered heading, not a two-column row.
  while (texts.length >= 2 && NUMBERING.test(texts[0])) {
    texts.splice(0, 2, `${texts[0]} ${texts[1]}`);
    segments.splice(0, 2, [...segments[0], ...segments[1]]);
  }
  let chars = 0;
  let boldChars = 0;
  for (const r of row.runs) {
    const n = r.text.replace(/\s/g, "").length;
    chars += n;
    if (r.bold) boldChars += n;
  }
  const line: PageLine = {
    page,
    text: texts.join("\t"),
    bold: chars > 0 && boldChars / chars >= 0.9,
    size,
    x0: row.runs[0].x,
    x1: maxOf(row.runs, runEnd),
    y: baseline(row),
    column,
  };
  if (texts.length >= 2) {
    line.cells = texts;
    line.cellXs = segments.map((seg) => seg[0].x);
    line.cellX1s = segments.map((seg) => maxOf(seg, runEnd));
  }
  return line;
}

function joinRuns(runs: Run[], size: number): string {
  let out = "";
  let prevEnd = Number.NEGATIVE_INFINITY;
  for (const r of runs) {
    const gap = r.x - prevEnd;
    if (out && gap > 0.15 * size && !/\s$/.test(out) && !/^\s/.test(r.text)) out += " ";
    out += r.text;
    prevEnd = Math.max(prevEnd, r.x + r.w);
  }
  const text = out.replace(/\s+/g, " ").trim();
  // Letter-spaced display text ("A G E N D A") reads as the word it spells.
  return /^(?:\p{Lu} ){3,}\p{Lu}$/u.test(text) ? text.replace(/ /g, "") : text;
}

/**
 * Finds a two-column layout: a vertical gutter in the middle of the text block that almost no run
 * crosses, with prose filling both sides. Returns the gutter's x or null. Tables (narrow number or
 * page columns, short cells) do not qualify, so they stay rows with cells.
 */
export function findGutter(runs: Run[], pageWidth: number): number | null {
  if (runs.length < 12) return null;
  const minX = minOf(runs, (r) => r.x);
  const maxX = maxOf(runs, runEnd);
  const width = maxX - minX;
  if (width < pageWidth * 0.4) return null;
  const lo = Math.floor(minX + width * 0.3);
  const hi = Math.ceil(minX + width * 0.7);
  const cover = new Array<number>(hi - lo + 1).fill(0);
  for (const r of runs) {
    const a = Math.max(lo, Math.ceil(r.x + 0.5));
    const b = Math.min(hi, Math.floor(r.x + r.w - 0.5));
    for (let x = a; x <= b; x++) cover[x - lo]++;
  }
  // The widest band of x positions crossed by at most 10% of runs' rows.
  const rows = buildRows(runs);
  const allowed = Math.max(1, Math.floor(rows.length * 0.1));
  let bestStart = -1;
  let bestLen = 0;
  let start = -1;
  for (let i = 0; i <= cover.length; i++) {
    const ok = i < cover.length && cover[i] <= allowed;
    if (ok && start < 0) start = i;
    if (!ok && start >= 0) {
      if (i - start > bestLen) {
        bestLen = i - start;
        bestStart = start;
      }
      start = -1;
    }
  }
  if (bestLen < 8) return null;
  const gutter = lo + bestStart + bestLen / 2;
  const left = runs.filter((r) => r.x + r.w <= gutter);
  const right = runs.filter((r) => r.x >= gutter);
  const crossing = runs.length - left.length - right.length;
  const leftRows = buildRows(left);
  const rightRows = buildRows(right);
  if (leftRows.length < 6 || rightRows.length < 6) return null;
  const ratio = leftRows.length / rightRows.length;
  if (ratio < 0.33 || ratio > 3) return null;
  if (crossing > runs.length * 0.15) return null;
  // Prose: each side's lines fill most of that side's measure, and each side is a real column.
  const fill = (rs: Row[]): number => {
    const x0 = minOf(rs, (r) => r.runs[0].x);
    const x1 = maxOf(rs, (r) => maxOf(r.runs, runEnd));
    const measure = x1 - x0;
    if (measure < pageWidth * 0.25) return 0;
    const full = rs.filter((r) => maxOf(r.runs, runEnd) - r.runs[0].x >= measure * 0.7).length;
    return full / rs.length;
  };
  if (fill(leftRows) < 0.5 || fill(rightRows) < 0.5) return null;
  return gutter;
}

/** One page's lines in reading order. */
export function pageLines(runs: Run[], page: number, pageWidth: number): { lines: PageLine[]; columns: boolean } {
  const gutter = findGutter(runs, pageWidth);
  if (gutter === null) return { lines: rowsToLines(buildRows(runs), page, 0), columns: false };
  const span = runs.filter((r) => r.x < gutter && r.x + r.w > gutter);
  const left = runs.filter((r) => r.x + r.w <= gutter);
  const right = runs.filter((r) => r.x >= gutter);
  const spanLines = rowsToLines(buildRows(span), page, 0);
  const leftLines = rowsToLines(buildRows(left), page, 1);
  const rightLines = rowsToLines(buildRows(right), page, 2);
  // Full-width lines cut the page into bands; within a band, the left column is read before the right.
  const out: PageLine[] = [];
  let li = 0;
  let ri = 0;
  for (const s of [...spanLines, null]) {
    const limit = s ? s.y : Number.POSITIVE_INFINITY;
    while (li < leftLines.length && leftLines[li].y < limit) out.push(leftLines[li++]);
    while (ri < rightLines.length && rightLines[ri].y < limit) out.push(rightLines[ri++]);
    if (s) out.push(s);
  }
  return { lines: out, columns: true };
}

/** A running header or footer that carries the page number ("Cabinet, 30 January 2025 - Page 3"). */
const WITH_PAGE_NUMBER = /\bpage\s+(\d{1,4})\b/i;

/**
 * Running headers repeat exactly (case kept, spacing collapsed); only the page number inside one
 * may change. Other numbers are kept, so "Question 2" at the top of a page never matches "Question 3".
 */
const norm = (s: string) => {
  const t = s.replace(/\s+/g, " ").trim();
  return WITH_PAGE_NUMBER.test(t) ? t.replace(/\d+/g, "#") : t;
};

type PageInfo = {
  n: number;
  width: number;
  height: number;
  lines: PageLine[];
  /** "Page N" runs taken out before rows were built (they can share a row with a table's last line). */
  numberRuns?: Run[];
};

const PAGE_WORD_NUMBER = /^page\s+(\d{1,4})(?:\s+of\s+\d{1,4})?$/i;

/** Splits off runs that are exactly "Page N" in the top or bottom 15% of the page. */
export function splitPageNumberRuns(runs: Run[], height: number): { runs: Run[]; numberRuns: Run[] } {
  const numberRuns: Run[] = [];
  const rest: Run[] = [];
  for (const r of runs)
    if ((r.y < height * 0.15 || r.y > height * 0.85) && PAGE_WORD_NUMBER.test(r.text)) numberRuns.push(r);
    else rest.push(r);
  return { runs: rest, numberRuns };
}

/**
 * Removes page furniture and records it. From the top and the bottom edge of each page, lines are
 * peeled off while they are page numbers, "Agenda Item" stamps, or text repeated at the same place
 * on several pages. A running header keeps its first occurrence (it is often the document's title).
 */
export function removeFurniture(pages: PageInfo[]): Furniture[] {
  const furniture: Furniture[] = [];
  const minRepeat = 2;
  const places = new Map<string, { page: number; y: number; h: number }[]>();
  const zone = (l: PageLine, p: PageInfo) => !l.turned && (l.y < p.height * 0.15 || l.y > p.height * 0.85);
  for (const p of pages)
    for (const l of p.lines) {
      if (!zone(l, p)) continue;
      const k = norm(l.text);
      const list = places.get(k) ?? [];
      list.push({ page: p.n, y: l.y, h: p.height });
      places.set(k, list);
    }
  const repeated = (l: PageLine, p: PageInfo): { count: number; first: number } => {
    const list = places.get(norm(l.text)) ?? [];
    const pagesAt = new Set<number>();
    for (const e of list) if (Math.abs(e.y / e.h - l.y / p.height) < 0.03) pagesAt.add(e.page);
    return { count: pagesAt.size, first: minOf(pagesAt, id) };
  };
  const printedSlots: { page: number; value: number; slot: string; f: Furniture }[] = [];
  for (const p of pages) {
    const byY = [...p.lines].sort((a, b) => a.y - b.y);
    const remove = new Set<PageLine>();
    const slotOf = (edge: string, x0: number, x1: number, y: number) =>
      `${edge}:${Math.round((y / p.height) * 40)}:${Math.round(((x0 + x1) / 2 / p.width) * 10)}`;
    for (const r of p.numberRuns ?? []) {
      const f: Furniture = { page: p.n, kind: "page-number", text: r.text };
      const value = Number(PAGE_WORD_NUMBER.exec(r.text)?.[1]);
      printedSlots.push({
        page: p.n,
        value,
        slot: slotOf(r.y < p.height / 2 ? "top" : "bottom", r.x, r.x + r.w, r.y),
        f,
      });
      furniture.push(f);
    }
    const classify = (l: PageLine, edge: "top" | "bottom"): Furniture | null => {
      if (!zone(l, p)) return null;
      const t = l.text.replace(/\t/g, " ").trim();
      const num = PAGE_NUMBER.exec(t);
      if (num && t.length <= 16) {
        const f: Furniture = { page: p.n, kind: "page-number", text: t };
        printedSlots.push({ page: p.n, value: Number(num[1]), slot: slotOf(edge, l.x0, l.x1, l.y), f });
        return f;
      }
      if (STAMP.test(t) && edge === "top") return { page: p.n, kind: "stamp", text: t };
      const rep = repeated(l, p);
      if (rep.count >= minRepeat) {
        const inner = WITH_PAGE_NUMBER.exec(t);
        if (inner) {
          const f: Furniture = { page: p.n, kind: "page-number", text: t };
          printedSlots.push({ page: p.n, value: Number(inner[1]), slot: slotOf(edge, l.x0, l.x1, l.y), f });
          return f;
        }
        if (edge === "top" && rep.first === p.n) return null;
        return { page: p.n, kind: edge === "top" ? "header" : "footer", text: t };
      }
      return null;
    };
    const peel = (seq: PageLine[], edge: "top" | "bottom") => {
      for (const l of seq) {
        if (remove.has(l)) break;
        const f = classify(l, edge);
        if (!f) break;
        furniture.push(f);
        remove.add(l);
      }
    };
    peel(byY, "top");
    peel([...byY].reverse(), "bottom");
    p.lines = p.lines.filter((l) => !remove.has(l));
    const rest = p.lines
      .map((l) => l.text)
      .join(" ")
      .replace(/\s+/g, " ")
      .trim();
    if (rest && BLANK_PAGE.test(rest)) {
      furniture.push({ page: p.n, kind: "blank-page", text: rest });
      p.lines = [];
    }
  }
  markPrintedPageNumbers(printedSlots);
  furniture.sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
  return furniture;
}

/**
 * Among the page numbers found, the printed numbering of the document is the placement (edge,
 * height, horizontal position) and offset (printed - physical) shared by most pages; those entries
 * get `printed`, so that an agenda's "(Pages 13 - 20)" can be mapped to physical pages.
 */
function markPrintedPageNumbers(slots: { page: number; value: number; slot: string; f: Furniture }[]): void {
  const counts = new Map<string, number>();
  for (const s of slots) {
    const k = `${s.slot}|${s.value - s.page}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  let best = "";
  let bestN = 0;
  for (const [k, n] of counts)
    if (n > bestN) {
      best = k;
      bestN = n;
    }
  if (!best) return;
  const [slot, offset] = best.split("|");
  for (const s of slots) if (s.slot === slot && s.value - s.page === Number(offset)) s.f.printed = s.value;
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const ENDS_SENTENCE = /[.:;!?)"”’]$/;

/**
 * A line that opens with a list number or bullet followed by text ("2. Declarations", "(a) The"); a
 * lone "2019." is not one, nor is a bare year running on from the line before ("2019 at 2.00 pm").
 */
function startsList(text: string): boolean {
  const m = /^(\S+)\s+\S/.exec(text.trim());
  return m !== null && NUMBERING.test(m[1]);
}

/**
 * Numbers the lines of all pages, with a blank line wherever the gap between two lines is clearly
 * larger than the document's line pitch (a paragraph break), at a change of column, and between
 * pages unless the last line of a page runs on into the next.
 */
export function numberLines(pages: PageInfo[]): Line[] {
  const all = pages.flatMap((p) => p.lines);
  const sizes = new Map<number, number>();
  for (const l of all) sizes.set(l.size, (sizes.get(l.size) ?? 0) + l.text.length);
  let body = 0;
  let bodyW = -1;
  for (const [s, w] of sizes)
    if (w > bodyW) {
      body = s;
      bodyW = w;
    }
  // Line pitch as a multiple of font size, from consecutive lines of the same size and column.
  const ratios: number[] = [];
  for (const p of pages)
    for (let i = 1; i < p.lines.length; i++) {
      const a = p.lines[i - 1];
      const b = p.lines[i];
      if (a.column !== b.column || Math.abs(a.size - b.size) > 0.5) continue;
      const r = (b.y - a.y) / b.size;
      if (r >= 0.9 && r <= 1.7) ratios.push(r);
    }
  const pitch = ratios.length ? median(ratios) : 1.2;
  const lines: Line[] = [];
  const push = (l: Omit<Line, "n">) => lines.push({ n: lines.length + 1, ...l });
  const blank = (page: number) => {
    if (lines.length && lines[lines.length - 1].text !== "") push({ text: "", page });
  };
  let prev: PageLine | null = null;
  /** Whether a paragraph runs on from the last line of a page or column into the next one. */
  const runsOn = (a: PageLine, b: PageLine, measureRight: number) =>
    !ENDS_SENTENCE.test(a.text) &&
    a.bold === b.bold &&
    Math.abs(a.size - b.size) <= 0.5 &&
    a.x1 >= measureRight * 0.85 &&
    !startsList(b.text);
  let prevRight = 0;
  for (const p of pages) {
    for (const l of p.lines) {
      if (prev) {
        if (prev.page !== l.page) {
          if (!runsOn(prev, l, prevRight)) blank(prev.page);
        } else if (l.turned !== prev.turned) {
          blank(prev.page);
        } else if (l.column !== prev.column) {
          const right = maxOf(
            p.lines.filter((q) => q.column === prev?.column),
            (q) => q.x1,
            0,
          );
          if (!runsOn(prev, l, right) || l.column === 0 || prev.column === 0) blank(prev.page);
        } else {
          const gap = (l.y - (prev.yEnd ?? prev.y)) / Math.max(l.size, prev.size);
          // A numbered or bulleted line after a finished sentence starts a new paragraph even when set tight.
          // In a table row the sentence that matters is the first cell's: a title wrapping onto
          // "- Proposals for Consultation." continues it even though the row ends in "(Pages 3 - 3)".
          const listStart = ENDS_SENTENCE.test(prev.cells?.[0] ?? prev.text) && startsList(l.text);
          const breaks = gap < 0.3 || gap > pitch + 0.45 || Math.abs(l.size - prev.size) > 1.5 || listStart;
          if (breaks) blank(prev.page);
        }
      }
      const line: Omit<Line, "n"> = { text: l.text, page: l.page };
      if (l.bold) line.bold = true;
      if (body && l.size >= body * 1.15 && l.size >= body + 1.5) line.heading = true;
      if (l.cells) {
        line.cells = l.cells;
        if (l.cellXs) line.cellXs = l.cellXs.map((x) => Math.round(x * 10) / 10);
      }
      push(line);
      prev = l;
    }
    if (p.lines.length)
      prevRight = maxOf(
        p.lines.filter((q) => q.column === prev?.column),
        (q) => q.x1,
        0,
      );
  }
  while (lines.length && lines[lines.length - 1].text === "") lines.pop();
  return lines;
}

/** The whole layout: raw pages in, numbered lines and furniture out. */
export function layoutPages(raw: RawPage[], fonts: Record<string, FontInfo>): LayoutResult {
  const furniture: Furniture[] = [];
  const columnsPages: number[] = [];
  const pages: PageInfo[] = raw.map((p) => {
    const { runs, turned, rotated } = pageRuns(p, fonts);
    if (rotated.length) furniture.push({ page: p.n, kind: "stamp", text: rotated.join(" ") });
    const split = splitPageNumberRuns(runs, p.height);
    const { lines, columns } = pageLines(split.runs, p.n, p.width);
    if (columns) columnsPages.push(p.n);
    // Sideways blocks (a landscape table in a portrait pack) follow the upright text of the page.
    for (const t of turned) {
      const block = pageLines(t.runs, p.n, t.width);
      for (const l of block.lines) l.turned = true;
      for (const l of block.lines) lines.push(l);
      if (block.columns) columnsPages.push(p.n);
    }
    return { n: p.n, width: p.width, height: p.height, lines, numberRuns: split.numberRuns };
  });
  for (const f of removeFurniture(pages)) furniture.push(f);
  furniture.sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
  return { lines: numberLines(pages), furniture, columnsPages };
}
