/**
 * The plain-text backend: blocks → lines in the conventions of the seed packs' text form
 * (`Label: **value**` fields, TAB-separated table cells, `<u>` column headers, one paragraph per
 * line, three blank lines between documents). Also estimates how many printed pages a document
 * fills, for the "(Pages X - Y)" of text-only packs.
 */
import { type Block, flat } from "./blocks";

/** Characters per printed line and lines per printed page assumed when estimating text pages. */
export const TEXT_LINE_WIDTH = 95;
export const TEXT_PAGE_LINES = 50;

export function blockText(b: Block): string {
  switch (b.kind) {
    case "gap":
      return "";
    case "text":
      return flat(b.text);
    case "field":
      return b.bullet ? `- ${flat(b.label)}: ${flat(b.value)}` : `${flat(b.label)}: **${flat(b.value)}**`;
    case "row":
      return b.cells.map((c) => (b.underline && c ? `<u>${flat(c)}</u>` : flat(c))).join("\t");
  }
}

export type TextOut = { lines: string[]; tags: { tag: string; line: number }[] };

/** Draws blocks as text lines; tag lines are 0-based indexes into `lines`. */
export function blocksToText(blocks: readonly Block[]): TextOut {
  const lines: string[] = [];
  const tags: { tag: string; line: number }[] = [];
  for (const b of blocks) {
    if (b.tag) tags.push({ tag: b.tag, line: lines.length });
    lines.push(blockText(b));
  }
  return { lines, tags };
}

/** Printed pages a document would fill: lines wrapped at TEXT_LINE_WIDTH, TEXT_PAGE_LINES a page. */
export function estimateTextPages(blocks: readonly Block[]): number {
  let n = 0;
  for (const b of blocks) {
    if (b.kind === "gap") n += 1;
    else if (b.kind === "row") {
      let tallest = 1;
      b.cells.forEach((c, i) => {
        tallest = Math.max(tallest, Math.ceil(c.length / Math.max(10, TEXT_LINE_WIDTH * (b.widths[i] ?? 1))));
      });
      n += tallest;
    } else n += Math.max(1, Math.ceil(blockText(b).length / TEXT_LINE_WIDTH));
  }
  return Math.max(1, Math.ceil(n / TEXT_PAGE_LINES));
}
