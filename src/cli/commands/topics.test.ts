/**
 * `minutebook topics` and `minutebook followups` end to end on the seeds (--from-files and a fresh SQLite
 * store, whose stored links --db reads), and the store-to-LinkInput conversion on a hand-made MeetingDetail.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import Database from "better-sqlite3";
import type { FollowUp, Referral, Thread } from "../../link/index";
import { repoRoot, seedFiles } from "../../testing/shared";

const minutebook = (...args: string[]) =>
  spawnSync(process.execPath, [join(repoRoot, "bin/minutebook.mjs"), ...args], { encoding: "utf8", timeout: 120_000 });

describe("minutebook topics / followups --from-files on the seeds", () => {
  test("topics --json: Help to Live at Home, library and Lightbulb threads span their years", () => {
    const r = minutebook("topics", "--json", "--from-files", ...seedFiles());
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { meetings: number; topics: Thread[] };
    const find = (w: string) => out.topics.find((t) => t.label.toLowerCase().includes(w));
    assert.ok(find("help to live at home")?.years.includes("2015"));
    assert.ok(find("help to live at home")?.years.includes("2016"));
    assert.ok(find("librar")?.years.includes("2024"));
    assert.equal(find("lightbulb")?.first, "2016-11-08");
  });

  test("followups --json: 524(c) met, 40(b) referred to a Cabinet stub, --committee filters", () => {
    const r = minutebook("followups", "--json", "--today", "2026-01-01", "--from-files", ...seedFiles());
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { followUps: FollowUp[]; referrals: Referral[] };
    const f = out.followUps.find((x) => x.from.ref === "minute 524(c)");
    assert.equal(f?.status, "met");
    assert.equal(f?.metBy?.date, "2017-03-10");
    const ref = out.referrals.find((x) => x.from.ref === "minute 40(b)" && x.from.date === "2016-11-08");
    assert.deepEqual([ref?.to.body, ref?.to.date, ref?.to.stub], ["Cabinet", "2016-11-23", true]);
    const cab = minutebook("followups", "--json", "--committee", "Scrutiny", "--from-files", ...seedFiles());
    const only = JSON.parse(cab.stdout) as { followUps: FollowUp[] };
    assert.ok(only.followUps.length > 0);
    assert.ok(only.followUps.every((x) => /Scrutiny/.test(x.from.body) || /Scrutiny/.test(x.dueBody)));
  });

  test("usage errors are readable", () => {
    const r = minutebook("topics", "--from-files");
    assert.equal(r.status, 1);
    assert.match(r.stderr, /--from-files needs at least one PATH/);
    const t = minutebook("followups", "--today", "soon", "--from-files", seedFiles()[3]);
    assert.equal(t.status, 1);
    assert.match(t.stderr, /--today expects YYYY-MM-DD/);
  });
});

describe("minutebook topics --db (the store)", () => {
  const dir = mkdtempSync(join(tmpdir(), "minutebook-topics-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  test("imported seeds give the same 524(c) follow-up through the Repository", () => {
    const db = join(dir, "q.db");
    const imp = minutebook("import", ...seedFiles(), "--db", db);
    assert.equal(imp.status, 0, imp.stderr);
    const r = minutebook("followups", "--json", "--db", db, "--today", "2026-01-01");
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { followUps: FollowUp[] };
    const f = out.followUps.find((x) => x.from.ref === "minute 524(c)");
    assert.equal(f?.status, "met");
    assert.match(f?.metBy?.title ?? "", /School and High Needs Funding/);
    const t = minutebook("topics", "--db", db);
    assert.equal(t.status, 0, t.stderr);
    assert.match(t.stdout, /Help to Live at Home — 2015–2016/);
  });

  test("followups --db and topics --people read what import stored, not the meetings again", () => {
    const db = join(dir, "q.db");
    // Marked in the store only: a command that computed afresh from the meetings would not print these.
    const raw = new Database(db);
    try {
      const row = raw.prepare("SELECT rowid AS id, raw FROM link_followups ORDER BY ord LIMIT 1").get() as {
        id: number;
        raw: string;
      };
      const f = JSON.parse(row.raw) as FollowUp;
      raw
        .prepare("UPDATE link_followups SET raw = ? WHERE rowid = ?")
        .run(JSON.stringify({ ...f, promise: "stored-only promise" }), row.id);
      const people = raw.prepare("SELECT rowid AS id, record FROM link_people LIMIT 1").get() as {
        id: number;
        record: string;
      };
      const p = JSON.parse(people.record) as { people: { name: string }[]; review: unknown[] };
      assert.ok(p.people.length > 0, "import stored the council's people");
      p.people[0].name = "Stored-only Person";
      raw.prepare("UPDATE link_people SET record = ? WHERE rowid = ?").run(JSON.stringify(p), people.id);
    } finally {
      raw.close();
    }
    const r = minutebook("followups", "--json", "--db", db, "--today", "2026-01-01");
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { followUps: FollowUp[] };
    assert.ok(out.followUps.some((x) => x.promise === "stored-only promise"));
    // The state is set for --today from the stored due date and evidence.
    const open = minutebook("followups", "--json", "--db", db, "--today", "2000-01-01");
    const early = JSON.parse(open.stdout) as { followUps: FollowUp[] };
    assert.ok(
      early.followUps.every((x) => x.status !== "overdue"),
      "nothing is overdue in 2000",
    );
    const t = minutebook("topics", "--people", "--db", db);
    assert.equal(t.status, 0, t.stderr);
    assert.match(t.stdout, /Stored-only Person/);
  });
});
