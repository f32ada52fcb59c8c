/**
 * The linkable items of a set of meetings: agenda items, minutes (with their resolution clauses and
 * reasons) and reports (with recommendations and background papers), each with a stable id, a
 * readable reference ("minute 524", "agenda item 8") and the text fields phrases are taken from.
 * Procedural items (minutes of the last meeting, declarations, date of next meeting…) are left out.
 */

import { spanText as storedSpanText } from "../../import/records";
import type { Clause, Meeting, Span } from "../../model/parse-v1";
import type { LinkEntry, LinkInput } from "../index";

export type ItemKind = "agenda" | "minute" | "report";
export type FieldKind = "title" | "resolution" | "recommendation" | "reason" | "background" | "text";
export type Field = { kind: FieldKind; label: string | null; text: string; span: Span | null };

export type Item = {
  id: string;
  docId: string;
  meetingKey: string;
  body: string;
  date: string | null;
  kind: ItemKind;
  ref: string;
  title: string;
  /** The agenda item it is or belongs to ("8"), for joining a report and its minute to their agenda item. */
  agendaNumber: string | null;
  span: Span | null;
  fields: Field[];
};

/** Title openings that mark an item as procedure, not subject (normalised to lower case). */
const PROCEDURAL_OPENINGS = [
  "minutes",
  "minute of",
  "confirmation of minutes",
  "declarations of",
  "declaration of",
  "date of next meeting",
  "date of the next meeting",
  "dates of next meeting",
  "question time",
  "questions asked",
  "public questions",
  "urgent items",
  "urgent business",
  "any other items",
  "any other business",
  "to advise of any other items",
  "presentation of petitions",
  "petitions",
  "appointment of chairman",
  "appointment of vice",
  "appointment of deputy",
  "election of chairman",
  "election of vice",
  "election of deputy",
  "apologies",
  "exclusion of the press",
  "exclusion of press",
  "items referred from",
  "chairman's announcements",
  "announcements",
  "welcome and introductions",
  "membership",
  // Standing items that recur at every meeting of a parish or a council and are no subject of their own.
  "matters arising",
  "to discuss matters arising",
  "approval of minutes",
  "approval of the minutes",
  "approval of previous minutes",
  "approval of the previous minutes",
  "to approve minutes",
  "to approve the minutes",
  "to confirm the minutes",
  "confirmation of the minutes",
  "signing of the minutes",
  "questions from",
  "questions to",
  "questions by",
  "questions under",
  "public participation",
  "public forum",
  "open forum",
  "public session",
  "public speaking",
  "register of interests",
  "election of chair",
  "appointment of chair",
  "motions for time limited debate",
  "motion for time limited debate",
  "notices of motion",
  "motions on notice",
  "cabinet member updates",
  "cabinet member update",
  "verbal update by the cabinet member",
  "report by leader of the council",
  "report by the leader of the council",
  "leader's report",
  "leader s report",
  "chairman's report",
  "chairman s report",
  "chair's report",
  "chair s report",
  "clerk's report",
  "clerk s report",
  "treasurer's report",
  "treasurer s report",
  "police report",
  "councillor's report",
  "councillor s report",
  "area councillor's report",
  "area councillor s report",
  "ward councillor's report",
  "ward councillor s report",
  "county councillor's report",
  "county councillor s report",
  "district councillor's report",
  "district councillor s report",
  "items for the next agenda",
  "items for next agenda",
];

/**
 * Standing items that are procedure only when the title is nothing more ("Questions", "Planning
 * Applications"): "Planning Applications in Melton Borough Villages" is a subject.
 */
const PROCEDURAL_EXACT = new Set([
  "questions",
  "motions",
  "correspondence",
  "planning applications",
  "planning",
  "finance",
  "work programme",
  "forward work programme",
  "minutes for noting",
]);

function simpleLower(text: string): string {
  let out = "";
  let space = false;
  for (const ch of text.toLowerCase()) {
    const isAlnum = (ch >= "a" && ch <= "z") || (ch >= "0" && ch <= "9") || ch === "'";
    if (isAlnum) {
      if (space && out) out += " ";
      out += ch;
      space = false;
    } else space = true;
  }
  return out;
}

export function isProcedural(title: string): boolean {
  const t = simpleLower(title);
  if (!t) return true;
  return PROCEDURAL_EXACT.has(t) || PROCEDURAL_OPENINGS.some((p) => t === p || t.startsWith(`${p} `));
}

export type FlatClause = { label: string; text: string };

