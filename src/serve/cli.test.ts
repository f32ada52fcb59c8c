/** `minutebook serve` as a user runs it: the real binary on a seeded SQLite file, an ephemeral port, then SIGTERM. */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { repoRoot } from "../testing/shared";
import { type SeededStore, seededStore } from "./testing";

const bin = join(repoRoot, "bin", "minutebook.mjs");
let store: SeededStore;

before(async () => {
  store = await seededStore();
});
after(async () => {
  await store?.close();
});

test("minutebook serve listens, serves pages and the API, and stops cleanly on SIGTERM", async () => {
  const child = spawn(process.execPath, [bin, "serve", "--db", store.file, "--port", "0"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr.on("data", (d) => {
    err += d;
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed; stderr: ${err}`)), 30_000);
    child.stdout.on("data", (d) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code}: ${err}`)));
  });
  try {
    const home = await fetch(`${url}/`);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /Council committee records/);
    const api = await fetch(`${url}/api/committees`);
    assert.equal(api.status, 200);
    assert.ok(((await api.json()) as unknown[]).length > 0);
    assert.equal((await fetch(`${url}/meetings/999999`)).status, 404);
    // Rate limits are on by default: a burst of searches from one client is slowed with 429.
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await fetch(`${url}/search?q=x${i}`)).status);
    assert.ok(statuses.includes(429), statuses.join(","));
    assert.match(err, /warning: no --base-url/, "the missing base URL is named at start");
  } finally {
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    assert.equal(await exited, 0);
  }
});

test("minutebook serve rejects a bad port with a readable message", () => {
  const r = spawnSync(process.execPath, [bin, "serve", "--db", store.file, "--port", "http"], { encoding: "utf8" });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /--port must be a number/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});
