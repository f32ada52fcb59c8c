/**
 * Minutes and other composed documents as Word (.docx), through the docx library: the same blocks the
 * text and PDF backends draw (compose.ts), so a Word copy says exactly what the text and PDF say —
 * bold headings, centred titles, indented clauses, table rows as tab-separated lines. Also a plain
 * decision notice (title, then label and text per field).
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from "docx";
import type { Block } from "./blocks";
import { minutesBlocks } from "./compose";
import { asDoc, type MeetingLike } from "./types";

function paragraphsOf(blocks: readonly Block[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const b of blocks) {
    if (b.kind === "gap") continue;
    if (b.kind === "text")
      out.push(
        new Paragraph({
          children: [new TextRun({ text: b.text, bold: b.bold })],
          alignment: b.center ? AlignmentType.CENTER : undefined,
          indent: b.indent ? { left: 720 * b.indent } : undefined,
          spacing: { after: 120 },
        }),
      );
    else if (b.kind === "field")
      out.push(new Paragraph({ children: [new TextRun({ text: `${b.label}: `, bold: true }), new TextRun(b.value)] }));
    else out.push(new Paragraph({ children: [new TextRun(b.cells.join("\t"))] }));
  }
  return out;
}

async function pack(title: string, children: Paragraph[]): Promise<Uint8Array> {
  const doc = new Document({
    title,
    creator: "Minutebook",
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export async function renderMinutesDocx(meeting: MeetingLike): Promise<Uint8Array> {
  const doc = asDoc(meeting);
  return pack(
    `Minutes: ${doc.record.body} ${doc.record.date ?? ""}`.trim(),
    paragraphsOf(minutesBlocks(doc, { standalone: true })),
  );
}

/** A document of a title and labelled sections (a decision notice). */
export async function renderFieldsDocx(title: string, fields: { label: string; text: string }[]): Promise<Uint8Array> {
  const children = [
    new Paragraph({ children: [new TextRun({ text: title, bold: true, size: 32 })], spacing: { after: 240 } }),
    ...fields.flatMap((f) => [
      new Paragraph({ children: [new TextRun({ text: f.label, bold: true })], spacing: { before: 200 } }),
      ...f.text
        .split(/\n+/)
        .filter(Boolean)
        .map((t) => new Paragraph({ children: [new TextRun(t)] })),
    ]),
  ];
  return pack(title, children);
}
