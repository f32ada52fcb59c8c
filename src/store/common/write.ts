/**
 * Storing one parsed document, inside the caller's transaction, in SQL both engines run:
 * documents keyed by content hash (same bytes: nothing changes; same path, new bytes: the old
 * document's records are replaced), meetings merged on committee + date, people resolved across
 * printed forms with the evidence kept, and one searchable paragraph per agenda item, minute,
 * resolution and report.
 *
 * On PostgreSQL every statement is a network round trip, so one document costs few of them: what
 * it may meet (its stored namesake, authorities, committees, meetings, people) is read up front in
 * one query, rows go in multi-row INSERTs, and meetings other documents also give have their shown
 * sources chosen from one count query before the rows are inserted (each row goes in shown or
 * shadowed; older rows are updated only where the choice changes them). About 17 statements store a
 * demo agenda pack, where one per row and a re-choice per shared meeting took about 40.
 */
import { createHash } from "node:crypto";
import { dirname } from "node:path";
import {
  agendaParagraph,
  cleanText,
  committeeKey,
  EXEMPT_RULES_VERSION,
  flattenClauses,
  hasWarnings,
  isExempt,
  isExemptReport,
  isProcedural,
  minuteParagraphs,
  type ParagraphRow,
  redactMinute,
  redactReport,
  redactResult,
  reportParagraph,
} from "../../import/records";
import {
  bodyIsCouncil,
  councilKey,
  councilOfBodyPlace,
  councilOfDomain,
  govDomains,
  only,
  specificName,
} from "../../link/identity/councils";
import { displayName, parseName, resolvePerson } from "../../link/identity/names";
import type { Meeting, ParseResult, Span, Vote } from "../../model/parse-v1";
import { partsOf, publicLines } from "../../parse/exempt/index";
import { type ImportOutcome, type ImportSource, StoreError } from "../repository";
import { placeholders, type SqlConn, type SqlValue } from "../sql";
import { insertRows } from "./batch";

const b = (v: boolean | null): number | null => (v === null ? null : v ? 1 : 0);
const json = (v: unknown): string => JSON.stringify(v);

/** Sections of a meeting that one document gives; when two documents give one, the fuller is shown. */
type SectionTable = "agenda_items" | "minutes" | "reports" | "attendance" | "membership";
const SECTIONS: { table: SectionTable; paragraphTypes: ParagraphRow["type"][] }[] = [
  { table: "agenda_items", paragraphTypes: ["agenda"] },
  { table: "minutes", paragraphTypes: ["minute", "resolution"] },
  { table: "reports", paragraphTypes: ["report"] },
  { table: "attendance", paragraphTypes: [] },
  { table: "membership", paragraphTypes: [] },
];
/** The section a paragraph of each type belongs to. */
const SECTION_OF_TYPE = new Map(SECTIONS.flatMap((s) => s.paragraphTypes.map((t) => [t, s.table] as const)));

export async function importDocument(tx: SqlConn, result: ParseResult, source: ImportSource): Promise<ImportOutcome> {
  const warnings = hasWarnings(result);
  const sha256 = result.source.sha256;
  // Search and the linkers read the lines of public parts only: exempt parts' lines are blanked here.
  const w = new DocumentWriter(tx, result, publicLines(result, source.lines ?? null));
  // The same query that reads the document's context answers "already stored?" and "what did this path hold?".
  const known = await w.readContext({ sha256, path: source.path });
  const same = known.find((d) => d.sha256 === sha256);
  if (same && same.rules >= EXEMPT_RULES_VERSION) return touchStored(tx, same, known, source);
  let status: ImportOutcome["status"] = "new";
  // Stored under older exempt rules: replaced by this reading, whatever its path.
  if (source.path || same) {
    const old = known.filter((d) => (source.path && d.path === source.path) || d === same);
    for (const o of old) await deleteDocument(tx, o.id);
    if (old.length) {
      status = "replaced";
      // Removing the old document may have removed meetings, committees and people read before.
      await w.readContext(null);
    }
  }
  // An agenda pack's minutes meeting may not repeat the authority its front sheet names; a document that
  // prints none takes the council given for it (--council, a folder's minutebook.json) or, failing that,
  // the one its context in the store points to (link/identity/councils.ts), the evidence kept with it.
  const printed = result.meetings.find((m) => m.authority)?.authority ?? null;
  let docAuthority = printed ?? (source.council?.trim() || null);
  let diagnostics = result.diagnostics;
  if (!docAuthority) {
    const inferred = await w.inferCouncil(source.path);
    if (inferred) {
      docAuthority = inferred.council;
      diagnostics = [
        ...diagnostics,
        { level: "info", message: `The council is not printed: ${inferred.council} (${inferred.why}).`, span: null },
      ];
    }
  }
  const redacted = redactResult(result);
  const documentId = await tx.insert(
    "INSERT INTO documents (sha256, name, path, origin, format, parsed, diagnostics, has_warnings, imported_at, rules) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
    [
      sha256,
      result.source.name,
      source.path,
      source.origin ?? result.source.name,
      result.source.format,
      json(redacted),
      json(diagnostics),
      warnings ? 1 : 0,
      new Date().toISOString(),
      EXEMPT_RULES_VERSION,
    ],
  );
  w.documentId = documentId;
  await keepOriginal(tx, sha256, source);
  const meetingIds = new Set<number>();
  let items = 0;
  for (let i = 0; i < result.meetings.length; i++) {
    const m = result.meetings[i];
    const id = await w.meeting(m, i, m.authority ?? docAuthority);
    meetingIds.add(id);
    items += m.agenda.length + m.minutes.length + m.reports.length;
  }
  await w.chooseShown();
  await w.flush();
  await w.storeVotes();
  return { status, documentId, meetings: meetingIds.size, meetingIds: [...meetingIds], items, warnings };
}

type StoredDocument = { id: number; sha256: string; path: string | null; has_warnings: number; rules: number };

/** The stored document with these bytes as an "unchanged" outcome, or null when it is new. */
export async function touchDocument(tx: SqlConn, sha256: string, source: ImportSource): Promise<ImportOutcome | null> {
  const known = await tx.all<StoredDocument>(
    "SELECT id, sha256, path, has_warnings, rules FROM documents WHERE sha256 = ? OR path = ? ORDER BY id",
    [sha256, source.path],
  );
  const same = known.find((d) => d.sha256 === sha256);
  // A document stored under older exempt rules is read again (importDocument replaces it).
  return same && Number(same.rules) >= EXEMPT_RULES_VERSION ? touchStored(tx, same, known, source) : null;
}

