/**
 * Field-by-field comparison of what the parser read from a generated small-council document with
 * the records the document states, compared as ../shared/eval/score.mjs compares text (case,
 * punctuation and spacing ignored; clause texts by 85% token overlap). Used by the round-trip test
 * and by scripts/house-sweep.ts, which writes the failures per style and field for the parser.
 */
import type { Meeting, ParseResult } from "../model/parse-v1";

export const norm = (s: string | null | undefined): string | null =>
  s == null
    ? null
    : s
        .toLowerCase()
        .replace(/<\/?u>|\*\*|\|/g, " ")
        .replace(/[\u2018\u2019\u201a\u2032`]/g, "'")
        .replace(/[\u201c\u201d\u201e]/g, '"')
        .replace(/[\u2010-\u2015\u2212]/g, "-")
        .replace(/[^a-z0-9£%'\s]/g, " ")
        .replace(/'/g, "")
        .replace(/\s+/g, " ")
        .trim();

/** The scorer's token overlap: shared tokens over the longer side. */
export function overlap(a: string, b: string): number {
  const ta = (norm(a) ?? "").split(" ").filter(Boolean);
  const tb = (norm(b) ?? "").split(" ").filter(Boolean);
  if (!ta.length && !tb.length) return 1;
  const bag = new Map<string, number>();
  for (const t of tb) bag.set(t, (bag.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ta) {
    const n = bag.get(t) ?? 0;
    if (n > 0) {
      common++;
      bag.set(t, n - 1);
    }
  }
  return common / Math.max(ta.length, tb.length);
}

export type FieldResult = { field: string; meeting: string; ok: boolean; want: unknown; got: unknown };

const sorted = (xs: (string | null)[]) => [...xs].sort();

type Check = { field: string; minutes?: boolean; agenda?: boolean; get: (m: Meeting) => unknown; close?: boolean };

const CHECKS: Check[] = [
  { field: "body", get: (m) => norm(m.body) },
  { field: "authority", get: (m) => norm(m.authority) },
  { field: "time", get: (m) => m.time },
  { field: "location", get: (m) => norm(m.location) },
  { field: "attendance: chair", minutes: true, get: (m) => norm(m.attendance?.chair) },
  { field: "attendance: present", minutes: true, get: (m) => sorted((m.attendance?.present ?? []).map(norm)) },
  { field: "attendance: apologies", minutes: true, get: (m) => sorted((m.attendance?.apologies ?? []).map(norm)) },
  {
    field: "attendance: in attendance",
    minutes: true,
    get: (m) => sorted((m.attendance?.inAttendance ?? []).map(norm)),
  },
  { field: "minute numbers", minutes: true, get: (m) => m.minutes.map((x) => x.number) },
  { field: "minute titles", minutes: true, get: (m) => m.minutes.map((x) => norm(x.title)) },
  {
    field: "resolutions",
    minutes: true,
    close: true,
    get: (m) => m.minutes.map((x) => x.resolutions.map((c) => c.text)),
  },
  {
    field: "declarations",
    minutes: true,
    get: (m) => m.minutes.flatMap((x) => x.declarations.map((d) => [norm(d.member), norm(d.interest), d.item])),
  },
  { field: "agenda numbers", agenda: true, get: (m) => m.agenda.map((a) => a.number) },
  { field: "agenda titles", agenda: true, get: (m) => m.agenda.map((a) => norm(a.title)) },
];

export const FIELD_NAMES = ["meeting found", ...CHECKS.map((c) => c.field)];

function closeEqual(want: string[][], got: string[][]): boolean {
  if (want.length !== got.length) return false;
  return want.every((w, i) => w.length === got[i].length && w.every((t, j) => overlap(t, got[i][j]) >= 0.85));
}

/** Every field of every meeting the document states, compared with what was parsed. */
export function compareHouse(want: Meeting[], got: ParseResult | Error): FieldResult[] {
  const out: FieldResult[] = [];
  const taken = new Set<Meeting>();
  for (const w of want) {
    const label = `${w.body} ${w.date} ${w.time}`;
    const isAgenda = w.agenda.length > 0;
    // The meeting is found by its date and body; failing the body, by its date and its place among
    // the meetings of that date (an annual meeting and the ordinary meeting after it share one).
    const sameDate = got instanceof Error ? [] : got.meetings.filter((x) => x.date === w.date);
    const nth = want.filter((x) => x.date === w.date).indexOf(w);
    const g =
      sameDate.find((x) => !taken.has(x) && norm(x.body) === norm(w.body)) ??
      (sameDate[nth] && !taken.has(sameDate[nth]) ? sameDate[nth] : undefined);
    out.push({
      field: "meeting found",
      meeting: label,
      ok: !!g,
      want: [w.body, w.date],
      got: got instanceof Error ? got.message : got.meetings.map((x) => [x.body, x.date]),
    });
    if (!g) continue;
    taken.add(g);
    for (const c of CHECKS) {
      if (c.minutes && isAgenda) continue;
      if (c.agenda && !isAgenda) continue;
      const wv = c.get(w);
      const gv = c.get(g);
      const ok = c.close ? closeEqual(wv as string[][], gv as string[][]) : JSON.stringify(wv) === JSON.stringify(gv);
      out.push({ field: c.field, meeting: label, ok, want: wv, got: gv });
    }
  }
  return out;
}
