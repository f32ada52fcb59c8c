/**
 * The batched write path on both real engines: a document with more rows than one multi-row INSERT
 * carries stores every row, in document order, and re-importing it changes nothing; a meeting that
 * several documents give shows each section from the document giving the most (ties: the earliest),
 * also after the shown one is replaced. PostgreSQL is skipped with a reason when
 * MINUTEBOOK_TEST_PG_URL is unset locally (required under CI).
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, describe, test } from "node:test";
import { emptyMeeting, type Meeting, type ParseResult, type Span } from "../model/parse-v1";
import { MAX_ROWS_PER_INSERT } from "../store/common/batch";
import { type SqlRepository, TABLES } from "../store/common/sql-repository";
import { doc } from "../store/conformance";
import { openPostgres } from "../store/postgres/index";
import { openSqlite } from "../store/sqlite/index";
import { testPostgresUrl } from "../testing/shared";

const span = (line: number): Span => ({ startLine: line, endLine: line, page: null });
const COUNCIL = "Batchshire County Council";
/** A word per index that no other row holds (letters only, so both engines index it whole). */
const word = (prefix: string, i: number) =>
  `${prefix}${String(i)
    .split("")
    .map((d) => "abcdefghij"[Number(d)])
    .join("")}`;

/** One meeting with more agenda items, minutes and paragraphs than one INSERT statement carries. */
function bigDocument(agendaItems: number, minutes: number): ParseResult {
  const m: Meeting = {
    ...emptyMeeting("Batch Scrutiny Committee", span(1)),
    authority: COUNCIL,
    date: "2026-01-05",
    agenda: Array.from({ length: agendaItems }, (_, i) => ({
      number: String(i + 1),
      title: `Agenda ${word("zq", i)}`,
      reportBy: null,
      pages: null,
      span: span(10 + i),
    })),
    minutes: Array.from({ length: minutes }, (_, i) => ({
      number: String(i + 1),
      agendaItem: null,
      title: `Minute ${word("mq", i)}`,
      declarations: [],
      resolutions: [{ label: "(a)", text: `Resolved ${word("rq", i)}`, children: [] }],
      keyDecision: null,
      reasons: [],
      exemptParagraphs: [],
      span: span(10 + agendaItems + i),
    })),
  };
  return doc("batch-boundary.txt", [m]);
}

/** A document giving the shared meeting `n` agenda items titled after `tag`. */
function agendaDocument(tag: string, n: number, salt = ""): ParseResult {
  const m: Meeting = {
    ...emptyMeeting("Shared Sources Panel", span(1)),
    authority: COUNCIL,
    date: "2026-02-02",
    agenda: Array.from({ length: n }, (_, i) => ({
      number: String(i + 1),
      title: `Sharedtopic ${tag} item ${i + 1}`,
      reportBy: null,
      pages: null,
      span: span(5 + i),
    })),
  };
  return doc(`${tag}.txt`, [m], salt);
}

type Row = Record<string, unknown>;
/** A table's rows by id, read through the repository's own dump. */
async function rows(repo: SqlRepository, table: string): Promise<Row[]> {
  const all = JSON.parse((await repo.dumpText()).split("\n")[TABLES.indexOf(table as (typeof TABLES)[number])]);
  return (all as Row[]).sort((a, b) => Number(a.id) - Number(b.id));
}

