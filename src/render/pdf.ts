/**
 * The PDF backend: blocks → A4 pages with pdfkit (Helvetica, bold headings, table rows in columns,
 * "Page N" in the footer), and whole agenda packs whose front sheet prints the real page range of
 * each document: render the documents, count their pages, settle the front sheet, draw it all.
 * In-memory only; returns bytes.
 */
import PDFDocument from "pdfkit";
import type { Meeting } from "../model/parse-v1";
import { BLANK_PAGE_TEXT, type Block, flat } from "./blocks";
import { minutesBlocks, type PageMap } from "./compose";
import { type PackLayout, packBodyParts, settlePack } from "./pack";
import { frontSheetRecord, minutesRecord, type TagLines } from "./truth";
import { asDoc, type MeetingLike } from "./types";

type Pdf = InstanceType<typeof PDFDocument>;

/**
 * Fonts for PDF output. By default the standard Helvetica pair, which can print only the
 * Windows-1252 (WinAnsi) characters; to print other characters (Ł, ő, Cyrillic, CJK) pass
 * TrueType files, which are embedded.
 */
export type PdfOptions = { fonts?: { regular: string | Uint8Array; bold: string | Uint8Array } };

const REGULAR = "minutebook-regular";
const BOLD = "minutebook-bold";

/**
 * The names each document draws its two fonts by. The standard pair is used by its own names, never
 * registered under an alias: pdfkit caches a font under the name it was asked for unless that font is
 * already loaded under its own name, so an alias of the default Helvetica was re-opened (its AFM metrics
 * re-parsed, some 10 ms) on every `font()` call, i.e. for every block drawn. That was most of a pack's time.
 */
const fontNames = new WeakMap<Pdf, { regular: string; bold: string }>();
const fonts = (pdf: Pdf) => fontNames.get(pdf)!;

/** Characters Helvetica can print: WinAnsi, i.e. Latin-1 plus the 0x80-0x9F specials. */
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");

/** Throws naming the first character the standard fonts cannot print, rather than garble it. */
export function assertWinAnsi(text: string): void {
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch)) continue;
    throw new Error(
      `cannot print "${ch}" (U+${c.toString(16).toUpperCase().padStart(4, "0")}) in "${text.slice(0, 60)}" with the standard PDF font Helvetica; pass fonts: { regular, bold } (TrueType files) to print it`,
    );
  }
}

const standardFonts = new WeakSet<Pdf>();

const MARGIN = { top: 60, bottom: 70, left: 64, right: 64 };
const SIZE = 11;
const INDENT = 22;

function newPdf(title: string, opts: PdfOptions = {}): Pdf {
  const pdf = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    // A fixed date keeps the bytes a function of the records alone.
    info: { Title: title, Creator: "Minutebook", Producer: "Minutebook", CreationDate: new Date(Date.UTC(2000, 0, 1)) },
  });
  const toBuffer = (f: string | Uint8Array) => (typeof f === "string" ? f : Buffer.from(f));
  if (opts.fonts) {
    pdf.registerFont(REGULAR, toBuffer(opts.fonts.regular));
    pdf.registerFont(BOLD, toBuffer(opts.fonts.bold));
    fontNames.set(pdf, { regular: REGULAR, bold: BOLD });
  } else {
    fontNames.set(pdf, { regular: "Helvetica", bold: "Helvetica-Bold" });
    standardFonts.add(pdf);
  }
  return pdf;
}

function textWidth(pdf: Pdf): number {
  return pdf.page.width - MARGIN.left - MARGIN.right;
}

