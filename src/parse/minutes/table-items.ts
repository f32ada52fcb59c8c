/**
 * Minutes set out as a table, as many town councils print them: a header row whose first cell
 * names the minute reference ("Min ref", "Minute No.", "Ref", "No.") over rows of reference, item
 * title and the minute's text (or reference and "Title: text" in two columns). Each row is one
 * minute; its text cell holds the narrative and the decision together, so the cell is cut into
 * paragraphs where a decision starts ("… waiting list. RESOLVED that …") for the decision reader.
 */
import type { ItemHeading } from "./items";
import type { LineView } from "./text";

/** The first header cell of a minutes table. */
const REF_HEADER =
  /^(?:min(?:ute)?s?\.?\s*(?:ref(?:erence)?|no|number)\.?|ref(?:erence)?\.?(?:\s*no\.?)?|no\.?|item\s+no\.?|#)$/i;

/** "Min 12/24" → "12/24", "Minute 1234." → "1234", "24/045" → "24/045", "A." → "A". */
export function refNumber(cell: string): string | null {
  const t = cell
    .trim()
    .replace(/^min(?:ute)?\.?\s*(?:no\.?\s*)?/i, "")
    .replace(/[.)]$/, "")
    .trim();
  return /^[\w./-]{1,12}$/.test(t) && /[\dA-Z]/.test(t) ? t : null;
}

/** Where a decision starts inside a paragraph: a sentence opening with RESOLVED, Agreed:, Decision:… */
const DECISION_START =
  /(?<=[.!?)]\s+)(?=(?:RESOLVED\b|Resolved\s*(?::|that\b)|It\s+was\s+(?:\w+ly\s+)?(?:RESOLVED|resolved|agreed|AGREED)\b|AGREED\b|Agreed\s*:|DECISION\b|Decision\s*:|Proposed\s+by\b))/g;

/** A table cell's text cut before each decision it carries. */
export function cutAtDecisions(text: string): string[] {
  return text
    .split(DECISION_START)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The minute rows of a minutes table between `first` and `last` (view indexes), or none, and
 * where its header row is (attendance is printed above it). `inline` carries the row's text cells.
 */
export function tableItems(views: LineView[], first: number, last: number): { items: ItemHeading[]; header: number } {
  const out: ItemHeading[] = [];
  let columns = 0;
  let header = -1;
  for (let i = first; i <= last; i++) {
    const cells = views[i].line.cells?.map((c) => c.trim());
    if (!cells) {
      // A blank line between rows (a PDF row of several printed lines) does not end the table.
      if (views[i].line.text.trim()) columns = 0;
      continue;
    }
    const filled = cells.filter(Boolean);
    if (!columns) {
      if (filled.length >= 2 && REF_HEADER.test(cells[0]) && filled.every((c) => c.length <= 30)) {
        columns = cells.length;
        if (header < 0) header = i;
      }
      continue;
    }
    const number = refNumber(cells[0]);
    if (!number) continue;
    let title: string;
    let text: string;
    if (columns >= 3) {
      title = cells[1];
      text = cells.slice(2).filter(Boolean).join(" ");
    } else {
      const m = /^(.{2,80}?)(?::\s+|\.\s+|\s*[–—]\s+)(\S.*)$/.exec(cells[1] ?? "");
      title = m ? m[1] : (cells[1] ?? "");
      text = m ? m[2] : "";
    }
    out.push({
      number,
      title: title.replace(/[:.\s]+$/, ""),
      agendaItem: null,
      at: i,
      headEnd: i,
      inline: text || null,
    });
  }
  return out.length >= 2 ? { items: out, header } : { items: [], header: -1 };
}
