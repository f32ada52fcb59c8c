// `npm start` as a newcomer runs it: an empty store gets the demo council, imported through the
// normal pipeline, and the portal's pages and search show the generated meetings.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { AuthStore } from "../auth/store";
import { openSqlite } from "../store/sqlite/index";
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

  // The councillor sits on the committee with the most confidential papers, as one of its members whose
  // register is theirs; the clerk is told where the draft minutes and the decision open to call-in are.
  const seat = /councillor@demo\.minutebook\.test\s+Demo Councillor: .*\((.+), as (.+)\)\n/.exec(first.log);
  assert.ok(seat, first.log);
  assert.match(first.log, /Minutes: \/office\/meetings\/\d+\/minutes .* \/decision-notices\/\d+/);
  const repo = await openSqlite({ file: db });
  try {
    const counts = await repo.sql.all<{ committee_id: number; n: number }>(
      "SELECT committee_id, COUNT(*) AS n FROM exempt_content GROUP BY committee_id ORDER BY n DESC, committee_id",
    );
    // A short demo may have none: then the first committee.
    const kept = (await repo.office.listCommittees()).filter((c) => c.kept);
    const committee = counts.length ? kept.find((c) => c.id === Number(counts[0].committee_id))! : kept[0];
    assert.equal(seat[1], committee.name);
    const auth = new AuthStore(repo.sql);
    const user = (await auth.localByEmail("councillor@demo.minutebook.test"))!;
    const grants = await auth.grantsOf(user.userId);
    assert.ok(grants.some((g) => g.role === "committee-member" && g.committeeId === committee.id));
    const person = (await repo.office.personOfUser(user.userId))!;
    assert.equal((await repo.office.getPerson(person))?.name, seat[2]);
  } finally {
    await repo.close();
  }

  const second = await run();
  assert.match(second.log, /serving it as it is/);
  assert.equal(second.meetings.total, first.meetings.total);
});