/** Draws one block and returns the physical page it starts on. */
function drawBlock(pdf: Pdf, raw: Block): number {
  const b: Block =
    raw.kind === "text"
      ? { ...raw, text: flat(raw.text) }
      : raw.kind === "field"
        ? { ...raw, label: flat(raw.label), value: flat(raw.value) }
        : raw.kind === "row"
          ? { ...raw, cells: raw.cells.map(flat) }
          : raw;
  if (standardFonts.has(pdf)) {
    if (b.kind === "text") assertWinAnsi(b.text);
    else if (b.kind === "field") assertWinAnsi(`${b.label}: ${b.value}`);
    else if (b.kind === "row") for (const c of b.cells) assertWinAnsi(c);
  }
  const { regular: REGULAR, bold: BOLD } = fonts(pdf);
  const left = MARGIN.left;
  const width = textWidth(pdf);
  // Text too low for one more line starts on the next page (pdfkit moves it there). The line height
  // is the block's own font's: bold Helvetica's is 0.4 pt taller than regular at 11 pt.
  const lineStart = (...fonts: string[]) => {
    const height = Math.max(...fonts.map((f) => pdf.font(f).fontSize(SIZE).currentLineHeight(true)));
    return pageCount(pdf) + (pdf.y + height > pdf.page.maxY() ? 1 : 0);
  };
  switch (b.kind) {
    case "gap":
      pdf.moveDown(0.55);
      return pageCount(pdf);
    case "text": {
      const x = left + (b.indent ?? 0) * INDENT;
      const start = lineStart(b.bold ? BOLD : REGULAR);
      pdf
        .font(b.bold ? BOLD : REGULAR)
        .fontSize(SIZE)
        .text(b.text, x, pdf.y, { width: width - (x - left), align: b.center ? "center" : "left" });
      return start;
    }
    case "field": {
      const start = lineStart(REGULAR, b.bullet ? REGULAR : BOLD);
      pdf.font(REGULAR).fontSize(SIZE).text(`${b.label}: `, left, pdf.y, { continued: true, width });
      pdf.font(b.bullet ? REGULAR : BOLD).text(b.value);
      return start;
    }
    case "row": {
      pdf.font(REGULAR).fontSize(SIZE);
      // About the space Word leaves between the text of adjacent table cells (2 x 0.08 in).
      const gutter = 12;
      const cols = b.widths.map((w) => w * width);
      const heights = b.cells.map((c, i) => (c ? pdf.heightOfString(c, { width: cols[i] - gutter }) : 0));
      const h = Math.max(pdf.currentLineHeight(true), ...heights);
      if (pdf.y + h > pdf.page.height - MARGIN.bottom) pdf.addPage();
      const start = pageCount(pdf);
      const y = pdf.y;
      let x = left;
      b.cells.forEach((c, i) => {
        if (c) pdf.text(c, x, y, { width: cols[i] - gutter, underline: !!b.underline });
        x += cols[i];
      });
      pdf.x = left;
      pdf.y = y + h;
      return start;
    }
  }
}

/** Draws blocks; records in `pages` the physical page on which each tagged block starts. */
/** The "Agenda Item N" stamp Modern.Gov prints at the top right of each document's first page. */
function stamp(pdf: Pdf, text: string): void {
  const y = pdf.y;
  pdf
    .font(fonts(pdf).bold)
    .fontSize(12)
    .text(text, MARGIN.left, 30, { width: textWidth(pdf), align: "right", lineBreak: false });
  pdf.x = MARGIN.left;
  pdf.y = y;
}

function drawBlocks(pdf: Pdf, blocks: readonly Block[], pages?: Map<string, number>): void {
  blocks.forEach((b, i) => {
    keepWithNext(pdf, blocks, i);
    const start = drawBlock(pdf, b);
    if (pages && b.tag) pages.set(b.tag, start);
  });
}

/**
 * A heading (a bold line) is never left alone at the foot of a page: when it, the gaps after it and the
 * first line of what follows do not all fit, it starts the next page. Typesetters call it keep-with-next;
 * a reader also needs it, or a list whose heading ends one page loses its first entry to the page break.
 */
function keepWithNext(pdf: Pdf, blocks: readonly Block[], i: number): void {
  const b = blocks[i];
  if (b.kind !== "text" || !b.bold) return;
  let j = i + 1;
  while (blocks[j]?.kind === "gap") j++;
  const next = blocks[j];
  if (!next || (next.kind === "text" && next.bold)) return;
  const { regular, bold } = fonts(pdf);
  const width = textWidth(pdf) - (b.indent ?? 0) * INDENT;
  const heading = pdf.font(bold).fontSize(SIZE).heightOfString(flat(b.text), { width });
  const line = pdf.font(regular).fontSize(SIZE).currentLineHeight(true);
  const gaps = (j - i - 1) * 0.55 * line;
  const top = pdf.page.margins.top;
  if (pdf.y > top && pdf.y + heading + gaps + line > pdf.page.maxY()) pdf.addPage();
}

function pageCount(pdf: Pdf): number {
  const r = pdf.bufferedPageRange();
  return r.start + r.count;
}

/** What is printed on one page after its content: the footer line and a marking at the top left. */
type Furniture = (page: number) => { footer?: string | null; mark?: string | null };

const pageNumbers: Furniture = (page) => ({ footer: `Page ${page}` });

