/**
 * The Repository on top of SqlDb: migrations, import and reads are the same SQL on both engines;
 * each adapter supplies only its full-text search (FTS5 or tsvector) and its backup.
 */
import type { ParseResult } from "../../model/parse-v1";
import { snippetHtml, snippetText } from "../../search/query";
import {
  type DecisionFilter,
  type ImportSource,
  type MeetingFilter,
  type OriginalFile,
  PARAGRAPH_TYPES,
  type Paging,
  type ParagraphType,
  type PeopleListFilter,
  type Repository,
  SEARCH_COUNT_LIMIT,
  SEARCH_RANK_WINDOW,
  type SearchFacets,
  type SearchFilters,
  type SearchHit,
  type SearchOptions,
  type SearchResult,
} from "../repository";
import { placeholders, type SqlConn, type SqlDb, type SqlValue } from "../sql";
import { LinkStore } from "./links";
import { MinutesStore } from "./minutes";
import { OfficeStore } from "./office";
import { clampPaging, filterSql, Reader, spanOf } from "./read";
import { type Migration, OFFICE_TABLES } from "./schema";
import { importDocument, mergePeople, touchDocument, unmergeAlias } from "./write";

type Row = Record<string, unknown>;

export const TABLES = [
  "documents",
  "authorities",
  "committees",
  "meetings",
  "meeting_sources",
  "decision_records",
  "agenda_items",
  "minutes",
  "resolutions",
  "reports",
  "people",
  "person_aliases",
  "membership",
  "attendance",
  "declarations",
  "paragraphs",
  "exempt_parts",
  "votes",
  "vote_casts",
] as const;

/** What an engine's search returns: the page of rows (with `rank` and `marked` snippet) and facet rows. */
export type EngineSearch = {
  engineQuery: string;
  /** The page, best first: HIT_COLUMNS, `rank` and the `marked` snippet. */
  rows: Row[];
  /**
   * FACET_COLUMNS and `min_id` grouped over at most `countLimit + 1` matches (no joins: names are
   * looked up after); more than `countLimit` counted means the count stopped there.
   */
  facets: Row[];
  /** Null when the page was ranked over every match; else how many (most recently stored) it was ranked among. */
  rankedOver: number | null;
};

/** What search() hands an engine: the query, the filter conditions (on paragraphs p) and how far to count. */
export type EngineSearchRequest = {
  query: string;
  where: string[];
  params: SqlValue[];
  paging: Paging;
  countLimit: number;
  /** Rank every match when there are at most this many; else the this-many most recently stored. */
  rankWindow: number;
  /** A committee or date filter is set: few of the best matches overall may pass it. */
  narrow: boolean;
};

/** Columns every engine's search selects, from paragraphs p, committees c and documents d. */
export const HIT_COLUMNS = `p.id, p.type, p.title, p.key_decision, p.meeting_id, p.meeting_date, p.committee_id,
  c.name AS committee_name, p.document_id, d.name AS document_name, p.span_start, p.span_end, p.page`;
export const FACET_COLUMNS = `p.committee_id, substr(p.meeting_date, 1, 4) AS year, p.type, p.key_decision,
  CAST(count(*) AS INTEGER) AS n`;
export const FACET_GROUP = "GROUP BY p.committee_id, substr(p.meeting_date, 1, 4), p.type, p.key_decision";
/** The columns an engine's capped facet query reads for each counted match. */
export const FACET_SAMPLE_INNER = "p.id, p.committee_id, p.meeting_date, p.type, p.key_decision";
/**
 * Facet rows over a capped sample of matches (`inner` selects FACET_SAMPLE_INNER with its LIMIT):
 * `min_id` lets search() drop the one match past the limit, so the counts cover exactly `countLimit`.
 */
export const facetSampleSql = (inner: string): string =>
  `SELECT ${FACET_COLUMNS}, min(p.id) AS min_id FROM (${inner}) p ${FACET_GROUP}`;

export abstract class SqlRepository implements Repository {
  abstract readonly engine: "sqlite" | "postgres";
  protected abstract readonly migrations: Migration[];

  /** What the council keeps in Minutebook itself: committees, people, memberships, calendar, interests. */
  readonly office: OfficeStore;
  /** The meeting record: minutes drafts and versions, signatures, decision notices, pending items. */
  readonly minutes: MinutesStore;
  /** Cross-meeting links as computed at import, per council (store/common/links.ts). */
  readonly links: LinkStore;

  constructor(protected db: SqlDb) {
    this.office = new OfficeStore(db);
    this.minutes = new MinutesStore(db);
    this.links = new LinkStore(db);
  }

