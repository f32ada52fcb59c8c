/**
 * Test support only (the one place under link/ that reads files): the gold parse/v1 records of the
 * seeds in ../shared/gold, which carry a `line` where parse/v1 has a `span`, turned into LinkInput.
 * Spans are rebuilt from the start lines: an item runs to the line before the next item starts.
 * With `withText`, each entry also carries the seed's text so discussion can be read.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Meeting, Span } from "../../model/parse-v1";
import { sharedPath } from "../../testing/shared";
import type { LinkInput } from "../index";

type GoldLine = { line?: number };
type GoldMeeting = Omit<Meeting, "span" | "agenda" | "minutes" | "reports"> & {
  agenda: (Omit<Meeting["agenda"][number], "span"> & GoldLine)[];
  minutes: (Omit<Meeting["minutes"][number], "span"> & GoldLine)[];
  reports: (Omit<Meeting["reports"][number], "span"> & GoldLine)[];
};
type GoldFile = { schema: string; file: string; meetings: GoldMeeting[] };

export function meetingKey(m: { body: string; date: string | null }, docId: string): string {
  return `${m.body}|${m.date ?? `undated:${docId}`}`;
}

export function loadGold(options: { withText?: boolean } = {}): LinkInput {
  const dir = sharedPath("gold");
  const out: LinkInput = [];
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith(".json"))
    .sort()) {
    const gold = JSON.parse(readFileSync(join(dir, f), "utf8")) as GoldFile;
    const docId = f.replace(/\.json$/, "");
    const text = readFileSync(sharedPath("seeds", gold.file), "utf8");
    const lines = text.split(/\r?\n/);
    const total = lines.length;
    // Every item start in the document, so each item ends where the next one begins.
    const starts = new Set<number>();
    for (const m of gold.meetings)
      for (const x of [...m.agenda, ...m.minutes, ...m.reports]) if (typeof x.line === "number") starts.add(x.line);
    const sorted = [...starts].sort((a, b) => a - b);
    const spanFrom = (line: number | undefined, runOn: boolean): Span => {
      const start = line ?? 1;
      if (!runOn) return { startLine: start, endLine: start, page: null };
      const next = sorted.find((s) => s > start);
      return { startLine: start, endLine: next ? next - 1 : total, page: null };
    };
    for (const g of gold.meetings) {
      const meeting: Meeting = {
        ...g,
        agenda: g.agenda.map(({ line, ...a }) => ({ ...a, span: spanFrom(line, false) })),
        minutes: g.minutes.map(({ line, ...x }) => ({ ...x, span: spanFrom(line, true) })),
        reports: g.reports.map(({ line, ...r }) => ({
          ...r,
          recommendations: r.recommendations ?? [],
          span: spanFrom(line, true),
        })),
        span: { startLine: 1, endLine: total, page: null },
      };
      out.push({ docId, meetingKey: meetingKey(meeting, docId), meeting, ...(options.withText ? { lines } : {}) });
    }
  }
  return out;
}
