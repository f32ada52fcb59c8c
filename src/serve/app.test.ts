/**
 * The portal app over a real SQLite store with the seeds imported, through app.request(): every page
 * and its JSON twin, the twins against the OpenAPI schemas, 404/400/500 handling, security headers,
 * exempt items, feeds and downloads, escaping of hostile input, and cache invalidation on import.
 */
import assert from "node:assert/strict";
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import type { ParseResult } from "../model/parse-v1";
import { parseFile } from "../pipeline/parse-file";
import { openRepository } from "../store/open";
import type { MeetingDetail, MeetingSummary } from "../store/repository";
import { seedFiles, sharedPath } from "../testing/shared";
import { createApp } from "./app";
import { openApiPath, withoutTwin } from "./openapi";
import { openApiValidator, type SeededStore, seededStore } from "./testing";

let store: SeededStore;
let app: Hono;
let meetings: MeetingSummary[];
let details: MeetingDetail[];

async function get(path: string, init?: RequestInit) {
  const r = await app.request(path, init);
  return { status: r.status, type: r.headers.get("content-type") ?? "", headers: r.headers, body: await r.text() };
}

async function json<T>(path: string): Promise<T> {
  const r = await get(path);
  assert.equal(r.status, 200, `${path}: ${r.body.slice(0, 200)}`);
  return JSON.parse(r.body) as T;
}

before(async () => {
  store = await seededStore();
  app = createApp(store.repo, { now: () => new Date("2017-03-01T12:00:00Z"), onError: () => {} });
  meetings = (await json<{ meetings: { items: MeetingSummary[]; total: number } }>("/api/meetings?page=1")).meetings
    .items;
  details = await Promise.all(meetings.map((m) => json<MeetingDetail>(`/api/meetings/${m.id}`)));
});

after(async () => {
  await store?.close();
});

/** Every page address in the portal for the seeded store (one of each list, every record). */
async function allPages(): Promise<string[]> {
  const committees = await json<{ id: number }[]>("/api/committees");
  const people = await json<{ people: { items: { id: number }[]; total: number } }>("/api/people");
  const docs = new Set(details.flatMap((d) => d.documents.map((x) => x.id)));
  const decisions = await json<{ decisions: { total: number; limit: number } }>("/api/decisions");
  const decisionPages = Math.ceil(decisions.decisions.total / decisions.decisions.limit);
  return [
    "/",
    "/meetings",
    "/committees",
    "/people",
    "/search?q=care",
    "/open-data",
    ...Array.from({ length: decisionPages }, (_, i) => `/decisions?page=${i + 1}`),
    ...meetings.map((m) => `/meetings/${m.id}`),
    ...committees.map((c) => `/committees/${c.id}`),
    ...people.people.items.map((p) => `/people/${p.id}`),
    ...[...docs].map((id) => `/documents/${id}`),
  ];
}

test("every page renders as HTML and its /api twin validates (ajv) against the served OpenAPI document", async () => {
  const api = await openApiValidator(app);
  const problems: string[] = [];
  for (const path of await allPages()) {
    if (path === "/open-data") continue;
    const page = await get(path);
    assert.equal(page.status, 200, path);
    assert.match(page.type, /^text\/html/);
    assert.match(page.body, /<h1 class="govuk-heading-[a-z]+">/);
    const apiPath = path === "/" ? "/api/home" : `/api${path}`;
    const twin = await get(apiPath);
    assert.equal(twin.status, 200, apiPath);
    assert.match(twin.type, /^application\/json/);
    assert.ok(api.template(apiPath), `${apiPath} is described in the OpenAPI document`);
    problems.push(...api.check(apiPath, JSON.parse(twin.body)));
  }
  assert.deepEqual(problems.slice(0, 20), []);
  // The schemas are not vacuous: a changed record fails, and so does a field no schema names.
  const meeting = JSON.parse((await get(`/api/meetings/${meetings[0].id}`)).body);
  assert.notDeepEqual(api.check(`/api/meetings/${meetings[0].id}`, { ...meeting, date: "10 March 2017" }), []);
  assert.notDeepEqual(api.check(`/api/meetings/${meetings[0].id}`, { ...meeting, secret: "x" }), []);
  assert.notDeepEqual(api.check("/api/committees", [{ id: "1" }]), []);
});

