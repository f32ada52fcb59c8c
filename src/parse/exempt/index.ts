/**
 * Exempt information (Local Government Act 1972, Schedule 12A): finds what the papers mark as not for
 * publication and flags it on the parse result, so that the store never writes it where the public can
 * read it. Pure: a parse/v1 result and the extracted lines in (lines[0] is line 1; null for records
 * readers), a copy out with agenda items, reports and minutes flagged (`exempt`, paragraphs cited)
 * and each meeting's withheld lines listed as `exemptParts`.
 *
 * The rules read general markings, not one council's layout, and lean to withholding when unsure:
 * - agenda: an item titled or annotated "(Exempt under paragraph 3 …)", "not for publication",
 *   "confidential"; every item after a private-part heading ("PART B", "Part 2 – exempt items",
 *   "Items to be considered in private") or after an exclusion item naming "the following item(s)";
 * - report: a report whose head carries a banner ("NOT FOR PUBLICATION", "Exempt information",
 *   "CONFIDENTIAL", "Part B – exempt", a Schedule 12A paragraph) or whose agenda item is exempt;
 * - appendix: an appendix (or a section headed with a banner) inside an otherwise public report, marked
 *   in its own heading or declared exempt in the report ("Appendix B is not for publication …");
 * - minutes: a minute headed "(Exempt)" or the like, every minute an exclusion resolution covers ("the
 *   following item" – the next one; "the following items", "the remaining items" – all that follow,
 *   until the public are readmitted; "items 12 and 13" – those), every minute after a private-part
 *   heading, and a minute of an exempt agenda item of the same meeting;
 * - section: a banner outside every record the parser recognised (an unrecognised exempt report):
 *   its lines up to the next record.
 * A rule can be left out (`rules`), which the canary tests use to prove each one is needed.
 */
import type { AgendaItem, ExemptPart, Meeting, Minute, ParseResult, Report, Span } from "../../model/parse-v1";

export type ExemptRule = "agenda" | "report" | "appendix" | "minutes" | "section";
export const EXEMPT_RULES: readonly ExemptRule[] = ["agenda", "report", "appendix", "minutes", "section"];

/** "Exempt: No", "Is the report exempt? No", "Confidential information – none", "This report is not exempt". */
const NEGATED =
  /\b(?:exempt|confidential|restricted|private)(?:\s+(?:information|report|item|appendix))?\s*(?:[:?|–—-]\s*|\s+)(?:no|none|nil|n\/a|not\s+applicable)\b|\b(?:is|are)\s+not\s+(?:exempt|confidential)\b|\bnon[- ]?(?:exempt|confidential)\b/i;

/** A banner at the start of a line: "NOT FOR PUBLICATION", "EXEMPT", "CONFIDENTIAL", "Part B – exempt". */
const LEADING =
  /^[\s*_#([{|'"“‘-]*(?:not\s+for\s+publication|exempt\b|confidential\b|private\s*(?:and|&)\s*confidential\b|restricted\s*$|(?:part\s+(?:b|2|ii|two)\b.*\b(?:exempt|confidential|private|publication|schedule\s*12)))/i;
/** Markings that mean exempt wherever they stand in a line. */
const ANYWHERE =
  /\bnot\s+for\s+publication\b|\bexempt\s+(?:information|report|item|appendix|appendices|minute|business)\b|\bschedule\s*12\s*\(?a\)?|\((?:exempt|confidential|private)[^)]*\)|\bby\s+virtue\s+of\s+paragraphs?\s+\d/i;
