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
import type { CommitteeDetail, CommitteeRef, PersonDetail } from "../../store/repository";
import type { PortalData } from "../data";
import { badRequest, notFound } from "../errors";
import type { Html } from "../html";
import { layout } from "../layout";
import { describe, Q, type RouteDoc } from "../openapi";
import type { View } from "../pages";
import { pathId, Query } from "../params";
import { FollowLinks, type Linked } from "./links";
import {
  allMoney,
  type FollowUpRecord,
  followUpRecord,
  followUpsData,
  MONEY_SORTS,
  type MoneyRecord,
  moneyData,
  type QualityRecord,
  qualityData,
  qualityRecord,
  type ReferralRecord,
  referralsData,
  type TopicMissing,
  timelineData,
  topicData,
  topicSummary,
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
};

const TOPICS_PER_PAGE = 50;
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

/** A topic id nothing clearly carries on: answered 404 with the topics that come closest. */
class Missing extends Error {
  constructor(readonly record: TopicMissing) {
    super(record.error.message);
  }
}

export function registerFollowRoutes(app: Hono, data: PortalData, opts: FollowOptions = {}): FollowLinks {
  const now = opts.now ?? (() => new Date());
  const today = () => now().toISOString().slice(0, 10);
  const links = new FollowLinks(data, opts.withText, { wait: opts.waitForLinks, today: () => today() });

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
      const l = await links.get();
      const total = l.threads.length;
      if (pageNo > 1 && (pageNo - 1) * TOPICS_PER_PAGE >= total) throw notFound("There is no such page of topics.");
      return {
        topics: l.threads.slice((pageNo - 1) * TOPICS_PER_PAGE, pageNo * TOPICS_PER_PAGE).map(topicSummary),
        total,
        page: pageNo,
        limit: TOPICS_PER_PAGE,
        meetings: l.meetings.size,
        withText: l.withText,
      };
    },
    topicsPage,
    { summary: "Subjects followed across meetings and committees", response: TopicsData, query: { page: Q.page } },
  );

  twin(
    "/topics/:id",
    async (c) => {
      const id = topicId(c.req.param("id"));
      const l = await links.get();
      const t = l.threads.find((x) => x.slug === id);
      if (t) return topicData(l, t);
      // An address from before an import: the topic that now carries it on, if one clearly does.
      const next = l.continuation(id);
      if (next.to !== null) throw new Moved(`/topics/${l.threads[next.to].slug}`);
      throw new Missing({
        error: {
          status: 404,
          message:
            "There is no topic at this address now. Topics are found afresh after each import, and no current topic clearly continues this one.",
        },
        id,
        near: next.near.map((i) => topicSummary(l.threads[i])),
      });
    },
    topicPage,
    {
      summary: "One topic: every item, why it was linked, and the sums of money printed in it",
      response: TopicData,
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

  const statusQuery = { status: FollowStatus.optional().describe("Only this status") };
  twin("/followups", async (_c, q) => followUpsData(await links.get(), today(), null, status(q)), followUpsPage, {
    summary: "Promised follow-up actions, their due dates and whether they were met",
    response: FollowUpsData,
    query: statusQuery,
  });

  twin(
    "/committees/:id/followups",
    async (c, q) => {
      const s = status(q);
      const d = await committee(c);
      return followUpsData(await links.get(), today(), { id: d.id, name: d.name, authority: d.authority }, s);
    },
    followUpsPage,
    { summary: "Follow-ups promised by or due to one committee", response: FollowUpsData, query: statusQuery },
  );

  twin("/referrals", async () => referralsData(await links.get()), referralsPage, {
    summary: "Resolutions referred to other bodies, and the receiving meetings",
    response: ReferralsData,
  });
  // Adds a section to a page's HTML, before the end of <main> (registered before the page's route).
  const append = (path: string, build: (c: Context) => Promise<Html | null>) =>
    app.use(path, async (c, next) => {
      await next();
      if (c.res.status !== 200 || !(c.res.headers.get("Content-Type") ?? "").startsWith("text/html")) return;
      const extra = await build(c);
      if (!extra) return;
      const page = await c.res.text();
      const at = page.lastIndexOf("</main>");
      if (at < 0) return;
      const body = `${page.slice(0, at)}${extra.value}\n${page.slice(at)}`;
      const headers = new Headers(c.res.headers);
      headers.set("ETag", `"${createHash("sha1").update(body).digest("base64url").slice(0, 20)}"`);
      headers.delete("Content-Length");
      c.res = new Response(body, { status: 200, headers });
    });

  // People of one council who may be one person, for an officer to merge (db merge) or leave apart.
  append("/quality", async () =>
    doubtfulPeopleSection(await data.cached("doubtful-people", () => data.repo.doubtfulPeople())),
  );
  twin("/quality", async () => qualityData(await links.get()), qualityPage, {
    summary: "Data-quality flags: impossible dates, names printed two ways, page ranges",
    response: QualityData,
  });

  // Every sum as a record, once per state of the store; pages filter and sort these.
  const moneyOf = new WeakMap<object, MoneyRecord[]>();
  twin(
    "/money",
    async (_c, q) => {
      const page = q.page();
      const sort = q.oneOf("sort", MONEY_SORTS) ?? "date-desc";
      const from = q.date("from");
      const to = q.date("to");
      if (from && to && from > to) throw badRequest("The from date must be on or before the to date.");
      const committeeId = q.id("committee");
      const l = await links.get();
      let all = moneyOf.get(l);
      if (!all) {
        all = allMoney(l);
        moneyOf.set(l, all);
      }
      const committees = new Map<number, CommitteeRef>();
      for (const d of l.meetings.values()) committees.set(d.committee.id, d.committee);
      const committee = committeeId === null ? null : (committees.get(committeeId) ?? null);
      if (committeeId !== null && !committee) throw notFound("There is no committee with that number.");
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

  twin("/people/:id/timeline", async (c) => timelineData(await links.get(), await person(c)), timelinePage, {
    summary: "What one person did at each meeting in date order: chairing, attendance, declarations, reports, motions",
    response: TimelineData,
  });

  // Additions to the portal's meeting, committee and person pages: a section before the end of <main>.

  // Each result's referrals, flags and follow-ups by meeting, built once per result and day: a
  // meeting page then looks its section up instead of turning every record in the store.
  const sections = new WeakMap<Linked, { day: string; byMeeting: Map<number, Html | null> }>();
  const sectionFor = (l: Linked, id: number): Html | null => {
    const day = today();
    let idx = sections.get(l);
    if (!idx || idx.day !== day) {
      const refs = new Map<number, ReferralRecord[]>();
      const flags = new Map<number, QualityRecord[]>();
      const fol = new Map<number, FollowUpRecord[]>();
      const put = <T>(m: Map<number, T[]>, key: number | null | undefined, v: T) => {
        if (key === null || key === undefined) return;
        const list = m.get(key) ?? [];
        if (!list.includes(v)) list.push(v);
        m.set(key, list);
      };
      for (const r of referralsData(l).referrals) {
        put(refs, r.from.meetingId, r);
        put(refs, r.to.meetingId, r);
      }
      for (const q of l.quality.map((x) => qualityRecord(l, x))) put(flags, q.place.meetingId, q);
      for (const f of l.followUps(day).map((x) => followUpRecord(l, x))) {
        put(fol, f.from.meetingId, f);
        put(fol, f.metBy?.place.meetingId, f);
      }
      const byMeeting = new Map<number, Html | null>();
      for (const m of new Set([...refs.keys(), ...flags.keys(), ...fol.keys()]))
        byMeeting.set(m, meetingSection(m, refs.get(m) ?? [], flags.get(m) ?? [], fol.get(m) ?? []));
      idx = { day, byMeeting };
      sections.set(l, idx);
    }
    return idx.byMeeting.has(id) ? (idx.byMeeting.get(id) ?? null) : meetingSection(id, [], [], []);
  };

  append("/meetings/:id", async (c) => {
    const id = Number(c.req.param("id"));
    // From the newest results there are (the previous store state's while new ones are computed);
    // never waited for.
    const l = await links.ready();
    return l ? sectionFor(l, id) : null;
  });
  append("/committees/:id", async (c) => committeeLinks(Number(c.req.param("id"))));
  append("/people/:id", async (c) => personLinks(Number(c.req.param("id"))));

  return links;
}
