/**
 * The records a rendered document states, as a perfect parser would return them: an agenda pack's
 * front sheet speaks of its meeting (agenda with the printed page ranges, membership, reports) and
 * its minutes speak of the previous meeting (attendance, minutes, next meeting). Spans point at the
 * lines of the rendered text.
 */
import type { Meeting, Span } from "../model/parse-v1";
import type { PageMap } from "./compose";

/** Where the tagged blocks of one rendered document landed: 1-based lines in the whole output. */
export type TagLines = {
  tags: { tag: string; line: number }[];
  /** First and last line of the document. */
  start: number;
  end: number;
  /** The whole output, to trim trailing blank lines off spans. */
  lines: readonly string[];
};

function trimEnd(t: TagLines, from: number, to: number): number {
  let e = to;
  while (e > from && !t.lines[e - 1]?.trim()) e--;
  return e;
}

function docSpan(t: TagLines): Span {
  return { startLine: t.start, endLine: trimEnd(t, t.start, t.end), page: null };
}

/** The span of a tagged block: from its line to the line before the next tag (or the document's end). */
function tagSpan(t: TagLines, tag: string): Span {
  const i = t.tags.findIndex((x) => x.tag === tag);
  if (i < 0) return docSpan(t);
  const start = t.tags[i].line;
  const next = i + 1 < t.tags.length ? t.tags[i + 1].line - 1 : t.end;
  return { startLine: start, endLine: trimEnd(t, start, Math.max(start, next)), page: null };
}

/** The minute agenda link is stated only where the minute cites its report ("marked '4'"). */
function printedAgendaItem(m: Meeting, agendaItem: string | null): string | null {
  if (!agendaItem) return null;
  return m.agenda.find((a) => a.number === agendaItem)?.reportBy ? agendaItem : null;
}

export function frontSheetRecord(
  m: Meeting,
  pages: PageMap,
  front: TagLines,
  reports: ReadonlyMap<string, TagLines> = new Map(),
): Meeting {
  return {
    ...m,
    agenda: m.agenda.map((a) => ({
      ...a,
      pages: pages.get(a.number) ?? null,
      span: tagSpan(front, `agenda:${a.number}`),
    })),
    attendance: null,
    minutes: [],
    reports: m.reports.map((r) => {
      const t = reports.get(r.agendaItem ?? "");
      return {
        ...r,
        title: r.title.toUpperCase(),
        author: r.author ? r.author.toUpperCase() : null,
        span: t ? docSpan(t) : docSpan(front),
      };
    }),
    nextMeeting: null,
    span: docSpan(front),
  };
}

export function minutesRecord(m: Meeting, t: TagLines): Meeting {
  return {
    body: m.body,
    authority: m.authority,
    date: m.date,
    // The closing block prints the start time ("2.00 - 3.40 pm") only when the date is known too.
    time: m.date ? m.time : null,
    location: m.location,
    contact: null,
    membership: [],
    agenda: [],
    attendance: m.attendance,
    minutes: m.minutes.map((x) => ({
      ...x,
      agendaItem: printedAgendaItem(m, x.agendaItem),
      span: tagSpan(t, `minute:${x.number ?? x.title}`),
    })),
    reports: [],
    nextMeeting: m.nextMeeting,
    span: docSpan(t),
  };
}
