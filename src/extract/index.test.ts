// Every built-in reader is registered before any read, however many reads start at once.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { parseBytes } from "../pipeline/parse-file";
import { sharedPath } from "../testing/shared";
import { BUILTIN_READERS } from "./index";
import { listReaders } from "./registry";

test("concurrent first reads all find their reader", async () => {
  const pdf = readFileSync(sharedPath("corpus/merton/merton_audit_committee_2009-10-22_agenda_pack.pdf"));
  const txt = readFileSync(sharedPath("seeds/003_a56ed9aebfe0f016.txt"));
  const results = await Promise.all([parseBytes("a.txt", txt), parseBytes("b.pdf", pdf), parseBytes("c.pdf", pdf)]);
  assert.deepEqual(
    results.map((r) => r.source.format),
    ["text", "pdf", "pdf"],
  );
  for (const r of BUILTIN_READERS) assert.ok(listReaders().includes(r), `${r.id} is registered`);
});
