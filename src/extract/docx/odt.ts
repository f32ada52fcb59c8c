/**
 * OpenDocument text (.odt, LibreOffice and others) → document lines: paragraphs, headings
 * (text:h), bold from text styles, tables as rows of cells, and list numbers computed from the
 * list styles (number format, prefix/suffix, displayed levels, start values, continued lists),
 * including numbered headings from the outline style. Pages come from the soft page breaks the
 * writer records and from page-break-before paragraph styles.
 */
import type { SourceDocument } from "../../model/document";
import type { Diagnostic } from "../../model/parse-v1";
import { ReadError } from "../registry";
import { type Block, blocksToLines } from "./blocks";
import { formatNumber } from "./numbering";
import { attr, child, find, findAll, kids, parseXml, tagOf, type XNode } from "./xml";
import type { ZipPackage } from "./zip";

type TextStyle = { parent?: string; bold?: boolean; breakBefore?: boolean; list?: string };
type ListLevel = { format: string; prefix: string; suffix: string; display: number; start: number; bullet?: string };

const ODF_FORMAT: Record<string, string> = {
  "1": "decimal",
  a: "lowerLetter",
  A: "upperLetter",
  i: "lowerRoman",
  I: "upperRoman",
  "": "none",
};

function readStyles(nodes: XNode[], styles: Map<string, TextStyle>, lists: Map<string, Map<number, ListLevel>>) {
  for (const s of findAll(nodes, "style:style")) {
    const name = attr(s, "style:name");
    if (!name) continue;
    const st: TextStyle = { parent: attr(s, "style:parent-style-name"), list: attr(s, "style:list-style-name") };
    const tp = child(s, "style:text-properties");
    const w = tp && attr(tp, "fo:font-weight");
    if (w) st.bold = w === "bold" || Number(w) >= 600;
    const pp = child(s, "style:paragraph-properties");
    if (pp && attr(pp, "fo:break-before") === "page") st.breakBefore = true;
    styles.set(name, st);
  }
  const listStyles = [...findAll(nodes, "text:list-style"), ...findAll(nodes, "text:outline-style")];
  for (const ls of listStyles) {
    const name = tagOf(ls) === "text:outline-style" ? "__outline__" : attr(ls, "style:name");
    if (!name) continue;
    const levels = new Map<number, ListLevel>();
    for (const l of kids(ls)) {
      const t = tagOf(l);
      const level = Number(attr(l, "text:level") ?? 1);
      if (t === "text:list-level-style-number" || t === "text:outline-level-style")
        levels.set(level, {
          format: ODF_FORMAT[attr(l, "style:num-format") ?? ""] ?? "decimal",
          prefix: attr(l, "style:num-prefix") ?? "",
          suffix: attr(l, "style:num-suffix") ?? "",
          display: Number(attr(l, "text:display-levels") ?? 1),
          start: Number(attr(l, "text:start-value") ?? 1),
        });
      else if (t === "text:list-level-style-bullet")
        levels.set(level, { format: "bullet", prefix: "", suffix: "", display: 1, start: 1, bullet: "•" });
    }
    lists.set(name, levels);
  }
}

function styleProp<K extends keyof TextStyle>(styles: Map<string, TextStyle>, name: string | undefined, key: K) {
  let cur = name;
  for (let d = 0; cur && d < 20; d++) {
    const s = styles.get(cur);
    if (!s) return undefined;
    if (s[key] !== undefined) return s[key];
    cur = s.parent;
  }
  return undefined;
}

type Counters = number[];

type Ctx = {
  styles: Map<string, TextStyle>;
  lists: Map<string, Map<number, ListLevel>>;
  page: number;
  textOnPage: boolean;
  sawBreak: boolean;
  para: number;
  blocks: Block[];
  deadline: number;
  file: string;
  /** Counters of each list by xml:id and the last list of each style, for continued numbering. */
  byId: Map<string, Counters>;
  lastOfStyle: Map<string, Counters>;
  outline: Counters;
};

type ListCtx = { style: string; counters: Counters; level: number; pendingStart?: number; header: boolean };

function pageBreak(ctx: Ctx): void {
  ctx.sawBreak = true;
  if (!ctx.textOnPage) return;
  ctx.page++;
  ctx.textOnPage = false;
}

type Piece = { text: string; bold: boolean };

