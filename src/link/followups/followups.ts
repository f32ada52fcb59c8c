/**
 * Follow-ups: resolutions that promise later action ("a further report be submitted to the Cabinet
 * in March 2017", "an update … be provided at a future meeting", "report back in six months")
 * become commitments with a due window or a due meeting. A commitment is met only on evidence: an
 * item (agenda item, minute or report) of the named body, at or after the due date (after the
 * promise when no date was given), that belongs to the promise's own matter (src/link/matters: the
 * same report, a later stage of the same title, a citation, a referral). Sharing words is not
 * enough: a 2016 mental health item does not meet a 2015 promise about another mental health
 * contract. The item and why it is the same matter are recorded. Otherwise the promise is open,
 * or overdue once its due date has passed relative to `today`.
 */
import type { LinkInput } from "../index";
import { lemmas } from "../matters/lemma";
import { findMatters, type Matter } from "../matters/matters";
import { bodyAt, sameBody } from "../referrals/bodies";
import { addMonths, type DateWindow, findDates, findRelative } from "../referrals/dates";
import { type ResolutionRef, resolutionRefs } from "../referrals/referrals";
import { collectItems, type Item, type ItemKind, sortEntries } from "../threads/items";
import { phrases } from "../threads/phrases";

export type FollowUpOptions = {
  /** ISO date that "overdue" is judged against. */
  today: string;
  /** Every item's matter (findMatters with minMeetings 1) when the caller already has them. */
  matters?: Matter[];
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

/**
 * The promise a resolution's clause makes, if it makes one: where the words that make it start
 * ("a further report", "report back", "an update"), the body it is due at (`source` unless another
 * is named after them), and the first date printed from there on (or anywhere in the clause) not
 * before `sourceDate`. "That the update on … be noted" looks back and is no promise. Pure.
 */
export function promiseIn(
  text: string,
  source: string,
  sourceDate: string | null = null,
): { words: string; at: number; dueBody: string; due: DateWindow | null } | null {
  const lower = text.toLowerCase();
  const hit = TRIGGERS.map((t) => ({ t, at: lower.indexOf(t) }))
    .filter((x) => x.at >= 0)
    .sort((a, b) => a.at - b.at)[0];
  if (!hit) return null;
  if (!ACTIONS.some((a) => lower.includes(a))) return null;
  const dated = findDates(text, sourceDate).filter((d) => d.end >= (sourceDate ?? ""));
  return {
    words: hit.t,
    at: hit.at,
    dueBody: dueBodyOf(text, hit.at, source),
    due: dated.length ? (dated.find((x) => x.index >= hit.at) ?? dated[0]) : null,
  };
}

export function findFollowUps(input: LinkInput, options: FollowUpOptions): FollowUp[] {
  const entries = sortEntries(input);
  const items = collectItems(input);
  const matters = options.matters ?? findMatters(input, { minMeetings: 1, mentions: false });
  const matterOf = new Map<string, Matter>();
  for (const m of matters) for (const x of m.members) matterOf.set(x.itemId, m);
  const minutesAt = new Map<string, Item[]>();
  for (const it of items) {
    if (it.kind !== "minute") continue;
    const k = `${it.docId}|${it.meetingKey}`;
    const list = minutesAt.get(k);
    if (list) list.push(it);
    else minutesAt.set(k, [it]);
  }
  const promiseItem = (r: ResolutionRef) =>
    (minutesAt.get(`${r.docId}|${r.meetingKey}`) ?? []).find(
      (it) => it.ref === r.ref || (r.ref.startsWith(it.ref) && !/^[0-9]/.test(r.ref.slice(it.ref.length))),
    ) ?? null;
  // Items by body, so each promise looks only at the body it names.
  const bodies = [...new Set(items.map((it) => it.body))];
  const byBody = new Map<string, number[]>();
  items.forEach((it, i) => {
    const list = byBody.get(it.body);
    if (list) list.push(i);
    else byBody.set(it.body, [i]);
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
  // Each matter's items, each body's items as a set, and items by the lemmas of their titles: a
  // promise looks only at its own matter's items and the items titled with what it names.
  const itemsOfMatter = new Map<Matter, number[]>();
  items.forEach((it, i) => {
    const m = matterOf.get(it.id);
    if (!m) return;
    const list = itemsOfMatter.get(m);
    if (list) list.push(i);
    else itemsOfMatter.set(m, [i]);
  });
  const atBodySet = new Map<string, Set<number>>();
  const bodySet = (body: string) => {
    let got = atBodySet.get(body);
    if (!got) {
      got = new Set(itemsAt(body));
      atBodySet.set(body, got);
    }
    return got;
  };
  let byTitleLemma: Map<string, number[]> | null = null;
  const titledWith = (ls: string[]): number[] => {
    if (!byTitleLemma) {
      const index = new Map<string, number[]>();
      items.forEach((it, i) => {
        for (const l of new Set(lemmas(it.title))) {
          const list = index.get(l);
          if (list) list.push(i);
          else index.set(l, [i]);
        }
      });
      byTitleLemma = index;
    }
    const index = byTitleLemma;
    return ls.map((l) => index.get(l) ?? []).reduce((a, b) => (b.length < a.length ? b : a));
  };
  const out: FollowUp[] = [];
  for (const entry of entries) {
    for (const r of resolutionRefs(entry)) {
      const sourceDate = r.date;
      const promise = promiseIn(r.text, r.body, sourceDate);
      if (!promise) continue;
      const lower = r.text.toLowerCase();
      const hit = { t: promise.words, at: promise.at };
      const dueBody = promise.dueBody;

      // When it is due.
      let dueWindow: { start: string; end: string } | null = null;
      let dueAsPrinted: string | null = null;
      let dueMeeting: FollowUp["dueMeeting"] = null;
      const rel = findRelative(r.text);
      if (promise.due) {
        const d = promise.due;
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

      // Whether an item of the named body, on or after the due date, carried the same matter on.
      let metBy: FollowUp["metBy"] = null;
      const own = promiseItem(r);
      const matter = own ? matterOf.get(own.id) : undefined;
      // The clause may name the subject of the report it promises ("a further report on the
      // dredging contract"): an item titled with every word of that subject takes it up too.
      const promised =
        /\b(?:on|about|regarding|concerning)\s+(?:the\s+)?(?:(?:operation|outcome|implementation|progress|performance|results?)\s+of\s+(?:the\s+)?)?([^,;.]+?)(?=\s+(?:be|to|at|in|by|within|setting|following|and)\b|[,;.]|$)/i.exec(
          r.text.slice(hit.at),
        );
      const promisedLemmas = promised ? lemmas(promised[1]) : [];
      const namesPromised = (title: string) => {
        if (promisedLemmas.length < 2) return false;
        const t = new Set(lemmas(title));
        return promisedLemmas.every((l) => t.has(l));
      };
      if (sourceDate && (matter || promisedLemmas.length >= 2)) {
        const from = dueWindow?.start && dueWindow.start > sourceDate ? dueWindow.start : sourceDate;
        // The items that could meet it: its matter's and those titled with what it names (every
        // item of the body only when the promise has no matter, as items without one then match).
        const pool = matter
          ? [...(itemsOfMatter.get(matter) ?? []), ...(promisedLemmas.length >= 2 ? titledWith(promisedLemmas) : [])]
          : itemsAt(dueBody);
        const atBody = bodySet(dueBody);
        const candidates = pool
          .filter((i) => atBody.has(i))
          .map((i) => items[i])
          .filter(
            (it) =>
              it.date &&
              it.date > sourceDate &&
              it.date >= from &&
              (matterOf.get(it.id) === matter || namesPromised(it.title)),
          )
          .sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        const it = candidates[0];
        if (it) {
          const touches = (matter?.links ?? []).filter((l) => l.to === it.id || l.from === it.id);
          const link = touches.find((l) => l.kind !== "same-item") ?? touches[0];
          metBy = {
            itemId: it.id,
            docId: it.docId,
            meetingKey: it.meetingKey,
            body: it.body,
            date: it.date,
            kind: it.kind,
            ref: it.ref,
            title: it.title,
            phrases: matter && matterOf.get(it.id) === matter ? [matter.key] : [(promised?.[1] ?? "").toLowerCase()],
            late: dueWindow !== null && it.date! > dueWindow.end,
            why: `${it.ref} "${it.title}" at ${it.body} on ${it.date} ${matter && matterOf.get(it.id) === matter ? `carries on the matter "${matter.label}"${link ? `: ${link.why}` : ""}` : `is titled with the subject the promise names, "${promised?.[1]}"`}`,
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
