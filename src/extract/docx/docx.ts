/**
 * WordprocessingML (.docx) → document lines. Keeps paragraphs, headings (by paragraph style or
 * outline level), bold (run, character style, paragraph style), tables as rows of cells, text
 * boxes (letterheads often sit in one), the page header's text, and automatic list numbers
 * computed from numbering.xml (numbering.ts) so "19.09.01 Apologies" keeps its number. Pages come
 * from what Word records: explicit page breaks, page-break-before, section breaks and the
 * lastRenderedPageBreak marks Word leaves where it last laid out a page; with none, pages are unknown.
 */
import type { Furniture, SourceDocument } from "../../model/document";
import type { Diagnostic } from "../../model/parse-v1";
import { ReadError } from "../registry";
import { type Block, blocksToLines } from "./blocks";
import {
  type AbstractList,
  type Level,
  type ListInstance,
  type NumberingDefinitions,
  NumberingState,
} from "./numbering";
import { attr, child, children, find, findAll, kids, parseXml, tagOf, textOf, type XNode } from "./xml";
import type { ZipPackage } from "./zip";

type Style = {
  name: string;
  basedOn?: string;
  bold?: boolean;
  numId?: string;
  ilvl?: number;
  outline?: number;
};

const isOn = (n: XNode | undefined): boolean | undefined => {
  if (!n) return undefined;
  const v = attr(n, "w:val");
  return v === undefined || !/^(false|0|off|none)$/i.test(v);
};

function readStyles(nodes: XNode[]): Map<string, Style> {
  const out = new Map<string, Style>();
  for (const s of findAll(nodes, "w:style")) {
    const id = attr(s, "w:styleId");
    if (!id) continue;
    const pPr = child(s, "w:pPr");
    const rPr = child(s, "w:rPr");
    const numPr = pPr && child(pPr, "w:numPr");
    const st: Style = { name: attr(child(s, "w:name") ?? {}, "w:val") ?? id };
    const based = child(s, "w:basedOn");
    if (based) st.basedOn = attr(based, "w:val");
    const b = isOn(rPr && child(rPr, "w:b"));
    if (b !== undefined) st.bold = b;
    if (numPr) {
      const numId = child(numPr, "w:numId");
      const ilvl = child(numPr, "w:ilvl");
      if (numId) st.numId = attr(numId, "w:val");
      if (ilvl) st.ilvl = Number(attr(ilvl, "w:val") ?? 0);
    }
    const ol = pPr && child(pPr, "w:outlineLvl");
    if (ol) st.outline = Number(attr(ol, "w:val"));
    out.set(id, st);
  }
  return out;
}

/** A style property, looked up through the basedOn chain. */
function styleProp<K extends keyof Style>(
  styles: Map<string, Style>,
  id: string | undefined,
  key: K,
): Style[K] | undefined {
  let cur = id;
  for (let depth = 0; cur && depth < 20; depth++) {
    const s = styles.get(cur);
    if (!s) return undefined;
    if (s[key] !== undefined) return s[key];
    cur = s.basedOn;
  }
  return undefined;
}

function readLevel(l: XNode): Partial<Level> {
  const out: Partial<Level> = {};
  const start = child(l, "w:start");
  if (start) out.start = Number(attr(start, "w:val") ?? 1);
  const fmt = child(l, "w:numFmt");
  if (fmt) out.format = attr(fmt, "w:val") ?? "decimal";
  const text = child(l, "w:lvlText");
  if (text) out.text = attr(text, "w:val") ?? "";
  const restart = child(l, "w:lvlRestart");
  if (restart) out.restart = Number(attr(restart, "w:val"));
  if (isOn(child(l, "w:isLgl"))) out.legal = true;
  const suff = child(l, "w:suff");
  if (suff) out.suffix = (attr(suff, "w:val") as Level["suffix"]) ?? "tab";
  return out;
}

