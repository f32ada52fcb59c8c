/**
 * The store's contract: what import writes and what the CLI, the portal and the API read.
 * Two adapters implement it (store/sqlite: embedded, one file; store/postgres: at scale) and one
 * conformance suite (store/conformance.ts) holds them to the same behaviour.
 *
 * Ids are plain numbers. Dates are ISO "YYYY-MM-DD" strings. Every record read back carries its
 * provenance: the document it came from and the span (lines, page) inside that document.
 * Exempt material (Schedule 12A) is never stored beyond the minute's title and paragraph numbers.
 */

import type { ParseResult } from "../model/parse-v1";
import type {
  CommitteeDetail,
  CommitteeSummary,
  DecisionRecord,
  DocumentRef,
  ExemptPartRecord,
  MeetingDetail,
  MeetingSummary,
  Page,
  ParagraphType,
  PersonDetail,
  PersonSummary,
  SearchResult,
  StoreStats,
} from "../model/records";
import type { LinkStore } from "./common/links";
import type { OfficeStore } from "./common/office";
import type { SqlDb } from "./sql";

// The records the store reads back are defined once, as zod schemas, in model/records.ts.
export {
  type AgendaItemRecord,
  type AliasRecord,
  type AttendanceRecord,
  type CommitteeDetail,
  type CommitteeRef,
  type CommitteeSummary,
  type DecisionRecord,
  type DeclarationRecord,
  type DocumentRef,
  type ExemptPartRecord,
  type MeetingDetail,
  type MeetingSummary,
  type MembershipRecord,
  type MinuteRecord,
  PARAGRAPH_TYPES,
  type Page,
  type ParagraphType,
  type PersonAttendance,
  type PersonDetail,
  type PersonRef,
  type PersonSummary,
  type Provenance,
  type ReportRecord,
  type ResolutionRecord,
  type SearchFacets,
  type SearchHit,
  type SearchResult,
  type StoreStats,
} from "../model/records";

// ---------------------------------------------------------------------------------------------
// Import

export type ImportStatus = "new" | "unchanged" | "replaced";