/**
 * Keeps the original file once per content hash. The bytes must be the document's (same SHA-256), so a
 * caller cannot file one document's original under another.
 */
async function keepOriginal(tx: SqlConn, sha256: string, source: ImportSource): Promise<void> {
  if (!source.bytes) return;
  // Already kept (an unchanged re-import): the bytes need not cross to the database again.
  if (await tx.get("SELECT 1 AS x FROM document_files WHERE sha256 = ?", [sha256])) return;
  if (createHash("sha256").update(source.bytes).digest("hex") !== sha256)
    throw new StoreError("the original file given does not have the document's SHA-256");
  await tx.run("INSERT INTO document_files (sha256, size, bytes) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING", [
    sha256,
    source.bytes.length,
    source.bytes,
  ]);
}

/** `known`: the stored documents with these bytes or at this path. */
async function touchStored(
  tx: SqlConn,
  existing: StoredDocument,
  known: StoredDocument[],
  source: ImportSource,
): Promise<ImportOutcome> {
  // A store filled before it kept originals gets the file the next time the document is imported.
  await keepOriginal(tx, existing.sha256, source);
  if (source.origin)
    await tx.run("UPDATE documents SET origin = ? WHERE id = ? AND origin <> ?", [
      source.origin,
      existing.id,
      source.origin,
    ]);
  // The same bytes found at a new path (a moved folder): remember where, so a later edit there replaces it.
  if (source.path && existing.path !== source.path && !known.some((d) => d.path === source.path))
    await tx.run("UPDATE documents SET path = ? WHERE id = ?", [source.path, existing.id]);
  const counts = await documentCounts(tx, existing.id);
  return { status: "unchanged", documentId: existing.id, warnings: Number(existing.has_warnings) === 1, ...counts };
}

async function documentCounts(
  tx: SqlConn,
  documentId: number,
): Promise<{ meetings: number; meetingIds: number[]; items: number }> {
  const ids = await tx.all<{ meeting_id: number }>(
    "SELECT DISTINCT meeting_id FROM meeting_sources WHERE document_id = ? ORDER BY meeting_id",
    [documentId],
  );
  const row = await tx.get<{ items: number }>(
    `SELECT
       (SELECT CAST(count(*) AS INTEGER) FROM agenda_items WHERE document_id = ?)
       + (SELECT CAST(count(*) AS INTEGER) FROM minutes WHERE document_id = ?)
       + (SELECT CAST(count(*) AS INTEGER) FROM reports WHERE document_id = ?) AS items`,
    [documentId, documentId, documentId],
  );
  const meetingIds = ids.map((r) => Number(r.meeting_id));
  return { meetings: meetingIds.length, meetingIds, items: Number(row?.items ?? 0) };
}

/** True (as SQL, each `?` bound to the person's id) when nothing the office keeps refers to the person. */
const KEPT_PERSON = `NOT EXISTS (SELECT 1 FROM office_people o WHERE o.person_id = ?)
  AND NOT EXISTS (SELECT 1 FROM committee_memberships x WHERE x.person_id = ?)
  AND NOT EXISTS (SELECT 1 FROM interests i WHERE i.person_id = ?)
  AND NOT EXISTS (SELECT 1 FROM office_committees c WHERE c.clerk_id = ?)`;

/** Removes a document and every record it gave; meetings and people left with no source go too. */
export async function deleteDocument(tx: SqlConn, documentId: number): Promise<void> {
  const meetings = (
    await tx.all<{ meeting_id: number }>("SELECT DISTINCT meeting_id FROM meeting_sources WHERE document_id = ?", [
      documentId,
    ])
  ).map((r) => r.meeting_id);
  const people = (
    await tx.all<{ person_id: number }>("SELECT DISTINCT person_id FROM person_aliases WHERE document_id = ?", [
      documentId,
    ])
  ).map((r) => r.person_id);
  for (const table of [
    "vote_casts",
    "votes",
    "exempt_parts",
    "paragraphs",
    "declarations",
    "attendance",
    "membership",
    "resolutions",
    "minutes",
    "agenda_items",
    "reports",
    "person_aliases",
    "decision_records",
    "meeting_sources",
  ])
    await tx.run(`DELETE FROM ${table} WHERE document_id = ?`, [documentId]);
  const gone = await tx.get<{ sha256: string }>("SELECT sha256 FROM documents WHERE id = ?", [documentId]);
  await tx.run("DELETE FROM documents WHERE id = ?", [documentId]);
  // The original goes with the last document that has its bytes.
  if (gone)
    await tx.run(
      "DELETE FROM document_files WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM documents WHERE sha256 = ?)",
      [gone.sha256, gone.sha256],
    );
  for (const id of meetings) {
    const left = await tx.get("SELECT 1 AS x FROM meeting_sources WHERE meeting_id = ? LIMIT 1", [id]);
    if (left) await refreshSections(tx, id);
    // A meeting the council keeps in its calendar stays when the last paper about it goes.
    else
      await tx.run(
        "DELETE FROM meetings WHERE id = ? AND NOT EXISTS (SELECT 1 FROM office_meetings o WHERE o.meeting_id = ?)",
        [id, id],
      );
  }
  for (const id of people) {
    const left = await tx.get("SELECT 1 AS x FROM person_aliases WHERE person_id = ? LIMIT 1", [id]);
    if (!left) await tx.run(`DELETE FROM people WHERE id = ? AND ${KEPT_PERSON}`, [id, id, id, id, id]);
  }
  // Committees and people the council keeps in Minutebook stay though no paper names them any more.
  await tx.run(
    `DELETE FROM committees WHERE NOT EXISTS (SELECT 1 FROM meetings WHERE meetings.committee_id = committees.id)
     AND NOT EXISTS (SELECT 1 FROM office_committees o WHERE o.committee_id = committees.id)
     AND NOT EXISTS (SELECT 1 FROM committee_memberships x WHERE x.committee_id = committees.id)
     AND NOT EXISTS (SELECT 1 FROM committee_receivers r WHERE r.receiver_id = committees.id)`,
  );
}

/** For each section of a meeting, shows the document that gives the most of it (ties: the earliest). */
export async function refreshSections(tx: SqlConn, meetingId: number): Promise<void> {
  for (const s of SECTIONS) {
    const best = await tx.get<{ document_id: number }>(
      `SELECT document_id FROM ${s.table} WHERE meeting_id = ? GROUP BY document_id ORDER BY count(*) DESC, document_id LIMIT 1`,
      [meetingId],
    );
    if (!best) continue;
    await showOnly(tx, s, meetingId, best.document_id, true, s.paragraphTypes.length > 0);
  }
}