export function readNumbering(nodes: XNode[]): { defs: NumberingDefinitions; styleLevels: Map<string, string> } {
  const abstracts = new Map<string, AbstractList>();
  const instances = new Map<string, ListInstance>();
  /** Level paragraph styles ("w:pStyle" inside a level) → "numId:ilvl" resolved below. */
  const styleLevels = new Map<string, string>();
  const absStyle = new Map<string, { style: string; ilvl: number }[]>();
  for (const a of findAll(nodes, "w:abstractNum")) {
    const id = attr(a, "w:abstractNumId");
    if (id === undefined) continue;
    const levels = new Map<number, Level>();
    for (const l of children(a, "w:lvl")) {
      const ilvl = Number(attr(l, "w:ilvl") ?? 0);
      levels.set(ilvl, { start: 1, format: "decimal", text: "", suffix: "tab", ...readLevel(l) });
      const ps = child(l, "w:pStyle");
      if (ps) {
        const list = absStyle.get(id) ?? [];
        list.push({ style: attr(ps, "w:val") ?? "", ilvl });
        absStyle.set(id, list);
      }
    }
    abstracts.set(id, { levels });
  }
  for (const n of findAll(nodes, "w:num")) {
    const numId = attr(n, "w:numId");
    const abs = child(n, "w:abstractNumId");
    if (numId === undefined || !abs) continue;
    const inst: ListInstance = {
      abstractId: attr(abs, "w:val") ?? "",
      startOverrides: new Map(),
      levelOverrides: new Map(),
    };
    for (const o of children(n, "w:lvlOverride")) {
      const ilvl = Number(attr(o, "w:ilvl") ?? 0);
      const so = child(o, "w:startOverride");
      if (so) inst.startOverrides.set(ilvl, Number(attr(so, "w:val") ?? 1));
      const lvl = child(o, "w:lvl");
      if (lvl) inst.levelOverrides.set(ilvl, readLevel(lvl));
    }
    instances.set(numId, inst);
    for (const { style, ilvl } of absStyle.get(inst.abstractId) ?? [])
      if (!styleLevels.has(style)) styleLevels.set(style, `${numId}:${ilvl}`);
  }
  return { defs: { abstracts, instances }, styleLevels };
}

type Ctx = {
  styles: Map<string, Style>;
  charBold: (id: string | undefined) => boolean | undefined;
  numbering: NumberingState;
  styleLevels: Map<string, string>;
  page: number;
  /** Some text has been laid on the current page since the last break. */
  textOnPage: boolean;
  sawBreak: boolean;
  para: number;
  blocks: Block[];
  deadline: number;
  file: string;
};

function pageBreak(ctx: Ctx): void {
  ctx.sawBreak = true;
  if (!ctx.textOnPage) return; // a lastRenderedPageBreak just after an explicit break marks the same page
  ctx.page++;
  ctx.textOnPage = false;
}

type Piece = { text: string; bold: boolean; underline: boolean };

type ParaOut = { lines: Piece[][]; pageAtStart: number | null; floating: XNode[] };

const RECURSE = new Set([
  "w:hyperlink",
  "w:ins",
  "w:smartTag",
  "w:customXml",
  "w:fldSimple",
  "w:dir",
  "w:bdo",
  "w:moveTo",
  "w:sdtContent",
]);

function runs(nodes: XNode[], ctx: Ctx, paraBold: boolean | undefined, out: ParaOut): void {
  for (const n of nodes) {
    const t = tagOf(n);
    if (t === "w:r") run(n, ctx, paraBold, out);
    else if (t === "w:sdt") {
      const c = child(n, "w:sdtContent");
      if (c) runs(kids(c), ctx, paraBold, out);
    } else if (RECURSE.has(t)) runs(kids(n), ctx, paraBold, out);
    else if (t === "mc:AlternateContent") {
      const choice = child(n, "mc:Choice") ?? child(n, "mc:Fallback");
      if (choice) runs(kids(choice), ctx, paraBold, out);
    }
  }
}

