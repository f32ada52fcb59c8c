/**
 * The search query language (words, "phrases", -exclusions, OR) translated for each engine.
 * Any input is safe: SQLite gets an FTS5 MATCH expression built only from quoted token strings and
 * the operators AND, OR, NOT and parentheses, so no user text can be read as syntax; PostgreSQL gets
 * the cleaned text for websearch_to_tsquery, which never raises on input. Both are bound as parameters.
 */

/** At most this many terms reach the engine; the rest are ignored. */
export const MAX_TERMS = 32;
export const MAX_QUERY_CHARS = 1000;

export type QueryTerm = { tokens: string[]; negated: boolean; phrase: boolean };

/** Lone UTF-16 surrogates replaced by U+FFFD, so every engine receives valid UTF-8. */
export function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** Control characters out (PostgreSQL rejects NUL), lone surrogates repaired, length bounded. */
export function cleanQuery(input: string): string {
  return wellFormed(
    String(input)
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, " ")
      .slice(0, MAX_QUERY_CHARS),
  );
}

/** Word characters as FTS5's unicode61 tokenizer sees them (letters, numbers, private use). */
const TOKEN = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;
const hasWordChar = (t: string): boolean => /[\p{L}\p{N}\p{Co}]/u.test(t);

function tokens(text: string): string[] {
  return (text.match(TOKEN) ?? []).filter(hasWordChar);
}

/**
 * Reads the user's query into terms joined by AND, with OR groups: `a b OR c -d "e f"` is
 * a AND (b OR c) AND "e f" AND NOT d.
 */
export function parseQuery(input: string): { groups: QueryTerm[][]; excluded: QueryTerm[] } {
  const s = cleanQuery(input);
  const groups: QueryTerm[][] = [];
  const excluded: QueryTerm[] = [];
  let pendingOr = false;
  let count = 0;
  let i = 0;
  while (i < s.length && count < MAX_TERMS) {
    const ch = s[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    let negated = false;
    if (ch === "-" && i + 1 < s.length && !/\s/.test(s[i + 1])) {
      negated = true;
      i++;
    }
    let raw: string;
    let phrase = false;
    if (s[i] === '"') {
      const end = s.indexOf('"', i + 1);
      raw = s.slice(i + 1, end < 0 ? s.length : end);
      i = end < 0 ? s.length : end + 1;
      phrase = true;
    } else {
      let j = i;
      while (j < s.length && !/\s/.test(s[j])) j++;
      raw = s.slice(i, j);
      i = j;
      if (!negated && raw.toLowerCase() === "or") {
        if (groups.length) pendingOr = true;
        continue;
      }
    }
    const toks = tokens(raw);
    if (!toks.length) continue;
    count++;
    const term: QueryTerm = { tokens: toks, negated, phrase };
    if (negated) {
      excluded.push(term);
      continue;
    }
    if (pendingOr && groups.length) groups[groups.length - 1].push(term);
    else groups.push([term]);
    pendingOr = false;
  }
  return { groups, excluded };
}

const ftsString = (t: QueryTerm): string => `"${t.tokens.join(" ")}"`;
const ftsGroup = (g: QueryTerm[]): string => (g.length === 1 ? ftsString(g[0]) : `(${g.map(ftsString).join(" OR ")})`);

/** The FTS5 MATCH expression, or null when nothing positive is left to search for. */
export function toFts5(input: string): string | null {
  const { groups, excluded } = parseQuery(input);
  if (!groups.length) return null;
  const positive = groups.map(ftsGroup).join(" AND ");
  if (!excluded.length) return positive;
  return `(${positive}) NOT (${excluded.map(ftsString).join(" OR ")})`;
}

/** The text given to PostgreSQL's websearch_to_tsquery, or null when it holds no word at all. */
export function toWebsearch(input: string): string | null {
  const s = cleanQuery(input).trim();
  return tokens(s).length ? s : null;
}

// ---------------------------------------------------------------------------------------------
// Snippets: engines wrap matches in these markers (stripped from stored text by cleanText).

export const MARK_START = "\u0001";
export const MARK_END = "\u0002";

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function snippetHtml(marked: string): string {
  return escapeHtml(marked).replaceAll(MARK_START, "<mark>").replaceAll(MARK_END, "</mark>");
}

export function snippetText(marked: string): string {
  return marked.replaceAll(MARK_START, "[").replaceAll(MARK_END, "]");
}