  get sql(): SqlDb {
    return this.db;
  }

  abstract backup(file: string): Promise<void>;
  /** Full-text search with the filter conditions (on paragraphs p) already built. */
  protected abstract engineSearch(conn: SqlConn, req: EngineSearchRequest): Promise<EngineSearch>;
  /** Taken inside the migration transaction so two processes never migrate at once. */
  protected async migrationLock(_tx: SqlConn): Promise<void> {}

  async migrate(): Promise<number[]> {
    await this.db.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    );
    const applied: number[] = [];
    for (const m of this.migrations) {
      const done = await this.db.transaction(async (tx) => {
        await this.migrationLock(tx);
        if (await tx.get("SELECT version FROM schema_migrations WHERE version = ?", [m.version])) return false;
        await tx.exec(m.sql);
        await tx.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", [
          m.version,
          m.name,
          new Date().toISOString(),
        ]);
        return true;
      });
      if (done) applied.push(m.version);
    }
    return applied;
  }

  async schemaVersion(): Promise<number> {
    const r = await this.db.get<{ v: number | null }>("SELECT max(version) AS v FROM schema_migrations");
    return Number(r?.v ?? 0);
  }

  /** Row counts of every table (tests compare interrupted and uninterrupted imports with these). */
  async tableCounts(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const t of TABLES)
      out[t] = Number((await this.db.get<{ n: number }>(`SELECT CAST(count(*) AS INTEGER) AS n FROM ${t}`))?.n ?? 0);
    return out;
  }

  /** Runs one statement: tests use it to put a store in the state an older version left it in. */
  async runForTests(sql: string, params: SqlValue[] = []): Promise<void> {
    await this.db.run(sql, params);
  }

  /** Every stored row as JSON text (tests assert exempt content appears nowhere). */
  async dumpText(): Promise<string> {
    const parts: string[] = [];
    for (const t of [...TABLES, ...OFFICE_TABLES]) parts.push(JSON.stringify(await this.db.all(`SELECT * FROM ${t}`)));
    return parts.join("\n");
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  importDocument(result: ParseResult, source: ImportSource) {
    return this.db.transaction((tx) => importDocument(tx, result, source));
  }

  async touchDocument(sha256: string, source: ImportSource) {
    // Most files in a first import are new: a plain read answers without a transaction.
    if (!(await this.db.get("SELECT 1 AS x FROM documents WHERE sha256 = ?", [sha256]))) return null;
    return this.db.transaction((tx) => touchDocument(tx, sha256, source));
  }

  unmergeAlias(aliasId: number) {
    return this.db.transaction((tx) => unmergeAlias(tx, aliasId));
  }

  doubtfulPeople(limit?: number) {
    return this.reader().doubtfulPeople(limit);
  }

  mergePeople(keepId: number, otherId: number) {
    return this.db.transaction((tx) => mergePeople(tx, keepId, otherId));
  }

  private reader(): Reader {
    return new Reader(this.db);
  }

  listMeetings(filter: MeetingFilter, paging: Paging) {
    return this.reader().listMeetings(filter, paging);
  }
  getMeeting(id: number) {
    return this.reader().getMeeting(id);
  }
  listCommittees() {
    return this.reader().listCommittees();
  }
  getCommittee(id: number) {
    return this.reader().getCommittee(id);
  }
  listPeople(paging?: Paging, filter?: PeopleListFilter) {
    return this.reader().listPeople(paging, filter);
  }
  getPerson(id: number) {
    return this.reader().getPerson(id);
  }
  listDecisions(filter: DecisionFilter, paging?: Paging) {
    return this.reader().listDecisions(filter, paging);
  }
  listDocuments(paging?: Paging) {
    return this.reader().listDocuments(paging);
  }
  async getOriginal(documentId: number): Promise<OriginalFile | null> {
    const r = await this.db.get<Row>(
      `SELECT d.id, d.name, d.format, d.sha256, d.path, f.bytes FROM documents d
       LEFT JOIN document_files f ON f.sha256 = d.sha256 WHERE d.id = ?`,
      [documentId],
    );
    if (!r) return null;
    return {
      id: Number(r.id),
      name: String(r.name),
      format: String(r.format),
      sha256: String(r.sha256),
      bytes: r.bytes ? new Uint8Array(r.bytes as Uint8Array) : null,
      path: r.path === null ? null : String(r.path),
    };
  }

  listExemptParts(documentId?: number) {
    return this.reader().listExemptParts(documentId);
  }
  async stats() {
    return this.reader().stats(this.engine, await this.schemaVersion());
  }

  async search(query: string, filters: SearchFilters, paging: Paging, options?: SearchOptions): Promise<SearchResult> {
    const p = clampPaging(paging, 200);
    const want = Number(options?.countLimit ?? SEARCH_COUNT_LIMIT);
    const countLimit = Number.isNaN(want) ? SEARCH_COUNT_LIMIT : Math.min(Math.max(1, Math.floor(want)), 1e9);
    const wantWindow = Number(options?.rankWindow ?? SEARCH_RANK_WINDOW);
    const rankWindow = Number.isNaN(wantWindow)
      ? SEARCH_RANK_WINDOW
      : Math.min(Math.max(1, Math.floor(wantWindow)), 1e9);
    const empty: SearchResult = {
      query,
      engineQuery: "",
      total: 0,
      totalExact: true,
      hits: [],
      facets: { committee: [], year: [], type: [], keyDecision: { key: 0, other: 0 } },
      facetsExact: true,
      rankedOver: null,
    };
    const f = await filterSql(this.db, filters, { committee: "p.committee_id", date: "p.meeting_date" });
    if (!f) return empty;
    const where = ["p.shadowed = 0", ...f.where];
    const params = [...f.params];
    if (filters.type !== undefined) {
      if (!PARAGRAPH_TYPES.includes(filters.type)) return empty;
      where.push("p.type = ?");
      params.push(filters.type);
    }
    if (filters.keyDecision !== undefined) {
      where.push(filters.keyDecision ? "p.key_decision = 1" : "(p.key_decision IS NULL OR p.key_decision <> 1)");
    }
    const r = await this.engineSearch(this.db, {
      query: String(query ?? ""),
      where,
      params,
      paging: p,
      countLimit,
      rankWindow,
      narrow: f.where.length > 0,
    });
    // Counted past the limit: drop the one extra match (the group holding the sample's lowest id)
    // so that total and every facet cover exactly `countLimit` matches.
    const counted = r.facets.reduce((n, row) => n + Number(row.n), 0);
    const exact = counted <= countLimit;
    if (!exact) {
      const extra = r.facets.reduce((a, b) => (Number(b.min_id) < Number(a.min_id) ? b : a));
      extra.n = Number(extra.n) - 1;
    }
    const facets: SearchFacets = { committee: [], year: [], type: [], keyDecision: { key: 0, other: 0 } };
    const committees = new Map<number, { id: number; name: string; count: number }>();
    const years = new Map<string, number>();
    const types = new Map<ParagraphType, number>();
    let total = 0;
    for (const row of r.facets) {
      const n = Number(row.n);
      if (n === 0) continue;
      total += n;
      const cid = Number(row.committee_id);
      const c = committees.get(cid) ?? { id: cid, name: "", count: 0 };
      c.count += n;
      committees.set(cid, c);
      if (row.year) years.set(String(row.year), (years.get(String(row.year)) ?? 0) + n);
      const t = row.type as ParagraphType;
      types.set(t, (types.get(t) ?? 0) + n);
      if (Number(row.key_decision) === 1) facets.keyDecision.key += n;
      else facets.keyDecision.other += n;
    }
    if (committees.size) {
      const ids = [...committees.keys()];
      const names = await this.db.all<{ id: number; name: string }>(
        `SELECT id, name FROM committees WHERE id IN (${placeholders(ids.length)})`,
        ids,
      );
      for (const n of names) committees.get(Number(n.id))!.name = n.name;
    }
    facets.committee = [...committees.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    facets.year = [...years].map(([year, count]) => ({ year, count })).sort((a, b) => b.year.localeCompare(a.year));
    facets.type = [...types].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count);
    const hits: SearchHit[] = r.rows.map((row) => {
      const marked = String(row.marked ?? "");
      return {
        paragraphId: Number(row.id),
        type: row.type as ParagraphType,
        title: String(row.title),
        snippetHtml: snippetHtml(marked),
        snippetText: snippetText(marked),
        score: Number(row.rank),
        keyDecision: row.key_decision === null ? null : Number(row.key_decision) === 1,
        meeting: {
          id: Number(row.meeting_id),
          committee: { id: Number(row.committee_id), name: String(row.committee_name) },
          date: row.meeting_date === null ? null : String(row.meeting_date),
        },
        provenance: { documentId: Number(row.document_id), documentName: String(row.document_name), span: spanOf(row) },
      };
    });
    return {
      query,
      engineQuery: r.engineQuery,
      total,
      totalExact: exact,
      hits,
      facets,
      facetsExact: exact,
      rankedOver: r.rankedOver,
    };
  }
}