function run(r: XNode, ctx: Ctx, paraBold: boolean | undefined, out: ParaOut): void {
  const rPr = child(r, "w:rPr");
  if (rPr && (isOn(child(rPr, "w:vanish")) || isOn(child(rPr, "w:webHidden")))) return;
  const rStyle = rPr && child(rPr, "w:rStyle");
  const bold =
    isOn(rPr && child(rPr, "w:b")) ??
    isOn(rPr && child(rPr, "w:bCs")) ??
    ctx.charBold(rStyle && attr(rStyle, "w:val")) ??
    paraBold ??
    false;
  const u = rPr && child(rPr, "w:u");
  const underline = !!u && attr(u, "w:val") !== "none";
  const cur = () => out.lines[out.lines.length - 1];
  const push = (text: string) => {
    if (!text) return;
    if (/\S/.test(text)) {
      if (out.pageAtStart === null) out.pageAtStart = ctx.page;
      ctx.textOnPage = true;
    }
    cur().push({ text, bold, underline });
  };
  for (const k of kids(r)) {
    const t = tagOf(k);
    if (t === "w:t") push(textOf(k));
    else if (t === "w:tab" || t === "w:ptab") push("\t");
    else if (t === "w:br" || t === "w:cr") {
      const type = attr(k, "w:type");
      if (type === "page") pageBreak(ctx);
      out.lines.push([]);
    } else if (t === "w:lastRenderedPageBreak") pageBreak(ctx);
    else if (t === "w:noBreakHyphen") push("-");
    else if (t === "w:sym") {
      const code = Number.parseInt(attr(k, "w:char") ?? "", 16);
      if (Number.isFinite(code) && (code < 0xe000 || code > 0xf8ff)) push(String.fromCodePoint(code));
    } else if (t === "w:drawing" || t === "w:pict" || t === "mc:AlternateContent" || t === "w:object") {
      // Text boxes: paragraphs of their own (a letterhead, a boxed note), read after this paragraph.
      const holder = t === "mc:AlternateContent" ? (child(k, "mc:Choice") ?? child(k, "mc:Fallback")) : k;
      if (holder) for (const box of findAll(kids(holder), "w:txbxContent")) out.floating.push(box);
    }
  }
}

function paragraphBlock(p: XNode, ctx: Ctx): { block: Block | null; label: string } {
  const pPr = child(p, "w:pPr");
  const pStyleId = pPr && attr(child(pPr, "w:pStyle") ?? {}, "w:val");
  const styleNames: string[] = [];
  for (let id = pStyleId, d = 0; id && d < 20; d++) {
    const st = ctx.styles.get(id);
    if (!st) break;
    styleNames.push(st.name);
    id = st.basedOn;
  }
  if (pPr && isOn(child(pPr, "w:pageBreakBefore"))) pageBreak(ctx);
  const out: ParaOut = { lines: [[]], pageAtStart: null, floating: [] };
  const paraBold = styleProp(ctx.styles, pStyleId, "bold");
  runs(kids(p), ctx, paraBold, out);
  // List number: the paragraph's own numPr, else its style's (through basedOn), else a level's linked style.
  let label = "";
  let suffix: Level["suffix"] = "tab";
  const numPr = pPr && child(pPr, "w:numPr");
  let numId = numPr && attr(child(numPr, "w:numId") ?? {}, "w:val");
  let ilvl = numPr ? Number(attr(child(numPr, "w:ilvl") ?? {}, "w:val") ?? Number.NaN) : Number.NaN;
  if (numId === undefined) numId = styleProp(ctx.styles, pStyleId, "numId");
  if (Number.isNaN(ilvl)) ilvl = styleProp(ctx.styles, pStyleId, "ilvl") ?? Number.NaN;
  if (numId === undefined && pStyleId && ctx.styleLevels.has(pStyleId)) {
    const [n, l] = ctx.styleLevels.get(pStyleId)!.split(":");
    numId = n;
    if (Number.isNaN(ilvl)) ilvl = Number(l);
  }
  const hasText = out.lines.some((l) => l.some((x) => /\S/.test(x.text)));
  if (numId !== undefined && numId !== "0" && hasText) {
    const lab = ctx.numbering.next(numId, Number.isNaN(ilvl) ? 0 : ilvl);
    if (lab) {
      label = lab.text;
      suffix = lab.suffix;
    }
  }
  const outline = pPr && child(pPr, "w:outlineLvl");
  const outlineLvl = outline ? Number(attr(outline, "w:val")) : styleProp(ctx.styles, pStyleId, "outline");
  const heading =
    styleNames.some((n) => /^(heading\s*\d|title|subtitle)$/i.test(n)) || (outlineLvl !== undefined && outlineLvl < 9);
  const visible = out.lines.map((l) => l.filter((x) => x.text !== ""));
  const pieces = visible.flat().filter((x) => /\S/.test(x.text));
  const chars = (xs: Piece[]) => xs.reduce((s, x) => s + x.text.replace(/\s/g, "").length, 0);
  const all = chars(pieces);
  const bold = all > 0 && chars(pieces.filter((x) => x.bold)) / all >= 0.9;
  const underlined = all > 0 && all < 120 && chars(pieces.filter((x) => x.underline)) === all;
  const texts = visible.map((l) => l.map((x) => x.text).join(""));
  if (label && texts.length) texts[0] = `${label}${suffix === "nothing" ? "" : " "}${texts[0].replace(/^[\t ]+/, "")}`;
  ctx.para++;
  const block: Block = {
    lines: texts,
    bold,
    heading: heading || underlined,
    page: out.pageAtStart ?? ctx.page,
    para: ctx.para,
  };
  for (const box of out.floating) bodyBlocks(kids(box), ctx);
  // A section break in the paragraph's properties ends the page unless the next section is continuous.
  const sect = pPr && child(pPr, "w:sectPr");
  if (sect) {
    const type = attr(child(sect, "w:type") ?? {}, "w:val");
    if (type !== "continuous") pageBreak(ctx);
  }
  return { block, label };
}

