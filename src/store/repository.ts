/**
 * The store's contract: what import writes and what the CLI, the portal and the API read.
 * Two adapters implement it (store/sqlite: embedded, one file; store/postgres: at scale) and one
 * conformance suite (store/conformance.ts) holds them to the same behaviour.
 *
 * Ids are plain numbers. Dates are ISO "YYYY-MM-DD" strings. Every record read back carries its
 * provenance: the document it came from and the span (lines, page) inside that document.
 * Exempt material (Schedule 12A) is never stored beyond the minute's title and paragraph numbers.
 */
import type { Contact, ParseResult, Span } from "../model/parse-v1";
import type { OfficeStore } from "./common/office";
import type { SqlDb } from "./sql";

export type ParagraphType = "agenda" | "minute" | "resolution" | "report";
export const PARAGRAPH_TYPES: readonly ParagraphType[] = ["agenda", "minute", "resolution", "report"];

/** Where a record came from. */
export type Provenance = { documentId: number; documentName: string; span: Span };

export type CommitteeRef = { id: number; name: string };
export type PersonRef = { id: number; name: string; printed: string };

// ---------------------------------------------------------------------------------------------
// Import

export type ImportStatus = "new" | "unchanged" | "replaced";

/** The outcome of storing one parsed document (one transaction). */
export type ImportOutcome = {
  status: ImportStatus;
  documentId: number;
  /** Meetings this document speaks of (merged or created). */
  meetings: number;
  /** Agenda items + minutes + reports stored from this document. */
  items: number;
  /** The parse's diagnostics included a warning or an error. */
  warnings: boolean;
};

/**
 * Where the document was read from: `path` (absolute) lets a changed file replace its old version.
 * `lines` (optional) is the extracted text, lines[0] being line 1: a minute's searchable text is then
 * its whole span (the discussion as well as the resolutions), never for an exempt minute.
 */
export type ImportSource = { path: string | null; lines?: string[] | null };

// ---------------------------------------------------------------------------------------------
// Reads

export type Paging = { limit: number; offset: number };
export type Page<T> = { items: T[]; total: number; limit: number; offset: number };

export type MeetingFilter = { committee?: number | string; from?: string; to?: string };

export type MeetingSummary = {
  id: number;
  committee: CommitteeRef;
  authority: string | null;
  date: string | null;
  time: string | null;
  location: string | null;
  /** How many of each the meeting's shown sources give, and how many documents speak of it. */
  counts: { agendaItems: number; minutes: number; reports: number; documents: number };
};

export type DocumentRef = {
  id: number;
  name: string;
  path: string | null;
  format: string;
  sha256: string;
  /** The span of this meeting inside the document (null when listed without a meeting). */
  span: Span | null;
};

export type AgendaItemRecord = {
  id: number;
  number: string;
  title: string;
  reportBy: string | null;
  pages: { start: number; end: number } | null;
  procedural: boolean;
  /** Listed on the agenda as exempt or confidential (the title is public). */
  exempt: boolean;
  exemptParagraphs: number[];
  provenance: Provenance;
};

/** One clause of a resolution tree, flattened in document order. `path` is e.g. "a", "a.ii". */
export type ResolutionRecord = {
  id: number;
  label: string | null;
  path: string;
  depth: number;
  text: string;
};

export type DeclarationRecord = {
  id: number;
  person: PersonRef;
  interest: string | null;
  item: string | null;
  provenance: Provenance;
};

export type MinuteRecord = {
  id: number;
  number: string | null;
  agendaItem: string | null;
  title: string;
  procedural: boolean;
  keyDecision: boolean | null;
  /** Schedule 12A paragraphs; when non-empty the minute is exempt and only its title is kept. */
  exemptParagraphs: number[];
  exempt: boolean;
  resolutions: ResolutionRecord[];
  reasons: string[];
  declarations: DeclarationRecord[];
  provenance: Provenance;
  /** The minute's discussion text as imported (its lines after the title), when the import had the text; never for an exempt minute. */
  text?: string;
};

export type AttendanceRecord = {
  chair: PersonRef | null;
  present: PersonRef[];
  apologies: PersonRef[];
  inAttendance: PersonRef[];
  provenance: Provenance;
};

export type ReportRecord = {
  id: number;
  agendaItem: string | null;
  title: string;
  author: string | null;
  recommendations: string[];
  officers: { name: string; role: string | null; phone: string | null; email: string | null }[];
  appendices: string[];
  backgroundPapers: string[];
  /** When exempt, only the title and paragraphs cited are kept: the lists are empty and author null. */
  exempt: boolean;
  exemptParagraphs: number[];
  provenance: Provenance;
};

