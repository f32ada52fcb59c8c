/** `minutebook db` on SQLite (migrate, backup, stats) and the --db / DATABASE_URL store selection. */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { DEFAULT_DB_FILE, storeLocation } from "../../store/repository";
import { openSqlite } from "../../store/sqlite/index";
import { SQLITE_MIGRATIONS } from "../../store/sqlite/migrations";
import { repoRoot, seedFiles } from "../../testing/shared";

const run = promisify(execFile);

async function minutebook(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const r = await run(process.execPath, [join(repoRoot, "bin/minutebook.mjs"), ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: "", ...env },
    });
    return { ...r, code: 0 };
  } catch (e) {
    const err = e as { stdout: string; stderr: string; code: number };
    return { stdout: err.stdout, stderr: err.stderr, code: err.code };
  }
}

test("store selection: --db FILE, else DATABASE_URL=postgres://…, else the default file", () => {
  assert.deepEqual(storeLocation("x.db", {}), { kind: "sqlite", file: "x.db" });
  assert.deepEqual(storeLocation(undefined, { DATABASE_URL: "postgres://u@h/db" }), {
    kind: "postgres",
    url: "postgres://u@h/db",
  });
  assert.deepEqual(storeLocation("x.db", { DATABASE_URL: "postgres://u@h/db" }), { kind: "sqlite", file: "x.db" });
  assert.deepEqual(storeLocation(undefined, { DATABASE_URL: "mysql://nope" }), {
    kind: "sqlite",
    file: DEFAULT_DB_FILE,
  });
  assert.deepEqual(storeLocation(undefined, {}), { kind: "sqlite", file: DEFAULT_DB_FILE });
});

test("minutebook db migrate, backup and stats on SQLite", async () => {
  const dir = mkdtempSync(join(tmpdir(), "minutebook-db-"));
  try {
    const db = join(dir, "q.db");
    const m1 = await minutebook(["db", "migrate", "--db", db]);
    assert.equal(m1.code, 0, m1.stderr);
    // Every migration the project ships, in order, so a new migration does not need this test edited.
    const versions = SQLITE_MIGRATIONS.map((m) => m.version);
    const latest = versions[versions.length - 1];
    assert.ok(m1.stdout.includes(`applied migrations ${versions.join(", ")} (schema version ${latest})`), m1.stdout);
    const m2 = await minutebook(["db", "migrate", "--db", db]);
    assert.match(m2.stdout, /already up to date/);
    assert.equal((await minutebook(["import", seedFiles()[0], "--db", db])).code, 0);
    const b = await minutebook(["db", "backup", join(dir, "copy.db"), "--db", db]);
    assert.equal(b.code, 0, b.stderr);
    const original = await openSqlite({ file: db });
    const copy = await openSqlite({ file: join(dir, "copy.db") });
    assert.deepEqual(await copy.tableCounts(), await original.tableCounts());
    await original.close();
    await copy.close();
    const stats = JSON.parse((await minutebook(["db", "stats", "--db", db, "--json"])).stdout);
    assert.equal(stats.engine, "sqlite");
    assert.equal(stats.documents, 1);
    const bad = await minutebook(["db", "frobnicate", "--db", db]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /expected migrate, backup FILE, stats, merge KEEP_ID OTHER_ID or unmerge ALIAS_ID/);

    // A merged alias can be split off from the CLI.
    const repo = await openSqlite({ file: db });
    const merged = repo.raw
      .prepare("SELECT id, person_id FROM person_aliases WHERE rule <> 'first-seen' ORDER BY id LIMIT 1")
      .get() as { id: number; person_id: number } | undefined;
    await repo.close();
    assert.ok(merged, "the Cabinet pack prints some members in two forms");
    const u = await minutebook(["db", "unmerge", String(merged.id), "--db", db, "--json"]);
    assert.equal(u.code, 0, u.stderr);
    assert.notEqual(JSON.parse(u.stdout).personId, merged.person_id);
    const missing = await minutebook(["db", "unmerge", "999999", "--db", db]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /there is no alias 999999/);
    // …and merged back by an officer.
    const m = await minutebook([
      "db",
      "merge",
      String(merged.person_id),
      String(JSON.parse(u.stdout).personId),
      "--db",
      db,
      "--json",
    ]);
    assert.equal(m.code, 0, m.stderr);
    assert.equal(JSON.parse(m.stdout).personId, merged.person_id);
    const gone = await minutebook(["db", "merge", String(merged.person_id), "999999", "--db", db]);
    assert.equal(gone.code, 1);
    assert.match(gone.stderr, /there is no person 999999/);
    assert.equal((await minutebook(["db", "merge", "1", "--db", db])).code, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("minutebook search rejects bad options with a usage message, and any query text is safe", async () => {
  const dir = mkdtempSync(join(tmpdir(), "minutebook-db-"));
  try {
    const db = join(dir, "q.db");
    // A store that does not exist is an error, not an empty answer (a mistyped --db must not say "0 results").
    const missing = await minutebook(["search", "x", "--db", db]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /there is no store at .*q\.db/);
    assert.ok(!existsSync(db), "searching does not create the store");
    assert.equal((await minutebook(["db", "migrate", "--db", db])).code, 0);
    assert.equal((await minutebook(["search", "x", "--type", "memo", "--db", db])).code, 1);
    assert.equal((await minutebook(["search", "x", "--from", "last week", "--db", db])).code, 1);
    assert.equal((await minutebook(["search", "x", "--limit", "ten", "--db", db])).code, 1);
    for (const q of ['"', "-", "AND", "covid-19", "'; DROP TABLE paragraphs; --", "NEAR(", "*"]) {
      const r = await minutebook(["search", q, "--db", db, "--json"]);
      assert.equal(r.code, 0, `${q}: ${r.stderr}`);
      assert.equal(JSON.parse(r.stdout).total, 0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
