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
   * One pass over the newest matches that pass the filters (FTS5 walks its doclists by rowid, so the
   * pass stops where its LIMIT says, however many match): the first `countLimit + 1` give total and
   * facets, the first `rankWindow` are ranked (bm25 × weight) for the page. When the matches fit in
   * the window the page is the best of every match; past it, the best of the newest `rankWindow`.
   * Committees, documents and snippet() are read for the page's rows only.
   */
  protected async engineSearch(conn: SqlConn, req: EngineSearchRequest): Promise<EngineSearch> {
    const match = toFts5(req.query);
    if (!match) return { engineQuery: "", rows: [], facets: [], rankedOver: null };
    const { countLimit, rankWindow } = req;
    // CROSS JOIN keeps FTS5 as the outer loop: with a plain JOIN and a committee filter, SQLite's
    // planner walked the paragraphs index and re-ran the MATCH for each of the committee's rows.
    // INDEXED BY reads each match's filter and facet columns from the narrow paragraphs_search index
    // (migration 24), not from the table's wide rows: SQLite's planner would take the rowid lookup.
    const rows = await conn.all<Row>(
      `WITH m AS MATERIALIZED (
         SELECT -bm25(paragraphs_fts, 3.0, 1.0) * p.weight AS rank, ${FACET_SAMPLE_INNER}
         FROM paragraphs_fts CROSS JOIN paragraphs p INDEXED BY paragraphs_search ON p.id = paragraphs_fts.rowid
         WHERE paragraphs_fts MATCH ? AND ${req.where.join(" AND ")} ORDER BY paragraphs_fts.rowid DESC LIMIT ?)
       SELECT NULL AS id, NULL AS rank, ${FACET_COLUMNS.replaceAll("p.", "")}, min(id) AS min_id
         FROM (SELECT * FROM m ORDER BY id DESC LIMIT ?) ${FACET_GROUP.replaceAll("p.", "")}
       UNION ALL
       SELECT -1, NULL, NULL, NULL, NULL, NULL, (SELECT count(*) FROM m), NULL
       UNION ALL
       SELECT * FROM (SELECT id, rank, NULL, NULL, NULL, NULL, NULL, NULL
         FROM (SELECT id, rank FROM m ORDER BY id DESC LIMIT ?) ORDER BY rank DESC, id LIMIT ? OFFSET ?)`,
      [
        match,
        ...req.params,
        Math.max(countLimit, rankWindow) + 1,
        countLimit + 1,
        rankWindow,
        req.paging.limit,
        req.paging.offset,
      ],
    );
    const facets = rows.filter((r) => r.id === null);
    const page = rows.filter((r) => r.id !== null && Number(r.id) >= 0);
    const read = Number(rows.find((r) => Number(r.id) === -1)?.n ?? 0);
    return {
      engineQuery: match,
      rows: await this.pageOf(
        conn,
        match,
        page.map((r) => ({ id: Number(r.id), rank: Number(r.rank) })),
      ),
      facets,
      rankedOver: read > rankWindow ? rankWindow : null,
    };
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
}

type Row = Record<string, unknown>;
type Ranked = { id: number; rank: number };

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
