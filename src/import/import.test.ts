/**
 * Import acceptance on the real seeds (read from ../shared, copied only into temp dirs): a second
 * import changes nothing, an import killed part-way finishes on re-run with the same rows and search
 * results, and the search expectations on the seeds hold through the CLI.
 */
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { promisify } from "node:util";
import type { SearchResult } from "../store/repository";
import { openSqlite } from "../store/sqlite/index";
import { repoRoot, seedFiles } from "../testing/shared";
import { importPaths } from "./import-paths";

const run = promisify(execFile);
const minutebook = join(repoRoot, "bin/minutebook.mjs");

async function cli(args: string[]): Promise<{ stdout: string; code: number }> {
  try {
    const { stdout } = await run(process.execPath, [minutebook, ...args], { cwd: repoRoot, maxBuffer: 64 << 20 });
    return { stdout, code: 0 };
  } catch (e) {
    const err = e as { stdout: string; code: number };
    return { stdout: err.stdout, code: err.code };
  }
}

async function searchJson(db: string, query: string, extra: string[] = []): Promise<SearchResult> {
  const { stdout, code } = await cli(["search", query, "--db", db, "--json", "--limit", "50", ...extra]);
  assert.equal(code, 0);
  return JSON.parse(stdout) as SearchResult;
}

describe("import of the seeds", () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "minutebook-import-"));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("importing the seeds twice: the second run reports every document unchanged, row counts identical", async () => {
    const db = join(dir, "twice.db");
    const seeds = join(repoRoot, "../shared/seeds");
    const first = await cli(["import", seeds, "--db", db, "--json"]);
    assert.equal(first.code, 0, first.stdout);
    const s1 = JSON.parse(first.stdout);
    assert.equal(s1.documents.new, seedFiles().length);
    const repo = await openSqlite({ file: db });
    const counts = await repo.tableCounts();
    await repo.close();
    const second = await cli(["import", seeds, "--db", db, "--json"]);
    const s2 = JSON.parse(second.stdout);
    assert.deepEqual(s2.documents, { new: 0, unchanged: seedFiles().length, replaced: 0, failed: 0 });
    assert.equal(s2.meetings, s1.meetings);
    assert.equal(s2.items, s1.items);
    const again = await openSqlite({ file: db });
    assert.deepEqual(await again.tableCounts(), counts);
    await again.close();
  });

  test("Lightbulb finds the November 2016 and November 2023 minute items", async () => {
    const db = join(dir, "twice.db");
    const r = await searchJson(db, "Lightbulb");
    const minuteDates = new Set(r.hits.filter((h) => h.type === "minute").map((h) => h.meeting.date?.slice(0, 7)));
    assert.ok(minuteDates.has("2016-11"), `2016-11 minute among ${[...minuteDates]}`);
    assert.ok(minuteDates.has("2023-11"), `2023-11 minute among ${[...minuteDates]}`);
    for (const h of r.hits) assert.match(h.snippetHtml, /<mark>Lightbulb<\/mark>/i);
  });

  test('"Help to Live at Home" finds the 2015 review report and the 2016 minutes', async () => {
    const db = join(dir, "twice.db");
    const r = await searchJson(db, '"Help to Live at Home"');
    assert.ok(
      r.hits.some((h) => h.type === "report" && h.meeting.date?.startsWith("2015") && /review/i.test(h.title)),
      "the 2015 scrutiny review report",
    );
    assert.ok(
      r.hits.some((h) => h.type === "minute" && h.meeting.date?.startsWith("2016")),
      "the 2016 minutes",
    );
    const reports = await searchJson(db, '"Help to Live at Home"', ["--type", "report", "--to", "2015-12-31"]);
    assert.ok(
      reports.hits.length > 0 && reports.hits.every((h) => h.type === "report" && h.meeting.date! <= "2015-12-31"),
    );
  });

  test("a file that fails is reported by name, the rest are stored, and the exit code is non-zero", async () => {
    const db = join(dir, "fail.db");
    const input = join(dir, "mixed");
    mkdirSync(input);
    copyFileSync(seedFiles()[3], join(input, basename(seedFiles()[3])));
    // Binary bytes (NULs throughout) that no reader accepts.
    writeFileSync(
      join(input, "not-a-document.bin"),
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i % 3 ? 0 : 0xff))),
    );
    const r = await cli(["import", input, "--db", db, "--json"]);
    assert.equal(r.code, 1);
    const s = JSON.parse(r.stdout);
    assert.equal(s.documents.new, 1);
    assert.equal(s.documents.failed, 1);
    assert.match(s.failures[0].file, /not-a-document\.bin$/);
    assert.ok(s.failures[0].reason.length > 0);
  });

  test("an import killed part-way finishes on re-run with the same rows and search results", async () => {
    // Enough input that the kill lands mid-run: the seeds copied several times, a byte appended so
    // each copy has its own hash.
    const input = join(dir, "many");
    mkdirSync(input);
    const copies = 10;
    for (let c = 0; c < copies; c++)
      for (const f of seedFiles()) {
        const to = join(input, `copy${c}-${basename(f)}`);
        copyFileSync(f, to);
        appendFileSync(to, "\n".repeat(c + 1));
      }
    const total = copies * seedFiles().length;

    const reference = join(dir, "reference.db");
    const refRepo = await openSqlite({ file: reference });
    const ref = await importPaths(refRepo, [input]);
    await refRepo.close();
    assert.equal(ref.documents.new, total);

    const killed = join(dir, "killed.db");
    // The child imports; we watch the store and SIGKILL once at least one document is committed.
    const child = spawn(process.execPath, [minutebook, "import", input, "--db", killed], {
      cwd: repoRoot,
      stdio: "ignore",
    });
    const exited = new Promise<NodeJS.Signals | number | null>((res) =>
      child.on("exit", (code, sig) => res(sig ?? code)),
    );
    let committed = 0;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
      if (!existsSync(killed)) continue;
      try {
        const probe = await openSqlite({ file: killed, migrate: false });
        committed = Number((probe.raw.prepare("SELECT count(*) AS n FROM documents").get() as { n: number }).n);
        await probe.close();
      } catch {
        continue; // schema not there yet
      }
      if (committed >= 1) break;
    }
    child.kill("SIGKILL");
    const how = await exited;
    assert.ok(committed >= 1 && committed < total, `killed after ${committed} of ${total} documents`);
    assert.equal(how, "SIGKILL", "the import was still running when killed");

    const rerun = await cli(["import", input, "--db", killed, "--json"]);
    assert.equal(rerun.code, 0);
    const s = JSON.parse(rerun.stdout);
    assert.ok(s.documents.unchanged >= committed, "everything committed before the kill is kept");
    assert.equal(s.documents.new + s.documents.unchanged, total);

    const a = await openSqlite({ file: reference });
    const b = await openSqlite({ file: killed });
    assert.deepEqual(await b.tableCounts(), await a.tableCounts());
    for (const q of ["Lightbulb", '"Help to Live at Home"', "budget -carers", "housing OR transport"]) {
      const ra = await a.search(q, {}, { limit: 50, offset: 0 });
      const rb = await b.search(q, {}, { limit: 50, offset: 0 });
      assert.equal(rb.total, ra.total, q);
      assert.deepEqual(
        rb.hits.map((h) => [h.provenance.documentName, h.type, h.title, h.provenance.span.startLine]),
        ra.hits.map((h) => [h.provenance.documentName, h.type, h.title, h.provenance.span.startLine]),
        q,
      );
    }
    await a.close();
    await b.close();
  });
});
