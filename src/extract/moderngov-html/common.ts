/**
 * Shared by the Modern.Gov HTML and XML readers: HTML → text blocks that remember their source
 * line (scripts, styles and attributes never reach the output; entities are decoded), UK dates and
 * times, RESOLVED clauses, Schedule 12A paragraphs. Pure functions over strings and linkedom.
 */
import { parseHTML } from "linkedom";
import type { Clause } from "../../model/parse-v1";
import { findDate, findTime } from "../../parse/common/dates";

/** Elements whose content is never text: dropped before extraction. */
const DROP = "script, style, noscript, template, iframe, object, embed, svg, math, head, link, meta, button, form";

const BLOCK = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
]);

/** The 1-based line of every offset, for a text scanned in increasing offset order. */
function lineCounter(text: string): (offset: number) => number {
  let pos = 0;
  let line = 1;
  return (offset: number) => {
    if (offset < pos) {
      pos = 0;
      line = 1;
    }
    for (; pos < offset; pos++) if (text.charCodeAt(pos) === 10) line++;
    return line;
  };
}

/**
 * Marks every start tag with its source line (data-qline) so that elements of the parsed tree can
 * be traced back to the HTML a person can open. Comments and the content of raw-text elements
 * (script, style, title, textarea) are left alone.
 */
export function annotateLines(html: string, firstLine = 1): string {
  const lineAt = lineCounter(html);
  const re =
    /<!--[\s\S]*?(?:-->|$)|<(script|style|title|textarea|xmp)\b([^>]*)>([\s\S]*?)(<\/\1\s*>|$)|<([a-zA-Z][\w:-]*)(?=[\s/>])/gi;
  return html.replace(
    re,
    (
      m: string,
      raw: string | undefined,
      rawAttrs: string,
      rawBody: string,
      rawEnd: string,
      tag: string | undefined,
      offset: number,
    ) => {
      const line = lineAt(offset) + firstLine - 1;
      if (raw) return `<${raw} data-qline="${line}"${rawAttrs}>${rawBody}${rawEnd}`;
      if (tag) return `<${tag} data-qline="${line}"`;
      return m;
    },
  );
}

// biome-ignore lint/suspicious/noExplicitAny: linkedom's DOM types are loose
export type El = any;

/** Elements whose end tag may be left out: an unclosed <p> or <td> does not nest what follows. */
const OPTIONAL_END = new Set(
  "p li dt dd tr td th thead tbody tfoot colgroup caption option optgroup rb rt rtc rp".split(" "),
);
const VOID = new Set("area base br col embed hr img input link meta param source track wbr".split(" "));
const RAW = new Set(["script", "style", "textarea", "title", "xmp", "plaintext"]);

/**
 * How deep the markup's elements nest, counted in one linear pass over the tags, stopping as soon as
 * it passes `max` (so 200,000 nested <div>s are refused in milliseconds instead of costing a DOM
 * build of minutes). Void and self-closed elements and those with optional end tags do not count.
 */
export function markupDepth(html: string, max: number): number {
  let depth = 0;
  let deepest = 0;
  let i = html.indexOf("<");
  while (i >= 0 && i < html.length - 1) {
    if (html.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i + 4);
      if (end < 0) break;
      i = html.indexOf("<", end + 3);
      continue;
    }
    const close = html.charCodeAt(i + 1) === 47; // "/"
    let j = i + (close ? 2 : 1);
    const start = j;
    while (j < html.length) {
      const c = html.charCodeAt(j);
      // a-z A-Z 0-9 - : _
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 58 || c === 95)
        j++;
      else break;
    }
    if (j === start) {
      i = html.indexOf("<", i + 1);
      continue;
    }
    const tag = html.slice(start, j).toLowerCase();
    const gt = html.indexOf(">", j);
    if (gt < 0) break;
    if (close) {
      if (!VOID.has(tag) && !OPTIONAL_END.has(tag) && depth > 0) depth--;
    } else if (RAW.has(tag)) {
      const endTag = new RegExp(`</${tag}`, "gi");
      endTag.lastIndex = gt + 1;
      const found = endTag.exec(html);
      if (!found) break;
      const end = found.index;
      i = html.indexOf("<", end + 2);
      continue;
    } else if (!VOID.has(tag) && !OPTIONAL_END.has(tag) && html.charCodeAt(gt - 1) !== 47) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > max) return deepest;
      }
    }
    i = html.indexOf("<", gt + 1);
  }
  return deepest;
}

