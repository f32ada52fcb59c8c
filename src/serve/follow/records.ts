/**
 * The JSON records of the follow pages (topics, follow-ups, referrals, money, data-quality flags,
 * a person's timeline), built from the linkers' results with the store's ids resolved. Each HTML
 * page renders exactly the record its /api twin returns.
 */
import type { FollowUp, MoneyMention, QualityFlag, Referral } from "../../link/index";
import { sameBody } from "../../link/referrals/bodies";
import type { CommitteeRef, PersonDetail, Provenance } from "../../store/repository";
import type { Linked, Place } from "./links";

export type TopicSummary = {
  id: string;
  label: string;
  /** The council whose meetings the topic runs through (topics never cross councils). */
  authority: string | null;
  phrases: string[];
  years: string[];
  first: string | null;
  last: string | null;
  committees: string[];
  meetings: number;
  items: number;
};

export type Evidence = { phrase: string; field: string; label: string | null; source: Provenance | null };
export type TopicEntry = {
  kind: "agenda" | "minute" | "report";
  place: Place;
  evidence: Evidence[];
  /** Why this item joined the thread: the phrases it shares with an earlier item, and where. */
  why: string;
  linkedFrom: Place | null;
};
export type MoneyRecord = {
  place: Place;
  source: "resolution" | "reason" | "recommendation";
  asPrinted: string;
  pounds: number;
  per: string | null;
  purpose: string;
  context: string;
};
export type TopicsData = {
  topics: TopicSummary[];
  total: number;
  page: number;
  limit: number;
  meetings: number;
  withText: boolean;
};
export type TopicData = { topic: TopicSummary; entries: TopicEntry[]; money: MoneyRecord[]; withText: boolean };

export type FollowUpRecord = {
  status: "met" | "open" | "overdue";
  promise: string;
  from: Place;
  text: string;
  due: {
    body: string;
    by: string | null;
    asPrinted: string | null;
    meeting: { which: "next" | "future"; meetingId: number | null; date: string | null } | null;
  };
  metBy: { place: Place; phrases: string[]; late: boolean; why: string } | null;
};
export type FollowUpsData = {
  today: string;
  committee: CommitteeRef | null;
  status: "met" | "open" | "overdue" | null;
  counts: { met: number; open: number; overdue: number };
  followUps: FollowUpRecord[];
};

export type ReferralRecord = {
  from: Place;
  text: string;
  verb: string;
  to: {
    body: string;
    date: string | null;
    dateAsPrinted: string | null;
    resolvedBy: "date" | "next-meeting" | null;
    stub: boolean;
    meetingId: number | null;
    href: string | null;
  };
};
export type ReferralsData = { referrals: ReferralRecord[] };

export type QualityRecord = {
  kind: string;
  level: "warning" | "info";
  message: string;
  values: string[];
  place: Place;
};
export type QualityData = { flags: QualityRecord[] };
export type MoneyData = { money: MoneyRecord[] };

export type TimelineEvent = {
  date: string | null;
  kind: "role" | "present" | "apologies" | "in-attendance" | "absent" | "declaration" | "named";
  committee: CommitteeRef | null;
  meetingId: number | null;
  text: string;
  href: string | null;
  source: Provenance | null;
};
export type TimelineData = {
  person: { id: number; name: string; printed: string[] };
  events: TimelineEvent[];
  withText: boolean;
};

export function topicSummary(t: Linked["threads"][number]): TopicSummary {
  return {
    id: t.slug,
    label: t.label,
    authority: t.authority,
    phrases: t.phrases,
    years: t.years,
    first: t.first,
    last: t.last,
    committees: t.bodies,
    meetings: t.meetings.length,
    items: t.members.length,
  };
}

function moneyRecord(l: Linked, m: MoneyMention): MoneyRecord {
  return {
    place: l.place(m.meetingKey, m.docId, m.span, m.ref, m.ref, "minute"),
    source: m.source,
    asPrinted: m.asPrinted,
    pounds: m.pounds,
    per: m.per,
    purpose: m.purpose,
    context: m.context,
  };
}

export function allMoney(l: Linked): MoneyData {
  return { money: l.money.map((m) => moneyRecord(l, m)) };
}

