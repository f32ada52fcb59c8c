/** The SQLite adapter: the conformance suite on a temporary file, plus SQLite-only checks (WAL, backup, FTS5 input). */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import Database from "better-sqlite3";
import { toFts5 } from "../../search/query";
import { TABLES } from "../common/sql-repository";
import { agendaPack, runConformance } from "../conformance";
import { runLinksConformance } from "../links-conformance";
import { runMinutesConformance } from "../minutes-conformance";
import { runOfficeConformance } from "../office-conformance";
import { runPackConformance } from "../packs-conformance";
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
runMinutesConformance("sqlite", sqliteFactory);
runLinksConformance("sqlite", sqliteFactory);
runPackConformance("sqlite", sqliteFactory);

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
    // Rows as version 1 wrote them: a document whose minutes include an exempt one.
    v1.raw.exec(`INSERT INTO documents (id, sha256, name, path, format, parsed, diagnostics, has_warnings, imported_at)
        VALUES (1, 'abc', 'a.txt', '/a.txt', 'text', '{}', '[]', 0, 'then');
      INSERT INTO authorities (id, name) VALUES (1, 'Loamshire County Council');
      INSERT INTO committees (id, authority_id, name, key) VALUES (1, 1, 'Cabinet', 'cabinet');
      INSERT INTO meetings (id, committee_id, date) VALUES (1, 1, '2024-03-05');
      INSERT INTO minutes (meeting_id, document_id, ordinal, number, agenda_item, title, procedural, key_decision, reasons, exempt_paragraphs, span_start, span_end, page)
        VALUES (1, 1, 0, '5', NULL, 'Land at Ambridge', 0, NULL, '[]', '[3]', 10, 20, 1),
               (1, 1, 1, '6', NULL, 'Libraries', 0, NULL, '[]', '[]', 21, 30, 1);`);
    const counts: Record<string, number> = {};
    // Tables of later migrations do not exist yet at version 1.
    for (const t of TABLES.filter(
      (x) => x !== "exempt_parts" && x !== "votes" && x !== "vote_casts" && x !== "decision_records",
    ))
      counts[t] = (v1.raw.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    await v1.close();
    const now = await openSqlite({ file, migrate: false });
    const later = SQLITE_MIGRATIONS.slice(1).map((m) => m.version);
    assert.deepEqual(await now.migrate(), later);
    assert.equal((await now.stats()).schemaVersion, later[later.length - 1]);
    const after = await now.tableCounts();
    for (const [table, n] of Object.entries(counts)) assert.equal(after[table], n, table);
    assert.equal(after.exempt_parts, 1);
    // The exempt minute became an exempt part; the document is marked as read before the exempt rules.
    assert.deepEqual(
      (await now.listExemptParts()).map((p) => [p.kind, p.title, p.paragraphs, p.provenance.span.startLine]),
      [["minute", "Land at Ambridge", [3], 10]],
    );
    assert.equal(await now.touchDocument("abc", { path: "/a.txt" }), null);
    await now.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