/**
 * Shows one document's rows of a meeting's section and shadows the others'. Only rows whose flag
 * changes are written: on SQLite each written paragraph is also re-indexed for search.
 */
async function showOnly(
  tx: SqlConn,
  s: (typeof SECTIONS)[number],
  meetingId: number,
  documentId: number,
  rows: boolean,
  paragraphs: boolean,
): Promise<void> {
  const flag = "CASE WHEN document_id = ? THEN 0 ELSE 1 END";
  if (rows)
    await tx.run(`UPDATE ${s.table} SET shadowed = ${flag} WHERE meeting_id = ? AND shadowed <> ${flag}`, [
      documentId,
      meetingId,
      documentId,
    ]);
  if (paragraphs)
    await tx.run(
      `UPDATE paragraphs SET shadowed = ${flag} WHERE meeting_id = ? AND type IN (${placeholders(s.paragraphTypes.length)}) AND shadowed <> ${flag}`,
      [documentId, meetingId, ...s.paragraphTypes, documentId],
    );
}

type PersonHit = { personId: number; aliasId: number };
type VoteCast = PersonHit & { side: "for" | "against" | "abstain" };
type PersonRow = { id: number; authority_id: number; title: string | null; given: string; surname_key: string };

/** Columns of the rows a document inserts in batches (a section's tables also get `shadowed`). */
const COLUMNS = {
  person_aliases: ["id", "person_id", "document_id", "printed", "line", "rule"],
  minutes: [
    "id",
    "meeting_id",
    "document_id",
    "ordinal",
    "number",
    "agenda_item",
    "title",
    "procedural",
    "key_decision",
    "reasons",
    "exempt_paragraphs",
    "exempt",
    "span_start",
    "span_end",
    "page",
  ],
  meeting_sources: [
    "meeting_id",
    "document_id",
    "ordinal",
    "time",
    "location",
    "contact",
    "next_meeting",
    "span_start",
    "span_end",
    "page",
    "status",
  ],
  membership: ["meeting_id", "document_id", "person_id", "alias_id", "ordinal", "role"],
  agenda_items: [
    "meeting_id",
    "document_id",
    "ordinal",
    "number",
    "title",
    "report_by",
    "page_start",
    "page_end",
    "procedural",
    "exempt",
    "exempt_paragraphs",
    "span_start",
    "span_end",
    "page",
  ],
  attendance: [
    "meeting_id",
    "document_id",
    "person_id",
    "alias_id",
    "ordinal",
    "status",
    "is_chair",
    "span_start",
    "span_end",
    "page",
  ],
  resolutions: ["minute_id", "document_id", "ordinal", "label", "path", "depth", "text"],
  declarations: [
    "meeting_id",
    "minute_id",
    "document_id",
    "person_id",
    "alias_id",
    "ordinal",
    "interest",
    "item",
    "span_start",
    "span_end",
    "page",
  ],
  reports: [
    "meeting_id",
    "document_id",
    "ordinal",
    "agenda_item",
    "title",
    "author",
    "recommendations",
    "officers",
    "appendices",
    "background_papers",
    "exempt",
    "exempt_paragraphs",
    "span_start",
    "span_end",
    "page",
  ],
  exempt_parts: [
    "meeting_id",
    "document_id",
    "ordinal",
    "kind",
    "agenda_item",
    "title",
    "paragraphs",
    "span_start",
    "span_end",
    "page",
  ],
  paragraphs: [
    "type",
    "weight",
    "procedural",
    "key_decision",
    "committee_id",
    "meeting_id",
    "meeting_date",
    "document_id",
    "title",
    "search_title",
    "body",
    "span_start",
    "span_end",
    "page",
  ],
} as const;
type BatchTable = keyof typeof COLUMNS;
/** Rows that others point at go first (foreign keys are checked as each row arrives). */
const FLUSH_FIRST: BatchTable[] = ["person_aliases", "minutes"];

/** Which meeting's section a row shows, when the row has a `shadowed` flag. */
type Shows = { section: SectionTable | undefined; meetingId: number };

const committeeAt = (authorityId: number, key: string) => `${authorityId}\u0000${key}`;
const meetingAt = (committeeId: number, date: string) => `${committeeId}\u0000${date}`;
const sectionAt = (section: SectionTable, meetingId: number) => `${section}\u0000${meetingId}`;

/**
 * The list with its last value repeated up to a power-of-two length: an IN list then takes one of a
 * few lengths, so the context query has few distinct texts for SQLite's statement cache to prepare
 * and keep.
 */
function padded<T>(xs: T[]): T[] {
  if (xs.length < 2) return xs;
  const size = 2 ** Math.ceil(Math.log2(xs.length));
  return [...xs, ...Array.from({ length: size - xs.length }, () => xs[xs.length - 1])];
}

// PostgreSQL types a UNION's columns branch by branch: a bare NULL would be taken as text.
const NO_INT = "CAST(NULL AS INTEGER)";
const NO_TEXT = "CAST(NULL AS TEXT)";

/** A row of readContext's query; `kind` says what the numbered and text columns hold. */
type ContextRow = {
  kind: string;
  id: number;
  n1: number | null;
  n2: number | null;
  s1: string | null;
  s2: string | null;
  s3: string | null;
};

/** One group of a shared meeting's stored rows: a document's rows of one table (or paragraph type). */
type StoredGroup = { t: string; meeting_id: number; document_id: number; n: number; lo: number; hi: number };

class DocumentWriter {
  /** Every authority by councilKey (the unknown one by ""): the store holds a few hundred councils at most. */
  private authorities = new Map<string, number>();
  /** Committees whose capitals-only name this document has offered to replace. */
  private renamed = new Set<number>();
  /** Each authority's name as stored, by id. */
  private authorityNames = new Map<number, string>();
  /** Committees with a key this document uses, by authority and key. */
  private committees = new Map<string, number>();
  /** Their meetings on a date this document gives, by committee and date (inserted ones too). */
  private meetings = new Map<string, number>();
  /** Meetings stored before this document that it also gives. */
  private storedMeetings = new Set<number>();
  private preloadedMeetings = new Set<number>();
  /** Sections of shared meetings where another document's rows stay shown (this one's go in shadowed). */
  private hidden = new Set<string>();
  private aliases = new Map<string, PersonHit>();
  private pending = new Map<BatchTable, { rows: SqlValue[][]; shows: (Shows | null)[] }>();

