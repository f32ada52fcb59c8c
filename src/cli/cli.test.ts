// The minutebook command as a user runs it: a real child process, exit codes and messages that name the file.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { validateParseResult } from "../model/parse-v1";
import { repoRoot, seedFiles } from "../testing/shared";

const minutebook = (...args: string[]) =>
  spawnSync(process.execPath, [join(repoRoot, "bin/minutebook.mjs"), ...args], { encoding: "utf8", timeout: 60_000 });

test("parse --json prints one schema-valid parse/v1 object", () => {
  const r = minutebook("parse", seedFiles()[0], "--json");
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(validateParseResult(out), []);
  assert.match(out.source.sha256, /^[0-9a-f]{64}$/);
});

test("a missing file exits non-zero with a message naming it", () => {
  const r = minutebook("parse", "/no/such/file.pdf");
  assert.equal(r.status, 1);
  assert.match(r.stderr, /\/no\/such\/file\.pdf/);
  assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/); // no stack trace
});

test("a file no reader accepts is a clear error, not a crash", () => {
  const dir = mkdtempSync(join(tmpdir(), "minutebook-cli-"));
  const junk = join(dir, "junk.bin");
  writeFileSync(junk, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256)));
  const r = minutebook("parse", junk, "--json");
  assert.equal(r.status, 1);
  assert.match(r.stderr, /junk\.bin/);
});

test("usage errors and unknown commands exit 2 or 1 with usage", () => {
  assert.equal(minutebook("frobnicate").status, 2);
  const r = minutebook("parse");
  assert.equal(r.status, 1);
  assert.match(r.stderr, /usage: minutebook parse/);
  assert.equal(minutebook("parse", "--bogus", "x").status, 1);
});

test("output larger than a pipe's buffer reaches a slow reader whole before the process exits", async () => {
  const child = spawn(
    process.execPath,
    [
      join(repoRoot, "bin/minutebook.mjs"),
      "topics",
      "--json",
      "--money",
      "--quality",
      "--people",
      "--from-files",
      ...seedFiles(),
    ],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  // Listen for the end first: with the output only a little over the pipe's buffer, the child can exit and its
  // pipe close during the wait below, and a listener added after that would wait for ever.
  const closed = new Promise<number | null>((r) => child.once("close", r));
  // The data listener goes on before the pause: when a child exits, Node resumes any stdio stream nobody listens
  // to and drops what it had queued, which is what a listener added after the wait used to lose (0 bytes in CI).
  const chunks: Buffer[] = [];
  child.stdout.on("data", (d: Buffer) => chunks.push(d));
  // Leave the pipe full for a while so the command finishes with its output still queued.
  child.stdout.pause();
  await new Promise((r) => setTimeout(r, 3000));
  child.stdout.resume();
  const code = await closed;
  const text = Buffer.concat(chunks).toString("utf8");
  assert.equal(code, 0);
  assert.ok(text.length > 65536, `expected a large output, got ${text.length} bytes`);
  assert.doesNotThrow(() => JSON.parse(text));
});
