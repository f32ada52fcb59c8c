/**
 * `minutebook audit verify | export [--out FILE]`: checks the audit trail's hash chain (exit 1 naming
 * the first entry that was edited, inserted or removed) and writes it out as CSV. Both engines.
 */
import { writeFileSync } from "node:fs";
import { AuthStore } from "../../auth/store";
import { toCsv } from "../../serve/csv";
import { describeLocation, openRepository } from "../../store/open";
import { storeLocation } from "../../store/repository";
import { parseOptions, UsageError } from "../args";
import type { Command } from "../main";

const usage =
  "minutebook audit verify | export [--out FILE]  [--db FILE]   (DATABASE_URL=postgres://… selects PostgreSQL)";

export const command: Command = {
  summary: "The audit trail: verify its hash chain, or export it as CSV.",
  usage,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, { db: { type: "string" }, out: { type: "string" } }, usage);
    const [action, ...rest] = positionals;
    if (rest.length) throw new UsageError(`unexpected argument ${rest[0]}\nusage: ${usage}`);
    const loc = storeLocation(values.db);
    const repo = await openRepository(loc);
    try {
      const store = new AuthStore(repo.sql);
      if (action === "verify") {
        const r = await store.verifyAudit();
        if (r.ok) {
          process.stdout.write(`${describeLocation(loc)}: audit trail intact (${r.entries} entries)\n`);
          return 0;
        }
        process.stderr.write(`${describeLocation(loc)}: audit trail BROKEN at entry ${r.seq}: ${r.problem}\n`);
        return 1;
      }
      if (action === "export") {
        const rows: (string | number | null)[][] = [];
        for await (const e of store.allAuditEntries())
          rows.push([e.seq, e.at, e.actorId, e.action, e.object, e.detail, e.prevSha256, e.sha256]);
        const csv = toCsv(["seq", "at", "actor_id", "action", "object", "detail", "prev_sha256", "sha256"], rows);
        if (values.out) writeFileSync(values.out, csv);
        else process.stdout.write(csv);
        return 0;
      }
      throw new UsageError(`expected verify or export\nusage: ${usage}`);
    } finally {
      await repo.close();
    }
  },
};
