/**
 * The money page and its /api twin over real SQLite stores: the seeds' sums filtered by committee
 * and dates, sorted by amount, paged, each linked to its item and the line it is printed on; bad
 * filters are 400s and unknown committees 404s; the navigation leads here. An invented council's
 * meeting holds sums in exempt places (an exempt minute, reports of items minuted or titled as
 * exempt, a report marked not for publication) and one public sum: only the public sum appears, on
 * the page, in the JSON and in every topic.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Hono } from "hono";
import { command as demoCommand } from "../../cli/commands/demo";
import { parseFile } from "../../pipeline/parse-file";
import { seedFiles } from "../../testing/shared";
import { createApp } from "../app";
import { openApiValidator, type SeededStore, seededStore } from "../testing";
import { type MoneyData, moneyData, type TimelineData, type TopicData, type TopicsData } from "./records";
import { eastmarchStore, SECRET } from "./testing";
import { moneyPage } from "./views";

async function get(app: Hono, path: string) {
  const r = await app.request(path);
  return { status: r.status, type: r.headers.get("content-type") ?? "", body: await r.text() };
}

async function json<T>(app: Hono, path: string): Promise<T> {
  const r = await get(app, path);
  assert.equal(r.status, 200, `${path}: ${r.body.slice(0, 300)}`);
  return JSON.parse(r.body) as T;
}

/** Every page of /api/money for a query. */
async function allSums(app: Hono, query = ""): Promise<MoneyData["money"]> {
  const out: MoneyData["money"] = [];
  for (let page = 1; ; page++) {
    const d = await json<MoneyData>(app, `/api/money?${query}${query ? "&" : ""}page=${page}`);
    out.push(...d.money);
    if (out.length >= d.total) return out;
  }
}