const APPENDIX_WORD = /\b(?:appendix|appendices|annexe?s?)\b/i;
/** A heading that opens the private part of an agenda or minutes. */
const PRIVATE_HEADING =
  /^[\s*_#([{|'"“‘-]*(?:part\s+(?:b|2|ii|two)\b|exempt\s+(?:items?|business|information)\b|confidential\s+(?:items?|business)\b|private\s+(?:business|items?|session)\b|(?:items?\s+)?(?:likely\s+to\s+be\s+|to\s+be\s+)?(?:considered|taken|dealt\s+with)\s+in\s+private\b|restricted\s+(?:items?|business)\b)/i;
const EXCLUSION =
  /\b(?:public|press)\b[^.;]{0,120}\bexclu(?:ded|sion|de)\b|\bexclu(?:ded|sion|de)\b[^.;]{0,60}\b(?:public|press)\b/i;
/** "The public were not excluded", "no need to exclude the public": no exclusion at all. */
const NOT_EXCLUDED =
  /\bnot\s+(?:be\s+|been\s+)?exclu(?:ded|de)\b|\bno\s+(?:need|items?|resolution)\b[^.]{0,40}\bexclu/i;
const READMITTED = /\bre-?admitted\b|\bre-?admission\b|\breturned\s+to\s+(?:the\s+)?(?:meeting|public\s+session)\b/i;

/** Schedule 12A paragraphs (1–7, and 8–10 of Part 2 where cited) named in a text that speaks of exemption. */
export function citedParagraphs(text: string): number[] {
  if (!/schedule\s*12|exempt|confidential|publication|private|restricted/i.test(text)) return [];
  const out = new Set<number>();
  for (const m of text.matchAll(/\bparagraphs?\s+((?:\d{1,2}\s*(?:,|and|&|or|\s)\s*)*\d{1,2})\b/gi))
    for (const n of m[1].match(/\d{1,2}/g) ?? []) if (+n >= 1 && +n <= 10) out.add(+n);
  return [...out].sort((a, b) => a - b);
}

/** Does the line mark what it heads (or stands in) as exempt? */
export function isBanner(line: string): boolean {
  const t = line.replace(/\s+/g, " ").trim();
  if (!t || t.length > 400 || NEGATED.test(t)) return false;
  return LEADING.test(t) || ANYWHERE.test(t);
}

/** Titles that say the item is exempt ("Quayside land (exempt)", "Exempt report: staffing"). */
export function isExemptTitle(title: string): boolean {
  const t = title.replace(/\s+/g, " ").trim();
  if (NEGATED.test(t)) return false;
  return /^[\s(]*(?:exempt|confidential|not\s+for\s+publication)\b/i.test(t) || ANYWHERE.test(t);
}

/** "Item 12", "12." and "12" name one agenda item. */
export function itemKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/^(?:agenda\s+)?item\s+/, "")
    .replace(/[^a-z0-9]+/g, "");
}

const union = (a: readonly number[] | undefined, b: readonly number[]): number[] =>
  [...new Set([...(a ?? []), ...b])].sort((x, y) => x - y);

type Ctx = { lines: string[] | null; rules: ReadonlySet<ExemptRule> };

const textOf = (lines: string[] | null, n: number): string => (lines && n >= 1 ? (lines[n - 1] ?? "") : "");

function markItem(a: AgendaItem, paragraphs: number[]): void {
  a.exempt = true;
  a.exemptParagraphs = union(a.exemptParagraphs, paragraphs);
}

/** Numbers named after "item(s)"/"minute(s)" in an exclusion: "items 12 and 13", "items 9 to 11". */
function namedItems(text: string): Set<string> | null {
  const m = /\b(?:agenda\s+)?(?:items?|minutes?)\s+((?:\d{1,3}[a-z]?\s*(?:,|and|&|to|-|–)\s*)*\d{1,3}[a-z]?)\b/i.exec(
    text,
  );
  if (!m) return null;
  const out = new Set<string>();
  const range = /(\d{1,3})\s*(?:to|-|–)\s*(\d{1,3})/i.exec(m[1]);
  if (range) for (let n = +range[1]; n <= +range[2] && n - +range[1] < 50; n++) out.add(String(n));
  for (const n of m[1].match(/\d{1,3}[a-z]?/gi) ?? []) out.add(itemKey(n));
  return out;
}