function suite(engine: string, open: () => Promise<{ repo: SqlRepository; cleanup: () => Promise<void> }>) {
  describe(`batched import on ${engine}`, () => {
    const cleanups: (() => Promise<void>)[] = [];
    after(async () => {
      for (const c of cleanups) await c();
    });
    const fresh = async () => {
      const o = await open();
      cleanups.push(o.cleanup);
      return o.repo;
    };

    test("a document with more rows than one INSERT holds stores every paragraph, in order", async () => {
      const repo = await fresh();
      const nAgenda = 2 * MAX_ROWS_PER_INSERT + 3;
      const nMinutes = MAX_ROWS_PER_INSERT + 1;
      const result = bigDocument(nAgenda, nMinutes);
      const out = await repo.importDocument(result, { path: "/batches/big.txt" });
      assert.equal(out.status, "new");
      assert.equal(out.items, nAgenda + nMinutes);

      const expected = [
        ...Array.from({ length: nAgenda }, (_, i) => ["agenda", `Agenda ${word("zq", i)}`]),
        ...Array.from({ length: nMinutes }, (_, i) => [
          ["minute", `Minute ${word("mq", i)}`],
          ["resolution", `Minute ${word("mq", i)}`],
        ]).flat(),
      ];
      const paragraphs = await rows(repo, "paragraphs");
      assert.equal(paragraphs.length, expected.length);
      assert.ok(paragraphs.length > 2 * MAX_ROWS_PER_INSERT);
      paragraphs.forEach((p, i) => {
        assert.equal(p.type, expected[i][0], `paragraph ${i}`);
        assert.equal(p.title, expected[i][1], `paragraph ${i}`);
        if (p.type === "resolution") assert.match(String(p.body), new RegExp(word("rq", (i - nAgenda - 1) / 2)));
        assert.equal(Number(p.shadowed), 0);
      });

      const agenda = await rows(repo, "agenda_items");
      assert.deepEqual(
        agenda.map((a) => Number(a.ordinal)),
        Array.from({ length: nAgenda }, (_, i) => i),
      );
      const minutes = await rows(repo, "minutes");
      assert.deepEqual(
        minutes.map((m) => Number(m.ordinal)),
        Array.from({ length: nMinutes }, (_, i) => i),
      );
      // Each resolution points at its own minute across the statement boundary.
      const resolutions = await rows(repo, "resolutions");
      const minuteOrdinal = new Map(minutes.map((m) => [Number(m.id), Number(m.ordinal)]));
      assert.equal(resolutions.length, nMinutes);
      resolutions.forEach((r, i) => {
        assert.equal(minuteOrdinal.get(Number(r.minute_id)), i);
        assert.equal(r.text, `Resolved ${word("rq", i)}`);
      });

      // The last rows of the last statements are searchable and the meeting reads back whole.
      const last = await repo.search(word("zq", nAgenda - 1), {}, { limit: 5, offset: 0 });
      assert.deepEqual(
        last.hits.map((h) => h.title),
        [`Agenda ${word("zq", nAgenda - 1)}`],
      );
      const lastResolution = await repo.search(word("rq", nMinutes - 1), {}, { limit: 5, offset: 0 });
      // The minute's own paragraph carries its resolutions as its body when no source text is given.
      assert.deepEqual(lastResolution.hits.map((h) => h.type).sort(), ["minute", "resolution"]);
      const meeting = await repo.getMeeting(paragraphs[0].meeting_id as number);
      assert.equal(meeting?.agenda.length, nAgenda);
      assert.equal(meeting?.agenda.at(-1)?.title, `Agenda ${word("zq", nAgenda - 1)}`);
      assert.equal(meeting?.minutes.length, nMinutes);

      // Idempotent by content hash.
      const counts = await repo.tableCounts();
      const again = await repo.importDocument(result, { path: "/batches/big.txt" });
      assert.equal(again.status, "unchanged");
      assert.equal(again.items, nAgenda + nMinutes);
      assert.deepEqual(await repo.tableCounts(), counts);
    });

    test("a shared meeting shows each section from the document giving most rows, ties to the earliest", async () => {
      const repo = await fresh();
      const shownFrom = async (meetingId: number) => {
        const m = await repo.getMeeting(meetingId);
        const docs = new Set(m?.agenda.map((a) => a.provenance.documentId));
        const hits = await repo.search("sharedtopic", {}, { limit: 50, offset: 0 });
        return {
          agenda: [...docs],
          items: m?.agenda.length,
          hits: [...new Set(hits.hits.map((h) => h.provenance.documentId))],
          total: hits.total,
        };
      };
      const a = await repo.importDocument(agendaDocument("alpha", 3), { path: "/shared/a.txt" });
      const [meetingId] = (await repo.listMeetings({}, { limit: 5, offset: 0 })).items.map((m) => m.id);
      assert.deepEqual(await shownFrom(meetingId), {
        agenda: [a.documentId],
        items: 3,
        hits: [a.documentId],
        total: 3,
      });
      // More items: the new document is shown and the earlier one's rows are shadowed.
      const b = await repo.importDocument(agendaDocument("bravo", 5), { path: "/shared/b.txt" });
      assert.deepEqual(await shownFrom(meetingId), {
        agenda: [b.documentId],
        items: 5,
        hits: [b.documentId],
        total: 5,
      });
      // As many: the earlier document stays shown; fewer: likewise.
      const c = await repo.importDocument(agendaDocument("charlie", 5), { path: "/shared/c.txt" });
      await repo.importDocument(agendaDocument("delta", 2), { path: "/shared/d.txt" });
      assert.deepEqual(await shownFrom(meetingId), {
        agenda: [b.documentId],
        items: 5,
        hits: [b.documentId],
        total: 5,
      });
      // The shown document replaced by a shorter one: the next fullest takes over.
      const b2 = await repo.importDocument(agendaDocument("bravo", 1, "edited"), { path: "/shared/b.txt" });
      assert.equal(b2.status, "replaced");
      assert.deepEqual(await shownFrom(meetingId), {
        agenda: [c.documentId],
        items: 5,
        hits: [c.documentId],
        total: 5,
      });
      // Every stored row of the meeting is either shown (one document) or shadowed.
      const agenda = await rows(repo, "agenda_items");
      assert.equal(agenda.length, 3 + 5 + 2 + 1);
      for (const r of agenda) assert.equal(Number(r.shadowed), Number(r.document_id) === c.documentId ? 0 : 1);
      const paragraphs = await rows(repo, "paragraphs");
      for (const p of paragraphs) assert.equal(Number(p.shadowed), Number(p.document_id) === c.documentId ? 0 : 1);
    });
  });
}

suite("SQLite", async () => {
  const repo = await openSqlite({ file: ":memory:" });
  return { repo, cleanup: () => repo.close() };
});

const pgUrl = testPostgresUrl();
if (pgUrl)
  suite("PostgreSQL", async () => {
    const schema = `minutebook_batch_${randomBytes(6).toString("hex")}`;
    const repo = await openPostgres({ url: pgUrl, schema });
    return {
      repo,
      cleanup: async () => {
        await repo.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await repo.close();
      },
    };
  });
else
  test("batched import on PostgreSQL", {
    skip: "MINUTEBOOK_TEST_PG_URL is not set (bash scripts/pg-start.sh prints it)",
  }, () => {});
