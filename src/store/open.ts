/** Opens the store the user chose: `--db FILE` (SQLite) or DATABASE_URL=postgres://… (PostgreSQL). */
import type { Repository, StoreLocation } from "./repository";

export async function openRepository(loc: StoreLocation, opts: { migrate?: boolean } = {}): Promise<Repository> {
  if (loc.kind === "postgres") {
    const { openPostgres } = await import("./postgres/index");
    return openPostgres({ url: loc.url, migrate: opts.migrate });
  }
  const { openSqlite } = await import("./sqlite/index");
  return openSqlite({ file: loc.file, migrate: opts.migrate });
}

export function describeLocation(loc: StoreLocation): string {
  if (loc.kind === "sqlite") return `SQLite ${loc.file}`;
  try {
    const u = new URL(loc.url);
    return `PostgreSQL ${u.hostname}${u.port ? `:${u.port}` : ""}${u.pathname}`;
  } catch {
    return "PostgreSQL";
  }
}
