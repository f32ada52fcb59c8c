/**
 * Import on every core (issue 23): parsing in a pool of workers stores exactly what parsing in the
 * importing thread stores (documents, meetings, items, searchable text, failures named per file), and
 * a re-run (an interrupted import resumed) skips a file stored before, unchanged since, without reading
 * it: proven by changing its bytes behind the store's back while keeping its size and modification
 * time, which only a read could notice. Real documents are read from ../shared into a temp folder.
 */
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { after, before, test } from "node:test";
import { openSqlite, type SqliteRepository } from "../store/sqlite/index";
import { sharedPath } from "../testing/shared";
import { importPaths } from "./import-paths";
import { ParsePool } from "./parse-pool";

let dir: string;
/** The stores, beside the imported folder rather than in it. */
let stores: string;
const FILES = [
  sharedPath("seeds", "003_a56ed9aebfe0f016.txt"),
  sharedPath("seeds", "001_e1fd496acd373f40.txt"),
  sharedPath("corpus", "kent", "kent_cabinet_2025-01-30_decision_24-00096_PRoD.pdf"),
  sharedPath("corpus", "kent", "kent_cpp_2024-12-10_minutes.pdf"),
  sharedPath("corpus", "docx", "haresfield_pc_2020-01_minutes.docx"),
  sharedPath("corpus", "moderngov-html", "lgsf_modgov_decision_detail_policy_committee_2015.html"),
];

before(() => {
  dir = mkdtempSync(join(tmpdir(), "minutebook-workers-"));
  stores = mkdtempSync(join(tmpdir(), "minutebook-workers-stores-"));
  for (const f of FILES) copyFileSync(f, join(dir, basename(f)));
  // A PDF that is not one: a failure naming the file, whichever thread read it.
  writeFileSync(join(dir, "broken.pdf"), "%PDF-1.4\nnot a pdf at all\n");
});
after(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(stores, { recursive: true, force: true });
});

async function store(name: string): Promise<SqliteRepository> {
  return openSqlite({ file: join(stores, `${name}.db`) });
}

async function contents(repo: SqliteRepository) {
  const meetings = await repo.listMeetings({}, { limit: 500, offset: 0 });
  const paragraphs = await repo.sql.all("SELECT type, title, body, meeting_date FROM paragraphs ORDER BY id");
  return { counts: await repo.tableCounts(), meetings: meetings.items, paragraphs };
}

test("two parse workers store exactly what the importing thread stores, and name the same failures", async () => {
  const one = await store("inline");
  const two = await store("pool");
  try {
    const a = await importPaths(one, [dir], undefined, { jobs: 0 });
    const b = await importPaths(two, [dir], undefined, { jobs: 2 });
    assert.equal(a.documents.new, FILES.length, JSON.stringify(a.failures));
    assert.deepEqual(b.documents, a.documents);
    assert.deepEqual(b.failures, a.failures);
    assert.equal(b.failures.length, 1);
    assert.match(b.failures[0].file, /broken\.pdf$/);
    assert.equal(b.meetings, a.meetings);
    assert.equal(b.items, a.items);
    assert.deepEqual(b.noMeeting, a.noMeeting);
    assert.deepEqual(await contents(two), await contents(one));
    assert.ok((await one.stats()).paragraphs > 50);
  } finally {
    await one.close();
    await two.close();
  }
});

test("a re-run skips a stored file unchanged since without reading it; a touched file is read again", async () => {
  const repo = await store("resume");
  try {
    const first = await importPaths(repo, [dir], undefined, { jobs: 2 });
    assert.equal(first.documents.new, FILES.length);
    const target = join(dir, basename(FILES[0]));
    const before = statSync(target);
    const original = readFileSync(target);
    // Same size and modification time, different bytes: only reading the file could tell.
    const changed = Buffer.from(original);
    const at = changed.indexOf("Council");
    changed.write("COUNCIL", at);
    writeFileSync(target, changed);
    utimesSync(target, before.atimeMs / 1000, before.mtimeMs / 1000);
    const second = await importPaths(repo, [dir], undefined, { jobs: 2 });
    assert.deepEqual(second.documents, { new: 0, unchanged: FILES.length, replaced: 0, failed: 1 });
    // Its modification time moves (an edit): read, hashed and stored again.
    utimesSync(target, before.atimeMs / 1000, before.mtimeMs / 1000 + 5);
    const third = await importPaths(repo, [dir], undefined, { jobs: 2 });
    assert.deepEqual(third.documents, { new: 0, unchanged: FILES.length - 1, replaced: 1, failed: 1 });
    writeFileSync(target, original);
  } finally {
    await repo.close();
  }
});

test("a parse pool answers every job, in any number, and refuses what is queued when closed", async () => {
  const pool = new ParsePool(2);
  const text = readFileSync(FILES[0]);
  const all = await Promise.all(
    Array.from({ length: 5 }, (_, i) => pool.prepare(`copy-${i}.txt`, i === 2 ? Buffer.from("\u0000bin") : text)),
  ).catch((e) => e as Error);
  assert.ok(all instanceof Error && /copy-2\.txt/.test(all.message), String(all));
  const ok = await Promise.all([pool.prepare("a.txt", text), pool.prepare("b.txt", text)]);
  assert.deepEqual(
    ok.map((p) => p.result.meetings.length),
    [ok[0].result.meetings.length, ok[0].result.meetings.length],
  );
  assert.ok(ok[0].result.meetings.length > 0);
  const settled = ["c.txt", "d.txt", "e.txt"].map((n) =>
    pool.prepare(n, text).then(
      () => "parsed",
      (e: Error) => e.message,
    ),
  );
  await pool.close();
  const [, , queued] = await Promise.all(settled);
  assert.match(queued, /closed|stopped/);
});
