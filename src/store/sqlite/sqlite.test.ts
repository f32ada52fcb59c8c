/** The SQLite adapter: the conformance suite on a temporary file, plus SQLite-only checks (WAL, backup, FTS5 input). */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import { toFts5 } from "../../search/query";
import { agendaPack, runConformance } from "../conformance";
import { runOfficeConformance } from "../office-conformance";
import { openSqlite } from "./index";
import { SQLITE_MIGRATIONS } from "./migrations";

const sqliteFactory = async () => {
  const dir = mkdtempSync(join(tmpdir(), "minutebook-sqlite-"));
  const repo = await openSqlite({ file: join(dir, "store.db") });
  return {
    repo,
    cleanup: async () => {
      await repo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
runConformance("sqlite", sqliteFactory);
runOfficeConformance("sqlite", sqliteFactory);

test("sqlite: WAL mode, and the online backup opens as a complete store", async () => {
  const dir = mkdtempSync(join(tmpdir(), "minutebook-sqlite-"));
  try {
    const repo = await openSqlite({ file: join(dir, "a.db") });
    assert.equal(repo.raw.pragma("journal_mode", { simple: true }), "wal");
    await repo.importDocument(agendaPack("Cabinet", "2024-03-05", "2024-02-06", "Lightbulb"), { path: "/a.txt" });
    await repo.backup(join(dir, "backup", "b.db"));
    const counts = await repo.tableCounts();
    await repo.close();
    const copy = await openSqlite({ file: join(dir, "backup", "b.db") });
    assert.deepEqual(await copy.tableCounts(), counts);
    assert.ok((await copy.search("Lightbulb", {}, { limit: 5, offset: 0 })).total > 0);
    await copy.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("sqlite: inputs that make raw FTS5 throw are translated into valid MATCH expressions", () => {
  const db = new Database(":memory:");
  db.exec("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='porter unicode61')");
  db.prepare("INSERT INTO t VALUES (?)").run("covid-19 and the S.106 agreement; the council's library: AND");
  const raw = ["covid-19", "S.106", "council's", '"unbalanced', "AND", "library:"];
  for (const q of raw) {
    assert.throws(() => db.prepare("SELECT * FROM t WHERE t MATCH ?").all(q), `raw FTS5 throws on ${q}`);
    const expr = toFts5(q);
    assert.ok(expr);
    db.prepare("SELECT * FROM t WHERE t MATCH ?").all(expr);
  }
  const count = (q: string) =>
    (db.prepare("SELECT count(*) AS n FROM t WHERE t MATCH ?").get(toFts5(q)) as { n: number }).n;
  assert.equal(count("covid-19"), 1);
  assert.equal(count("S.106"), 1);
  assert.equal(count("covid -library"), 0);
  assert.equal(count("zebra OR library"), 1);
  assert.equal(count('"the council"'), 1);
  assert.equal(count('"council the"'), 0);
  db.close();
});

test("sqlite: a store at an older schema version is migrated forward, keeping its rows", async () => {
  const dir = mkdtempSync(join(tmpdir(), "minutebook-sqlite-"));
  try {
    const file = join(dir, "old.db");
    const v1 = await openSqlite({ file, migrate: false });
    v1.raw.exec(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
    );
    v1.raw.exec(SQLITE_MIGRATIONS[0].sql);
    v1.raw.prepare("INSERT INTO schema_migrations VALUES (1, 'store', 'then')").run();
    await v1.importDocument(agendaPack("Cabinet", "2024-03-05", "2024-02-06", "Lightbulb"), { path: "/a.txt" });
    const counts = await v1.tableCounts();
    await v1.close();
    const now = await openSqlite({ file, migrate: false });
    const later = SQLITE_MIGRATIONS.slice(1).map((m) => m.version);
    assert.deepEqual(await now.migrate(), later);
    assert.equal((await now.stats()).schemaVersion, later[later.length - 1]);
    assert.deepEqual(await now.tableCounts(), counts);
    await now.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
