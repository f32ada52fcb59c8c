/**
 * The linking step after import (import/links.ts) on a real SQLite store with two councils: each
 * council is linked once; a run over an unchanged store reads nothing and writes nothing; a new paper
 * of one council recomputes that council alone; --force recomputes all; no exempt sum or line reaches
 * the stored links; the store's own `links` tables are what `minutebook topics --db` prints.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { eastmarchStore, SECRET } from "../serve/follow/testing";
import { agendaPack, minutesPage } from "../store/conformance";
import type { Repository } from "../store/repository";
import { updateLinks } from "./links";

let store: Awaited<ReturnType<typeof eastmarchStore>>;
let repo: Repository;
const at = (day: string) => ({ today: day, now: `${day}T12:00:00Z` });

before(async () => {
  store = await eastmarchStore();
  repo = store.repo;
  await repo.importDocument(agendaPack("Cabinet", "2024-02-01", "2024-01-04", "Library Services Review"), {
    path: null,
  });
  await repo.importDocument(minutesPage("Cabinet", "2024-02-01", "Library Services Review"), { path: null });
});
after(async () => {
  await store?.close();
});

test("each council is linked once; an unchanged store is not read again", async () => {
  const first = await updateLinks(repo, at("2026-01-01"));
  assert.deepEqual([...first.computed].sort(), ["Borsetshire County Council", "Eastmarch Borough Council"]);
  const again = await updateLinks(repo, at("2026-01-02"));
  assert.deepEqual(again.computed, []);
  assert.equal(again.unchanged, 2);
  const stamps = (await repo.links.councils()).map((c) => c.computedAt);
  assert.deepEqual(stamps, ["2026-01-01T12:00:00Z", "2026-01-01T12:00:00Z"]);
});

test("a new paper of one council recomputes that council alone; --force recomputes every one", async () => {
  await repo.importDocument(agendaPack("Cabinet", "2024-03-07", "2024-02-01", "Library Services Review"), {
    path: null,
  });
  const s = await updateLinks(repo, at("2026-01-03"));
  assert.deepEqual(s.computed, ["Borsetshire County Council"]);
  const by = new Map((await repo.links.councils()).map((c) => [c.council, c]));
  assert.equal(by.get("Eastmarch Borough Council")?.computedAt, "2026-01-01T12:00:00Z");
  assert.equal(by.get("Borsetshire County Council")?.computedAt, "2026-01-03T12:00:00Z");
  const forced = await updateLinks(repo, { ...at("2026-01-04"), force: true });
  assert.equal(forced.computed.length, 2);
});

test("the stored links hold the public sum and no exempt one", async () => {
  const money = (await repo.links.money()).map((m) => JSON.stringify(m));
  assert.ok(
    money.some((m) => /1\.5m/.test(m)),
    "the public £1.5m is stored",
  );
  const all = JSON.stringify([
    money,
    await repo.links.followUps(),
    await repo.links.referrals(),
    await repo.links.quality(),
    await repo.links.rawTopics(),
  ]);
  assert.doesNotMatch(all, SECRET);
  for (const t of await repo.links.topics({ limit: 100, offset: 0 }))
    assert.doesNotMatch(JSON.stringify(await repo.links.topic(t.slug)), SECRET);
});
