/**
 * The read side of the Repository in SQL both engines run: meetings, committees, people,
 * decisions, documents and stats, each record with its provenance. Only the shown source of each
 * meeting section is read (`shadowed = 0`); exempt minutes come back as title and paragraphs only.
 */

import { doubtfulPair } from "../../link/identity/names";
import type { Contact, Span } from "../../model/parse-v1";
import type { DecisionFactsRecord, MeetingStatusRecord, PersonVote, VoteRecord } from "../../model/records";
import type {
  AgendaItemRecord,
  AliasRecord,
  AttendanceRecord,
  CommitteeDetail,
  CommitteeRef,
  CommitteeSummary,
  DecisionFilter,
  DecisionRecord,
  DeclarationRecord,
  DocumentRef,
  DoubtfulPair,
  ExemptPartRecord,
  MeetingDetail,
  MeetingFilter,
  MeetingSummary,
  MembershipRecord,
  MinuteRecord,
  Page,
  Paging,
  PeopleListFilter,
  PersonAttendance,
  PersonDetail,
  PersonRef,
  PersonSummary,
  Provenance,
  ReportRecord,
  ResolutionRecord,
  StoreStats,
} from "../repository";
import { placeholders, type SqlConn, type SqlValue } from "../sql";

type Row = Record<string, unknown>;
const num = (v: unknown): number => Number(v);
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const bool = (v: unknown): boolean | null => (v === null || v === undefined ? null : Number(v) !== 0);
const parseJson = <T>(v: unknown, fallback: T): T => (typeof v === "string" ? (JSON.parse(v) as T) : fallback);

export const spanOf = (r: Row): Span => ({
  startLine: num(r.span_start),
  endLine: num(r.span_end),
  page: r.page === null || r.page === undefined ? null : num(r.page),
});

export const DEFAULT_PAGING: Paging = { limit: 50, offset: 0 };

export function clampPaging(p: Paging | undefined, max = 500): Paging {
  const limit = Math.min(Math.max(1, Math.floor(Number(p?.limit ?? 50)) || 50), max);
  const offset = Math.max(0, Math.floor(Number(p?.offset ?? 0)) || 0);
  return { limit, offset };
}

/** Committee given as an id or a name (exact, case-insensitive; else containing): the matching ids. */
export async function committeeIds(conn: SqlConn, committee: number | string): Promise<number[]> {
  if (typeof committee === "number" || /^\d+$/.test(committee)) return [Number(committee)];
  const want = committee.trim().toLowerCase();
  const rows = await conn.all<{ id: number; name: string }>("SELECT id, name FROM committees ORDER BY id");
  const exact = rows.filter((r) => r.name.toLowerCase() === want);
  if (exact.length) return exact.map((r) => r.id);
  return rows.filter((r) => r.name.toLowerCase().includes(want)).map((r) => r.id);
}

/** SQL conditions for committee/date filters on a table alias; null when the committee matches nothing. */
export async function filterSql(
  conn: SqlConn,
  f: MeetingFilter,
  cols: { committee: string; date: string },
): Promise<{ where: string[]; params: SqlValue[] } | null> {
  const where: string[] = [];
  const params: SqlValue[] = [];
  if (f.committee !== undefined && f.committee !== "") {
    const ids = await committeeIds(conn, f.committee);
    if (!ids.length) return null;
    where.push(`${cols.committee} IN (${placeholders(ids.length)})`);
    params.push(...ids);
  }
  if (f.from) {
    where.push(`${cols.date} >= ?`);
    params.push(f.from);
  }
  if (f.to) {
    where.push(`${cols.date} <= ?`);
    params.push(f.to);
  }
  return { where, params };
}

/**
 * 1 when the store keeps document d's original file and it may be published: no exempt part (report,
 * appendix, section or minute) lies inside it. An original holding exempt pages is never served publicly.
 */
export const PUBLIC_ORIGINAL = `CASE WHEN EXISTS (SELECT 1 FROM document_files f WHERE f.sha256 = d.sha256)
  AND NOT EXISTS (SELECT 1 FROM exempt_parts x WHERE x.document_id = d.id)
  AND NOT EXISTS (SELECT 1 FROM minutes x WHERE x.document_id = d.id AND x.exempt = 1) THEN 1 ELSE 0 END`;

/** The address of a document's original at a page: PDFs open at the page (#page=N, as PDF viewers read it). */
export function originalHref(documentId: number, format: string, page: number | null): string {
  return `/documents/${documentId}/original${format === "pdf" && page !== null ? `#page=${page}` : ""}`;
}

const intOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const voteCounts = (r: Row) => ({
  for: intOrNull(r.for_count),
  against: intOrNull(r.against_count),
  abstain: intOrNull(r.abstain_count),
});

/**
 * SQL true for a meeting row `m` that only decision records speak of (an officer or executive
 * decision): listed as a decision, never among committee meetings. A meeting that papers of its own
 * also speak of (a Modern.Gov decision page of a committee meeting with its minutes) stays a meeting.
 */
export const DECISION_ONLY = `EXISTS (SELECT 1 FROM decision_records dr WHERE dr.meeting_id = m.id)
  AND NOT EXISTS (SELECT 1 FROM meeting_sources ds WHERE ds.meeting_id = m.id
    AND NOT EXISTS (SELECT 1 FROM decision_records dr2 WHERE dr2.meeting_id = ds.meeting_id AND dr2.document_id = ds.document_id))`;

const whereClause = (w: string[]): string => (w.length ? `WHERE ${w.join(" AND ")}` : "");

export class Reader {
  private docNames = new Map<number, { name: string; format: string; original: boolean }>();

