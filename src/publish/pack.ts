/**
 * The agenda pack of an authored meeting as one PDF: the front sheet and agenda drawn by the existing
 * renderer (render/compose + render/pdf), the reports and appendices drawn one after another in one
 * document and merged after it with pdf-lib, every report and appendix starting on an odd page, "Page N of
 * M" on every page, a bookmark (outline entry) for every agenda item and appendix, and the agenda's
 * "(Pages X - Y)" measured from the real pages (the front sheet is re-measured until its own length and the
 * ranges it prints agree).
 *
 * Two audiences: "public" prints every exempt report, section and appendix as a notice that names its
 * Schedule 12A paragraphs and never its text; "confidential" prints everything, marked on each exempt
 * page. The same page map goes to the PDF (front sheet and bookmarks), the HTML meeting page and the API.
 * Also returns the parse/v1 records the pack states, for the read-back score. Pure apart from CPU: bytes
 * in memory, no files, no clock.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  type PDFPage,
  type PDFRef,
  rgb,
  StandardFonts,
} from "pdf-lib";
import type { AgendaItem, Meeting, Member, Officer, Report } from "../model/parse-v1";
import type { NumberedItem } from "../office/agenda";
import {
  type Appendix,
  type ReportContent,
  SCHEDULE_12A_TEXT,
  SECTION_KEYS,
  type Section,
  type SectionKey,
} from "../office/reports";
import { type Block, gap, heading, line, paragraphs } from "../render/blocks";
import { frontSheetBlocks, reportBlocks } from "../render/compose";
import { longDate } from "../render/format";
import { drawPartsPdf, pdfMeasurer } from "../render/pdf";
import { blocksToText } from "../render/text";
import type { MeetingDoc, ReportProse } from "../render/types";
import type { PageMapEntry } from "../store/common/packs";
import { toParagraphs } from "./markdown";

export type Audience = "public" | "confidential";

export type PackMeeting = {
  authority: string;
  /** The committee's name as printed ("Cabinet"). */
  body: string;
  date: string;
  time: string | null;
  location: string | null;
  contact: { name: string | null; phone: string | null; email: string | null } | null;
  membership: Member[];
};

export type PackInput = {
  meeting: PackMeeting;
  items: readonly NumberedItem[];
  /** The printed version of each report on the agenda, by report id. */
  reports: ReadonlyMap<number, ReportContent>;
  audience: Audience;
  /**
   * Set for a numbered supplement: `items` are only those added since the agenda was published (numbered
   * as in the whole agenda), and its front sheet says which supplement it is and to what.
   */
  supplement?: { number: number; agendaPublished: string } | null;
};

export type BuiltPack = {
  bytes: Uint8Array;
  pageCount: number;
  pageMap: PageMapEntry[];
  /** What the pack states, as a perfect parser would read it (the front sheet's meeting). */
  record: Meeting;
};

const SPAN = { startLine: 1, endLine: 1, page: null };

const cite = (ps: readonly number[]) =>
  ps.length === 1 ? `Paragraph ${ps[0]}` : `Paragraphs ${ps.slice(0, -1).join(", ")} and ${ps[ps.length - 1]}`;

/** The public notice printed instead of exempt text. */
function exemptNotice(what: string, ps: readonly number[]): string {
  return `This ${what} is not for publication by virtue of ${cite(ps)} of Part 1 of Schedule 12A of the Local Government Act 1972 (${ps.map((p) => SCHEDULE_12A_TEXT[p]?.toLowerCase() ?? `paragraph ${p}`).join("; ")}).`;
}

/** The printed title of an appendix, as the report lists it. */
export const appendixTitle = (a: Pick<Appendix, "label" | "title">) => `Appendix ${a.label} - ${a.title}`;