test("errors answer with the document's Error schema", async () => {
  const api = await openApiValidator(app);
  for (const [path, status] of [
    ["/api/meetings/999999", 404],
    ["/api/meetings?page=x", 400],
  ] as const) {
    const r = await get(path);
    assert.equal(r.status, status, path);
    assert.deepEqual(api.check(path, JSON.parse(r.body), status), []);
  }
});

test("every API route and every page's JSON twin in the router is in the generated OpenAPI document", async () => {
  const doc = (await json<{ paths: Record<string, Record<string, unknown>> }>("/api/openapi.json")).paths;
  const routes = app.routes.filter((r) => r.method !== "ALL"); // ALL: middleware
  const has = (method: string, path: string) => routes.some((r) => r.method === method && r.path === path);
  const missing: string[] = [];
  for (const r of routes) {
    const method = r.method.toLowerCase();
    const path = openApiPath(r.path);
    if (r.path === "/api" || r.path.startsWith("/api/")) {
      if (!doc[path]?.[method])
        missing.push(
          `${r.method} ${r.path}: an API route missing from /api/openapi.json. Describe it where it is registered: describe(app, "${method}", "${r.path}", { summary, response: <its zod schema> }) from src/serve/openapi.ts.`,
        );
    } else if (r.method === "GET") {
      // A page's twin is /api + its address (the home page's is /api/home); feeds and downloads are described themselves.
      const twin = r.path === "/" ? "/api/home" : `/api${r.path}`;
      if (doc[path]?.get || withoutTwin(r.path)) continue;
      if (!has("GET", twin))
        missing.push(
          `GET ${r.path}: a page with no JSON twin. Register it with page() (src/serve/app.ts), which adds /api${r.path} and describes it, or, if it has no data to give, add it to PAGES_WITHOUT_TWIN in src/serve/openapi.ts with the reason.`,
        );
      else if (!doc[openApiPath(twin)]?.get)
        missing.push(
          `GET ${twin}: the twin of ${r.path} is missing from /api/openapi.json: describe it with its zod schema.`,
        );
    }
  }
  assert.deepEqual(missing, []);
  // Not vacuous: the router holds the pages, twins and feeds the portal is known to have.
  for (const p of ["/api/meetings/{id}", "/api/topics/{id}", "/api/people/{id}/timeline", "/meetings.ics"])
    assert.ok(doc[p]?.get, p);
  assert.ok(routes.length >= 40, `${routes.length} routes`);
});