function finish(pdf: Pdf, furniture: Furniture | null = pageNumbers): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    pdf.on("data", (c: Buffer) => chunks.push(c));
    pdf.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on("error", reject);
    // Footers and markings, drawn last (every page is still buffered) so they never push content onto a new page.
    const total = furniture ? pageCount(pdf) : 0;
    for (let i = 0; i < total; i++) {
      const { footer, mark } = furniture!(i + 1);
      if (!footer && !mark) continue;
      pdf.switchToPage(i);
      const bottom = pdf.page.margins.bottom;
      pdf.page.margins.bottom = 0;
      if (footer)
        pdf
          .font(fonts(pdf).regular)
          .fontSize(9)
          .text(footer, MARGIN.left, pdf.page.height - 42, {
            width: textWidth(pdf),
            align: "center",
            lineBreak: false,
          });
      if (mark)
        pdf
          .font(fonts(pdf).bold)
          .fontSize(10)
          .fillColor("#990000")
          .text(mark, MARGIN.left, 22, { lineBreak: false })
          .fillColor("black");
      pdf.page.margins.bottom = bottom;
    }
    pdf.end();
  });
}

/** A fresh page as a new document finds it: pdfkit's default font and size, the cursor at the top margin. */
function newDocumentPage(pdf: Pdf): void {
  pdf.addPage();
  pdf.font("Helvetica").fontSize(12);
}

function blankPage(pdf: Pdf): void {
  pdf.addPage();
  pdf
    .font(fonts(pdf).regular)
    .fontSize(SIZE)
    .text(BLANK_PAGE_TEXT, MARGIN.left, pdf.page.height / 2, { width: textWidth(pdf), align: "center" });
}

/**
 * A page counter that lays documents out in one reused pdfkit document (fonts loaded once), each from
 * the top of a fresh page, and returns how many pages each fills: what a document drawn on its own
 * would fill. Nothing is compressed or written.
 */
export function pdfMeasurer(opts: PdfOptions = {}): (blocks: readonly Block[]) => number {
  const pdf = newPdf("measure", opts);
  let used = false;
  return (blocks) => {
    if (used) newDocumentPage(pdf);
    used = true;
    const first = pageCount(pdf);
    drawBlocks(pdf, blocks);
    return pageCount(pdf) - first + 1;
  };
}

export type PdfPart = {
  blocks: readonly Block[];
  /** Printed at the top right of the part's first page ("Agenda Item 5"). */
  stamp?: string | null;
  /** Printed at the top left of every page of the part ("CONFIDENTIAL - NOT FOR PUBLICATION"). */
  mark?: string | null;
  /** Names the part in an error about its text. */
  label?: string;
};

export type DrawnParts = {
  pageCount: number;
  /** The page (1-based, in this document) on which each part starts, and how many pages it fills. */
  starts: number[];
  counts: number[];
  /** Prints each page's footer (`footer(page)`, null for none) and the parts' marks, and writes the bytes. */
  finish(footer: (page: number) => string | null): Promise<Uint8Array>;
};

/**
 * Documents drawn one after another in ONE pdfkit document (fonts loaded and written once), each from a
 * fresh page; with `oddStarts` each starts on an odd page, "This page is intentionally left blank"
 * filling the gap, and with `evenLength` the whole ends on an even page so whatever is merged after it
 * starts on an odd one. Pages stay buffered until `finish`, so the footers can number the pages of the
 * merged pack they will end up in, once the caller knows it.
 */
export function drawPartsPdf(
  parts: readonly PdfPart[],
  o: { title: string; oddStarts?: boolean; evenLength?: boolean } & PdfOptions,
): DrawnParts {
  if (!parts.length) throw new Error("drawPartsPdf: no documents to draw");
  const pdf = newPdf(o.title, o);
  const starts: number[] = [];
  const counts: number[] = [];
  parts.forEach((p, i) => {
    if (i > 0) {
      if (o.oddStarts && pageCount(pdf) % 2 === 1) blankPage(pdf);
      newDocumentPage(pdf);
    }
    const start = pageCount(pdf);
    try {
      if (p.stamp) stamp(pdf, p.stamp);
      drawBlocks(pdf, p.blocks);
    } catch (e) {
      throw p.label ? new Error(`${p.label}: ${(e as Error).message}`) : e;
    }
    starts.push(start);
    counts.push(pageCount(pdf) - start + 1);
  });
  if (o.evenLength && pageCount(pdf) % 2 === 1) blankPage(pdf);
  const marks = new Map<number, string>();
  parts.forEach((p, i) => {
    if (p.mark) for (let n = starts[i]; n < starts[i] + counts[i]; n++) marks.set(n, p.mark);
  });
  return {
    pageCount: pageCount(pdf),
    starts,
    counts,
    finish: (footer) => finish(pdf, (page) => ({ footer: footer(page), mark: marks.get(page) ?? null })),
  };
}

/**
 * One document drawn on its own, without page numbers (publish/pack.ts numbers the merged pack), with
 * the "Agenda Item N" stamp on its first page when given. Returns the bytes and the page on which each
 * tagged block starts.
 */
