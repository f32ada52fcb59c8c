/**
 * Identity across real documents (issue 16): the shared seeds and corpus (read from ../shared, never
 * copied) imported once with `importPaths`, as `minutebook import` does, then checked as a resident
 * would find them: an agenda and the minutes of one meeting are one meeting; committees and people
 * belong to one council each and are never joined across councils; the printed forms of one
 * councillor are one person; a committee's follow-ups page lists that committee's promises only.
 * The Kent pairs are found from the corpus's file names (agenda front sheet and minutes of one date),
 * not listed here. A folder's minutebook.json gives a council to papers nothing else places.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { councilKey } from "../link/identity/councils";
import type { ParseResult } from "../model/parse-v1";
import { createApp } from "../serve/app";
import type { FollowUpsData } from "../serve/follow/records";
import { openRepository } from "../store/open";
import type { Repository } from "../store/repository";
import type { SqlValue } from "../store/sql";
import { sharedPath } from "../testing/shared";
import { importPaths } from "./import-paths";

let dir: string;
let repo: Repository;
let app: Hono;
let summary: Awaited<ReturnType<typeof importPaths>>;

const all = <T = Record<string, unknown>>(sql: string, params: SqlValue[] = []) => repo.sql.all<T>(sql, params);

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "minutebook-identity-"));
  repo = await openRepository({ kind: "sqlite", file: join(dir, "store.db") });
  summary = await importPaths(repo, [sharedPath("seeds"), sharedPath("corpus")]);
  assert.equal(summary.documents.failed, 0, JSON.stringify(summary.failures));
  app = createApp(repo, {
    now: () => new Date("2026-01-01T12:00:00Z"),
    onError: () => {},
    checkEveryMs: 0,
    waitForLinks: true,
  });
});

after(async () => {
  await repo?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("the corpus's list of sources is refused as not a paper; every Kent paper is stored", async () => {
  const refused = summary.notPapers.map((f) => basename(f.file));
  assert.ok(refused.includes("SOURCES.md"), `refused: ${refused.join(", ")}`);
  const stored = new Set((await all<{ name: string }>("SELECT name FROM documents")).map((r) => r.name));
  for (const f of readdirSync(sharedPath("corpus", "kent"))) assert.ok(stored.has(f), `${f} is stored`);
});

test("an agenda and the minutes of one meeting are one meeting with both (Kent's pairs in the corpus)", async () => {
  const kent = sharedPath("corpus", "kent");
  const files = readdirSync(kent);
  // Pairs by file name: <committee>_<date>_agenda_frontsheet.pdf and <committee>_<date>_…minutes.pdf.
  const pairs = files
    .filter((f) => /_agenda_frontsheet\.pdf$/.test(f))
    .flatMap((agenda) => {
      const stem = agenda.replace(/_agenda_frontsheet\.pdf$/, "");
      const minutes = files.find((f) => f.startsWith(`${stem}_`) && /minutes\.pdf$/.test(f));
      return minutes ? [{ agenda, minutes }] : [];
    });
  assert.ok(pairs.length >= 3, `Kent pairs found in the corpus: ${pairs.length}`);
  for (const { agenda, minutes } of pairs) {
    const rows = await all<{ meeting_id: number; name: string }>(
      `SELECT s.meeting_id, d.name FROM meeting_sources s JOIN documents d ON d.id = s.document_id
       JOIN meetings m ON m.id = s.meeting_id WHERE d.name IN (?, ?) AND m.date IS NOT NULL`,
      [agenda, minutes],
    );
    const meetingsOf = (name: string) => new Set(rows.filter((r) => r.name === name).map((r) => Number(r.meeting_id)));
    const a = meetingsOf(agenda);
    const m = meetingsOf(minutes);
    assert.ok(a.size >= 1 && m.size >= 1, `${agenda} / ${minutes}: both stored`);
    const shared = [...a].filter((id) => m.has(id));
    assert.equal(shared.length, 1, `${agenda} and ${minutes} speak of one meeting`);
    const page = await repo.getMeeting(shared[0]);
    assert.ok(page, "the meeting page exists");
    const docs = page.documents.map((d) => d.name);
    assert.ok(docs.includes(agenda) && docs.includes(minutes), `the meeting page has both: ${docs.join(", ")}`);
    assert.equal(page.authority, "Kent County Council");
  }
  // One committee for "CABINET" on a front sheet and "Cabinet" in the minutes, named as in running text.
  const kentCabinets = await all<{ name: string }>(
    "SELECT c.name FROM committees c JOIN authorities a ON a.id = c.authority_id WHERE a.name = 'Kent County Council' AND c.key = 'cabinet'",
  );
  assert.deepEqual(
    kentCabinets.map((c) => c.name),
    ["Cabinet"],
  );
});

test("no committee or person is shared across councils; councils are one per name", async () => {
  // Each committee's meetings come from documents that print its council, or print none.
  const sources = await all<{ committee: number; authority: string; parsed: string; ordinal: number }>(
    `SELECT c.id AS committee, a.name AS authority, d.parsed, s.ordinal FROM meeting_sources s
     JOIN documents d ON d.id = s.document_id JOIN meetings m ON m.id = s.meeting_id
     JOIN committees c ON c.id = m.committee_id JOIN authorities a ON a.id = c.authority_id`,
  );
  for (const s of sources) {
    const parsed = JSON.parse(s.parsed) as ParseResult;
    const printed =
      parsed.meetings[Number(s.ordinal)]?.authority ?? parsed.meetings.find((m) => m.authority)?.authority;
    if (printed)
      assert.equal(councilKey(s.authority), councilKey(printed), `committee ${s.committee} is of the printed council`);
  }
  // A person's records (membership, attendance, declarations) are all at meetings of their own council.
  const crossing = await all<{ id: number; name: string }>(
    `SELECT DISTINCT p.id, p.display_name AS name FROM people p
     JOIN (SELECT person_id, meeting_id FROM attendance UNION SELECT person_id, meeting_id FROM membership
           UNION SELECT person_id, meeting_id FROM declarations) x ON x.person_id = p.id
     JOIN meetings m ON m.id = x.meeting_id JOIN committees c ON c.id = m.committee_id
     WHERE c.authority_id <> p.authority_id`,
  );
  assert.deepEqual(crossing, [], "people recorded at another council's meetings");
  // One council per normalised name ("Limerick City And County Council" / "… and …").
  const names = (await all<{ name: string }>("SELECT name FROM authorities WHERE name <> ''")).map((r) =>
    councilKey(r.name),
  );
  assert.equal(new Set(names).size, names.length, `councils stored twice: ${names.join("; ")}`);
});

test("no committee is without a council where any paper says which", async () => {
  const orphans = await all<{ id: number; name: string; path: string }>(
    `SELECT DISTINCT c.id, c.name, d.path FROM committees c JOIN authorities a ON a.id = c.authority_id
     JOIN meetings m ON m.committee_id = c.id JOIN meeting_sources s ON s.meeting_id = m.id
     JOIN documents d ON d.id = s.document_id WHERE a.name = ''`,
  );
  // Left without a council only when nothing names one: no paper in the same folder has a council.
  for (const o of orphans) {
    const folder = dirname(o.path);
    const placed = await all<{ path: string }>(
      `SELECT d.path FROM documents d JOIN meeting_sources s ON s.document_id = d.id JOIN meetings m ON m.id = s.meeting_id
       JOIN committees c ON c.id = m.committee_id JOIN authorities a ON a.id = c.authority_id WHERE a.name <> ''`,
    );
    assert.deepEqual(
      placed.filter((p) => dirname(p.path) === folder).map((p) => basename(p.path)),
      [],
      `${o.name} (${basename(o.path)}) has no council though its folder's papers name one`,
    );
  }
  // A paper printing no council in a folder whose papers print one council is placed there, and the
  // import summary says it was inferred.
  for (const f of summary.inferred) {
    assert.match(f.reason, /prints no council/);
    const councils = await all<{ name: string }>(
      `SELECT DISTINCT a.name FROM documents d JOIN meeting_sources s ON s.document_id = d.id JOIN meetings m ON m.id = s.meeting_id
       JOIN committees c ON c.id = m.committee_id JOIN authorities a ON a.id = c.authority_id WHERE d.path = ?`,
      [f.file],
    );
    assert.deepEqual(
      councils.map((c) => c.name),
      [f.council],
      `${basename(f.file)} is placed in ${f.council}`,
    );
  }
  assert.ok(
    summary.inferred.some((f) => basename(dirname(f.file)) === "ireland"),
    `the Irish municipal district's minutes take the council of the folder's other papers: ${JSON.stringify(summary.inferred)}`,
  );
  // Every Kent, parish and seed paper has its council.
  const folders = new Set(orphans.map((o) => basename(dirname(o.path))));
  for (const f of ["kent", "seeds", "parish", "parish-more", "docx", "ireland", "scotland-community", "merton"])
    assert.ok(!folders.has(f), `a committee from ${f}/ has no council`);

  // Those left are placed by a folder's minutebook.json (the folders are linked, not copied).
  const d2 = mkdtempSync(join(tmpdir(), "minutebook-identity-folder-"));
  try {
    const unplaced = [...new Set(orphans.map((o) => dirname(o.path)))];
    mkdirSync(join(d2, "papers"));
    writeFileSync(join(d2, "papers", "minutebook.json"), JSON.stringify({ council: "Example Borough Council" }));
    for (const [i, f] of unplaced.entries()) symlinkSync(f, join(d2, "papers", `f${i}`));
    const r2 = await openRepository({ kind: "sqlite", file: join(d2, "store.db") });
    try {
      const s = await importPaths(r2, [join(d2, "papers")]);
      assert.equal(s.documents.failed, 0, JSON.stringify(s.failures));
      const left = await r2.sql.all<{ n: number }>(
        "SELECT count(*) AS n FROM committees c JOIN authorities a ON a.id = c.authority_id WHERE a.name = ''",
      );
      assert.equal(Number(left[0].n), 0);
    } finally {
      await r2.close();
    }
  } finally {
    rmSync(d2, { recursive: true, force: true });
  }
});

test("the printed forms of one councillor are one person, with the rule that joined each", async () => {
  const forms = async (surname: string) =>
    all<{ person_id: number; printed: string; rule: string }>(
      `SELECT a.person_id, a.printed, a.rule FROM person_aliases a JOIN people p ON p.id = a.person_id
       JOIN authorities x ON x.id = p.authority_id WHERE p.surname_key = ? AND x.name = 'Kent County Council'`,
      [surname],
    );
  for (const [surname, printed] of [
    ["collor", ["Mr N J Collor", "Mr Nigel Collor", "Mr Collor"]],
    ["chandler", ["Mrs S Chandler", "Sue Chandler"]],
  ] as const) {
    const rows = await forms(surname);
    for (const p of printed)
      assert.ok(
        rows.some((r) => r.printed === p),
        `"${p}" is printed in Kent's papers`,
      );
    assert.equal(new Set(rows.map((r) => r.person_id)).size, 1, `${surname}: ${JSON.stringify(rows)}`);
  }
});

test("a committee's follow-ups page lists only that committee's promises", async () => {
  // The committees the portal lists (a decision maker known only from decision records is not one).
  const committees = (await repo.listCommittees()).map((c) => ({
    id: c.id,
    name: c.name,
    authority: c.authority ?? "",
  }));
  const meetingCouncil = new Map<number, { committee: number; authority: string }>();
  for (const r of await all<{ id: number; committee: number; authority: string }>(
    "SELECT m.id, m.committee_id AS committee, a.name AS authority FROM meetings m JOIN committees c ON c.id = m.committee_id JOIN authorities a ON a.id = c.authority_id",
  ))
    meetingCouncil.set(Number(r.id), { committee: Number(r.committee), authority: r.authority });
  let listed = 0;
  let leicestershire = 0;
  for (const c of committees) {
    const r = await app.request(`/api/committees/${c.id}/followups`);
    assert.equal(r.status, 200);
    const d = (await r.json()) as FollowUpsData;
    for (const f of d.followUps) {
      listed++;
      const from = f.from.meetingId === null ? undefined : meetingCouncil.get(f.from.meetingId);
      assert.ok(from, "every follow-up comes from a stored meeting");
      assert.equal(from.authority, c.authority, `${c.authority} ${c.name} lists a promise of ${from.authority}`);
    }
    if (c.authority === "Leicestershire County Council") leicestershire += d.followUps.length;
  }
  // The seeds' Cabinet promises are found (so the check above had something to check).
  assert.ok(listed > 0 && leicestershire > 0, `follow-ups listed: ${listed}`);
});

test("the quality page lists people who may be one, each pair within one council, with the merge command", async () => {
  const pairs = await repo.doubtfulPeople();
  const councilOf = new Map(
    (await all<{ id: number; authority_id: number }>("SELECT id, authority_id FROM people")).map((r) => [
      Number(r.id),
      Number(r.authority_id),
    ]),
  );
  for (const p of pairs) assert.equal(councilOf.get(p.a.id), councilOf.get(p.b.id), JSON.stringify(p));
  const page = await (await app.request("/quality")).text();
  assert.match(page, /People who may be one person/);
  for (const p of pairs.slice(0, 5)) assert.ok(page.includes(`minutebook db merge ${p.a.id} ${p.b.id}`));
});
