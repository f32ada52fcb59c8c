/**
 * Referrals: resolutions that send something to another body ("the comments of the Committee be
 * forwarded to the Cabinet for consideration at its meeting on 23 November 2016", "the County
 * Council be recommended to…", "referred to the Scrutiny Commission"). Each becomes a link from the
 * resolution (meeting, minute, clause) to the receiving body and date, resolved to a meeting in the
 * input when there is one, otherwise to a stub meeting (body + date) marked as such.
 */
import type { Span } from "../../model/parse-v1";
import type { LinkEntry, LinkInput } from "../index";
import { flattenClauses, minuteRef, sortEntries } from "../threads/items";
import { bodyAt, bodyBefore, normBody, sameBody } from "./bodies";
import { type DateWindow, findDates } from "./dates";

export type ResolutionRef = {
  docId: string;
  meetingKey: string;
  body: string;
  date: string | null;
  minute: string | null;
  minuteTitle: string;
  clause: string;
  /** "minute 40(b)". */
  ref: string;
  text: string;
  span: Span | null;
};

export type MeetingTarget = {
  body: string;
  /** The day printed, or null when only a month or season (see window) or nothing was given. */
  date: string | null;
  window: { start: string; end: string } | null;
  dateAsPrinted: string | null;
  /** The input meeting it resolves to, or null for a stub. */
  meetingKey: string | null;
  /** How it was resolved: the printed day or month, or (no date printed) the body's next meeting in the input. */
  resolvedBy: "date" | "next-meeting" | null;
  /** Identifies the stub meeting across referrals ("stub:cabinet|2016-11-23"); null when resolved. */
  stubKey: string | null;
  docIds: string[];
  stub: boolean;
};

export type Referral = {
  id: string;
  from: ResolutionRef;
  /** The words that make it a referral: "forwarded to", "be recommended", "considered by". */
  verb: string;
  to: MeetingTarget;
};

/** Words after which "to the <Body>" sends something there. */
const TO_VERBS = [
  "forwarded",
  "forward",
  "referred",
  "refer",
  "recommended",
  "recommend",
  "reported",
  "submitted",
  "submit",
  "submits",
  "submission",
  "sent",
  "send",
  "presented",
  "passed",
  "circulated",
  "representations",
];
/** "<Body> be advised / asked / recommended …". */
const PASSIVE = ["be advised", "be asked", "be recommended", "be informed", "be requested", "be invited", "be urged"];
const BY = ["considered by", "consideration by", "attention of"];

export function resolutionRefs(entry: LinkEntry): ResolutionRef[] {
  const m = entry.meeting;
  const out: ResolutionRef[] = [];
  for (const x of m.minutes) {
    for (const c of flattenClauses(x.resolutions ?? [])) {
      const base = minuteRef(x.number, x.title, x.agendaItem);
      out.push({
        docId: entry.docId,
        meetingKey: entry.meetingKey,
        body: m.body,
        date: m.date,
        minute: x.number,
        minuteTitle: x.title,
        clause: c.label,
        ref: `${base}${c.label}`,
        text: c.text,
        span: x.span ?? null,
      });
    }
  }
  return out;
}

type Mention = { body: string; verb: string; at: number };

/**
 * The bodies a resolution's words send something to ("be forwarded to the Cabinet", "the County
 * Council be recommended", "for consideration by the Scrutiny Commission"), in the order printed:
 * what findReferrals reads, and what the officers' minutes workspace suggests carrying forward.
 */
export function sentTo(text: string): Mention[] {
  return mentions(text);
}

