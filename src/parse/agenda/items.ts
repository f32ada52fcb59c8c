/**
 * One agenda line's pieces → number, title, report-by and page range. Knows the printed forms:
 * "N. Title.<TAB>(Pages a - b)", pipe/TAB tables "N. | Title. | Report by | (Pages a - b)", report-by
 * glued to the title ("Direct Payment Cards. Director of X (Pages 37 - 42)", with or without the full
 * stop), "Title. Report of the Director of X." inside the title cell. Pure.
 */
import { clean, head, stripTrailingStop } from "../common/text";

export type Pages = { start: number; end: number };

const PAGES = /\(?\bPages?\s+(\d{1,4})(?:\s*(?:-|–|to)\s*(\d{1,4}))?\s*\)?/i;

/** Finds and removes a page range from text: "(Pages 13 - 20)", "Pages 5-8", "(Page 9)". */
export function takePages(text: string): { rest: string; pages: Pages | null } {
  const t = head(text, 2000);
  const m = PAGES.exec(t);
  if (!m) return { rest: text, pages: null };
  const start = Number(m[1]);
  const end = m[2] ? Number(m[2]) : start;
  const rest = clean(t.slice(0, m.index) + " " + t.slice(m.index + m[0].length));
  return { rest, pages: end >= start ? { start, end } : { start: end, end: start } };
}

/** Only "(Pages a - b)" on the line: a page range orphaned by a page break. */
export function isPagesOnly(text: string): boolean {
  const { rest, pages } = takePages(text);
  return pages !== null && rest.replace(/[\s.;,]/g, "") === "";
}

/** Where an officer's title starts: the words a "report by" column holds. */
const ROLE_START =
  /^(?:(?:Joint )?Reports? (?:of|by) (?:the )?)?(?:(?:Corporate|Executive|Strategic|Assistant|Deputy|Interim|Acting|Service|Group) )?(?:Director\b|Directors\b|Chief Executive\b|Chief Officer\b|Head of\b|Independent Chair\b|Review Panel\b|Monitoring Officer\b|County Solicitor\b|Borough Solicitor\b|City Solicitor\b|Treasurer\b|Cabinet Member\b|Leader of\b|Clerk\b|Scrutiny Panel\b|Task (?:and|&) Finish Group\b)/;

/** "Title. Director of X" / "Title Director of X": splits report-by glued to the end of a title. */
export function splitGluedReportBy(text: string, hasPages: boolean): { title: string; reportBy: string | null } {
  const t = clean(text);
  // Prefer the last ". " boundary followed by an officer's title.
  let cut = -1;
  for (let i = t.indexOf(". "); i >= 0 && i < 1000; i = t.indexOf(". ", i + 1)) {
    if (ROLE_START.test(t.slice(i + 2, i + 120))) cut = i;
  }
  if (cut > 0) return { title: t.slice(0, cut + 1), reportBy: t.slice(cut + 2) };
  if (hasPages) {
    // No full stop: the first officer title after a word boundary, leaving a title of some length.
    for (let i = t.indexOf(" "); i > 0 && i < 1000; i = t.indexOf(" ", i + 1)) {
      if (i >= 8 && ROLE_START.test(t.slice(i + 1, i + 120))) return { title: t.slice(0, i), reportBy: t.slice(i + 1) };
    }
  }
  return { title: t, reportBy: null };
}

/** "Report of the Director of X." repeated inside a title cell. */
const TRAILING_REPORT_OF = /\.\s+(?:Joint )?Reports? (?:of|by) (?:the )?([^.]{3,200})\.?$/i;

export type ItemFields = { title: string; reportBy: string | null; pages: Pages | null };

/**
 * Turns the text pieces after an item number (cells of a table row, or one glued string) into fields.
 * The first piece is the title; a later non-empty piece is the report-by column.
 */
export function itemFields(pieces: string[]): ItemFields {
  let pages: Pages | null = null;
  const texts: string[] = [];
  for (const p of pieces) {
    const { rest, pages: pg } = takePages(p);
    if (pg && !pages) pages = pg;
    const c = clean(rest);
    if (c && !/^[–—-]$/.test(c)) texts.push(c);
  }
  let title = texts[0] ?? "";
  let reportBy: string | null = texts.length > 1 ? texts.slice(1).join(" ") : null;
  if (reportBy === null) {
    const s = splitGluedReportBy(title, pages !== null);
    title = s.title;
    reportBy = s.reportBy;
  }
  const rep = TRAILING_REPORT_OF.exec(head(title, 2000));
  if (rep) {
    title = title.slice(0, rep.index + 1);
    if (!reportBy) reportBy = clean(rep[1]);
  }
  title = stripTrailingStop(title);
  if (reportBy) reportBy = stripTrailingStop(reportBy).replace(/^(?:Joint )?Reports? (?:of|by) (?:the )?/i, "") || null;
  return { title, reportBy, pages };
}
