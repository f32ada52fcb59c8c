/**
 * The seeds through the CLI into PostgreSQL (DATABASE_URL pointing at a fresh schema via
 * search_path): second run unchanged, the seed searches, and backup without pg_dump failing clearly.
 * Skipped with a visible reason when MINUTEBOOK_TEST_PG_URL is unset locally; required under CI.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { promisify } from "node:util";
import pg from "pg";
import type { SearchResult } from "../store/repository";
import { repoRoot, seedFiles, sharedPath, testPostgresUrl } from "../testing/shared";

const run = promisify(execFile);
const base = testPostgresUrl();

if (!base) {
  test("seeds into PostgreSQL", {
    skip: "MINUTEBOOK_TEST_PG_URL is not set (bash scripts/pg-start.sh prints it)",
  }, () => {});
} else {
  describe("seeds into PostgreSQL through the CLI", () => {
    const schema = `minutebook_test_${randomBytes(6).toString("hex")}`;
    const u = new URL(base);
    u.searchParams.set("options", `-c search_path=${schema}`);
    const url = u.toString();
    const admin = new pg.Client({ connectionString: base });

    const minutebook = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
      try {
        const r = await run(process.execPath, [join(repoRoot, "bin/minutebook.mjs"), ...args], {
          cwd: repoRoot,
          env: { ...process.env, DATABASE_URL: url, ...env },
          maxBuffer: 64 << 20,
        });
        return { ...r, code: 0 };
      } catch (e) {
        const err = e as { stdout: string; stderr: string; code: number };
        return { stdout: err.stdout, stderr: err.stderr, code: err.code };
      }
    };

    before(async () => {
      await admin.connect();
      await admin.query(`CREATE SCHEMA "${schema}"`);
    });
    after(async () => {
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end();
    });

    test("importing twice: every document unchanged the second time, row counts identical", async () => {
      const seeds = sharedPath("seeds");
      const first = await minutebook(["import", seeds, "--json"]);
      assert.equal(first.code, 0, first.stderr);
      assert.match(JSON.parse(first.stdout).store, /^PostgreSQL/);
      assert.equal(JSON.parse(first.stdout).documents.new, seedFiles().length);
      const s1 = JSON.parse((await minutebook(["db", "stats", "--json"])).stdout);
      const second = JSON.parse((await minutebook(["import", seeds, "--json"])).stdout);
      assert.deepEqual(second.documents, { new: 0, unchanged: seedFiles().length, replaced: 0, failed: 0 });
      assert.deepEqual(JSON.parse((await minutebook(["db", "stats", "--json"])).stdout), s1);
      assert.equal(s1.engine, "postgres");
    });

    test("the seed searches hold on PostgreSQL", async () => {
      const search = async (q: string): Promise<SearchResult> => {
        const r = await minutebook(["search", q, "--json", "--limit", "50"]);
        assert.equal(r.code, 0, r.stderr);
        return JSON.parse(r.stdout);
      };
      const light = await search("Lightbulb");
      const months = new Set(light.hits.filter((h) => h.type === "minute").map((h) => h.meeting.date?.slice(0, 7)));
      assert.ok(months.has("2016-11") && months.has("2023-11"), [...months].join(", "));
      const htlah = await search('"Help to Live at Home"');
      assert.ok(htlah.hits.some((h) => h.type === "report" && h.meeting.date?.startsWith("2015")));
      assert.ok(htlah.hits.some((h) => h.type === "minute" && h.meeting.date?.startsWith("2016")));
    });

    test("backup without pg_dump on PATH fails with a clear message", async () => {
      const r = await minutebook(["db", "backup", "/tmp/never-written.dump"], { PATH: "/nonexistent" });
      assert.equal(r.code, 1);
      assert.match(r.stderr, /pg_dump is not installed/);
    });
  });
}