function mentions(text: string): Mention[] {
  const out: Mention[] = [];
  const lower = text.toLowerCase();
  // "… <verb> … to the <Body>": the verb within eight words before "to".
  let from = 0;
  for (;;) {
    const at = lower.indexOf(" to ", from);
    if (at < 0) break;
    from = at + 1;
    const before = lower.slice(0, at).split(/\s+/).slice(-8);
    // "subject to the City Council agreeing", "prior to", "according to": not sending anything.
    if (
      ["subject", "prior", "according", "due", "addition", "contribution", "regard"].includes(
        before[before.length - 1] ?? "",
      )
    )
      continue;
    const b = bodyAt(text, at + 4);
    if (!b) continue;
    const verb = [...before].reverse().find((w) => TO_VERBS.includes(w.replace(/[^a-z]/g, "")));
    if (verb) out.push({ body: b.name, verb: `${verb.replace(/[^a-z]/g, "")} to`, at: b.end });
  }
  for (const p of PASSIVE) {
    let f = 0;
    for (;;) {
      const at = lower.indexOf(` ${p}`, f);
      if (at < 0) break;
      f = at + 1;
      const b = bodyBefore(text, at);
      if (b) out.push({ body: b.name, verb: p, at: at + p.length + 1 });
    }
  }
  for (const p of BY) {
    let f = 0;
    for (;;) {
      const at = lower.indexOf(`${p} `, f);
      if (at < 0) break;
      f = at + 1;
      const b = bodyAt(text, at + p.length + 1);
      if (b) out.push({ body: b.name, verb: p, at: b.end });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/**
 * Finds the input meeting a body + date (or window) points at; a stub when there is none.
 * `meetingsOf` gives the dated entries of a body (as filtered here) when the caller keeps them.
 */
export function resolveTarget(
  entries: LinkEntry[],
  body: string,
  when: DateWindow | null,
  after: string | null,
  meetingsOf: (body: string) => LinkEntry[] = (b) =>
    entries.filter((e) => e.meeting.date && sameBody(e.meeting.body, b)),
): MeetingTarget {
  const same = meetingsOf(body);
  let hit: LinkEntry[] = [];
  if (when) {
    const inWindow = same.filter((e) => e.meeting.date! >= when.start && e.meeting.date! <= when.end);
    const first = inWindow.map((e) => e.meeting.date!).sort()[0];
    hit = first ? inWindow.filter((e) => e.meeting.date === first) : [];
  } else if (after) {
    const later = same.filter((e) => e.meeting.date! > after);
    const first = later.map((e) => e.meeting.date!).sort()[0];
    hit = first ? later.filter((e) => e.meeting.date === first) : [];
  }
  const date = when?.precision === "day" ? when.start : (hit[0]?.meeting.date ?? null);
  const stub = hit.length === 0;
  return {
    body: hit[0]?.meeting.body ?? body,
    date,
    window: when ? { start: when.start, end: when.end } : null,
    dateAsPrinted: when?.raw ?? null,
    meetingKey: hit[0]?.meetingKey ?? null,
    resolvedBy: stub ? null : when ? "date" : "next-meeting",
    stubKey: stub ? `stub:${normBody(body)}|${date ?? when?.start.slice(0, 7) ?? "undated"}` : null,
    docIds: [...new Set(hit.map((e) => e.docId))].sort(),
    stub,
  };
}

export function findReferrals(input: LinkInput): Referral[] {
  const entries = sortEntries(input);
  const out: Referral[] = [];
  const seen = new Set<string>();
  // Each body's dated meetings, found once, not once per referral to it.
  const byBody = new Map<string, LinkEntry[]>();
  const meetingsOf = (body: string) => {
    let got = byBody.get(body);
    if (!got) {
      got = entries.filter((e) => e.meeting.date && sameBody(e.meeting.body, body));
      byBody.set(body, got);
    }
    return got;
  };
  for (const entry of entries) {
    for (const r of resolutionRefs(entry)) {
      const found = mentions(r.text);
      const dates = findDates(r.text, r.date);
      for (const m of found) {
        // A body speaking of itself ("the Committee", "a further report to the Cabinet" in Cabinet) is not a referral.
        if (sameBody(m.body, r.body)) continue;
        const when = dates.find((d) => d.index >= m.at && (d.precision === "day" || d.precision === "month")) ?? null;
        const key = `${r.docId}|${r.meetingKey}|${r.ref}|${normBody(m.body)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          id: `referral:${key}`,
          from: r,
          verb: m.verb,
          to: resolveTarget(entries, m.body, when, r.date, meetingsOf),
        });
      }
    }
  }
  return out;
}
