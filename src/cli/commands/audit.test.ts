/**
 * `minutebook audit verify` on a real SQLite store: passes untouched, and fails naming the entry when
 * one byte of one entry is changed (the append-only trigger dropped first, as someone with the file would).
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
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
  process.stdout.write = ((s: string) => {
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
