/**
 * Whole agenda packs and standalone minutes, as text: front sheet + minutes of the previous
 * meeting + officer reports, each document starting on an odd page ("This page is intentionally
 * left blank" fills the gap), with the front sheet's "(Pages X - Y)" taken from the layout.
 * Also returns the parse/v1 records the document states, for tests and ground truth.
 */
import type { Meeting } from "../model/parse-v1";
import { BLANK_PAGE_TEXT, type Block, type Part } from "./blocks";
import { frontSheetBlocks, isMinutesItem, minutesBlocks, type PageMap, reportBlocks } from "./compose";
import { blocksToText, estimateTextPages } from "./text";
import { frontSheetRecord, minutesRecord, type TagLines } from "./truth";
import { asDoc, type MeetingDoc, type MeetingLike } from "./types";

/** The documents of a pack after the front sheet, in order, each tied to its agenda item. */
export function packBodyParts(meeting: MeetingDoc, previous: MeetingDoc | null): Part[] {
  const m = meeting.record;
  const parts: Part[] = [];
  const minutesItem = m.agenda.find(isMinutesItem);
  if (previous && minutesItem)
    parts.push({
      kind: "minutes",
      agendaItem: minutesItem.number,
      blocks: minutesBlocks(previous, { standalone: false }),
    });
  const order = new Map(m.agenda.map((a, i) => [a.number, i]));
  const reports = [...m.reports].sort(
    (a, b) => (order.get(a.agendaItem ?? "") ?? 1e9) - (order.get(b.agendaItem ?? "") ?? 1e9),
  );
  for (const r of reports) parts.push({ kind: "report", agendaItem: r.agendaItem, blocks: reportBlocks(meeting, r) });
  return parts;
}

export type PackLayout = {
  /** First page of each part (front sheet first). */
  starts: number[];
  /** Pages used by each part. */
  counts: number[];
  pageCount: number;
  pages: Map<string, { start: number; end: number }>;
};

/** Places parts one after another, each starting on an odd page. */
export function layoutPack(counts: readonly number[], parts: readonly Part[]): PackLayout {
  const starts: number[] = [];
  let next = 1;
  for (const c of counts) {
    if (next % 2 === 0) next++;
    starts.push(next);
    next += c;
  }
  const pages = new Map<string, { start: number; end: number }>();
  parts.forEach((p, i) => {
    if (p.agendaItem) pages.set(p.agendaItem, { start: starts[i + 1], end: starts[i + 1] + counts[i + 1] - 1 });
  });
  return { starts, counts: [...counts], pageCount: next - 1, pages };
}

/**
 * Fixes the front sheet and its page ranges together: the front sheet's own length depends on the
 * ranges it prints, so re-measure until stable. `measure` counts a document's pages.
 */
export function settlePack(
  meeting: MeetingDoc,
  body: readonly Part[],
  measure: (blocks: readonly Block[]) => number,
): { front: Block[]; layout: PackLayout } {
  const bodyCounts = body.map((p) => measure(p.blocks));
  let pages: PageMap = new Map();
  let frontCount = 0;
  for (let round = 0; round < 6; round++) {
    const front = frontSheetBlocks(meeting, pages);
    const count = measure(front);
    const layout = layoutPack([count, ...bodyCounts], body);
    if (count === frontCount && samePages(pages, layout.pages)) return { front, layout };
    frontCount = count;
    pages = layout.pages;
  }
  throw new Error("agenda pack layout did not settle");
}

function samePages(a: PageMap, b: PageMap): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (!w || w.start !== v.start || w.end !== v.end) return false;
  }
  return true;
}

export type RenderedText = { text: string; meetings: Meeting[]; pageCount: number };

/**
 * An agenda pack as text, with the records it states: the meeting on the front sheet (agenda,
 * membership, reports) and, when a previous meeting is given, the meeting its minutes record.
 * `pages` imposes page ranges measured elsewhere (the PDF of the same pack) instead of estimating.
 */
