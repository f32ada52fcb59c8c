/**
 * `minutebook search QUERY [--committee X] [--from DATE] [--to DATE] [--type T] [--limit N] [--db FILE] [--json]`:
 * ranked hits with highlighted snippets, the meeting and the source document's lines. Any query text
 * is safe: it is translated, never passed to the engine as syntax.
 */
import { openRepository } from "../../store/open";
import { PARAGRAPH_TYPES, type ParagraphType, type SearchResult, storeLocation } from "../../store/repository";
import { parseOptions, UsageError } from "../args";
import type { Command } from "../main";

const usage =
  "minutebook search QUERY [--committee NAME|ID] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--type agenda|minute|resolution|report] [--limit N] [--offset N] [--db FILE] [--json]";

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function formatResult(r: SearchResult, tty: boolean): string {
  // Past the store's count limit, total is a lower bound (totalExact false): say "more than".
  const total = !r.totalExact ? `more than ${r.total}` : String(r.total);
  const out: string[] = [`${total} result${r.total === 1 && r.totalExact ? "" : "s"} for ${JSON.stringify(r.query)}`];
  // A broad query on a large store is ranked among the most recently stored matches only: say so.
  if (r.rankedOver !== null)
    out.push(`(ranked among the ${r.rankedOver} most recently stored matches; add words or filters to rank them all)`);
  const hl = (s: string) => (tty ? s.replaceAll("[", "\x1b[1m").replaceAll("]", "\x1b[22m") : s);
  r.hits.forEach((h, i) => {
    const s = h.provenance.span;
    const where = `${h.provenance.documentName} lines ${s.startLine}-${s.endLine}${s.page ? `, page ${s.page}` : ""}`;
    out.push(
      "",
      `${i + 1}. [${h.type}${h.keyDecision ? ", key decision" : ""}] ${h.title}`,
      `   ${h.meeting.committee.name}, ${h.meeting.date ?? "date not given"} — ${where}`,
      `   ${hl(h.snippetText.replace(/\s+/g, " ").trim())}`,
    );
  });
  if (r.total > r.hits.length) out.push("", `(showing ${r.hits.length} of ${total}; use --limit/--offset for more)`);
  return out.join("\n");
}

export const command: Command = {
  summary: 'Search the store: words, "phrases", -exclusions and OR; filter by committee, dates and type.',
  usage,
  async run(argv) {
    const { values, positionals } = parseOptions(
      argv,
      {
        committee: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        type: { type: "string" },
        limit: { type: "string" },
        offset: { type: "string" },
        db: { type: "string" },
        json: { type: "boolean" },
      },
      usage,
    );
    if (!positionals.length) throw new UsageError(`expected a QUERY\nusage: ${usage}`);
    for (const k of ["from", "to"] as const)
      if (values[k] !== undefined && !ISO.test(values[k]!)) throw new UsageError(`--${k} expects YYYY-MM-DD`);
    if (values.type !== undefined && !PARAGRAPH_TYPES.includes(values.type as ParagraphType))
      throw new UsageError(`--type expects one of ${PARAGRAPH_TYPES.join(", ")}`);
    const num = (v: string | undefined, name: string, dflt: number) => {
      if (v === undefined) return dflt;
      if (!/^\d+$/.test(v)) throw new UsageError(`--${name} expects a whole number`);
      return Number(v);
    };
    const limit = num(values.limit, "limit", 10);
    const offset = num(values.offset, "offset", 0);
    const repo = await openRepository(storeLocation(values.db), { mustExist: true });
    try {
      const result = await repo.search(
        positionals.join(" "),
        {
          committee: values.committee,
          from: values.from,
          to: values.to,
          type: values.type as ParagraphType | undefined,
        },
        { limit, offset },
      );
      process.stdout.write(
        values.json
          ? `${JSON.stringify(result, null, 1)}\n`
          : `${formatResult(result, Boolean(process.stdout.isTTY))}\n`,
      );
      return 0;
    } finally {
      await repo.close();
    }
  },
};
