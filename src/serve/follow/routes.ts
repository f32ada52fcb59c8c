/**
 * The follow pages and their /api twins: topics, follow-ups (all, and by committee), referrals,
 * money, data-quality flags and a person's timeline. One loader per address feeds both the HTML page
 * and the JSON; rendered output is kept until the store changes. Also adds, to the portal's own
 * meeting, committee and person pages, a section or link built from the same results (appended to
 * their HTML, so the portal's renderers are untouched); a meeting page gets its section once the
 * results for the store's current state are ready, so it never waits for them. Each twin is described
 * in the OpenAPI document with its zod schema (schemas.ts; see ../openapi.ts).
 */
import { createHash } from "node:crypto";
import type { Context, Hono } from "hono";
import { z } from "zod";
import { sameBody } from "../../link/referrals/bodies";
import type { CommitteeDetail, CommitteeRef, MeetingDetail, PersonDetail } from "../../store/repository";
import type { PortalData } from "../data";
import { badRequest, notFound } from "../errors";
import type { Html } from "../html";
import { layout } from "../layout";
import { describe, Q, type RouteDoc } from "../openapi";
import type { View } from "../pages";
import { pathId, Query } from "../params";
import { gather, LinkKeeper } from "./links";
import {
  type FollowUpRecord,
  type FollowUpsData as FollowUpsRecord,
  MONEY_SORTS,
  type MoneyRecord,
  moneyData,
  type QualityRecord,
  type ReferralRecord,
  type TopicMissing,
  type TopicData as TopicRecord,
  type TopicSummary,
  timelineData,
  timelineOf,
} from "./records";
import {
  FollowStatus,
  FollowUpsData,
  MoneyData,
  MoneySort,
  QualityData,
  ReferralsData,
  TimelineData,
  TopicData,
  TopicId,
  TopicMissing as TopicMissingSchema,
  TopicsData,
} from "./schemas";
import {
  committeeLinks,
  doubtfulPeopleSection,
  followUpsPage,
  meetingSection,
  moneyPage,
  personLinks,
  qualityPage,
  referralsPage,
  timelinePage,
  topicMissingPage,
  topicPage,
  topicsPage,
} from "./views";

export type FollowOptions = {
  /** "Today", for a follow-up's status (tests fix it). */
  now?: () => Date;
  /** Read the documents' text so discussion counts (default: whenever the portal may read documents). */
  withText?: boolean;
  /**
   * Wait for links of the store as it is now on every read (tests that import and look at once);
   * by default pages answer from the previous result while the new one is computed.
   */
  waitForLinks?: boolean;
  /** A topic page's items per page (default TOPIC_ENTRIES_PER_PAGE). */
  topicEntriesPerPage?: number;
};

const TOPICS_PER_PAGE = 50;
/** Follow-ups per page: a council's twenty years hold thousands. */
export const FOLLOWUPS_PER_PAGE = 100;
/** A topic page's items per page: a topic followed for twenty years has thousands. */
export const TOPIC_ENTRIES_PER_PAGE = 100;
const STATUSES = ["met", "open", "overdue"] as const;

/** Topic ids are slugs of their key phrase (and council): lower-case letters, digits and hyphens. */
function topicId(raw: string | undefined): string {
  if (!raw || !/^[a-z0-9][a-z0-9-]{0,159}$/.test(raw)) throw notFound("There is no such topic.");
  return raw;
}

/** A topic id that another topic now carries on: answered with a permanent redirect. */
class Moved extends Error {
  constructor(readonly to: string) {
    super(`moved to ${to}`);
  }
}

/** A page with its added section, encoded, as sent. */
type Appended = { body: Uint8Array; etag: string; type: string };
/** Thrown inside the cached load when there is nothing to add (not cached; the page is sent as it is). */
const NOT_APPENDED = new Error("not appended");
const encoder = new TextEncoder();

/** A topic id nothing clearly carries on: answered 404 with the topics that come closest. */
class Missing extends Error {
  constructor(readonly record: TopicMissing) {
    super(record.error.message);
  }
}

/** A stored follow-up's state on `today`: met on evidence, else overdue once its due date has passed. */
function stateOn(today: string, f: { met: boolean; dueBy: string | null }): FollowUpRecord["status"] {
  return f.met ? "met" : f.dueBy && f.dueBy < today ? "overdue" : "open";
}

