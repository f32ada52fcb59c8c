/**
 * Search-hit highlighting that cannot inject markup: the text is cut into pieces around the hits, every
 * piece is escaped, and only then are hits wrapped in <mark>.
 */
import { escapeHtml, Html } from "./html";

/** Private-use markers a store may put around hits in a snippet (as FTS5 snippet() can be told to). */
export const HIT_START = "\u{E000}";
export const HIT_END = "\u{E001}";

/** Words of a query worth marking: letters and digits only, at least two characters, at most 20 terms. */
export function queryTerms(query: string): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]{2,40}/gu) ?? [];
  const stop = new Set(["and", "or", "not", "near", "the", "of", "to", "in", "a", "an"]);
  return [...new Set(words.filter((w) => !stop.has(w)))].slice(0, 20);
}

/**
 * Marks hits in `text`. Where the text carries HIT_START/HIT_END markers those are the hits; otherwise
 * words starting with a query term are marked (prefix match, so "school" marks "schools").
 */
export function highlight(text: string, query: string): Html {
  if (text.includes(HIT_START)) {
    let out = "";
    for (const [i, chunk] of text.split(HIT_START).entries()) {
      if (i === 0) {
        out += escapeHtml(chunk.replaceAll(HIT_END, ""));
        continue;
      }
      const end = chunk.indexOf(HIT_END);
      const hit = end < 0 ? chunk : chunk.slice(0, end);
      const rest = end < 0 ? "" : chunk.slice(end + 1);
      out += `<mark>${escapeHtml(hit)}</mark>${escapeHtml(rest.replaceAll(HIT_END, ""))}`;
    }
    return new Html(out);
  }
  const terms = queryTerms(query);
  if (!terms.length) return new Html(escapeHtml(text));
  let out = "";
  // Words are runs of letters/digits; each is compared with the terms, never used as a pattern.
  const re = /[\p{L}\p{N}]+/gu;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const word = m[0].toLowerCase();
    if (!terms.some((t) => word.startsWith(t))) continue;
    out += `${escapeHtml(text.slice(last, m.index))}<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index + m[0].length;
  }
  return new Html(out + escapeHtml(text.slice(last)));
}
