// `npm start` as a newcomer runs it: an empty store gets the demo council, imported through the
// normal pipeline, and the portal's pages and search show the generated meetings.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { repoRoot } from "../testing/shared";

async function waitForUrl(child: ReturnType<typeof spawn>, log: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no server after 120 s:\n${log.join("")}`)), 120_000);
    child.stdout?.on("data", (d: Buffer) => {
      log.push(String(d));
      const m = /portal on (http:\/\/[^/\s]+)/.exec(log.join(""));
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr?.on("data", (d: Buffer) => log.push(String(d)));
    child.once("exit", (code) => reject(new Error(`start exited ${code}:\n${log.join("")}`)));
  });
}

test("start generates, imports and serves the demo council; a second start reuses the store", async () => {
  const dir = mkdtempSync(join(tmpdir(), "minutebook-start-"));
  const db = join(dir, "minutebook.db");
  const run = async () => {
    const log: string[] = [];
    const child = spawn(
      process.execPath,
      [join(repoRoot, "bin/minutebook.mjs"), "start", "--db", db, "--port", "0", "--meetings", "24"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    try {
      const url = await waitForUrl(child, log);
      const home = await (await fetch(`${url}/`)).text();
      const { meetings } = (await (await fetch(`${url}/api/meetings`)).json()) as {
        meetings: { total: number; items: { committee: { name: string } }[] };
      };
      return { log: log.join(""), home, meetings };
    } finally {
      child.kill("SIGTERM");
    }
  };
  const first = await run();
  assert.match(first.log, /generating the demo council/);
  assert.match(first.log, /Imported \d+ documents \(0 unchanged, 0 failed\)/);
  assert.ok(first.meetings.total >= 24, `expected the generated meetings, got ${first.meetings.total}`);
  const committee = first.meetings.items[0].committee.name;
  assert.ok(first.home.includes(committee), "the home page lists the generated meetings");

  const second = await run();
  assert.match(second.log, /serving it as it is/);
  assert.equal(second.meetings.total, first.meetings.total);
});
