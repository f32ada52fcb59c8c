/**
 * The renderer's intermediate form: a document is a list of blocks (lines of text, label/value
 * fields, table rows, vertical gaps), written once by the composers and drawn by two backends,
 * plain text (text.ts) and PDF (pdf.ts). A block may carry a tag so a backend can report where it
 * put it (the line span of an agenda item, a minute or a report).
 */

export type Block =
  | { kind: "gap"; tag?: string }
  | { kind: "text"; text: string; bold?: boolean; center?: boolean; indent?: number; tag?: string }
  | { kind: "field"; label: string; value: string; bullet?: boolean; tag?: string }
  | {
      kind: "row";
      cells: string[];
      /** Column widths as fractions of the text width, one per cell. */
      widths: number[];
      underline?: boolean;
      tag?: string;
    };

/** A document inside a pack: the front sheet, a set of minutes or one officer report. */
export type Part = { kind: "front" | "minutes" | "report" | "blank"; agendaItem: string | null; blocks: Block[] };

export const gap = (tag?: string): Block => ({ kind: "gap", tag });
export const line = (
  text: string,
  opts: { bold?: boolean; center?: boolean; indent?: number; tag?: string } = {},
): Block => ({
  kind: "text",
  text,
  ...opts,
});
export const heading = (text: string, tag?: string): Block => ({ kind: "text", text, bold: true, tag });

/** Paragraphs separated by gaps. */
export function paragraphs(texts: readonly string[], first = true): Block[] {
  const out: Block[] = [];
  texts.forEach((t, i) => {
    if (i > 0 || first) out.push(gap());
    out.push(line(t));
  });
  return out;
}

export const BLANK_PAGE_TEXT = "This page is intentionally left blank";

/** Record text as one printed line: tabs and newlines typed into a field must not break the layout. */
export function flat(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
