/**
 * Fault injection for imports: a tree holding symlink loops, a dangling link, a named pipe, an
 * unreadable folder and an unreadable file, beside good papers. Each asserts "kept working" (the
 * import finishes, every readable paper stored) and "nothing lost" (each failure named with its reason,
 * the store's counts those of the good papers alone). Unreadability is made for real: as root, which
 * ignores file modes, the import runs as the unprivileged `nobody` user instead.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { promisify } from "node:util";
import { generateCouncil } from "../demo/generate";
import { collectFiles, importPaths } from "../import/import-paths";
import { renderMinutesText } from "../render/pack";
import { openSqlite } from "../store/sqlite/index";
import { repoRoot } from "../testing/shared";

const run = promisify(execFile);
const minutebook = join(repoRoot, "bin/minutebook.mjs");
const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

const dir = mkdtempSync(join(tmpdir(), "minutebook-faults-"));
after(() => {
  for (const p of ["tree/locked", "tree/good/locked.txt"]) chmodSync(join(dir, p), 0o755);
  rmSync(dir, { recursive: true, force: true });
});

/** Good papers, plus every fault the walk must survive. */
function buildTree(): { root: string; good: string[] } {
  const root = join(dir, "tree");
  const council = generateCouncil({ meetings: 4, seed: "faults" });
  mkdirSync(join(root, "good", "deeper"), { recursive: true });
  const good = council.meetings.map((m, i) => {
    const file = join(root, "good", i % 2 ? "deeper" : "", `${m.id}-minutes.txt`);
    writeFileSync(file, renderMinutesText(m.doc));
    return file;
  });
  // Three links back to the folders above: a walk that follows them never ends.
  symlinkSync("..", join(root, "good", "deeper", "up"));
  symlinkSync("../..", join(root, "good", "deeper", "top"));
  symlinkSync(root, join(root, "good", "root-again"));
  symlinkSync(join(root, "nowhere.txt"), join(root, "dangling.txt"));
  symlinkSync("self-loop", join(root, "self-loop"));
  return { root, good };
}

function addUnreadable(root: string): void {
  mkdirSync(join(root, "locked"));
  writeFileSync(join(root, "locked", "hidden-minutes.txt"), "Minutes of nothing\n");
  chmodSync(join(root, "locked"), 0o000);
  writeFileSync(join(root, "good", "locked.txt"), "Minutes\n");
  chmodSync(join(root, "good", "locked.txt"), 0o000);
}

const { root, good } = buildTree();
// A named pipe: reading it would block for ever.
await run("mkfifo", [join(root, "pipe.txt")]);
addUnreadable(root);
chmodSync(dir, 0o777);

test("the walk lists each readable file once and names every loop, link, pipe and unreadable part", async () => {
  const { files, failures } = await collectFiles([root]);
  const byFile = new Map(failures.map((f) => [f.file.slice(root.length + 1), f.reason]));
  assert.match(byFile.get("good/deeper/up") ?? "", /^symlink loop: leads back to .*good/);
  assert.match(byFile.get("good/deeper/top") ?? "", /^symlink loop/);
  assert.match(byFile.get("good/root-again") ?? "", /^symlink loop/);
  assert.match(byFile.get("dangling.txt") ?? "", /^dangling symbolic link/);
  assert.match(byFile.get("self-loop") ?? "", /symlink loop/);
  assert.match(byFile.get("pipe.txt") ?? "", /named pipe/);
  // Root reads everything; the folder and file modes are exercised by the CLI run below.
  const expected = [...good, join(root, "good", "locked.txt")];
  if (asRoot) expected.push(join(root, "locked", "hidden-minutes.txt"));
  assert.deepEqual([...files].sort(), expected.sort());
});

test("import of the tree (as an unprivileged user): readable papers stored, each failure named, exit 1", async () => {
  const db = join(dir, "faults.db");
  const { stdout, code } = await run(process.execPath, [minutebook, "import", root, "--db", db, "--json"], {
    cwd: repoRoot,
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    env: { ...process.env, HOME: dir },
    timeout: 120_000,
  }).then(
    (r) => ({ stdout: r.stdout, code: 0 }),
    (e: { stdout: string; code: number; stderr: string }) => {
      assert.ok(e.stdout, `no summary: ${e.stderr}`);
      return { stdout: e.stdout, code: e.code };
    },
  );
  assert.equal(code, 1, "a run with failures exits 1, not 70");
  const summary = JSON.parse(stdout);
  assert.equal(summary.documents.new, good.length, "every readable paper imported");
  const reasons = new Map<string, string>(
    summary.failures.map((f: { file: string; reason: string }) => [f.file.replace(`${root}/`, ""), f.reason]),
  );
  assert.match(reasons.get("locked") ?? "", /^cannot read folder: permission denied \(EACCES\)/);
  assert.match(reasons.get(join(root, "good", "locked.txt").replace(`${root}/`, "")) ?? "", /permission denied/);
  assert.match(reasons.get("good/deeper/up") ?? "", /symlink loop/);
  assert.match(reasons.get("pipe.txt") ?? "", /named pipe/);
  assert.match(reasons.get("dangling.txt") ?? "", /dangling/);
  // Nothing lost: the store holds exactly what the good papers give, counted as `db stats` counts.
  const repo = await openSqlite({ file: db });
  const stats = await repo.stats();
  assert.equal(stats.documents, good.length);
  assert.equal(summary.meetings, stats.meetings, "the summary's meetings are the store's meetings");
  await repo.close();
});

test("importing again adds nothing and reports the same meetings", async () => {
  const db = join(dir, "again.db");
  const repo = await openSqlite({ file: db });
  const first = await importPaths(repo, good);
  const second = await importPaths(repo, [...good].reverse());
  assert.equal(second.documents.new, 0);
  assert.equal(second.meetings, first.meetings);
  assert.equal(first.meetings, (await repo.stats()).meetings);
  await repo.close();
});

test("parse of an unreadable file: one line naming the file and the cause, no stack trace", async () => {
  const file = join(root, "good", "locked.txt");
  const r = await run(process.execPath, [minutebook, "parse", file], {
    cwd: repoRoot,
    ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    env: { ...process.env, HOME: dir },
  }).then(
    () => assert.fail("parse of an unreadable file succeeded"),
    (e: { code: number; stderr: string }) => e,
  );
  assert.equal(r.code, 1);
  assert.equal(r.stderr.trim().split("\n").length, 1, r.stderr);
  assert.match(r.stderr, /^minutebook parse: .*locked\.txt: cannot read: permission denied \(EACCES\)$/m);
  const pipe = await run(process.execPath, [minutebook, "parse", join(root, "pipe.txt")], { cwd: repoRoot }).then(
    () => assert.fail("parse of a pipe succeeded"),
    (e: { code: number; stderr: string }) => e,
  );
  assert.match(pipe.stderr, /pipe\.txt: not a regular file/);
});
