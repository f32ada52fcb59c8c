/**
 * The small SQL surface both engines share. Statements are written once with `?` placeholders
 * (PostgreSQL's adapter numbers them) and values are always bound, never spliced into the text.
 */

/** Bytes (Uint8Array) go to BLOB on SQLite and BYTEA on PostgreSQL. */
export type SqlValue = string | number | null | Uint8Array;

export interface SqlConn {
  all<T = Record<string, unknown>>(sql: string, params?: SqlValue[]): Promise<T[]>;
  get<T = Record<string, unknown>>(sql: string, params?: SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: SqlValue[]): Promise<number>;
  /** Runs an INSERT … RETURNING id and gives the id. */
  insert(sql: string, params?: SqlValue[]): Promise<number>;
  /** Runs several statements with no parameters (migrations only). */
  exec(sql: string): Promise<void>;
  /**
   * Reserves n ids for rows of `table` that will be inserted later in this transaction, all above
   * `floor` (the last id already reserved here). Lets rows that others point at be batched.
   */
  reserveIds(table: string, n: number, floor: number): Promise<number[]>;
}

export interface SqlDb extends SqlConn {
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlConn) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** `?, ?, ?` for an IN list of n values (n ≥ 1). */
export const placeholders = (n: number): string => Array.from({ length: n }, () => "?").join(", ");

/** Numbers the `?` placeholders for PostgreSQL ($1, $2, …). Our SQL never has `?` inside literals. */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}
