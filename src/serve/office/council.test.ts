/**
 * The office pages through the app's real routes, a real SQLite store and a signed-in officer (no
 * browser): the seed committees (Leicestershire's Cabinet and its Adults and Communities Overview and
 * Scrutiny Committee, their members, chair and 2017 meeting dates, read from ../shared/gold here, never
 * copied into the project) are keyed in through the forms, then the seed papers are imported and must join
 * the keyed-in committees, people and meetings rather than duplicate them. Also: GOV.UK errors, guards,
 * and the public pages, API and iCalendar feed over what was keyed in.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { totpCode } from "../../auth/local";
import { Client, emptyStore, localAccount, type TestStore } from "../../auth/testing";
import { displayName, parseName } from "../../link/identity/names";
import type { ParseResult } from "../../model/parse-v1";
import { parseFileWithText } from "../../pipeline/parse-file";
import { seedFiles, sharedPath } from "../../testing/shared";
import { createApp } from "../app";
import { icalProblems } from "../feed-validators";
import { openApiValidator } from "../testing";

let t: TestStore;
let app: Hono;
let clock = new Date("2017-01-05T10:00:00Z");
const PASSWORD = "correct horse battery staple";
let officer: { userId: number; totpSecret: string | null };
let outsider: { userId: number; totpSecret: string | null };

before(async () => {
  t = await emptyStore();
  app = createApp(t.repo, { now: () => clock, onError: (e) => console.error(e), auth: { secureCookies: false } });
  officer = await localAccount(
    t.store,
    {
      name: "Dee Services",
      email: "dee@example.org",
      password: PASSWORD,
      grants: [{ role: "democratic-services", from: "2016-01-01" }],
    },
    new Date("2016-06-01T10:00:00Z"),
  );
  outsider = await localAccount(
    t.store,
    {
      name: "Rita Reader",
      email: "rita@example.org",
      password: PASSWORD,
      grants: [{ role: "councillor", from: "2016-01-01" }],
    },
    new Date("2016-06-01T10:00:00Z"),
  );
});
after(async () => t.close());

async function signIn(email: string, secret: string): Promise<Client> {
  // A one-time code works once: each sign-in happens a minute later than the last.
  clock = new Date(clock.getTime() + 60_000);
  const c = new Client((p, i) => app.request(p, i));
  const form = await c.get("/sign-in");
  const r = await c.post("/sign-in", { email, password: PASSWORD, code: totpCode(secret, clock) }, { from: form.body });
  assert.equal(r.status, 303, `signed in as ${email}`);
  return c;
}

/** Posts a form read from its page (so the form token comes with it) and expects a redirect. */
async function submit(c: Client, path: string, fields: Record<string, string>): Promise<string> {
  const form = await c.get(path);
  assert.equal(form.status, 200, `${path} opens`);
  const r = await c.post(path, fields, { from: form.body });
  assert.equal(
    r.status,
    303,
    `${path}: ${r.status} ${/govuk-error-summary__list">(.*?)<\/ul>/s.exec(r.body)?.[1] ?? ""}`,
  );
  return r.location!;
}

const dateFields = (name: string, iso: string) => {
  const [y, m, d] = iso.split("-");
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y };
};

type GoldMeeting = {
  authority: string;
  body: string;
  date: string | null;
  membership: { name: string; role: string | null }[];
};

/** The seed facts: per committee, its 2017 meetings and the members printed on its 2017 front sheet. */
function seedFacts() {
  const meetings: GoldMeeting[] = [];
  for (const f of seedFiles()) {
    const gold = JSON.parse(readFileSync(sharedPath("gold", basename(f).replace(/\.txt$/, ".json")), "utf8"));
    meetings.push(...gold.meetings);
  }
  const of2017 = meetings.filter((m) => m.date?.startsWith("2017"));
  const committees = [...new Set(of2017.map((m) => m.body))].sort();
  return {
    authority: of2017[0].authority,
    committees: committees.map((name) => ({
      name,
      dates: [...new Set(of2017.filter((m) => m.body === name).map((m) => m.date!))].sort(),
      members: of2017.filter((m) => m.body === name).flatMap((m) => m.membership),
    })),
  };
}

/** The printed name as an officer would key it: the "CC" (county councillor) post-nominal left off. */
const keyed = (printed: string) => printed.replace(/,?\s*CC$/, "").trim();