/** Parses an HTML document or fragment (with source-line marks) into a linkedom document. */
export function parseDocument(html: string, firstLine = 1): El {
  const annotated = annotateLines(html, firstLine);
  const isDoc = /^\s*(?:<!--[\s\S]*?-->\s*)*(?:<!doctype|<html)/i.test(html);
  const { document } = parseHTML(isDoc ? annotated : `<!doctype html><html><body>${annotated}</body></html>`);
  return document;
}

/** Removes elements that never carry readable text (scripts, styles, forms, embedded objects). */
export function dropNonText(root: El): void {
  for (const el of [...root.querySelectorAll(DROP)]) if (el.localName !== "head" || root.nodeType === 9) el.remove();
}

export const lineOf = (el: El): number | null => {
  for (let e = el; e && e.nodeType === 1; e = e.parentNode) {
    const v = Number(e.getAttribute?.("data-qline"));
    if (Number.isInteger(v) && v > 0) return v;
  }
  return null;
};

/** The last source line an element covers (its last descendant's line plus the newlines in its text). */
export function endLineOf(el: El): number | null {
  let end = lineOf(el);
  const walk = (node: El, line: number) => {
    let cur = line;
    for (const child of node.childNodes ?? []) {
      if (child.nodeType === 3) cur += (child.textContent.match(/\n/g) ?? []).length;
      else if (child.nodeType === 1) {
        const l = Number(child.getAttribute("data-qline"));
        if (Number.isInteger(l) && l > cur) cur = l;
        cur = walk(child, cur);
      }
    }
    return cur;
  };
  if (end !== null) end = walk(el, end);
  return end;
}

