/**
 * The embedded store: one SQLite file through better-sqlite3, in WAL mode so a killed import keeps
 * every committed document, with FTS5 (external content, bm25, snippet()) for search.
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { MARK_END, MARK_START, toFts5 } from "../../search/query";
import {
  type EngineSearch,
  type EngineSearchRequest,
  FACET_COLUMNS,
  FACET_GROUP,
  FACET_SAMPLE_INNER,
  facetSampleSql,
  HIT_COLUMNS,
  SqlRepository,
} from "../common/sql-repository";
import { placeholders, type SqlConn, type SqlDb, type SqlValue } from "../sql";
import { SQLITE_MIGRATIONS } from "./migrations";

class SqliteDb implements SqlDb {
  private statements = new Map<string, Database.Statement>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly raw: Database.Database) {}

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.raw.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  async all<T>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return this.stmt(sql).all(...params) as T[];
  }
  async get<T>(sql: string, params: SqlValue[] = []): Promise<T | undefined> {
    return this.stmt(sql).get(...params) as T | undefined;
  }
  async run(sql: string, params: SqlValue[] = []): Promise<number> {
    return this.stmt(sql).run(...params).changes;
  }
  async insert(sql: string, params: SqlValue[] = []): Promise<number> {
    const row = this.stmt(sql).get(...params) as { id: number } | undefined;
    if (!row) throw new Error(`insert returned no id: ${sql}`);
    return Number(row.id);
  }
  async exec(sql: string): Promise<void> {
    this.raw.exec(sql);
  }
  /** Inside a write transaction (BEGIN IMMEDIATE) nobody else can insert: the next ids are ours. */
  async reserveIds(table: string, n: number, floor: number): Promise<number[]> {
    const row = this.stmt(`SELECT COALESCE(max(id), 0) AS m FROM ${table}`).get() as { m: number };
    const start = Math.max(Number(row.m), floor) + 1;
    return Array.from({ length: n }, (_, i) => start + i);
  }

  /** One transaction at a time on this connection (BEGIN IMMEDIATE takes the write lock up front). */
  transaction<T>(fn: (tx: SqlConn) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      this.raw.exec("BEGIN IMMEDIATE");
      try {
        const out = await fn(this);
        this.raw.exec("COMMIT");
        return out;
      } catch (e) {
        if (this.raw.inTransaction) this.raw.exec("ROLLBACK");
        throw e;
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.queue;
    if (this.raw.open) this.raw.close();
  }
}

export class SqliteRepository extends SqlRepository {
  readonly engine = "sqlite" as const;
  protected readonly migrations = SQLITE_MIGRATIONS;

  constructor(
    private sqlite: SqliteDb,
    readonly file: string,
  ) {
    super(sqlite);
  }

  /** The underlying connection, for tests and benchmarks that compare with raw engine queries. */
  get raw(): Database.Database {
    return this.sqlite.raw;
  }

  async backup(file: string): Promise<void> {
    mkdirSync(dirname(resolve(file)), { recursive: true });
    await this.sqlite.raw.backup(file);
  }

  /**
   * How many of the best matches by text alone (FTS5's bm25, no row reads) are read before ranking
   * with the paragraphs' weights; at least four times the page. Tests lower it to reach the fallback.
   */
  searchCandidates = 200;

