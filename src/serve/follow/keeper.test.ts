/**
 * The portal's link keeper stops with its pages: an update it scheduled after a store change (once
 * the store has been quiet for a while) is cancelled when the pages are closed, so it never runs
 * against a store closed meanwhile ("linking after a store change failed: The database connection is
 * not open"), and nothing starts after close.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { command as demoCommand } from "../../cli/commands/demo";
import { parseFile } from "../../pipeline/parse-file";
import { PortalData } from "../data";
import { type SeededStore, seededStore } from "../testing";
import { LinkKeeper } from "./links";

let dir: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), "minutebook-keeper-"));
  const log = console.log;
  console.log = () => {};
  try {
    assert.equal(await demoCommand.run(["--meetings", "2", "--out", join(dir, "papers"), "--seed", "keeper"]), 0);
  } finally {
    console.log = log;
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** A store with its links stored, a keeper over it, and a change the keeper has scheduled an update for. */
async function scheduled(quietMs: number): Promise<{ store: SeededStore; data: PortalData; keeper: LinkKeeper }> {
  const store = await seededStore();
  const data = new PortalData(store.repo, { checkEveryMs: 0 });
  const keeper = new LinkKeeper(data, false, { quietMs, now: () => new Date("2026-01-01T00:00:00Z") });
  await keeper.before(); // nothing stored yet: the first links are waited for
  assert.ok((await store.repo.links.overview()).councils > 0);
  const papers = join(dir, "papers");
  const file = readdirSync(papers).find((f) => f.endsWith(".txt"));
  assert.ok(file);
  await store.repo.importDocument(await parseFile(join(papers, file)), { path: join(papers, file) });
  await keeper.before(); // the store changed: an update is scheduled for when it has been quiet
  return { store, data, keeper };
}

test("closing the pages cancels the keeper's scheduled update: nothing runs against the closed store", async () => {
  const { store, data } = await scheduled(50);
  const errors: string[] = [];
  const error = console.error;
  console.error = (...a: unknown[]) => errors.push(a.map(String).join(" "));
  try {
    await data.close();
    await store.close();
    await sleep(300); // six times the quiet period: a timer left behind would have fired
  } finally {
    console.error = error;
  }
  assert.deepEqual(errors, []);
});

test("without close, the scheduled update does run once the store is quiet (the timer is real)", async () => {
  const { store, data, keeper } = await scheduled(50);
  try {
    const before = (await store.repo.links.councils()).map((c) => c.fingerprint);
    await sleep(300);
    await keeper.settled();
    const now = (await store.repo.links.councils()).map((c) => c.fingerprint);
    assert.notDeepEqual(now, before, "the changed council was linked again by the scheduled update");
  } finally {
    await data.close();
    await store.close();
  }
});

test("after close, update and before start nothing", async () => {
  const { store, data, keeper } = await scheduled(60_000);
  try {
    const before = (await store.repo.links.councils()).map((c) => c.fingerprint);
    await data.close();
    await keeper.update();
    await keeper.before();
    await keeper.settled();
    assert.deepEqual(
      (await store.repo.links.councils()).map((c) => c.fingerprint),
      before,
    );
  } finally {
    await store.close();
  }
});
