/**
 * Nothing heavy on the request path: pages read the links stored per council; after a write that
 * did not link itself, the portal keeps answering from the links stored before while its keeper
 * computes the changed councils' (computeLinks in a worker) and stores them; nothing is lost between. And an import under load: pages keep answering
 * 200 throughout an import of many documents, and every document is stored.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { Hono } from "hono";
import { command as demoCommand } from "../cli/commands/demo";
import { importPaths } from "../import/import-paths";
import { computeLinks } from "../link/compute";
import { parseFile } from "../pipeline/parse-file";
import { createApp } from "../serve/app";
import { PortalData } from "../serve/data";
import { computeInput, computeOffThread, gather } from "../serve/follow/links";
import { registerFollowRoutes } from "../serve/follow/routes";
import { type SeededStore, seededStore } from "../serve/testing";

let store: SeededStore;
let demoDir: string;
before(async () => {
  store = await seededStore();
  demoDir = mkdtempSync(join(tmpdir(), "minutebook-links-faults-"));
  const log = console.log;
  console.log = () => {};
  try {
    assert.equal(await demoCommand.run(["--meetings", "24", "--out", join(demoDir, "papers"), "--seed", "stale"]), 0);
  } finally {
    console.log = log;
  }
});
after(async () => {
  await store?.close();
  rmSync(demoDir, { recursive: true, force: true });
});

test("after an import, follow pages answer from the previous links until the new ones are ready", async () => {
  const data = new PortalData(store.repo, { checkEveryMs: 0 });
  const app = new Hono();
  const links = registerFollowRoutes(app, data);
  const topics = async () => ((await (await app.request("/api/topics")).json()) as { meetings: number }).meetings;
  const before = await topics(); // the first result is waited for
  const papers = join(demoDir, "papers");
  for (const f of readdirSync(papers).filter((x) => x.endsWith(".txt")))
    await store.repo.importDocument(await parseFile(join(papers, f)), { path: join(papers, f) });
  // The store changed: this answer comes from the previous result, and a recomputation has started.
  assert.equal(await topics(), before, "answered from the previous result, not after recomputing");
  await links.settled();
  const now = await topics();
  assert.ok(now >= before + 24, `the new result holds the imported meetings (${before} → ${now})`);
});

test("computeLinks gives the same result in the worker as on this thread", async () => {
  const data = new PortalData(store.repo, { checkEveryMs: 0 });
  const input = computeInput(await gather(data, true), "2026-01-01");
  const here = computeLinks(input);
  // The worker also finds the council's people (stored for the CLI); the links are compared here.
  const { people, ...there } = await computeOffThread(input);
  assert.ok(people?.people.length, "the worker found the people too");
  assert.deepEqual(JSON.parse(JSON.stringify(there)), JSON.parse(JSON.stringify(here)));
  assert.ok(here.threads.length > 0);
});

test("an import under load: every page request answers 200 throughout, and every document is stored", {
  timeout: 240_000,
}, async () => {
  // The store is looked at once a second, as a running portal does.
  const app = createApp(store.repo, { checkEveryMs: 1000, onError: () => {} });
  // Warm: the first link result is the only one ever waited for.
  assert.equal((await app.request("/topics")).status, 200);
  const before = (await store.repo.stats()).documents;
  const more = join(demoDir, "more");
  const log = console.log;
  console.log = () => {};
  try {
    assert.equal(await demoCommand.run(["--meetings", "15", "--out", more, "--seed", "load"]), 0);
  } finally {
    console.log = log;
  }
  const files = readdirSync(more).filter((x) => x.endsWith(".txt"));
  let importing = true;
  const statuses = new Map<number, number>();
  const load = (async () => {
    let i = 0;
    while (importing) {
      const path = ["/", "/meetings", "/topics", "/search?q=budget", `/meetings/${1 + (i % 5)}`][i++ % 5];
      const r = await app.request(path);
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
      await r.arrayBuffer();
      // A cached answer resolves without touching the event loop: step aside so the import runs,
      // as requests arriving on sockets would.
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  const summary = await importPaths(
    store.repo,
    files.map((f) => join(more, f)),
  );
  importing = false;
  await load;
  assert.equal(summary.documents.failed, 0);
  assert.deepEqual([...statuses.keys()], [200], JSON.stringify([...statuses]));
  assert.equal((await store.repo.stats()).documents, before + files.length, "nothing lost");
});