  /** Queues a row for flush(); `shows` for a row with a `shadowed` flag, chosen by chooseShown(). */
  private later(table: BatchTable, values: SqlValue[], shows: Shows | null = null): void {
    let p = this.pending.get(table);
    if (!p) {
      p = { rows: [], shows: [] };
      this.pending.set(table, p);
    }
    p.rows.push(values);
    p.shows.push(shows);
  }

  private reserved = new Map<string, { ids: number[]; last: number; used: number }>();
  /** How many rows of each table this document will need ids for (set by readContext). */
  private expected = new Map<string, number>();

  /** An id for a row inserted at flush(), reserved in blocks. */
  async nextId(table: "minutes" | "person_aliases"): Promise<number> {
    let r = this.reserved.get(table);
    if (!r) {
      r = { ids: [], last: 0, used: 0 };
      this.reserved.set(table, r);
    }
    if (!r.ids.length)
      r.ids = await this.tx.reserveIds(table, Math.max(1, (this.expected.get(table) ?? 1) - r.used), r.last);
    r.used++;
    const id = r.ids.shift()!;
    r.last = id;
    return id;
  }

  async flush(): Promise<void> {
    const order = [...this.pending].sort(
      ([a], [b]) => (FLUSH_FIRST.indexOf(a) + 1 || 99) - (FLUSH_FIRST.indexOf(b) + 1 || 99),
    );
    for (const [table, { rows, shows }] of order) {
      const flagged = shows.some((x) => x !== null);
      const columns: readonly string[] = flagged ? [...COLUMNS[table], "shadowed"] : COLUMNS[table];
      const values = flagged
        ? rows.map((r, i) => {
            const x = shows[i];
            return [...r, x?.section && this.hidden.has(sectionAt(x.section, x.meetingId)) ? 1 : 0];
          })
        : rows;
      await insertRows(this.tx, table, columns, values);
    }
    this.pending.clear();
  }

  /** Set once the document's row is inserted, before any meeting is written. */
  documentId = 0;

  private votes: { meetingId: number; minuteId: number; ordinal: number; vote: Vote; casts: VoteCast[] }[] = [];