/** Lines of a document withheld as exempt (Schedule 12A): what they are, never what they say. */
export type ExemptPartRecord = {
  id: number;
  meetingId: number;
  kind: "report" | "appendix" | "section" | "minute";
  agendaItem: string | null;
  title: string;
  paragraphs: number[];
  provenance: Provenance;
};

export type MembershipRecord = { person: PersonRef; role: string | null };

export type MeetingDetail = MeetingSummary & {
  contact: Contact | null;
  nextMeeting: string | null;
  membership: MembershipRecord[];
  agenda: AgendaItemRecord[];
  attendance: AttendanceRecord | null;
  minutes: MinuteRecord[];
  reports: ReportRecord[];
  /** Every document that speaks of this meeting, with the meeting's span inside it. */
  documents: DocumentRef[];
};

export type CommitteeSummary = {
  id: number;
  name: string;
  authority: string | null;
  meetings: number;
  firstMeeting: string | null;
  lastMeeting: string | null;
};

export type CommitteeDetail = CommitteeSummary & {
  /** Membership as printed on the most recent front sheet that lists one. */
  membership: MembershipRecord[];
  membershipAsOf: string | null;
  meetingsByYear: { year: string | null; meetings: MeetingSummary[] }[];
};

export type PersonSummary = {
  id: number;
  name: string;
  committees: number;
  meetingsAttended: number;
};

/** One printed form of a person's name and why it was merged into this person. */
export type AliasRecord = {
  id: number;
  printed: string;
  /** "first-seen" (created the person), "exact", "initials", "forename-initial", "surname-unique". */
  rule: string;
  documentId: number;
  documentName: string;
  line: number | null;
};

export type PersonAttendance = {
  meetingId: number;
  committee: CommitteeRef;
  date: string | null;
  status: "present" | "apologies" | "in-attendance" | "absent";
};

export type PersonDetail = PersonSummary & {
  aliases: AliasRecord[];
  roles: { committee: CommitteeRef; role: string | null; from: string | null; to: string | null }[];
  attendance: {
    attended: number;
    apologies: number;
    /** Meetings of committees whose printed membership included this person, plus any they attended. */
    expected: number;
    meetings: PersonAttendance[];
  };
  declarations: {
    meetingId: number;
    committee: CommitteeRef;
    date: string | null;
    minuteTitle: string | null;
    interest: string | null;
    item: string | null;
    provenance: Provenance;
  }[];
};

export type DecisionFilter = MeetingFilter & { keyOnly?: boolean };

export type DecisionRecord = {
  minuteId: number;
  meetingId: number;
  committee: CommitteeRef;
  date: string | null;
  number: string | null;
  title: string;
  keyDecision: boolean | null;
  resolutions: ResolutionRecord[];
  reasons: string[];
  provenance: Provenance;
};

// ---------------------------------------------------------------------------------------------
// Search

export type SearchFilters = {
  committee?: number | string;
  from?: string;
  to?: string;
  type?: ParagraphType;
  /** Only paragraphs of key decisions (true) or of everything else (false). */
  keyDecision?: boolean;
};

export type SearchHit = {
  paragraphId: number;
  type: ParagraphType;
  title: string;
  /** The matching passage with matches wrapped in <mark>…</mark>; everything else HTML-escaped. */
  snippetHtml: string;
  /** The same passage as plain text with matches wrapped in [ ]. */
  snippetText: string;
  score: number;
  keyDecision: boolean | null;
  meeting: { id: number; committee: CommitteeRef; date: string | null };
  provenance: Provenance;
};

export type SearchFacets = {
  committee: { id: number; name: string; count: number }[];
  year: { year: string; count: number }[];
  type: { type: ParagraphType; count: number }[];
  keyDecision: { key: number; other: number };
};

export type SearchResult = {
  query: string;
  /** The expression actually sent to the engine (for --json and debugging). */
  engineQuery: string;
  /**
   * Matches in all. When `totalExact` is false the store stopped counting: there are more than
   * `total` matches (`total` is then the count limit).
   */
  total: number;
  /** False when the matches outnumber the count limit and `total` says only "more than". */
  totalExact: boolean;
  hits: SearchHit[];
  /** Counts of the matches by committee, year, type and key decision; they add up to `total`. */
  facets: SearchFacets;
  /**
   * False when the facets were counted over `total` of the matches only (the count limit), not all
   * of them: every count is then a lower bound, and a value with no counted match is missing.
   */
  facetsExact: boolean;
};

