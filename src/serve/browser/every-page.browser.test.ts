/**
 * Every public page type, enumerated from the app's router so a new one cannot escape: each GET route
 * that answers with an HTML page to a reader who is not signed in must have an example here (or a
 * reason it is not a page), and each example is opened in Chromium at 320 CSS px wide (WCAG 1.4.10
 * reflow: the page itself never scrolls sideways; a wide table scrolls inside its own focusable region
 * or is stacked) and checked with axe-core for WCAG 2.2 A and AA. The store is the seeds and the corpus
 * (real papers from ../shared) with the demo council's own records kept beside them.
 */
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, test } from "node:test";
import { keepDemoStructure } from "../../demo/office";
import { createApp } from "../app";
import { corpusStore } from "../testing";
import { openPortal, type Portal, runAxe } from "./harness";

const SHOTS = "/tmp/minutebook-shots/320";
const TODAY = "2026-01-15";
let portal: Portal;
let routes: string[] = [];

/** GET routes that are not pages a reader opens, and why. */
const NOT_PAGES: Record<string, string> = {
  "/documents/:id/original": "the original file (a PDF or a download)",
  "/sign-in/oidc": "a redirect to the council's OpenID provider",
  "/auth/callback": "where the OpenID provider sends the browser back; it redirects",
  "/favicon.ico": "a redirect to the icon",
};
/** Pages for someone signed in (their own account): a reader who is not is sent to sign in (checked below). */
const SIGNED_IN: Record<string, string> = {
  "/account": "/account",
  "/account/passkeys/:id/remove": "/account/passkeys/1/remove",
  "/account/authenticator-app/remove": "/account/authenticator-app/remove",
};
const isPage = (p: string) =>
  !p.startsWith("/api") &&
  !p.startsWith("/office") &&
  !p.startsWith("/assets/") &&
  !/\.(ics|csv|atom|pdf|docx|txt|json|ico)(\}|$)/.test(p) &&
  !(p in NOT_PAGES) &&
  !(p in SIGNED_IN);

type Example = { path: string; status: number };
const rows = <T>(sql: string) => portal.store.repo.sql.all<T>(sql, []);
const first = async (sql: string) => Number((await rows<{ id: number }>(sql))[0]?.id);