export function renderAgendaPack(
  meeting: MeetingLike,
  previous: MeetingLike | null,
  opts: { pages?: PageMap } = {},
): RenderedText {
  const doc = asDoc(meeting);
  const prev = previous ? asDoc(previous) : null;
  const body = packBodyParts(doc, prev);
  let front: Block[];
  let layout: PackLayout;
  if (opts.pages) {
    front = frontSheetBlocks(doc, opts.pages);
    const counts = [estimateTextPages(front), ...body.map((p) => estimateTextPages(p.blocks))];
    const est = layoutPack(counts, body);
    // Where a document's range is given, it decides where the document starts and how long it is.
    body.forEach((p, i) => {
      const given = p.agendaItem ? opts.pages?.get(p.agendaItem) : undefined;
      if (given) {
        est.starts[i + 1] = given.start;
        est.counts[i + 1] = given.end - given.start + 1;
      }
    });
    const last = est.starts.length - 1;
    layout = { ...est, pageCount: est.starts[last] + est.counts[last] - 1, pages: new Map(opts.pages) };
  } else ({ front, layout } = settlePack(doc, body, estimateTextPages));
  const lines: string[] = [];
  const placed: { part: Part | null; tags: { tag: string; line: number }[]; start: number; end: number }[] = [];
  const place = (part: Part | null, blocks: readonly Block[]) => {
    const out = blocksToText(blocks);
    const offset = lines.length;
    lines.push(...out.lines);
    placed.push({
      part,
      tags: out.tags.map((t) => ({ tag: t.tag, line: t.line + offset + 1 })),
      start: offset + 1,
      end: lines.length,
    });
  };
  place(null, front);
  let page = layout.starts[0] + layout.counts[0];
  body.forEach((p, i) => {
    const start = layout.starts[i + 1];
    if (start > page) lines.push("", BLANK_PAGE_TEXT);
    page = start + layout.counts[i + 1];
    lines.push("", "", "");
    place(p, p.blocks);
  });
  const tl = (x: (typeof placed)[number]): TagLines => ({ tags: x.tags, start: x.start, end: x.end, lines });
  const reports = new Map<string, TagLines>();
  let minutes: TagLines | null = null;
  for (const x of placed) {
    if (x.part?.kind === "report" && x.part.agendaItem) reports.set(x.part.agendaItem, tl(x));
    if (x.part?.kind === "minutes") minutes = tl(x);
  }
  const meetings = [frontSheetRecord(doc.record, layout.pages, tl(placed[0]), reports)];
  if (prev && minutes) meetings.push(minutesRecord(prev.record, minutes));
  return { text: `${lines.join("\n")}\n`, meetings, pageCount: layout.pageCount };
}

export function renderAgendaPackText(meeting: MeetingLike, previous: MeetingLike | null): string {
  return renderAgendaPack(meeting, previous).text;
}

/** The minutes of one meeting as a standalone document, with the record it states. */
export function renderMinutes(meeting: MeetingLike): RenderedText {
  const doc = asDoc(meeting);
  const blocks = minutesBlocks(doc, { standalone: true });
  const out = blocksToText(blocks);
  const tags = out.tags.map((t) => ({ tag: t.tag, line: t.line + 1 }));
  const meetings = [minutesRecord(doc.record, { tags, start: 1, end: out.lines.length, lines: out.lines })];
  return { text: `${out.lines.join("\n")}\n`, meetings, pageCount: estimateTextPages(blocks) };
}

export function renderMinutesText(meeting: MeetingLike): string {
  return renderMinutes(meeting).text;
}

/** The agenda front sheet alone (page ranges as the record gives them, or as supplied). */
export function renderFrontSheetText(meeting: MeetingLike, pages: PageMap = new Map()): string {
  return `${blocksToText(frontSheetBlocks(asDoc(meeting), pages)).lines.join("\n")}\n`;
}

/** One officer report alone, by the agenda item it belongs to. */
export function renderReportText(meeting: MeetingLike, agendaItem: string): string {
  const doc = asDoc(meeting);
  const report = doc.record.reports.find((r) => r.agendaItem === agendaItem);
  if (!report)
    throw new Error(`no report for agenda item ${agendaItem} of ${doc.record.body} ${doc.record.date ?? ""}`);
  return `${blocksToText(reportBlocks(doc, report)).lines.join("\n")}\n`;
}