function inline(nodes: XNode[], ctx: Ctx, bold: boolean, lines: Piece[][]): void {
  for (const n of nodes) {
    if (typeof n["#text"] === "string") {
      const t = (n["#text"] as string).replace(/[\r\n]+/g, " ");
      if (/\S/.test(t)) ctx.textOnPage = true;
      lines[lines.length - 1].push({ text: t, bold });
      continue;
    }
    const t = tagOf(n);
    if (t === "text:s") lines[lines.length - 1].push({ text: " ".repeat(Number(attr(n, "text:c") ?? 1)), bold });
    else if (t === "text:tab") lines[lines.length - 1].push({ text: "\t", bold });
    else if (t === "text:line-break") lines.push([]);
    else if (t === "text:soft-page-break") pageBreak(ctx);
    else if (t === "text:span") {
      const b = styleProp(ctx.styles, attr(n, "text:style-name"), "bold");
      inline(kids(n), ctx, b ?? bold, lines);
    } else if (t === "draw:text-box") {
      // A text box (a letterhead, a boxed notice): its paragraphs are blocks of their own, set before
      // the paragraph they are anchored in, as a reader meets them at the top of the page.
      body(kids(n), ctx);
    } else if (t === "text:note" || t === "office:annotation" || t === "text:tracked-changes") {
      // notes and comments are not the document's running text
    } else inline(kids(n), ctx, bold, lines);
  }
}

function paragraph(p: XNode, ctx: Ctx, label: string): void {
  const styleName = attr(p, "text:style-name");
  if (styleProp(ctx.styles, styleName, "breakBefore")) pageBreak(ctx);
  const pageBefore = ctx.page;
  const lines: Piece[][] = [[]];
  inline(kids(p), ctx, styleProp(ctx.styles, styleName, "bold") ?? false, lines);
  const chars = (xs: Piece[]) => xs.reduce((s, x) => s + x.text.replace(/\s/g, "").length, 0);
  const pieces = lines.flat();
  const all = chars(pieces);
  const texts = lines.map((l) => l.map((x) => x.text).join(""));
  if (label && all > 0) texts[0] = `${label} ${texts[0].replace(/^[\t ]+/, "")}`;
  ctx.para++;
  ctx.blocks.push({
    lines: texts,
    bold: all > 0 && chars(pieces.filter((x) => x.bold)) / all >= 0.9,
    heading: tagOf(p) === "text:h",
    page: pageBefore,
    para: ctx.para,
  });
}

function labelFor(list: ListCtx, ctx: Ctx): string {
  const levels = ctx.lists.get(list.style);
  const lvl = levels?.get(list.level);
  if (!lvl) return "";
  if (lvl.format === "bullet") return lvl.bullet ?? "";
  const c = list.counters;
  const i = list.level - 1;
  if (list.pendingStart !== undefined) {
    c[i] = list.pendingStart;
    list.pendingStart = undefined;
  } else c[i] = c[i] === undefined ? lvl.start : c[i] + 1;
  c.length = i + 1;
  const parts: string[] = [];
  for (let k = Math.max(0, i - lvl.display + 1); k <= i; k++) {
    const l = levels?.get(k + 1);
    parts.push(formatNumber(c[k] ?? l?.start ?? 1, l?.format ?? "decimal"));
  }
  const body = parts.filter(Boolean).join(".");
  return body ? `${lvl.prefix}${body}${lvl.suffix}` : "";
}

function list(l: XNode, ctx: Ctx, parent: ListCtx | null): void {
  const style = attr(l, "text:style-name") ?? parent?.style ?? "";
  let counters: Counters;
  if (parent) counters = parent.counters;
  else {
    const cont = attr(l, "text:continue-list");
    if (cont && ctx.byId.has(cont)) counters = ctx.byId.get(cont)!;
    else if (attr(l, "text:continue-numbering") === "true" && ctx.lastOfStyle.has(style))
      counters = ctx.lastOfStyle.get(style)!;
    else counters = [];
    ctx.lastOfStyle.set(style, counters);
    const id = attr(l, "xml:id");
    if (id) ctx.byId.set(id, counters);
  }
  const lc: ListCtx = { style, counters, level: (parent?.level ?? 0) + 1, header: false };
  for (const item of kids(l)) {
    const t = tagOf(item);
    if (t !== "text:list-item" && t !== "text:list-header") continue;
    const sv = attr(item, "text:start-value");
    if (sv) lc.pendingStart = Number(sv);
    let first = true;
    for (const k of kids(item)) {
      const kt = tagOf(k);
      if (kt === "text:p" || kt === "text:h") {
        const label = first && t === "text:list-item" ? labelFor(lc, ctx) : "";
        first = false;
        paragraph(k, ctx, label);
      } else if (kt === "text:list") {
        first = false;
        list(k, ctx, lc);
      } else body([k], ctx);
    }
  }
}

