/**
 * The public portal and open-data API as one Hono app. Every page is registered twice through `page()`:
 * as HTML at its address and as JSON at /api + the same address, from one loader, so the twins carry
 * the same data. Feeds and downloads (iCalendar, Atom, CSV) read through the same loaders and filters.
 * Every API route and twin is described with its zod schema (openapi.ts), which generates /api/openapi.json.
 */
import { createHash } from "node:crypto";
import { type Context, Hono } from "hono";
import { csrf } from "hono/csrf";
import { HTTPException } from "hono/http-exception";
import { trimTrailingSlash } from "hono/trailing-slash";
import { z } from "zod";
import { ExemptStore } from "../auth/exempt";
import type { Mailer } from "../auth/mail";
import { Oidc, type OidcConfig } from "../auth/oidc";
import { AuthStore } from "../auth/store";
import { AccessDenied, auth, sessions } from "../auth/web";
import { CommitteeDetail as CommitteeDetailSchema, MeetingDetail as MeetingDetailSchema } from "../model/records";
import type { ReferralSource } from "../office/agenda";
import { MinutesStore } from "../store/common/minutes";
import {
  isStoreUnreachable,
  type MeetingDetail,
  PARAGRAPH_TYPES,
  type PersonRef,
  type Repository,
  type SearchHit,
} from "../store/repository";
import { atomDate, toAtom } from "./atom";
import { toCsv } from "./csv";
import { PortalData, type PortalDataOptions } from "./data";
import { HttpError, notFound } from "./errors";
import { registerFollowRoutes } from "./follow/routes";
import { bodyCap, deadline, type GuardOptions, hsts, type RateLimit, RateLimiter, rateLimit } from "./guard";
import { toICalendar } from "./ical";
import { layout } from "./layout";
import { registerAccountRoutes } from "./office/account";
import { registerAdminRoutes } from "./office/admin";
import { registerCouncilOfficeRoutes } from "./office/council";
import { placeReferral, referralSource, registerMinutesRoutes } from "./office/minutes";
import { registerPaperRoutes } from "./office/papers";
import { registerPasskeyRoutes } from "./office/passkeys";
import { registerReportRoutes } from "./office/reports";
import { registerOfficeRoutes } from "./office/routes";
import { describe, openApiDocument, Q } from "./openapi";
import {
  accessibilityPage,
  attendanceByCommittee,
  committeePage,
  committeesPage,
  type DecisionsData,
  type DocumentData,
  decisionPage,
  decisionsPage,
  documentPage,
  errorPage,
  type HomeData,
  homePage,
  type MeetingsData,
  meetingPage,
  meetingsPage,
  openDataPage,
  type PeopleData,
  type PersonData,
  peoplePage,
  personPage,
  type SearchData,
  searchPage,
  type View,
} from "./pages";
import { pathId, Query } from "./params";
import { type Problems, problemMessages, withProblems } from "./problems";
import { registerCouncilRoutes } from "./public/council";
import {
  CommitteeList,
  DecisionsData as DecisionsSchema,
  DocumentData as DocumentSchema,
  HomeData as HomeSchema,
  MeetingsData as MeetingsSchema,
  PeopleData as PeopleSchema,
  PersonData as PersonSchema,
  SearchData as SearchSchema,
} from "./schemas";
import { loadAssets } from "./static";
import { meetingTitle } from "./views";

export type AppOptions = PortalDataOptions & {
  /** A topic page's items per page (default 100; tests page small topics). */
  topicEntriesPerPage?: number;
  /** Items other bodies referred to a committee's meeting, offered in the agenda builder (office/agenda ReferralSource). */
  referrals?: ReferralSource;
  /** "Today", for upcoming and recent meetings (tests fix it). */
  now?: () => Date;
  /**
   * Absolute origin for links in feeds and downloads (e.g. https://records.example.gov.uk). Never taken
   * from the request's Host header, which any client can set; `serve` defaults it to its own listening
   * address and warns. Without it the app links to http://localhost.
   */
  baseUrl?: string;
  /** Behind a reverse proxy: believe its X-Forwarded-For (rate limits) and X-Forwarded-Proto (HSTS). */
  trustProxy?: boolean;
  /** Follow pages wait for links of the store as it is now instead of answering from the previous result (tests). */
  waitForLinks?: boolean;
  /**
   * Per-client limits on search and on the API. `minutebook serve` always sets them (DEFAULT_RATE_LIMITS
   * unless configured); an app made for a test or a benchmark has none unless given.
   */
  rateLimits?: { search: RateLimit; api: RateLimit } | false;
  /** Largest request body accepted (default 64 KB). */
  maxBodyBytes?: number;
  /** A request whose handler takes longer than this is answered 503 (`serve` sets 30 s; none by default). */
  requestDeadlineMs?: number;
  /** Serve GOV.UK's GDS Transport font: only for a deployment on a gov.uk domain (see static.ts). */
  govukFonts?: boolean;
  /** Lines per window for long documents (default 2000); a document up to twice this is shown whole. */
  documentWindowLines?: number;
  /** Called with unexpected errors (default: console.error). */
  onError?: (err: unknown, path: string) => void;
  /** Sign-in and the office side (src/auth, src/serve/office). */
  auth?: AuthOptions;
};

