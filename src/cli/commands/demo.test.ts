// `minutebook demo`: writes one pack per meeting, the last minutes of each committee and truth.json
// whose records match the files; refuses bad options with a usage error.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { command } from "./demo";

const dir = mkdtempSync(join(tmpdir(), "minutebook-demo-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("writes packs, standalone minutes and a truth file that describes them", async () => {
  const out = join(dir, "text");
  const log = console.log;
  console.log = () => {};
  try {
    assert.equal(await command.run(["--meetings", "25", "--out", out, "--seed", "t"]), 0);
  } finally {
    console.log = log;
  }
  const files = readdirSync(out).sort();
  const truth = JSON.parse(readFileSync(join(out, "truth.json"), "utf8"));
  assert.equal(truth.schema, "minutebook-demo-truth/v1");
  assert.equal(truth.meetings.length, 25);
  assert.equal(files.filter((f) => f.endsWith("-agenda-pack.txt")).length, 25);
  const committees = new Set(truth.meetings.map((m: { id: string }) => m.id.replace(/-\d{4}-\d{2}-\d{2}$/, "")));
  assert.equal(files.filter((f) => f.endsWith("-minutes.txt")).length, committees.size);
  for (const f of truth.files) {
    assert.ok(files.includes(f.file), f.file);
    const text = readFileSync(join(out, f.file), "utf8");
    for (const m of f.meetings) assert.ok(text.includes(m.body), `${f.file} names ${m.body}`);
  }
});

test("--pdf writes PDFs", async () => {
  const out = join(dir, "pdf");
  const log = console.log;
  console.log = () => {};
  try {
    assert.equal(await command.run(["--meetings", "3", "--out", out, "--pdf"]), 0);
  } finally {
    console.log = log;
  }
  const pdfs = readdirSync(out).filter((f) => f.endsWith(".pdf"));
  assert.equal(pdfs.length, 6); // three first meetings of three committees, and their minutes
  for (const f of pdfs) assert.equal(readFileSync(join(out, f)).subarray(0, 5).toString("latin1"), "%PDF-");
});

test("bad options are usage errors", async () => {
  await assert.rejects(command.run(["--out", dir]), { name: "UsageError", message: /--meetings/ });
  await assert.rejects(command.run(["--meetings", "0", "--out", dir]), { name: "UsageError" });
  await assert.rejects(command.run(["--meetings", "5"]), { name: "UsageError", message: /--out/ });
  await assert.rejects(command.run(["--meetings", "5", "--out", dir, "extra"]), { name: "UsageError" });
});

test("--out into a folder that already holds files asks for --force", async () => {
  const out = join(dir, "busy");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "council-notes.txt"), "someone's own file\n");
  await assert.rejects(command.run(["--meetings", "2", "--out", out]), {
    name: "UsageError",
    message: /not empty.*--force/,
  });
  assert.deepEqual(readdirSync(out), ["council-notes.txt"], "nothing written without --force");
  const log = console.log;
  console.log = () => {};
  try {
    assert.equal(await command.run(["--meetings", "2", "--out", out, "--force"]), 0);
  } finally {
    console.log = log;
  }
  assert.ok(readdirSync(out).includes("truth.json"));
  assert.equal(readFileSync(join(out, "council-notes.txt"), "utf8"), "someone's own file\n");
});