/** How far an exclusion reaches: the next item, all that follow, or the items it names. */
function exclusionScope(text: string): { kind: "next" | "rest" } | { kind: "named"; items: Set<string> } {
  const named = namedItems(text.slice(text.search(EXCLUSION)));
  if (named?.size) return { kind: "named", items: named };
  if (/\b(?:following|next)\s+item\b(?!\s*\(s\))(?!s)/i.test(text) && !/\bitems\b/i.test(text)) return { kind: "next" };
  return { kind: "rest" };
}

// ---------------------------------------------------------------------------------------------
// Agenda

function agendaRule(m: Meeting, ctx: Ctx, bound: number): void {
  const items = [...m.agenda].sort((a, b) => a.span.startLine - b.span.startLine);
  let privateFrom = Infinity;
  let next: AgendaItem | null = null;
  let named: Set<string> | null = null;
  for (let i = 0; i < items.length; i++) {
    const a = items[i];
    const after = items[i + 1]?.span.startLine ?? Math.min(bound, a.span.endLine + 4);
    const annotation: string[] = [];
    for (let n = a.span.startLine; n < Math.max(after, a.span.endLine + 1) && n <= a.span.endLine + 4; n++)
      annotation.push(textOf(ctx.lines, n));
    const own = [a.title, ...annotation].join(" ");
    if (
      isExemptTitle(a.title) ||
      annotation.slice(1).some((l) => isBanner(l) && !EXCLUSION.test(l) && !PRIVATE_HEADING.test(l))
    )
      markItem(a, citedParagraphs(own));
    if (a.span.startLine > privateFrom || next === a || named?.has(itemKey(a.number)))
      markItem(a, citedParagraphs(own));
    // What follows this item's title: a private-part heading, or the exclusion of the public.
    for (let n = a.span.startLine + 1; n < after; n++) {
      const l = textOf(ctx.lines, n).trim();
      if (l.length < 120 && PRIVATE_HEADING.test(l) && !NEGATED.test(l)) privateFrom = Math.min(privateFrom, n);
    }
    if (EXCLUSION.test(own) && !NOT_EXCLUDED.test(own)) {
      const scope = exclusionScope(own);
      if (scope.kind === "next") next = items[i + 1] ?? null;
      else if (scope.kind === "named") named = scope.items;
      else privateFrom = Math.min(privateFrom, a.span.endLine);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Reports and appendices

/** Lines of a report's head: its first 12 lines with text, up to any appendix heading. */
function headLines(ctx: Ctx, r: Report): number[] {
  const out: number[] = [];
  for (let n = r.span.startLine; n <= r.span.endLine && out.length < 12; n++) {
    const t = textOf(ctx.lines, n).trim();
    if (APPENDIX_HEAD.test(t)) break;
    if (t) out.push(n);
  }
  return out;
}

function reportRule(m: Meeting, ctx: Ctx, parts: ExemptPart[], starts: number[]): void {
  const exemptItems = new Map(m.agenda.filter((a) => a.exempt).map((a) => [itemKey(a.number), a]));
  for (const r of m.reports) {
    let paragraphs: number[] = [];
    let exempt = false;
    let from = r.span.startLine;
    const item = r.agendaItem ? exemptItems.get(itemKey(r.agendaItem)) : undefined;
    if (item) {
      exempt = true;
      paragraphs = item.exemptParagraphs ?? [];
    }
    if (isExemptTitle(r.title)) exempt = true;
    const head = headLines(ctx, r).map((n) => textOf(ctx.lines, n));
    const banners = head.filter((l) => isBanner(l) && !(APPENDIX_WORD.test(l) && !LEADING.test(l.trim())));
    if (banners.length) exempt = true;
    // A banner set just above the report's header (the previous report's span ends there).
    const prevStart = Math.max(1, ...starts.filter((s) => s < r.span.startLine).map((s) => s + 1));
    for (let n = r.span.startLine - 1; n >= Math.max(prevStart, r.span.startLine - 6); n--) {
      const l = textOf(ctx.lines, n);
      if (!l.trim()) continue;
      if (!isBanner(l) || APPENDIX_WORD.test(l)) break;
      exempt = true;
      from = n;
      banners.push(l);
    }
    if (!exempt) continue;
    r.exempt = true;
    r.exemptParagraphs = union(r.exemptParagraphs, [
      ...paragraphs,
      ...citedParagraphs([...banners, ...head].join(" ")),
    ]);
    parts.push({
      kind: "report",
      agendaItem: r.agendaItem,
      title: r.title,
      paragraphs: r.exemptParagraphs,
      span: { startLine: from, endLine: r.span.endLine, page: r.span.page },
    });
  }
}

const APPENDIX_HEAD = /^[\s*_#|'"“‘-]*(?:appendix|annexe?)\s+([a-z0-9]{1,3})\b/i;

/** Appendix ids a line declares exempt: "Appendix B (exempt)", "Appendices 2 and 3 are not for publication". */
function declaredAppendices(line: string): string[] {
  if (!APPENDIX_WORD.test(line) || !isBanner(line)) return [];
  const out: string[] = [];
  for (const m of line.matchAll(
    /\b(?:appendix|appendices|annexe?s?)\s+((?:[a-z0-9]{1,3}\s*(?:,|and|&)\s*)*[a-z0-9]{1,3})\b/gi,
  ))
    for (const id of m[1].split(/\s*(?:,|and|&)\s*/i)) if (id.trim()) out.push(id.trim().toLowerCase());
  return out;
}

function appendixRule(m: Meeting, ctx: Ctx, parts: ExemptPart[]): void {
  if (!ctx.lines) return;
  for (const r of m.reports) {
    if (r.exempt) continue;
    const declared = new Map<string, number[]>();
    const head = new Set(headLines(ctx, r).slice(0, 12));
    for (let n = r.span.startLine; n <= r.span.endLine; n++) {
      const l = textOf(ctx.lines, n);
      for (const id of declaredAppendices(l)) declared.set(id, union(declared.get(id), citedParagraphs(l)));
    }
    // Each appendix heading (or banner heading) opens a part that runs to the next appendix heading.
    let open: { from: number; title: string; paragraphs: number[]; kind: "appendix" | "section" } | null = null;
    const close = (to: number) => {
      if (open && to >= open.from)
        parts.push({
          kind: open.kind,
          agendaItem: r.agendaItem,
          title: open.title,
          paragraphs: open.paragraphs,
          span: { startLine: open.from, endLine: to, page: null },
        });
      open = null;
    };
    for (let n = r.span.startLine; n <= r.span.endLine; n++) {
      const l = textOf(ctx.lines, n).trim();
      const app = l.length < 160 ? APPENDIX_HEAD.exec(l) : null;
      if (app) {
        close(n - 1);
        const id = app[1].toLowerCase();
        const near = [l, textOf(ctx.lines, n + 1), textOf(ctx.lines, n + 2)];
        const marked = isBanner(l) || near.slice(1).some((x) => isBanner(x) && !APPENDIX_HEAD.test(x.trim()));
        if (declared.has(id) || marked)
          open = {
            from: n,
            title: l.replace(/\s+/g, " "),
            paragraphs: union(declared.get(id), citedParagraphs(near.join(" "))),
            kind: "appendix",
          };
        continue;
      }
      // A banner heading inside the body (not the report's head): the rest is exempt.
      if (!open && !head.has(n) && l.length < 120 && LEADING.test(l) && isBanner(l))
        open = { from: n, title: l.replace(/\s+/g, " "), paragraphs: citedParagraphs(l), kind: "section" };
    }
    close(r.span.endLine);
  }
}

// ---------------------------------------------------------------------------------------------
// Minutes

function minuteText(ctx: Ctx, x: Minute): string {
  const own: string[] = [x.title];
  if (ctx.lines) for (let n = x.span.startLine; n <= x.span.endLine; n++) own.push(textOf(ctx.lines, n));
  else own.push(...flatClauses(x.resolutions));
  return own.join(" ").replace(/\s+/g, " ");
}

function flatClauses(cs: Minute["resolutions"]): string[] {
  return cs.flatMap((c) => [c.text, ...flatClauses(c.children)]);
}

function markMinute(x: Minute, paragraphs: number[]): void {
  x.exempt = true;
  if (!x.exemptParagraphs.length) x.exemptParagraphs = [...paragraphs];
}

function minutesRule(m: Meeting, ctx: Ctx, agendaExempt: Set<string>): void {
  const minutes = [...m.minutes].sort((a, b) => a.span.startLine - b.span.startLine);
  let scope: ReturnType<typeof exclusionScope> | null = null;
  let scopeParagraphs: number[] = [];
  let nextOnly: Minute | null = null;
  for (let i = 0; i < minutes.length; i++) {
    const x = minutes[i];
    const text = minuteText(ctx, x);
    const firstLines = ctx.lines
      ? [1, 2, 3].map((k) => textOf(ctx.lines, x.span.startLine + k)).filter((l) => l.trim())
      : [];
    const key = (s: string | null) => (s ? itemKey(s) : "");
    if (READMITTED.test(text) && !EXCLUSION.test(x.title)) {
      scope = null;
      nextOnly = null;
    }
    const covered =
      nextOnly === x ||
      scope?.kind === "rest" ||
      (scope?.kind === "named" && (scope.items.has(key(x.number)) || scope.items.has(key(x.agendaItem))));
    const headed = isExemptTitle(x.title) || firstLines.slice(0, 2).some((l) => /^\W*\(?\s*exempt\b/i.test(l.trim()));
    const item = x.agendaItem !== null && agendaExempt.has(key(x.agendaItem));
    if ((covered || headed || item) && !/^exclusion\b/i.test(x.title)) markMinute(x, scopeParagraphs);
    // An exclusion resolution: what it covers starts with the next minute.
    if (EXCLUSION.test(text) && !NOT_EXCLUDED.test(text)) {
      const s = exclusionScope(text);
      scopeParagraphs = x.exemptParagraphs.length ? x.exemptParagraphs : citedParagraphs(text);
      if (s.kind === "next") nextOnly = minutes[i + 1] ?? null;
      else scope = s;
    }
    // A private-part heading inside this minute's lines (it ends the public part): the rest follow it.
    if (ctx.lines)
      for (let n = x.span.startLine + 1; n <= x.span.endLine; n++) {
        const l = textOf(ctx.lines, n).trim();
        if (l.length < 120 && PRIVATE_HEADING.test(l) && !NEGATED.test(l)) {
          scope = { kind: "rest" };
          break;
        }
      }
  }
}

// ---------------------------------------------------------------------------------------------
// Banners outside every record

function sectionRule(result: ParseResult, ctx: Ctx): void {
  const lines = ctx.lines;
  if (!lines) return;
  const covered = new Uint8Array(lines.length + 2);
  const starts: number[] = [];
  let firstRecord = Infinity;
  for (const m of result.meetings) {
    for (const x of [...m.reports, ...m.minutes]) {
      covered.fill(1, x.span.startLine, x.span.endLine + 1);
      starts.push(x.span.startLine);
      firstRecord = Math.min(firstRecord, x.span.startLine);
    }
    for (const p of m.exemptParts ?? []) covered.fill(1, p.span.startLine, p.span.endLine + 1);
  }
  starts.sort((a, b) => a - b);
  for (let n = Math.max(1, firstRecord); n <= lines.length; n++) {
    if (covered[n] || !isBanner(lines[n - 1])) continue;
    const end = (starts.find((s) => s > n) ?? lines.length + 1) - 1;
    const host =
      result.meetings.find((m) => m.span.startLine <= n && n <= m.span.endLine) ?? result.meetings[0] ?? null;
    if (!host) return;
    host.exemptParts = [
      ...(host.exemptParts ?? []),
      {
        kind: "section",
        agendaItem: null,
        title: lines[n - 1].replace(/\s+/g, " ").trim().slice(0, 200),
        paragraphs: citedParagraphs(lines.slice(n - 1, Math.min(end, n + 5)).join(" ")),
        span: { startLine: n, endLine: end, page: null },
      },
    ];
    covered.fill(1, n, end + 1);
    n = end;
  }
}

// ---------------------------------------------------------------------------------------------

/** The parse result with exempt material flagged and its lines listed (see the file's head). */
export function markExempt(
  result: ParseResult,
  lines: string[] | null,
  rules: readonly ExemptRule[] = EXEMPT_RULES,
): ParseResult {
  const out: ParseResult = structuredClone(result);
  const ctx: Ctx = { lines, rules: new Set(rules) };
  const on = (r: ExemptRule) => ctx.rules.has(r);
  const starts = out.meetings.flatMap((m) => m.reports.map((r) => r.span.startLine)).sort((a, b) => a - b);
  for (const m of out.meetings) {
    const parts: ExemptPart[] = [...(m.exemptParts ?? [])];
    const firstReport = Math.min(...m.reports.map((r) => r.span.startLine), m.span.endLine + 1);
    if (on("agenda")) agendaRule(m, ctx, firstReport);
    if (on("report")) reportRule(m, ctx, parts, starts);
    if (on("appendix")) appendixRule(m, ctx, parts);
    if (on("minutes")) {
      const agendaExempt = new Set(m.agenda.filter((a) => a.exempt).map((a) => itemKey(a.number)));
      minutesRule(m, ctx, agendaExempt);
    }
    m.exemptParts = partsOf({ ...m, exemptParts: parts });
  }
  if (on("section")) sectionRule(out, ctx);
  for (const m of out.meetings) if (!m.exemptParts?.length) delete m.exemptParts;
  return out;
}

/**
 * A meeting's exempt parts: those listed, plus every exempt minute and report not yet listed (a result
 * from a records reader, or built by hand), in line order.
 */
export function partsOf(m: Meeting): ExemptPart[] {
  const parts = [...(m.exemptParts ?? [])];
  const listed = (kind: ExemptPart["kind"], span: Span) =>
    parts.some((p) => p.kind === kind && p.span.startLine <= span.startLine && span.endLine <= p.span.endLine);
  for (const x of m.minutes)
    if ((x.exempt || x.exemptParagraphs.length) && !listed("minute", x.span))
      parts.push({
        kind: "minute",
        agendaItem: x.agendaItem,
        title: x.title,
        paragraphs: x.exemptParagraphs,
        span: x.span,
      });
  for (const r of m.reports)
    if ((r.exempt || r.exemptParagraphs?.length) && !listed("report", r.span))
      parts.push({
        kind: "report",
        agendaItem: r.agendaItem,
        title: r.title,
        paragraphs: r.exemptParagraphs ?? [],
        span: r.span,
      });
  return parts.sort((a, b) => a.span.startLine - b.span.startLine);
}

/** Is this line inside a part withheld from the public (minutes show their first, title, line)? */
export function withheldLine(parts: readonly ExemptPart[], n: number): boolean {
  return parts.some((p) => n <= p.span.endLine && (p.kind === "minute" ? n > p.span.startLine : n >= p.span.startLine));
}

/** The lines with every exempt part's lines blanked (what search and linkers may read). */
export function publicLines(result: ParseResult, lines: string[] | null): string[] | null {
  if (!lines) return lines;
  const parts = result.meetings.flatMap(partsOf);
  if (!parts.length) return lines;
  return lines.map((l, i) => (withheldLine(parts, i + 1) ? "" : l));
}

export type { Span };