function rowCells(row: XNode, ctx: Ctx): string[] {
  const out: string[] = [];
  for (const cell of kids(row)) {
    const t = tagOf(cell);
    if (t !== "table:table-cell" && t !== "table:covered-table-cell") continue;
    const sub: Ctx = { ...ctx, blocks: [] };
    body(kids(cell), sub);
    ctx.page = sub.page;
    ctx.textOnPage = sub.textOnPage;
    ctx.sawBreak = sub.sawBreak;
    ctx.para = sub.para;
    const paras = sub.blocks.flatMap((b) => (b.cells ? [b.cells.filter(Boolean).join(" ")] : b.lines));
    out.push(
      paras
        .map((s) => s.replace(/\t+/g, " ").trim())
        .filter(Boolean)
        .join(" "),
    );
    const rep = Number(attr(cell, "table:number-columns-repeated") ?? 1);
    for (let i = 1; i < Math.min(rep, 64); i++) out.push("");
  }
  return out;
}

function table(tbl: XNode, ctx: Ctx): void {
  for (const row of findAll(kids(tbl), "table:table-row")) {
    const page = ctx.page;
    const cells = rowCells(row, ctx);
    while (cells.length > 1 && cells[cells.length - 1] === "") cells.pop();
    if (!cells.some(Boolean)) continue;
    ctx.para++;
    if (cells.length === 1) ctx.blocks.push({ lines: [cells[0]], bold: false, heading: false, page, para: ctx.para });
    else ctx.blocks.push({ lines: [], cells, bold: false, heading: false, page, para: ctx.para });
  }
}

function body(nodes: XNode[], ctx: Ctx): void {
  for (const n of nodes) {
    if (Date.now() > ctx.deadline)
      throw new ReadError(ctx.file, "reading the document took longer than the time limit");
    const t = tagOf(n);
    if (t === "text:p") paragraph(n, ctx, "");
    else if (t === "text:h") {
      const level = Number(attr(n, "text:outline-level") ?? 1);
      const lc: ListCtx = { style: "__outline__", counters: ctx.outline, level, header: false };
      const numbered = attr(n, "text:is-list-header") !== "true";
      paragraph(n, ctx, numbered ? labelFor(lc, ctx) : "");
    } else if (t === "text:list") list(n, ctx, null);
    else if (t === "table:table") table(n, ctx);
    else if (t === "text:soft-page-break") pageBreak(ctx);
    else if (t === "text:section" || t === "text:index-body" || t === "text:table-of-content") body(kids(n), ctx);
  }
}

/** The header of the master page the text starts on ("Standard", else the first): its first-page header where it has one. */
function firstPageHeader(stylesDoc: XNode[]): XNode | null {
  const pages = findAll(stylesDoc, "style:master-page");
  const page = pages.find((p) => attr(p, "style:name") === "Standard") ?? pages[0];
  if (!page) return null;
  return child(page, "style:header-first") ?? child(page, "style:header") ?? null;
}

export async function readOdt(
  pkg: ZipPackage,
  file: string,
  sha256: string,
  deadline: number,
): Promise<SourceDocument> {
  const content = await pkg.text("content.xml");
  if (content === null) throw new ReadError(file, "not an OpenDocument text: the package has no content.xml");
  const doc = parseXml(file, "content.xml", content);
  const styles = new Map<string, TextStyle>();
  const lists = new Map<string, Map<number, ListLevel>>();
  const stylesXml = await pkg.text("styles.xml");
  const stylesDoc = stylesXml ? parseXml(file, "styles.xml", stylesXml) : null;
  if (stylesDoc) readStyles(stylesDoc, styles, lists);
  readStyles(doc, styles, lists);
  const text = find(doc, "office:text");
  if (!text) throw new ReadError(file, "the OpenDocument file is not a text document (no office:text)");
  const ctx: Ctx = {
    styles,
    lists,
    page: 1,
    textOnPage: false,
    sawBreak: false,
    para: 0,
    blocks: [],
    deadline,
    file,
    byId: new Map(),
    lastOfStyle: new Map(),
    outline: [],
  };
  // The page header of the first page (a letterhead a clerk's template puts there) opens the text;
  // footers are page furniture.
  const header = stylesDoc ? firstPageHeader(stylesDoc) : null;
  if (header) {
    body(kids(header), ctx);
    ctx.textOnPage = false;
  }
  body(kids(text), ctx);
  const diagnostics: Diagnostic[] = [];
  if (!ctx.sawBreak) for (const b of ctx.blocks) b.page = null;
  const lines = blocksToLines(ctx.blocks);
  if (!lines.some((l) => l.text.trim()))
    diagnostics.push({ level: "warning", message: "the document has no text", span: null });
  return {
    name: file,
    format: "xml",
    sha256,
    lines,
    pageCount: ctx.sawBreak ? ctx.page : null,
    furniture: [],
    diagnostics,
  };
}