  /** After flush() (minutes and aliases are in): the recorded votes and who was on which side. */
  async storeVotes(): Promise<void> {
    const casts: SqlValue[][] = [];
    for (const x of this.votes) {
      const v = x.vote;
      const voteId = await this.tx.insert(
        `INSERT INTO votes (meeting_id, minute_id, document_id, ordinal, motion, result, for_count, against_count, abstain_count, span_start, span_end, page)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        [
          x.meetingId,
          x.minuteId,
          this.documentId,
          x.ordinal,
          v.motion === null ? null : cleanText(v.motion),
          v.result,
          v.for?.count ?? null,
          v.against?.count ?? null,
          v.abstain?.count ?? null,
          ...spanValues(v.span),
        ],
      );
      for (const c of x.casts) casts.push([voteId, this.documentId, c.personId, c.aliasId, c.side]);
    }
    if (casts.length)
      await insertRows(this.tx, "vote_casts", ["vote_id", "document_id", "person_id", "alias_id", "side"], casts);
    this.votes = [];
  }

  constructor(
    private tx: SqlConn,
    private result: ParseResult,
    private lines: string[] | null,
  ) {}

  /**
   * Reads in one query (or one per 200 meetings / 500 surnames) what the document will look up:
   * with `doc`, the stored documents with its bytes or at its path; every authority; the committees
   * with its keys and their meetings on its dates; and the people with the surnames it prints.
   */
  async readContext(doc: { sha256: string; path: string | null } | null): Promise<StoredDocument[]> {
    const { result } = this;
    this.authorities.clear();
    this.authorityNames.clear();
    this.committees.clear();
    this.meetings.clear();
    this.preloadedMeetings.clear();
    this.people.clear();
    const surnames = this.surnameKeys();
    for (const k of surnames) this.people.set(k, []);
    const stored: StoredDocument[] = [];
    const queries = Math.max(1, Math.ceil(result.meetings.length / 200), Math.ceil(surnames.length / 500));
    for (let q = 0; q < queries; q++) {
      const branches: { sql: string; params: SqlValue[] }[] = [];
      if (q === 0 && doc)
        branches.push({
          sql: `SELECT 'document' AS kind, id, has_warnings AS n1, rules AS n2, sha256 AS s1, path AS s2, ${NO_TEXT} AS s3 FROM documents WHERE sha256 = ? OR path = ?`,
          params: [doc.sha256, doc.path],
        });
      const meetings = result.meetings.slice(q * 200, (q + 1) * 200);
      if (meetings.length) {
        const keys = padded([...new Set(meetings.map((m) => committeeKey(m.body) || "unnamed"))]);
        const dates = padded([...new Set(meetings.flatMap((m) => (m.date ? [m.date] : [])))]);
        branches.push({
          sql: `SELECT 'committee' AS kind, a.id, c.id AS n1, ${dates.length ? "m.id" : NO_INT} AS n2, a.name AS s1, c.key AS s2, ${dates.length ? "m.date" : NO_TEXT} AS s3
            FROM authorities a LEFT JOIN committees c ON c.authority_id = a.id AND c.key IN (${placeholders(keys.length)})
            ${dates.length ? `LEFT JOIN meetings m ON m.committee_id = c.id AND m.date IN (${placeholders(dates.length)})` : ""}`,
          params: [...keys, ...dates],
        });
      }
      const names = padded(surnames.slice(q * 500, (q + 1) * 500));
      if (names.length)
        branches.push({
          sql: `SELECT 'person' AS kind, id, authority_id, ${NO_INT}, title, given, surname_key FROM people WHERE surname_key IN (${placeholders(names.length)})`,
          params: names,
        });
      if (!branches.length) continue;
      const rows = await this.tx.all<ContextRow>(
        branches.map((b) => b.sql).join("\nUNION ALL "),
        branches.flatMap((b) => b.params),
      );
      for (const r of rows) {
        const id = Number(r.id);
        if (r.kind === "document")
          stored.push({ id, sha256: r.s1!, path: r.s2, has_warnings: Number(r.n1), rules: Number(r.n2 ?? 0) });
        else if (r.kind === "committee") {
          this.authorities.set(councilKey(r.s1!), id);
          this.authorityNames.set(id, r.s1!);
          if (r.n1 !== null) this.committees.set(committeeAt(id, r.s2!), Number(r.n1));
          if (r.n2 !== null) {
            this.meetings.set(meetingAt(Number(r.n1), r.s3!), Number(r.n2));
            this.preloadedMeetings.add(Number(r.n2));
          }
        } else
          this.people
            .get(r.s3!)
            ?.push({ id, authority_id: Number(r.n1), title: r.s1, given: r.s2!, surname_key: r.s3! });
      }
    }
    for (const rows of this.people.values()) rows.sort((a, b) => a.id - b.id);
    return stored.sort((a, b) => a.id - b.id);
  }

  /** The surnames the document prints (people are looked up by them); also sizes the id reservations. */
  private surnameKeys(): string[] {
    const keys = new Set<string>();
    const printed = new Set<string>();
    this.expected.set(
      "minutes",
      this.result.meetings.reduce((n, m) => n + m.minutes.length, 0),
    );
    for (const m of this.result.meetings) {
      const names = [
        ...m.membership.map((x) => x.name),
        ...(m.attendance
          ? [m.attendance.chair ?? "", ...m.attendance.present, ...m.attendance.apologies, ...m.attendance.inAttendance]
          : []),
        ...m.minutes.flatMap((x) => x.declarations.map((d) => d.member)),
      ];
      for (const n of names) {
        const text = cleanText(n).replace(/\s+/g, " ").trim();
        printed.add(text);
        const parsed = this.parsedName(text);
        if (parsed) keys.add(parsed.surnameKey);
      }
    }
    this.expected.set("person_aliases", printed.size);
    return [...keys];
  }

  /** An authority by name, matched by councilKey ("Limerick City And County Council" is "… and …"). */
  private async authority(name: string | null): Promise<number> {
    const printed = name ? cleanText(name).replace(/\s+/g, " ").trim() : "";
    const key = councilKey(printed);
    const cached = this.authorities.get(key);
    if (cached !== undefined) return cached;
    const id = await this.tx.insert("INSERT INTO authorities (name) VALUES (?) RETURNING id", [key ? printed : ""]);
    this.authorities.set(key, id);
    this.authorityNames.set(id, key ? printed : "");
    return id;
  }

  /**
   * The council of a document that prints none, from what the store holds (link/identity/councils.ts
   * gives the rules and their order), with why; null when no rule gives exactly one council.
   */
  async inferCouncil(path: string | null): Promise<{ council: string; why: string } | null> {
    const named = [...this.authorities].filter(([key]) => key !== "");
    const names = named.map(([, id]) => this.authorityNames.get(id)!);
    const nameOf = (id: number) => this.authorityNames.get(id)!;
    const meetings = this.result.meetings;
    for (const m of meetings) {
      const own = bodyIsCouncil(m.body);
      if (own) return { council: own, why: `the meeting is named "${m.body}"` };
    }
    // The meeting's other papers: the same committee meets that day in exactly one council.
    const sameMeeting = meetings.flatMap((m) => {
      const key = committeeKey(m.body) || "unnamed";
      if (!m.date) return [];
      return named.flatMap(([, aid]) => {
        const cid = this.committees.get(committeeAt(aid, key));
        return cid !== undefined && this.meetings.has(meetingAt(cid, m.date!)) ? [aid] : [];
      });
    });
    const byMeeting = only(sameMeeting);
    if (byMeeting !== null) return { council: nameOf(byMeeting), why: "other papers of the same meeting name it" };
    for (const label of govDomains(this.lines ?? [])) {
      const c = councilOfDomain(label, names);
      if (c) return { council: c, why: `the document gives addresses at ${label}.gov.uk` };
    }
    if (path) {
      const folder = dirname(path);
      const rows = await this.tx.all<{ path: string; authority_id: number }>(
        `SELECT DISTINCT d.path, c.authority_id FROM documents d
         JOIN meeting_sources s ON s.document_id = d.id JOIN meetings m ON m.id = s.meeting_id
         JOIN committees c ON c.id = m.committee_id
         WHERE substr(d.path, 1, ?) = ?`,
        [folder.length + 1, `${folder}/`],
      );
      const unknown = this.authorities.get("");
      const here = rows.filter((r) => dirname(r.path) === folder && Number(r.authority_id) !== unknown);
      const byFolder = only(here.map((r) => Number(r.authority_id)));
      if (byFolder !== null) return { council: nameOf(byFolder), why: "the other papers in its folder name it" };
    }
    for (const m of meetings) {
      const c = councilOfBodyPlace(m.body, names);
      if (c) return { council: c, why: `the meeting's name begins with the place of ${c}` };
    }
    const keys = [...new Set(meetings.map((m) => committeeKey(m.body) || "unnamed"))];
    const byCommittee = only(
      keys.flatMap((key) =>
        specificName(key) || named.length === 1
          ? named.flatMap(([, aid]) => (this.committees.has(committeeAt(aid, key)) ? [aid] : []))
          : [],
      ),
    );
    if (byCommittee !== null)
      return { council: nameOf(byCommittee), why: "it is the only council with a committee of that name" };
    return null;
  }

  /** The councils named so far (the unknown one, "", excluded), in id order. */
  private namedAuthorities(): number[] {
    return [...this.authorities]
      .filter(([key]) => key !== "")
      .map(([, id]) => id)
      .sort((a, b) => a - b);
  }

  /**
   * A committee by name within its authority. A document that names no council belongs to the
   * store's council when the store holds exactly one; with several it is not guessed.
   */
  private async committee(authorityName: string | null, body: string): Promise<{ id: number; authorityId: number }> {
    const key = committeeKey(body) || "unnamed";
    if (!authorityName) {
      const named = this.namedAuthorities();
      if (named.length === 1) {
        const only = this.committees.get(committeeAt(named[0], key));
        if (only !== undefined) return { id: only, authorityId: named[0] };
      }
    }
    const authorityId = await this.authority(authorityName);
    const found = this.committees.get(committeeAt(authorityId, key));
    if (found !== undefined) {
      // A name first read from a front sheet in capitals ("CABINET") takes the form printed in running text.
      const name = cleanText(body).trim();
      if (name && name !== name.toUpperCase() && !this.renamed.has(found)) {
        this.renamed.add(found);
        await this.tx.run("UPDATE committees SET name = ? WHERE id = ? AND name = upper(name)", [name, found]);
      }
      return { id: found, authorityId };
    }
    const others = this.namedAuthorities().filter((id) => id !== authorityId);
    if (authorityName && !others.length) {
      // A committee first seen in documents that did not name their council joins the council now
      // named, when it is the only council in the store.
      const unknown = await this.authority(null);
      const orphan = this.committees.get(committeeAt(unknown, key));
      if (orphan !== undefined) {
        await this.tx.run("UPDATE committees SET authority_id = ? WHERE id = ?", [authorityId, orphan]);
        this.committees.delete(committeeAt(unknown, key));
        this.committees.set(committeeAt(authorityId, key), orphan);
        return { id: orphan, authorityId };
      }
    }
    const id = await this.tx.insert("INSERT INTO committees (authority_id, name, key) VALUES (?, ?, ?) RETURNING id", [
      authorityId,
      cleanText(body).trim() || "Unnamed committee",
      key,
    ]);
    this.committees.set(committeeAt(authorityId, key), id);
    return { id, authorityId };
  }

  /**
   * For each meeting stored before this document that another document also gives, chooses per
   * section the document that gives the most rows (ties: the earliest), as refreshSections would
   * after the insert; this document's rows then go in with their flag, and older rows are updated
   * only where they do not already match the choice.
   */
  async chooseShown(): Promise<void> {
    // One query (per 256 meetings) counts each document's rows of these meetings, table by table; the
    // rows are grouped once over the union (seven grouped branches cost PostgreSQL twice the planning).
    const ids = [...this.storedMeetings];
    const byTable = new Map<string, StoredGroup[]>();
    for (let i = 0; i < ids.length; i += 256) {
      const chunk = padded(ids.slice(i, i + 256));
      const inList = `meeting_id IN (${placeholders(chunk.length)})`;
      const branches = [
        `SELECT 'meeting_sources' AS t, meeting_id, document_id, 0 AS shadowed FROM meeting_sources WHERE ${inList}`,
        ...SECTIONS.map(
          (s) => `SELECT '${s.table}', meeting_id, document_id, shadowed FROM ${s.table} WHERE ${inList}`,
        ),
        `SELECT 'paragraphs:' || type, meeting_id, document_id, shadowed FROM paragraphs WHERE ${inList}`,
      ];
      const groups = await this.tx.all<StoredGroup>(
        `SELECT t, meeting_id, document_id, CAST(count(*) AS INTEGER) AS n, min(shadowed) AS lo, max(shadowed) AS hi
         FROM (${branches.join("\nUNION ALL ")}) x GROUP BY t, meeting_id, document_id`,
        branches.flatMap(() => chunk),
      );
      for (const g of groups) {
        const k = `${g.t}\u0000${Number(g.meeting_id)}`;
        const row = {
          ...g,
          meeting_id: Number(g.meeting_id),
          document_id: Number(g.document_id),
          n: Number(g.n),
          lo: Number(g.lo),
          hi: Number(g.hi),
        };
        const list = byTable.get(k);
        if (list) list.push(row);
        else byTable.set(k, [row]);
      }
    }
    const stored = (t: string, meetingId: number) => byTable.get(`${t}\u0000${meetingId}`) ?? [];
    // Whether every row of these groups already has the flag the chosen document gives it.
    const settled = (gs: StoredGroup[], best: number) =>
      gs.every((g) => {
        const want = g.document_id === best ? 0 : 1;
        return g.lo === want && g.hi === want;
      });
    for (const meetingId of this.storedMeetings) {
      // Rows start shown; only a meeting that other documents also speak of needs choosing.
      if (!stored("meeting_sources", meetingId).length) continue;
      for (const s of SECTIONS) {
        const mine = this.pending.get(s.table)?.shows.filter((x) => x?.meetingId === meetingId).length ?? 0;
        let best = mine ? this.documentId : null;
        let most = mine;
        for (const g of stored(s.table, meetingId))
          if (best === null || g.n > most || (g.n === most && g.document_id < best)) {
            best = g.document_id;
            most = g.n;
          }
        if (best === null) continue;
        if (best !== this.documentId) this.hidden.add(sectionAt(s.table, meetingId));
        const rows = !settled(stored(s.table, meetingId), best);
        const paragraphs = !settled(
          s.paragraphTypes.flatMap((t) => stored(`paragraphs:${t}`, meetingId)),
          best,
        );
        if (rows || paragraphs) await showOnly(this.tx, s, meetingId, best, rows, paragraphs);
      }
    }
  }

  async meeting(m: Meeting, ordinal: number, authorityName: string | null): Promise<number> {
    const { tx, documentId } = this;
    const committee = await this.committee(authorityName, m.body);
    let meetingId = m.date ? this.meetings.get(meetingAt(committee.id, m.date)) : undefined;
    if (meetingId === undefined) {
      meetingId = await tx.insert("INSERT INTO meetings (committee_id, date) VALUES (?, ?) RETURNING id", [
        committee.id,
        m.date,
      ]);
      if (m.date) this.meetings.set(meetingAt(committee.id, m.date), meetingId);
    } else if (this.preloadedMeetings.has(meetingId)) this.storedMeetings.add(meetingId);
    this.later("meeting_sources", [
      meetingId,
      documentId,
      ordinal,
      m.time,
      m.location,
      m.contact ? json(m.contact) : null,
      m.nextMeeting,
      ...spanValues(m.span),
      m.status ? json(m.status) : null,
    ]);
    const d = m.decision;
    if (d)
      await tx.run(
        `INSERT INTO decision_records (meeting_id, document_id, maker, status, call_in, call_in_deadline, publication_date,
           effective_date, decided_at_body, decided_at_date, span_start, span_end, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          meetingId,
          documentId,
          d.maker,
          d.status,
          d.callIn === null ? null : d.callIn ? 1 : 0,
          d.callInDeadline,
          d.publicationDate,
          d.effectiveDate,
          d.decidedAt?.body ?? null,
          d.decidedAt?.date ?? null,
          ...spanValues(d.span),
        ],
      );
    const ctx = { meetingId, committeeId: committee.id, date: m.date };
    const person = (printed: string, line: number | null) => this.person(committee.authorityId, printed, line);

    for (let i = 0; i < m.membership.length; i++) {
      const p = await person(m.membership[i].name, m.span.startLine);
      if (p)
        this.later("membership", [meetingId, documentId, p.personId, p.aliasId, i, m.membership[i].role], {
          section: "membership",
          meetingId,
        });
    }

    for (let i = 0; i < m.agenda.length; i++) {
      const a = m.agenda[i];
      this.later(
        "agenda_items",
        [
          meetingId,
          documentId,
          i,
          a.number,
          cleanText(a.title),
          a.reportBy,
          a.pages?.start ?? null,
          a.pages?.end ?? null,
          isProcedural(a.title) ? 1 : 0,
          a.exempt || a.exemptParagraphs?.length ? 1 : 0,
          json(a.exemptParagraphs ?? []),
          ...spanValues(a.span),
        ],
        { section: "agenda_items", meetingId },
      );
      await this.paragraph(ctx, agendaParagraph(a));
    }

    if (m.attendance) {
      const att = m.attendance;
      const lists: [string, string[]][] = [
        ["present", att.chair && !att.present.includes(att.chair) ? [att.chair, ...att.present] : att.present],
        ["apologies", att.apologies],
        ["in-attendance", att.inAttendance],
      ];
      let ord = 0;
      for (const [status, names] of lists)
        for (const printed of names) {
          const p = await person(printed, m.span.startLine);
          if (!p) continue;
          this.later(
            "attendance",
            [
              meetingId,
              documentId,
              p.personId,
              p.aliasId,
              ord++,
              status,
              status === "present" && printed === att.chair ? 1 : 0,
              ...spanValues(m.span),
            ],
            { section: "attendance", meetingId },
          );
        }
    }

    for (let i = 0; i < m.minutes.length; i++) {
      const original = m.minutes[i];
      const x = redactMinute(original);
      const minuteId = await this.nextId("minutes");
      this.later(
        "minutes",
        [
          minuteId,
          meetingId,
          documentId,
          i,
          x.number,
          x.agendaItem,
          cleanText(x.title),
          isProcedural(x.title) ? 1 : 0,
          b(x.keyDecision),
          json(x.reasons.map(cleanText)),
          json(x.exemptParagraphs),
          isExempt(original) ? 1 : 0,
          ...spanValues(x.span),
        ],
        { section: "minutes", meetingId },
      );
      const flat = flattenClauses(x.resolutions);
      for (let j = 0; j < flat.length; j++)
        this.later("resolutions", [minuteId, documentId, j, flat[j].label, flat[j].path, flat[j].depth, flat[j].text]);
      for (let j = 0; j < x.declarations.length; j++) {
        const d = x.declarations[j];
        const p = await person(d.member, x.span.startLine);
        if (!p) continue;
        this.later("declarations", [
          meetingId,
          minuteId,
          documentId,
          p.personId,
          p.aliasId,
          j,
          d.interest,
          d.item,
          ...spanValues(x.span),
        ]);
      }
      // Recorded votes: each named member resolved like attendance (never for an exempt minute).
      if (!isExempt(original))
        for (let j = 0; j < (original.votes ?? []).length; j++) {
          const v = original.votes![j];
          const casts: VoteCast[] = [];
          for (const [side, s] of [
            ["for", v.for],
            ["against", v.against],
            ["abstain", v.abstain],
          ] as const)
            for (const printed of s?.names ?? []) {
              const p = await person(printed, v.span.startLine);
              if (p) casts.push({ side, ...p });
            }
          this.votes.push({ meetingId, minuteId, ordinal: j, vote: v, casts });
        }
      if (isExempt(original) && x.resolutions.length) throw new Error("exempt minute content reached the store");
      for (const row of minuteParagraphs(original, this.lines)) await this.paragraph(ctx, row);
    }

    for (let i = 0; i < m.reports.length; i++) {
      const r = redactReport(m.reports[i]);
      if (isExemptReport(m.reports[i]) && (r.recommendations.length || r.officers.length))
        throw new Error("exempt report content reached the store");
      this.later(
        "reports",
        [
          meetingId,
          documentId,
          i,
          r.agendaItem,
          cleanText(r.title),
          r.author,
          json(r.recommendations.map(cleanText)),
          json(r.officers),
          json(r.appendices),
          json(r.backgroundPapers),
          r.exempt ? 1 : 0,
          json(r.exemptParagraphs ?? []),
          ...spanValues(r.span),
        ],
        { section: "reports", meetingId },
      );
      await this.paragraph(ctx, reportParagraph(m.reports[i], this.lines));
    }

    // Where the exempt lines are (title and paragraphs only): the document view and linkers withhold them.
    const parts = partsOf(m);
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      this.later("exempt_parts", [
        meetingId,
        documentId,
        i,
        p.kind,
        p.agendaItem,
        cleanText(p.title),
        json(p.paragraphs),
        ...spanValues(p.span),
      ]);
    }
    return meetingId;
  }

  private async paragraph(
    ctx: { meetingId: number; committeeId: number; date: string | null },
    p: ParagraphRow,
  ): Promise<void> {
    this.later(
      "paragraphs",
      [
        p.type,
        p.weight,
        p.procedural ? 1 : 0,
        b(p.keyDecision),
        ctx.committeeId,
        ctx.meetingId,
        ctx.date,
        this.documentId,
        p.title,
        p.type === "resolution" ? "" : p.title,
        p.body,
        ...spanValues(p.span),
      ],
      { section: SECTION_OF_TYPE.get(p.type), meetingId: ctx.meetingId },
    );
  }

  private people = new Map<string, PersonRow[]>();
  /** Printed names parsed once per document (surnameKeys reads them all before person() does). */
  private names = new Map<string, ReturnType<typeof parseName>>();

  private parsedName(text: string): ReturnType<typeof parseName> {
    let name = this.names.get(text);
    if (name === undefined) {
      name = parseName(text);
      this.names.set(text, name);
    }
    return name;
  }
  private namedCount: number | null = null;

  private async namedAuthorityCount(): Promise<number> {
    this.namedCount ??= (await this.namedAuthorities()).length;
    return this.namedCount;
  }

  private async peopleNamed(surnameKey: string): Promise<PersonRow[]> {
    let rows = this.people.get(surnameKey);
    if (!rows) {
      rows = await this.tx.all<PersonRow>(
        "SELECT id, authority_id, title, given, surname_key FROM people WHERE surname_key = ? ORDER BY id",
        [surnameKey],
      );
      this.people.set(surnameKey, rows);
    }
    return rows;
  }

  /** Resolves a printed name to a person of the authority and records the alias with its evidence. */
  private async person(authorityId: number, printed: string, line: number | null): Promise<PersonHit | null> {
    const text = cleanText(printed).replace(/\s+/g, " ").trim();
    const cacheKey = `${authorityId}\u0000${text}`;
    const cached = this.aliases.get(cacheKey);
    if (cached) return cached;
    const name = this.parsedName(text);
    if (!name) return null;
    // Candidates: the same council's people and those seen only where no council was named; a
    // document naming no council looks at everyone (the rules still need a unique fit).
    const unknown = await this.authority(null);
    const all = await this.peopleNamed(name.surnameKey);
    // The council's people, plus those seen where no council was named when the store holds one
    // council at most (with several, names are not matched across the unknown boundary).
    const single = (await this.namedAuthorityCount()) <= 1;
    const rows = all.filter(
      (r) => r.authority_id === authorityId || (single && (authorityId === unknown || r.authority_id === unknown)),
    );
    const known = rows.map((r) => ({
      id: r.id,
      title: r.title,
      given: r.given ? r.given.split(" ") : [],
      surnameKey: r.surname_key,
    }));
    const res = resolvePerson(name, known);
    let personId: number;
    if (res.personId === null) {
      personId = await this.tx.insert(
        "INSERT INTO people (authority_id, display_name, title, given, surname, surname_key) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        [authorityId, displayName(name), name.title, name.given.join(" "), name.surname, name.surnameKey],
      );
      all.push({
        id: personId,
        authority_id: authorityId,
        title: name.title,
        given: name.given.join(" "),
        surname_key: name.surnameKey,
      });
    } else {
      personId = res.personId;
      const k = known.find((x) => x.id === personId)!;
      const row = rows.find((r) => r.id === personId)!;
      if (row.authority_id === unknown && authorityId !== unknown) {
        await this.tx.run("UPDATE people SET authority_id = ? WHERE id = ?", [authorityId, personId]);
        row.authority_id = authorityId;
      }
      // A fuller form (forenames where only initials or nothing were known) becomes the display name.
      const fuller =
        name.given.length > k.given.length ||
        (name.given.length === k.given.length && name.given.join("").length > k.given.join("").length);
      if (fuller) {
        await this.tx.run("UPDATE people SET display_name = ?, title = COALESCE(title, ?), given = ? WHERE id = ?", [
          displayName({ ...name, title: row.title ?? name.title }),
          name.title,
          name.given.join(" "),
          personId,
        ]);
        row.title ??= name.title;
        row.given = name.given.join(" ");
      }
    }
    const aliasId = await this.nextId("person_aliases");
    this.later("person_aliases", [aliasId, personId, this.documentId, text, line, res.rule]);
    const hit = { personId, aliasId };
    this.aliases.set(cacheKey, hit);
    return hit;
  }
}

export function spanValues(s: Span): [number, number, number | null] {
  return [s.startLine, s.endLine, s.page];
}

/** Moves an alias, and the attendance, membership and declarations that carry it, to a new person. */
export async function unmergeAlias(tx: SqlConn, aliasId: number): Promise<number> {
  const a = await tx.get<{ person_id: number; printed: string; authority_id: number }>(
    "SELECT a.person_id, a.printed, p.authority_id FROM person_aliases a JOIN people p ON p.id = a.person_id WHERE a.id = ?",
    [aliasId],
  );
  if (!a) throw new StoreError(`there is no alias ${aliasId}`);
  const name = parseName(a.printed);
  const personId = await tx.insert(
    "INSERT INTO people (authority_id, display_name, title, given, surname, surname_key) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
    [
      a.authority_id,
      name ? displayName(name) : a.printed,
      name?.title ?? null,
      name?.given.join(" ") ?? "",
      name?.surname ?? a.printed,
      name?.surnameKey ?? a.printed.toLowerCase(),
    ],
  );
  await tx.run("UPDATE person_aliases SET person_id = ?, rule = ? WHERE id = ?", [personId, "unmerged", aliasId]);
  for (const t of ["attendance", "membership", "declarations", "vote_casts"])
    await tx.run(`UPDATE ${t} SET person_id = ? WHERE alias_id = ?`, [personId, aliasId]);
  const left = await tx.get("SELECT 1 AS x FROM person_aliases WHERE person_id = ? LIMIT 1", [a.person_id]);
  if (!left) await tx.run("DELETE FROM people WHERE id = ?", [a.person_id]);
  return personId;
}

/**
 * An officer's merge of two people of one council the rules kept apart (`minutebook db merge KEEP OTHER`):
 * OTHER's printed forms, attendance, membership and declarations move to KEEP, each form marked
 * "merged" (undone form by form with `db unmerge`). Never across councils; a person the council keeps
 * in its own records (an account, a seat, a register) is merged into, not away.
 */
export async function mergePeople(tx: SqlConn, keepId: number, otherId: number): Promise<number> {
  if (keepId === otherId) throw new StoreError(`person ${keepId} cannot be merged with itself`);
  const rows = await tx.all<{ id: number; authority_id: number; given: string; title: string | null }>(
    "SELECT id, authority_id, given, title FROM people WHERE id IN (?, ?)",
    [keepId, otherId],
  );
  const keep = rows.find((r) => Number(r.id) === keepId);
  const other = rows.find((r) => Number(r.id) === otherId);
  if (!keep) throw new StoreError(`there is no person ${keepId}`);
  if (!other) throw new StoreError(`there is no person ${otherId}`);
  if (Number(keep.authority_id) !== Number(other.authority_id))
    throw new StoreError(`person ${keepId} and person ${otherId} belong to different councils: they are never merged`);
  const free = await tx.get(`SELECT 1 AS x WHERE ${KEPT_PERSON}`, [otherId, otherId, otherId, otherId]);
  if (!free)
    throw new StoreError(
      `person ${otherId} is in the council's own records; merge the other way round (db merge ${otherId} ${keepId})`,
    );
  await tx.run("UPDATE person_aliases SET person_id = ?, rule = 'merged' WHERE person_id = ?", [keepId, otherId]);
  for (const t of ["attendance", "membership", "declarations"])
    await tx.run(`UPDATE ${t} SET person_id = ? WHERE person_id = ?`, [keepId, otherId]);
  // The fuller printing names the person ("Mr Nigel Collor" over "Mr Collor").
  const otherGiven = String(other.given ?? "");
  if (otherGiven.replace(/\s/g, "").length > String(keep.given ?? "").replace(/\s/g, "").length)
    await tx.run(
      "UPDATE people SET display_name = (SELECT display_name FROM people WHERE id = ?), given = ?, title = COALESCE(title, ?) WHERE id = ?",
      [otherId, otherGiven, other.title, keepId],
    );
  await tx.run("DELETE FROM people WHERE id = ?", [otherId]);
  return keepId;
}