export async function renderBlocksPdf(
  blocks: readonly Block[],
  o: { title: string; stamp?: string | null } & PdfOptions,
): Promise<{ bytes: Uint8Array; pageCount: number; tags: Map<string, number> }> {
  const pdf = newPdf(o.title, o);
  if (o.stamp) stamp(pdf, o.stamp);
  const tags = new Map<string, number>();
  drawBlocks(pdf, blocks, tags);
  const n = pageCount(pdf);
  return { bytes: await finish(pdf, null), pageCount: n, tags };
}

export type RenderedPdf = { bytes: Uint8Array; meetings: Meeting[]; pageCount: number; pages: PageMap };

/** Spans cannot point into a PDF's extracted lines from here; records from PDFs carry page-only spans. */
function pageTags(start: number, end: number): TagLines {
  return { tags: [], start, end, lines: [] };
}

/**
 * An agenda pack as PDF: front sheet, the previous meeting's minutes and the officer reports, each
 * document starting on an odd page, with the front sheet's page ranges measured from this PDF.
 */
export async function renderAgendaPackPdf(
  meeting: MeetingLike,
  previous: MeetingLike | null,
  opts: PdfOptions = {},
): Promise<RenderedPdf> {
  const doc = asDoc(meeting);
  const prev = previous ? asDoc(previous) : null;
  const body = packBodyParts(doc, prev);
  const { front, layout } = settlePack(doc, body, pdfMeasurer(opts));
  const pdf = newPdf(`${doc.record.body} ${doc.record.date ?? ""}`.trim(), opts);
  const tagPages = new Map<string, number>();
  drawBlocks(pdf, front, tagPages);
  body.forEach((p, i) => {
    const start = layout.starts[i + 1];
    if (pageCount(pdf) + 1 < start) blankPage(pdf);
    newDocumentPage(pdf);
    if (p.agendaItem) stamp(pdf, `Agenda Item ${p.agendaItem}`);
    drawBlocks(pdf, p.blocks, tagPages);
  });
  check(layout, pageCount(pdf));
  const bytes = await finish(pdf);
  const meetings = [frontSheetRecord(doc.record, layout.pages, pageTags(1, 1))];
  if (prev && body.some((p) => p.kind === "minutes")) meetings.push(minutesRecord(prev.record, pageTags(1, 1)));
  return { bytes, meetings: meetings.map(pageOnlySpans(tagPages)), pageCount: layout.pageCount, pages: layout.pages };
}

function check(layout: PackLayout, drawn: number): void {
  if (drawn !== layout.pageCount)
    throw new Error(`agenda pack PDF has ${drawn} pages but its layout planned ${layout.pageCount}`);
}

/**
 * Spans in PDF records give the physical page where each thing starts, as drawn; line numbers
 * belong to whatever reads the PDF back, so they are left at 1.
 */
function pageOnlySpans(pages: ReadonlyMap<string, number>) {
  return (m: Meeting): Meeting => {
    const at = (tag: string) => ({ startLine: 1, endLine: 1, page: pages.get(tag) ?? null });
    const isMinutes = m.minutes.length > 0 || m.attendance !== null;
    return {
      ...m,
      agenda: m.agenda.map((a) => ({ ...a, span: at(`agenda:${a.number}`) })),
      reports: m.reports.map((r) => ({ ...r, span: at(`report:${r.agendaItem}`) })),
      minutes: m.minutes.map((x) => ({ ...x, span: at(`minute:${x.number ?? x.title}`) })),
      span: at(isMinutes ? "minutes" : "front"),
    };
  };
}

export async function renderPackPdf(
  meeting: MeetingLike,
  previous: MeetingLike | null,
  opts: PdfOptions = {},
): Promise<Uint8Array> {
  return (await renderAgendaPackPdf(meeting, previous, opts)).bytes;
}

/** The minutes of one meeting as a standalone PDF. */
export async function renderMinutesPdf(meeting: MeetingLike, opts: PdfOptions = {}): Promise<RenderedPdf> {
  const doc = asDoc(meeting);
  const pdf = newPdf(`Minutes: ${doc.record.body} ${doc.record.date ?? ""}`.trim(), opts);
  const tagPages = new Map<string, number>();
  drawBlocks(pdf, minutesBlocks(doc, { standalone: true }), tagPages);
  const n = pageCount(pdf);
  const bytes = await finish(pdf);
  const record = pageOnlySpans(tagPages)(minutesRecord(doc.record, pageTags(1, 1)));
  return { bytes, meetings: [record], pageCount: n, pages: new Map() };
}