function sectionParagraphs(key: SectionKey, s: Section, audience: Audience): string[] | undefined {
  if (s.exempt && audience === "public") return [exemptNotice("section", s.exempt.paragraphs)];
  const ps = toParagraphs(s.text);
  if (s.exempt) return [`EXEMPT (${cite(s.exempt.paragraphs)} of Schedule 12A): ${ps[0] ?? ""}`, ...ps.slice(1)];
  return ps.length ? ps : key === "purpose" || key === "background" ? undefined : undefined;
}

/** The parse/v1 report record and the prose the renderer prints for one report in one audience. */
function reportRecord(
  item: NumberedItem,
  c: ReportContent,
  audience: Audience,
): { record: Report; prose: ReportProse } {
  const hidden = !!c.exempt && audience === "public";
  const officers: Officer[] = hidden
    ? []
    : c.contacts.map((o) => ({ name: o.name, role: o.role, phone: o.phone, email: o.email }));
  const record: Report = {
    agendaItem: item.number,
    title: c.title,
    author: c.author,
    recommendations: hidden ? [] : [...c.recommendations],
    officers,
    appendices: c.appendices.map(appendixTitle),
    backgroundPapers: hidden ? [] : [...c.backgroundPapers],
    span: SPAN,
    ...(c.exempt ? { exempt: true, exemptParagraphs: [...c.exempt.paragraphs] } : {}),
  };
  if (hidden)
    return {
      record,
      prose: {
        exempt: { banner: "NOT FOR PUBLICATION", paragraphs: c.exempt!.paragraphs, text: [] },
        purpose: [exemptNotice("report", c.exempt!.paragraphs)],
        background: [`The report will be considered after the exclusion of the press and public.`],
      },
    };
  const s = (k: SectionKey) => sectionParagraphs(k, c.sections[k], audience);
  const prose: ReportProse = {
    purpose: s("purpose"),
    reasons: s("reasons"),
    resources: s("resources"),
    legal: s("legal"),
    background: s("background"),
    equality: s("equality"),
  };
  if (c.exempt) prose.exempt = { banner: "NOT FOR PUBLICATION", paragraphs: c.exempt.paragraphs, text: [] };
  for (const k of SECTION_KEYS) if (prose[k as keyof ReportProse] === undefined) delete prose[k as keyof ReportProse];
  return { record, prose };
}

function appendixBlocks(a: Appendix, audience: Audience, wholeExempt: number[] | null): Block[] {
  const ps = a.exempt?.paragraphs ?? wholeExempt;
  const out: Block[] = [heading(`APPENDIX ${a.label}`), gap(), heading(a.title.toUpperCase())];
  if (ps && audience === "public")
    return [...out, gap(), line("NOT FOR PUBLICATION", { bold: true }), ...paragraphs([exemptNotice("appendix", ps)])];
  if (ps)
    out.push(
      gap(),
      line("NOT FOR PUBLICATION", { bold: true }),
      line(`by virtue of ${cite(ps)} of Part 1 of Schedule 12A of the Local Government Act 1972`),
    );
  const text = toParagraphs(a.text);
  return [...out, ...paragraphs(text.length ? text : ["(No text.)"])];
}

type PartSpec = {
  item: NumberedItem;
  kind: "report" | "appendix";
  label: string;
  blocks: Block[];
  exempt: boolean;
};