export function registerFollowRoutes(app: Hono, data: PortalData, opts: FollowOptions = {}): LinkKeeper {
  const now = opts.now ?? (() => new Date());
  const today = () => now().toISOString().slice(0, 10);
  const links = new LinkKeeper(data, opts.withText, { wait: opts.waitForLinks, now });
  const perPage = opts.topicEntriesPerPage ?? TOPIC_ENTRIES_PER_PAGE;
  // Every read is of what import stored (store/common/links.ts); nothing here computes links.
  const stored = data.repo.links;
  /** A stored read, kept until the store changes. */
  const read = async <T>(key: string, load: () => Promise<T>): Promise<T> => {
    await links.before();
    return data.cached(`links:${key}`, load);
  };
  const topicOf = (slug: string, summary: unknown): TopicSummary => ({ ...(summary as TopicSummary), id: slug });

  /** Follow-ups as stored, with their state on `day`: all, one council's, or one meeting's. */
  const followUpsOn = async (
    day: string,
    where: { council?: string | null; meetingId?: number },
  ): Promise<(FollowUpRecord & { _committee: number | null; _due: string | null })[]> => {
    const rows = await read(`followups:${JSON.stringify(where)}`, () => stored.followUps(where));
    return rows.map((f) => ({
      ...(f.record as FollowUpRecord),
      status: stateOn(day, f),
      _committee: f.fromCommitteeId,
      _due: f.dueBody,
    }));
  };
  const followUpsData = async (
    day: string,
    committee: (CommitteeRef & { authority: string | null }) | null,
    status: FollowUpsRecord["status"],
    pageNo: number,
  ): Promise<FollowUpsRecord> => {
    const ref = committee ? { id: committee.id, name: committee.name } : null;
    const paging = { limit: FOLLOWUPS_PER_PAGE, offset: (pageNo - 1) * FOLLOWUPS_PER_PAGE };
    let counts = { met: 0, open: 0, overdue: 0 };
    let list: FollowUpRecord[];
    if (!committee) {
      // Every council's: counted and paged by the store, never read whole.
      const p = await read(`followups:page:${day}:${status ?? ""}:${pageNo}`, () =>
        stored.followUpPage(day, status, paging),
      );
      counts = p.counts;
      list = p.rows.map((f) => ({ ...(f.record as FollowUpRecord), status: stateOn(day, f) }));
    } else {
      // One committee's: promised at its meetings, or due to a body of its name within its council.
      const all = (await followUpsOn(day, { council: committee.authority })).filter(
        (f) => f._committee === committee.id || sameBody(f._due ?? "", committee.name),
      );
      for (const f of all) counts[f.status]++;
      list = (status ? all.filter((f) => f.status === status) : all)
        .slice(paging.offset, paging.offset + paging.limit)
        .map(({ _committee, _due, ...f }) => f);
    }
    const total = status ? counts[status] : counts.met + counts.open + counts.overdue;
    if (pageNo > 1 && paging.offset >= total) throw notFound("There is no such page of follow-ups.");
    return {
      today: day,
      committee: ref,
      status,
      counts,
      followUps: list,
      total,
      page: pageNo,
      limit: FOLLOWUPS_PER_PAGE,
    };
  };

  /** Registers a page at `path` and its JSON twin at /api + path, from one loader; `doc` describes the twin. */
  function twin<T>(
    path: string,
    load: (c: Context, q: Query) => Promise<T>,
    view: (d: T, p: URLSearchParams) => View,
    doc: RouteDoc & { response: z.ZodType<T> },
  ) {
    describe(app, "get", `/api${path}`, doc);
    const key = (c: Context) => {
      const u = new URL(c.req.url);
      return `${today()}:${u.pathname}${u.search}`;
    };
    app.get(path, async (c) => {
      try {
        const body = await data.cached(`follow:html:${key(c)}`, async () => {
          const q = Query.of(c.req.url);
          return layout(view(await load(c, q), q.params));
        });
        return c.html(body, 200, { "Cache-Control": "no-cache" });
      } catch (e) {
        if (e instanceof Moved) return c.redirect(e.to, 301);
        if (e instanceof Missing) return c.html(layout(topicMissingPage(e.record)), 404);
        throw e;
      }
    });
    app.get(`/api${path}`, async (c) => {
      try {
        const body = await data.cached(`follow:json:${key(c)}`, async () =>
          JSON.stringify(await load(c, Query.of(c.req.url))),
        );
        return c.body(body, 200, { "Content-Type": "application/json; charset=UTF-8", "Cache-Control": "no-cache" });
      } catch (e) {
        if (e instanceof Moved) return c.redirect(`/api${e.to}`, 301);
        if (e instanceof Missing) return c.json(e.record, 404);
        throw e;
      }
    });
  }

  const committee = async (c: Context) => {
    const id = pathId(c.req.param("id"));
    const d = await data.cached<CommitteeDetail | null>(`committee:${id}`, () => data.repo.getCommittee(id));
    if (!d) throw notFound("There is no committee with that number.");
    return d;
  };
  const person = async (c: Context) => {
    const id = pathId(c.req.param("id"));
    const p = await data.cached<PersonDetail | null>(`person:${id}`, () => data.repo.getPerson(id));
    if (!p) throw notFound("There is no person with that number.");
    return p;
  };

  twin(
    "/topics",
    async (_c, q) => {
      const pageNo = q.page();
      const o = await read("overview", () => stored.overview());
      const total = o.topics;
      if (pageNo > 1 && (pageNo - 1) * TOPICS_PER_PAGE >= total) throw notFound("There is no such page of topics.");
      const page = await read(`topics:${pageNo}`, () =>
        stored.topics({ limit: TOPICS_PER_PAGE, offset: (pageNo - 1) * TOPICS_PER_PAGE }),
      );
      return {
        topics: page.map((t) => topicOf(t.slug, t.summary)),
        total,
        page: pageNo,
        limit: TOPICS_PER_PAGE,
        meetings: o.meetings,
        withText: o.withText,
      };
    },
    topicsPage,
    { summary: "Subjects followed across meetings and committees", response: TopicsData, query: { page: Q.page } },
  );

  twin(
    "/topics/:id",
    async (c, q) => {
      const id = topicId(c.req.param("id"));
      const pageNo = q.page();
      // One page of the topic's items, read by itself: a long topic never reads or renders them all.
      const t = await read(`topic:${id}:${pageNo}`, () =>
        stored.topic(id, { limit: perPage, offset: (pageNo - 1) * perPage }),
      );
      if (t) {
        if (pageNo > 1 && !t.entries.length) throw notFound("There is no such page of this topic's items.");
        const body = t.body as Omit<TopicRecord, "topic" | "entries" | "total" | "page" | "limit">;
        const entries = t.entries as TopicRecord["entries"];
        return {
          topic: topicOf(t.slug, t.summary),
          entries,
          total: t.total,
          page: pageNo,
          limit: perPage,
          // Links stored before the timeline was (until the keeper or an import stores them again).
          timeline: body.timeline ?? timelineOf(entries),
          money: body.money,
          withText: body.withText,
        };
      }
      // An address from before an import: the topic that now carries it on, if one clearly does.
      const next = await read(`moved:${id}`, () => stored.moved(id));
      if (next?.to) throw new Moved(`/topics/${next.to}`);
      const near = next ? await read(`near:${id}`, () => stored.topicSummaries(next.near)) : [];
      throw new Missing({
        error: {
          status: 404,
          message:
            "There is no topic at this address now. Topics are found afresh after each import, and no current topic clearly continues this one.",
        },
        id,
        near: near.map((x) => topicOf(x.slug, x.summary)),
      });
    },
    topicPage,
    {
      summary: "One topic: every item, why it was linked, and the sums of money printed in it",
      response: TopicData,
      query: { page: Q.page },
      params: {
        id: TopicId.describe(
          "The slug of the topic's defining phrase, with --council when two councils' topics share it. Stable across imports; an id some other topic now carries on redirects there.",
        ),
      },
      responses: {
        "301": {
          description: "The topic now has another id (its defining phrase changed after an import); Location gives it",
        },
        "404": {
          description: "No current topic clearly continues this id: the nearest topics instead",
          schema: TopicMissingSchema,
        },
      },
    },
  );

  const status = (q: Query) => q.oneOf("status", STATUSES);

  const statusQuery = { status: FollowStatus.optional().describe("Only this status"), page: Q.page };
  twin("/followups", async (_c, q) => followUpsData(today(), null, status(q), q.page()), followUpsPage, {
    summary: "Promised follow-up actions, their due dates and whether they were met",
    response: FollowUpsData,
    query: statusQuery,
  });

  twin(
    "/committees/:id/followups",
    async (c, q) => {
      const s = status(q);
      const d = await committee(c);
      return followUpsData(today(), { id: d.id, name: d.name, authority: d.authority }, s, q.page());
    },
    followUpsPage,
    { summary: "Follow-ups promised by or due to one committee", response: FollowUpsData, query: statusQuery },
  );

  twin(
    "/referrals",
    async () => ({
      referrals: (await read("referrals", () => stored.referrals())).map((r) => r.record as ReferralRecord),
    }),
    referralsPage,
    {
      summary: "Resolutions referred to other bodies, and the receiving meetings",
      response: ReferralsData,
    },
  );
  // Adds a section to a page's HTML, before the end of <main> (registered before the page's route).
  // The page with its section is kept encoded with its ETag until the store changes (or the day, which
  // sets follow-ups' states): a repeat request costs a lookup, not a decode, a concatenation and a hash.
  const append = (path: string, build: (c: Context) => Promise<Html | null>) =>
    app.use(path, async (c, next) => {
      // Only the pages are added to (no other method has a route at these addresses).
      if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
      const u = new URL(c.req.url);
      let ran = false;
      let r: Appended | null = null;
      try {
        r = await data.cached(`appended:${today()}:${u.pathname}${u.search}`, async (): Promise<Appended> => {
          ran = true;
          await next();
          if (c.res.status !== 200) throw NOT_APPENDED;
          const type = c.res.headers.get("Content-Type") ?? "";
          if (!type.startsWith("text/html")) throw NOT_APPENDED;
          const extra = await build(c);
          if (!extra) throw NOT_APPENDED;
          const page = await c.res.text();
          const at = page.lastIndexOf("</main>");
          if (at < 0) throw NOT_APPENDED;
          const body = encoder.encode(`${page.slice(0, at)}${extra.value}\n${page.slice(at)}`);
          const etag = `"${createHash("sha1").update(body).digest("base64url").slice(0, 20)}"`;
          return { body, etag, type };
        });
      } catch (e) {
        if (e !== NOT_APPENDED) throw e;
      }
      // Not a page this adds to (an error, a redirect): answered as the page's route answered.
      if (!r) {
        if (!ran) await next();
        return;
      }
      const fresh = c.req.header("If-None-Match") === r.etag;
      if (!ran)
        return fresh
          ? c.body(null, 304, { ETag: r.etag, "Cache-Control": "no-cache" })
          : c.body(r.body as Uint8Array<ArrayBuffer>, 200, {
              "Content-Type": r.type,
              ETag: r.etag,
              "Cache-Control": "no-cache",
            });
      // The page's route answered (its body now read): its response is replaced, keeping its headers
      // but for the ETag and length (Hono would copy the old ones over a new response's, so it is cleared first).
      const headers = new Headers(c.res.headers);
      headers.set("ETag", r.etag);
      headers.delete("Content-Length");
      c.res = undefined;
      c.res = fresh
        ? new Response(null, { status: 304, headers })
        : new Response(r.body as Uint8Array<ArrayBuffer>, { status: 200, headers });
    });

  // People of one council who may be one person, for an officer to merge (db merge) or leave apart.
  append("/quality", async () =>
    doubtfulPeopleSection(await data.cached("doubtful-people", () => data.repo.doubtfulPeople())),
  );
  twin(
    "/quality",
    async () => ({ flags: (await read("quality", () => stored.quality())).map((q) => q.record as QualityRecord) }),
    qualityPage,
    {
      summary: "Data-quality flags: impossible dates, names printed two ways, page ranges",
      response: QualityData,
    },
  );

  twin(
    "/money",
    async (_c, q) => {
      const page = q.page();
      const sort = q.oneOf("sort", MONEY_SORTS) ?? "date-desc";
      const from = q.date("from");
      const to = q.date("to");
      if (from && to && from > to) throw badRequest("The from date must be on or before the to date.");
      const committeeId = q.id("committee");
      // Every sum as a record, once per state of the store; pages filter and sort these.
      const all = (await read("money", () => stored.money())).map((m) => m.record as MoneyRecord);
      const committees = new Map<number, CommitteeRef>();
      for (const m of all)
        if (m.committeeId !== null) committees.set(m.committeeId, { id: m.committeeId, name: m.place.committee });
      let committee = committeeId === null ? null : (committees.get(committeeId) ?? null);
      if (committeeId !== null && !committee) {
        const d = await data.cached<CommitteeDetail | null>(`committee:${committeeId}`, () =>
          data.repo.getCommittee(committeeId),
        );
        if (!d) throw notFound("There is no committee with that number.");
        committee = { id: d.id, name: d.name };
      }
      const d = moneyData(all, [...committees.values()], { committee, from, to, sort }, page);
      if (page > 1 && (page - 1) * d.limit >= d.total) throw notFound("There is no such page of sums.");
      return d;
    },
    moneyPage,
    {
      summary:
        "Sums of money in resolutions, reasons and recommendations, with what they are for (never from exempt items)",
      response: MoneyData,
      query: {
        committee: Q.committee,
        from: z
          .string()
          .optional()
          .describe("Meetings on or after this date: YYYY-MM-DD or as written in the UK (31/1/2017)"),
        to: z
          .string()
          .optional()
          .describe("Meetings on or before this date: YYYY-MM-DD or as written in the UK (31/1/2017)"),
        sort: MoneySort.optional().describe("Order (default date-desc, newest first)"),
        page: Q.page,
      },
    },
  );

  // A person's timeline reads their council's meetings and lines (no links): gathered once per store state.
  const withText = opts.withText ?? data.readDocuments;
  twin(
    "/people/:id/timeline",
    async (c) => {
      const p = await person(c);
      return timelineData(await gatherForTimeline(p), p);
    },
    timelinePage,
    {
      summary:
        "What one person did at each meeting in date order: chairing, attendance, declarations, reports, motions",
      response: TimelineData,
    },
  );
  /** The meetings (and lines) of the councils a person's records are in: people belong to one council. */
  async function gatherForTimeline(p: PersonDetail) {
    const all = await data.allMeetings();
    const ofMeeting = new Map(all.map((m) => [m.id, m.authority ?? ""]));
    const ofCommittee = new Map(all.map((m) => [m.committee.id, m.authority ?? ""]));
    const councils = new Set<string>();
    const add = (c: string | undefined) => c !== undefined && councils.add(c);
    for (const m of [...p.attendance.meetings, ...p.declarations, ...p.votes]) add(ofMeeting.get(m.meetingId));
    for (const r of p.roles) add(ofCommittee.get(r.committee.id));
    const out = {
      meetings: new Map<string, MeetingDetail>(),
      lines: new Map<number, readonly string[]>(),
      pages: new Map<number, readonly (number | null)[]>(),
      withText: false,
    };
    for (const council of [...councils].sort()) {
      const g = await data.cached(`follow:gathered:${council}`, () => gather(data, withText, council));
      for (const [k, v] of g.meetings) out.meetings.set(k, v);
      for (const [k, v] of g.lines) out.lines.set(k, v);
      for (const [k, v] of g.pages) out.pages.set(k, v);
      out.withText ||= g.textFound;
    }
    return out;
  }

  // Additions to the portal's meeting, committee and person pages: a section before the end of <main>.

  // A meeting's referrals, flags and follow-ups, read from the stored links by meeting (indexed).
  append("/meetings/:id", async (c) => {
    const id = Number(c.req.param("id"));
    if (!Number.isInteger(id) || id < 1) return null;
    const day = today();
    const [refs, flags, fol] = await Promise.all([
      read(`referrals:m${id}`, () => stored.referrals({ meetingId: id })),
      read(`quality:m${id}`, () => stored.quality({ meetingId: id })),
      followUpsOn(day, { meetingId: id }),
    ]);
    return meetingSection(
      id,
      refs.map((r) => r.record as ReferralRecord),
      flags.map((q) => q.record as QualityRecord),
      fol.map(({ _committee, _due, ...f }) => f),
    );
  });
  append("/committees/:id", async (c) => committeeLinks(Number(c.req.param("id"))));
  append("/people/:id", async (c) => personLinks(Number(c.req.param("id"))));

  return links;
}