/** Whitespace collapsed, no-break spaces made plain, trimmed. */
export const clean = (s: string): string =>
  s
    .replace(/[\u00A0\u2007\u202F]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

export type Block = {
  text: string;
  /** Source line where the block starts. */
  line: number | null;
  endLine: number | null;
  tag: string;
  heading: boolean;
  bold: boolean;
  cells?: string[];
  /** The block follows a <br> inside the same paragraph (a line break, not a new paragraph). */
  afterBreak?: boolean;
};

const isBoldEl = (el: El): boolean => {
  const tag = el.localName;
  if (tag === "b" || tag === "strong" || tag === "th") return true;
  const style = String(el.getAttribute?.("style") ?? "");
  return /font-weight\s*:\s*(?:bold|[6-9]00)/i.test(style);
};

type Building = {
  parts: string[];
  boldChars: number;
  chars: number;
  line: number | null;
  endLine: number | null;
  tag: string;
  heading: boolean;
  afterBreak: boolean;
};

const OL_FORMAT: Record<string, (n: number) => string> = {
  a: (n) => String.fromCharCode(96 + (((n - 1) % 26) + 1)),
  A: (n) => String.fromCharCode(64 + (((n - 1) % 26) + 1)),
  i: (n) => romanNumeral(n),
  I: (n) => romanNumeral(n).toUpperCase(),
};

function romanNumeral(n: number): string {
  const table: [number, string][] = [
    [1000, "m"],
    [900, "cm"],
    [500, "d"],
    [400, "cd"],
    [100, "c"],
    [90, "xc"],
    [50, "l"],
    [40, "xl"],
    [10, "x"],
    [9, "ix"],
    [5, "v"],
    [4, "iv"],
    [1, "i"],
  ];
  let out = "";
  let v = n;
  for (const [k, r] of table)
    while (v >= k) {
      out += r;
      v -= k;
    }
  return out || String(n);
}

/**
 * The marker a browser shows before a list item: "- " in a bulleted list; in a numbered list the
 * item's number (from the list's start, the items' values and its type), so "<ol start="1234">"
 * minutes keep their numbers.
 */
function listLabel(li: El): string {
  const list = li.parentNode;
  if (list?.localName !== "ol") return "- ";
  let n = Number.parseInt(String(list.getAttribute?.("start") ?? "1"), 10);
  if (!Number.isFinite(n)) n = 1;
  for (const sib of [...list.children] as El[]) {
    if (sib.localName !== "li") continue;
    const v = Number.parseInt(String(sib.getAttribute?.("value") ?? ""), 10);
    if (Number.isFinite(v)) n = v;
    if (sib === li) break;
    n++;
  }
  const type = String(list.getAttribute?.("type") ?? "1");
  return `${(OL_FORMAT[type] ?? String)(n)}. `;
}

/**
 * Text blocks of an element in document order: one per paragraph, heading, list item, line break
 * or table row (with cells). Only text nodes are read, so markup in the input never reaches the
 * output. Each block knows the source lines it came from.
 */
export function blocksOf(root: El): Block[] {
  const blocks: Block[] = [];
  let cur: Building | null = null;
  let pendingBreak = false;
  const flush = () => {
    if (!cur) return;
    const text = clean(cur.parts.join(""));
    if (text && text !== "-") {
      const block: Block = {
        text,
        line: cur.line,
        endLine: cur.endLine ?? cur.line,
        tag: cur.tag,
        heading: cur.heading,
        bold: cur.chars > 0 && cur.boldChars / cur.chars >= 0.9,
      };
      if (cur.afterBreak) block.afterBreak = true;
      blocks.push(block);
    }
    cur = null;
  };
  const open = (tag: string, heading: boolean, prefix?: string): Building => ({
    parts: prefix !== undefined ? [prefix] : tag === "li" ? ["- "] : [],
    boldChars: 0,
    chars: 0,
    line: null,
    endLine: null,
    tag,
    heading,
    afterBreak: false,
  });
  const walk = (node: El, bold: boolean, heading: boolean) => {
    for (const child of node.childNodes ?? []) {
      if (child.nodeType === 3) {
        const t = String(child.textContent);
        if (!t.trim() && !cur) continue;
        if (!cur) {
          cur = open(String(node.localName ?? ""), heading);
          cur.afterBreak = pendingBreak;
        }
        pendingBreak = false;
        cur.parts.push(t);
        const n = t.replace(/\s/g, "").length;
        if (n > 0) {
          const at = lineOf(node);
          cur.line ??= at;
          const lead = (t.slice(0, t.search(/\S/)).match(/\n/g) ?? []).length;
          const span = (t.trimEnd().match(/\n/g) ?? []).length;
          if (at !== null) {
            cur.line = Math.min(cur.line ?? at + lead, at + lead);
            cur.endLine = Math.max(cur.endLine ?? 0, at + span);
          }
        }
        cur.chars += n;
        if (bold || heading) cur.boldChars += n;
        continue;
      }
      if (child.nodeType !== 1) continue;
      const tag = String(child.localName);
      if (tag === "br") {
        flush();
        pendingBreak = true;
        continue;
      }
      if (tag === "tr") {
        flush();
        const cells = [...child.children].filter((c: El) => c.localName === "td" || c.localName === "th");
        const cellBlocks = cells.map((c: El) => blocksOf(c));
        const texts = cellBlocks.map((bs: Block[]) => clean(bs.map((b) => b.text).join(" ")));
        if (texts.some(Boolean)) {
          const block: Block = {
            text: texts.join("\t"),
            line: lineOf(child),
            endLine: endLineOf(child),
            tag: "tr",
            heading: false,
            bold: cellBlocks.every((bs: Block[], i: number) => cells[i].localName === "th" || bs.every((b) => b.bold)),
          };
          if (texts.length > 1) block.cells = texts;
          blocks.push(block);
        }
        continue;
      }
      if (BLOCK.has(tag)) {
        flush();
        pendingBreak = false;
        const h = heading || /^h[1-6]$/.test(tag);
        cur = open(tag, h, tag === "li" ? listLabel(child) : undefined);
        walk(child, bold || isBoldEl(child), h);
        flush();
        continue;
      }
      walk(child, bold || isBoldEl(child), heading);
    }
  };
  walk(root, isBoldEl(root), /^h[1-6]$/.test(String(root.localName ?? "")));
  flush();
  return blocks;
}

/** Paragraph texts of an HTML fragment (as in Modern.Gov's minutes and decision bodies). */
export function paragraphsOf(root: El): string[] {
  return blocksOf(root).map((b) => b.text);
}

/** "19/10/2015" (UK day first) or "Thursday, 30th January, 2025" → ISO date, else null. */
export function ukDate(s: string): string | null {
  return findDate(clean(s))?.iso ?? null;
}

/** "10.00 am", "2 pm", "14:30" → "HH:MM", else null. */
export function clockTime(s: string): string | null {
  return findTime(clean(s));
}

const LABEL = /^(?:\(([a-z]{1,2}|[ivx]{1,5}|\d{1,3})\)|([a-z]|\d{1,3}|[ivx]{1,5})[.)])\s+/i;