/** The meeting document the renderer draws the front sheet and reports from. */
function meetingDoc(input: PackInput): { doc: MeetingDoc; parts: PartSpec[] } {
  const m = input.meeting;
  const agenda: AgendaItem[] = input.items.map((i) => ({
    number: i.number,
    title: i.title,
    reportBy: i.reportBy,
    pages: null,
    span: SPAN,
    ...(i.exemptParagraphs.length ? { exempt: true, exemptParagraphs: [...i.exemptParagraphs] } : {}),
  }));
  const reports: Report[] = [];
  const prose: Record<string, ReportProse> = {};
  const specs: { item: NumberedItem; content: ReportContent }[] = [];
  for (const item of input.items) {
    if (item.reportId === null) continue;
    const content = input.reports.get(item.reportId);
    if (!content) throw new Error(`agenda item ${item.number} names report ${item.reportId}, which was not given`);
    const r = reportRecord(item, content, input.audience);
    reports.push(r.record);
    prose[item.number] = r.prose;
    specs.push({ item, content });
  }
  const exemptItems: Record<string, number[]> = {};
  for (const i of input.items) if (i.exemptParagraphs.length) exemptItems[i.number] = [...i.exemptParagraphs];
  const record: Meeting = {
    body: m.body,
    authority: m.authority,
    date: m.date,
    time: m.time,
    location: m.location,
    contact: m.contact,
    membership: m.membership,
    agenda,
    attendance: null,
    minutes: [],
    reports,
    nextMeeting: null,
    span: SPAN,
  };
  const doc: MeetingDoc = { record, prose: { reports: prose, exemptItems } };
  const parts: PartSpec[] = [];
  for (const { item, content } of specs) {
    const report = reports.find((r) => r.agendaItem === item.number)!;
    parts.push({
      item,
      kind: "report",
      label: `${item.number}. ${item.title}`,
      blocks: reportBlocks(doc, report),
      exempt: !!content.exempt,
    });
    for (const a of content.appendices)
      parts.push({
        item,
        kind: "appendix",
        label: appendixTitle(a),
        blocks: appendixBlocks(a, input.audience, content.exempt?.paragraphs ?? null),
        exempt: !!a.exempt || !!content.exempt,
      });
  }
  return { doc, parts };
}

/**
 * The front sheet: the renderer's, and for a supplement the line that says which supplement it is, set
 * just before the agenda so the meeting's own fields still open the page as the reader expects.
 */
function frontBlocks(input: PackInput, doc: MeetingDoc, pages: Map<string, { start: number; end: number }>): Block[] {
  const blocks = frontSheetBlocks(doc, pages);
  const s = input.supplement;
  if (!s) return blocks;
  const at = blocks.findIndex((b) => b.kind === "text" && b.text === "AGENDA");
  const note = [
    gap(),
    line(`SUPPLEMENT ${s.number}`, { bold: true }),
    line(
      `Items added to the agenda after it was published on ${longDate(s.agendaPublished)}, numbered as in the full agenda. The consolidated agenda pack holds every item.`,
    ),
  ];
  return at < 1 ? [...note, gap(), ...blocks] : [...blocks.slice(0, at - 1), ...note, ...blocks.slice(at - 1)];
}

/**
 * The same documents as text (front sheet with no page ranges, then each report and appendix): what the
 * bench sets beside the PDF, the renderer's text backend over the very same blocks.
 */
export function buildPackText(input: PackInput): string {
  const { doc, parts } = meetingDoc(input);
  const out = [blocksToText(frontBlocks(input, doc, new Map())).lines.join("\n")];
  for (const p of parts) out.push(blocksToText(p.blocks).lines.join("\n"));
  return `${out.join("\n\n\n")}\n`;
}

/**
 * Builds the pack. Throws naming the item when a report cannot be drawn (a character Helvetica lacks).
 *
 * Every report and appendix is drawn once, one after another in one pdfkit document (each on an odd page,
 * blank pages between: a document after one of odd length needs one, whatever the front sheet's length),
 * and its pages stay buffered. The front sheet is then settled against the real page counts with one
 * reused measuring document and drawn once, padded to an even length. Only then is the pack's length
 * known, so both documents print "Page N of M" as the pack will number them, and pdf-lib merges the two
 * in one copy each and adds the bookmarks.
 */
