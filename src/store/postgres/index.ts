/**
 * The store at scale: PostgreSQL through node-postgres. Search uses a generated tsvector column
 * with a GIN index, websearch_to_tsquery, ts_rank, and ts_headline on the page of top rows only.
 */
import { execFile } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { MARK_END, MARK_START, toWebsearch } from "../../search/query";
import {
  type EngineSearch,
  type EngineSearchRequest,
  FACET_SAMPLE_INNER,
  facetSampleSql,
  HIT_COLUMNS,
  SqlRepository,
} from "../common/sql-repository";
import { StoreError } from "../repository";
import { numberPlaceholders, type SqlConn, type SqlDb, type SqlValue } from "../sql";
import { POSTGRES_MIGRATIONS } from "./migrations";

type Queryable = { query: (text: string, values?: unknown[]) => Promise<pg.QueryResult> };

class PgConn implements SqlConn {
  constructor(protected q: Queryable) {}

  async all<T>(sql: string, params: SqlValue[] = []): Promise<T[]> {
    return (await this.q.query(numberPlaceholders(sql), params)).rows as T[];
  }
  async get<T>(sql: string, params: SqlValue[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
  async run(sql: string, params: SqlValue[] = []): Promise<number> {
    return (await this.q.query(numberPlaceholders(sql), params)).rowCount ?? 0;
  }
  async insert(sql: string, params: SqlValue[] = []): Promise<number> {
    const row = await this.get<{ id: number }>(sql, params);
    if (!row) throw new Error(`insert returned no id: ${sql}`);
    return Number(row.id);
  }
  async exec(sql: string): Promise<void> {
    await this.q.query(sql);
  }
  /** From the identity column's sequence: never handed out twice, whatever else runs. */
  async reserveIds(table: string, n: number, _floor: number): Promise<number[]> {
    const r = await this.q.query(
      "SELECT nextval(pg_get_serial_sequence($1, 'id'))::integer AS id FROM generate_series(1, $2) ORDER BY 1",
      [table, n],
    );
    return r.rows.map((x) => Number(x.id));
  }
}

class PgDb extends PgConn implements SqlDb {
  constructor(readonly pool: pg.Pool) {
    super(pool);
  }

  async transaction<T>(fn: (tx: SqlConn) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const out = await fn(new PgConn(client));
      await client.query("COMMIT");
      return out;
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

export class PostgresRepository extends SqlRepository {
  readonly engine = "postgres" as const;
  protected readonly migrations = POSTGRES_MIGRATIONS;

  constructor(
    private pgdb: PgDb,
    private url: string,
    readonly schema: string | null,
  ) {
    super(pgdb);
  }

  /** The pool, for tests and benchmarks that compare with raw engine queries. */
  get pool(): pg.Pool {
    return this.pgdb.pool;
  }

  protected override async migrationLock(tx: SqlConn): Promise<void> {
    await tx.get("SELECT pg_advisory_xact_lock(?) AS x", [0x71756f72]);
  }

  async backup(file: string): Promise<void> {
    mkdirSync(dirname(resolve(file)), { recursive: true });
    const args = ["--format=custom", `--file=${file}`, ...(this.schema ? [`--schema=${this.schema}`] : []), this.url];
    try {
      await promisify(execFile)("pg_dump", args, { timeout: 30 * 60_000, maxBuffer: 16 * 1024 * 1024 });
    } catch (e) {
      const err = e as NodeJS.ErrnoException & { stderr?: string };
      if (err.code === "ENOENT")
        throw new StoreError(
          "pg_dump is not installed: install the PostgreSQL client tools (apt-get install postgresql-client) to back up a PostgreSQL store",
        );
      throw new StoreError(`pg_dump failed: ${(err.stderr ?? err.message).trim()}`);
    }
  }

  /**
   * The page is ranked (ts_rank × weight) over the newest `rankWindow` matches that pass the filters:
   * every match when they fit, and past that a bounded read however broad the query (the planner walks
   * the primary key backwards and stops, rather than reading and ranking every match). Committees,
   * documents and ts_headline are joined for the page's rows only. Total and facets come from a
   * separate query that stops reading matches at the count limit.
   */
  protected async engineSearch(conn: SqlConn, req: EngineSearchRequest): Promise<EngineSearch> {
    const text = toWebsearch(req.query);
    if (!text) return { engineQuery: "", rows: [], facets: [], rankedOver: null };
    const cond = req.where.join(" AND ");
    // Three independent reads on separate pooled connections: the page, the facets, the tsquery text.
    const [rows, facets, tsq] = await Promise.all([
      conn.all<Record<string, unknown>>(
        `WITH w AS MATERIALIZED (
           SELECT p.id, ts_rank(p.tsv, q) * p.weight AS rank
           FROM paragraphs p CROSS JOIN websearch_to_tsquery('english', ?) AS q
           WHERE p.tsv @@ q AND ${cond} ORDER BY p.id DESC LIMIT ?)
         SELECT n.read, x.* FROM (SELECT count(*)::integer AS read FROM w) n LEFT JOIN (
           SELECT ${HIT_COLUMNS}, t.rank, ts_headline('english', CASE WHEN p.search_title = '' THEN p.body ELSE p.search_title || ' — ' || p.body END, websearch_to_tsquery('english', ?), ?) AS marked
           FROM (SELECT r.id, r.rank FROM (SELECT * FROM w ORDER BY id DESC LIMIT ?) r
                 ORDER BY r.rank DESC, r.id LIMIT ? OFFSET ?) t
           JOIN paragraphs p ON p.id = t.id JOIN committees c ON c.id = p.committee_id JOIN documents d ON d.id = p.document_id) x ON true
         ORDER BY x.rank DESC, x.id`,
        [
          text,
          ...req.params,
          req.rankWindow + 1,
          text,
          HEADLINE_OPTIONS,
          req.rankWindow,
          req.paging.limit,
          req.paging.offset,
        ],
      ),
      conn.all<Record<string, unknown>>(
        facetSampleSql(`SELECT ${FACET_SAMPLE_INNER} FROM paragraphs p CROSS JOIN websearch_to_tsquery('english', ?) AS q
          WHERE p.tsv @@ q AND ${cond} LIMIT ?`),
        [text, ...req.params, req.countLimit + 1],
      ),
      conn.get<{ q: string }>("SELECT websearch_to_tsquery('english', ?)::text AS q", [text]),
    ]);
    const read = Number(rows[0]?.read ?? 0);
    return {
      engineQuery: tsq?.q ?? text,
      rows: rows.filter((r) => r.id !== null),
      facets,
      rankedOver: read > req.rankWindow ? req.rankWindow : null,
    };
  }
}

/**
 * Opens the PostgreSQL store at `url` and migrates it. `schema` (tests) puts every table in that
 * schema through search_path, creating it if needed.
 */
export async function openPostgres(opts: {
  url: string;
  schema?: string;
  migrate?: boolean;
}): Promise<PostgresRepository> {
  const schema = opts.schema ?? null;
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new StoreError(`invalid schema name "${schema}"`);
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: 4,
    // A server that does not answer (network gone) fails a query in 10 s rather than holding it for ever.
    connectionTimeoutMillis: 10_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on("error", () => undefined); // idle client errors surface on the next query instead of crashing
  try {
    if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    else await pool.query("SELECT 1");
  } catch (e) {
    await pool.end().catch(() => undefined);
    throw new StoreError(`cannot connect to PostgreSQL: ${(e as Error).message}`);
  }
  const repo = new PostgresRepository(new PgDb(pool), opts.url, schema);
  if (opts.migrate !== false) await repo.migrate();
  return repo;
}