/** Paragraphs → clauses, taking "(a)", "1.", "ii)" labels off the front. */
export function clausesFrom(paragraphs: string[]): Clause[] {
  return paragraphs
    .map((p) => clean(p))
    .filter(Boolean)
    .map((p) => {
      const m = LABEL.exec(p);
      return m
        ? { label: m[1] ?? m[2], text: p.slice(m[0].length).trim(), children: [] }
        : { label: null, text: p, children: [] };
    });
}

const RESOLVED =
  /^(?:it\s+was\s+)?(RESOLVED|AGREED|DECIDED|Resolved|Agreed|Decided)\b(\s*[:–—-]\s*|\s+that\b\s*:?\s*|\s*$)/;
const DECISION_HEADING = /^(?:decisions?|resolved|resolutions?|recommendations? agreed)\s*:?$/i;
const RESOLUTION_VERB =
  /^to\s+(?:approve|agree|note|endorse|receive|recommend|delegate|adopt|accept|authorise|authorize|confirm)\b/i;

/**
 * The RESOLVED clauses in minutes paragraphs: the text after "RESOLVED" (or "AGREED", "DECIDED";
 * capitals, or followed by a colon, dash or "that"), or the paragraphs under a "Decision" heading,
 * and the lettered or numbered paragraphs that follow. A minute that is a single "To approve ..."
 * paragraph is itself the resolution.
 */
export function resolutionsIn(paragraphs: string[]): Clause[] {
  const paras = paragraphs.map(clean).filter(Boolean);
  const out: string[] = [];
  let inside = false;
  let underHeading = false;
  for (const p of paras) {
    const m = RESOLVED.exec(p);
    if (m && (m[1] === m[1].toUpperCase() || m[2].trim())) {
      inside = true;
      underHeading = false;
      const rest = p.slice(m[0].length).trim();
      if (rest) out.push(rest);
      continue;
    }
    if (DECISION_HEADING.test(p)) {
      inside = true;
      underHeading = true;
      continue;
    }
    if (inside) {
      if (underHeading || LABEL.test(p)) out.push(p);
      else inside = false;
    }
  }
  if (!out.length && paras.length === 1 && RESOLUTION_VERB.test(paras[0])) out.push(paras[0]);
  return clausesFrom(out);
}

/** Schedule 12A paragraph numbers cited in a text ("paragraph 3", "paragraphs 1 and 2 of Part 1 of Schedule 12A"). */
export function exemptParagraphsIn(text: string): number[] {
  const t = clean(text);
  if (!/schedule\s*12a|exempt/i.test(t)) return [];
  const out = new Set<number>();
  const re = /paragraphs?\s+((?:\d{1,2}(?:\s*(?:,|and|&|or)\s*)?)+)/gi;
  for (const m of t.matchAll(re)) for (const n of m[1].match(/\d{1,2}/g) ?? []) if (+n >= 1 && +n <= 7) out.add(+n);
  return [...out].sort((a, b) => a - b);
}
