/**
 * `minutebook import PATH... [--db FILE] [--json]`: files or folders into the store, one transaction per
 * document. Progress on stderr only when it is a terminal; a summary (or JSON) on stdout; exit 1 if
 * any file failed.
 */
import cliProgress from "cli-progress";
import { formatSummary, importPaths } from "../../import/import-paths";
import { describeLocation, openRepository } from "../../store/open";
import { storeLocation } from "../../store/repository";
import { parseOptions, UsageError } from "../args";
import type { Command } from "../main";

const usage = "minutebook import PATH... [--db FILE] [--json]   (DATABASE_URL=postgres://… selects PostgreSQL)";

export const command: Command = {
  summary:
    "Parse files or folders (recursively) into the store; a file already stored with the same content is skipped.",
  usage,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, { db: { type: "string" }, json: { type: "boolean" } }, usage);
    if (!positionals.length) throw new UsageError(`expected at least one PATH\nusage: ${usage}`);
    const loc = storeLocation(values.db);
    const repo = await openRepository(loc);
    const bar =
      process.stderr.isTTY && !values.json
        ? new cliProgress.SingleBar(
            { stream: process.stderr, format: "importing [{bar}] {value}/{total} {file}", hideCursor: true },
            cliProgress.Presets.shades_classic,
          )
        : null;
    let started = false;
    try {
      const summary = await importPaths(repo, positionals, (p) => {
        if (!bar) return;
        const file = p.file.split("/").pop() ?? "";
        if (!started) {
          bar.start(p.total, 0, { file });
          started = true;
        }
        bar.update(p.done, { file });
      });
      bar?.stop();
      if (values.json)
        process.stdout.write(`${JSON.stringify({ store: describeLocation(loc), ...summary }, null, 1)}\n`);
      else process.stdout.write(`${describeLocation(loc)}\n${formatSummary(summary)}\n`);
      return summary.documents.failed ? 1 : 0;
    } finally {
      bar?.stop();
      await repo.close();
    }
  },
};
