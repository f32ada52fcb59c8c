/**
 * Follow-ups: resolutions that promise later action ("a further report be submitted to the Cabinet
 * in March 2017", "an update … be provided at a future meeting", "report back in six months")
 * become commitments with a due window or a due meeting. A commitment is met when a later item
 * (agenda item, minute or report) at the named body, after the promise, shares a key phrase of two
 * or more content words with the promise's subject; the item and the shared phrases are recorded.
 * Otherwise it is open, or overdue once its due date has passed relative to `today`.
 */
import type { LinkInput } from "../index";
import { bodyAt, sameBody } from "../referrals/bodies";
import { addMonths, findDates, findRelative } from "../referrals/dates";
import { type ResolutionRef, resolutionRefs } from "../referrals/referrals";
import { collectItems, type ItemKind, sortEntries } from "../threads/items";
import { phrases } from "../threads/phrases";

export type FollowUpOptions = {
  /** ISO date that "overdue" is judged against. */
  today: string;
};

export type FollowUpStatus = "met" | "open" | "overdue";

export type FollowUp = {
  id: string;
  from: ResolutionRef;
  /** The words that make it a promise: "further report", "update". */
  promise: string;
  dueBody: string;
  /** Last day it is due by (end of the printed month, season or relative period); null when not said. */
  dueBy: string | null;
  dueWindow: { start: string; end: string } | null;
  dueAsPrinted: string | null;
  /** "next meeting" / "future meeting" when the promise names a meeting rather than a date. */
  dueMeeting: { which: "next" | "future"; meetingKey: string | null; date: string | null } | null;
  subject: string[];
  status: FollowUpStatus;
  metBy: {
    itemId: string;
    docId: string;
    meetingKey: string;
    body: string;
    date: string | null;
    kind: ItemKind;
    ref: string;
    title: string;
    phrases: string[];
    late: boolean;
    why: string;
  } | null;
};

const TRIGGERS = [
  "further report",
  "report back",
  "reports back",
  "progress report",
  "report on progress",
  "further update",
  "an update",
  "update on",
  "updates on",
  "be updated",
  "further information",
  "return to the committee",
];

/** Words that make the clause look forward: something is to be submitted, provided, received. */
const ACTIONS = [
  "be submitted",
  "be provided",
  "be brought",
  "be presented",
  "be made",
  "be circulated",
  "be given",
  "be reported",
  "be updated",
  "report back",
  "reports back",
  "submit",
  "provide",
  "receive",
  "come back",
  "return to",
];

const contentCount = (p: string) => p.split(" ").filter((w) => w.length >= 3).length;

function dueBodyOf(text: string, triggerAt: number, source: string): string {
  const lower = text.toLowerCase();
  for (const marker of [" to the ", " to ", " of the ", " at the ", " before the "]) {
    let from = triggerAt;
    for (;;) {
      const at = lower.indexOf(marker, from);
      if (at < 0) break;
      from = at + 1;
      const b = bodyAt(text, at + 1 + marker.trimStart().indexOf(" ") + 1);
      if (b) return sameBody(b.name, source) ? source : b.name;
    }
  }
  return source;
}

