/**
 * Backends for small councils' house styles: an HDoc (house.ts) drawn as PDF (pdfkit), Word
 * (the docx library, with Word's own automatic list numbering for numbered minutes and a real
 * table for attendance columns), HTML (a whole page or a fragment without html/head) and
 * Markdown. In memory; deterministic bytes for the same HDoc and options.
 */
import {
  AlignmentType,
  Document,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import PDFDocument from "pdfkit";
import type { HDoc, HPara } from "./house";

export type HouseFormat = "pdf" | "docx" | "html" | "html-fragment" | "markdown";

export const HOUSE_FORMATS: HouseFormat[] = ["pdf", "docx", "html", "html-fragment", "markdown"];

export type OutOptions = {
  /** Word: number minutes with automatic numbering where the scheme allows (default true). */
  wordNumbering?: boolean;
  /** Word: put the letterhead in the page header, as many clerks' templates do. */
  letterheadInHeader?: boolean;
  /** HTML: numbered paragraphs as `<ol start="1234"><li>`, as a CMS makes of pasted Word lists, where HTML can say the number. */
  htmlLists?: boolean;
  /** Markdown: escape list numbers the way converters do ("12\\. Apologies"). */
  escapeNumbers?: boolean;
};

const text = (p: Extract<HPara, { kind: "p" }>) => p.runs.map((r) => r.text).join("");

/** Groups consecutive rows into tables. */
function chunks(paras: HPara[]): (HPara | HPara[])[] {
  const out: (HPara | HPara[])[] = [];
  for (const p of paras) {
    const last = out[out.length - 1];
    if (p.kind === "row" && Array.isArray(last)) last.push(p);
    else out.push(p.kind === "row" ? [p] : p);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// PDF

export async function houseToPdf(doc: HDoc): Promise<Uint8Array> {
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: 60, bottom: 70, left: 64, right: 64 },
    info: {
      Title: doc.title,
      Creator: "Minutebook",
      Producer: "Minutebook",
      CreationDate: new Date(Date.UTC(2000, 0, 1)),
    },
  });
  const chunksOut: Buffer[] = [];
  pdf.on("data", (c: Buffer) => chunksOut.push(c));
  const done = new Promise<void>((resolve) => pdf.on("end", () => resolve()));
  const left = 64;
  const width = pdf.page.width - 128;
  for (const c of chunks(doc.paras)) {
    if (Array.isArray(c)) {
      for (const row of c) {
        if (row.kind !== "row") continue;
        const colW = width / row.cells.length;
        pdf.font(row.bold ? "Helvetica-Bold" : "Helvetica").fontSize(11);
        const h = Math.max(
          ...row.cells.map((t) => (t ? pdf.heightOfString(t, { width: colW - 12 }) : 0)),
          pdf.currentLineHeight(true),
        );
        if (pdf.y + h > pdf.page.maxY()) pdf.addPage();
        const y = pdf.y;
        row.cells.forEach((t, i) => {
          if (t) pdf.text(t, left + i * colW, y, { width: colW - 12 });
        });
        pdf.x = left;
        pdf.y = y + h;
      }
      pdf.moveDown(0.6);
      continue;
    }
    const p = c as Extract<HPara, { kind: "p" }>;
    let x = left;
    let w = width;
    if (p.number) {
      const indent = 36 + p.number.level * 24;
      if (pdf.y + 14 > pdf.page.maxY()) pdf.addPage();
      const y = pdf.y;
      pdf.font(p.runs[0]?.bold ? "Helvetica-Bold" : "Helvetica").fontSize(11);
      pdf.text(p.number.label, left + p.number.level * 24, y, { lineBreak: false });
      pdf.y = y;
      x = left + indent + (p.number.label.length > 5 ? 36 : 0);
      w = width - (x - left);
    }
    p.runs.forEach((r, i) => {
      pdf.font(r.bold ? "Helvetica-Bold" : "Helvetica").fontSize(p.heading ? 12 : 11);
      const opts = {
        width: w,
        align: p.center ? ("center" as const) : ("left" as const),
        continued: i < p.runs.length - 1,
      };
      if (i === 0) pdf.text(r.text, x, pdf.y, opts);
      else pdf.text(r.text, opts);
    });
    pdf.x = left;
    pdf.moveDown(0.6);
  }
  pdf.end();
  await done;
  return new Uint8Array(Buffer.concat(chunksOut));
}

