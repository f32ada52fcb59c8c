/**
 * The store's meetings as LinkInput: the adapter between the Repository's read records and the
 * linkers, which work on parse/v1 meetings. One entry per document that gave a meeting items, so
 * every item keeps the document it came from. Used by the CLI's linking commands and the portal.
 */
import { type Clause, emptyMeeting, type Meeting, type Span } from "../model/parse-v1";
import type { MeetingDetail, Repository, ResolutionRecord } from "../store/repository";
import type { LinkEntry, LinkInput } from "./index";
import { normBody } from "./referrals/bodies";

/**
 * The key one meeting has in every path (files, store, portal): its body compared without case or
 * punctuation, its date, and its council when known, so two councils' Cabinets on one day stay two.
 */
export function meetingKeyOf(body: string, date: string | null, authority: string | null, fallback: string): string {
  const council = authority ? `|${authority.toLowerCase().replace(/\s+/g, " ").trim()}` : "";
  return `${normBody(body)}|${date ?? `undated:${fallback}`}${council}`;
}

/** Rebuilds a resolution tree from the store's flattened clauses ("a", "a.ii"). */
export function clausesFromRecords(records: ResolutionRecord[]): Clause[] {
  const roots: Clause[] = [];
  const byPath = new Map<string, Clause>();
  for (const r of records) {
    const c: Clause = { label: r.label, text: r.text, children: [] };
    byPath.set(r.path, c);
    const cut = r.path.lastIndexOf(".");
    const parent = cut > 0 ? byPath.get(r.path.slice(0, cut)) : undefined;
    if (parent) parent.children.push(c);
    else roots.push(c);
  }
  return roots;
}

/**
 * One store meeting as LinkInput entries: one per document that gave it items, so each item keeps
 * the document it came from. Membership, attendance and the next meeting go with the first.
 */
export function entriesFromDetail(d: MeetingDetail): LinkEntry[] {
  const meetingKey = meetingKeyOf(d.committee.name, d.date, d.authority, d.documents[0]?.name ?? `meeting-${d.id}`);
  const docs = new Map<string, Meeting>();
  const texts = new Map<string, (string | null)[]>();
  const zero: Span = { startLine: 0, endLine: 0, page: null };
  const get = (name: string): Meeting => {
    let m = docs.get(name);
    if (!m) {
      const ref = d.documents.find((x) => x.name === name);
      m = {
        ...emptyMeeting(d.committee.name, ref?.span ?? zero),
        authority: d.authority,
        date: d.date,
        time: d.time,
        location: d.location,
        contact: d.contact,
      };
      docs.set(name, m);
    }
    return m;
  };
  const firstDoc = d.documents[0]?.name ?? `meeting-${d.id}`;
  const head = get(firstDoc);
  head.membership = d.membership.map((x) => ({ name: x.person.printed, role: x.role }));
  head.nextMeeting = d.nextMeeting;
  if (d.attendance) {
    const a = d.attendance;
    get(a.provenance.documentName).attendance = {
      chair: a.chair?.printed ?? null,
      present: a.present.map((p) => p.printed),
      apologies: a.apologies.map((p) => p.printed),
      inAttendance: a.inAttendance.map((p) => p.printed),
    };
  }
  for (const a of d.agenda)
    get(a.provenance.documentName).agenda.push({
      number: a.number,
      title: a.title,
      reportBy: a.reportBy,
      pages: a.pages,
      span: a.provenance.span,
    });
  for (const x of d.minutes) {
    const list = texts.get(x.provenance.documentName) ?? [];
    list.push(x.text ?? null);
    texts.set(x.provenance.documentName, list);
    get(x.provenance.documentName).minutes.push({
      number: x.number,
      agendaItem: x.agendaItem,
      title: x.title,
      declarations: x.declarations.map((k) => ({ member: k.person.printed, interest: k.interest, item: k.item })),
      resolutions: clausesFromRecords(x.resolutions),
      keyDecision: x.keyDecision,
      reasons: x.reasons,
      exemptParagraphs: x.exemptParagraphs,
      span: x.provenance.span,
    });
  }
  for (const r of d.reports)
    get(r.provenance.documentName).reports.push({
      agendaItem: r.agendaItem,
      title: r.title,
      author: r.author,
      recommendations: r.recommendations,
      officers: r.officers,
      appendices: r.appendices,
      backgroundPapers: r.backgroundPapers,
      span: r.provenance.span,
    });
  return [...docs.entries()].map(([docId, meeting]) => ({
    docId,
    meetingKey,
    meeting,
    minuteTexts: meeting.minutes.map((_, i) => texts.get(docId)?.[i] ?? null),
  }));
}

/** Every meeting in the store, through the Repository's public read methods. */
export async function loadFromRepository(repo: Repository): Promise<LinkInput> {
  const out: LinkInput = [];
  const limit = 100;
  for (let offset = 0; ; offset += limit) {
    const page = await repo.listMeetings({}, { limit, offset });
    for (const s of page.items) {
      const d = await repo.getMeeting(s.id);
      if (d) out.push(...entriesFromDetail(d));
    }
    if (!page.items.length || offset + limit >= page.total) break;
  }
  return out;
}
