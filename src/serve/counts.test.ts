/**
 * Counts that agree across pages (issue 16), each computed here from the store's tables: the home page's
 * "Decisions" is the decisions register's total; a person's headline attendance, the sums of their table
 * by committee and the people list's "Meetings attended" are one count of the meetings they were present at.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { createApp } from "./app";
import type { DecisionsData, HomeData, PeopleData, PersonData } from "./schemas";
import { type SeededStore, seededStore } from "./testing";

let store: SeededStore;
let app: Hono;
const json = async <T>(path: string) => {
  const r = await app.request(path);
  assert.equal(r.status, 200, path);
  return (await r.json()) as T;
};
const count = async (sql: string, params: number[] = []) =>
  Number((await store.repo.sql.all<{ n: number }>(sql, params))[0].n);

before(async () => {
  store = await seededStore();
  app = createApp(store.repo, { now: () => new Date("2017-03-01T12:00:00Z"), onError: () => {}, checkEveryMs: 0 });
});
after(async () => store?.close());

test("the home page's Decisions is the register's count of minutes with resolutions", async () => {
  const expected = await count(
    `SELECT count(*) AS n FROM minutes m WHERE m.shadowed = 0
     AND EXISTS (SELECT 1 FROM resolutions r WHERE r.minute_id = m.id)`,
  );
  assert.ok(expected > 0);
  const home = await json<HomeData>("/api/home");
  const register = await json<DecisionsData>("/api/decisions");
  assert.equal(home.decisions, expected);
  assert.equal(register.decisions.total, expected);
  const page = await (await app.request("/")).text();
  assert.match(
    page,
    new RegExp(
      `Decisions</dt>\\s*<dd class="govuk-summary-list__value"><a class="govuk-link" href="/decisions">${expected}</a>`,
    ),
  );
  assert.match(await (await app.request("/decisions")).text(), new RegExp(`${expected} decisions\\.`));
});

test("a person's headline attendance, their table's sums and the people list agree with the store", async () => {
  const people = (await json<PeopleData>("/api/people?limit=50")).people.items;
  let checked = 0;
  for (const listed of people) {
    const present = await count(
      "SELECT count(DISTINCT meeting_id) AS n FROM attendance WHERE person_id = ? AND status = 'present' AND shadowed = 0",
      [listed.id],
    );
    const p = await json<PersonData>(`/api/people/${listed.id}`);
    const sum = (k: "attended" | "apologies" | "absent" | "expected") => p.byCommittee.reduce((n, r) => n + r[k], 0);
    assert.equal(p.attendance.attended, present, `${p.name}: headline attended`);
    assert.equal(sum("attended"), present, `${p.name}: the table's attended`);
    assert.equal(listed.meetingsAttended, present, `${p.name}: the people list`);
    assert.equal(sum("expected"), p.attendance.expected, `${p.name}: the table's expected is the headline's`);
    assert.equal(sum("apologies"), p.attendance.apologies, `${p.name}: apologies`);
    assert.equal(sum("attended") + sum("apologies") + sum("absent"), sum("expected"));
    const page = await (await app.request(`/people/${listed.id}`)).text();
    assert.match(page, new RegExp(`Attended ${present} of ${p.attendance.expected} meetings? expected`));
    if (present) checked++;
  }
  assert.ok(checked > 5, `people with attendance checked: ${checked}`);
});
