/**
 * Word-processor paragraphs and table rows → document lines, shared by the .docx and .odt readers.
 * One line per paragraph (more where it has manual line breaks), a blank line between paragraphs
 * as in a text file, table rows as lines with TAB cells the way the PDF reader hands on columns.
 */
import type { Line } from "../../model/document";

export type Block = {
  /** Text of each visual line (manual line breaks split a paragraph); TABs kept. */
  lines: string[];
  bold: boolean;
  heading: boolean;
  /** Cells of a table row (one per column), when this block is a row. */
  cells?: string[];
  page: number | null;
  /** 1-based paragraph number in document order (table rows count one per source paragraph row). */
  para: number;
};

/** "1.\tApologies\t\tCllr Smith" → cells of the non-empty TAB-separated pieces; leading/trailing TABs are indents. */
/** A typed list number before a TAB: "12.", "(b)", "iv)", "A.", "21.05.03", "21/045", "Min 12/24". */
const TYPED_NUMBER =
  /^(?:\(?\d{1,3}[a-z]?[.)]?|\d{4}[a-z]?[.)]|\(?[A-Za-z][.)]|\(?[ivxlc]{1,6}[.)]|\d{1,2}\.\d{1,2}(?:\.\d{1,3})?\.?|\d{2,4}\/\d{1,4}\.?|(?:Min(?:ute)?s?\.?|Item) ?\d+(?:\/\d+)?\.?)$/;

/**
 * "1.\tApologies\t\tCllr Smith" → cells of the non-empty TAB-separated pieces; leading/trailing TABs
 * are indents, and a typed number before its TAB stays with its text ("12. Apologies"), as the PDF
 * reader keeps a numbered heading whole.
 */
export function tabCells(text: string): string[] | undefined {
  const parts = text
    .replace(/^\t+|\t+$/g, "")
    .split(/\t+/)
    .map((c) => c.trim());
  while (parts.length >= 2 && TYPED_NUMBER.test(parts[0])) parts.splice(0, 2, `${parts[0]} ${parts[1]}`);
  return parts.length >= 2 ? parts : undefined;
}

const clean = (s: string) =>
  s
    .replace(/[\u00a0\u2007\u202f]/g, " ")
    .replace(/[\u200b\u200e\u200f\ufeff]/g, "")
    .replace(/ {2,}/g, " ")
    .trim();

export function blocksToLines(blocks: Block[]): Line[] {
  const lines: Line[] = [];
  let prevRow = false;
  const blank = (page: number | null) => {
    if (lines.length && lines[lines.length - 1].text !== "") lines.push({ n: lines.length + 1, text: "", page });
  };
  for (const b of blocks) {
    const isRow = b.cells !== undefined;
    if (isRow) {
      const cells = b.cells!.map((c) => clean(c.replace(/\t+/g, " ")));
      if (cells.every((c) => c === "")) {
        blank(b.page);
        prevRow = false;
        continue;
      }
      if (!prevRow) blank(b.page);
      const line: Line = { n: lines.length + 1, text: cells.join("\t"), page: b.page, para: b.para };
      line.cells = cells;
      if (b.bold) line.bold = true;
      lines.push(line);
      prevRow = true;
      continue;
    }
    prevRow = false;
    const texts = b.lines
      .map((t) => t.replace(/[ \u00a0]*\t[ \u00a0]*/g, "\t"))
      .map((t) => clean(t.replace(/\t/g, "\u0001")));
    if (texts.every((t) => t.replace(/\u0001/g, "") === "")) {
      blank(b.page);
      continue;
    }
    blank(b.page);
    for (const t0 of texts) {
      const t = t0.replace(/\u0001/g, "\t");
      if (!t.replace(/\t/g, "").trim()) continue;
      const cells = tabCells(t);
      const line: Line = {
        n: lines.length + 1,
        text: cells ? cells.join("\t") : t.replace(/\t+/g, " ").trim(),
        page: b.page,
        para: b.para,
      };
      if (cells) line.cells = cells;
      if (b.bold) line.bold = true;
      if (b.heading) line.heading = true;
      lines.push(line);
    }
  }
  while (lines.length && lines[lines.length - 1].text === "") lines.pop();
  return lines;
}