/** The outcome of storing one parsed document (one transaction). */
export type ImportOutcome = {
  status: ImportStatus;
  documentId: number;
  /** Meetings this document speaks of (merged or created). */
  meetings: number;
  /** Their ids, so a run over many documents can count each meeting once. */
  meetingIds: number[];
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
export type ImportSource = {
  path: string | null;
  lines?: string[] | null;
  /** The original file (its SHA-256 must be the parse's): kept once per content hash, served as the original. */
  bytes?: Uint8Array | null;
  /** Where the document came from, as the public may see it: a URL when given, else its file name (the default). */
  origin?: string | null;
  /** The council of a document that prints none (`import --council`, a folder's minutebook.json). */
  council?: string | null;
};

/** An imported document's original file as kept (bytes null when imported before the store kept files). */
export type OriginalFile = {
  id: number;
  name: string;
  format: string;
  sha256: string;
  bytes: Uint8Array | null;
  /** The server path it was read from: for re-reading an old import only, never shown. */
  path: string | null;
};

// ---------------------------------------------------------------------------------------------
// Reads

export type Paging = { limit: number; offset: number };

export type MeetingFilter = { committee?: number | string; from?: string; to?: string };

export type DecisionFilter = MeetingFilter & { keyOnly?: boolean };

/** The people list: part of a name (any printed form), and one council by its exact name. */
export type PeopleListFilter = { q?: string; council?: string };

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

/**
 * How far a search counts and ranks. Counting (total and facets) costs one row read per match, so it
 * stops after `countLimit` matches (default SEARCH_COUNT_LIMIT). Ranking is over every match when
 * there are at most `rankWindow` (default SEARCH_RANK_WINDOW); past that, over the `rankWindow`
 * most recently stored matches only (SearchResult.rankedOver says so).
 */
export type SearchOptions = { countLimit?: number; rankWindow?: number };

/**
 * Matches counted before a search says "more than". Counting reads one paragraph row per match: at
 * 100,000 meetings 5,000 rows took some 10–25 ms on SQLite, 10,000 took 30–40 ms (BENCHMARKS.md).
 */
export const SEARCH_COUNT_LIMIT = 5_000;

/**
 * Matches ranked before a search ranks the most recently stored ones only. Ranking every match of a
 * broad query ("transport -bus": 229,784 at 100,000 meetings) cost 110 ms on SQLite and 510 ms on
 * PostgreSQL; reading the newest 10,000 costs a bounded amount whatever the store's size (BENCHMARKS.md).
 */
export const SEARCH_RANK_WINDOW = 10_000;

export interface Repository {
  readonly engine: "sqlite" | "postgres";
  /**
   * The database underneath, for feature stores that keep their own tables in the same store and
   * migrations (auth/store.ts: accounts, sessions, roles, audit, exempt content).
   */
  readonly sql: SqlDb;
  /** What the council keeps in Minutebook itself (store/common/office.ts). */
  readonly office: OfficeStore;
  /** Cross-meeting links as computed at import, per council (store/common/links.ts). */
  readonly links: LinkStore;

  /** Applies pending migrations; returns the versions applied now. Opening a store migrates too. */
  migrate(): Promise<number[]>;
  /** The highest migration applied (0 for a database Minutebook never set up; may throw if it has no tables). */
  schemaVersion(): Promise<number>;
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
  /** Merges OTHER into KEEP (one council's people the rules kept apart); returns KEEP. */
  mergePeople(keepId: number, otherId: number): Promise<number>;
  /** Pairs of one council's people the rules kept apart that may be one person, for an officer to decide. */
  doubtfulPeople(limit?: number): Promise<DoubtfulPair[]>;

  listMeetings(filter: MeetingFilter, paging: Paging): Promise<Page<MeetingSummary>>;
  getMeeting(id: number): Promise<MeetingDetail | null>;
  listCommittees(): Promise<CommitteeSummary[]>;
  getCommittee(id: number): Promise<CommitteeDetail | null>;
  listPeople(paging?: Paging, filter?: PeopleListFilter): Promise<Page<PersonSummary>>;
  getPerson(id: number): Promise<PersonDetail | null>;
  listDecisions(filter: DecisionFilter, paging?: Paging): Promise<Page<DecisionRecord>>;
  listDocuments(paging?: Paging): Promise<Page<DocumentRef>>;
  /** A document's original file (see OriginalFile), or null when there is no such document. */
  getOriginal(documentId: number): Promise<OriginalFile | null>;
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
/**
 * Whether an error means the store cannot be reached just now (PostgreSQL stopped, restarting or
 * across a broken network), as opposed to a fault in the query or the data: the portal then keeps
 * serving what it has cached and says the rest must wait.
 */
export function isStoreUnreachable(e: unknown): boolean {
  const err = e as { code?: string; message?: string; cause?: unknown } | null;
  if (!err) return false;
  // Node's socket errors, and PostgreSQL's admin_shutdown, crash_shutdown, cannot_connect_now.
  const codes = [
    "ECONNREFUSED",
    "ECONNRESET",
    "EPIPE",
    "ETIMEDOUT",
    "EHOSTUNREACH",
    "ENOTFOUND",
    "57P01",
    "57P02",
    "57P03",
  ];
  if (err.code && codes.includes(err.code)) return true;
  if (
    /Connection terminated|connection .*closed|Client has encountered a connection error|timeout exceeded when trying to connect|the database system is (starting up|shutting down)|cannot connect to PostgreSQL/i.test(
      err.message ?? "",
    )
  )
    return true;
  if (err instanceof AggregateError) return err.errors.some(isStoreUnreachable);
  return err.cause ? isStoreUnreachable(err.cause) : false;
}

/** Two people of one council who may be one (shown on the quality page with the merge command). */
export type DoubtfulPair = {
  council: string;
  a: { id: number; name: string };
  b: { id: number; name: string };
  why: string;
};

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