  constructor(private conn: SqlConn) {}

  private async provenance(documentId: number, span: Span): Promise<Provenance> {
    let doc = this.docNames.get(documentId);
    if (doc === undefined) {
      const r = await this.conn.get<Row>(
        `SELECT d.name, d.format, ${PUBLIC_ORIGINAL} AS original FROM documents d WHERE d.id = ?`,
        [documentId],
      );
      doc = { name: r ? String(r.name) : "", format: r ? String(r.format) : "", original: num(r?.original ?? 0) === 1 };
      this.docNames.set(documentId, doc);
    }
    // A PDF kept in the store opens at the record's page.
    return doc.original && doc.format === "pdf"
      ? { documentId, documentName: doc.name, span, original: originalHref(documentId, doc.format, span.page) }
      : { documentId, documentName: doc.name, span };
  }

  private async summaries(rows: Row[]): Promise<MeetingSummary[]> {
    if (!rows.length) return [];
    const ids = rows.map((r) => num(r.id));
    const ph = placeholders(ids.length);
    const counts = new Map<number, { agendaItems: number; minutes: number; reports: number; documents: number }>();
    for (const id of ids) counts.set(id, { agendaItems: 0, minutes: 0, reports: 0, documents: 0 });
    for (const [table, key] of [
      ["agenda_items", "agendaItems"],
      ["minutes", "minutes"],
      ["reports", "reports"],
    ] as const) {
      const rs = await this.conn.all<{ meeting_id: number; n: number }>(
        `SELECT meeting_id, CAST(count(*) AS INTEGER) AS n FROM ${table} WHERE shadowed = 0 AND meeting_id IN (${ph}) GROUP BY meeting_id`,
        ids,
      );
      for (const r of rs) counts.get(num(r.meeting_id))![key] = num(r.n);
    }
    const docs = await this.conn.all<{ meeting_id: number; n: number }>(
      `SELECT meeting_id, CAST(count(DISTINCT document_id) AS INTEGER) AS n FROM meeting_sources WHERE meeting_id IN (${ph}) GROUP BY meeting_id`,
      ids,
    );
    for (const r of docs) counts.get(num(r.meeting_id))!.documents = num(r.n);
    const sources = await this.conn.all<Row>(
      `SELECT meeting_id, time, location FROM meeting_sources WHERE meeting_id IN (${ph}) ORDER BY document_id, ordinal`,
      ids,
    );
    const place = new Map<number, { time: string | null; location: string | null }>();
    for (const s of sources) {
      const p = place.get(num(s.meeting_id)) ?? { time: null, location: null };
      p.time ??= str(s.time);
      p.location ??= str(s.location);
      place.set(num(s.meeting_id), p);
    }
    const status = await this.statuses(ids);
    return rows.map((r) => ({
      id: num(r.id),
      committee: { id: num(r.committee_id), name: String(r.committee_name) },
      authority: str(r.authority_name) || null,
      date: str(r.date),
      time: place.get(num(r.id))?.time ?? null,
      location: place.get(num(r.id))?.location ?? null,
      counts: counts.get(num(r.id))!,
      status: status.get(num(r.id)) ?? null,
    }));
  }

  /**
   * Meetings that did not or will not take place as planned. The council's own calendar decides when
   * it keeps the meeting (a cancelled, postponed or moved meeting; held or scheduled means none). Else
   * the papers: the latest document printing a notice, unless minutes or attendance were recorded (a
   * meeting with minutes was held, whatever an earlier agenda said).
   */
  private async statuses(ids: number[]): Promise<Map<number, MeetingStatusRecord>> {
    const out = new Map<number, MeetingStatusRecord>();
    if (!ids.length) return out;
    const ph = placeholders(ids.length);
    const kept = new Set<number>();
    for (const r of await this.conn.all<Row>(
      `SELECT meeting_id, status, note FROM office_meetings WHERE meeting_id IN (${ph})`,
      ids,
    )) {
      kept.add(num(r.meeting_id));
      const state = String(r.status);
      if (state === "cancelled" || state === "postponed" || state === "moved")
        out.set(num(r.meeting_id), {
          state,
          note: str(r.note),
          rescheduledTo: null,
          from: "calendar",
          provenance: null,
        });
    }
    const printed = await this.conn.all<Row>(
      `SELECT s.meeting_id, s.document_id, s.status FROM meeting_sources s
       WHERE s.meeting_id IN (${ph}) AND s.status IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM minutes x WHERE x.meeting_id = s.meeting_id AND x.shadowed = 0)
         AND NOT EXISTS (SELECT 1 FROM attendance x WHERE x.meeting_id = s.meeting_id AND x.shadowed = 0)
       ORDER BY s.document_id DESC, s.ordinal`,
      ids,
    );
    for (const r of printed) {
      const id = num(r.meeting_id);
      if (kept.has(id) || out.has(id)) continue;
      const st = parseJson<{
        state: "cancelled" | "postponed";
        note: string | null;
        rescheduledTo: string | null;
        span: Span;
      } | null>(r.status, null);
      if (!st) continue;
      // A notice inside an exempt part of its document is never shown (nor is the state it gives).
      const withheld = await this.conn.get(
        `SELECT 1 AS x FROM exempt_parts WHERE document_id = ? AND span_start <= ? AND span_end >= ?
         UNION ALL SELECT 1 AS x FROM minutes WHERE document_id = ? AND exempt = 1 AND span_start <= ? AND span_end >= ?`,
        [
          num(r.document_id),
          st.span.endLine,
          st.span.startLine,
          num(r.document_id),
          st.span.endLine,
          st.span.startLine,
        ],
      );
      if (withheld) continue;
      out.set(id, {
        state: st.state,
        note: st.note,
        rescheduledTo: st.rescheduledTo,
        from: "papers",
        provenance: await this.provenance(num(r.document_id), st.span),
      });
    }
    return out;
  }

