/** Opens the store the user chose: `--db FILE` (SQLite) or DATABASE_URL=postgres://… (PostgreSQL). */
import { existsSync } from "node:fs";
import { type Repository, StoreError, type StoreLocation } from "./repository";

export type OpenOptions = {
  migrate?: boolean;
  /**
   * Refuse to create a store: a missing SQLite file, or a PostgreSQL database Minutebook never set up,
   * is a StoreError rather than a new empty store (a mistyped --db must not answer "0 results").
   * Only `import`, `start` and `db migrate` create stores.
   */
  mustExist?: boolean;
};

export async function openRepository(loc: StoreLocation, opts: OpenOptions = {}): Promise<Repository> {
  if (opts.mustExist && loc.kind === "sqlite" && loc.file !== ":memory:" && !existsSync(loc.file))
    throw new StoreError(
      `there is no store at ${loc.file}: check --db, or create one with \`minutebook import PATH --db ${loc.file}\` or \`minutebook db migrate --db ${loc.file}\``,
    );
  let repo: Repository;
  if (loc.kind === "postgres") {
    const { openPostgres } = await import("./postgres/index");
    repo = await openPostgres({ url: loc.url, migrate: opts.mustExist ? false : opts.migrate });
  } else {
    const { openSqlite } = await import("./sqlite/index");
    repo = await openSqlite({ file: loc.file, migrate: opts.mustExist ? false : opts.migrate });
  }
  if (opts.mustExist) {
    let version = 0;
    try {
      version = await repo.schemaVersion();
    } catch {
      version = 0; // no schema_migrations table: nothing Minutebook made
    }
    if (version === 0) {
      await repo.close();
      throw new StoreError(
        `${describeLocation(loc)} holds no Minutebook store: check --db or DATABASE_URL, or create one with \`minutebook import PATH\` or \`minutebook db migrate\``,
      );
    }
    if (opts.migrate !== false) await repo.migrate();
  }
  return repo;
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