export function findFollowUps(input: LinkInput, options: FollowUpOptions): FollowUp[] {
  const entries = sortEntries(input);
  const items = collectItems(input);
  const itemPhrases = items.map((it) => new Set(phrases(it.title).map((h) => h.phrase)));
  // Items by body, so each promise looks only at the body it names.
  const bodies = [...new Set(items.map((it) => it.body))];
  const byBody = new Map<string, number[]>();
  items.forEach((it, i) => {
    byBody.set(it.body, [...(byBody.get(it.body) ?? []), i]);
  });
  const atBody = new Map<string, number[]>();
  const itemsAt = (body: string): number[] => {
    let got = atBody.get(body);
    if (!got) {
      got = bodies.filter((b) => sameBody(b, body)).flatMap((b) => byBody.get(b) ?? []);
      atBody.set(body, got);
    }
    return got;
  };
  const out: FollowUp[] = [];
  for (const entry of entries) {
    for (const r of resolutionRefs(entry)) {
      const lower = r.text.toLowerCase();
      const hit = TRIGGERS.map((t) => ({ t, at: lower.indexOf(t) }))
        .filter((x) => x.at >= 0)
        .sort((a, b) => a.at - b.at)[0];
      if (!hit) continue;
      // "That the update on … be noted" looks back; a promise says something will come.
      if (!ACTIONS.some((a) => lower.includes(a))) continue;
      const dueBody = dueBodyOf(r.text, hit.at, r.body);
      const sourceDate = r.date;

      // When it is due.
      let dueWindow: { start: string; end: string } | null = null;
      let dueAsPrinted: string | null = null;
      let dueMeeting: FollowUp["dueMeeting"] = null;
      const dated = findDates(r.text, sourceDate).filter((d) => d.end >= (sourceDate ?? ""));
      const rel = findRelative(r.text);
      if (dated.length) {
        const d = dated.find((x) => x.index >= hit.at) ?? dated[0];
        dueWindow = { start: d.start, end: d.end };
        dueAsPrinted = d.raw;
      } else if (rel && sourceDate) {
        dueWindow = { start: sourceDate, end: addMonths(sourceDate, rel.months) };
        dueAsPrinted = rel.raw;
      } else if (lower.includes("next meeting")) {
        const next = entries
          .filter(
            (e) => sameBody(e.meeting.body, dueBody) && e.meeting.date && (!sourceDate || e.meeting.date > sourceDate),
          )
          .sort((a, b) => (a.meeting.date! < b.meeting.date! ? -1 : 1))[0];
        const printed = sameBody(dueBody, r.body) ? entry.meeting.nextMeeting : null;
        const date = next?.meeting.date ?? printed ?? null;
        dueMeeting = { which: "next", meetingKey: next?.meetingKey ?? null, date };
        if (date) dueWindow = { start: date, end: date };
        dueAsPrinted = "next meeting";
      } else if (lower.includes("future meeting")) {
        dueMeeting = { which: "future", meetingKey: null, date: null };
        dueAsPrinted = "a future meeting";
      }

      // What it is about: phrases of the minute's title and of the clause.
      const subjectSet = new Set<string>();
      for (const h of [...phrases(r.minuteTitle), ...phrases(r.text)])
        if (contentCount(h.phrase) >= 2) subjectSet.add(h.phrase);
      const subject = [...subjectSet].sort();

      // Whether a later item at the body took it up.
      let metBy: FollowUp["metBy"] = null;
      if (sourceDate) {
        const candidates = itemsAt(dueBody)
          .filter((i) => items[i].date && items[i].date! > sourceDate)
          .map((i) => ({ it: items[i], i }))
          .map(({ it, i }) => {
            const shared = subject.filter((p) => itemPhrases[i].has(p));
            const best = shared.reduce((a, p) => Math.max(a, contentCount(p)), 0);
            return { it, shared, best };
          })
          .filter((c) => c.best >= 2)
          .sort(
            (a, b) =>
              (a.it.date! < b.it.date! ? -1 : a.it.date! > b.it.date! ? 1 : 0) ||
              b.best - a.best ||
              (a.it.id < b.it.id ? -1 : a.it.id > b.it.id ? 1 : 0),
          );
        const c = candidates[0];
        if (c) {
          const longest = [...c.shared].sort((a, b) => contentCount(b) - contentCount(a) || (a < b ? -1 : 1));
          metBy = {
            itemId: c.it.id,
            docId: c.it.docId,
            meetingKey: c.it.meetingKey,
            body: c.it.body,
            date: c.it.date,
            kind: c.it.kind,
            ref: c.it.ref,
            title: c.it.title,
            phrases: longest,
            late: dueWindow !== null && c.it.date! > dueWindow.end,
            why: `${c.it.ref} "${c.it.title}" at ${c.it.body} on ${c.it.date} shares "${longest[0]}" with the promise`,
          };
        }
      }
      const dueBy = dueWindow?.end ?? null;
      const status: FollowUpStatus = metBy ? "met" : dueBy && dueBy < options.today ? "overdue" : "open";
      out.push({
        id: `followup:${r.docId}|${r.meetingKey}|${r.ref}`,
        from: r,
        promise: hit.t,
        dueBody,
        dueBy,
        dueWindow,
        dueAsPrinted,
        dueMeeting,
        subject,
        status,
        metBy,
      });
    }
  }
  return out;
}