  private static MEETING_SELECT =
    `SELECT m.id, m.date, m.committee_id, c.name AS committee_name, a.name AS authority_name
    FROM meetings m JOIN committees c ON c.id = m.committee_id JOIN authorities a ON a.id = c.authority_id`;
  private static MEETING_ORDER = "ORDER BY (m.date IS NULL), m.date DESC, m.id DESC";

  async listMeetings(filter: MeetingFilter, paging: Paging): Promise<Page<MeetingSummary>> {
    const p = clampPaging(paging);
    const f = await filterSql(this.conn, filter, { committee: "m.committee_id", date: "m.date" });
    if (!f) return { items: [], total: 0, ...p };
    const w = whereClause([...f.where, `NOT (${DECISION_ONLY})`]);
    const total = await this.conn.get<{ n: number }>(
      `SELECT CAST(count(*) AS INTEGER) AS n FROM meetings m ${w}`,
      f.params,
    );
    const rows = await this.conn.all<Row>(`${Reader.MEETING_SELECT} ${w} ${Reader.MEETING_ORDER} LIMIT ? OFFSET ?`, [
      ...f.params,
      p.limit,
      p.offset,
    ]);
    return { items: await this.summaries(rows), total: num(total?.n ?? 0), ...p };
  }

  private async personRef(r: Row): Promise<PersonRef> {
    return { id: num(r.person_id), name: String(r.display_name), printed: String(r.printed) };
  }

  async getMeeting(id: number): Promise<MeetingDetail | null> {
    const row = await this.conn.get<Row>(`${Reader.MEETING_SELECT} WHERE m.id = ?`, [id]);
    if (!row) return null;
    const [summary] = await this.summaries([row]);
    const sources = await this.conn.all<Row>(
      `SELECT s.*, d.name, d.origin, d.format, d.sha256, ${PUBLIC_ORIGINAL} AS original FROM meeting_sources s JOIN documents d ON d.id = s.document_id
       WHERE s.meeting_id = ? ORDER BY s.document_id, s.ordinal`,
      [id],
    );
    let contact: Contact | null = null;
    let nextMeeting: string | null = null;
    for (const s of sources) {
      contact ??= parseJson<Contact | null>(s.contact, null);
      nextMeeting ??= str(s.next_meeting);
    }
    const documents: DocumentRef[] = sources.map((s) => ({
      id: num(s.document_id),
      name: String(s.name),
      origin: str(s.origin) ?? String(s.name),
      original: num(s.original) === 1,
      format: String(s.format),
      sha256: String(s.sha256),
      span: spanOf(s),
    }));

    const people = `JOIN people p ON p.id = x.person_id JOIN person_aliases al ON al.id = x.alias_id`;
    const membership: MembershipRecord[] = [];
    for (const r of await this.conn.all<Row>(
      `SELECT x.person_id, x.role, p.display_name, al.printed FROM membership x ${people} WHERE x.meeting_id = ? AND x.shadowed = 0 ORDER BY x.ordinal`,
      [id],
    ))
      membership.push({ person: await this.personRef(r), role: str(r.role) });

    const agenda: AgendaItemRecord[] = [];
    for (const r of await this.conn.all<Row>(
      "SELECT * FROM agenda_items WHERE meeting_id = ? AND shadowed = 0 ORDER BY document_id, ordinal",
      [id],
    ))
      agenda.push({
        id: num(r.id),
        number: String(r.number),
        title: String(r.title),
        reportBy: str(r.report_by),
        pages: r.page_start === null ? null : { start: num(r.page_start), end: num(r.page_end) },
        procedural: Boolean(num(r.procedural)),
        exempt: Boolean(num(r.exempt)),
        exemptParagraphs: parseJson(r.exempt_paragraphs, []),
        provenance: await this.provenance(num(r.document_id), spanOf(r)),
      });

    let attendance: AttendanceRecord | null = null;
    const att = await this.conn.all<Row>(
      `SELECT x.*, p.display_name, al.printed FROM attendance x ${people} WHERE x.meeting_id = ? AND x.shadowed = 0 ORDER BY x.ordinal`,
      [id],
    );
    if (att.length) {
      attendance = {
        chair: null,
        present: [],
        apologies: [],
        inAttendance: [],
        provenance: await this.provenance(num(att[0].document_id), spanOf(att[0])),
      };
      for (const r of att) {
        const ref = await this.personRef(r);
        if (num(r.is_chair)) attendance.chair = ref;
        if (r.status === "present") attendance.present.push(ref);
        else if (r.status === "apologies") attendance.apologies.push(ref);
        else attendance.inAttendance.push(ref);
      }
    }

    const minuteRows = await this.conn.all<Row>(
      "SELECT * FROM minutes WHERE meeting_id = ? AND shadowed = 0 ORDER BY document_id, ordinal",
      [id],
    );
    const minutes = await this.minuteRecords(minuteRows);
    await this.addVotes(minutes);
    // The discussion text kept for search is the text the linkers read (empty for an exempt minute).
    const texts = new Map<string, string>();
    for (const p of await this.conn.all<Row>(
      "SELECT type, document_id, span_start, span_end, body FROM paragraphs WHERE meeting_id = ? AND type IN ('minute', 'report') AND shadowed = 0",
      [id],
    ))
      texts.set(`${p.type}|${num(p.document_id)}|${num(p.span_start)}|${num(p.span_end)}`, String(p.body));
    for (const x of minutes) {
      const t = texts.get(
        `minute|${x.provenance.documentId}|${x.provenance.span.startLine}|${x.provenance.span.endLine}`,
      );
      if (t && !x.exempt) x.text = t;
    }

    const reports: ReportRecord[] = [];
    for (const r of await this.conn.all<Row>(
      "SELECT * FROM reports WHERE meeting_id = ? AND shadowed = 0 ORDER BY document_id, ordinal",
      [id],
    )) {
      // An exempt report comes back as its title and paragraphs only, whatever the row holds.
      const exempt = Boolean(num(r.exempt));
      reports.push({
        id: num(r.id),
        agendaItem: str(r.agenda_item),
        title: String(r.title),
        author: exempt ? null : str(r.author),
        recommendations: exempt ? [] : parseJson(r.recommendations, []),
        officers: exempt ? [] : parseJson(r.officers, []),
        appendices: exempt ? [] : parseJson(r.appendices, []),
        backgroundPapers: exempt ? [] : parseJson(r.background_papers, []),
        exempt,
        exemptParagraphs: parseJson(r.exempt_paragraphs, []),
        provenance: await this.provenance(num(r.document_id), spanOf(r)),
      });
      // The report's text as imported (its lines after the title), never for an exempt report.
      const x = reports[reports.length - 1];
      const t = texts.get(
        `report|${x.provenance.documentId}|${x.provenance.span.startLine}|${x.provenance.span.endLine}`,
      );
      if (t && !exempt) x.text = t;
    }

    const facts = await this.decisionFacts([id]);
    const kind = (await this.decisionOnly([id])).has(id) ? "decision" : "meeting";
    return {
      ...summary,
      kind,
      decision: facts.get(id) ?? null,
      contact,
      nextMeeting,
      membership,
      agenda,
      attendance,
      minutes,
      reports,
      documents,
    };
  }

