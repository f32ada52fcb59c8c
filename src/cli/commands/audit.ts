/**
 * `minutebook audit verify [--head LINE] | head [--out FILE] | export [--out FILE]`: checks the audit
 * trail's hash chain (exit 1 naming the first entry that was edited, inserted or removed), prints its
 * head (the newest entry's number and hash, to keep somewhere the database's users cannot reach), and
 * writes it out as CSV. `verify` checks against every head given with --head and the head file
 * (MINUTEBOOK_AUDIT_HEAD_FILE), so deleting the newest entries is caught too. Both engines.
 */
import { writeFileSync } from "node:fs";
import { formatHead, parseHead } from "../../auth/audit";
import { AuthStore } from "../../auth/store";
import { toCsv } from "../../serve/csv";
import { describeLocation, openRepository } from "../../store/open";
import { storeLocation } from "../../store/repository";
import { parseOptions, UsageError } from "../args";
import type { Command } from "../main";

const usage =
  "minutebook audit verify [--head LINE]… | head [--out FILE] | export [--out FILE]  [--db FILE]   (DATABASE_URL=postgres://… selects PostgreSQL; MINUTEBOOK_AUDIT_HEAD_FILE names the head file)";

export const command: Command = {
  summary: "The audit trail: verify its hash chain (and recorded heads), print its head, or export it as CSV.",
  usage,
  async run(argv) {
    const { values, positionals } = parseOptions(
      argv,
      { db: { type: "string" }, out: { type: "string" }, head: { type: "string", multiple: true } },
      usage,
    );
    const [action, ...rest] = positionals;
    if (rest.length) throw new UsageError(`unexpected argument ${rest[0]}\nusage: ${usage}`);
    const loc = storeLocation(values.db);
    const repo = await openRepository(loc);
    try {
      const store = new AuthStore(repo.sql);
      if (action === "verify") {
        const anchors = (values.head ?? []).map((line) => {
          const h = parseHead(line);
          if (!h) throw new UsageError(`--head ${line}: expected the line "minutebook audit head" printed`);
          return h;
        });
        const r = await store.verifyAudit(anchors);
        if (r.ok) {
          process.stdout.write(`${describeLocation(loc)}: audit trail intact (${r.entries} entries)\n`);
          return 0;
        }
        process.stderr.write(`${describeLocation(loc)}: audit trail BROKEN at entry ${r.seq}: ${r.problem}\n`);
        return 1;
      }
      if (action === "head") {
        const h = await store.auditHead();
        if (!h) {
          process.stderr.write(`${describeLocation(loc)}: the audit trail is empty\n`);
          return 1;
        }
        if (values.out) writeFileSync(values.out, `${formatHead(h)}\n`);
        else process.stdout.write(`${formatHead(h)}\n`);
        return 0;
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
      throw new UsageError(`expected verify, head or export\nusage: ${usage}`);
    } finally {
      await repo.close();
    }
  },
};
