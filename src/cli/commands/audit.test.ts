/**
 * `minutebook audit verify` on a real SQLite store: passes untouched, and fails naming the entry when
 * one byte of one entry is changed (the append-only trigger dropped first, as someone with the file would).
 * Deleting the newest entries leaves a valid chain, so it is caught only against a head kept elsewhere:
 * the line `minutebook audit head` printed, or the head file the store writes after every append.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { AuthStore } from "../../auth/store";
import { openSqlite } from "../../store/sqlite/index";
import { main } from "../main";

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const o = process.stdout.write.bind(process.stdout);
  const e = process.stderr.write.bind(process.stderr);
  // Only the command's text is captured: the test runner's own reports (buffers) still go out.
  process.stdout.write = ((s: string | Uint8Array, ...rest: never[]) => {
    if (typeof s !== "string") return o(s, ...rest);
    out += s;
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => {
    err += s;
    return true;
  }) as typeof process.stderr.write;
  try {
    return { code: await main(argv), out, err };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
}

test("audit verify passes on an untouched store and names the entry whose byte was changed", async () => {
  const dir = mkdtempSync(join(tmpdir(), "minutebook-audit-"));
  const file = join(dir, "store.db");
  try {
    const repo = await openSqlite({ file });
    const store = new AuthStore(repo.sql);
    for (let i = 1; i <= 5; i++)
      await store.audit(
        { actorId: i, action: "role.grant", object: `grant:${i}`, detail: { role: "chair" } },
        new Date(Date.UTC(2026, 11, 7, 10, i)),
      );
    await repo.close();

    const ok = await run(["audit", "verify", "--db", file]);
    assert.equal(ok.code, 0, ok.err);
    assert.match(ok.out, /audit trail intact \(5 entries\)/);

    const raw = await openSqlite({ file });
    raw.raw.exec("DROP TRIGGER audit_events_no_update");
    raw.raw.prepare("UPDATE audit_events SET detail = replace(detail, 'chair', 'chais') WHERE seq = 3").run();
    await raw.close();
    const bad = await run(["audit", "verify", "--db", file]);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /BROKEN at entry 3: its content does not match its hash/);

    const exported = await run(["audit", "export", "--db", file]);
    assert.equal(exported.code, 0);
    assert.equal(exported.out.trim().split("\r\n").length, 6);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("deleting the newest entries is caught against the printed head and the head file, not without them", async () => {
  const dir = mkdtempSync(join(tmpdir(), "minutebook-audit-head-"));
  const file = join(dir, "store.db");
  const headFile = join(dir, "audit-head");
  const old = process.env.MINUTEBOOK_AUDIT_HEAD_FILE;
  try {
    const repo = await openSqlite({ file });
    const store = new AuthStore(repo.sql, { auditHeadFile: headFile });
    for (let i = 1; i <= 6; i++)
      await store.audit(
        { actorId: 1, action: "exempt.view", object: `exempt-item:${i}` },
        new Date(Date.UTC(2026, 11, 7, 11, i)),
      );
    await repo.close();
    const printed = await run(["audit", "head", "--db", file]);
    assert.equal(printed.code, 0, printed.err);
    const line = printed.out.trim();
    assert.match(line, /^minutebook-audit-head 6 [0-9a-f]{64} 2026-12-07T11:06:00.000Z$/);
    assert.equal(readFileSync(headFile, "utf8").trim(), line, "the store kept the head file up to date");
    process.env.MINUTEBOOK_AUDIT_HEAD_FILE = headFile;
    assert.equal((await run(["audit", "verify", "--db", file, "--head", line])).code, 0);

    // Someone with the database removes the last two entries (the trigger dropped first).
    const raw = await openSqlite({ file });
    raw.raw.exec("DROP TRIGGER audit_events_no_delete");
    raw.raw.prepare("DELETE FROM audit_events WHERE seq >= 5").run();
    await raw.close();

    delete process.env.MINUTEBOOK_AUDIT_HEAD_FILE;
    const unanchored = await run(["audit", "verify", "--db", file]);
    assert.equal(unanchored.code, 0, "the chain alone cannot see it: what is left is a valid chain");
    const againstPrinted = await run(["audit", "verify", "--db", file, "--head", line]);
    assert.equal(againstPrinted.code, 1);
    assert.match(
      againstPrinted.err,
      /BROKEN at entry 6: is missing: .* trail ends at 4 \(its newest entries were deleted\)/,
    );
    process.env.MINUTEBOOK_AUDIT_HEAD_FILE = headFile;
    const againstFile = await run(["audit", "verify", "--db", file]);
    assert.equal(againstFile.code, 1);
    assert.match(againstFile.err, /BROKEN at entry 6: is missing/);

    // ...and writes new entries 5 and 6 in their place: a valid chain again, but not the recorded one.
    const repo2 = await openSqlite({ file });
    const forger = new AuthStore(repo2.sql, { auditHeadFile: null });
    for (let i = 5; i <= 6; i++)
      await forger.audit({ actorId: 2, action: "sign-in", object: "user:2" }, new Date(Date.UTC(2026, 11, 7, 12, i)));
    await repo2.close();
    const rewritten = await run(["audit", "verify", "--db", file]);
    assert.equal(rewritten.code, 1);
    assert.match(rewritten.err, /BROKEN at entry 6: is not the entry recorded in the audit head/);

    rmSync(headFile);
    const noFile = await run(["audit", "verify", "--db", file]);
    assert.equal(noFile.code, 1);
    assert.match(noFile.err, /the head file .* is missing/);
  } finally {
    if (old === undefined) delete process.env.MINUTEBOOK_AUDIT_HEAD_FILE;
    else process.env.MINUTEBOOK_AUDIT_HEAD_FILE = old;
    rmSync(dir, { recursive: true, force: true });
  }
});