/** Resolution clauses in document order with their label path: "(d)(iii)"; "" for an unlettered clause. */
export function flattenClauses(clauses: Clause[], prefix = ""): FlatClause[] {
  const out: FlatClause[] = [];
  for (const c of clauses) {
    const label = c.label ? `${prefix}(${c.label})` : prefix;
    out.push({ label, text: c.text });
    out.push(...flattenClauses(c.children ?? [], label));
  }
  return out;
}

/** Stable order of input entries: by date, meeting key, document, then (only to break a tie) content. */
export function sortEntries(input: LinkInput): LinkEntry[] {
  const json = new Map<LinkEntry, string>();
  const content = (e: LinkEntry) => {
    let j = json.get(e);
    if (j === undefined) {
      j = JSON.stringify(e.meeting) ?? "";
      json.set(e, j);
    }
    return j;
  };
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...input].sort(
    (a, b) =>
      cmp(a.meeting.date ?? "", b.meeting.date ?? "") ||
      cmp(a.meetingKey, b.meetingKey) ||
      cmp(a.docId, b.docId) ||
      cmp(content(a), content(b)),
  );
}

export function minuteRef(number: string | null, title: string, agendaItem: string | null = null): string {
  if (number) return `minute ${number}`;
  if (agendaItem) return `minute on agenda item ${agendaItem}`;
  return `minute "${title}"`;
}

function itemsOfMeeting(entry: LinkEntry, index: number): Item[] {
  const m: Meeting = entry.meeting;
  const base = { docId: entry.docId, meetingKey: entry.meetingKey, body: m.body, date: m.date };
  const idBase = `${entry.docId}|${entry.meetingKey}|${index}`;
  const out: Item[] = [];
  m.agenda.forEach((a, i) => {
    if (isProcedural(a.title)) return;
    out.push({
      ...base,
      id: `${idBase}|agenda|${i}`,
      kind: "agenda",
      ref: `agenda item ${a.number}`,
      title: a.title,
      agendaNumber: a.number,
      span: a.span ?? null,
      fields: [{ kind: "title", label: null, text: a.title, span: a.span ?? null }],
    });
  });
  m.minutes.forEach((x, i) => {
    if (isProcedural(x.title)) return;
    const fields: Field[] = [{ kind: "title", label: null, text: x.title, span: x.span ?? null }];
    for (const c of flattenClauses(x.resolutions ?? []))
      fields.push({ kind: "resolution", label: c.label, text: c.text, span: x.span ?? null });
    for (const r of x.reasons ?? []) fields.push({ kind: "reason", label: null, text: r, span: x.span ?? null });
    // The discussion as the store keeps it (never for an exempt minute), so files and store agree.
    const exempt = (x.exemptParagraphs ?? []).length > 0;
    const body = exempt
      ? null
      : entry.lines && x.span
        ? storedSpanText(entry.lines as string[], x.span, true)
        : (entry.minuteTexts?.[i] ?? null);
    if (body) fields.push({ kind: "text", label: null, text: body, span: x.span ?? null });
    out.push({
      ...base,
      id: `${idBase}|minute|${i}`,
      kind: "minute",
      ref: minuteRef(x.number, x.title, x.agendaItem),
      title: x.title,
      agendaNumber: x.agendaItem,
      span: x.span ?? null,
      fields,
    });
  });
  m.reports.forEach((r, i) => {
    if (isProcedural(r.title)) return;
    const fields: Field[] = [{ kind: "title", label: null, text: r.title, span: r.span ?? null }];
    (r.recommendations ?? []).forEach((t, k) => {
      fields.push({ kind: "recommendation", label: String(k + 1), text: t, span: r.span ?? null });
    });
    for (const b of r.backgroundPapers ?? [])
      fields.push({ kind: "background", label: null, text: b, span: r.span ?? null });
    // A report's own text is not kept by the store; its title, recommendations and background
    // papers are what every path gives the linkers alike.
    out.push({
      ...base,
      id: `${idBase}|report|${i}`,
      kind: "report",
      ref: r.agendaItem ? `report (agenda item ${r.agendaItem})` : `report "${r.title}"`,
      title: r.title,
      agendaNumber: r.agendaItem,
      span: r.span ?? null,
      fields,
    });
  });
  return out;
}

/** Every non-procedural item of the input, in a stable order. */
export function collectItems(input: LinkInput): Item[] {
  return sortEntries(input).flatMap((e, i) => itemsOfMeeting(e, i));
}
