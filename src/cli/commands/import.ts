/**
 * `minutebook import PATH... [--db FILE] [--jobs N] [--council NAME] [--json]`: files or folders into the store, one
 * transaction per document, parsed by N workers (one per core by default). Progress (documents/s and
 * the time left) on stderr only when it is a terminal; a summary (or JSON) on stdout; exit 1 if any
 * file failed. Run again after an interruption, it skips what was stored without reading it. `--council`
 * names the council of papers that print none (a folder's minutebook.json, `{"council": "…"}`, does the
 * same for the papers under it).
 */
import cliProgress from "cli-progress";
import { formatSummary, importPaths, originsUnder } from "../../import/import-paths";
import { updateLinks } from "../../import/links";
import { DEFAULT_JOBS } from "../../import/parse-pool";
import { describeLocation, openRepository } from "../../store/open";
import { storeLocation } from "../../store/repository";
import { parseOptions, UsageError } from "../args";
import type { Command } from "../main";
import { formatLinkSummary } from "./links";

const usage =
  "minutebook import PATH... [--db FILE] [--jobs N] [--council NAME] [--source-url URL] [--no-links] [--json]   (DATABASE_URL=postgres://… selects PostgreSQL; --jobs: parse workers, one per core by default; --council: the council of papers that print none; --source-url: where the files were published, a file's URL or a folder's; --no-links: leave the cross-meeting links for `links rebuild`)";

/** "1h 02m", "3m 05s", "42s": the time left, as a progress line says it. */
export function formatEta(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "…";
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, "0");
  return h ? `${h}h ${pad(m)}m` : m ? `${m}m ${pad(s % 60)}s` : `${s}s`;
}

export const command: Command = {
  summary:
    "Parse files or folders (recursively) into the store; a file already stored with the same content is skipped.",
  usage,
  async run(argv) {
    const { values, positionals } = parseOptions(
      argv,
      {
        db: { type: "string" },
        jobs: { type: "string" },
        council: { type: "string" },
        json: { type: "boolean" },
        "source-url": { type: "string" },
        "no-links": { type: "boolean" },
      },
      usage,
    );
    if (values.council !== undefined && !values.council.trim())
      throw new UsageError(`--council needs the council's name\nusage: ${usage}`);
    if (!positionals.length) throw new UsageError(`expected at least one PATH\nusage: ${usage}`);
    const jobs = values.jobs === undefined ? DEFAULT_JOBS : Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256)
      throw new UsageError(`--jobs must be a whole number from 1 to 256 (got "${values.jobs}")\nusage: ${usage}`);
    // Where the papers were published: a file's URL, or a folder's (each file's URL is below it).
    const sourceUrl = values["source-url"];
    if (sourceUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(sourceUrl))
      throw new UsageError(`--source-url must be an http(s) URL, not "${sourceUrl}"\nusage: ${usage}`);
    const loc = storeLocation(values.db);
    const repo = await openRepository(loc);
    const bar =
      process.stderr.isTTY && !values.json
        ? new cliProgress.SingleBar(
            {
              stream: process.stderr,
              format: "importing [{bar}] {value}/{total} · {rate} documents/s · {left} left · {file}",
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          )
        : null;
    let started = false;
    try {
      const summary = await importPaths(
        repo,
        positionals,
        (p) => {
          if (!bar) return;
          const file = p.file.split("/").pop() ?? "";
          const perSec = p.seconds > 0 ? p.done / p.seconds : 0;
          const payload = {
            file,
            rate: perSec >= 10 ? perSec.toFixed(0) : perSec.toFixed(1),
            left: formatEta(perSec > 0 ? (p.total - p.done) / perSec : Number.NaN),
          };
          if (!started) {
            bar.start(p.total, 0, payload);
            started = true;
          }
          bar.update(p.done, payload);
        },
        {
          jobs,
          council: values.council?.trim(),
          ...(sourceUrl ? { originOf: originsUnder(sourceUrl, positionals) } : {}),
        },
      );
      bar?.stop();
      // The councils whose papers changed get their links computed and stored before import exits.
      const now = new Date();
      const links = values["no-links"]
        ? null
        : await updateLinks(repo, { today: now.toISOString().slice(0, 10), now: now.toISOString() });
      if (values.json)
        process.stdout.write(`${JSON.stringify({ store: describeLocation(loc), ...summary, links }, null, 1)}\n`);
      else
        process.stdout.write(
          `${describeLocation(loc)}\n${formatSummary(summary)}\n${links ? `${formatLinkSummary(links)}\n` : ""}`,
        );
      return summary.documents.failed ? 1 : 0;
    } finally {
      bar?.stop();
      await repo.close();
    }
  },
};
