/**
 * The people list over the seeds and the corpus (issue 16): searchable by any printed form of a name,
 * filterable by council, and each person labelled councillor, officer or other attendee, or named only,
 * by the records (checked here against the store's tables); the person page says the same.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { createApp } from "./app";
import type { PeopleData, PersonData } from "./schemas";
import { corpusStore, type SeededStore } from "./testing";

let store: SeededStore;
let app: Hono;
const json = async <T>(path: string) => {
  const r = await app.request(path);
  assert.equal(r.status, 200, path);
  return (await r.json()) as T;
};
const rows = <T>(sql: string, params: (string | number)[] = []) => store.repo.sql.all<T>(sql, params);

before(async () => {
  store = await corpusStore();
  app = createApp(store.repo, { now: () => new Date("2026-01-01T12:00:00Z"), onError: () => {}, checkEveryMs: 0 });
});
after(async () => store?.close());

test("filtered by council: that council's people only, all of them", async () => {
  const councils = (await json<PeopleData>("/api/people")).councils;
  assert.ok(councils.length > 3, councils.join("; "));
  for (const council of councils.slice(0, 4)) {
    const [{ n }] = await rows<{ n: number }>(
      "SELECT count(*) AS n FROM people p JOIN authorities a ON a.id = p.authority_id WHERE a.name = ?",
      [council],
    );
    const d = await json<PeopleData>(`/api/people?council=${encodeURIComponent(council)}`);
    assert.equal(d.people.total, Number(n), council);
    assert.ok(d.people.items.every((p) => p.council === council));
  }
});

test("searched by name: any printed form finds the person, and only people whose name has it", async () => {
  // The printed forms of the Kent councillor of issue 16, one of which carries no forename.
  const [collor] = await rows<{ id: number }>(
    "SELECT DISTINCT person_id AS id FROM person_aliases WHERE printed = 'Mr Nigel Collor'",
  );
  assert.ok(collor);
  for (const q of ["collor", "Nigel Collor", "N J Collor"]) {
    const d = await json<PeopleData>(`/api/people?q=${encodeURIComponent(q)}`);
    assert.ok(
      d.people.items.some((p) => p.id === Number(collor.id)),
      `${q}: ${d.people.items.map((p) => p.name)}`,
    );
    for (const p of d.people.items) {
      const forms = await rows<{ printed: string }>("SELECT printed FROM person_aliases WHERE person_id = ?", [p.id]);
      assert.ok(
        [p.name, ...forms.map((f) => f.printed)].some((f) => f.toLowerCase().includes(q.toLowerCase())),
        `${p.name} matches ${q}`,
      );
    }
  }
  // LIKE's wildcards are taken as typed.
  assert.equal((await json<PeopleData>("/api/people?q=%25")).people.total, 0);
});

test("councillors, officers and others are told apart by what the records say of them", async () => {
  const seen = new Set<string>();
  for (let page = 1; page <= 3; page++) {
    const d = await json<PeopleData>(`/api/people?page=${page}`);
    for (const p of d.people.items) {
      seen.add(p.kind);
      const [r] = await rows<{ member: number; attending: number }>(
        `SELECT (SELECT count(*) FROM membership WHERE person_id = ?) + (SELECT count(*) FROM attendance WHERE person_id = ? AND status IN ('present', 'apologies'))
           + (SELECT count(*) FROM declarations WHERE person_id = ?) + (SELECT count(*) FROM vote_casts WHERE person_id = ?) AS member,
         (SELECT count(*) FROM attendance WHERE person_id = ? AND status = 'in-attendance') AS attending`,
        [p.id, p.id, p.id, p.id, p.id],
      );
      const expected = Number(r.member) ? "councillor" : Number(r.attending) ? "attendee" : "named";
      assert.equal(p.kind, expected, p.name);
      const detail = await json<PersonData>(`/api/people/${p.id}`);
      assert.equal(detail.kind, p.kind);
      assert.equal(detail.council, p.council);
    }
  }
  assert.ok(seen.has("councillor") && seen.has("attendee"), [...seen].join(", "));
  // The page says it: the column and the person page's caption.
  const officer = (await json<PeopleData>("/api/people?page=1")).people.items.find((p) => p.kind === "attendee");
  if (officer) {
    const page = await (await app.request(`/people/${officer.id}`)).text();
    assert.match(page, /<span class="govuk-caption-l">Officer or other attendee, /);
  }
  const list = await (await app.request("/people")).text();
  assert.match(list, /Recorded as/);
});

test("an unknown council is named in the error summary and the name typed is kept", async () => {
  const r = await app.request("/people?q=collor&council=Nowhere%20Council");
  assert.equal(r.status, 400);
  const body = await r.text();
  assert.match(body, /<a href="#council">The council must be one of: /);
  assert.match(body, /id="q" name="q" type="search" value="collor"/);
  assert.equal((await app.request("/api/people?council=Nowhere%20Council")).status, 400);
});