export async function buildPack(input: PackInput): Promise<BuiltPack> {
  const { doc, parts } = meetingDoc(input);
  const title = `${input.meeting.body} ${input.meeting.date}${input.supplement ? ` Supplement ${input.supplement.number}` : ""}${input.audience === "confidential" ? " (confidential)" : ""}`;
  const MARK = "CONFIDENTIAL - NOT FOR PUBLICATION";
  const body = parts.length
    ? drawPartsPdf(
        parts.map((p) => ({
          blocks: p.blocks,
          stamp: `Agenda Item ${p.item.number}`,
          mark: input.audience === "confidential" && p.exempt ? MARK : null,
          label: `item ${p.item.number} (${p.label})`,
        })),
        { title, oddStarts: true },
      )
    : null;
  const counts = body?.counts ?? [];

  // Front sheet and ranges settle together: its length moves every range after it.
  const measure = pdfMeasurer();
  let ranges = new Map<string, { start: number; end: number }>();
  let frontCount = measure(frontBlocks(input, doc, ranges));
  let starts: number[] = [];
  for (let round = 0; ; round++) {
    if (round > 6) throw new Error("the agenda pack's front sheet and page ranges did not settle");
    // The front sheet padded to an even length; the body's own starts (odd) follow it.
    const offset = frontCount + (frontCount % 2);
    starts = (body?.starts ?? []).map((s) => offset + s);
    const fresh = new Map<string, { start: number; end: number }>();
    parts.forEach((p, i) => {
      const r = fresh.get(p.item.number);
      const end = starts[i] + counts[i] - 1;
      fresh.set(p.item.number, r ? { start: r.start, end } : { start: starts[i], end });
    });
    const again = measure(frontBlocks(input, doc, fresh));
    const stable = again === frontCount && sameRanges(fresh, ranges);
    ranges = fresh;
    frontCount = again;
    if (stable) break;
  }
  const front = drawPartsPdf([{ blocks: frontBlocks(input, doc, ranges) }], { title, evenLength: !!body });
  if (front.counts[0] !== frontCount)
    throw new Error(`the front sheet measured ${frontCount} pages but was drawn on ${front.counts[0]}`);
  const pageCount = front.pageCount + (body?.pageCount ?? 0);
  const numbered = (offset: number) => (page: number) => `Page ${offset + page} of ${pageCount}`;
  const [frontBytes, bodyBytes] = await Promise.all([
    front.finish(numbered(0)),
    body ? body.finish(numbered(front.pageCount)) : null,
  ]);

  // Merge: the front sheet, then the reports and appendices, each copied in one pass.
  const out = await PDFDocument.create();
  out.setTitle(title);
  out.setCreator("Minutebook");
  out.setProducer("Minutebook (pdf-lib)");
  out.setCreationDate(new Date(Date.UTC(2000, 0, 1)));
  out.setModificationDate(new Date(Date.UTC(2000, 0, 1)));
  for (const bytes of [frontBytes, bodyBytes]) {
    if (!bytes) continue;
    const src = await PDFDocument.load(bytes);
    for (const p of await out.copyPages(src, src.getPageIndices())) out.addPage(p);
  }
  if (out.getPageCount() !== pageCount)
    throw new Error(`the merged pack has ${out.getPageCount()} pages; its layout planned ${pageCount}`);
  const pages = out.getPages();

  // The page map, and the bookmarks drawn from it.
  const pageMap: PageMapEntry[] = input.items.map((i) => {
    const r = ranges.get(i.number) ?? null;
    return { number: i.number, title: i.title, pages: r, bookmark: r ? `${i.number}. ${i.title}` : null };
  });
  const marks: Mark[] = [{ title: "Agenda", page: 1, children: [] }];
  for (const e of pageMap) {
    if (!e.pages) continue;
    const children = parts
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.item.number === e.number && p.kind === "appendix")
      .map(({ p, i }) => ({ title: p.label, page: starts[i], children: [] }));
    marks.push({ title: e.bookmark!, page: e.pages.start, children });
  }
  addOutline(out, pages, marks);
  const bytes = await out.save({ useObjectStreams: false });
  const record: Meeting = {
    ...doc.record,
    agenda: doc.record.agenda.map((a) => ({ ...a, pages: ranges.get(a.number) ?? null })),
  };
  return { bytes, pageCount, pageMap, record };
}

