/**
 * One computation of matters, four ways of reading it: `minutebook topics --from-files` on the seeds,
 * `minutebook topics --db` on a store the seeds were imported into with `minutebook import`, the
 * portal's /api/topics and its /topics page over that same store. All four give the same matters:
 * the same labels, years and items (meeting date, committee, item reference).
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import type { Thread } from "../../link/index";
import { normBody } from "../../link/referrals/bodies";
import { createApp } from "../../serve/app";
import type { TopicData, TopicsData } from "../../serve/follow/records";
import { openRepository } from "../../store/open";
import { repoRoot, seedFiles } from "../../testing/shared";

const minutebook = (...args: string[]) =>
  spawnSync(process.execPath, [join(repoRoot, "bin/minutebook.mjs"), ...args], { encoding: "utf8", timeout: 300_000 });

const dir = mkdtempSync(join(tmpdir(), "minutebook-topics-agree-"));
after(() => rmSync(dir, { recursive: true, force: true }));

type Shape = { label: string; years: string[]; items: string[] };
const shape = (label: string, years: string[], items: string[]): Shape => ({
  label,
  years: [...years].sort(),
  items: [...new Set(items)].sort(),
});
const item = (date: string | null, committee: string, ref: string) =>
  `${date ?? "undated"}|${normBody(committee)}|${ref}`;
const byLabel = (xs: Shape[]) =>
  [...xs].sort((a, b) => a.label.localeCompare(b.label) || a.items[0].localeCompare(b.items[0]));

function fromCli(stdout: string): Shape[] {
  const out = JSON.parse(stdout) as { topics: Thread[] };
  return out.topics.map((t) =>
    shape(
      t.label,
      t.years,
      t.members.map((m) => item(m.date, m.body, m.ref)),
    ),
  );
}

describe("topics agree across --from-files, --db, /api/topics and /topics", () => {
  test("the seeds' matters are the same four ways", async () => {
    const files = minutebook("topics", "--json", "--from-files", ...seedFiles());
    assert.equal(files.status, 0, files.stderr);
    const db = join(dir, "minutebook.db");
    const imported = minutebook("import", "--db", db, ...seedFiles());
    assert.equal(imported.status, 0, imported.stderr);
    const stored = minutebook("topics", "--json", "--db", db);
    assert.equal(stored.status, 0, stored.stderr);

    const a = byLabel(fromCli(files.stdout));
    const b = byLabel(fromCli(stored.stdout));
    assert.ok(a.length >= 5, `${a.length} matters`);
    assert.deepEqual(b, a, "--db gives the matters --from-files gives");

    const repo = await openRepository({ kind: "sqlite", file: db });
    try {
      const app = createApp(repo, { onError: () => {}, checkEveryMs: 0 });
      const get = async (path: string) => {
        const r = await app.request(path);
        return { status: r.status, body: await r.text() };
      };
      const list = JSON.parse((await get("/api/topics")).body) as TopicsData;
      assert.equal(list.total, a.length);
      const api: Shape[] = [];
      for (const t of list.topics) {
        const d = JSON.parse((await get(`/api/topics/${t.id}`)).body) as TopicData;
        api.push(
          shape(
            t.label,
            t.years,
            d.entries.map((e) => item(e.place.date, e.place.committee, e.place.ref)),
          ),
        );
      }
      assert.deepEqual(byLabel(api), a, "/api/topics gives the same matters");

      const page = await get("/topics");
      assert.equal(page.status, 200);
      for (const t of list.topics) {
        const esc = t.label.replace(/&/g, "&amp;").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        assert.match(page.body, new RegExp(`href="/topics/${t.id}">${esc}</a>`), t.label);
      }
      const shown = page.body.match(/href="\/topics\/[^"?#]+">/g) ?? [];
      assert.equal(new Set(shown).size, a.length, "/topics lists each matter once and nothing else");
    } finally {
      await repo.close();
    }
  });
});
