/**
 * Developer scoring for the minutes parser alone (not part of the parser): parses each seed with
 * parseMinutesSections, writes parse/v1 JSON per seed into a directory, and prints the scorer's
 * command. Usage: npx tsx src/parse/minutes/dev-score.ts [OUT_DIR] [FILE...]
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { linesFromText } from "../../extract/text/reader";
import type { SourceDocument } from "../../model/document";
import { seedFiles, sharedPath } from "../../testing/shared";
import { parseMinutesSections } from "./index";

const out = process.argv[2] ?? "/tmp/minutebook-minutes-score";
const files = process.argv.length > 3 ? process.argv.slice(3) : seedFiles();
mkdirSync(out, { recursive: true });
for (const f of files) {
  const bytes = readFileSync(f);
  const text = bytes.toString("utf8");
  const md = /\.(md|markdown)$/i.test(f);
  const doc: SourceDocument = {
    name: basename(f),
    format: md ? "markdown" : "text",
    sha256: createHash("sha256").update(bytes).digest("hex"),
    lines: linesFromText(text, { markdown: md }),
    pageCount: null,
    furniture: [],
    diagnostics: [],
  };
  const t0 = performance.now();
  const r = parseMinutesSections(doc);
  const ms = performance.now() - t0;
  const result = {
    schema: "parse/v1",
    source: { name: doc.name, format: doc.format, sha256: doc.sha256 },
    meetings: r.meetings,
    diagnostics: r.diagnostics,
  };
  writeFileSync(join(out, basename(f).replace(/\.[^.]+$/, "") + ".json"), JSON.stringify(result, null, 1));
  console.error(
    `${basename(f)}: ${r.meetings.length} meetings, ${ms.toFixed(1)} ms, ${(bytes.length / 1e6 / (ms / 1000)).toFixed(1)} MB/s`,
  );
}
console.error(`node ${sharedPath("eval", "score.mjs")} --gold ${sharedPath("gold")} --out ${out}`);