  /** The facts of the latest decision record speaking of each meeting. */
  async decisionFacts(meetingIds: number[]): Promise<Map<number, DecisionFactsRecord>> {
    const out = new Map<number, DecisionFactsRecord>();
    if (!meetingIds.length) return out;
    const rows = await this.conn.all<Row>(
      `SELECT * FROM decision_records WHERE meeting_id IN (${placeholders(meetingIds.length)}) ORDER BY document_id DESC, id DESC`,
      meetingIds,
    );
    for (const r of rows) {
      const id = num(r.meeting_id);
      if (out.has(id)) continue;
      out.set(id, {
        maker: str(r.maker),
        status: str(r.status),
        callIn: bool(r.call_in),
        callInDeadline: str(r.call_in_deadline),
        publicationDate: str(r.publication_date),
        effectiveDate: str(r.effective_date),
        decidedAt: r.decided_at_body ? { committee: String(r.decided_at_body), date: str(r.decided_at_date) } : null,
        provenance: await this.provenance(num(r.document_id), spanOf(r)),
      });
    }
    return out;
  }

  /** Meetings every document of which is a decision record: decisions, not committee meetings. */
  async decisionOnly(meetingIds: number[]): Promise<Set<number>> {
    if (!meetingIds.length) return new Set();
    const rows = await this.conn.all<Row>(
      `SELECT m.id FROM meetings m WHERE m.id IN (${placeholders(meetingIds.length)}) AND ${DECISION_ONLY}`,
      meetingIds,
    );
    return new Set(rows.map((r) => num(r.id)));
  }

  private async resolutionsOf(minuteIds: number[]): Promise<Map<number, ResolutionRecord[]>> {
    const out = new Map<number, ResolutionRecord[]>();
    if (!minuteIds.length) return out;
    const rows = await this.conn.all<Row>(
      `SELECT * FROM resolutions WHERE minute_id IN (${placeholders(minuteIds.length)}) ORDER BY minute_id, ordinal`,
      minuteIds,
    );
    for (const r of rows) {
      const list = out.get(num(r.minute_id)) ?? [];
      list.push({
        id: num(r.id),
        label: str(r.label),
        path: String(r.path),
        depth: num(r.depth),
        text: String(r.text),
      });
      out.set(num(r.minute_id), list);
    }
    return out;
  }

  /** The recorded votes of these minutes, with the people named on each side (none on an exempt minute). */
  private async addVotes(minutes: MinuteRecord[]): Promise<void> {
    const open = minutes.filter((x) => !x.exempt && !x.exemptParagraphs.length);
    if (!open.length) return;
    const byId = new Map(open.map((x) => [x.id, x]));
    const ids = [...byId.keys()];
    const rows = await this.conn.all<Row>(
      `SELECT * FROM votes WHERE minute_id IN (${placeholders(ids.length)}) ORDER BY minute_id, ordinal`,
      ids,
    );
    if (!rows.length) return;
    const voteIds = rows.map((r) => num(r.id));
    const casts = await this.conn.all<Row>(
      `SELECT vc.vote_id, vc.side, vc.person_id, p.display_name, al.printed FROM vote_casts vc
       JOIN people p ON p.id = vc.person_id JOIN person_aliases al ON al.id = vc.alias_id
       WHERE vc.vote_id IN (${placeholders(voteIds.length)}) ORDER BY vc.id`,
      voteIds,
    );
    for (const r of rows) {
      const v: VoteRecord = {
        id: num(r.id),
        motion: str(r.motion),
        result: str(r.result) as VoteRecord["result"],
        counts: voteCounts(r),
        for: [],
        against: [],
        abstain: [],
        provenance: await this.provenance(num(r.document_id), spanOf(r)),
      };
      for (const c of casts.filter((x) => num(x.vote_id) === v.id))
        v[String(c.side) as "for" | "against" | "abstain"].push(await this.personRef(c));
      const x = byId.get(num(r.minute_id))!;
      x.votes = [...(x.votes ?? []), v];
    }
  }