function cellBlocks(tc: XNode, ctx: Ctx): Block[] {
  const sub: Ctx = { ...ctx, blocks: [] };
  bodyBlocks(kids(tc), sub);
  ctx.page = sub.page;
  ctx.textOnPage = sub.textOnPage;
  ctx.sawBreak = sub.sawBreak;
  ctx.para = sub.para;
  return sub.blocks;
}

function paragraphsOf(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.cells) out.push(b.cells.filter(Boolean).join(" "));
    else for (const l of b.lines) if (l.replace(/\t/g, "").trim()) out.push(l.replace(/\t+/g, " "));
  }
  return out;
}

function table(tbl: XNode, ctx: Ctx): void {
  for (const tr of children(tbl, "w:tr")) {
    const page = ctx.page;
    const cells = children(tr, "w:tc").map((tc) => {
      const blocks = cellBlocks(tc, ctx);
      return { blocks, paras: paragraphsOf(blocks) };
    });
    const filled = cells.filter((c) => c.paras.length);
    if (filled.length === 0) continue;
    if (filled.length === 1 && cells.length <= 1) {
      // A one-cell table is a box around ordinary paragraphs.
      ctx.blocks.push(...filled[0].blocks);
      continue;
    }
    // Each cell's paragraphs stack down the row: the i-th line of the row holds each cell's i-th paragraph.
    const depth = Math.max(...cells.map((c) => c.paras.length));
    const bold = filled.every((c) => c.blocks.every((b) => b.bold || !paragraphsOf([b]).length));
    for (let i = 0; i < depth; i++) {
      ctx.para++;
      ctx.blocks.push({
        lines: [],
        cells: cells.map((c) => c.paras[i] ?? ""),
        bold: bold && i === 0 && depth === 1,
        heading: false,
        page: cells.flatMap((c) => c.blocks).find((b) => b.page !== null)?.page ?? page,
        para: ctx.para,
      });
    }
  }
}

/** Body-level content: paragraphs, tables, content controls, in document order. */
function bodyBlocks(nodes: XNode[], ctx: Ctx): void {
  for (const n of nodes) {
    if (Date.now() > ctx.deadline)
      throw new ReadError(ctx.file, "reading the Word document took longer than the time limit");
    const t = tagOf(n);
    if (t === "w:p") {
      const before = ctx.blocks.length;
      const { block } = paragraphBlock(n, ctx);
      // Text boxes read inside the paragraph were appended after it was built; keep the paragraph first.
      if (block) ctx.blocks.splice(before, 0, block);
    } else if (t === "w:tbl") table(n, ctx);
    else if (t === "w:sdt") {
      const c = child(n, "w:sdtContent");
      if (c) bodyBlocks(kids(c), ctx);
    } else if (t === "w:customXml" || t === "w:ins" || t === "w:moveTo") bodyBlocks(kids(n), ctx);
  }
}