function sameRanges(
  a: ReadonlyMap<string, { start: number; end: number }>,
  b: ReadonlyMap<string, { start: number; end: number }>,
) {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (!w || w.start !== v.start || w.end !== v.end) return false;
  }
  return true;
}

type Mark = { title: string; page: number; children: Mark[] };

/** The PDF outline (bookmarks): pdf-lib has no API for it, so the dictionaries are written as the PDF spec (§12.3.3) gives them. */
function addOutline(doc: PDFDocument, pages: PDFPage[], marks: Mark[]): void {
  const ctx = doc.context;
  const rootRef = ctx.nextRef();
  const build = (list: Mark[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = list.map(() => ctx.nextRef());
    let count = 0;
    list.forEach((m, i) => {
      const dict = ctx.obj({}) as PDFDict;
      dict.set(PDFName.of("Title"), PDFHexString.fromText(m.title));
      dict.set(PDFName.of("Parent"), parent);
      const dest = ctx.obj([pages[m.page - 1].ref, PDFName.of("XYZ"), PDFNull, PDFNull, PDFNull]) as PDFArray;
      dict.set(PDFName.of("Dest"), dest);
      if (i > 0) dict.set(PDFName.of("Prev"), refs[i - 1]);
      if (i < list.length - 1) dict.set(PDFName.of("Next"), refs[i + 1]);
      if (m.children.length) {
        const c = build(m.children, refs[i]);
        dict.set(PDFName.of("First"), c.first);
        dict.set(PDFName.of("Last"), c.last);
        dict.set(PDFName.of("Count"), PDFNumber.of(-c.count));
      }
      ctx.assign(refs[i], dict);
      count += 1;
    });
    return { first: refs[0], last: refs[refs.length - 1], count };
  };
  const top = build(marks, rootRef);
  const root = ctx.obj({}) as PDFDict;
  root.set(PDFName.of("Type"), PDFName.of("Outlines"));
  root.set(PDFName.of("First"), top.first);
  root.set(PDFName.of("Last"), top.last);
  root.set(PDFName.of("Count"), PDFNumber.of(top.count));
  ctx.assign(rootRef, root);
  doc.catalog.set(PDFName.of("Outlines"), rootRef);
  doc.catalog.set(PDFName.of("PageMode"), PDFName.of("UseOutlines"));
}

/** Reads a PDF's outline back: [title, page number] in order, depth-first (for tests and the API check). */
export async function readOutline(bytes: Uint8Array): Promise<{ title: string; page: number; depth: number }[]> {
  const doc = await PDFDocument.load(bytes);
  const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const out: { title: string; page: number; depth: number }[] = [];
  const root = doc.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  const walk = (first: PDFDict | undefined, depth: number) => {
    let node = first;
    while (node) {
      const t = node.lookup(PDFName.of("Title"));
      const dest = node.lookupMaybe(PDFName.of("Dest"), PDFArray);
      const ref = dest?.get(0);
      out.push({
        title: t instanceof PDFHexString ? t.decodeText() : String(t),
        page: ref ? (pageIndex.get(ref.toString()) ?? 0) : 0,
        depth,
      });
      walk(node.lookupMaybe(PDFName.of("First"), PDFDict), depth + 1);
      node = node.lookupMaybe(PDFName.of("Next"), PDFDict);
    }
  };
  walk(root?.lookupMaybe(PDFName.of("First"), PDFDict), 0);
  return out;
}

/**
 * Stamps a per-viewer line at the foot of every page of a confidential pack ("Supplied to … on …"), so
 * a leaked copy names whom it was given to. Bytes in, bytes out.
 */
export async function watermark(bytes: Uint8Array, text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes);
  const font = await doc.embedFont(StandardFonts.HelveticaOblique);
  for (const page of doc.getPages()) page.drawText(text, { x: 64, y: 16, size: 7, font, color: rgb(0.6, 0, 0) });
  return doc.save({ useObjectStreams: false });
}