  /**
   * Ranks before joining: committees, documents and snippet() are read for the page's rows only.
   * Total and facets are a separate pass that stops at the count limit (newest matches first: FTS5
   * walks its doclists by rowid), so their cost does not grow with the matches past it.
   */
  protected async engineSearch(conn: SqlConn, req: EngineSearchRequest): Promise<EngineSearch> {
    const match = toFts5(req.query);
    if (!match) return { engineQuery: "", rows: [], facets: [] };
    // CROSS JOIN keeps FTS5 as the outer loop: with a plain JOIN and a committee filter, SQLite's
    // planner walked the paragraphs index and re-ran the MATCH for each of the committee's rows.
    const sample = `FROM paragraphs_fts CROSS JOIN paragraphs p ON p.id = paragraphs_fts.rowid
      WHERE paragraphs_fts MATCH ? AND ${req.where.join(" AND ")} ORDER BY paragraphs_fts.rowid DESC LIMIT ?`;
    const sampleParams = [match, ...req.params, req.countLimit + 1];
    if (req.narrow) {
      // A committee or date filter passes few of the matches FTS5 walks: one pass keeps those (up to the
      // count limit) with their rank, and both counts and ranks them when they all fit.
      const counted = await conn.all<Row>(
        `WITH m AS MATERIALIZED (SELECT -bm25(paragraphs_fts, 3.0, 1.0) * p.weight AS rank, ${FACET_SAMPLE_INNER} ${sample})
         SELECT NULL AS id, NULL AS rank, ${FACET_COLUMNS.replaceAll("p.", "")}, min(id) AS min_id FROM m ${FACET_GROUP.replaceAll("p.", "")}
         UNION ALL
         SELECT * FROM (SELECT id, rank, NULL, NULL, NULL, NULL, NULL, NULL FROM m ORDER BY rank DESC, id LIMIT ? OFFSET ?)`,
        [...sampleParams, req.paging.limit, req.paging.offset],
      );
      const facets = counted.filter((r) => r.id === null);
      const all = facets.reduce((n, r) => n + Number(r.n), 0) <= req.countLimit;
      const top = counted.filter((r) => r.id !== null).map((r) => ({ id: Number(r.id), rank: Number(r.rank) }));
      return {
        engineQuery: match,
        rows: all ? await this.pageOf(conn, match, top) : await this.pageOverJoin(conn, match, req),
        facets,
      };
    }
    const facets = await conn.all<Row>(facetSampleSql(`SELECT ${FACET_SAMPLE_INNER} ${sample}`), sampleParams);
    // More matches than were counted: the best by text alone usually settle the page without reading
    // every row. Fewer: ranking them all over the join costs no more than the count did.
    const few = facets.reduce((n, r) => n + Number(r.n), 0) <= req.countLimit;
    const top = few ? null : await this.topFromCandidates(conn, match, req);
    return {
      engineQuery: match,
      rows: top ? await this.pageOf(conn, match, top) : await this.pageOverJoin(conn, match, req),
      facets,
    };
  }

  /**
   * The page ranked over every match joined to its paragraph row (weight, shadowed, filters); the
   * snippet is computed for the rows kept only, and committees and documents joined after the LIMIT.
   */
  private async pageOverJoin(conn: SqlConn, match: string, req: EngineSearchRequest): Promise<Row[]> {
    return conn.all<Row>(
      `SELECT t.*, c.name AS committee_name, d.name AS document_name FROM (
         SELECT ${PAGE_COLUMNS}, -bm25(paragraphs_fts, 3.0, 1.0) * p.weight AS rank,
           snippet(paragraphs_fts, -1, ?, ?, '…', 24) AS marked
         FROM paragraphs_fts CROSS JOIN paragraphs p ON p.id = paragraphs_fts.rowid
         WHERE paragraphs_fts MATCH ? AND ${req.where.join(" AND ")} ORDER BY rank DESC, p.id LIMIT ? OFFSET ?) t
       JOIN committees c ON c.id = t.committee_id JOIN documents d ON d.id = t.document_id
       ORDER BY t.rank DESC, t.id`,
      [MARK_START, MARK_END, match, ...req.params, req.paging.limit, req.paging.offset],
    );
  }