export function topicData(l: Linked, t: Linked["threads"][number]): TopicData {
  const byId = new Map(t.members.map((m) => [m.itemId, m]));
  const linkTo = new Map(t.links.map((k) => [k.to, k]));
  const entries: TopicEntry[] = t.members.map((m) => {
    const link = linkTo.get(m.itemId);
    const from = link ? byId.get(link.from) : undefined;
    const doc = l.document(m.meetingKey, m.docId);
    return {
      kind: m.kind,
      place: l.place(m.meetingKey, m.docId, m.span, m.ref, m.title, m.kind),
      evidence: m.evidence.map((e) => ({
        phrase: e.phrase,
        field: e.field,
        label: e.label,
        source:
          doc && e.span && e.span.startLine > 0 ? { documentId: doc.id, documentName: doc.name, span: e.span } : null,
      })),
      why: link
        ? link.why
        : `${m.meetingKey === t.members[0].meetingKey ? "Where the thread starts" : "No earlier item shares its phrases"}: ${m.evidence
            .slice(0, 3)
            .map((e) => `"${e.phrase}" in its ${e.field}`)
            .join("; ")}.`,
      linkedFrom: from ? l.place(from.meetingKey, from.docId, from.span, from.ref, from.title, from.kind) : null,
    };
  });
  // Sums printed inside a member's lines, or whose words name one of the thread's phrases.
  const inMember = (m: MoneyMention) =>
    t.members.some(
      (x) =>
        x.meetingKey === m.meetingKey &&
        x.docId === m.docId &&
        x.span &&
        m.span &&
        m.span.startLine >= x.span.startLine &&
        m.span.startLine <= x.span.endLine,
    );
  const lower = (s: string) => s.toLowerCase();
  const named = (m: MoneyMention) =>
    t.meetings.includes(m.meetingKey) && t.phrases.some((p) => lower(`${m.purpose} ${m.context}`).includes(p));
  const money = l.money.filter((m) => inMember(m) || named(m)).map((m) => moneyRecord(l, m));
  return { topic: topicSummary(t), entries, money, withText: l.withText };
}

export function followUpRecord(l: Linked, f: FollowUp): FollowUpRecord {
  const dueMeeting = f.dueMeeting;
  return {
    status: f.status,
    promise: f.promise,
    from: l.place(f.from.meetingKey, f.from.docId, f.from.span, f.from.ref, f.from.minuteTitle, "minute"),
    text: f.from.text,
    due: {
      body: f.dueBody,
      by: f.dueBy,
      asPrinted: f.dueAsPrinted,
      meeting: dueMeeting
        ? {
            which: dueMeeting.which,
            meetingId: dueMeeting.meetingKey ? (l.meetings.get(dueMeeting.meetingKey)?.id ?? null) : null,
            date: dueMeeting.date,
          }
        : null,
    },
    metBy: f.metBy
      ? {
          place: l.place(
            f.metBy.meetingKey,
            f.metBy.docId,
            itemSpan(l, f.metBy.itemId),
            f.metBy.ref,
            f.metBy.title,
            f.metBy.kind,
          ),
          phrases: f.metBy.phrases,
          late: f.metBy.late,
          why: f.metBy.why,
        }
      : null,
  };
}

/** The span of a linkable item, found through the threads (follow-ups carry only the item's id). */
function itemSpan(l: Linked, itemId: string) {
  for (const t of l.threads) for (const m of t.members) if (m.itemId === itemId) return m.span;
  return spanFromInput(l, itemId);
}

/** Reads an item's span from the input by its id ("doc|body|date|index|kind|n"), as the linkers number them. */
function spanFromInput(l: Linked, itemId: string) {
  const parts = itemId.split("|");
  const kind = parts[parts.length - 2];
  const n = Number(parts[parts.length - 1]);
  const docId = parts[0];
  const meetingKey = parts.slice(1, parts.length - 3).join("|");
  const e = l.input.find((x) => x.docId === docId && x.meetingKey === meetingKey);
  if (!e || !Number.isInteger(n)) return null;
  const list = kind === "agenda" ? e.meeting.agenda : kind === "report" ? e.meeting.reports : e.meeting.minutes;
  return list[n]?.span ?? null;
}

export function followUpsData(
  l: Linked,
  today: string,
  committee: CommitteeRef | null,
  status: FollowUpsData["status"],
): FollowUpsData {
  let list = l.followUps(today);
  if (committee) list = list.filter((f) => f.from.body === committee.name || sameBody(f.dueBody, committee.name));
  const counts = { met: 0, open: 0, overdue: 0 };
  for (const f of list) counts[f.status]++;
  if (status) list = list.filter((f) => f.status === status);
  return { today, committee, status, counts, followUps: list.map((f) => followUpRecord(l, f)) };
}

export function referralRecord(l: Linked, r: Referral): ReferralRecord {
  const target = r.to.meetingKey ? (l.meetings.get(r.to.meetingKey) ?? null) : null;
  return {
    from: l.place(r.from.meetingKey, r.from.docId, r.from.span, r.from.ref, r.from.minuteTitle, "minute"),
    text: r.from.text,
    verb: r.verb,
    to: {
      body: target?.committee.name ?? r.to.body,
      date: target?.date ?? r.to.date,
      dateAsPrinted: r.to.dateAsPrinted,
      resolvedBy: r.to.resolvedBy,
      stub: !target,
      meetingId: target?.id ?? null,
      href: target ? `/meetings/${target.id}` : null,
    },
  };
}

export function referralsData(l: Linked): ReferralsData {
  return { referrals: l.referrals.map((r) => referralRecord(l, r)) };
}

