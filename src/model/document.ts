/**
 * The document model every reader produces and the parser consumes: the text as numbered lines,
 * each with its physical page and light layout hints. Readers (text, PDF, HTML) differ; the parser
 * sees only this. Pure data, no I/O.
 */
import type { Diagnostic, SourceFormat } from "./parse-v1";

export type Line = {
  /** 1-based line number in the extracted text; spans point here. */
  n: number;
  /** The line's text with inline markup (`**`, `<u>`, HTML tags) removed; not trimmed. */
  text: string;
  /** Physical page (1-based) for paged sources; null when the source has no pages. */
  page: number | null;
  /** The whole line was set in bold (PDF font weight, `**...**`, <strong>). */
  bold?: boolean;
  /** The reader believes this is a heading (markdown `#`, HTML h1-h6, large PDF font). */
  heading?: boolean;
  /** Table cells when the reader saw columns (tabs, pipe tables, wide PDF x-gaps, HTML td). */
  cells?: string[];
  /** PDF: where each cell starts (x in points from the page's left edge), beside `cells`. */
  cellXs?: number[];
  /** Source paragraph (1-based, document order) for word-processor files, whose own unit is the paragraph. */
  para?: number;
};

/** Something the reader removed from the text (page numbers, running headers) and recorded. */
export type Furniture = {
  page: number | null;
  kind: "page-number" | "header" | "footer" | "stamp" | "blank-page";
  text: string;
  /**
   * For a "page-number": the printed page number, set when the reader judged it part of the
   * document's running page numbering (the numbers an agenda's "(Pages 13 - 20)" refers to).
   */
  printed?: number;
};

export type SourceDocument = {
  name: string;
  format: SourceFormat;
  sha256: string;
  lines: Line[];
  /** Number of physical pages, when the source has pages. */
  pageCount: number | null;
  furniture: Furniture[];
  diagnostics: Diagnostic[];
};

/** Lines [from, to] inclusive, 1-based, as the document numbers them. */
export function slice(doc: SourceDocument, from: number, to: number): Line[] {
  return doc.lines.slice(Math.max(0, from - 1), Math.max(0, to));
}