  /** HIT_COLUMNS and snippet() for ranked ids, in their order. */
  private async pageOf(conn: SqlConn, match: string, top: Ranked[]): Promise<Row[]> {
    if (!top.length) return [];
    const details = await conn.all<Row>(
      `SELECT ${HIT_COLUMNS}, snippet(paragraphs_fts, -1, ?, ?, '…', 24) AS marked
       FROM paragraphs_fts CROSS JOIN paragraphs p ON p.id = paragraphs_fts.rowid
       JOIN committees c ON c.id = p.committee_id JOIN documents d ON d.id = p.document_id
       WHERE paragraphs_fts MATCH ? AND paragraphs_fts.rowid IN (${placeholders(top.length)})`,
      [MARK_START, MARK_END, match, ...top.map((t) => t.id)],
    );
    const byId = new Map(details.map((d) => [Number(d.id), d]));
    return top.flatMap((t) => {
      const d = byId.get(t.id);
      return d ? [{ ...d, rank: t.rank }] : [];
    });
  }

  /**
   * The page from the best `k` matches by text score s alone, when that provably is the page over
   * every match; null when it cannot be shown (then pageOverJoin answers). The proof: rank = s ×
   * weight with 0 ≤ weight ≤ 1 (import/records.ts gives 1, or PROCEDURAL_WEIGHT to procedural
   * items), so no unread match ranks above the k-th candidate's s; candidates come in (s desc, rowid)
   * order, so an unread match tying that s has a higher id and sorts after it too.
   */
  private async topFromCandidates(conn: SqlConn, match: string, req: EngineSearchRequest): Promise<Ranked[] | null> {
    const { offset, limit } = req.paging;
    const need = offset + limit;
    const k = Math.max(this.searchCandidates, 4 * need);
    const rows = await conn.all<Row>(
      `WITH c AS (SELECT paragraphs_fts.rowid AS id, -bm25(paragraphs_fts, 3.0, 1.0) AS s FROM paragraphs_fts
         WHERE paragraphs_fts MATCH ? ORDER BY s DESC, paragraphs_fts.rowid LIMIT ?)
       SELECT c.id, c.s, p.weight, CASE WHEN ${req.where.join(" AND ")} THEN 1 ELSE 0 END AS ok
       FROM c CROSS JOIN paragraphs p ON p.id = c.id`,
      [match, k, ...req.params],
    );
    const cands = rows.map((r) => ({
      id: Number(r.id),
      s: Number(r.s),
      weight: Number(r.weight),
      ok: Number(r.ok) === 1,
    }));
    if (cands.some((c) => !(c.weight >= 0 && c.weight <= 1))) return null;
    const ranked = cands
      .filter((c) => c.ok)
      .map((c) => ({ id: c.id, rank: c.s * c.weight }))
      .sort((a, b) => b.rank - a.rank || a.id - b.id);
    if (cands.length < k) return ranked.slice(offset, need); // every match was read
    const last = cands.reduce((a, b) => (b.s < a.s || (b.s === a.s && b.id > a.id) ? b : a));
    const kth = ranked[need - 1];
    if (!kth || !(last.s > 0)) return null;
    return kth.rank > last.s || (kth.rank === last.s && kth.id <= last.id) ? ranked.slice(offset, need) : null;
  }
}

type Row = Record<string, unknown>;
type Ranked = { id: number; rank: number };
/** HIT_COLUMNS less the committee and document names, which are joined after the LIMIT. */
const PAGE_COLUMNS = `p.id, p.type, p.title, p.key_decision, p.meeting_id, p.meeting_date, p.committee_id,
  p.document_id, p.span_start, p.span_end, p.page`;

/** Opens (creating if needed) the SQLite store at `file` and migrates it. ":memory:" works for tests. */
export async function openSqlite(opts: { file: string; migrate?: boolean }): Promise<SqliteRepository> {
  if (opts.file !== ":memory:") mkdirSync(dirname(resolve(opts.file)), { recursive: true });
  const raw = new Database(opts.file);
  raw.pragma("journal_mode = WAL");
  raw.pragma("synchronous = NORMAL");
  raw.pragma("busy_timeout = 10000");
  raw.pragma("foreign_keys = ON");
  const repo = new SqliteRepository(new SqliteDb(raw), opts.file);
  if (opts.migrate !== false) await repo.migrate();
  return repo;
}