// ---------------------------------------------------------------------------------------------
// Word

const WORD_FORMAT = {
  decimal: LevelFormat.DECIMAL,
  decimalZero: LevelFormat.DECIMAL_ZERO,
  upperLetter: LevelFormat.UPPER_LETTER,
  lowerLetter: LevelFormat.LOWER_LETTER,
} as const;

export async function houseToDocx(doc: HDoc, opts: OutOptions = {}): Promise<Uint8Array> {
  const auto = opts.wordNumbering !== false;
  const known = new Set(doc.lists.map((l) => l.id));
  const para = (p: Extract<HPara, { kind: "p" }>) => {
    const useList = auto && p.number && known.has(p.number.list);
    const runs = p.runs.map((r) => new TextRun({ text: r.text, bold: r.bold }));
    if (p.number && !useList) runs.unshift(new TextRun({ text: `${p.number.label}\t`, bold: p.runs[0]?.bold }));
    return new Paragraph({
      children: runs,
      alignment: p.center ? AlignmentType.CENTER : undefined,
      heading: p.heading ? HeadingLevel.HEADING_1 : undefined,
      numbering: useList && p.number ? { reference: p.number.list, level: p.number.level } : undefined,
      spacing: { after: 120 },
    });
  };
  const headerParas: Paragraph[] = [];
  const children: (Paragraph | Table)[] = [];
  for (const c of chunks(doc.paras)) {
    if (Array.isArray(c)) {
      const rows = c.filter((r): r is Extract<HPara, { kind: "row" }> => r.kind === "row");
      // A header row, then each column's names stacked as paragraphs in one cell, as clerks lay attendance out.
      const stacked = rows.length > 2 && rows[0].bold;
      const bodyRows = stacked
        ? [
            rows[0],
            {
              kind: "row" as const,
              cells: rows[0].cells.map((_, i) =>
                rows
                  .slice(1)
                  .map((r) => r.cells[i])
                  .filter(Boolean)
                  .join("\n"),
              ),
            },
          ]
        : rows;
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: bodyRows.map(
            (r) =>
              new TableRow({
                children: r.cells.map(
                  (cell) =>
                    new TableCell({
                      children: (cell ? cell.split("\n") : [""]).map(
                        (t) =>
                          new Paragraph({ children: [new TextRun({ text: t, bold: "bold" in r ? r.bold : false })] }),
                      ),
                    }),
                ),
              }),
          ),
        }),
      );
      continue;
    }
    const p = c as Extract<HPara, { kind: "p" }>;
    if (opts.letterheadInHeader && p.letterhead) headerParas.push(para(p));
    else children.push(para(p));
  }
  const document = new Document({
    creator: "Minutebook",
    title: doc.title,
    numbering: {
      config: doc.lists.map((l) => ({
        reference: l.id,
        levels: l.levels.map((lv, i) => ({
          level: i,
          format: WORD_FORMAT[lv.format],
          text: lv.text,
          start: lv.start,
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 720 + i * 360, hanging: 720 } } },
        })),
      })),
    },
    sections: [
      {
        headers: headerParas.length ? { default: new Header({ children: headerParas }) } : undefined,
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

// ---------------------------------------------------------------------------------------------
// HTML

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The `<ol>` attributes that make a browser show this number, or null where HTML cannot ("21.05.03", "a)"). */
function olFor(doc: HDoc, n: NonNullable<Extract<HPara, { kind: "p" }>["number"]>): string | null {
  const lvl = doc.lists.find((l) => l.id === n.list)?.levels[n.level];
  if (!lvl || lvl.text !== `%${n.level + 1}.`) return null;
  if (lvl.format === "decimal") return ` start="${n.value}"`;
  if (lvl.format === "upperLetter") return ` type="A" start="${n.value}"`;
  if (lvl.format === "lowerLetter") return ` type="a" start="${n.value}"`;
  return null;
}

export function houseToHtml(doc: HDoc, fragment: boolean, opts: OutOptions = {}): string {
  const out: string[] = [];
  for (const c of chunks(doc.paras)) {
    if (Array.isArray(c)) {
      out.push("<table>");
      for (const r of c) {
        if (r.kind !== "row") continue;
        const tag = r.bold ? "th" : "td";
        out.push(`<tr>${r.cells.map((t) => `<${tag}>${esc(t)}</${tag}>`).join("")}</tr>`);
      }
      out.push("</table>");
      continue;
    }
    const p = c as Extract<HPara, { kind: "p" }>;
    const ol = opts.htmlLists && p.number ? olFor(doc, p.number) : null;
    if (ol !== null) {
      const items = p.runs.map((r) => (r.bold ? `<strong>${esc(r.text)}</strong>` : esc(r.text))).join("");
      out.push(`<ol${ol}><li>${items}</li></ol>`);
      continue;
    }
    // A number prints in the weight of the text it numbers: "<strong>12. Apologies</strong>".
    const label = p.number ? `${p.number.level ? "&nbsp;&nbsp;" : ""}${esc(p.number.label)} ` : "";
    const inner = p.runs
      .map((r, i) => {
        const t = `${i === 0 ? label : ""}${esc(r.text)}`;
        return r.bold ? `<strong>${t}</strong>` : t;
      })
      .join("");
    if (p.heading) out.push(`<h2>${inner}</h2>`);
    else out.push(`<p${p.center ? ' style="text-align:center"' : ""}>${inner}</p>`);
  }
  const body = out.join("\n");
  if (fragment) return `<div class="entry-content">\n${body}\n</div>\n`;
  return `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>${esc(doc.title)}</title>\n</head>\n<body>\n<main>\n${body}\n</main>\n</body>\n</html>\n`;
}

// ---------------------------------------------------------------------------------------------
// Markdown

export function houseToMarkdown(doc: HDoc, opts: OutOptions = {}): string {
  const out: string[] = [];
  for (const c of chunks(doc.paras)) {
    if (Array.isArray(c)) {
      const rows = c.filter((r): r is Extract<HPara, { kind: "row" }> => r.kind === "row");
      const line = (cells: string[]) => `| ${cells.map((t) => t.replace(/\|/g, "/")).join(" | ")} |`;
      const head = rows[0].bold ? rows[0].cells.map((t) => (t ? `**${t}**` : t)) : rows[0].cells;
      out.push(
        [line(head), line(rows[0].cells.map(() => "---")), ...rows.slice(1).map((r) => line(r.cells))].join("\n"),
      );
      continue;
    }
    const p = c as Extract<HPara, { kind: "p" }>;
    let label = "";
    if (p.number) {
      const l = opts.escapeNumbers ? p.number.label.replace(/^(\d+)\.$/, "$1\\.") : p.number.label;
      label = `${l} `;
    }
    // A number goes inside the bold of the text it numbers: "**12. Apologies**".
    const inner = p.runs
      .map((r, i) => {
        const t = `${i === 0 ? label : ""}${r.text}`;
        return r.bold && t.trim() ? `**${t.trim()}**${/\s$/.test(t) ? " " : ""}` : t;
      })
      .join("");
    const indent = p.number?.level ? "    " : "";
    if (p.heading) out.push(`## ${label}${text(p)}`);
    else out.push(`${indent}${inner}`);
  }
  return `${out.join("\n\n")}\n`;
}

export async function renderHouse(doc: HDoc, format: HouseFormat, opts: OutOptions = {}): Promise<Uint8Array> {
  switch (format) {
    case "pdf":
      return houseToPdf(doc);
    case "docx":
      return houseToDocx(doc, opts);
    case "html":
      return new TextEncoder().encode(houseToHtml(doc, false, opts));
    case "html-fragment":
      return new TextEncoder().encode(houseToHtml(doc, true, opts));
    case "markdown":
      return new TextEncoder().encode(houseToMarkdown(doc, opts));
  }
}