export type AuthOptions = {
  /**
   * Cookies only over HTTPS, with the __Host- prefix (default true). `minutebook serve` and `start`
   * turn it off only when listening on a loopback address over plain HTTP.
   */
  secureCookies?: boolean;
  /** Local accounts must confirm a one-time code (default true). */
  requireSecondFactor?: boolean;
  /** The council's OpenID provider (sign-in with a council account). */
  oidc?: OidcConfig | null;
  /** Sends invitations and password-reset links (none: the admin page shows the invitation link). */
  mailer?: Mailer | null;
};

/** Per client: search is the costly read; the API is for scripts, which may be brisk but not a flood. */
export const DEFAULT_RATE_LIMITS = {
  search: { burst: 30, perMinute: 120 },
  api: { burst: 120, perMinute: 600 },
};

const PAGE_SIZE = 20;
/** The most rows one page of a list may ask for with `limit`. */
const MAX_PAGE_SIZE = 100;
/** Media types of originals served as downloads, by file extension. */
const ORIGINAL_TYPES: Record<string, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  odt: "application/vnd.oasis.opendocument.text",
  html: "text/html; charset=utf-8",
  htm: "text/html; charset=utf-8",
  xml: "application/xml",
};
/** Long documents are shown this many lines at a time; those up to twice as long are shown whole. */
const WINDOW_LINES = 2000;
const encoder = new TextEncoder();

type Rendered = { body: Uint8Array; etag: string; status?: 200 | 400 };

