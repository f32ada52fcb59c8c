/**
 * Reads plain text and Markdown (including PDF-to-text conversions that carry `**bold**`,
 * `<u>underline</u>`, pipe tables and tab-separated rows) into the document model. Line numbers are
 * the file's own, so spans point at the file a person can open.
 */
import type { Line, SourceDocument } from "../../model/document";
import type { Diagnostic } from "../../model/parse-v1";
import { parseDocument } from "../moderngov-html/common";
import { htmlToLines } from "../moderngov-html/reader";
import { ReadError, type Reader, type ReadInput, type ReadOutput } from "../registry";

const INLINE_MARKUP = /\*\*|__|<\/?(?:u|b|strong|em|i)>/gi;

/** Share of bytes in the first 64 KB that no text file contains. */
function binaryShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 65536);
  if (n === 0) return 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0 || (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12)) bad++;
  }
  return bad / n;
}

function splitCells(raw: string): string[] | undefined {
  const t = raw.trim();
  if (t.startsWith("|") && t.endsWith("|") && t.length > 2) {
    if (/^\|[\s|:-]+\|$/.test(t)) return undefined; // separator row
    return t
      .slice(1, -1)
      .split("|")
      .map((c) => c.replace(INLINE_MARKUP, "").trim());
  }
  if (raw.includes("\t")) {
    const cells = raw.split("\t").map((c) => c.replace(INLINE_MARKUP, "").trim());
    if (cells.filter(Boolean).length >= 1 && cells.length >= 2) return cells;
  }
  return undefined;
}

/** Markdown's inline syntax removed: links keep their text, escapes their character, emphasis its words. */
export function markdownInline(t: string): string {
  return t
    .replace(/!?\[([^\]\n]*)\]\([^)\s]*(?:\s+"[^"]*")?\)/g, "$1")
    .replace(INLINE_MARKUP, "")
    .replace(/(^|[\s(\u2014-])[*_]([^*_\s](?:[^*_\n]*[^*_\s])?)[*_](?=[\s.,;:)!?\u2014-]|$)/g, "$1$2")
    .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, "$1");
}

export function linesFromText(text: string, opts: { markdown: boolean }): Line[] {
  const raw = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const lines: Line[] = new Array(raw.length);
  let page = 1;
  let sawFormFeed = false;
  for (let i = 0; i < raw.length; i++) {
    let r = raw[i];
    if (r.includes("\f")) {
      // A form feed starts a new physical page (pdftotext output).
      const parts = r.split("\f");
      page += parts.length - 1;
      sawFormFeed = true;
      r = parts.join("");
    }
    const trimmed = r.trim();
    const bold = /^\*\*[^*].*\*\*$/.test(trimmed) || /^<(b|strong)>.*<\/\1>$/i.test(trimmed);
    let heading = false;
    let t = r;
    const h = /^\s{0,3}(#{1,6})\s+(.*)$/.exec(r);
    if (opts.markdown && h) {
      heading = true;
      t = h[2];
    } else if (/^<u>.*<\/u>$/i.test(trimmed) && trimmed.length < 200) {
      heading = true;
    }
    const line: Line = { n: i + 1, text: opts.markdown ? markdownInline(t) : t.replace(INLINE_MARKUP, ""), page: null };
    if (bold) line.bold = true;
    if (heading) line.heading = true;
    const cells = splitCells(r);
    if (cells) line.cells = cells;
    else if (
      opts.markdown &&
      /^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{3,}:?\s*\|?\s*$|^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$/.test(r)
    ) {
      // A pipe table's separator row is markup, not text: an empty row keeps the table together.
      line.text = "";
      line.cells = r
        .trim()
        .replace(/^\||\|$/g, "")
        .split("|")
        .map(() => "");
    }
    lines[i] = line;
    if (sawFormFeed) line.page = page;
  }
  if (sawFormFeed) for (const l of lines) if (l.page === null) l.page = 1;
  return opts.markdown ? withHtmlTables(lines, raw) : lines;
}

/**
 * Markdown may carry raw HTML, and a post pasted from Word often carries its tables that way
 * (`<table><tr><td>Present:</td>…`, a whole table on one source line). Each such table is read as
 * the HTML reader reads it, a line per row with its cells, in place of the raw markup; the lines
 * are numbered afresh after it.
 */
function withHtmlTables(lines: Line[], raw: string[]): Line[] {
  if (!raw.some((r) => /^\s*<table\b/i.test(r))) return lines;
  const out: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*<table\b/i.test(raw[i])) {
      out.push(lines[i]);
      continue;
    }
    let j = i;
    while (j < raw.length - 1 && !/<\/table>/i.test(raw[j]) && j - i < 2000) j++;
    const html = raw.slice(i, j + 1).join("\n");
    const rows = htmlToLines(parseDocument(html));
    if (!rows.some((l) => l.text.trim())) {
      for (let k = i; k <= j; k++) out.push(lines[k]);
    } else {
      if (out.length && out[out.length - 1].text !== "") out.push({ n: 0, text: "", page: lines[i].page });
      for (const r of rows) out.push({ ...r, page: lines[i].page });
      out.push({ n: 0, text: "", page: lines[i].page });
    }
    i = j;
  }
  out.forEach((l, k) => {
    l.n = k + 1;
  });
  return out;
}