test("the seed committees keyed in through the pages, then the seed papers imported: one committee, person and meeting each", async () => {
  const facts = seedFacts();
  assert.equal(facts.committees.length, 2, "the Cabinet and the scrutiny committee meet in 2017");
  const c = await signIn("dee@example.org", officer.totpSecret!);

  // A form with errors comes back with the GOV.UK error summary and the input kept.
  const blank = await c.get("/office/committees/new");
  const bad = await c.post("/office/committees/new", { name: "", kind: "" }, { from: blank.body });
  assert.equal(bad.status, 400);
  assert.match(bad.body, /<title>Error: Add a committee/);
  assert.match(bad.body, /govuk-error-summary[\s\S]*href="#name"[\s\S]*href="#kind"/);

  await submit(c, "/office/council/settings", { name: facts.authority, policy: "principal" });
  const committeeIds = new Map<string, number>();
  const personIds = new Map<string, number>();
  for (const com of facts.committees) {
    const kind = /scrutiny/i.test(com.name) ? "scrutiny" : "executive";
    const loc = await submit(c, "/office/committees/new", { name: com.name, kind, quorum: "3" });
    const id = Number(/\/office\/committees\/(\d+)$/.exec(loc)![1]);
    committeeIds.set(com.name, id);
    for (const date of com.dates)
      await submit(c, `/office/committees/${id}/meetings/new`, {
        ...dateFields("date", date),
        start: "10:00",
        end: "12:00",
      });
    for (const m of com.members) {
      const name = keyed(m.name);
      if (!personIds.has(name)) {
        await submit(c, "/office/people/new", { kind: "councillor", name });
        const want = displayName(parseName(name)!);
        const found = (await t.repo.office.listPeople({ kind: "councillor" })).find((p) => p.name === want);
        assert.ok(found, `${name} was kept`);
        personIds.set(name, found!.id);
      }
      await submit(c, `/office/committees/${id}/members/new`, {
        personId: String(personIds.get(name)),
        role: "member",
        position: /chair/i.test(m.role ?? "") ? "chair" : "",
        ...dateFields("from", "2016-05-20"),
      });
    }
  }
  const keptMeetings = await t.repo.office.calendar({ from: "2017-01-01", to: "2017-12-31" });
  const keptPeople = new Set(personIds.values());
  assert.equal(keptPeople.size, personIds.size);

  // The papers arrive.
  for (const f of seedFiles()) {
    const { result, lines } = await parseFileWithText(f);
    await t.repo.importDocument(result as ParseResult, { path: f, lines });
  }

  // One committee each: the imported papers joined the keyed-in ones.
  const committees = await t.repo.listCommittees();
  for (const [name, id] of committeeIds) {
    assert.deepEqual(
      committees.filter((x) => x.name.toLowerCase() === name.toLowerCase()).map((x) => x.id),
      [id],
      name,
    );
  }
  assert.equal(
    committees.filter((x) => x.authority === facts.authority).length,
    committeeIds.size,
    "no second committee",
  );
  // One meeting per committee and date: the calendar's 2017 meetings are the papers' meetings.
  const after2017 = await t.repo.office.calendar({ from: "2017-01-01", to: "2017-12-31" });
  assert.deepEqual(
    after2017.map((m) => m.meetingId),
    keptMeetings.map((m) => m.meetingId),
  );
  // One person each: every member printed on the 2017 front sheets is a keyed-in person.
  for (const com of facts.committees) {
    const id = committeeIds.get(com.name)!;
    const withSheet = (await t.repo.listMeetings({ committee: id }, { limit: 50, offset: 0 })).items.filter((m) =>
      m.date?.startsWith("2017"),
    );
    let printed = 0;
    for (const m of withSheet) {
      const detail = (await t.repo.getMeeting(m.id))!;
      for (const x of detail.membership) {
        printed++;
        assert.ok(
          keptPeople.has(x.person.id),
          `${x.person.printed} joined a keyed-in person (got person ${x.person.id})`,
        );
      }
    }
    assert.equal(printed, com.members.length, `${com.name}: the front sheet's members were read`);
  }

  // The public pages show the keyed-in structure, with the chair, and the papers' meetings.
  const cabinetId = committeeIds.get(facts.committees.find((x) => /cabinet/i.test(x.name))!.name)!;
  const pub = await app.request(`/council/committees/${cabinetId}`);
  const body = await pub.text();
  assert.equal(pub.status, 200);
  const chair = facts.committees
    .find((x) => /cabinet/i.test(x.name))!
    .members.find((m) => /chair/i.test(m.role ?? ""))!;
  assert.ok(body.includes("Chair"), "the chair is shown");
  assert.ok(body.includes(keyed(chair.name).split(" ").pop()!), "the chair's name is shown");
  const api = (await (await app.request(`/api/council/committees/${cabinetId}`)).json()) as { members: unknown[] };
  assert.equal(api.members.length, facts.committees.find((x) => x.name.match(/cabinet/i))!.members.length);
});

test("office pages are guarded: the public is sent to sign in, a councillor without the role is refused", async () => {
  const anon = await app.request("/office/committees/new");
  assert.equal(anon.status, 303);
  assert.match(anon.headers.get("location") ?? "", /^\/sign-in\?next=/);
  const c = await signIn("rita@example.org", outsider.totpSecret!);
  assert.equal((await c.get("/office/committees/new")).status, 403);
  assert.equal((await c.get("/office/interests")).status, 403);
  // A form posted without its token is refused.
  const dee = await signIn("dee@example.org", officer.totpSecret!);
  assert.equal((await dee.post("/office/committees/new", { name: "Planning", kind: "regulatory" })).status, 403);
});

