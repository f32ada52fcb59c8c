/**
 * PostgreSQL stopped and restarted under a running portal, on a throwaway cluster this test makes
 * and owns (initdb on a private folder, its own port; never the shared server): while the database
 * is down, pages already seen keep answering 200 from the cache, a page that needs the database
 * answers 503 with a notice and Retry-After (not a 500), and once it is back every page answers
 * again without restarting the portal, with nothing lost. As root, the cluster runs as the
 * `postgres` user (PostgreSQL refuses to run as root).
 */
import assert from "node:assert/strict";
import { execFile, execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { parseFile } from "../pipeline/parse-file";
import { createApp } from "../serve/app";
import { openRepository } from "../store/open";
import type { Repository } from "../store/repository";
import { seedFiles } from "../testing/shared";

const run = promisify(execFile);
const version = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").sort().pop() : undefined;
const bin = version ? `/usr/lib/postgresql/${version}/bin` : null;
if (!bin && process.env.CI) throw new Error("PostgreSQL's binaries are missing: CI must install postgresql");

const asRoot = process.getuid?.() === 0;
const owner = asRoot
  ? {
      uid: Number(execFileSync("id", ["-u", "postgres"]).toString()),
      gid: Number(execFileSync("id", ["-g", "postgres"]).toString()),
    }
  : {};

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

let dir: string;
let data: string;
let port: number;
let repo: Repository | null = null;

const pgCtl = (...args: string[]) => run(join(bin!, "pg_ctl"), ["-D", data, "-w", "-t", "60", ...args], owner);
const startPg = () =>
  pgCtl("-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "-l", join(dir, "log"), "start");

before(async () => {
  if (!bin) return;
  dir = mkdtempSync(join(tmpdir(), "minutebook-pg-restart-"));
  chmodSync(dir, 0o755);
  if (asRoot) chownSync(dir, owner.uid!, owner.gid!);
  data = join(dir, "data");
  port = await freePort();
  await run(join(bin, "initdb"), ["-D", data, "-U", "minutebook", "--auth=trust", "-E", "UTF8"], owner);
  await startPg();
});

after(async () => {
  await repo?.close().catch(() => {});
  if (bin && data) await pgCtl("-m", "immediate", "stop").catch(() => {});
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("PostgreSQL stopped and restarted under the portal: cached pages keep answering, the rest say why, all come back", {
  skip: bin ? false : "PostgreSQL is not installed",
}, async () => {
  repo = await openRepository({ kind: "postgres", url: `postgres://minutebook@127.0.0.1:${port}/postgres` });
  for (const f of seedFiles()) await repo.importDocument(await parseFile(f), { path: f });
  const app = createApp(repo, { checkEveryMs: 0, onError: () => {} });
  const ids = (
    (await (await app.request("/api/meetings")).json()) as { meetings: { items: { id: number }[] } }
  ).meetings.items.map((m) => m.id);
  assert.ok(ids.length >= 2);
  const seen = ["/", "/meetings", `/meetings/${ids[0]}`, "/api/committees", "/search?q=care"];
  for (const p of seen) assert.equal((await app.request(p)).status, 200, p);
  // Taken once the portal has stored the links the pages read (which moves the store's change counter).
  const before = await repo.stats();

  await pgCtl("-m", "fast", "stop");
  for (const p of seen) {
    const r = await app.request(p);
    assert.equal(r.status, 200, `${p} is served from the cache while the database is down`);
  }
  // A search not made before, and a list not read before, need the database now.
  for (const p of ["/search?q=budget", "/api/people"]) {
    const r = await app.request(p);
    assert.equal(r.status, 503, `${p} needs the database`);
    assert.equal(r.headers.get("Retry-After"), "30");
    assert.match(await r.text(), /database cannot be reached just now/);
  }

  await startPg();
  for (const p of [...seen, `/meetings/${ids[1]}`, "/search?q=budget", "/api/people"])
    assert.equal((await app.request(p)).status, 200, `${p} after the restart, without restarting the portal`);
  assert.deepEqual(await repo.stats(), before, "nothing lost");
});