describe("the money page over the seeds and a demo council", () => {
  let store: SeededStore;
  let app: Hono;
  let demoDir: string;
  before(async () => {
    store = await seededStore();
    app = createApp(store.repo, { onError: () => {}, checkEveryMs: 0, waitForLinks: true });
    demoDir = mkdtempSync(join(tmpdir(), "minutebook-money-demo-"));
    const log = console.log;
    console.log = () => {};
    try {
      assert.equal(await demoCommand.run(["--meetings", "30", "--out", demoDir, "--seed", "money"]), 0);
    } finally {
      console.log = log;
    }
    for (const f of readdirSync(demoDir).sort()) {
      if (!f.endsWith(".txt")) continue;
      await store.repo.importDocument(await parseFile(join(demoDir, f)), { path: join(demoDir, f) });
    }
  });
  after(async () => {
    await store?.close();
    if (demoDir) rmSync(demoDir, { recursive: true, force: true });
  });

  test("every sum links to its item and the line it is printed on", async () => {
    const sums = await allSums(app);
    assert.ok(sums.length >= 10, `${sums.length} sums`);
    const files = [...seedFiles(), ...readdirSync(demoDir).map((f) => join(demoDir, f))];
    const seedText = new Map(files.map((f) => [f.split("/").pop() as string, readFileSync(f, "utf8")]));
    for (const m of sums) {
      assert.match(m.place.href ?? "", /^\/meetings\/\d+#(minute|report)-\d+$/, m.place.ref);
      assert.ok(m.place.title && m.place.title !== m.place.ref, `${m.place.ref} has its item's title`);
      assert.ok(m.committeeId, m.place.ref);
      const s = m.place.source;
      assert.ok(s, `${m.asPrinted} has its source`);
      assert.equal(s.span.startLine, s.span.endLine, "the line of the sum, not the whole item");
      const text = seedText.get(s.documentName);
      assert.ok(text, s.documentName);
      const lines = text.split("\n");
      const here = (lines[s.span.startLine - 1] + (lines[s.span.startLine] ?? "")).replace(/\s+/g, "");
      assert.ok(here.includes(m.asPrinted.replace(/\s+/g, "")), `${m.asPrinted} on line ${s.span.startLine}`);
    }
    const transfer = sums.find((m) => m.asPrinted === "£2.85m");
    assert.ok(transfer);
    assert.equal(transfer.place.date, "2017-02-10");
    assert.equal(transfer.place.ref, "minute 523(h)");
    assert.match(transfer.place.title, /^Medium Term Financial Strategy/);
    // The page shows the item, the meeting and a link to the exact line.
    const page = await get(app, "/money?from=2017-02-10&to=2017-02-10");
    assert.equal(page.status, 200);
    assert.match(page.body, /£2\.85m<br><span class="govuk-body-s minutebook-meta">£2,850,000<\/span>/);
    const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    assert.match(page.body, new RegExp(`href="${esc(transfer.place.href ?? "")}">${esc(transfer.place.ref)}: `));
    assert.match(
      page.body,
      new RegExp(`href="/documents/${transfer.place.source?.documentId}\\?at=\\d+&amp;to=\\d+#L\\d+"`),
    );
  });

  test("filters: committee and dates; sorts: amount both ways and date; pages", async () => {
    const all = await allSums(app);
    const committees = (await json<MoneyData>(app, "/api/money")).committees;
    assert.ok(committees.length >= 2, "sums in more than one committee");
    assert.equal(
      committees.reduce((n, c) => n + c.count, 0),
      all.length,
    );
    for (const c of committees) {
      const mine = await allSums(app, `committee=${c.id}`);
      assert.equal(mine.length, c.count, c.name);
      assert.ok(mine.every((m) => m.committeeId === c.id && m.place.committee === c.name));
    }
    const ranged = await allSums(app, "from=1/1/2017&to=2017-12-31");
    assert.ok(ranged.length > 0 && ranged.length < all.length);
    assert.equal(ranged.length, all.filter((m) => (m.place.date ?? "").startsWith("2017")).length);
    const largest = await allSums(app, "sort=amount-desc");
    const amounts = largest.map((m) => m.pounds);
    assert.deepEqual(
      amounts,
      [...amounts].sort((a, b) => b - a),
    );
    const smallest = (await allSums(app, "sort=amount-asc")).map((m) => m.pounds);
    assert.deepEqual(
      smallest,
      [...amounts].reverse().sort((a, b) => a - b),
    );
    const newest = (await allSums(app)).map((m) => m.place.date ?? "");
    assert.deepEqual(newest, [...newest].sort().reverse());
    // Pages hold `limit` sums each and together all of them, once (pages of 5 here, to have several).
    const first = await json<MoneyData>(app, "/api/money?sort=amount-desc");
    assert.equal(first.money.length, Math.min(first.limit, first.total));
    const refs = [
      ...new Map(all.map((m) => [m.committeeId, { id: m.committeeId as number, name: m.place.committee }])).values(),
    ];
    const filter = { committee: null, from: null, to: null, sort: "amount-desc" as const };
    const paged: MoneyData["money"] = [];
    const pages = Math.ceil(all.length / 5);
    for (let p = 1; p <= pages; p++) {
      const d = moneyData(largest, refs, filter, p, 5);
      assert.equal(d.total, all.length);
      assert.ok(d.money.length === 5 || p === pages);
      paged.push(...d.money);
    }
    assert.deepEqual(paged, largest);
    const view = moneyPage(moneyData(largest, refs, filter, 2, 5), new URLSearchParams("sort=amount-desc&page=2"));
    assert.match(view.body.value, /<nav class="govuk-pagination"/);
    assert.match(view.body.value, /href="\/money\?sort=amount-desc&amp;page=3"[^>]*rel="next"|rel="next"/);
    assert.match(view.body.value, /Showing 6 to 10, largest first\./);
    const html = await get(app, `/money?committee=${committees[0].id}&sort=amount-desc`);
    assert.match(html.body, new RegExp(`<option value="${committees[0].id}" selected>`));
    assert.match(html.body, /<option value="amount-desc" selected>Largest first<\/option>/);
  });

  test("bad filters are 400s, an unknown committee or page a 404, as page and JSON", async () => {
    for (const q of ["sort=biggest", "from=2017-02-30", "from=2018-01-01&to=2017-01-01", "committee=abc", "page=0"]) {
      assert.equal((await get(app, `/money?${q}`)).status, 400, q);
      assert.equal((await get(app, `/api/money?${q}`)).status, 400, q);
    }
    for (const q of ["committee=999999", "page=999"]) {
      const page = await get(app, `/money?${q}`);
      assert.equal(page.status, 404, q);
      assert.match(page.body, /Page not found/);
      assert.equal((await get(app, `/api/money?${q}`)).status, 404, q);
    }
  });

  test("the navigation leads to Money, marked current there; the JSON follows the OpenAPI document", async () => {
    const home = await get(app, "/");
    assert.match(home.body, /<a class="govuk-service-navigation__link" href="\/money">Money<\/a>/);
    const page = await get(app, "/money");
    assert.match(page.body, /href="\/money" aria-current="page"/);
    assert.match(page.body, /<link rel="alternate" type="application\/json" href="\/api\/money"/);
    const api = await openApiValidator(app);
    for (const q of ["", "?sort=amount-asc&from=2015-01-01", "?committee=1"])
      assert.deepEqual(api.check(`/api/money${q}`, await json(app, `/api/money${q}`)), []);
    const money = api.doc.paths["/api/money"].get as unknown as { parameters: { name: string }[] };
    const params = money.parameters.map((p) => p.name);
    assert.deepEqual(params.sort(), ["committee", "from", "page", "sort", "to"]);
  });
});

describe("exempt material never feeds the money page", () => {
  let store: Awaited<ReturnType<typeof eastmarchStore>>;
  let app: Hono;
  before(async () => {
    store = await eastmarchStore();
    app = createApp(store.repo, { onError: () => {}, checkEveryMs: 0, waitForLinks: true });
  });
  after(async () => store?.close());

  test("only the public sum appears: in the JSON, on the page, in every topic", async () => {
    const sums = await allSums(app);
    assert.deepEqual(sums.map((m) => [m.asPrinted, m.source]).sort(), [
      ["£1.5m", "recommendation"],
      ["£1.5m", "resolution"],
    ]);
    for (const m of sums) assert.match(m.place.title, /^Market Square Resurfacing$/);
    for (const sort of ["amount-desc", "amount-asc", "date-asc"]) {
      const page = await get(app, `/money?sort=${sort}`);
      assert.equal(page.status, 200);
      assert.match(page.body, /£1\.5m/);
      assert.doesNotMatch(page.body, SECRET);
      assert.doesNotMatch((await get(app, `/api/money?sort=${sort}`)).body, SECRET);
    }
    // The exempt minute keeps its title on the meeting page; its sums are nowhere.
    const topics = await json<TopicsData>(app, "/api/topics");
    for (const t of topics.topics)
      assert.doesNotMatch(JSON.stringify(await json<TopicData>(app, `/api/topics/${t.id}`)), SECRET);
  });

  test("the contact officer of the public report is on their timeline; the exempt report is not", async () => {
    const people = await json<{ people: { items: { id: number; name: string }[] } }>(app, "/api/people");
    const jo = people.people.items.find((p) => /Bloggs/.test(p.name));
    assert.ok(jo, "Jo Bloggs is in attendance, so a person in the store");
    const d = await json<TimelineData>(app, `/api/people/${jo.id}/timeline`);
    const officer = d.events.filter((e) => e.kind === "report-officer");
    assert.deepEqual(
      officer.map((e) => e.text),
      ["Contact officer for the report “Market Square Resurfacing”"],
    );
    assert.match(officer[0].href ?? "", /^\/meetings\/\d+#report-\d+$/);
  });
});
