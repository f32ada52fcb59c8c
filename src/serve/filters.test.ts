/**
 * Bad filter input on the public pages (issue 16): a date that is not a date, a page of "zero", an unknown
 * type gets a 400 with the GOV.UK error summary on the same page, each message linked to its field, the
 * field marked and the input kept as typed; the JSON twin of the same address stays a plain 400.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { createApp } from "./app";
import { type SeededStore, seededStore } from "./testing";

let store: SeededStore;
let app: Hono;

before(async () => {
  store = await seededStore();
  app = createApp(store.repo, { now: () => new Date("2017-03-01T12:00:00Z"), onError: () => {}, checkEveryMs: 0 });
});
after(async () => store?.close());

async function page(path: string) {
  const r = await app.request(path);
  return { status: r.status, body: await r.text() };
}

/** The error summary's links (href → text) and the whole page. */
function summary(body: string): Map<string, string> {
  const box = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(body)?.[0] ?? "";
  return new Map([...box.matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]));
}

test("a year that is not a year: the meetings page says so at the field and keeps what was typed", async () => {
  const r = await page("/meetings?year=20l7");
  assert.equal(r.status, 400);
  assert.match(r.body, /<title>Error: Meetings – Minutebook<\/title>/);
  assert.deepEqual([...summary(r.body)], [["year", "The year must be a four-digit year, for example 2017."]]);
  assert.match(r.body, /<div class="govuk-form-group govuk-form-group--error"><label class="govuk-label" for="year">/);
  assert.match(r.body, /<p id="year-error" class="govuk-error-message">/);
  assert.match(r.body, /id="year" name="year"[^>]*value="20l7"[^>]*aria-describedby="year-error"/);
  // The rest of the page still works: the meetings are listed, unfiltered.
  assert.match(r.body, /\d+ meetings?\./);
  const api = await app.request("/api/meetings?year=20l7");
  assert.equal(api.status, 400);
  assert.match(((await api.json()) as { error: { message: string } }).error.message, /year/);
});

test("dates on the decisions page: the bad one is kept as typed and marked, the good one read", async () => {
  const r = await page("/decisions?from=31/2/2017&to=1/4/2017");
  assert.equal(r.status, 400);
  assert.deepEqual([...summary(r.body).keys()], ["from"]);
  assert.match(r.body, /id="from" name="from"[^>]*value="31\/2\/2017"[^>]*aria-describedby="from-hint from-error"/);
  assert.match(r.body, /id="to" name="to"[^>]*value="1\/4\/2017"/);
  assert.doesNotMatch(r.body, /id="to-error"/);
  const ok = await page("/decisions?from=1/1/2017");
  assert.equal(ok.status, 200);
  assert.doesNotMatch(ok.body, /govuk-error-summary/);
});

test("search: an unknown type and a bad page are each named, the words searched kept", async () => {
  const r = await page("/search?q=care&type=memo&page=zero");
  assert.equal(r.status, 400);
  const s = summary(r.body);
  assert.match(s.get("f-type") ?? "", /^The type must be one of: /);
  assert.match(s.get("main-content") ?? "", /^The page number must be a whole number/);
  assert.match(r.body, /id="q" name="q" type="search" value="care"/);
  assert.match(r.body, /<p id="f-type-error" class="govuk-error-message">/);
  // The search still ran on what could be read.
  assert.match(r.body, /id="results-heading">\d+ results?</);
  assert.equal((await app.request("/api/search?q=care&type=memo")).status, 400);
});

test("a page type whose view marks no field still gets the summary", async () => {
  const r = await page("/documents/1?at=first");
  assert.equal(r.status, 400);
  assert.match(r.body, /<title>Error: /);
  assert.equal(summary(r.body).get("main-content"), "The line must be a whole number from 1 to 10000000.");
});
