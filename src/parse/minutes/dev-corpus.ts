/**
 * Developer view of the minutes parser on any document (not part of the parser): reads the file
 * through the reader registry (text, Markdown, PDF) and prints what parseMinutesSections found.
 * Usage: npx tsx src/parse/minutes/dev-corpus.ts FILE [--lines A-B] [--json]
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { registerBuiltinReaders } from "../../extract/index";
import { DEFAULT_LIMITS, pickReader } from "../../extract/registry";
import type { Clause } from "../../model/parse-v1";
import { parseMinutesSections } from "./index";

const file = process.argv[2];
const linesArg = process.argv.indexOf("--lines");
const bytes = readFileSync(file);
await registerBuiltinReaders();
const reader = pickReader(basename(file), bytes);
if (!reader) throw new Error("no reader");
const out = await reader.read({
  name: basename(file),
  bytes,
  sha256: createHash("sha256").update(bytes).digest("hex"),
  limits: DEFAULT_LIMITS,
});
if (out.kind !== "lines") throw new Error("not a lines reader");
const doc = out.doc;
if (linesArg > 0) {
  const [a, b] = process.argv[linesArg + 1].split("-").map(Number);
  for (const l of doc.lines.slice(a - 1, b))
    console.log(`${l.n}\tp${l.page}${l.bold ? " B" : ""}${l.cells ? ` [${l.cells.join(" | ")}]` : ""}\t${l.text}`);
  process.exit(0);
}
const r = parseMinutesSections(doc);
if (process.argv.includes("--json")) {
  console.log(JSON.stringify(r, null, 1));
  process.exit(0);
}
const show = (cs: Clause[], d = 1): void => {
  for (const c of cs) {
    console.log(`${"    ".repeat(d)}(${c.label}) ${c.text.slice(0, 110)}`);
    show(c.children, d + 1);
  }
};
for (const m of r.meetings) {
  console.log(
    `== ${m.body} | ${m.authority} | ${m.date} ${m.time} | ${m.location} | next ${m.nextMeeting} | lines ${m.span.startLine}-${m.span.endLine}`,
  );
  console.log(`   chair: ${m.attendance?.chair}`);
  console.log(`   present: ${m.attendance?.present.join("; ")}`);
  console.log(`   apologies: ${m.attendance?.apologies.join("; ")}`);
  console.log(`   inAttendance: ${m.attendance?.inAttendance.join("; ")}`);
  for (const mi of m.minutes) {
    console.log(
      `  [${mi.number}] ${mi.title} (item ${mi.agendaItem}) key=${mi.keyDecision} exempt=${mi.exemptParagraphs} L${mi.span.startLine}-${mi.span.endLine}`,
    );
    for (const d of mi.declarations) console.log(`      DECL ${d.member} | ${d.interest} | ${d.item}`);
    show(mi.resolutions);
    for (const x of mi.reasons) console.log(`      REASON ${x.slice(0, 100)}`);
  }
}
for (const d of r.diagnostics) console.log(`  ! ${d.level} ${d.message} ${d.span ? d.span.startLine : ""}`);