export function qualityRecord(l: Linked, q: QualityFlag): QualityRecord {
  return {
    kind: q.kind,
    level: q.level,
    message: q.message,
    values: q.values,
    place: l.place(q.meetingKey, q.docId, q.span, "", ""),
  };
}

export function qualityData(l: Linked): QualityData {
  return { flags: l.quality.map((q) => qualityRecord(l, q)) };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const HONORIFICS = /^(mr|mrs|ms|miss|mx|dr|cllr|councillor|sir|dame|lord|lady|rev|revd|prof)$/i;

/**
 * How a person's name is printed in discussion: each printed form as it stands, and (when it starts
 * with an honorific) the honorific with the surname, initials optional: "Mr. N. J. Rushton CC" also
 * matches "Mr Rushton" and "Mr. N. Rushton".
 */
export function namePatterns(printed: string[]): string[] {
  const out = new Set<string>();
  for (const p of printed) {
    out.add(escapeRegExp(p.trim()).replace(/\s+/g, "\\s+"));
    const words = p
      .replace(/\([^)]*\)/g, " ")
      .trim()
      .split(/\s+/);
    while (words.length > 2 && /^(CC|MP|MBE|OBE|CBE|JP)$/.test(words[words.length - 1])) words.pop();
    const hon = words[0]?.replace(/\.$/, "");
    const surname = words[words.length - 1];
    if (words.length >= 2 && hon && HONORIFICS.test(hon) && /^[A-Z][A-Za-z'-]{1,}$/.test(surname))
      out.add(`${escapeRegExp(hon)}\\.?\\s+(?:[A-Z]\\.?\\s*)*${escapeRegExp(surname)}`);
  }
  return [...out];
}

/**
 * One person's record in date order: committee roles, attendance at each meeting, declarations of
 * interest, and (when the documents' text is available) the minutes whose text prints one of their
 * names. The store does not record who spoke, so "named in" is what it can tell.
 */
export function timelineData(l: Linked, p: PersonDetail): TimelineData {
  const events: TimelineEvent[] = [];
  for (const r of p.roles)
    events.push({
      date: r.from,
      kind: "role",
      committee: r.committee,
      meetingId: null,
      text: `${r.role ?? "Member"} of ${r.committee.name}${r.to && r.to !== r.from ? ` (printed until ${r.to})` : ""}`,
      href: `/committees/${r.committee.id}`,
      source: null,
    });
  const label = { present: "Present", apologies: "Sent apologies", "in-attendance": "In attendance", absent: "Absent" };
  for (const m of p.attendance.meetings)
    events.push({
      date: m.date,
      kind: m.status,
      committee: m.committee,
      meetingId: m.meetingId,
      text: `${label[m.status]} at ${m.committee.name}`,
      href: `/meetings/${m.meetingId}#attendance`,
      source: null,
    });
  for (const d of p.declarations)
    events.push({
      date: d.date,
      kind: "declaration",
      committee: d.committee,
      meetingId: d.meetingId,
      text: `Declared ${d.interest ? `a ${d.interest}` : "an interest"}${d.item || d.minuteTitle ? ` in ${d.item ?? d.minuteTitle}` : ""}`,
      href: `/meetings/${d.meetingId}#declarations`,
      source: d.provenance,
    });
  const printed = [...new Set([p.name, ...p.aliases.map((a) => a.printed)])].filter((x) => x.trim().length >= 4);
  const forms = namePatterns(printed);
  if (forms.length && l.withText) {
    const re = new RegExp(`(^|[^A-Za-z])(${forms.join("|")})(?![A-Za-z])`);
    const seen = new Set<number>();
    for (const d of l.meetings.values()) {
      if (seen.has(d.id)) continue;
      seen.add(d.id);
      for (const x of d.minutes) {
        if (x.exempt || x.exemptParagraphs.length || x.procedural) continue;
        const text = l.lines.get(x.provenance.documentId);
        if (!text) continue;
        const { startLine, endLine } = x.provenance.span;
        const at = text.slice(startLine - 1, endLine).findIndex((line) => re.test(line));
        if (at < 0) continue;
        const line = startLine + at;
        events.push({
          date: d.date,
          kind: "named",
          committee: d.committee,
          meetingId: d.id,
          text: `Named in minute ${x.number ?? ""} ${x.title}`.replace(/\s+/g, " "),
          href: `/meetings/${d.id}#minute-${x.id}`,
          source: {
            documentId: x.provenance.documentId,
            documentName: x.provenance.documentName,
            span: { startLine: line, endLine: line, page: null },
          },
        });
      }
    }
  }
  const order: Record<TimelineEvent["kind"], number> = {
    role: 0,
    present: 1,
    "in-attendance": 1,
    apologies: 1,
    absent: 1,
    declaration: 2,
    named: 3,
  };
  events.sort((a, b) => (a.date ?? "9999").localeCompare(b.date ?? "9999") || order[a.kind] - order[b.kind]);
  return { person: { id: p.id, name: p.name, printed }, events, withText: l.withText };
}
