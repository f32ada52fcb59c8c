/** `minutebook parse FILE [--json]`: one document's records as parse/v1 JSON, or a readable summary. */
import type { ParseResult } from "../../model/parse-v1";
import { parseFile } from "../../pipeline/parse-file";
import { parseOptions, UsageError } from "../args";
import type { Command } from "../main";

const usage = "minutebook parse FILE [--json]";

export function summarise(r: ParseResult): string {
  const out: string[] = [`${r.source.name} (${r.source.format}, sha256 ${r.source.sha256.slice(0, 12)})`];
  for (const m of r.meetings) {
    out.push(
      "",
      `${m.body}${m.authority ? `, ${m.authority}` : ""}: ${m.date ?? "date not given"}${m.time ? ` ${m.time}` : ""}`,
    );
    if (m.location) out.push(`  at ${m.location}`);
    if (m.membership.length)
      out.push(
        `  membership: ${m.membership.length}${m.membership.find((x) => x.role) ? `, chair ${m.membership.find((x) => x.role)?.name}` : ""}`,
      );
    for (const a of m.agenda)
      out.push(
        `  ${a.number.padStart(3)}. ${a.title}${a.reportBy ? ` [${a.reportBy}]` : ""}${a.pages ? ` (pages ${a.pages.start}-${a.pages.end})` : ""}`,
      );
    if (m.attendance)
      out.push(
        `  present ${m.attendance.present.length}, apologies ${m.attendance.apologies.length}, chair ${m.attendance.chair ?? "-"}`,
      );
    for (const x of m.minutes)
      out.push(
        `  minute ${x.number ?? "-"}: ${x.title}${x.resolutions.length ? ` — ${x.resolutions.length} resolution(s)` : ""}${x.keyDecision ? " KEY DECISION" : ""}`,
      );
    for (const rep of m.reports) out.push(`  report: ${rep.title}${rep.author ? ` — ${rep.author}` : ""}`);
    if (m.nextMeeting) out.push(`  next meeting: ${m.nextMeeting}`);
  }
  if (!r.meetings.length) out.push("", "no meetings found");
  for (const d of r.diagnostics) out.push(`${d.level}: ${d.message}${d.span ? ` (line ${d.span.startLine})` : ""}`);
  return out.join("\n");
}

export const command: Command = {
  summary: "Parse one document (text, Markdown, PDF, Modern.Gov HTML or XML) into parse/v1 records.",
  usage,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, { json: { type: "boolean" } }, usage);
    if (positionals.length !== 1) throw new UsageError(`expected exactly one FILE\nusage: ${usage}`);
    const result = await parseFile(positionals[0]);
    process.stdout.write(values.json ? `${JSON.stringify(result, null, 1)}\n` : `${summarise(result)}\n`);
    return 0;
  },
};
