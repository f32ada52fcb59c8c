/**
 * Multi-row INSERTs for the write path: one statement carries many rows, so PostgreSQL pays one
 * network round trip per table and document rather than one per row. Both engines cap the values
 * bound to one statement (SQLite 32766 by default, PostgreSQL 65535), so rows go in chunks that stay
 * under the lower cap.
 */
import { placeholders, type SqlConn, type SqlValue } from "../sql";

/** SQLite's default SQLITE_MAX_VARIABLE_NUMBER (since 3.32); PostgreSQL's 65535 is higher. */
export const MAX_PARAMS_PER_STATEMENT = 32766;

/**
 * Rows per statement at most. Each row count is a different statement text, and SQLite's adapter
 * keeps every prepared statement: a cap bounds how many it keeps per table. Documents rarely give
 * more rows to one table than this, so PostgreSQL still sends one statement per table.
 */
export const MAX_ROWS_PER_INSERT = 500;

/** How many rows of `columns` values one INSERT carries. */
export function rowsPerInsert(columns: number): number {
  return Math.max(1, Math.min(MAX_ROWS_PER_INSERT, Math.floor(MAX_PARAMS_PER_STATEMENT / columns)));
}

/** Inserts `rows` (each with one value per column, in order) in as few statements as the caps allow. */
export async function insertRows(tx: SqlConn, table: string, columns: readonly string[], rows: SqlValue[][]) {
  const per = rowsPerInsert(columns.length);
  const one = `(${placeholders(columns.length)})`;
  const head = `INSERT INTO ${table} (${columns.join(", ")}) VALUES `;
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    for (const r of chunk)
      if (r.length !== columns.length)
        throw new Error(`${table}: a row has ${r.length} values for ${columns.length} columns`);
    await tx.run(head + Array.from(chunk, () => one).join(", "), chunk.flat());
  }
}
