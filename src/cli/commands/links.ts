/**
 * `minutebook links rebuild [--force] [--db FILE] [--json]`: computes and stores the cross-meeting links
 * (topics, follow-ups, referrals, money, quality flags) of every council whose input changed since they
 * were stored, or of every council with --force (after an upgrade of the linkers, or for a store
 * imported before links were stored). `import` does the same for the councils it touched.
 */
import { updateLinks } from "../../import/links";
import { describeLocation, openRepository } from "../../store/open";
import { storeLocation } from "../../store/repository";
import { parseOptions, UsageError } from "../args";
import type { Command } from "../main";

const usage =
  "minutebook links rebuild [--force] [--db FILE] [--json]   (DATABASE_URL=postgres://… selects PostgreSQL)";

export const command: Command = {
  summary: "Compute and store the cross-meeting links of every council whose papers changed (all with --force).",
  usage,
  async run(argv) {
    const { values, positionals } = parseOptions(
      argv,
      { db: { type: "string" }, force: { type: "boolean" }, json: { type: "boolean" } },
      usage,
    );
    const [action, ...rest] = positionals;
    if (action !== "rebuild" || rest.length) throw new UsageError(`usage: ${usage}`);
    const loc = storeLocation(values.db);
    const repo = await openRepository(loc, { mustExist: true });
    try {
      const now = new Date();
      const s = await updateLinks(repo, {
        today: now.toISOString().slice(0, 10),
        now: now.toISOString(),
        force: Boolean(values.force),
        progress: (council, done, total) => {
          if (process.stderr.isTTY && !values.json)
            process.stderr.write(`linked ${done}/${total}: ${council || "(no council)"}\n`);
        },
      });
      if (values.json) process.stdout.write(`${JSON.stringify({ store: describeLocation(loc), ...s }, null, 1)}\n`);
      else process.stdout.write(`${describeLocation(loc)}\n${formatLinkSummary(s)}\n`);
      return 0;
    } finally {
      await repo.close();
    }
  },
};

/** One line: what was recomputed, what was unchanged, how long it took. */
export function formatLinkSummary(s: Awaited<ReturnType<typeof updateLinks>>): string {
  return `links: ${s.computed.length} of ${s.councils} council${s.councils === 1 ? "" : "s"} recomputed (${s.unchanged} unchanged${s.removed.length ? `, ${s.removed.length} removed` : ""}), ${s.topics} topics, in ${s.seconds.toFixed(1)} s`;
}
