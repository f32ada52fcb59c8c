/**
 * Topic addresses across imports, over a real SQLite store: two seeds are imported and every topic
 * address noted; the other three seeds are imported; every noted address still answers — the same
 * topic, a 301 to the topic that carries it on (which holds the old topic's items), or a 404 that
 * names the nearest topics. Then a second council (the generated demo) arrives: every address of
 * the first council's topics still opens the same topic, and the newcomer's topic with the same
 * phrase is told apart by its council's name.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Hono } from "hono";
import { command as demoCommand } from "../../cli/commands/demo";
import { parseFile } from "../../pipeline/parse-file";
import { openRepository } from "../../store/open";
import type { Repository } from "../../store/repository";
import { seedFiles } from "../../testing/shared";
import { createApp } from "../app";
import { openApiValidator } from "../testing";
import type { TopicData, TopicMissing, TopicSummary, TopicsData } from "./records";

let dir: string;
let repo: Repository;
let app: Hono;

async function get(path: string) {
  const r = await app.request(path);
  return { status: r.status, location: r.headers.get("location"), body: await r.text() };
}

async function allTopics(): Promise<TopicSummary[]> {
  const out: TopicSummary[] = [];
  for (let page = 1; ; page++) {
    const r = JSON.parse((await get(`/api/topics?page=${page}`)).body) as TopicsData;
    out.push(...r.topics);
    if (out.length >= r.total) return out;
  }
}

/** A topic's items as meeting and reference, which stay put across imports. */
async function items(id: string): Promise<Set<string>> {
  const d = JSON.parse((await get(`/api/topics/${id}`)).body) as TopicData;
  return new Set(d.entries.map((e) => `${e.place.meetingId}|${e.kind}|${e.place.ref}`));
}

async function importAll(files: string[]) {
  for (const f of files) await repo.importDocument(await parseFile(f), { path: f });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "minutebook-topic-ids-"));
  repo = await openRepository({ kind: "sqlite", file: join(dir, "minutebook.db") });
  app = createApp(repo, { onError: () => {}, checkEveryMs: 0, waitForLinks: true });
});

after(async () => {
  await repo?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("an address noted before an import still answers after it", async () => {
  const seeds = seedFiles();
  await importAll(seeds.slice(0, 2));
  const before = await allTopics();
  assert.ok(before.length >= 3, `${before.length} topics`);
  const noted = new Map<string, { topic: TopicSummary; items: Set<string> }>();
  for (const t of before) noted.set(t.id, { topic: t, items: await items(t.id) });

  await importAll(seeds.slice(2));
  const now = await allTopics();
  const current = new Map(now.map((t) => [t.id, t]));
  const outcome = { same: 0, moved: 0, missing: 0 };
  const openapi = await openApiValidator(app);
  for (const [id, old] of noted) {
    const page = await get(`/topics/${id}`);
    const api = await get(`/api/topics/${id}`);
    if (current.has(id)) {
      assert.equal(page.status, 200, id);
      outcome.same++;
      continue;
    }
    // The old phrase is now held by exactly one topic: that topic carries the address on.
    const holders = now.filter((t) => t.phrases.includes(old.topic.phrases[0]));
    if (holders.length === 1) assert.equal(page.status, 301, `${id}: ${holders[0].id} holds its phrase`);
    if (page.status === 301) {
      outcome.moved++;
      const to = page.location?.replace(/^\/topics\//, "") ?? "";
      assert.ok(current.has(to), `${id} → ${page.location}`);
      assert.equal(api.status, 301);
      assert.equal(api.location, `/api/topics/${to}`);
      assert.equal((await get(`/topics/${to}`)).status, 200);
      // The topic it went to holds most of the old topic's items.
      const kept = [...old.items];
      const there = await items(to);
      const held = kept.filter((x) => there.has(x)).length;
      assert.ok(held * 2 >= kept.length, `${id} → ${to}: ${held} of ${kept.length} items`);
    } else {
      outcome.missing++;
      assert.equal(page.status, 404, id);
      assert.match(page.body, /Page not found/);
      assert.match(page.body, /href="\/topics">see every topic<\/a>/);
      assert.equal(api.status, 404);
      const missing = JSON.parse(api.body) as TopicMissing;
      assert.deepEqual(openapi.check(`/api/topics/${id}`, missing, 404), []);
      for (const t of missing.near) {
        assert.ok(current.has(t.id), t.id);
        assert.match(page.body, new RegExp(`<a class="govuk-link" href="/topics/${t.id}">`));
      }
    }
  }
  // Matters are named from their earliest titles, so later meetings seldom move an address.
  assert.ok(outcome.same + outcome.moved > outcome.missing, JSON.stringify(outcome));
});

test("a second council's arrival changes no address of the first", async () => {
  // A fresh store: the generated council first, then the seeds' council (whose name sorts first, so
  // only the order of arrival can keep the first council's addresses).
  await repo.close();
  rmSync(dir, { recursive: true, force: true });
  dir = mkdtempSync(join(tmpdir(), "minutebook-topic-ids-"));
  repo = await openRepository({ kind: "sqlite", file: join(dir, "minutebook.db") });
  app = createApp(repo, { onError: () => {}, checkEveryMs: 0, waitForLinks: true });
  const demoDir = join(dir, "demo");
  const log = console.log;
  console.log = () => {};
  try {
    assert.equal(await demoCommand.run(["--meetings", "60", "--out", demoDir, "--seed", "ids"]), 0);
  } finally {
    console.log = log;
  }
  await importAll(
    readdirSync(demoDir)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map((f) => join(demoDir, f)),
  );
  const first = await allTopics();
  assert.equal(new Set(first.map((t) => t.authority)).size, 1);
  await importAll(seedFiles());
  const now = await allTopics();
  // (A seed naming no council stays apart from both, so its topics have no council.)
  const councils = [...new Set(now.map((t) => t.authority))].filter((c) => c !== null);
  assert.equal(councils.length, 2, councils.join(", "));
  const [newcomer] = councils.filter((c) => c !== first[0].authority);
  assert.ok(newcomer && newcomer < (first[0].authority ?? ""), "the newcomer's name sorts first");
  for (const t of first) {
    const r = await get(`/api/topics/${t.id}`);
    assert.equal(r.status, 200, t.id);
    const d = JSON.parse(r.body) as TopicData;
    assert.equal(d.topic.label, t.label, t.id);
    assert.equal(d.topic.authority, t.authority, t.id);
  }
  // The newcomer's topics that share a phrase with the first council's carry their council's name.
  const ids = now.map((t) => t.id);
  assert.equal(new Set(ids).size, ids.length);
  const shared = now.filter((t) => t.id.includes("--"));
  assert.ok(shared.length >= 1, "the two councils share a topic phrase");
  for (const t of shared) {
    assert.notEqual(t.authority, first[0].authority, t.id);
    const plain = now.find((x) => x.id === t.id.split("--")[0]);
    assert.ok(plain && plain.authority !== t.authority, t.id);
  }
  assert.ok(
    shared.some((t) => first.some((f) => f.id === t.id.split("--")[0])),
    "a phrase of the first council's is qualified in the newcomer's topic, not the first's",
  );
});
