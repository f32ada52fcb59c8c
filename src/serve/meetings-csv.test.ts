/**
 * /meetings.csv (issue 16): every meeting the /meetings filters select, one row each (all pages), the
 * same rows as the JSON list, documented in the OpenAPI document; a bad filter is a 400.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { createApp } from "./app";
import type { MeetingsData } from "./schemas";
import { type SeededStore, seededStore } from "./testing";

let store: SeededStore;
let app: Hono;

before(async () => {
  store = await seededStore();
  app = createApp(store.repo, { now: () => new Date("2017-03-01T12:00:00Z"), onError: () => {}, checkEveryMs: 0 });
});
after(async () => store?.close());

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(cell), (cell = "");
    else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

async function csv(path: string) {
  const r = await app.request(path);
  assert.equal(r.status, 200, path);
  assert.match(r.headers.get("Content-Type") ?? "", /^text\/csv/);
  const [head, ...rows] = parseCsv(await r.text());
  return rows.map((cells) => Object.fromEntries(head.map((h, i) => [h, cells[i]])));
}

const listed = async (query: string) => {
  const first = (await (await app.request(`/api/meetings?limit=100${query}`)).json()) as MeetingsData;
  return first.meetings;
};

test("one row per meeting the filters select, as the JSON list has them, in its order", async () => {
  const all = await listed("");
  const rows = await csv("/meetings.csv");
  assert.equal(rows.length, all.total);
  assert.ok(all.total > 0);
  for (const [i, m] of all.items.entries()) {
    const row = rows[i];
    assert.equal(Number(row.meeting_id), m.id);
    assert.equal(row.date, m.date ?? "");
    assert.equal(row.committee, m.committee.name);
    assert.equal(row.council, m.authority ?? "");
    assert.equal(Number(row.minutes), m.counts.minutes);
    assert.equal(row.url, `http://localhost/meetings/${m.id}`);
  }
  const committee = all.items[0].committee.id;
  const narrowed = await csv(`/meetings.csv?committee=${committee}`);
  assert.equal(narrowed.length, (await listed(`&committee=${committee}`)).total);
  assert.ok(narrowed.every((r) => Number(r.committee_id) === committee));
  const year = (all.items.find((m) => m.date)?.date ?? "").slice(0, 4);
  const inYear = await csv(`/meetings.csv?year=${year}`);
  assert.equal(inYear.length, (await listed(`&year=${year}`)).total);
  assert.ok(inYear.every((r) => r.date.startsWith(year)));
});

test("a bad filter is a 400 naming it; the download is in the OpenAPI document and linked from /meetings", async () => {
  const r = await app.request("/meetings.csv?year=soon");
  assert.equal(r.status, 400);
  assert.match(await r.text(), /year/);
  const doc = (await (await app.request("/api/openapi.json")).json()) as {
    paths: Record<
      string,
      { get?: { parameters?: { name: string }[]; responses: Record<string, { content?: object }> } }
    >;
  };
  const op = doc.paths["/meetings.csv"]?.get;
  assert.ok(op, "documented");
  assert.deepEqual(op.parameters?.map((p) => p.name).sort(), ["committee", "year"]);
  assert.ok(Object.keys(op.responses["200"].content ?? {}).includes("text/csv"));
  const page = await (await app.request("/meetings?year=2017")).text();
  assert.match(page, /href="\/meetings\.csv\?year=2017" download>Download these meetings \(CSV\)/);
});