/** One or more addresses of each page type, found in the store; a route missing here fails the test. */
const EXAMPLES: Record<string, () => Promise<Example[]>> = {
  "/": async () => [{ path: "/", status: 200 }],
  "/meetings": async () => [
    { path: "/meetings", status: 200 },
    { path: "/meetings?year=not-a-year", status: 400 },
  ],
  "/meetings/:id": async () => {
    // The meeting with the most minutes, one with reports, and one with recorded votes.
    const most = await first(
      "SELECT meeting_id AS id FROM minutes GROUP BY meeting_id ORDER BY count(*) DESC, meeting_id LIMIT 1",
    );
    const reports = await first(
      "SELECT meeting_id AS id FROM reports GROUP BY meeting_id ORDER BY count(*) DESC, meeting_id LIMIT 1",
    );
    const votes = await first("SELECT meeting_id AS id FROM votes ORDER BY id LIMIT 1");
    // A meeting the papers print as cancelled (its tag and warning).
    const cancelled = await first(
      "SELECT meeting_id AS id FROM meeting_sources WHERE status IS NOT NULL ORDER BY id LIMIT 1",
    );
    return [...new Set([most, reports, votes, cancelled])].map((id) => ({ path: `/meetings/${id}`, status: 200 }));
  },
  // An officer decision record and a proposed record of decision, as decisions.
  "/decisions/:id": async () =>
    (
      await rows<{ id: number }>(
        "SELECT min(meeting_id) AS id FROM decision_records GROUP BY maker IS NULL, date(publication_date) IS NULL ORDER BY 1 LIMIT 2",
      )
    ).map((r) => ({ path: `/decisions/${r.id}`, status: 200 })),
  "/committees": async () => [{ path: "/committees", status: 200 }],
  "/committees/:id": async () => [
    {
      path: `/committees/${await first("SELECT committee_id AS id FROM meetings GROUP BY committee_id ORDER BY count(*) DESC LIMIT 1")}`,
      status: 200,
    },
  ],
  "/committees/:id/followups": async () => [
    {
      path: `/committees/${await first("SELECT committee_id AS id FROM meetings GROUP BY committee_id ORDER BY count(*) DESC LIMIT 1")}/followups`,
      status: 200,
    },
  ],
  "/people": async () => [{ path: "/people", status: 200 }],
  "/people/:id": async () => [
    {
      path: `/people/${await first("SELECT person_id AS id FROM attendance GROUP BY person_id ORDER BY count(*) DESC LIMIT 1")}`,
      status: 200,
    },
  ],
  "/people/:id/timeline": async () => [
    {
      path: `/people/${await first("SELECT person_id AS id FROM vote_casts GROUP BY person_id ORDER BY count(*) DESC LIMIT 1")}/timeline`,
      status: 200,
    },
  ],
  "/decisions": async () => [{ path: "/decisions", status: 200 }],
  "/search": async () => [
    { path: "/search", status: 200 },
    { path: "/search?q=budget", status: 200 },
    { path: "/search?q=x&page=zero", status: 400 },
  ],
  "/documents/:id": async () => [
    {
      path: `/documents/${await first("SELECT id FROM documents WHERE format = 'pdf' ORDER BY id LIMIT 1")}`,
      status: 200,
    },
    {
      path: `/documents/${await first("SELECT id FROM documents WHERE format = 'xml' ORDER BY id LIMIT 1")}`,
      status: 200,
    },
  ],
  "/topics": async () => [{ path: "/topics", status: 200 }],
  "/topics/:id": async () => {
    const page = await (await fetch(`${portal.server.url}/topics`)).text();
    const href = /href="(\/topics\/[^"]+)"/.exec(page)?.[1];
    assert.ok(href, "the topics page links a topic");
    return [{ path: href, status: 200 }];
  },
  "/followups": async () => [{ path: "/followups", status: 200 }],
  "/referrals": async () => [{ path: "/referrals", status: 200 }],
  "/quality": async () => [{ path: "/quality", status: 200 }],
  "/money": async () => [{ path: "/money", status: 200 }],
  "/open-data": async () => [{ path: "/open-data", status: 200 }],
  "/accessibility": async () => [{ path: "/accessibility", status: 200 }],
  "/council": async () => [{ path: "/council", status: 200 }],
  "/council/committees/:id": async () => [
    { path: `/council/committees/${(await portal.store.repo.office.listCommittees())[0].id}`, status: 200 },
  ],
  "/calendar": async () => [
    { path: "/calendar", status: 200 },
    { path: "/calendar?view=list", status: 200 },
  ],
  "/councillors": async () => [{ path: "/councillors", status: 200 }],
  "/councillors/find": async () => [{ path: "/councillors/find", status: 200 }],
  "/councillors/:id": async () => {
    const c = (await portalJsonAny("/api/councillors")) as { councillors?: { id: number }[] };
    const id = c.councillors?.[0]?.id;
    assert.ok(id, "the demo council has councillors");
    return [{ path: `/councillors/${id}`, status: 200 }];
  },
  "/decision-notices": async () => [{ path: "/decision-notices", status: 200 }],
  "/decision-notices/:id{[0-9]+}": async () => {
    const d = (await portalJsonAny("/api/decision-notices")) as { items?: { id: number }[] };
    const id = d.items?.[0]?.id;
    assert.ok(id, "the demo council has a decision notice");
    return [{ path: `/decision-notices/${id}`, status: 200 }];
  },
  "/meetings/:id{[0-9]+}/pack": async () => [
    // No pack is published in this store: the page a reader gets for a meeting without one.
    { path: `/meetings/${await first("SELECT id FROM meetings ORDER BY id LIMIT 1")}/pack`, status: 404 },
  ],
  "/minutes/verify": async () => [{ path: "/minutes/verify", status: 200 }],
  "/minutes/verify/:cid": async () => [{ path: "/minutes/verify/999999", status: 404 }],
  "/sign-in": async () => [{ path: "/sign-in", status: 200 }],
  // Opened from the sign-in page with its form; reached directly it says what went wrong.
  "/sign-in/passkey": async () => [{ path: "/sign-in/passkey", status: 400 }],
  "/signed-out": async () => [{ path: "/signed-out", status: 200 }],
  "/account/setup": async () => [{ path: "/account/setup", status: 400 }],
  "/account/reset": async () => [{ path: "/account/reset", status: 200 }],
  "/account/reset/new": async () => [{ path: "/account/reset/new", status: 400 }],
};

