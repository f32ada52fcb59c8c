/**
 * A person's timeline, meeting by meeting, over real SQLite stores: the seeds' chairs from the
 * attendance record; a parish council's minutes (from ../shared/corpus) where lines print who
 * proposed and who seconded; the invented Eastmarch council, where a proposer's name inside an
 * exempt minute is never read. Every proposer or seconder links to a line that says so.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Hono } from "hono";
import { parseFile } from "../../pipeline/parse-file";
import { openRepository } from "../../store/open";
import type { Repository } from "../../store/repository";
import { sharedPath } from "../../testing/shared";
import { createApp } from "../app";
import { openApiValidator, type SeededStore, seededStore } from "../testing";
import { motionRoles, namePatterns, plainName, type TimelineData } from "./records";
import { EASTMARCH_TEXT, eastmarchStore } from "./testing";

async function json<T>(app: Hono, path: string): Promise<T> {
  const r = await app.request(path);
  const body = await r.text();
  assert.equal(r.status, 200, `${path}: ${body.slice(0, 300)}`);
  return JSON.parse(body) as T;
}

async function person(app: Hono, re: RegExp): Promise<{ id: number; name: string }> {
  for (let page = 1; ; page++) {
    const r = await json<{ people: { items: { id: number; name: string }[] } }>(app, `/api/people?page=${page}`);
    assert.ok(r.people.items.length, `no person matching ${re}`);
    const p = r.people.items.find((x) => re.test(x.name));
    if (p) return p;
  }
}

const timeline = (app: Hono, id: number) => json<TimelineData>(app, `/api/people/${id}/timeline`);

test("names: a second honorific after Cllr, post-nominals and initials", () => {
  const re = new RegExp(`^(?:${namePatterns(["Cllr Mrs D Clements"]).join("|")})$`);
  for (const yes of ["Cllr Mrs D Clements", "Cllr Mrs Clements", "Cllr Clements", "Cllr. Mrs. D. Clements"])
    assert.match(yes, re);
  for (const no of ["Cllr Mr Clements", "Cllr Mrs Clementson", "Mrs Clements"]) assert.doesNotMatch(no, re);
  assert.equal(plainName("Mr. Dave Houseman MBE, CC"), "dave houseman");
  assert.equal(plainName("Jo Bloggs"), "jo bloggs");
  const { proposed, seconded } = motionRoles(namePatterns(["Cllr Mrs J Hull"]).join("|"));
  assert.match("Cllr Mrs Hull proposed the meeting be re-opened", proposed);
  assert.match("Proposed by Cllr Mrs Hull, seconded by Cllr Hand", proposed);
  assert.match("It was moved by Cllr Hull and agreed", proposed);
  assert.match("seconded by Cllr Mrs Hull.", seconded);
  // What was proposed is not who proposed it.
  assert.doesNotMatch("Cllr Mrs Clements proposed Cllr Mrs Hull, seconded by Cllr Hand.", proposed);
  assert.doesNotMatch("Cllr Mrs Clements proposed Cllr Mrs Hull, seconded by Cllr Hand.", seconded);
  assert.doesNotMatch("Cllr Mrs Hull moved to a new address", proposed);
});

describe("over the seeds", () => {
  let store: SeededStore;
  let app: Hono;
  before(async () => {
    store = await seededStore();
    app = createApp(store.repo, { onError: () => {}, checkEveryMs: 0, waitForLinks: true });
  });
  after(async () => store?.close());

  test("whoever the attendance record names as chair chaired that meeting; events run in date order", async () => {
    const meetings = await json<{ meetings: { items: { id: number }[] } }>(app, "/api/meetings");
    let chairs = 0;
    for (const m of meetings.meetings.items) {
      const d = await json<{ date: string | null; attendance: { chair: { id: number } | null } | null }>(
        app,
        `/api/meetings/${m.id}`,
      );
      const chair = d.attendance?.chair;
      if (!chair) continue;
      chairs++;
      const t = await timeline(app, chair.id);
      const e = t.events.find((x) => x.kind === "chair" && x.meetingId === m.id);
      assert.ok(e, `${chair.id} chaired meeting ${m.id}`);
      assert.equal(e.date, d.date);
      assert.equal(e.href, `/meetings/${m.id}#attendance`);
      assert.ok(e.source, "the attendance lines");
      const dates = t.events.map((x) => x.date ?? "9999");
      assert.deepEqual(dates, [...dates].sort());
    }
    assert.ok(chairs >= 2, `${chairs} chaired meetings`);
  });

  test("the page groups what they did under each meeting, with memberships apart", async () => {
    const people = await json<{ people: { items: { id: number; meetingsAttended: number }[] } }>(app, "/api/people");
    const p = [...people.people.items].sort((a, b) => b.meetingsAttended - a.meetingsAttended)[0];
    const t = await timeline(app, p.id);
    const r = await app.request(`/people/${p.id}/timeline`);
    const body = await r.text();
    assert.equal(r.status, 200);
    const meetings = new Set(t.events.map((e) => e.meetingId));
    assert.match(body, new RegExp(`<caption[^>]*>Meeting by meeting \\(${meetings.size} meetings?\\)</caption>`));
    for (const id of meetings) assert.match(body, new RegExp(`<a class="govuk-link" href="/meetings/${id}">`));
    if (t.roles.length) assert.match(body, /<caption[^>]*>Committee memberships<\/caption>/);
    const api = await openApiValidator(app);
    assert.deepEqual(api.check(`/api/people/${p.id}/timeline`, t), []);
  });
});

describe("over a parish council's minutes", () => {
  let repo: Repository;
  let app: Hono;
  let lines: string[];
  let dir: string;
  const file = () => sharedPath("corpus", "parish", "stoke_ferry_pc_2013-07-10_minutes.md");
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "minutebook-timeline-"));
    repo = await openRepository({ kind: "sqlite", file: join(dir, "minutebook.db") });
    await repo.importDocument(await parseFile(file()), { path: file() });
    app = createApp(repo, { onError: () => {}, checkEveryMs: 0, waitForLinks: true });
    lines = readFileSync(file(), "utf8").split("\n");
  });
  after(async () => {
    await repo?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("proposers and seconders where a line of the minutes says so, linked to that line", async () => {
    const found: Record<string, string[]> = {};
    for (const surname of ["Clements", "Hand", "Hull", "Leamon", "Lintern"]) {
      const p = await person(app, new RegExp(`\\b${surname}$`));
      const t = await timeline(app, p.id);
      for (const e of t.events.filter((x) => x.kind === "proposed" || x.kind === "seconded")) {
        found[surname] = [...(found[surname] ?? []), e.kind];
        assert.ok(e.source, e.text);
        assert.equal(e.source.span.startLine, e.source.span.endLine);
        const line = lines[e.source.span.startLine - 1];
        assert.match(line, new RegExp(surname), `${surname} on line ${e.source.span.startLine}`);
        assert.match(line, e.kind === "proposed" ? /propos|moved/i : /second/i);
        assert.match(e.href ?? "", /^\/meetings\/\d+#minute-\d+$/);
      }
    }
    // Every one of them is printed proposing or seconding something in these minutes.
    assert.ok(found.Clements?.includes("proposed"), JSON.stringify(found));
    assert.ok(found.Hand?.includes("seconded"), JSON.stringify(found));
    assert.ok(found.Hull?.includes("proposed"), JSON.stringify(found));
    assert.ok(found.Leamon?.includes("seconded"), JSON.stringify(found));
    // Cllr Hand seconds and never proposes here.
    assert.ok(!found.Hand?.includes("proposed"), JSON.stringify(found));
    const r = await app.request(`/people/${(await person(app, /\bHand$/)).id}/timeline`);
    assert.match(await r.text(), />Seconded a motion in minute \d+: /);
  });
});

describe("over the invented council's exempt minute", () => {
  let store: Awaited<ReturnType<typeof eastmarchStore>>;
  let app: Hono;
  before(async () => {
    store = await eastmarchStore();
    app = createApp(store.repo, { onError: () => {}, checkEveryMs: 0, waitForLinks: true });
  });
  after(async () => store?.close());

  test("chair, proposer and seconder of the public minute; nothing read from the exempt one", async () => {
    const text = EASTMARCH_TEXT.split("\n");
    const marsh = await timeline(app, (await person(app, /Marsh$/)).id);
    const fenwick = await timeline(app, (await person(app, /Fenwick$/)).id);
    // Where a line says it, the line; chair and attendance come from the attendance record.
    const kinds = (t: TimelineData) =>
      t.events.map((e) => `${e.kind}${e.source && e.kind !== "chair" ? `@${e.source.span.startLine}` : ""}`);
    const line = text.findIndex((l) => l.includes("proposed the recommendation")) + 1;
    assert.deepEqual(kinds(marsh), ["present", `proposed@${line}`]);
    assert.deepEqual(kinds(fenwick).sort(), ["chair", "present", `seconded@${line}`].sort());
    // Marsh is printed in the exempt minute's discussion too; those lines are never read.
    const exempt = text.findIndex((l) => l.includes("Cllr Marsh asked")) + 1;
    assert.ok(exempt > 0);
    assert.ok(!marsh.events.some((e) => e.source?.span.startLine === exempt));
  });
});
