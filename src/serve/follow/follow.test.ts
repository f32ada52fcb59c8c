/**
 * The follow pages through the portal app (app.request) over a real SQLite store holding the shared
 * seeds and a generated demo council: topics with their years, the 8 November 2016 referral to the
 * Cabinet (a stub), the 524(c) follow-up met in March 2017, the demo's referrals and follow-ups
 * against its ground truth, the JSON twins against the OpenAPI document, 404/400 handling, and
 * the link results being computed once per store state and again after an import.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { Hono } from "hono";
import { command as demoCommand } from "../../cli/commands/demo";
import { updateLinks } from "../../import/links";
import { parseFile } from "../../pipeline/parse-file";
import type { MeetingSummary } from "../../store/repository";
import { createApp } from "../app";
import { PortalData } from "../data";
import { openApiValidator, type SeededStore, seededStore } from "../testing";
import { gather } from "./links";
import {
  type FollowUpsData,
  namePatterns,
  type ReferralsData,
  type TimelineData,
  type TopicData,
  type TopicsData,
} from "./records";
import { registerFollowRoutes } from "./routes";

let store: SeededStore;
let app: Hono;
let demoDir: string;
let seedsOnly: TopicsData;
let meetings: MeetingSummary[];
type Truth = {
  referrals: {
    from: { body: string; date: string; minute: string; clause: string };
    to: { body: string; date: string };
  }[];
  followUps: {
    promise: { body: string; date: string; minute: string; clause: string };
    met: { date: string } | null;
    status: string;
  }[];
};
let truth: Truth;

async function get(path: string) {
  const r = await app.request(path);
  return { status: r.status, type: r.headers.get("content-type") ?? "", body: await r.text() };
}

async function json<T>(path: string): Promise<T> {
  const r = await get(path);
  assert.equal(r.status, 200, `${path}: ${r.body.slice(0, 200)}`);
  assert.match(r.type, /^application\/json/);
  return JSON.parse(r.body) as T;
}

const meetingId = (committee: string, date: string) =>
  meetings.find((m) => m.committee.name === committee && m.date === date)?.id;

before(async () => {
  store = await seededStore();
  app = createApp(store.repo, {
    now: () => new Date("2026-01-01T12:00:00Z"),
    onError: () => {},
    checkEveryMs: 0,
    waitForLinks: true,
  });
  seedsOnly = await json<TopicsData>("/api/topics");
  // The demo council's papers, written as text files and imported like any others.
  demoDir = mkdtempSync(join(tmpdir(), "minutebook-follow-demo-"));
  const log = console.log;
  console.log = () => {};
  try {
    assert.equal(await demoCommand.run(["--meetings", "40", "--out", demoDir, "--seed", "follow"]), 0);
  } finally {
    console.log = log;
  }
  truth = JSON.parse(readFileSync(join(demoDir, "truth.json"), "utf8")) as Truth;
  for (const f of readdirSync(demoDir).sort()) {
    if (!f.endsWith(".txt")) continue;
    const path = join(demoDir, f);
    await store.repo.importDocument(await parseFile(path), { path });
  }
  const all: MeetingSummary[] = [];
  for (let page = 1; ; page++) {
    const r = await json<{ meetings: { items: MeetingSummary[]; total: number } }>(`/api/meetings?page=${page}`);
    all.push(...r.meetings.items);
    if (all.length >= r.meetings.total || !r.meetings.items.length) break;
  }
  meetings = all;
});

after(async () => {
  await store?.close();
  if (demoDir) rmSync(demoDir, { recursive: true, force: true });
});

async function allTopics(): Promise<TopicsData["topics"]> {
  const out: TopicsData["topics"] = [];
  for (let page = 1; ; page++) {
    const r = await json<TopicsData>(`/api/topics?page=${page}`);
    out.push(...r.topics);
    if (out.length >= r.total) return out;
  }
}

test("an import recomputes the links: the demo council's meetings join the seeds'", async () => {
  const now = await json<TopicsData>("/api/topics");
  assert.equal(seedsOnly.meetings, 9);
  assert.equal(now.meetings, meetings.length);
  assert.ok(now.meetings >= seedsOnly.meetings + 40, `${now.meetings} meetings`);
  assert.ok(now.total > seedsOnly.total);
});

test("links are stored once per council's input: an unchanged store is not linked again", async () => {
  const data = new PortalData(store.repo, { checkEveryMs: 0 });
  const links = registerFollowRoutes(new Hono(), data);
  await links.settled();
  const stored = await store.repo.links.councils();
  assert.ok(stored.length >= 2, "the seeds' council and the demo council");
  const again = await updateLinks(store.repo, { today: "2026-01-01", now: "2026-01-01T00:00:00Z", data });
  assert.deepEqual(again.computed, [], "nothing recomputed while every council's input is unchanged");
  assert.equal(again.unchanged, stored.length);
  assert.deepEqual(
    (await store.repo.links.councils()).map((c) => c.computedAt),
    stored.map((c) => c.computedAt),
  );
});

test("topics: Help to Live at Home, the library and Lightbulb, with their years", async () => {
  const topics = await allTopics();
  const find = (w: string) => topics.find((t) => t.phrases.some((p) => p.includes(w)));
  const help = find("help to live at home");
  assert.ok(help, "Help to Live at Home is a topic");
  assert.equal(help.label, "Help to Live at Home");
  assert.ok(help.years.includes("2015") && help.years.includes("2016"), help.years.join(","));
  const library = topics.find((t) => /librar/i.test(t.label) && t.years.includes("2015"));
  assert.ok(library?.years.includes("2015") && library.years.includes("2024"), library?.years.join(","));
  // Lightbulb is named only in the discussion of 8 November 2016: found because the text is read.
  const lightbulb = find("lightbulb");
  assert.equal(lightbulb?.first, "2016-11-08");
  const page = await get("/topics");
  assert.equal(page.status, 200);
  assert.match(page.body, /<a class="govuk-link" href="\/topics\/help-to-live-at-home">Help to Live at Home<\/a>/);
  assert.match(page.body, /2015 to 2017/);
  // Lightbulb is a matter of its own, named by its own title.
  assert.match(page.body, /<a class="govuk-link" href="\/topics\/lightbulb-service">Lightbulb Service<\/a>/);
});

test("a topic page: the timeline chart, every item linked to its meeting and lines, and why", async () => {
  const d = await json<TopicData>("/api/topics/help-to-live-at-home");
  assert.equal(d.topic.label, "Help to Live at Home");
  assert.ok(d.entries.length >= 3);
  for (const e of d.entries) {
    assert.match(e.place.href ?? "", /^\/meetings\/\d+#(agenda|minute|report)-\d+$/, e.place.ref);
    assert.ok(e.place.source, `${e.place.ref} has its source lines`);
    assert.match(e.why, /help to live at home/i);
  }
  assert.ok(
    d.entries.slice(1).some((e) => e.linkedFrom),
    "later items say which earlier item they follow",
  );
  const page = await get("/topics/help-to-live-at-home");
  assert.equal(page.status, 200);
  assert.match(page.body, /<svg role="img" aria-labelledby="topic-chart-title"/);
  assert.match(page.body, /<title id="topic-chart-title">Timeline of Help to Live at Home: /);
  assert.equal((page.body.match(/<circle /g) ?? []).length, new Set(d.entries.map((e) => e.place.date)).size);
  assert.match(page.body, /href="\/documents\/\d+\?at=\d+&amp;to=\d+#L\d+"/);
  assert.match(page.body, /Why it was linked/);
});

test("a long topic is paged: each page reads its own items, the chart shows them all, the pages add up", async () => {
  const whole = await json<TopicData>("/api/topics/help-to-live-at-home");
  assert.equal(whole.total, whole.entries.length, "a short topic fits on one page");
  assert.ok(whole.total >= 3);
  const small = createApp(store.repo, {
    now: () => new Date("2026-01-01T12:00:00Z"),
    onError: () => {},
    checkEveryMs: 0,
    topicEntriesPerPage: 2,
  });
  const paged: TopicData["entries"] = [];
  const pages = Math.ceil(whole.total / 2);
  for (let page = 1; page <= pages; page++) {
    const r = await small.request(`/api/topics/help-to-live-at-home?page=${page}`);
    assert.equal(r.status, 200);
    const d = (await r.json()) as TopicData;
    assert.equal(d.total, whole.total);
    assert.equal(d.limit, 2);
    assert.ok(d.entries.length <= 2);
    assert.deepEqual(d.timeline, whole.timeline, "every page carries the whole topic's timeline");
    paged.push(...d.entries);
  }
  assert.deepEqual(paged, whole.entries, "the pages in order are the topic's items in order");
  const last = await small.request(`/topics/help-to-live-at-home?page=${pages}`);
  const body = await last.text();
  assert.equal((body.match(/<circle /g) ?? []).length, new Set(whole.entries.map((e) => e.place.date)).size);
  assert.match(body, new RegExp(`Items ${2 * (pages - 1) + 1} to ${whole.total} of ${whole.total} in this topic`));
  assert.match(body, /href="\/topics\/help-to-live-at-home\?page=1"/);
  assert.equal((await small.request(`/topics/help-to-live-at-home?page=${pages + 1}`)).status, 404);
});

test("money: sums printed in a topic's resolutions, and all of them in /api/money", async () => {
  const all = await json<{ money: { asPrinted: string; purpose: string; place: { date: string | null } }[] }>(
    "/api/money?from=2017-02-10&to=2017-02-10",
  );
  const sum = all.money.find((m) => m.asPrinted === "£2.85m");
  assert.equal(sum?.place.date, "2017-02-10");
  assert.match(sum?.purpose ?? "", /High Needs Block/);
  const topics = await allTopics();
  // Printed in minute 523(h), a resolution of the Medium Term Financial Strategy matter.
  const funding = topics.find((t) => /medium term financial strategy/i.test(t.label) && t.years.includes("2017"));
  assert.ok(funding, topics.map((t) => t.label).join(" | "));
  const d = await json<TopicData>(`/api/topics/${funding.id}`);
  assert.ok(
    d.money.some((m) => m.asPrinted === "£2.85m"),
    d.money.map((m) => m.asPrinted).join(","),
  );
  assert.match((await get(`/topics/${funding.id}`)).body, /£2\.85m/);
});

test("the 8 November 2016 minute 40(b) referral to the Cabinet of 23 November 2016 is a stub", async () => {
  const { referrals } = await json<ReferralsData>("/api/referrals");
  const r = referrals.find((x) => x.from.ref === "minute 40(b)" && x.from.date === "2016-11-08");
  assert.ok(r, "the referral is listed");
  assert.deepEqual([r.to.body, r.to.date, r.to.stub, r.to.meetingId], ["Cabinet", "2016-11-23", true, null]);
  assert.equal(r.from.meetingId, meetingId("Adults and Communities Overview and Scrutiny Committee", "2016-11-08"));
  assert.match(r.from.href ?? "", /^\/meetings\/\d+#minute-\d+$/);
  const page = await get("/referrals");
  assert.match(
    page.body,
    /Cabinet, 23 November 2016<br><strong class="govuk-tag govuk-tag--grey">Not yet in the store/,
  );
  const meeting = await get(`/meetings/${r.from.meetingId}`);
  assert.match(meeting.body, /<caption[^>]*>Referred from this meeting<\/caption>/);
  assert.match(meeting.body, /Cabinet, 23 November 2016/);
});

test("the demo council's scrutiny referrals reach the receiving meetings in the store", async () => {
  const { referrals } = await json<ReferralsData>("/api/referrals");
  let resolved = 0;
  for (const t of truth.referrals) {
    const to = meetingId(t.to.body, t.to.date);
    const found = referrals.find(
      (r) =>
        r.from.date === t.from.date &&
        r.from.committee === t.from.body &&
        r.from.ref === `minute ${t.from.minute}(${t.from.clause})`,
    );
    assert.ok(found, `${t.from.body} ${t.from.date} ${t.from.minute}(${t.from.clause})`);
    assert.equal(found.to.meetingId, to ?? null);
    assert.equal(found.to.stub, to === undefined);
    if (to) {
      resolved++;
      assert.equal(found.to.href, `/meetings/${to}`);
      assert.match((await get(`/meetings/${to}`)).body, /<caption[^>]*>Referred to this meeting<\/caption>/);
    }
  }
  assert.ok(resolved >= 1, "at least one receiving meeting is in the store");
});

test("minute 524(c) of 10 February 2017: due March 2017, met by the 10 March 2017 item", async () => {
  const d = await json<FollowUpsData>("/api/followups");
  assert.equal(d.today, "2026-01-01");
  const f = d.followUps.find((x) => x.from.ref === "minute 524(c)" && x.from.date === "2017-02-10");
  assert.ok(f, "the follow-up is listed");
  assert.equal(f.status, "met");
  assert.deepEqual([f.due.body, f.due.asPrinted, f.due.by], ["Cabinet", "March 2017", "2017-03-31"]);
  assert.equal(f.metBy?.place.date, "2017-03-10");
  assert.equal(f.metBy?.place.meetingId, meetingId("Cabinet", "2017-03-10"));
  assert.match(f.metBy?.place.href ?? "", /^\/meetings\/\d+#(agenda|minute|report)-\d+$/);
  assert.match(f.metBy?.why ?? "", /school and high needs funding/i);
  assert.ok(f.from.source && f.metBy?.place.source);
  const page = await get("/followups");
  assert.match(page.body, /Status as at 1 January 2026/);
  assert.match(
    page.body,
    /<strong class="govuk-tag govuk-tag--green">Met<\/strong> [^<]*minute 524\(c\), Cabinet, 10 February 2017/,
  );
  assert.match(page.body, /Cabinet, March 2017 \(by 31 March 2017\)/);
  // By committee, and by status.
  const cabinet = meetings.find((m) => m.date === "2017-02-10")?.committee.id;
  const mine = await json<FollowUpsData>(`/api/committees/${cabinet}/followups`);
  assert.ok(mine.followUps.some((x) => x.from.ref === "minute 524(c)"));
  const overdue = await json<FollowUpsData>("/api/followups?status=overdue");
  assert.ok(overdue.followUps.every((x) => x.status === "overdue"));
  assert.ok(!overdue.followUps.some((x) => x.from.ref === "minute 524(c)"));
  assert.equal(overdue.counts.overdue, overdue.followUps.length);
});

test("a follow-up's status is judged against today", async () => {
  const early = createApp(store.repo, { now: () => new Date("2017-01-01T12:00:00Z"), onError: () => {} });
  const later = await json<FollowUpsData>("/api/followups");
  const before = (await (await early.request("/api/followups")).json()) as FollowUpsData;
  assert.equal(before.today, "2017-01-01");
  const spring = (d: FollowUpsData) => d.followUps.find((x) => x.due.asPrinted === "Spring 2019")?.status;
  assert.equal(spring(later), "overdue");
  assert.equal(spring(before), "open");
});

test("the demo council's follow-ups: met ones are met at the meeting the truth names", async () => {
  const d = await json<FollowUpsData>("/api/followups");
  for (const t of truth.followUps) {
    const f = d.followUps.find(
      (x) =>
        x.from.date === t.promise.date &&
        x.from.committee === t.promise.body &&
        x.from.ref === `minute ${t.promise.minute}(${t.promise.clause})`,
    );
    assert.ok(f, `${t.promise.body} ${t.promise.date} ${t.promise.minute}(${t.promise.clause})`);
    if (t.met) {
      assert.equal(f.status, "met");
      assert.equal(f.metBy?.place.date, t.met.date);
    } else assert.notEqual(f.status, "met");
  }
});

test("data-quality flags: the impossible next-meeting dates of the seeds, also on the meeting page", async () => {
  const d = await json<{ flags: { kind: string; message: string; place: { meetingId: number | null } }[] }>(
    "/api/quality",
  );
  const sunday = d.flags.find((q) => q.kind === "next-meeting-weekend" && /2016-01-17/.test(q.message));
  assert.ok(sunday, "a next meeting printed on a Sunday");
  assert.equal(
    sunday.place.meetingId,
    meetingId("Adults and Communities Overview and Scrutiny Committee", "2016-11-08"),
  );
  assert.match((await get("/quality")).body, /the next meeting is printed as 2016-01-17, a Sunday/);
  assert.match((await get(`/meetings/${sunday.place.meetingId}`)).body, /<caption[^>]*>Data-quality flags<\/caption>/);
});

test("a person's timeline: attendance, roles and declarations in date order, linked to the person page", async () => {
  const people = await json<{ people: { items: { id: number; meetingsAttended: number }[] } }>("/api/people");
  const p = [...people.people.items].sort((a, b) => b.meetingsAttended - a.meetingsAttended)[0];
  const d = await json<TimelineData>(`/api/people/${p.id}/timeline`);
  const detail = await json<{ attendance: { meetings: unknown[] }; declarations: unknown[] }>(`/api/people/${p.id}`);
  const attendance = d.events.filter((e) => ["present", "apologies", "in-attendance", "absent"].includes(e.kind));
  assert.equal(attendance.length, detail.attendance.meetings.length);
  assert.equal(d.events.filter((e) => e.kind === "declaration").length, detail.declarations.length);
  const dates = d.events.map((e) => e.date ?? "9999");
  assert.deepEqual(dates, [...dates].sort());
  assert.match((await get(`/people/${p.id}`)).body, new RegExp(`href="/people/${p.id}/timeline"`));
  assert.match((await get(`/people/${p.id}/timeline`)).body, /<h1 class="govuk-heading-xl">Timeline<\/h1>/);
});

test("every follow JSON twin validates (ajv) against the served OpenAPI document, which describes them", async () => {
  const api = await openApiValidator(app);
  const paths = api.doc.paths;
  const cabinet = meetings.find((m) => m.date === "2017-02-10")?.committee.id;
  const topics = await allTopics();
  const checks: [string, string][] = [
    ["/api/topics", "/api/topics"],
    ...(topics.length > 50 ? [["/api/topics?page=2", "/api/topics"] as [string, string]] : []),
    ...topics.slice(0, 15).map((t): [string, string] => [`/api/topics/${t.id}`, "/api/topics/{id}"]),
    ["/api/followups", "/api/followups"],
    ["/api/followups?status=met", "/api/followups"],
    [`/api/committees/${cabinet}/followups`, "/api/committees/{id}/followups"],
    ["/api/referrals", "/api/referrals"],
    ["/api/money", "/api/money"],
    ["/api/quality", "/api/quality"],
    ...[1, 2, 3].map((id): [string, string] => [`/api/people/${id}/timeline`, "/api/people/{id}/timeline"]),
  ];
  const problems: string[] = [];
  for (const [path, template] of checks) {
    assert.ok(paths[template], `${template} is in the OpenAPI document`);
    assert.equal(api.template(path), template, path);
    problems.push(...api.check(path, await json(path)));
  }
  assert.deepEqual(problems.slice(0, 20), []);
  // The schemas are not vacuous: a wrong record fails.
  assert.notDeepEqual(api.check("/api/followups", { today: "x" }), []);
});

test("unknown ids are 404s and bad query strings 400s, as pages or JSON, never a stack trace", async () => {
  for (const path of [
    "/topics/no-such-topic",
    "/topics/Has_Capitals",
    "/people/999999/timeline",
    "/people/abc/timeline",
    "/committees/999999/followups",
    "/committees/0/followups",
    "/topics?page=999",
  ]) {
    const page = await get(path);
    assert.equal(page.status, 404, path);
    assert.match(page.type, /^text\/html/);
    assert.match(page.body, /Page not found/);
    const api = await get(`/api${path}`);
    assert.equal(api.status, 404, `/api${path}`);
    assert.equal((JSON.parse(api.body) as { error: { status: number } }).error.status, 404);
  }
  for (const path of [
    "/followups?status=late",
    "/followups?status=met&status=open",
    "/committees/1/followups?status=x",
    "/topics?page=0",
    "/topics?page=abc",
  ]) {
    const page = await get(path);
    assert.equal(page.status, 400, path);
    assert.doesNotMatch(page.body, /\.ts:\d+|Error:|at [A-Za-z.]+ \(/);
    const api = await get(`/api${path}`);
    assert.equal(api.status, 400, `/api${path}`);
    assert.match(api.body, /^\{"error":\{"status":400,"message":"/);
  }
});

test("topics, referrals and follow-ups stay within one council", async () => {
  const authority = new Map(meetings.map((m) => [m.id, m.authority]));
  for (const t of await allTopics()) {
    const d = await json<TopicData>(`/api/topics/${t.id}`);
    const councils = new Set(d.entries.map((e) => authority.get(e.place.meetingId ?? 0)));
    assert.deepEqual([...councils], [t.authority], t.id);
  }
  for (const r of (await json<ReferralsData>("/api/referrals")).referrals)
    if (r.to.meetingId) assert.equal(authority.get(r.to.meetingId), authority.get(r.from.meetingId ?? 0));
  for (const f of (await json<FollowUpsData>("/api/followups")).followUps)
    if (f.metBy?.place.meetingId)
      assert.equal(authority.get(f.metBy.place.meetingId), authority.get(f.from.meetingId ?? 0));
});

test("a person is found in discussion by their printed name or honorific and surname", async () => {
  const re = new RegExp(`(?:${namePatterns(["Mr. N. J. Rushton CC (Chairman)"]).join("|")})(?![A-Za-z])`);
  for (const yes of ["Mr. Rushton CC said", "Mr Rushton asked", "Mr. N. Rushton", "Mr. N. J. Rushton CC"])
    assert.match(yes, re);
  for (const no of ["Mrs. Rushton", "Mr. Rushtonson", "Mr. Rhodes"]) assert.doesNotMatch(no, re);
  let ould: { id: number; name: string } | undefined;
  for (let page = 1; !ould; page++) {
    const r = await json<{ people: { items: { id: number; name: string }[] } }>(`/api/people?page=${page}`);
    if (!r.people.items.length) break;
    ould = r.people.items.find((p) => /Ould$/.test(p.name));
  }
  assert.ok(ould, "a member named Ould");
  const d = await json<TimelineData>(`/api/people/${ould.id}/timeline`);
  const named = d.events.find((e) => e.kind === "named" && e.date === "2017-02-10" && /minute 524: /.test(e.text));
  assert.ok(named, "named in minute 524 of 10 February 2017");
  assert.match(named.href ?? "", /^\/meetings\/\d+#minute-\d+$/);
  assert.equal(named.source?.span.startLine, named.source?.span.endLine);
});

test("an exempt minute's lines feed no topic, follow-up, referral, sum or timeline", async () => {
  const exempt: { documentId: number; from: number; to: number }[] = [];
  for (const m of meetings) {
    const d = await json<{
      minutes: { exempt: boolean; provenance: { documentId: number; span: { startLine: number; endLine: number } } }[];
    }>(`/api/meetings/${m.id}`);
    for (const x of d.minutes)
      if (x.exempt)
        exempt.push({
          documentId: x.provenance.documentId,
          from: x.provenance.span.startLine,
          to: x.provenance.span.endLine,
        });
  }
  assert.ok(exempt.length > 0, "the seeds hold an exempt minute");
  // The text the linkers read has the exempt lines blanked (the title line stays).
  const data = new PortalData(store.repo, { checkEveryMs: 0 });
  // The whole store as the timeline reads it, and each council as import links it.
  const councils = [...new Set((await data.allMeetings()).map((m) => m.authority ?? ""))];
  const whole = await gather(data, true);
  const parts = await Promise.all(councils.map((c) => gather(data, true, c)));
  for (const e of exempt)
    for (const text of [whole.lines.get(e.documentId), parts.map((p) => p.lines.get(e.documentId)).find(Boolean)]) {
      assert.ok(text, "the seed's text was read");
      assert.notEqual(text[e.from - 1].trim(), "", "the title line is kept");
      assert.deepEqual(
        text.slice(e.from, e.to).filter((l) => l.trim()),
        [],
        "every other line of the exempt minute is blank",
      );
    }
  const inside = (s: { documentId: number; span: { startLine: number } } | null) =>
    !!s && exempt.some((e) => e.documentId === s.documentId && s.span.startLine > e.from && s.span.startLine <= e.to);
  const problems: string[] = [];
  for (const t of await allTopics()) {
    const d = await json<TopicData>(`/api/topics/${t.id}`);
    for (const e of d.entries) {
      for (const v of e.evidence) if (inside(v.source)) problems.push(`${t.id}: ${v.phrase}`);
      // An exempt minute may be linked by its title only, never by its discussion or resolutions.
      const s = e.place.source;
      if (s && exempt.some((x) => x.documentId === s.documentId && x.from === s.span.startLine))
        for (const v of e.evidence) if (v.field !== "title") problems.push(`${t.id}: ${v.field} "${v.phrase}"`);
    }
  }
  const money: string[] = [];
  for (let page = 1; ; page++) {
    const r = await get(`/api/money?page=${page}`);
    if (r.status === 404) break;
    money.push(r.body, (await get(`/money?page=${page}`)).body);
  }
  assert.ok(money.length >= 2);
  const bodies = [
    ...money,
    ...(await Promise.all(["/api/followups", "/api/referrals", "/api/quality"].map(async (p) => (await get(p)).body))),
  ];
  for (const b of bodies) {
    // Words of the exempt resolution (a short expected value, not the text).
    assert.doesNotMatch(b, /target operating model for adult social care services/i);
    for (const m of b.matchAll(/"documentId":(\d+),"documentName":"[^"]*","span":\{"startLine":(\d+)/g))
      if (inside({ documentId: Number(m[1]), span: { startLine: Number(m[2]) } })) problems.push(`${m[0]}`);
  }
  assert.deepEqual(problems, []);
});