/**
 * How far a search counts. Ranking is always over every match; counting (total and facets) costs
 * one row read per match, so it stops after `countLimit` matches (default SEARCH_COUNT_LIMIT).
 */
export type SearchOptions = { countLimit?: number };

/**
 * Matches counted before a search says "more than". Counting reads one paragraph row per match: at
 * 100,000 meetings 5,000 rows took some 10–25 ms on SQLite, 10,000 took 30–40 ms (BENCHMARKS.md).
 */
export const SEARCH_COUNT_LIMIT = 5_000;

export type StoreStats = {
  engine: "sqlite" | "postgres";
  schemaVersion: number;
  documents: number;
  authorities: number;
  committees: number;
  meetings: number;
  agendaItems: number;
  minutes: number;
  resolutions: number;
  reports: number;
  people: number;
  aliases: number;
  paragraphs: number;
  firstMeeting: string | null;
  lastMeeting: string | null;
  /** Moves whenever a document is stored, replaced or removed, or a merge is undone: a cheap "did the store change?". */
  changes: number;
};

export interface Repository {
  readonly engine: "sqlite" | "postgres";
  /**
   * The database underneath, for feature stores that keep their own tables in the same store and
   * migrations (auth/store.ts: accounts, sessions, roles, audit, exempt content).
   */
  readonly sql: SqlDb;
  /** What the council keeps in Minutebook itself (store/common/office.ts). */
  readonly office: OfficeStore;

  /** Applies pending migrations; returns the versions applied now. Opening a store migrates too. */
  migrate(): Promise<number[]>;
  /** Copies the store to FILE (SQLite: online backup API; PostgreSQL: pg_dump). */
  backup(file: string): Promise<void>;
  close(): Promise<void>;

  /** Stores one parsed document in one transaction, keyed by content hash. */
  importDocument(result: ParseResult, source: ImportSource): Promise<ImportOutcome>;
  /**
   * The "unchanged" outcome when a document with this content hash is already stored (recording a
   * new path if it moved), or null: lets import skip parsing what it already has.
   */
  touchDocument(sha256: string, source: ImportSource): Promise<ImportOutcome | null>;
  /** Moves a wrongly merged alias (and the attendance/declarations it carries) to a new person. */
  unmergeAlias(aliasId: number): Promise<number>;

  listMeetings(filter: MeetingFilter, paging: Paging): Promise<Page<MeetingSummary>>;
  getMeeting(id: number): Promise<MeetingDetail | null>;
  listCommittees(): Promise<CommitteeSummary[]>;
  getCommittee(id: number): Promise<CommitteeDetail | null>;
  listPeople(paging?: Paging): Promise<Page<PersonSummary>>;
  getPerson(id: number): Promise<PersonDetail | null>;
  listDecisions(filter: DecisionFilter, paging?: Paging): Promise<Page<DecisionRecord>>;
  listDocuments(paging?: Paging): Promise<Page<DocumentRef>>;
  /**
   * The exempt parts of one document (or of all), whichever source of their meeting is shown: the
   * document view and the linkers withhold their lines.
   */
  listExemptParts(documentId?: number): Promise<ExemptPartRecord[]>;
  /** Ranked hits over every match; total and facets counted up to a limit (see SearchResult). */
  search(query: string, filters: SearchFilters, paging: Paging, options?: SearchOptions): Promise<SearchResult>;
  stats(): Promise<StoreStats>;
}

/** A store failure a user can act on (bad URL, missing pg_dump, …); the CLI prints the message. */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreError";
  }
}

/** `--db FILE` or DATABASE_URL=postgres://… (PostgreSQL wins when the URL is set). */
export type StoreLocation = { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };

export const DEFAULT_DB_FILE = "data/minutebook.db";

export function storeLocation(dbFlag: string | undefined, env: NodeJS.ProcessEnv = process.env): StoreLocation {
  if (dbFlag) {
    if (/^postgres(ql)?:\/\//.test(dbFlag)) return { kind: "postgres", url: dbFlag };
    return { kind: "sqlite", file: dbFlag };
  }
  const url = env.DATABASE_URL;
  if (url && /^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  return { kind: "sqlite", file: DEFAULT_DB_FILE };
}
