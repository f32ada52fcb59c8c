/**
 * The generated corpora bench/scale.ts measures, built one council at a time so memory stays flat.
 *
 * - `packTexts`: agenda packs rendered as text (what `minutebook import` reads), for the real pipeline.
 * - `directDocuments`: one parse/v1 document per meeting, straight from the generator's records
 *   (no rendering of the pack, no parsing), to load 10,000–100,000 meetings in reasonable time.
 *   Each council is a separately seeded demo council of `perCouncil` meetings under its own name
 *   (England has some 300 councils; 100 councils × 1,000 meetings is 100,000 meetings). The
 *   minutes are rendered (renderMinutes) so that a minute's searchable text is its whole span —
 *   the discussion as well as the resolutions — as it is after a real import.
 */
import { createHash } from "node:crypto";
import { generateCouncil } from "../../src/demo/generate";
import type { ParseResult } from "../../src/model/parse-v1";
import { renderAgendaPack, renderMinutes } from "../../src/render/pack";

export const COUNCIL_MEETINGS = 1000;

export function councilSeed(k: number): string {
  return `scale-${k}`;
}

/** The demo council is always "Merrowshire County Council"; each seeded copy gets its own name. */
export function councilName(k: number): string {
  return k === 0 ? "Merrowshire County Council" : `Merrowshire ${k + 1} County Council`;
}

/** Agenda packs of council `k` (its first `n` meetings) as text, in meeting order. */
export function packTexts(k: number, n: number): string[] {
  const demo = generateCouncil({ meetings: n, seed: councilSeed(k) });
  const byId = new Map(demo.meetings.map((m) => [m.id, m]));
  return demo.meetings.map((m) => {
    const prev = m.previousId ? byId.get(m.previousId)!.doc : null;
    const text = renderAgendaPack(m.doc, prev).text;
    return k === 0 ? text : text.replaceAll("Merrowshire County Council", councilName(k));
  });
}

export type DirectDocument = { result: ParseResult; lines: string[]; path: string };

/**
 * Councils `from`..`to - 1`, `perCouncil` meetings each, one document per meeting: the generator's
 * record (agenda, membership, attendance, reports) with the minutes as rendered, lines being the
 * rendered minutes. Yields in batches of one council.
 */
export function* directDocuments(from: number, to: number, perCouncil = COUNCIL_MEETINGS): Generator<DirectDocument[]> {
  for (let k = from; k < to; k++) {
    const demo = generateCouncil({ meetings: perCouncil, seed: councilSeed(k) });
    const authority = councilName(k);
    const batch: DirectDocument[] = [];
    for (const m of demo.meetings) {
      const rendered = renderMinutes(m.doc);
      const min = rendered.meetings[0];
      const meeting = { ...m.doc.record, authority, minutes: min.minutes, span: min.span };
      const name = `${m.id}-council-${k}.txt`;
      const sha256 = createHash("sha256").update(`${authority}\n${rendered.text}`).digest("hex");
      batch.push({
        result: { schema: "parse/v1", source: { name, format: "text", sha256 }, meetings: [meeting], diagnostics: [] },
        lines: rendered.text.split("\n"),
        path: `/scale/council-${k}/${name}`,
      });
    }
    yield batch;
  }
}

/** Records (agenda items + minutes + reports) a parse result states: the unit of "records/s". */
export function recordsOf(r: ParseResult): number {
  return r.meetings.reduce((s, m) => s + m.agenda.length + m.minutes.length + m.reports.length, 0);
}