test("the OpenAPI document is 3.1 and resolves every $ref", async () => {
  const doc = await json<{ openapi: string; paths: Record<string, unknown>; components: { schemas: object } }>(
    "/api/openapi.json",
  );
  assert.equal(doc.openapi, "3.1.0");
  const refs = JSON.stringify(doc).match(/#\/components\/schemas\/\w+/g) ?? [];
  for (const r of new Set(refs)) assert.ok((r.split("/").pop() as string) in doc.components.schemas, r);
});

test("unknown ids are 404 pages (HTML, or JSON under /api), never a stack trace", async () => {
  for (const path of [
    "/meetings/999999",
    "/meetings/0",
    "/meetings/abc",
    "/meetings/1.5",
    "/meetings/99999999999999999999",
    "/committees/999999",
    "/people/999999",
    "/documents/999999",
    "/no/such/page",
    "/assets/nope.css",
  ]) {
    const html = await get(path);
    assert.equal(html.status, 404, path);
    if (!path.startsWith("/assets/")) {
      assert.match(html.type, /^text\/html/, path);
      assert.match(html.body, /Page not found/);
    }
    assert.doesNotMatch(html.body, /\bat .*\(.*:\d+:\d+\)|Error:/, path);
    const api = await get(`/api${path}`);
    assert.equal(api.status, 404, `/api${path}`);
    assert.match(api.type, /^application\/json/);
    assert.equal(JSON.parse(api.body).error.status, 404);
  }
});

test("pages and API twins carry ETags and answer If-None-Match with 304", async () => {
  for (const path of ["/meetings/1", "/api/meetings/1"]) {
    const first = await app.request(path);
    const etag = first.headers.get("etag") as string;
    assert.match(etag, /^"[\w-]+"$/);
    const again = await app.request(path, { headers: { "If-None-Match": etag } });
    assert.equal(again.status, 304, path);
    assert.equal(await again.text(), "");
    assert.equal((await app.request(path, { headers: { "If-None-Match": '"other"' } })).status, 200);
    // A 304 must not carry headers that would replace the cached page's (its CSP above all).
    assert.equal(again.headers.get("content-security-policy"), null);
  }
});

test("/api/meetings and /meetings honour limit: that many rows, pages counted by it, out of range a 400", async () => {
  const all = (await (await app.request("/api/meetings")).json()) as { meetings: { total: number; limit: number } };
  assert.equal(all.meetings.limit, 20);
  const r = await app.request("/api/meetings?limit=3&page=2");
  assert.equal(r.status, 200);
  const body = (await r.json()) as { meetings: { items: { id: number }[]; limit: number; offset: number } };
  assert.equal(body.meetings.items.length, Math.min(3, Math.max(0, all.meetings.total - 3)));
  assert.equal(body.meetings.limit, 3);
  assert.equal(body.meetings.offset, 3);
  for (const bad of ["0", "101", "x"]) assert.equal((await app.request(`/api/meetings?limit=${bad}`)).status, 400);
  const html = await (await app.request("/meetings?limit=5")).text();
  assert.equal(
    [...html.matchAll(/<a class="govuk-link" href="\/meetings\/\d+">/g)].length,
    Math.min(5, all.meetings.total),
  );
});

test("a trailing slash redirects to the page without it", async () => {
  const r = await app.request("/meetings/?page=1");
  assert.equal(r.status, 301);
  assert.equal(new URL(r.headers.get("location") as string).pathname, "/meetings");
});

test("bad query strings are 400 pages with the GOV.UK error summary naming the problem, or JSON under /api", async () => {
  for (const query of [
    "/search?q=care&page=0",
    "/search?q=care&page=abc",
    "/search?q=care&page=1&page=2",
    "/search?q=care&year=17",
    "/search?q=care&type=bogus",
    "/search?q=care&key=maybe",
    "/search?q=care&committee=-1",
    `/search?q=${"x".repeat(201)}`,
    "/search?q=%00",
    "/decisions?from=2017-02-30",
    "/decisions?to=yesterday",
    "/meetings?year=twenty",
    "/people?page=-3",
  ]) {
    const html = await get(query);
    assert.equal(html.status, 400, query);
    assert.match(html.type, /^text\/html/);
    assert.match(
      html.body,
      /<div class="govuk-error-summary"[^>]*><div role="alert">\s*<h2 class="govuk-error-summary__title">There is a problem<\/h2>/,
      query,
    );
    assert.match(html.body, /<title>Error: /, query);
    const api = await get(`/api${query}`);
    assert.equal(api.status, 400, `/api${query}`);
    assert.ok(JSON.parse(api.body).error.message.length > 5);
  }
  for (const feed of ["/search.atom", "/decisions.csv?from=x", "/meetings.ics?committee=x"]) {
    const r = await get(feed);
    assert.equal(r.status, 400, feed);
  }
});

test("a failing store gives a 500 page that reveals nothing", async () => {
  const broken = await seededStore();
  const errors: unknown[] = [];
  const brokenApp = createApp(broken.repo, { onError: (e) => errors.push(e), checkEveryMs: 0, waitForLinks: true });
  await broken.repo.close();
  try {
    for (const path of ["/", "/api/meetings/1"]) {
      const r = await brokenApp.request(path);
      const body = await r.text();
      assert.equal(r.status, 500, path);
      assert.doesNotMatch(body, /sqlite|database|\.ts:\d+|\bat \S+ \(/i, path);
      assert.ok(errors.length > 0, "the error is logged for the operator");
      assert.ok(!body.includes((errors[errors.length - 1] as Error).message), "the error's message is not shown");
    }
  } finally {
    await broken.close().catch(() => {});
  }
});

test("security headers: CSP without inline script on pages, nosniff everywhere, open CORS on data", async () => {
  const page = await get("/");
  const csp = page.headers.get("content-security-policy") ?? "";
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(page.headers.get("x-content-type-options"), "nosniff");
  assert.equal(page.headers.get("x-frame-options"), "DENY");
  assert.doesNotMatch(page.body, /<script(?![^>]*\bsrc=)[^>]*>/, "no inline script elements");
  assert.doesNotMatch(page.body, /\son[a-z]+=/i, "no inline event handlers");
  assert.doesNotMatch(page.body, /\sstyle=/, "no inline styles (CSP style-src 'self')");
  const api = await get("/api/home");
  assert.equal(api.headers.get("access-control-allow-origin"), "*");
  assert.equal(api.headers.get("x-content-type-options"), "nosniff");
  for (const path of [
    "/assets/govuk-frontend.min.css",
    "/assets/govuk-frontend.min.js",
    "/assets/minutebook-init.js",
  ]) {
    const a = await app.request(path);
    assert.equal(a.status, 200, path);
    const etag = a.headers.get("etag") as string;
    assert.equal((await app.request(path, { headers: { "If-None-Match": etag } })).status, 304);
  }
  // Whatever the stylesheet refers to is served.
  const css = await get("/assets/govuk-frontend.min.css");
  for (const url of new Set(css.body.match(/\/assets\/[^)"']+/g) ?? []))
    assert.equal((await app.request(url)).status, 200, url);
});

test("GOV.UK's GDS Transport font (licensed for gov.uk only) is left out unless the deployment turns it on", async () => {
  const css = await get("/assets/govuk-frontend.min.css");
  assert.doesNotMatch(css.body, /@font-face/);
  assert.match(css.body, /\.govuk-body/);
  assert.equal((await app.request("/assets/fonts/bold-b542beb274-v2.woff2")).status, 404);
  const onGovUk = createApp(store.repo, { govukFonts: true });
  const full = await (await onGovUk.request("/assets/govuk-frontend.min.css")).text();
  const fonts = new Set(full.match(/\/assets\/fonts\/[^)"']+/g) ?? []);
  assert.ok(fonts.size >= 2);
  for (const url of fonts) assert.equal((await onGovUk.request(url)).status, 200, url);
});

test("hostile input is escaped on the page, in highlights and in feeds", async () => {
  const evil = `<script>alert(1)</script>"'><img src=x onerror=alert(2)> care`;
  const q = encodeURIComponent(evil);
  const page = await get(`/search?q=${q}`);
  assert.equal(page.status, 200);
  assert.doesNotMatch(page.body, /<script>alert|<img src=x/);
  assert.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  const feed = await get(`/search.atom?q=${q}`);
  assert.equal(feed.status, 200);
  assert.doesNotMatch(feed.body, /<script>|<img /);
  // Every <mark> in the results page wraps text only.
  const good = await get("/search?q=care");
  for (const m of good.body.match(/<mark>[\s\S]*?<\/mark>/g) ?? []) assert.doesNotMatch(m.slice(6, -7), /[<>]/);
  assert.ok((good.body.match(/<mark>/g) ?? []).length > 0);
});

/** Text of exempt items as the gold records give it, never to be published (read at test time). */
function exemptCanaries(): string[] {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  const out: string[] = [];
  const goldDir = sharedPath("gold");
  for (const seed of seedFiles()) {
    const gold = JSON.parse(
      readFileSync(`${goldDir}/${basename(seed).replace(/\.\w+$/, ".json")}`, "utf8"),
    ) as ParseResult;
    for (const m of gold.meetings)
      for (const x of m.minutes) {
        if (!x.exemptParagraphs.length) continue;
        const texts = [...x.reasons];
        const walk = (cs: typeof x.resolutions) => {
          for (const c of cs) {
            texts.push(c.text);
            walk(c.children);
          }
        };
        walk(x.resolutions);
        for (const t of texts) {
          const words = norm(t).split(" ");
          if (words.length >= 12) out.push(words.slice(3, 11).join(" "));
        }
      }
  }
  // A phrase that another seed prints in public (a job title in a public report) proves nothing.
  const elsewhere = (c: string, seed: string) =>
    seedFiles().some((f) => f !== seed && norm(readFileSync(f, "utf8")).includes(c));
  return out.filter(
    (c) => !seedFiles().some((seed) => elsewhere(c, seed) && norm(readFileSync(seed, "utf8")).includes(c)),
  );
}

test("exempt items show their title and Schedule 12A paragraphs, and their content appears nowhere", async () => {
  const canaries = exemptCanaries();
  assert.ok(canaries.length >= 3, "the seeds carry exempt items with content to guard");
  const exempt = details.find((d) => d.minutes.some((x) => x.exempt));
  assert.ok(exempt, "an exempt minute was imported");
  const minute = exempt.minutes.find((x) => x.exempt) as MeetingDetail["minutes"][number];
  assert.deepEqual(minute.resolutions, []);
  assert.deepEqual(minute.reasons, []);
  const page = await get(`/meetings/${exempt.id}`);
  assert.ok(page.body.includes(minute.title.replaceAll("&", "&amp;")));
  assert.match(page.body, /considered in private under paragraphs? [\d, and]+ of Schedule 12A/);

  const norm = (s: string) =>
    s
      .replace(/<[^>]*>/g, " ")
      .replace(/&[a-z#0-9]+;/g, " ")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ");
  const words = canaries.flatMap((c) => c.split(" ").filter((w) => w.length > 6)).slice(0, 6);
  const addresses = [
    ...(await allPages()),
    ...(await allPages()).filter((p) => p !== "/open-data").map((p) => (p === "/" ? "/api/home" : `/api${p}`)),
    ...words.flatMap((w) => [`/search?q=${w}`, `/api/search?q=${w}`, `/search.atom?q=${w}`]),
    "/decisions.csv",
    "/attendance.csv",
    "/meetings.ics",
  ];
  let documentPagesWithheld = 0;
  for (const path of addresses) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    const text = norm(r.type.includes("json") ? JSON.stringify(JSON.parse(r.body)) : r.body);
    for (const c of canaries) assert.ok(!text.includes(c), `${path} publishes exempt text: "${c}"`);
    if (path.startsWith("/documents/") && r.body.includes("Lines withheld")) documentPagesWithheld++;
  }
  assert.ok(documentPagesWithheld >= 1, "the source document's exempt lines are withheld");
});

test("decisions CSV: one row per clause, quoted and formula-safe", async () => {
  const r = await get("/decisions.csv");
  assert.match(r.type, /^text\/csv/);
  assert.match(r.headers.get("content-disposition") ?? "", /attachment; filename="decisions.csv"/);
  const lines = r.body.split("\r\n");
  assert.equal(lines[0].split(",")[0], "meeting_id");
  assert.ok(lines.length > 10);
  // No cell starts with a formula character unless it was defused with a quote.
  for (const cell of r.body.split(/,|\r\n/)) assert.doesNotMatch(cell.replace(/^"/, ""), /^[=+@]/);
  const key = await get("/decisions.csv?key=1");
  assert.ok(key.body.split("\r\n").length < lines.length, "the key filter narrows the download");
  const attendance = await get("/attendance.csv");
  assert.match(attendance.body, /^meeting_id,date,committee,person_id,person,printed_name,status,chair,/);
  assert.ok(attendance.body.split("\r\n").length > 10);
});

test("iCalendar feed: one event per dated meeting, CRLF, folded at 75 octets", async () => {
  const r = await get("/meetings.ics");
  assert.match(r.type, /^text\/calendar/);
  const events = r.body.match(/BEGIN:VEVENT/g) ?? [];
  assert.equal(events.length, meetings.filter((m) => m.date).length);
  for (const line of r.body.split("\r\n")) assert.ok(new TextEncoder().encode(line).length <= 75, line);
  assert.doesNotMatch(r.body, /[^\r]\n/);
  const one = await get(`/meetings.ics?committee=${meetings[0].committee.id}`);
  assert.ok((one.body.match(/BEGIN:VEVENT/g) ?? []).length < events.length);
});

test("Atom feed for a search lists its hits with links back to the meetings", async () => {
  const r = await get("/search.atom?q=care");
  assert.match(r.type, /^application\/atom\+xml/);
  assert.match(r.body, /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
  const entries = r.body.match(/<entry>/g) ?? [];
  const search = await json<{ result: { total: number } }>("/api/search?q=care");
  assert.equal(entries.length, Math.min(50, search.result.total));
  assert.match(
    r.body,
    /<link rel="alternate" type="text\/html" href="http:\/\/localhost\/meetings\/\d+(\?hl=care)?(#[a-z]+-\d+)?"\/>/,
  );
});

test("home lists upcoming and recent meetings relative to today", async () => {
  const home = await json<{ upcoming: MeetingSummary[]; recent: MeetingSummary[] }>("/api/home");
  assert.ok(home.upcoming.every((m) => (m.date as string) >= "2017-03-01"));
  assert.ok(home.recent.every((m) => (m.date as string) < "2017-03-01"));
  assert.ok(home.upcoming.length > 0 && home.recent.length > 0);
});

test("an import clears the cache: new meetings appear without a restart", async () => {
  const s = await seededStore();
  try {
    const fresh = createApp(s.repo, { checkEveryMs: 0, waitForLinks: true });
    const before = (await (await fresh.request("/api/home")).json()) as { stats: { documents: number } };
    const html1 = await (await fresh.request("/committees")).text();
    // Import one more real document from the corpus that the seeds do not include.
    const extra = sharedPath("corpus", "moderngov-xml", "manchester_GetMeeting_4967_audit_committee_trimmed.xml");
    const result = await parseFile(extra);
    await s.repo.importDocument(result, { path: extra });
    const after = (await (await fresh.request("/api/home")).json()) as { stats: { documents: number } };
    assert.equal(after.stats.documents, before.stats.documents + 1);
    const html2 = await (await fresh.request("/committees")).text();
    if (result.meetings.length) assert.notEqual(html2, html1, "the committees page shows the new committee");
  } finally {
    await s.close();
  }
});

test("search hits link to their record's anchor on the meeting page", async () => {
  const r = await json<{ result: { hits: { href: string; type: string }[] } }>("/api/search?q=care");
  assert.ok(r.result.hits.length > 0);
  for (const h of r.result.hits) {
    const [path, anchor] = h.href.split("#");
    assert.ok(anchor, `${h.type} hit ${h.href} has an anchor`);
    const page = await get(path);
    assert.match(page.body, new RegExp(`id="${anchor}"`), h.href);
  }
});

test("a phrase printed only in a report's body is found, and its meeting page shows it marked in the report's text", async () => {
  // The seeds' March 2017 Cabinet pack prints this in the Better Care Fund report's body, not in its recommendations.
  const q = '"Lightbulb Housing Service"';
  const r = await json<{ result: { hits: { href: string; type: string; meeting: { date: string } }[] } }>(
    `/api/search?q=${encodeURIComponent(q)}`,
  );
  const hit = r.result.hits.find((h) => h.type === "report");
  assert.ok(hit, `a report hit among ${JSON.stringify(r.result.hits)}`);
  assert.equal(hit.meeting.date, "2017-03-10");
  const [path, anchor] = hit.href.split("#");
  assert.match(anchor, /^report-\d+$/);
  const page = await get(path);
  const section = page.body.slice(page.body.indexOf(`id="${anchor}"`));
  const report = section.slice(0, section.indexOf("</section>"));
  // The report's text is there, collapsed but opened for the hit, with the words marked.
  assert.match(report, /<details class="govuk-details" open>/);
  assert.match(report, /<mark>Lightbulb<\/mark> <mark>Housing<\/mark> <mark>Service<\/mark>/);
  // Without the search words it is collapsed and unmarked.
  const plain = await get(path.split("?")[0]);
  assert.doesNotMatch(plain.body, /<details class="govuk-details" open>/);
  assert.match(plain.body, /Lightbulb Housing Service/);
});

test("a minute's discussion text is shown on its meeting page and in the API", async () => {
  const withText = details.flatMap((d) =>
    d.minutes.filter((x) => x.text && x.text.length > 200).map((x) => ({ d, x })),
  );
  assert.ok(withText.length > 0, "the seeds' minutes have discussion text");
  const { d, x } = withText[0];
  const page = await get(`/meetings/${d.id}`);
  const words = x.text!.split(/\s+/).slice(0, 6).join(" ");
  const section = page.body.slice(page.body.indexOf(`id="minute-${x.id}"`));
  assert.ok(
    section.slice(0, section.indexOf("</section>")).replace(/\s+/g, " ").includes(words.replace(/&/g, "&amp;")),
    words,
  );
});

test("a document's original is served as imported unless it holds exempt parts; no page or API shows a server path", async () => {
  const docs = new Map(details.flatMap((d) => d.documents.map((x) => [x.id, x] as const)));
  let served = 0;
  let refused = 0;
  for (const d of docs.values()) {
    const r = await app.request(`/documents/${d.id}/original`);
    const seed = seedFiles().find((f) => basename(f) === d.name)!;
    if (d.original) {
      assert.equal(r.status, 200, d.name);
      assert.deepEqual(new Uint8Array(await r.arrayBuffer()), new Uint8Array(readFileSync(seed)));
      assert.equal(r.headers.get("etag"), `"${d.sha256}"`);
      served++;
    } else {
      assert.equal(r.status, 403, d.name);
      const body = await r.text();
      for (const c of exemptCanaries()) assert.ok(!body.toLowerCase().includes(c.split(" ").slice(0, 4).join(" ")));
      refused++;
    }
    assert.equal(d.origin, d.name, "no URL was given: the origin is the file name");
  }
  assert.ok(served > 0 && refused > 0, `served ${served}, refused ${refused}: the seeds have both kinds`);
  const root = sharedPath("seeds");
  for (const path of ["/api/meetings/1", "/api/documents/1", "/documents/1", `/meetings/${details[0].id}`])
    assert.ok(!(await get(path)).body.includes(root), `${path} shows no server path`);
});

test("decision dates may be typed the UK way and are read back as ISO dates", async () => {
  const uk = await json<{ filter: { from: string | null; to: string | null } }>(
    "/api/decisions?from=1/2/2016&to=31.12.2017",
  );
  assert.deepEqual([uk.filter.from, uk.filter.to], ["2016-02-01", "2017-12-31"]);
  assert.equal((await get("/decisions?from=31/2/2017")).status, 400);
  const page = await get("/decisions?from=2016-02-01");
  assert.match(page.body, /id="from"[^>]*value="1\/2\/2016"/);
});

test("every provenance link on every meeting page lands on a document window that shows its line", async () => {
  // Small windows, so the seeds' longer documents are windowed too.
  const windowedApp = createApp(store.repo, { documentWindowLines: 400 });
  const get = async (path: string) => {
    const r = await windowedApp.request(path);
    return { status: r.status, body: await r.text() };
  };
  const seen = new Set<string>();
  let windowed = 0;
  for (const m of meetings) {
    const page = await get(`/meetings/${m.id}`);
    for (const [, escaped] of page.body.matchAll(/href="(\/documents\/\d+\?at=\d+(?:&amp;to=\d+)?#L\d+)"/g)) {
      const href = escaped.replaceAll("&amp;", "&");
      if (seen.has(href)) continue;
      seen.add(href);
      const [path, anchor] = href.split("#");
      const doc = await get(path);
      assert.equal(doc.status, 200, href);
      assert.match(doc.body, new RegExp(`<tr id="${anchor}"`), href);
      // The cited lines are highlighted, from the first to the last.
      const to = Number(new URL(`http://x${path}`).searchParams.get("to"));
      if (to && doc.body.includes(`<tr id="L${to}"`))
        assert.match(doc.body, new RegExp(`<tr id="L${to}" class="minutebook-hl"|<tr id="L${to}" hidden`), href);
      const twin = JSON.parse((await get(`/api${path}`)).body) as { window: unknown };
      if (twin.window) windowed++;
    }
  }
  assert.ok(seen.size > 50, `checked ${seen.size} links`);
  assert.ok(windowed > 0, "long documents are shown a window at a time");
  // Past the end shows the last window; the windows link to each other.
  const last = await get("/documents/1?at=99999");
  assert.equal(last.status, 200);
  assert.match(last.body, /Previous lines/);
});

test("the cached home page rolls over when the date changes", async () => {
  let today = new Date("2017-03-01T12:00:00Z");
  const clocked = createApp(store.repo, { now: () => today });
  const first = (await (await clocked.request("/api/home")).json()) as { upcoming: MeetingSummary[] };
  today = new Date("2030-01-01T12:00:00Z");
  const later = (await (await clocked.request("/api/home")).json()) as { upcoming: MeetingSummary[] };
  assert.ok(first.upcoming.length > 0);
  assert.equal(later.upcoming.length, 0);
});

test("every link on the open-data page works", async () => {
  const page = await get("/open-data");
  const links = [...page.body.matchAll(/href="(\/[^"]+)"/g)].map((m) => m[1].replaceAll("&amp;", "&"));
  const data = links.filter((l) => l.startsWith("/api") || /\.(csv|ics|atom)/.test(l));
  assert.ok(data.length >= 10);
  for (const l of data) assert.equal((await app.request(l)).status, 200, l);
});

test("the open-data page names every path of the OpenAPI document, and no path it lacks", async () => {
  const doc = await json<{ paths: Record<string, unknown> }>("/api/openapi.json");
  const page = (await get("/open-data")).body;
  const listed = new Set(
    [...page.matchAll(/<code>(\/[^<?]+)(?:\?[^<]*)?<\/code>/g)].map((m) => m[1].replace(/\{[^}]+\}/g, "{}")),
  );
  const documented = new Set(Object.keys(doc.paths).map((p) => p.replace(/\{[^}]+\}/g, "{}")));
  assert.deepEqual(
    [...documented].filter((p) => !listed.has(p)),
    [],
    "documented in OpenAPI but missing from /open-data",
  );
  assert.deepEqual(
    // "/api" is the prefix named in the page's prose; the OpenAPI document does not describe itself.
    [...listed].filter((p) => !documented.has(p) && p !== "/api" && p !== "/api/openapi.json"),
    [],
    "on /open-data but not in the OpenAPI document",
  );
});

test("a document replaced in place (same id, same counts) clears the cache too", async () => {
  const dir = mkdtempSync(join(tmpdir(), "minutebook-replace-"));
  const file = join(dir, "minutes.txt");
  // A temporary working copy of a seed, changed and re-imported below; removed afterwards.
  copyFileSync(seedFiles()[3], file);
  const repo = await openRepository({ kind: "sqlite", file: join(dir, "q.db") });
  try {
    const first = await repo.importDocument(await parseFile(file), { path: file });
    const live = createApp(repo, { checkEveryMs: 0, waitForLinks: true });
    const before = (await (await live.request(`/api/documents/${first.documentId}`)).json()) as { lines: unknown[] };
    appendFileSync(file, "\nA line added after the first import.\n");
    const second = await repo.importDocument(await parseFile(file), { path: file });
    assert.equal(second.status, "replaced");
    assert.equal(second.documentId, first.documentId);
    const after = (await (await live.request(`/api/documents/${first.documentId}`)).json()) as { lines: unknown[] };
    assert.ok(after.lines.length > before.lines.length, "the page shows the new version's lines");
  } finally {
    await repo.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