  private async minuteRecords(rows: Row[]): Promise<MinuteRecord[]> {
    const ids = rows.map((r) => num(r.id));
    const resolutions = await this.resolutionsOf(ids);
    const declarations = new Map<number, DeclarationRecord[]>();
    if (ids.length) {
      const ds = await this.conn.all<Row>(
        `SELECT x.*, p.display_name, al.printed FROM declarations x JOIN people p ON p.id = x.person_id
         JOIN person_aliases al ON al.id = x.alias_id WHERE x.minute_id IN (${placeholders(ids.length)}) ORDER BY x.minute_id, x.ordinal`,
        ids,
      );
      for (const d of ds) {
        const list = declarations.get(num(d.minute_id)) ?? [];
        list.push({
          id: num(d.id),
          person: await this.personRef(d),
          interest: str(d.interest),
          item: str(d.item),
          provenance: await this.provenance(num(d.document_id), spanOf(d)),
        });
        declarations.set(num(d.minute_id), list);
      }
    }
    const out: MinuteRecord[] = [];
    for (const r of rows) {
      const exemptParagraphs = parseJson<number[]>(r.exempt_paragraphs, []);
      const exempt = exemptParagraphs.length > 0 || Boolean(num(r.exempt));
      out.push({
        id: num(r.id),
        number: str(r.number),
        agendaItem: str(r.agenda_item),
        title: String(r.title),
        procedural: Boolean(num(r.procedural)),
        keyDecision: bool(r.key_decision),
        exemptParagraphs,
        exempt,
        resolutions: exempt ? [] : (resolutions.get(num(r.id)) ?? []),
        reasons: exempt ? [] : parseJson(r.reasons, []),
        declarations: exempt ? [] : (declarations.get(num(r.id)) ?? []),
        provenance: await this.provenance(num(r.document_id), spanOf(r)),
      });
    }
    return out;
  }

  async listCommittees(): Promise<CommitteeSummary[]> {
    const rows = await this.conn.all<Row>(
      `SELECT c.id, c.name, a.name AS authority_name, CAST(count(m.id) AS INTEGER) AS n, min(m.date) AS first_date, max(m.date) AS last_date,
         (SELECT CAST(count(*) AS INTEGER) FROM meetings m WHERE m.committee_id = c.id AND ${DECISION_ONLY}) AS decisions
       FROM committees c JOIN authorities a ON a.id = c.authority_id LEFT JOIN meetings m ON m.committee_id = c.id AND NOT (${DECISION_ONLY})
       GROUP BY c.id, c.name, a.name ORDER BY c.name, c.id`,
    );
    // A decision maker known only from decision records (an officer) is not a committee.
    return rows
      .filter((r) => num(r.n) > 0 || num(r.decisions) === 0)
      .map((r) => ({
        id: num(r.id),
        name: String(r.name),
        authority: str(r.authority_name) || null,
        meetings: num(r.n),
        firstMeeting: str(r.first_date),
        lastMeeting: str(r.last_date),
      }));
  }

  async getCommittee(id: number): Promise<CommitteeDetail | null> {
    const summary = (await this.listCommittees()).find((c) => c.id === id);
    if (!summary) return null;
    const latest = await this.conn.get<Row>(
      `SELECT m.id, m.date FROM meetings m WHERE m.committee_id = ? AND EXISTS (SELECT 1 FROM membership x WHERE x.meeting_id = m.id AND x.shadowed = 0)
       ${Reader.MEETING_ORDER} LIMIT 1`,
      [id],
    );
    const membership: MembershipRecord[] = [];
    if (latest)
      for (const r of await this.conn.all<Row>(
        `SELECT x.person_id, x.role, p.display_name, al.printed FROM membership x JOIN people p ON p.id = x.person_id
         JOIN person_aliases al ON al.id = x.alias_id WHERE x.meeting_id = ? AND x.shadowed = 0 ORDER BY x.ordinal`,
        [num(latest.id)],
      ))
        membership.push({ person: await this.personRef(r), role: str(r.role) });
    const rows = await this.conn.all<Row>(
      `${Reader.MEETING_SELECT} WHERE m.committee_id = ? AND NOT (${DECISION_ONLY}) ${Reader.MEETING_ORDER}`,
      [id],
    );
    const meetings = await this.summaries(rows);
    const byYear = new Map<string | null, MeetingSummary[]>();
    for (const m of meetings) {
      const y = m.date ? m.date.slice(0, 4) : null;
      byYear.set(y, [...(byYear.get(y) ?? []), m]);
    }
    return {
      ...summary,
      membership,
      membershipAsOf: latest ? str(latest.date) : null,
      meetingsByYear: [...byYear].map(([year, ms]) => ({ year, meetings: ms })),
    };
  }