function rendered(text: string): Rendered {
  const body = encoder.encode(text);
  return { body, etag: `"${createHash("sha1").update(body).digest("base64url").slice(0, 20)}"` };
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Exempt minutes and reports keep their title and paragraphs only, whatever the store hands back. */
export function publicMeeting(m: MeetingDetail): MeetingDetail {
  // A minute's and a report's text (public lines only, from the import) are shown; never an exempt one's.
  const minutes = m.minutes.map(({ text, ...x }) =>
    x.exempt || x.exemptParagraphs.length
      ? { ...x, exempt: true, resolutions: [], reasons: [], declarations: [] }
      : text
        ? { ...x, text }
        : x,
  );
  const reports = m.reports.map(({ text, ...r }) =>
    r.exempt || r.exemptParagraphs.length
      ? {
          ...r,
          exempt: true,
          author: null,
          recommendations: [],
          officers: [],
          appendices: [],
          backgroundPapers: [],
        }
      : text
        ? { ...r, text }
        : r,
  );
  return { ...m, minutes, reports };
}

/** The address of the record a search hit came from: the meeting page at its agenda item, minute or report. */
export function hitHref(h: SearchHit, m: MeetingDetail | null, q = ""): string {
  // The words searched for go along, so the meeting page marks them and opens the text holding them.
  const base = `/meetings/${h.meeting.id}${q ? `?hl=${encodeURIComponent(q.slice(0, 200))}` : ""}`;
  if (!m) return base;
  const line = h.provenance.span.startLine;
  const within = (p: { documentId: number; span: { startLine: number; endLine: number } }) =>
    p.documentId === h.provenance.documentId && p.span.startLine <= line && line <= p.span.endLine;
  if (h.type === "agenda") {
    const a = m.agenda.find((x) => within(x.provenance));
    if (a) return `${base}#agenda-${a.id}`;
  } else if (h.type === "report") {
    const r = m.reports.find((x) => within(x.provenance));
    if (r) return `${base}#report-${r.id}`;
  } else {
    const x = m.minutes.find((y) => within(y.provenance));
    if (x) return `${base}#minute-${x.id}`;
  }
  return base;
}

function yearRange(year: string | null): { from?: string; to?: string } {
  return year ? { from: `${year}-01-01`, to: `${year}-12-31` } : {};
}

/** Each app's read layer, so closeApp can stop its background work. */
const appData = new WeakMap<Hono, PortalData>();

/**
 * Stops an app's background work (the link keeper's pending update) before its store is closed;
 * startServer's close() calls it. Safe to call more than once.
 */
export async function closeApp(app: Hono): Promise<void> {
  await appData.get(app)?.close();
}

export function createApp(repo: Repository, opts: AppOptions = {}): Hono {
  const data = new PortalData(repo, opts);
  const assets = loadAssets({ govukFonts: opts.govukFonts });
  const now = opts.now ?? (() => new Date());
  const onError = opts.onError ?? ((err: unknown, path: string) => console.error(`minutebook serve: ${path}:`, err));
  const app = new Hono();
  appData.set(app, data);
  const base = opts.baseUrl ?? "http://localhost";
  const origin = (_c: Context) => base;
  const guard: GuardOptions = { trustProxy: opts.trustProxy === true };

  app.use("*", async (c, next) => {
    await next();
    // A 304 updates the headers the browser stored with the full response; adding the data-file CSP
    // here would replace an HTML page's policy with "default-src 'none'" and break the cached page.
    if (c.res.status === 304) return;
    const h = c.res.headers;
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Referrer-Policy", "same-origin");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    if ((h.get("Content-Type") ?? "").startsWith("text/html")) {
      h.set("Content-Security-Policy", CSP);
      h.set("X-Frame-Options", "DENY");
    } else {
      // Open data: any site may read the API, feeds and downloads.
      h.set("Access-Control-Allow-Origin", "*");
      h.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    }
  });

  // Limits before any work: a refused request costs nothing but its answer.
  app.use("*", hsts(guard));
  app.use(
    "*",
    bodyCap(opts.maxBodyBytes ?? 64 * 1024, (c) =>
      fail(c, 413, "The request body is larger than this service accepts."),
    ),
  );
  if (opts.requestDeadlineMs)
    app.use(
      "*",
      deadline(opts.requestDeadlineMs, (c) =>
        fail(c, 503, "The service is taking too long to answer this request. Please try again shortly."),
      ),
    );
  const limits = opts.rateLimits ?? false;
  if (limits) {
    const tooMany = (c: Context, wait: number) =>
      fail(c, 429, `You have made too many requests in a short time. Please wait ${wait} seconds and try again.`);
    const search = rateLimit(new RateLimiter(limits.search), guard, tooMany);
    app.use("/search", search);
    app.use("/search.atom", search);
    app.use("/api/search", search);
    const apiLimit = rateLimit(new RateLimiter(limits.api), guard, tooMany);
    app.use("/api/*", async (c, next) => (c.req.path === "/api/search" ? next() : apiLimit(c, next)));
  }

  // "/meetings/" redirects to "/meetings" when only the latter exists.
  app.use("*", trimTrailingSlash());

  // Sign-in and the office: every unsafe request must come from this site (Origin / Sec-Fetch-Site),
  // and its form must carry the session's form token (checked by each POST handler, auth/web.ts).
  const authStore = new AuthStore(repo.sql);
  const secureCookies = opts.auth?.secureCookies ?? true;
  app.use("*", csrf());
  app.use("*", sessions(authStore, { now, secureCookies }));
  const officeOptions = {
    store: authStore,
    now,
    secureCookies,
    requireSecondFactor: opts.auth?.requireSecondFactor,
    oidc: opts.auth?.oidc ? new Oidc(opts.auth.oidc) : null,
    origin,
    mailer: opts.auth?.mailer ?? null,
    committeeName: async (id: number) =>
      (await data.cached("committees", () => repo.listCommittees())).find((x) => x.id === id)?.name ?? null,
    committees: async () => data.cached("committees", () => repo.listCommittees()),
  };
  registerOfficeRoutes(app, officeOptions);
  registerAccountRoutes(app, officeOptions);
  registerPasskeyRoutes(app, officeOptions);
  registerAdminRoutes(app, officeOptions);
  // What the council keeps in Minutebook: its office pages (guarded) and public pages, API and iCalendar.
  registerCouncilOfficeRoutes(app, { ...officeOptions, repo });
  registerMinutesRoutes(app, { ...officeOptions, repo });
  registerCouncilRoutes(app, { repo, now, origin });
  registerPaperRoutes(app, officeOptions);
  // Referrals and promises recorded in minutes are offered to the receiving committee's agenda builder.
  const minutesStore = new MinutesStore(repo.sql);
  registerReportRoutes(app, {
    ...officeOptions,
    repo,
    referrals: opts.referrals ?? referralSource(minutesStore),
    placeReferral: opts.referrals ? undefined : placeReferral(minutesStore),
  });

  app.get("/assets/*", (c) => {
    const a = assets.get(c.req.path);
    if (!a) throw notFound("There is no such file.");
    if (c.req.header("If-None-Match") === a.etag) return c.body(null, 304, { ETag: a.etag });
    return c.body(a.body as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": a.type,
      ETag: a.etag,
      "Cache-Control": "public, max-age=3600",
    });
  });
  app.get("/favicon.ico", (c) => c.redirect("/assets/images/favicon.ico", 301));

  // Each request first checks whether an import changed the store, which clears the cache.
  app.use("*", async (c, next) => {
    if (!c.req.path.startsWith("/assets/")) await data.fresh();
    await next();
  });
  // Topics, follow-ups, referrals, quality and timelines (src/serve/follow), before the pages they add to.
  registerFollowRoutes(app, data, {
    now,
    waitForLinks: opts.waitForLinks,
    topicEntriesPerPage: opts.topicEntriesPerPage,
  });

  const render = (c: Context, v: View, status: 200 | 400 | 403 | 404 | 413 | 429 | 500 | 503 = 200) =>
    c.html(layout(v), status, { "Cache-Control": "no-cache" });

  /**
   * Registers a page and its JSON twin, and describes the twin in the OpenAPI document with `doc`
   * (its answer's zod schema must fit what `load` returns). `apiPath` defaults to /api + path.
   */
  function page<T>(
    path: string,
    load: (c: Context, q: Query) => Promise<T>,
    view: (d: T, params: URLSearchParams, problems: Problems) => View,
    doc: { summary: string; response: z.ZodType<T>; query?: Record<string, z.ZodType> },
    apiPath = `/api${path}`,
  ) {
    describe(app, "get", apiPath, doc);
    // Rendered output is cached by address until an import changes the store; errors are not cached.
    // The date is part of the key: the home page's upcoming and recent meetings change at midnight.
    const key = (c: Context) => {
      const u = new URL(c.req.url);
      return `${today()}:${u.pathname}${u.search}`;
    };
    // Kept encoded with an ETag, so a cached page costs no rendering, no UTF-8 encoding, and a
    // client that already has it gets a 304.
    const send = (c: Context, r: Rendered, type: string) =>
      c.req.header("If-None-Match") === r.etag
        ? c.body(null, 304, { ETag: r.etag, "Cache-Control": "no-cache" })
        : c.body(r.body as Uint8Array<ArrayBuffer>, r.status ?? 200, {
            "Content-Type": type,
            ETag: r.etag,
            "Cache-Control": "no-cache",
          });
    const volatile = path === "/search";
    app.get(path, async (c) => {
      const r = await data.cached(
        `html:${key(c)}`,
        async () => {
          // The page reads its filters leniently: a malformed one is left out, and the page says so
          // in a GOV.UK error summary above the form, which keeps what was typed (a 400).
          const q = Query.of(c.req.url, { lenient: true });
          const d = await load(c, q);
          const problems = problemMessages(q.problems ?? {});
          const v = withProblems(view(d, q.params, problems), problems);
          return { ...rendered(layout(v)), status: Object.keys(problems).length ? (400 as const) : (200 as const) };
        },
        volatile,
      );
      return send(c, r, "text/html; charset=UTF-8");
    });
    app.get(apiPath, async (c) => {
      const r = await data.cached(
        `json:${key(c)}`,
        async () => rendered(JSON.stringify(await load(c, Query.of(c.req.url)))),
        volatile,
      );
      return send(c, r, "application/json; charset=UTF-8");
    });
  }

  const today = () => now().toISOString().slice(0, 10);

  page<HomeData>(
    "/",
    async () => {
      const all = await data.allMeetings();
      const t = today();
      return {
        stats: await data.stats(),
        // The decisions register's own count, so the home page and /decisions agree.
        decisions: (await data.cached("decisions:count", () => repo.listDecisions({}, { limit: 1, offset: 0 }))).total,
        upcoming: all.filter((m) => m.date && m.date >= t).slice(0, 10),
        recent: all
          .filter((m) => m.date && m.date < t)
          .slice(-10)
          .reverse(),
      };
    },
    homePage,
    { summary: "Upcoming and recent meetings, and counts", response: HomeSchema },
    "/api/home",
  );

  page<MeetingsData>(
    "/meetings",
    async (_c, q) => {
      const committee = q.id("committee");
      const year = q.year();
      const pageNo = q.page();
      const limit = q.int("limit", 1, MAX_PAGE_SIZE) ?? PAGE_SIZE;
      const key = `meetings:${committee}:${year}:${pageNo}:${limit}`;
      const meetings = await data.cached(key, () =>
        repo.listMeetings(
          { ...(committee ? { committee } : {}), ...yearRange(year) },
          { limit, offset: (pageNo - 1) * limit },
        ),
      );
      const committees = await data.cached("committees", () => repo.listCommittees());
      return { meetings, committees, filter: { committee, year, page: pageNo } };
    },
    meetingsPage,
    {
      summary: "Meetings, filtered and paged",
      response: MeetingsSchema,
      query: { committee: Q.committee, year: Q.year, page: Q.page, limit: Q.limit },
    },
  );

  // A decision record is a decision, not a committee meeting: its page is /decisions/{id}.
  app.get("/meetings/:id", async (c, next) => {
    const id = Number(c.req.param("id"));
    if (Number.isSafeInteger(id) && id > 0) {
      const m = await data.meeting(id);
      if (m?.kind === "decision") return c.redirect(`/decisions/${id}`, 301);
    }
    await next();
  });

  page(
    "/decisions/:id",
    async (c) => {
      const m = await data.meeting(pathId(c.req.param("id")));
      if (!m || m.kind !== "decision")
        throw notFound(
          "There is no decision record with that number (decisions of committee meetings are on their meeting pages).",
        );
      return publicMeeting(m);
    },
    decisionPage,
    {
      summary:
        "One officer or executive decision record: decision maker, status, call-in, dates, the decision and its reasons, and its source documents",
      response: MeetingDetailSchema,
    },
  );

  page(
    "/meetings/:id",
    async (c) => {
      const m = await data.meeting(pathId(c.req.param("id")));
      if (!m) throw notFound("There is no meeting with that number.");
      return publicMeeting(m);
    },
    meetingPage,
    {
      summary: "One meeting: front sheet, agenda, reports, minutes, attendance, declarations and source documents",
      response: MeetingDetailSchema,
      query: { hl: z.string().max(200).optional().describe("Words to mark in the page's text (search links add it)") },
    },
  );

  page("/committees", () => data.cached("committees", () => repo.listCommittees()), committeesPage, {
    summary: "Committees",
    response: CommitteeList,
  });

  page(
    "/committees/:id",
    async (c) => {
      const id = pathId(c.req.param("id"));
      const detail = await data.cached(`committee:${id}`, () => repo.getCommittee(id));
      if (!detail) throw notFound("There is no committee with that number.");
      return detail;
    },
    committeePage,
    { summary: "One committee: membership and meetings by year", response: CommitteeDetailSchema },
  );

  page<PeopleData>(
    "/people",
    async (_c, q) => {
      const pageNo = q.page();
      const committees = await data.cached("committees", () => repo.listCommittees());
      const councils = [...new Set(committees.map((x) => x.authority ?? "").filter(Boolean))].sort();
      const filter = { q: q.text("q", 100), council: q.oneOf("council", councils) };
      const people = await data.cached(`people:${JSON.stringify(filter)}:${pageNo}`, () =>
        repo.listPeople(
          { limit: 50, offset: (pageNo - 1) * 50 },
          { ...(filter.q ? { q: filter.q } : {}), ...(filter.council ? { council: filter.council } : {}) },
        ),
      );
      return { people, page: pageNo, filter, councils };
    },
    peoplePage,
    {
      summary: "People named in the records: councillors, attendees (officers and others) and others named",
      response: PeopleSchema,
      query: {
        q: z.string().max(100).optional().describe("Part of a name, in any form printed"),
        council: z.string().max(200).optional().describe("Only this council's people (its name as listed)"),
        page: Q.page,
      },
    },
  );

  page<PersonData>(
    "/people/:id",
    async (c) => {
      const id = pathId(c.req.param("id"));
      const p = await data.cached(`person:${id}`, () => repo.getPerson(id));
      if (!p) throw notFound("There is no person with that number.");
      return { ...p, byCommittee: attendanceByCommittee(p) };
    },
    personPage,
    { summary: "One person: roles, attendance, declarations", response: PersonSchema },
  );

  const decisionFilter = (q: Query) => ({
    committee: q.id("committee"),
    from: q.date("from"),
    to: q.date("to"),
    key: q.flag("key"),
  });

  page<DecisionsData>(
    "/decisions",
    async (_c, q) => {
      const f = decisionFilter(q);
      const pageNo = q.page();
      const decisions = await data.cached(`decisions:${JSON.stringify(f)}:${pageNo}`, () =>
        repo.listDecisions(
          {
            ...(f.committee ? { committee: f.committee } : {}),
            ...(f.from ? { from: f.from } : {}),
            ...(f.to ? { to: f.to } : {}),
            keyOnly: f.key,
          },
          { limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE },
        ),
      );
      const committees = await data.cached("committees", () => repo.listCommittees());
      return { decisions, committees, filter: { ...f, page: pageNo } };
    },
    decisionsPage,
    {
      summary: "The decisions register",
      response: DecisionsSchema,
      query: { committee: Q.committee, from: Q.from, to: Q.to, key: Q.key, page: Q.page },
    },
  );

  const searchFilter = (q: Query) => ({
    q: q.text("q") ?? "",
    committee: q.id("committee"),
    year: q.year(),
    type: q.oneOf("type", PARAGRAPH_TYPES),
    key: q.flag("key"),
    page: q.page(),
  });

  async function runSearch(f: ReturnType<typeof searchFilter>, limit: number): Promise<SearchData> {
    if (!f.q) return { result: null, filter: f, limit };
    const filters = {
      ...(f.committee ? { committee: f.committee } : {}),
      ...yearRange(f.year),
      ...(f.type ? { type: f.type } : {}),
      ...(f.key ? { keyDecision: true } : {}),
    };
    const offset = (f.page - 1) * limit;
    const result = await data.cached(
      `search:${JSON.stringify([f.q, filters, f.key, f.page, limit])}`,
      () => repo.search(f.q, filters, { limit, offset }),
      true,
    );
    // One read per distinct meeting, however many hits it has.
    const details = new Map(
      await Promise.all(
        [...new Set(result.hits.map((h) => h.meeting.id))].map(async (id) => [id, await data.meeting(id)] as const),
      ),
    );
    const hits = result.hits.map((h) => ({ ...h, href: hitHref(h, details.get(h.meeting.id) ?? null, f.q) }));
    return { result: { ...result, hits }, filter: f, limit };
  }

  page<SearchData>("/search", (_c, q) => runSearch(searchFilter(q), PAGE_SIZE), searchPage, {
    summary: "Full-text search with facets",
    response: SearchSchema,
    query: { q: Q.q, committee: Q.committee, year: Q.year, type: Q.type, key: Q.key, page: Q.page },
  });

  page<DocumentData>(
    "/documents/:id",
    async (c, q) => {
      const doc = await data.document(pathId(c.req.param("id")));
      if (!doc) throw notFound("There is no document with that number.");
      const at = q.int("at", 1, 10_000_000);
      const to = q.int("to", 1, 10_000_000);
      const cited = at && to && to >= at ? { from: at, to } : null;
      const [text, redactions, meetings] = await Promise.all([
        data.documentText(doc),
        data.redactions(doc.id),
        data.documentMeetings(doc.id),
      ]);
      const withheld = (n: number) => redactions.some((r) => n > r.startLine && n <= r.endLine);
      if (text.kind !== "lines")
        return { document: doc, meetings, redactions, lines: null, window: null, cited, unavailable: text.reason };
      // Long documents are shown a window of lines at a time: the one holding line `at`.
      const total = text.lines.length;
      let shown = text.lines;
      let window: DocumentData["window"] = null;
      const size = opts.documentWindowLines ?? WINDOW_LINES;
      if (total > 2 * size) {
        const first = Math.floor((Math.min(at ?? 1, total) - 1) / size) * size + 1;
        shown = text.lines.slice(first - 1, first - 1 + size);
        window = { first, last: first + shown.length - 1, total, size };
      }
      return {
        document: doc,
        meetings,
        redactions,
        lines: shown.map((l) => ({ n: l.n, page: l.page, text: withheld(l.n) ? null : l.text })),
        window,
        cited,
        unavailable: null,
      };
    },
    documentPage,
    {
      summary: "A source document and its text by line",
      response: DocumentSchema,
      query: {
        at: z.int().min(1).optional().describe("Show the part holding this line"),
        to: z.int().min(1).optional().describe("Last cited line (with at)"),
      },
    },
  );

  // The original file as imported. One that holds exempt parts is never public: it goes only to those the
  // policy lets download every exempt part in it (each opening audited); everyone else gets the text view.
  const vault = new ExemptStore(repo.sql, authStore);
  app.get("/documents/:id/original", async (c) => {
    const id = pathId(c.req.param("id"));
    const doc = await data.document(id);
    if (!doc) throw notFound("There is no document with that number.");
    const file = await repo.getOriginal(id);
    if (!file?.bytes)
      throw notFound(
        "This document was imported before Minutebook kept original files; its text is shown at its document page.",
      );
    const publishable = doc.original && !(await data.redactions(id)).length;
    if (!publishable) {
      const who = auth(c).principal;
      if (!who || !(await vault.openOriginal(who, id, now())))
        throw new HttpError(
          403,
          `This document holds exempt (confidential) material, so its original file is not published. Its public lines are shown at /documents/${id}.`,
        );
    }
    const etag = `"${file.sha256}"`;
    const cache = publishable ? "public, max-age=3600" : "private, no-store";
    if (publishable && c.req.header("If-None-Match") === etag)
      return c.body(null, 304, { ETag: etag, "Cache-Control": cache });
    const ext = (/\.([a-z0-9]+)$/i.exec(file.name)?.[1] ?? "").toLowerCase();
    const type =
      file.format === "pdf"
        ? "application/pdf"
        : ["txt", "md", "markdown"].includes(ext)
          ? "text/plain; charset=utf-8"
          : (ORIGINAL_TYPES[ext] ?? "application/octet-stream");
    // PDFs and plain text open in the browser; anything else (HTML, Word) is downloaded, never rendered here.
    const inline = type === "application/pdf" || type.startsWith("text/plain");
    const ascii = file.name.replace(/[^\x20-\x7e]|["\\]/g, "_");
    return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": type,
      "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      ETag: etag,
      "Cache-Control": cache,
    });
  });
  describe(app, "get", "/documents/:id/original", {
    summary:
      "A document's original file as imported (PDFs open at #page=N); 403 when it holds exempt material and the reader is not entitled",
    response: z.string(),
    type: "application/pdf",
  });

  app.get("/open-data", (c) => render(c, openDataPage()));
  app.get("/accessibility", (c) => render(c, accessibilityPage()));
  // The document is generated once all routes are described (at the first request).
  let apiDoc: ReturnType<typeof openApiDocument> | null = null;
  const document = () => {
    apiDoc ??= openApiDocument(app);
    return apiDoc;
  };
  app.get("/api", (c) => c.json({ openapi: "/api/openapi.json", endpoints: Object.keys(document().paths ?? {}) }));
  describe(app, "get", "/api", {
    summary: "Where the API is described, and its paths",
    response: z.strictObject({ openapi: z.string(), endpoints: z.array(z.string()) }),
  });
  app.get("/api/openapi.json", (c) => c.json(document()));
  describe(app, "get", "/api/openapi.json", {
    summary: "This OpenAPI 3.1 document",
    response: z.record(z.string(), z.unknown()).describe("An OpenAPI 3.1 document"),
  });

  // ---------------------------------------------------------------------------------------------
  // Feeds and downloads

  app.get("/meetings.ics", async (c) => {
    const q = Query.of(c.req.url);
    const committee = q.id("committee");
    const all = (await data.allMeetings()).filter((m) => m.date && (!committee || m.committee.id === committee));
    const base = origin(c);
    const host = new URL(base).host;
    // Each event names its council: a store may hold the papers of several.
    const councils = [...new Set(all.map((m) => m.authority).filter(Boolean))];
    const body = toICalendar(
      councils.length === 1 ? `${councils[0]} committee meetings` : "Council committee meetings",
      all.map((m) => ({
        uid: `meeting-${m.id}@${host}`,
        date: m.date as string,
        time: m.time,
        // A cancelled meeting stays in the feed as CANCELLED (calendars then remove it); a postponed
        // one is TENTATIVE, as in the council's own /calendar.ics.
        summary: `${m.status ? `${m.status.state.toUpperCase()}: ` : ""}${m.authority ? `${m.committee.name}, ${m.authority}` : m.committee.name}`,
        location: m.location,
        description: `${meetingTitle(m)}${m.status ? ` (${m.status.state})` : ""}. Papers and minutes: ${base}/meetings/${m.id}`,
        url: `${base}/meetings/${m.id}`,
        status: m.status?.state === "cancelled" ? "CANCELLED" : m.status ? "TENTATIVE" : "CONFIRMED",
      })),
    );
    return c.body(body, 200, {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="meetings.ics"',
    });
  });
  describe(app, "get", "/meetings.ics", {
    summary: "Meetings as an iCalendar feed",
    response: z.string(),
    type: "text/calendar",
    query: { committee: Q.committee },
  });

  // The meetings list as CSV: the same filters as /meetings, every page of it.
  app.get("/meetings.csv", async (c) => {
    const q = Query.of(c.req.url);
    const committee = q.id("committee");
    const year = q.year();
    const base = origin(c);
    const rows: (string | number | null)[][] = [];
    for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
      const page = await repo.listMeetings(
        { ...(committee ? { committee } : {}), ...yearRange(year) },
        { limit: MAX_PAGE_SIZE, offset },
      );
      for (const m of page.items)
        rows.push([
          m.id,
          m.date,
          m.time,
          m.authority,
          m.committee.name,
          m.committee.id,
          m.location,
          m.status?.state ?? "",
          m.status?.rescheduledTo ?? "",
          m.counts.agendaItems,
          m.counts.reports,
          m.counts.minutes,
          m.counts.documents,
          `${base}/meetings/${m.id}`,
        ]);
      if (page.items.length < MAX_PAGE_SIZE || offset + MAX_PAGE_SIZE >= page.total) break;
    }
    const body = toCsv(
      [
        "meeting_id",
        "date",
        "time",
        "council",
        "committee",
        "committee_id",
        "location",
        "status",
        "rescheduled_to",
        "agenda_items",
        "reports",
        "minutes",
        "documents",
        "url",
      ],
      rows,
    );
    return c.body(body, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="meetings.csv"',
    });
  });
  describe(app, "get", "/meetings.csv", {
    summary: "Meetings as CSV, one row per meeting, with the same filters as /meetings (every page)",
    response: z.string(),
    type: "text/csv",
    query: { committee: Q.committee, year: Q.year },
  });

  app.get("/search.atom", async (c) => {
    const f = searchFilter(Query.of(c.req.url));
    if (!f.q) throw new HttpError(400, "Give the words to follow as q, for example /search.atom?q=libraries.");
    const { result } = await runSearch({ ...f, page: 1 }, 50);
    const base = origin(c);
    const params = new URL(c.req.url).searchParams;
    const hits = result?.hits ?? [];
    const updated =
      hits
        .map((h) => h.meeting.date ?? "")
        .sort()
        .pop() || null;
    const body = toAtom(
      {
        id: `${base}/search.atom?${params}`,
        title: `Council records matching “${f.q}”`,
        selfLink: `${base}/search.atom?${params}`,
        altLink: `${base}/search?${params}`,
        updated: updated
          ? atomDate(updated)
          : now()
              .toISOString()
              .replace(/\.\d{3}Z$/, "Z"),
      },
      hits.map((h) => ({
        id: `${base}/meetings/${h.meeting.id}#paragraph-${h.paragraphId}`,
        title: `${h.title} (${meetingTitle(h.meeting)})`,
        updated: atomDate(h.meeting.date),
        link: `${base}${h.href}`,
        summary: h.snippetText,
      })),
    );
    return c.body(body, 200, { "Content-Type": "application/atom+xml; charset=utf-8" });
  });
  describe(app, "get", "/search.atom", {
    summary: "A search as an Atom feed",
    response: z.string(),
    type: "application/atom+xml",
    query: { q: Q.q, committee: Q.committee, year: Q.year, type: Q.type, key: Q.key },
  });

  app.get("/decisions.csv", async (c) => {
    const f = decisionFilter(Query.of(c.req.url));
    const rows: (string | number | null)[][] = [];
    const base = origin(c);
    for (let offset = 0; ; offset += 500) {
      const page = await repo.listDecisions(
        {
          ...(f.committee ? { committee: f.committee } : {}),
          ...(f.from ? { from: f.from } : {}),
          ...(f.to ? { to: f.to } : {}),
          keyOnly: f.key,
        },
        { limit: 500, offset },
      );
      for (const d of page.items) {
        const common = [
          d.meetingId,
          d.date,
          d.committee.name,
          d.number,
          d.title,
          d.keyDecision === null ? "" : d.keyDecision ? "yes" : "no",
        ];
        const tail = [
          d.reasons.join("\n"),
          d.provenance.documentName,
          d.provenance.span.startLine,
          d.provenance.span.endLine,
          d.provenance.span.page,
          `${base}/meetings/${d.meetingId}#minute-${d.minuteId}`,
        ];
        if (!d.resolutions.length) rows.push([...common, null, null, ...tail]);
        for (const r of d.resolutions) rows.push([...common, r.path, r.text, ...tail]);
      }
      if (page.items.length < 500 || offset + 500 >= page.total) break;
    }
    const body = toCsv(
      [
        "meeting_id",
        "date",
        "committee",
        "minute",
        "title",
        "key_decision",
        "clause",
        "resolution",
        "reasons",
        "source_document",
        "source_start_line",
        "source_end_line",
        "source_page",
        "url",
      ],
      rows,
    );
    return c.body(body, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="decisions.csv"',
    });
  });
  describe(app, "get", "/decisions.csv", {
    summary: "Decisions as CSV, one row per resolution clause",
    response: z.string(),
    type: "text/csv",
    query: { committee: Q.committee, from: Q.from, to: Q.to, key: Q.key },
  });

  app.get("/attendance.csv", async (c) => {
    const rows: (string | number | null)[][] = [];
    for (const m of await data.allMeetings()) {
      const a = (await data.meeting(m.id))?.attendance;
      if (!a) continue;
      const add = (status: string) => (p: PersonRef) =>
        rows.push([
          m.id,
          m.date,
          m.committee.name,
          p.id,
          p.name,
          p.printed,
          status,
          a.chair?.id === p.id ? "yes" : "no",
          a.provenance.documentName,
          a.provenance.span.startLine,
        ]);
      a.present.forEach(add("present"));
      a.apologies.forEach(add("apologies"));
      a.inAttendance.forEach(add("in attendance"));
    }
    const body = toCsv(
      [
        "meeting_id",
        "date",
        "committee",
        "person_id",
        "person",
        "printed_name",
        "status",
        "chair",
        "source_document",
        "source_line",
      ],
      rows,
    );
    return c.body(body, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="attendance.csv"',
    });
  });
  describe(app, "get", "/attendance.csv", {
    summary: "Attendance at every meeting as CSV",
    response: z.string(),
    type: "text/csv",
  });

  // ---------------------------------------------------------------------------------------------
  // Errors: 400 and 404 as pages (or JSON under /api); anything else a 500 that reveals nothing.

  function fail(c: Context, status: 400 | 403 | 404 | 413 | 429 | 500 | 503, message: string) {
    return c.req.path === "/api" || c.req.path.startsWith("/api/")
      ? c.json({ error: { status, message } }, status)
      : c.req.path.endsWith(".csv") || c.req.path.endsWith(".ics") || c.req.path.endsWith(".atom")
        ? c.text(`${status}: ${message}\n`, status)
        : render(c, errorPage(status, message), status);
  }

  app.notFound((c) => fail(c, 404, "Check the address is typed correctly; the page may have moved."));
  app.onError((err, c) => {
    if (err instanceof HttpError) return fail(c, err.status, err.message);
    // hono/csrf refuses a form posted from another site.
    if (err instanceof HTTPException && err.status === 403)
      return fail(c, 403, "The form came from another site. Go back, reload the page and try again.");
    if (err instanceof AccessDenied) {
      // Someone not signed in is asked to sign in and brought back; a signed-in person is told no.
      if (err.status === 401 && c.req.method === "GET" && !c.req.path.startsWith("/api/"))
        return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path + new URL(c.req.url).search)}`, 303);
      if (err.status === 401) return fail(c, 403, err.message);
      return fail(c, 403, auth(c).user ? err.message : "Sign in to see this page.");
    }
    if (isStoreUnreachable(err)) {
      // The database is down or restarting: pages already seen are still served from the cache;
      // this one needs the database, and says so rather than failing as an error.
      const res = fail(
        c,
        503,
        "The records database cannot be reached just now, so this page cannot be shown. Pages viewed recently are still available. Please try again in a minute.",
      );
      res.headers.set("Retry-After", "30");
      return res;
    }
    onError(err, c.req.path);
    return fail(c, 500, "Please try again later.");
  });

  return app;
}