/** Error pages are not routes of their own; these reach each kind. */
const ERRORS: Example[] = [
  { path: "/no/such/page", status: 404 },
  { path: "/meetings/999999", status: 404 },
];

async function portalJsonAny(path: string): Promise<unknown> {
  const r = await fetch(`${portal.server.url}${path}`);
  assert.equal(r.status, 200, path);
  return r.json();
}

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  portal = await openPortal({
    store: async () => {
      const s = await corpusStore();
      await keepDemoStructure(s.repo, { today: TODAY });
      return s;
    },
    now: () => new Date(`${TODAY}T12:00:00Z`),
  });
  const app = createApp(portal.store.repo, { checkEveryMs: 0 });
  routes = [...new Set(app.routes.filter((r) => r.method === "GET").map((r) => r.path))].filter(isPage);
});

after(async () => {
  await portal?.close();
});

test("every public page type has an example here", () => {
  assert.ok(routes.includes("/meetings/:id") && routes.includes("/calendar"), `routes read: ${routes.join(" ")}`);
  assert.deepEqual(
    routes.filter((r) => !(r in EXAMPLES)),
    [],
    "page types without an example (add one, or say in NOT_PAGES why it is not a page)",
  );
  assert.deepEqual(
    Object.keys(EXAMPLES).filter((r) => !routes.includes(r)),
    [],
    "examples for routes the app no longer has",
  );
});

test("the account pages send a reader who is not signed in to sign in", async () => {
  const app = createApp(portal.store.repo, { checkEveryMs: 0 });
  const all = new Set(app.routes.filter((r) => r.method === "GET").map((r) => r.path));
  for (const [route, path] of Object.entries(SIGNED_IN)) {
    assert.ok(all.has(route), `${route} is still a route`);
    const r = await fetch(`${portal.server.url}${path}`, { redirect: "manual" });
    assert.equal(r.status, 303, path);
    assert.match(r.headers.get("Location") ?? "", /^\/sign-in\?next=/, path);
  }
});

/** What sticks out past the viewport's right edge without a scrolling box of its own around it. */
function overflowing(): string[] {
  const width = document.documentElement.clientWidth;
  const out: string[] = [];
  for (const el of document.body.querySelectorAll<HTMLElement>("*")) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 1) continue;
    let clipped = false;
    // An absolutely placed box is clipped only by a scrolling box it is placed within (a positioned one).
    let placed = ["absolute", "fixed"].includes(getComputedStyle(el).position);
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const style = getComputedStyle(p);
      const o = style.overflowX;
      if (placed && style.position !== "static") placed = false;
      if (!placed && (o === "auto" || o === "scroll" || o === "hidden" || o === "clip")) {
        clipped = true;
        break;
      }
    }
    if (!clipped) out.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${[...el.classList].join(".")}`);
  }
  // The outermost offenders only: a wide table, not every cell in it.
  return out.slice(0, 5);
}

test("every page type reflows at 320 px and passes axe (WCAG 2.2 A and AA)", async () => {
  const examples: Example[] = [...ERRORS];
  for (const r of routes) examples.push(...(await EXAMPLES[r]()));
  const failures: string[] = [];
  const page = await portal.context.newPage();
  try {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const ex of examples) {
      const res = await page.goto(`${portal.server.url}${ex.path}`, { waitUntil: "load" });
      if (res?.status() !== ex.status) {
        failures.push(`${ex.path}: status ${res?.status()}, expected ${ex.status}`);
        continue;
      }
      const { scroll, view } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        view: document.documentElement.clientWidth,
      }));
      if (scroll > view)
        failures.push(
          `${ex.path}: scrolls sideways at 320 px (${scroll} > ${view}): ${(await page.evaluate(overflowing)).join(", ")}`,
        );
      if ((await page.locator("h1").count()) !== 1) failures.push(`${ex.path}: not one h1`);
      for (const v of await runAxe(page))
        failures.push(`${ex.path}: ${v.id} (${v.impact}) ${v.help}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
      await page.screenshot({ path: `${SHOTS}/${ex.path.replace(/\W+/g, "_").slice(0, 80) || "home"}.png` });
    }
  } finally {
    await page.close();
  }
  assert.deepEqual(failures, []);
});