test("the calendar: cancelled and moved meetings, end times, notice dates and the iCalendar feed", async () => {
  const dee = await signIn("dee@example.org", officer.totpSecret!);
  const loc = await submit(dee, "/office/committees/new", { name: "Planning Committee", kind: "regulatory" });
  const id = Number(/(\d+)$/.exec(loc)![1]);
  await submit(dee, `/office/committees/${id}/meetings/new`, {
    ...dateFields("date", "2017-01-24"),
    start: "14:00",
    end: "16:30",
    location: "County Hall",
  });
  await submit(dee, `/office/committees/${id}/meetings/new`, { ...dateFields("date", "2017-02-21"), start: "14:00" });
  const [jan, feb] = await t.repo.office.calendar({ committeeId: id });
  await submit(dee, `/office/meetings/${feb.meetingId}`, {
    status: "cancelled",
    ...dateFields("date", "2017-02-21"),
    start: "14:00",
    end: "",
    location: "",
    note: "No applications",
  });
  // January's notice: 5 clear days before Tuesday 24 January 2017 is Monday 16 January.
  const month = await (await app.request("/calendar?month=2017-01")).text();
  assert.match(month, /Papers due by Monday 16 January 2017/);
  assert.match(month, /14:00–16:30/);
  const list = (await (await app.request("/api/calendar?month=2017-02")).json()) as {
    meetings: { meetingId: number; status: string; notice: unknown }[];
  };
  const cancelled = list.meetings.find((m) => m.meetingId === feb.meetingId)!;
  assert.equal(cancelled.status, "cancelled");
  const feed = await (await app.request("/calendar.ics")).text();
  const event = (mid: number) => feed.split("BEGIN:VEVENT").find((e) => e.includes(`UID:meeting-${mid}@minutebook`))!;
  assert.match(event(jan.meetingId), /DTEND;TZID=Europe\/London:20170124T163000/);
  assert.match(event(feb.meetingId), /STATUS:CANCELLED/);
  // And as a real RFC 5545 parser (ical.js) reads it: valid, the cancelled meeting cancelled, the end kept.
  const parsed = icalProblems(feed);
  assert.deepEqual(parsed.problems, []);
  const read = (mid: number) => parsed.events.find((e) => e.uid === `meeting-${mid}@minutebook`)!;
  assert.equal(read(feb.meetingId).component.getFirstPropertyValue("status"), "CANCELLED");
  assert.equal(read(jan.meetingId).endDate.toString(), "2017-01-24T16:30:00");
  // Publishing late flags the meeting with the days counted.
  const page = await dee.get(`/office/meetings/${jan.meetingId}`);
  // The meeting's page leads on to its agenda and pack and its public page; to its minutes once it is held.
  assert.match(page.body, new RegExp(`href="/office/meetings/${jan.meetingId}/agenda"`));
  assert.match(page.body, new RegExp(`href="/meetings/${jan.meetingId}"`));
  assert.doesNotMatch(page.body, /\/minutes"/, "no minutes before the meeting");
  await submit(dee, `/office/meetings/${feb.meetingId}`, { status: "held", ...dateFields("date", "2017-02-21") });
  assert.match(
    (await dee.get(`/office/meetings/${feb.meetingId}`)).body,
    new RegExp(`href="/office/meetings/${feb.meetingId}/minutes"`),
  );
  const r = await dee.post(`/office/meetings/${jan.meetingId}/published`, {}, { from: page.body });
  assert.equal(r.status, 303);
  const pub = await (await app.request(`/council/committees/${id}`)).text();
  assert.doesNotMatch(pub, /Late notice/, "published on 5 January: on time");
});

test("every council page's JSON twin validates (ajv) against the served OpenAPI document", async () => {
  const api = await openApiValidator(app);
  const councillors = (await (await app.request("/api/councillors")).json()) as { councillors: { id: number }[] };
  const committees = (await (await app.request("/api/council")).json()) as { committees: { id: number }[] };
  assert.ok(councillors.councillors.length > 0 && committees.committees.length > 0);
  const paths = [
    "/api/council",
    "/api/calendar?month=2017-01",
    "/api/calendar?month=2017-02",
    "/api/calendar?view=list",
    "/api/councillors",
    "/api/councillors/find?ward=x",
    ...committees.committees.map((c) => `/api/council/committees/${c.id}`),
    ...councillors.councillors.map((c) => `/api/councillors/${c.id}`),
  ];
  const problems: string[] = [];
  for (const p of paths) {
    const r = await app.request(p);
    assert.equal(r.status, 200, p);
    problems.push(...api.check(p, await r.json()));
  }
  assert.deepEqual(problems.slice(0, 20), []);
});