/**
 * Signs that text is Markdown rather than plain text (or a PDF-to-text conversion, which shares
 * `**bold**`, pipe tables and "- " bullets with it): YAML front matter, ATX or setext headings,
 * links, backslash escapes ("1\\."), single-asterisk emphasis and "* " bullets.
 */
export function markdownScore(text: string): number {
  const head = text.replace(/^\uFEFF/, "").slice(0, 65536);
  if (/^---\r?\n(?:[A-Za-z_][\w-]*:.*\r?\n|\s+.*\r?\n)+---\r?\n/.test(head)) return 3;
  const atx = (head.match(/^ {0,3}#{1,6}[ \t]+\S.*$/gm) ?? []).length;
  let other = 0;
  if (/^\S.*\r?\n {0,3}(?:=+|-{3,})[ \t]*$/m.test(head)) other++;
  if (/\[[^\]\n]+\]\((?:https?:|mailto:|\/|#)[^)\s]*\)/.test(head)) other++;
  if (/(?:^|\s)\d+\\\.\s|\\[*_#[\]-]/m.test(head)) other++;
  if (/(?:^|[\s(])\*[^*\s][^*\n]*[^*\s]\*(?=[\s.,;:)]|$)/m.test(head)) other++;
  if ((head.match(/^ {0,3}\* \S/gm) ?? []).length >= 2) other++;
  if (atx >= 2 || (atx >= 1 && other >= 1) || other >= 2) return 2;
  return 0;
}

function makeTextReader(id: string, markdown: boolean): Reader {
  return {
    id,
    format: markdown ? "markdown" : "text",
    score({ name, bytes }) {
      if (binaryShare(bytes) > 0.01) return 0;
      const isMd = /\.(md|markdown)$/i.test(name);
      // Content decides: Markdown by its signs whatever the name; the name only breaks a tie.
      if (markdown) {
        if (isMd) return 20;
        const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, 65536));
        const sure = markdownScore(text);
        return sure >= 3 ? 19 : sure > 0 ? 12 : 0;
      }
      return isMd ? 5 : 10;
    },
    async read(input: ReadInput): Promise<ReadOutput> {
      const { name, bytes, sha256, limits } = input;
      if (bytes.length > limits.maxBytes)
        throw new ReadError(name, `file is ${bytes.length} bytes, over the limit of ${limits.maxBytes} bytes`);
      const diagnostics: Diagnostic[] = [];
      let text: string;
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      } catch {
        text = new TextDecoder("windows-1252").decode(bytes);
        diagnostics.push({ level: "warning", message: "not valid UTF-8; decoded as Windows-1252", span: null });
      }
      const doc: SourceDocument = {
        name,
        format: markdown ? "markdown" : "text",
        sha256,
        lines: linesFromText(text, { markdown }),
        pageCount: null,
        furniture: [],
        diagnostics,
      };
      const paged = doc.lines.some((l) => l.page !== null);
      if (paged) doc.pageCount = doc.lines.reduce((m, l) => Math.max(m, l.page ?? 1), 1);
      return { kind: "lines", doc };
    },
  };
}

export const textReader = makeTextReader("text", false);
export const markdownReader = makeTextReader("markdown", true);