function relTargets(nodes: XNode[] | null): Map<string, string> {
  const m = new Map<string, string>();
  if (!nodes) return m;
  for (const r of findAll(nodes, "Relationship")) {
    const id = attr(r, "Id");
    const target = attr(r, "Target");
    if (id && target) m.set(id, target.replace(/^\/?word\//, "").replace(/^\//, ""));
  }
  return m;
}

export async function readDocx(
  pkg: ZipPackage,
  file: string,
  sha256: string,
  deadline: number,
): Promise<SourceDocument> {
  const docText = await pkg.text("word/document.xml");
  if (docText === null) throw new ReadError(file, "not a Word document: the package has no word/document.xml");
  const diagnostics: Diagnostic[] = [];
  const parse = async (part: string) => {
    const t = await pkg.text(part);
    return t === null ? null : parseXml(file, part, t);
  };
  const doc = parseXml(file, "word/document.xml", docText);
  const styles = readStyles((await parse("word/styles.xml")) ?? []);
  const numberingXml = await parse("word/numbering.xml");
  const { defs, styleLevels } = readNumbering(numberingXml ?? []);
  const charBold = (id: string | undefined) => (id ? styleProp(styles, id, "bold") : undefined);
  const ctx: Ctx = {
    styles,
    charBold,
    numbering: new NumberingState(defs),
    styleLevels,
    page: 1,
    textOnPage: false,
    sawBreak: false,
    para: 0,
    blocks: [],
    deadline,
    file,
  };
  const body = find(doc, "w:body");
  if (!body) throw new ReadError(file, "the Word document has no body (word/document.xml has no w:body)");
  // The first section's header (first-page header where the section has one) is the letterhead a
  // reader sees on page 1; footers are page furniture.
  const rels = relTargets(await parse("word/_rels/document.xml.rels"));
  const sects = findAll([body], "w:sectPr");
  const firstSect = sects[0];
  const furniture: Furniture[] = [];
  const headerBlocks: Block[] = [];
  if (firstSect) {
    const titlePg = isOn(child(firstSect, "w:titlePg"));
    const refs = children(firstSect, "w:headerReference");
    const ref =
      (titlePg && refs.find((r) => attr(r, "w:type") === "first")) || refs.find((r) => attr(r, "w:type") === "default");
    const target = ref && rels.get(attr(ref, "r:id") ?? "");
    if (target) {
      const h = await parse(`word/${target}`);
      if (h) {
        const hctx: Ctx = { ...ctx, blocks: headerBlocks, numbering: new NumberingState(defs) };
        bodyBlocks(kids(find(h, "w:hdr") ?? { x: [] }), hctx);
      }
    }
    for (const f of children(firstSect, "w:footerReference")) {
      const ft = rels.get(attr(f, "r:id") ?? "");
      const x = ft ? await parse(`word/${ft}`) : null;
      const text = x
        ? textOf(find(x, "w:ftr") ?? { x: [] })
            .replace(/\s+/g, " ")
            .trim()
        : "";
      if (text) furniture.push({ page: null, kind: "footer", text });
    }
  }
  bodyBlocks(kids(body), ctx);
  const blocks = [...headerBlocks.map((b) => ({ ...b, page: 1, para: 0 })), ...ctx.blocks];
  const appXml = await pkg.text("docProps/app.xml");
  const appPages = appXml ? Number(/<Pages>(\d+)<\/Pages>/.exec(appXml)?.[1] ?? Number.NaN) : Number.NaN;
  // Pages are known when Word recorded breaks, or when it says the document is one page long.
  const pagesKnown = ctx.sawBreak || appPages === 1;
  if (!pagesKnown) for (const b of blocks) b.page = null;
  const lines = blocksToLines(blocks);
  for (const l of lines) if (l.para === 0) delete l.para;
  if (!lines.some((l) => l.text.trim()))
    diagnostics.push({ level: "warning", message: "the Word document has no text", span: null });
  if (ctx.sawBreak && Number.isFinite(appPages) && appPages !== ctx.page)
    diagnostics.push({
      level: "info",
      message: `pages are where Word last laid them out (${ctx.page} found, the document says ${appPages})`,
      span: null,
    });
  return {
    name: file,
    format: "xml",
    sha256,
    lines,
    pageCount: pagesKnown ? Math.max(ctx.page, 1) : null,
    furniture,
    diagnostics,
  };
}
