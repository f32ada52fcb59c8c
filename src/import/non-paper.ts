/**
 * Is this file a council paper at all? Files that travel with papers but are not papers (a generator's
 * truth.json, a SOURCES.md list of links, a stray CSV or JSON data file, an annual return of accounts)
 * must not become public documents, whatever meetings a parser might read into them. Pure: the file's
 * name, its text (decoded head) and the lines the reader gave in; a reason naming the kind out, or null.
 *
 * The rules read kinds, not names alone: a data file by its structure (JSON that parses; rows of one
 * comma count), a list of sources by its share of links, and a financial return by its own head
 * (the annual return / accounting statements wording) with no meeting heading beside it, so an
 * agenda pack that carries the return as an item's paper is still read.
 */

/** A meeting heading in a document's head: an agenda pack, a summons or minutes. */
const MEETING_HEAD =
  /\bminutes\s+of\b|\bagenda\b|\bnotice\s+(?:is\s+hereby\s+given|of\s+(?:the\s+)?meeting)\b|\bsummon(?:s|ed)\b|\bpresent\s*:|\bmeeting\s+of\s+the\b/i;
/** The head of an annual return or a statement of accounts. */
const FINANCIAL_RETURN =
  /\bannual\s+(?:governance\s+and\s+accountability\s+)?return\b|\bstatement\s+of\s+accounts\b|\baccounting\s+statements\b[\s\S]{0,400}\b(?:year\s+ended|balances\s+brought\s+forward)\b/i;
const URL = /\bhttps?:\/\/\S+|\b[\w-]+(?:\.[\w-]+)+\/[\w./%-]+/;
/** A document's file name in running text ("kent_cabinet_minutes.pdf", "README.md"). */
const FILE_NAME = /\b[\w.-]+\.(?:pdf|docx?|odt|rtf|html?|xml|json|csv|tsv|md|txt|xlsx?)\b/i;
/** A fenced code block's fence (Markdown). */
const FENCE = /^\s*(?:```|~~~)/;

function jsonData(text: string): boolean {
  const t = text.trim();
  if (!/^[[{]/.test(t) || !/[\]}]$/.test(t)) return false;
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
}

/** Rows that all carry the same number (two or more) of commas or tabs: a CSV or TSV table. */
function delimitedData(name: string, lines: string[]): boolean {
  const rows = lines.filter((l) => l.trim()).slice(0, 200);
  if (rows.length < 3) return false;
  for (const sep of [",", "\t"]) {
    const counts = rows.map((r) => r.split(sep).length - 1);
    const first = counts[0];
    if (first < 2) continue;
    const same = counts.filter((c) => c === first).length / counts.length;
    // By name, most rows agreeing is enough; unnamed, every row must (minutes never look like that).
    if ((/\.(?:csv|tsv)$/i.test(name) && same >= 0.8) || (same === 1 && rows.length >= 5)) return true;
  }
  return false;
}

/**
 * Why the file is not a council paper, naming its kind, or null when it may be one. `format` is the
 * reader's (data-file rules apply to plain text only), `lines` the extracted lines (null for records).
 */
export function nonPaperReason(name: string, format: string, text: string, lines: string[] | null): string | null {
  if (format === "text" || format === "markdown") {
    if (jsonData(text)) return "a JSON data file, not a council paper";
    if (delimitedData(name, text.split(/\r?\n/)))
      return "a table of data (comma- or tab-separated rows), not a council paper";
  }
  if (!lines) return null;
  const withText = lines.filter((l) => l.trim());
  const linked = withText.filter((l) => URL.test(l)).length;
  if (linked >= 8 && linked / withText.length >= 0.3) return "a list of links or sources, not a council paper";
  // An index of files (a SOURCES or MANIFEST list, a README's table of what each file is): papers cite a
  // background paper or two, never a file on most lines.
  const files = withText.filter((l) => FILE_NAME.test(l)).length;
  if (files >= 8 && files / withText.length >= 0.3)
    return "a list of files (an index, README or list of sources), not a council paper";
  // Software documentation: code blocks and no meeting heading.
  if (withText.filter((l) => FENCE.test(l)).length >= 2 && !MEETING_HEAD.test(withText.slice(0, 60).join("\n")))
    return "documentation with code blocks (a README or notes), not a council paper";
  const head = withText.slice(0, 60).join("\n");
  if (FINANCIAL_RETURN.test(head) && !MEETING_HEAD.test(head))
    return "an annual return or statement of accounts (a financial return), not a council paper";
  return null;
}