  /**
   * Councillor, attendee or named, from what the records say of the person `p`: a member at a meeting
   * (membership, present, apologies, a declaration, a recorded vote), only ever "in attendance" (officers
   * and others, such as a police officer), or neither.
   */
  static readonly PERSON_KIND = `CASE WHEN EXISTS (SELECT 1 FROM membership WHERE person_id = p.id AND shadowed = 0)
      OR EXISTS (SELECT 1 FROM attendance WHERE person_id = p.id AND status IN ('present', 'apologies') AND shadowed = 0)
      OR EXISTS (SELECT 1 FROM declarations WHERE person_id = p.id)
      OR EXISTS (SELECT 1 FROM vote_casts WHERE person_id = p.id) THEN 'councillor'
    WHEN EXISTS (SELECT 1 FROM attendance WHERE person_id = p.id AND shadowed = 0) THEN 'attendee'
    ELSE 'named' END`;

  async listPeople(paging?: Paging, filter: PeopleListFilter = {}): Promise<Page<PersonSummary>> {
    const p = clampPaging(paging, 5000);
    const where: string[] = [];
    const params: SqlValue[] = [];
    if (filter.q?.trim()) {
      // Any printed form of the name, case-insensitively (LIKE's wildcards in the words are taken literally).
      const like = `%${filter.q
        .trim()
        .toLowerCase()
        .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(
        `(lower(p.display_name) LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM person_aliases a WHERE a.person_id = p.id AND lower(a.printed) LIKE ? ESCAPE '\\'))`,
      );
      params.push(like, like);
    }
    if (filter.council) {
      where.push("x.name = ?");
      params.push(filter.council);
    }
    const w = where.length ? `WHERE ${where.join(" AND ")}` : "";
    const total = await this.conn.get<{ n: number }>(
      `SELECT CAST(count(*) AS INTEGER) AS n FROM people p JOIN authorities x ON x.id = p.authority_id ${w}`,
      params,
    );
    const rows = await this.conn.all<Row>(
      `SELECT p.id, p.display_name, x.name AS council,
        (SELECT CAST(count(DISTINCT m.committee_id) AS INTEGER) FROM meetings m WHERE m.id IN (
           SELECT meeting_id FROM membership WHERE person_id = p.id AND shadowed = 0
           UNION SELECT meeting_id FROM attendance WHERE person_id = p.id AND shadowed = 0)) AS committees,
        (SELECT CAST(count(DISTINCT meeting_id) AS INTEGER) FROM attendance WHERE person_id = p.id AND status = 'present' AND shadowed = 0) AS attended,
        ${Reader.PERSON_KIND} AS kind
       FROM people p JOIN authorities x ON x.id = p.authority_id ${w}
       ORDER BY p.surname_key, p.display_name, p.id LIMIT ? OFFSET ?`,
      [...params, p.limit, p.offset],
    );
    return {
      items: rows.map((r) => ({
        id: num(r.id),
        name: String(r.display_name),
        council: str(r.council) || null,
        kind: String(r.kind) as PersonSummary["kind"],
        committees: num(r.committees),
        meetingsAttended: num(r.attended),
      })),
      total: num(total?.n ?? 0),
      ...p,
    };
  }

  async getPerson(id: number): Promise<PersonDetail | null> {
    const person = await this.conn.get<Row>("SELECT * FROM people WHERE id = ?", [id]);
    if (!person) return null;
    const aliases: AliasRecord[] = (
      await this.conn.all<Row>(
        "SELECT a.*, d.name FROM person_aliases a JOIN documents d ON d.id = a.document_id WHERE a.person_id = ? ORDER BY a.id",
        [id],
      )
    ).map((r) => ({
      id: num(r.id),
      printed: String(r.printed),
      rule: String(r.rule),
      documentId: num(r.document_id),
      documentName: String(r.name),
      line: r.line === null ? null : num(r.line),
    }));
    const committeeOf = async (committeeId: number): Promise<CommitteeRef> => {
      const c = await this.conn.get<Row>("SELECT id, name FROM committees WHERE id = ?", [committeeId]);
      return { id: committeeId, name: String(c?.name ?? "") };
    };
    const roleRows = await this.conn.all<Row>(
      `SELECT m.committee_id, x.role, min(m.date) AS first_date, max(m.date) AS last_date FROM membership x JOIN meetings m ON m.id = x.meeting_id
       WHERE x.person_id = ? AND x.shadowed = 0 GROUP BY m.committee_id, x.role ORDER BY min(m.date)`,
      [id],
    );
    const roles = [];
    for (const r of roleRows)
      roles.push({
        committee: await committeeOf(num(r.committee_id)),
        role: str(r.role),
        from: str(r.first_date),
        to: str(r.last_date),
      });

    // What the person is recorded as at each meeting.
    const status = new Map<number, PersonAttendance["status"]>();
    for (const r of await this.conn.all<Row>(
      "SELECT meeting_id, status FROM attendance WHERE person_id = ? AND shadowed = 0 ORDER BY ordinal",
      [id],
    ))
      if (!status.has(num(r.meeting_id))) status.set(num(r.meeting_id), r.status as PersonAttendance["status"]);
    // Expected: meetings with recorded attendance of committees they sat on (membership, present or
    // apologies), between the first and last time they appear for that committee.
    const spans = await this.conn.all<Row>(
      `SELECT m.committee_id, min(m.date) AS first_date, max(m.date) AS last_date FROM meetings m WHERE m.id IN (
         SELECT meeting_id FROM membership WHERE person_id = ? AND shadowed = 0
         UNION SELECT meeting_id FROM attendance WHERE person_id = ? AND status IN ('present', 'apologies') AND shadowed = 0)
       GROUP BY m.committee_id`,
      [id, id],
    );
    const expectedIds = new Set<number>([...status].filter(([, s]) => s !== "in-attendance").map(([m]) => m));
    for (const s of spans) {
      if (!s.first_date) continue;
      const rows = await this.conn.all<Row>(
        `SELECT m.id FROM meetings m WHERE m.committee_id = ? AND m.date >= ? AND m.date <= ?
         AND EXISTS (SELECT 1 FROM attendance x WHERE x.meeting_id = m.id AND x.shadowed = 0)`,
        [num(s.committee_id), String(s.first_date), String(s.last_date)],
      );
      // A meeting where they are recorded only as "in attendance" (not as a member) is not one they were expected at.
      for (const r of rows) if (status.get(num(r.id)) !== "in-attendance") expectedIds.add(num(r.id));
    }
    const allIds = [...new Set([...expectedIds, ...status.keys()])];
    const meetings: PersonAttendance[] = [];
    if (allIds.length) {
      const rows = await this.conn.all<Row>(
        `${Reader.MEETING_SELECT} WHERE m.id IN (${placeholders(allIds.length)}) ${Reader.MEETING_ORDER}`,
        allIds,
      );
      for (const r of rows)
        meetings.push({
          meetingId: num(r.id),
          committee: { id: num(r.committee_id), name: String(r.committee_name) },
          date: str(r.date),
          status: status.get(num(r.id)) ?? "absent",
        });
    }
    const attended = meetings.filter((m) => m.status === "present").length;
    const apologies = meetings.filter((m) => m.status === "apologies").length;

    const declarations: PersonDetail["declarations"] = [];
    for (const r of await this.conn.all<Row>(
      `SELECT x.*, mi.title AS minute_title, mi.exempt_paragraphs, m.date, m.committee_id, c.name AS committee_name
       FROM declarations x JOIN minutes mi ON mi.id = x.minute_id JOIN meetings m ON m.id = x.meeting_id
       JOIN committees c ON c.id = m.committee_id WHERE x.person_id = ? AND mi.shadowed = 0 ORDER BY m.date, x.id`,
      [id],
    ))
      declarations.push({
        meetingId: num(r.meeting_id),
        committee: { id: num(r.committee_id), name: String(r.committee_name) },
        date: str(r.date),
        minuteTitle: str(r.minute_title),
        interest: str(r.interest),
        item: str(r.item),
        provenance: await this.provenance(num(r.document_id), spanOf(r)),
      });

    // Recorded votes naming the person, on minutes that are shown (never an exempt one).
    const votes: PersonVote[] = [];
    for (const r of await this.conn.all<Row>(
      `SELECT v.*, vc.side, mi.number AS minute_number, mi.title AS minute_title, m.date, m.committee_id, c.name AS committee_name
       FROM vote_casts vc JOIN votes v ON v.id = vc.vote_id JOIN minutes mi ON mi.id = v.minute_id
       JOIN meetings m ON m.id = v.meeting_id JOIN committees c ON c.id = m.committee_id
       WHERE vc.person_id = ? AND mi.shadowed = 0 AND mi.exempt = 0 ORDER BY m.date, v.id`,
      [id],
    ))
      votes.push({
        voteId: num(r.id),
        side: String(r.side) as PersonVote["side"],
        meetingId: num(r.meeting_id),
        committee: { id: num(r.committee_id), name: String(r.committee_name) },
        date: str(r.date),
        minuteId: num(r.minute_id),
        minuteNumber: str(r.minute_number),
        minuteTitle: String(r.minute_title),
        motion: str(r.motion),
        result: str(r.result) as PersonVote["result"],
        counts: voteCounts(r),
        provenance: await this.provenance(num(r.document_id), spanOf(r)),
      });

    const committees = new Set(meetings.filter((m) => m.status !== "absent").map((m) => m.committee.id));
    for (const r of roles) committees.add(r.committee.id);
    const council = await this.conn.get<Row>("SELECT name FROM authorities WHERE id = ?", [num(person.authority_id)]);
    const kind = await this.conn.get<Row>(`SELECT ${Reader.PERSON_KIND} AS kind FROM people p WHERE p.id = ?`, [id]);
    return {
      id,
      name: String(person.display_name),
      council: str(council?.name) || null,
      kind: String(kind?.kind ?? "named") as PersonSummary["kind"],
      committees: committees.size,
      meetingsAttended: attended,
      aliases,
      roles,
      attendance: { attended, apologies, expected: expectedIds.size, meetings },
      declarations,
      votes,
    };
  }

  async listDecisions(filter: DecisionFilter, paging?: Paging): Promise<Page<DecisionRecord>> {
    const p = clampPaging(paging);
    const f = await filterSql(this.conn, filter, { committee: "m.committee_id", date: "m.date" });
    if (!f) return { items: [], total: 0, ...p };
    const where = [
      "mi.shadowed = 0",
      "mi.exempt_paragraphs = '[]'",
      "mi.exempt = 0",
      "(EXISTS (SELECT 1 FROM resolutions r WHERE r.minute_id = mi.id) OR mi.key_decision = 1)",
      ...f.where,
    ];
    if (filter.keyOnly) where.push("mi.key_decision = 1");
    const from = `FROM minutes mi JOIN meetings m ON m.id = mi.meeting_id JOIN committees c ON c.id = m.committee_id ${whereClause(where)}`;
    const total = await this.conn.get<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n ${from}`, f.params);
    const rows = await this.conn.all<Row>(
      `SELECT mi.*, m.date, m.committee_id, c.name AS committee_name ${from}
       ORDER BY (m.date IS NULL), m.date DESC, m.id DESC, mi.ordinal LIMIT ? OFFSET ?`,
      [...f.params, p.limit, p.offset],
    );
    const res = await this.resolutionsOf(rows.map((r) => num(r.id)));
    const meetingIds = [...new Set(rows.map((r) => num(r.meeting_id)))];
    const only = await this.decisionOnly(meetingIds);
    const facts = await this.decisionFacts([...only]);
    const items: DecisionRecord[] = [];
    for (const r of rows)
      items.push({
        minuteId: num(r.id),
        meetingId: num(r.meeting_id),
        committee: { id: num(r.committee_id), name: String(r.committee_name) },
        date: str(r.date),
        number: str(r.number),
        title: String(r.title),
        keyDecision: bool(r.key_decision),
        resolutions: res.get(num(r.id)) ?? [],
        reasons: parseJson(r.reasons, []),
        provenance: await this.provenance(num(r.document_id), spanOf(r)),
        record: facts.get(num(r.meeting_id)) ?? null,
      });
    return { items, total: num(total?.n ?? 0), ...p };
  }

  async listDocuments(paging?: Paging): Promise<Page<DocumentRef>> {
    const p = clampPaging(paging, 5000);
    const total = await this.conn.get<{ n: number }>("SELECT CAST(count(*) AS INTEGER) AS n FROM documents");
    const rows = await this.conn.all<Row>(
      `SELECT d.id, d.name, d.origin, d.format, d.sha256, ${PUBLIC_ORIGINAL} AS original FROM documents d ORDER BY d.id LIMIT ? OFFSET ?`,
      [p.limit, p.offset],
    );
    return {
      items: rows.map((r) => ({
        id: num(r.id),
        name: String(r.name),
        origin: str(r.origin) ?? String(r.name),
        original: num(r.original) === 1,
        format: String(r.format),
        sha256: String(r.sha256),
        span: null,
      })),
      total: num(total?.n ?? 0),
      ...p,
    };
  }

  async listExemptParts(documentId?: number): Promise<ExemptPartRecord[]> {
    const rows = await this.conn.all<Row>(
      `SELECT x.*, d.name AS document_name FROM exempt_parts x JOIN documents d ON d.id = x.document_id
       ${documentId === undefined ? "" : "WHERE x.document_id = ?"} ORDER BY x.document_id, x.span_start, x.id`,
      documentId === undefined ? [] : [documentId],
    );
    return rows.map((r) => ({
      id: num(r.id),
      meetingId: num(r.meeting_id),
      kind: String(r.kind) as ExemptPartRecord["kind"],
      agendaItem: str(r.agenda_item),
      title: String(r.title),
      paragraphs: parseJson(r.paragraphs, []),
      provenance: { documentId: num(r.document_id), documentName: String(r.document_name), span: spanOf(r) },
    }));
  }

  /**
   * Pairs of one council's people that may be one person (link/identity/names.ts doubtfulPair): the
   * same surname, or surnames one letter apart, with what makes them doubtful. At most `limit` pairs.
   */
  async doubtfulPeople(limit = 500): Promise<DoubtfulPair[]> {
    const rows = await this.conn.all<Row>(
      `SELECT p.id, p.authority_id, a.name AS authority, p.display_name, p.title, p.given, p.surname_key
       FROM people p JOIN authorities a ON a.id = p.authority_id ORDER BY p.authority_id, p.surname_key, p.id`,
    );
    const byCouncil = new Map<number, Row[]>();
    for (const r of rows) {
      const list = byCouncil.get(num(r.authority_id)) ?? [];
      list.push(r);
      byCouncil.set(num(r.authority_id), list);
    }
    const person = (r: Row) => ({
      title: str(r.title),
      given: String(r.given ?? "")
        .split(" ")
        .filter(Boolean),
      surnameKey: String(r.surname_key),
    });
    const out: DoubtfulPair[] = [];
    for (const list of byCouncil.values())
      for (let i = 0; i < list.length && out.length < limit; i++)
        for (let j = i + 1; j < list.length && out.length < limit; j++) {
          const a = list[i];
          const b = list[j];
          const ka = String(a.surname_key);
          const kb = String(b.surname_key);
          // Surnames sorted: past a length gap of two, no later one is one letter off.
          if (ka !== kb && (ka.length < 5 || Math.abs(ka.length - kb.length) > 1)) continue;
          const why = doubtfulPair(person(a), person(b));
          if (why)
            out.push({
              council: String(a.authority),
              a: { id: num(a.id), name: String(a.display_name) },
              b: { id: num(b.id), name: String(b.display_name) },
              why,
            });
        }
    return out;
  }

  async stats(engine: StoreStats["engine"], schemaVersion: number): Promise<StoreStats> {
    const count = async (sql: string): Promise<number> =>
      num((await this.conn.get<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${sql}`))?.n ?? 0);
    const range = await this.conn.get<Row>("SELECT min(date) AS first_date, max(date) AS last_date FROM meetings");
    return {
      engine,
      schemaVersion,
      documents: await count("documents"),
      authorities: await count("authorities WHERE name <> ''"),
      committees: await count("committees"),
      meetings: await count("meetings"),
      agendaItems: await count("agenda_items WHERE shadowed = 0"),
      minutes: await count("minutes WHERE shadowed = 0"),
      resolutions: await count("resolutions r JOIN minutes mi ON mi.id = r.minute_id WHERE mi.shadowed = 0"),
      reports: await count("reports WHERE shadowed = 0"),
      people: await count("people"),
      aliases: await count("person_aliases"),
      paragraphs: await count("paragraphs WHERE shadowed = 0"),
      firstMeeting: str(range?.first_date),
      lastMeeting: str(range?.last_date),
      changes: num((await this.conn.get<{ n: number }>("SELECT n FROM store_changes WHERE id = 1"))?.n ?? 0),
    };
  }
}
