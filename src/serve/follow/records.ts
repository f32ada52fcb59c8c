/**
 * The JSON records of the follow pages (topics, follow-ups, referrals, money, data-quality flags,
 * a person's timeline), built from the linkers' results with the store's ids resolved. Each HTML
 * page renders exactly the record its /api twin returns.
 */
import type { FollowUp, MoneyMention, QualityFlag, Referral } from "../../link/index";
import { sameBody } from "../../link/referrals/bodies";
import type { Span } from "../../model/parse-v1";
import type { CommitteeRef, PersonDetail, Provenance } from "../../store/repository";
import type { Linked } from "./links";

// The records' types come from their zod definitions (schemas.ts), which the OpenAPI document is generated from.
export {
  type Evidence,
  type FollowUpRecord,
  type FollowUpsData,
  MONEY_SORTS,
  type MoneyData,
  type MoneyFilter,
  type MoneyRecord,
  type MoneySort,
  type QualityData,
  type QualityRecord,
  type ReferralRecord,
  type ReferralsData,
  type TimelineData,
  type TimelineEvent,
  type TopicData,
  type TopicEntry,
  type TopicMissing,
  type TopicSummary,
  type TopicsData,
} from "./schemas";

import type {
  FollowUpRecord,
  FollowUpsData,
  MoneyData,
  MoneyFilter,
  MoneyRecord,
  MoneySort,
  QualityData,
  QualityRecord,
  ReferralRecord,
  ReferralsData,
  TimelineData,
  TimelineEvent,
  TopicData,
  TopicEntry,
  TopicSummary,
} from "./schemas";

/** What a person's timeline reads: the store's meetings and their lines (no links). */
export type TimelineSource = Pick<Linked, "meetings" | "lines" | "pages" | "withText">;

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

/**
 * The line inside the item's span where the sum is printed (with its page), when the text is
 * available; the sum may be split over two lines, then the first of them.
 */
function sumLine(l: Linked, documentId: number, span: Span, asPrinted: string): Span | null {
  const text = l.lines.get(documentId);
  if (!text) return null;
  const squash = (x: string) => x.replace(/\s+/g, "");
  const want = squash(asPrinted);
  for (let n = Math.max(1, span.startLine); n <= Math.min(text.length, span.endLine); n++) {
    const here = squash(text[n - 1]);
    const split = here.includes("£") && n < text.length && squash(text[n - 1] + text[n]).includes(want);
    if (here.includes(want) || split)
      return { startLine: n, endLine: n, page: l.pages.get(documentId)?.[n - 1] ?? span.page };
  }
  return null;
}

function moneyRecord(l: Linked, m: MoneyMention): MoneyRecord {
  const place = l.place(
    m.meetingKey,
    m.docId,
    m.span,
    m.ref,
    m.title,
    m.source === "recommendation" ? "report" : "minute",
  );
  const exact = place.source && m.span ? sumLine(l, place.source.documentId, m.span, m.asPrinted) : null;
  if (place.source && exact) place.source = { ...place.source, span: exact };
  return {
    place,
    committeeId: l.meetings.get(m.meetingKey)?.committee.id ?? null,
    source: m.source,
    asPrinted: m.asPrinted,
    pounds: m.pounds,
    per: m.per,
    purpose: m.purpose,
    context: m.context,
  };
}

/** Every sum the linkers found, as records (exempt items were never read). */
export function allMoney(l: Linked): MoneyRecord[] {
  return l.money.map((m) => moneyRecord(l, m));
}

export const MONEY_PER_PAGE = 50;

/** One page of sums: by committee and date range, newest or largest first. */
export function moneyData(
  all: MoneyRecord[],
  committees: CommitteeRef[],
  filter: MoneyFilter,
  page: number,
  limit = MONEY_PER_PAGE,
): MoneyData {
  const counts = new Map<number, number>();
  for (const m of all) if (m.committeeId !== null) counts.set(m.committeeId, (counts.get(m.committeeId) ?? 0) + 1);
  const { committee, from, to, sort } = filter;
  const list = all.filter(
    (m) =>
      (!committee || m.committeeId === committee.id) &&
      (!from || (m.place.date !== null && m.place.date >= from)) &&
      (!to || (m.place.date !== null && m.place.date <= to)),
  );
  const byDate = (a: MoneyRecord, b: MoneyRecord) => (a.place.date ?? "").localeCompare(b.place.date ?? "");
  // Ties keep the order the sums were printed in, so pages never shuffle.
  const order: Record<MoneySort, (a: MoneyRecord, b: MoneyRecord) => number> = {
    "date-desc": (a, b) => byDate(b, a),
    "date-asc": byDate,
    "amount-desc": (a, b) => b.pounds - a.pounds || byDate(b, a),
    "amount-asc": (a, b) => a.pounds - b.pounds || byDate(b, a),
  };
  const sorted = list
    .map((m, i) => ({ m, i }))
    .sort((a, b) => order[sort](a.m, b.m) || a.i - b.i)
    .map((x) => x.m);
  return {
    money: sorted.slice((page - 1) * limit, page * limit),
    total: sorted.length,
    page,
    limit,
    filter,
    committees: committees
      .filter((c) => counts.has(c.id))
      .map((c) => ({ id: c.id, name: c.name, count: counts.get(c.id) ?? 0 }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id),
  };
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
  return {
    topic: topicSummary(t),
    entries,
    total: entries.length,
    page: 1,
    limit: entries.length,
    timeline: timelineOf(entries),
    money,
    withText: l.withText,
  };
}

/** A topic's items counted by committee and meeting date, in order of first appearance. */
export function timelineOf(entries: readonly TopicEntry[]): TopicData["timeline"] {
  const marks = new Map<string, TopicData["timeline"][number]>();
  for (const e of entries) {
    const key = `${e.place.committee}\u0000${e.place.date ?? ""}`;
    const m = marks.get(key);
    if (m) m.items++;
    else marks.set(key, { committee: e.place.committee, date: e.place.date, items: 1 });
  }
  return [...marks.values()];
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

/**
 * Whether a follow-up is one committee's: promised at one of its meetings, or due to a body of its name
 * and promised within its council. Names alone would join councils: every council has a "Cabinet".
 */
export function belongsTo(l: Linked, f: FollowUp, committee: CommitteeRef & { authority?: string | null }): boolean {
  const from = l.meetings.get(f.from.meetingKey);
  if (!from) return false;
  if (from.committee.id === committee.id) return true;
  if (committee.authority === undefined) return false;
  return (from.authority ?? null) === (committee.authority ?? null) && sameBody(f.dueBody, committee.name);
}

export function followUpsData(
  l: Linked,
  today: string,
  committee: (CommitteeRef & { authority?: string | null }) | null,
  status: FollowUpsData["status"],
): FollowUpsData {
  let list = l.followUps(today);
  if (committee) list = list.filter((f) => belongsTo(l, f, committee));
  const counts = { met: 0, open: 0, overdue: 0 };
  for (const f of list) counts[f.status]++;
  if (status) list = list.filter((f) => f.status === status);
  const ref = committee ? { id: committee.id, name: committee.name } : null;
  const followUps = list.map((f) => followUpRecord(l, f));
  return {
    today,
    committee: ref,
    status,
    counts,
    followUps,
    total: followUps.length,
    page: 1,
    limit: followUps.length,
  };
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
/** The honorifics printed after "Cllr" ("Cllr Mrs Clements"). */
const PERSONAL = /^(mr|mrs|ms|miss|mx|dr)$/i;
const POSTNOMINAL = /^(CC|MP|MBE|OBE|CBE|JP)$/;

/**
 * How a person's name is printed in discussion: each printed form as it stands, and (when it starts
 * with an honorific) the honorific with the surname, initials optional: "Mr. N. J. Rushton CC" also
 * matches "Mr Rushton" and "Mr. N. Rushton"; "Cllr Mrs D Clements" also "Cllr Mrs Clements" and
 * "Cllr Clements", never "Cllr Mr Clements".
 */
export function namePatterns(printed: string[]): string[] {
  const out = new Set<string>();
  for (const p of printed) {
    out.add(escapeRegExp(p.trim()).replace(/\s+/g, "\\s+"));
    const words = p
      .replace(/\([^)]*\)/g, " ")
      .replace(/,/g, " ")
      .trim()
      .split(/\s+/);
    while (words.length > 2 && POSTNOMINAL.test(words[words.length - 1])) words.pop();
    const hon = words[0]?.replace(/\.$/, "");
    const second = words[1]?.replace(/\.$/, "");
    const surname = words[words.length - 1];
    if (words.length < 2 || !hon || !HONORIFICS.test(hon) || !/^[A-Z][A-Za-z'-]{1,}$/.test(surname)) continue;
    const personal =
      words.length > 2 && second && PERSONAL.test(second) && !PERSONAL.test(hon)
        ? `(?:${escapeRegExp(second)}\\.?\\s+)?`
        : "";
    out.add(`${escapeRegExp(hon)}\\.?\\s+${personal}(?:[A-Z]\\.?\\s*)*${escapeRegExp(surname)}`);
  }
  return [...out];
}

/** Lower-case letters of a full name without honorifics or post-nominals: "Mr. Jon Wilson CC" → "jon wilson". */
export function plainName(name: string): string {
  const words = name
    .replace(/\([^)]*\)/g, " ")
    .replace(/[.,]/g, " ")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  while (words.length && (HONORIFICS.test(words[0]) || PERSONAL.test(words[0]))) words.shift();
  while (words.length && POSTNOMINAL.test(words[words.length - 1])) words.pop();
  return words.join(" ").toLowerCase();
}

/**
 * What a line of minutes says the person did, by where their name stands: "Cllr X proposed …",
 * "Proposed by Cllr X", "seconded by Cllr X", "Cllr X seconded …". A name followed by "proposed by"
 * or "seconded by" is what was proposed, not who proposed it.
 */
export function motionRoles(name: string): { proposed: RegExp; seconded: RegExp } {
  const who = `(?<![A-Za-z])(?:${name})(?![A-Za-z])`;
  const after = `\\s*,?\\s*(?:\\([^)]*\\)\\s*)?`;
  return {
    proposed: new RegExp(
      `${who}${after}(?:proposed|moved)\\b(?!\\s+(?:by|to|from|on|away|out|into)\\b)|\\b(?:[Pp]roposed|[Mm]oved)\\s+by\\s+${who}`,
    ),
    seconded: new RegExp(`${who}${after}seconded\\b(?!\\s+by\\b)|\\b[Ss]econded\\s+by\\s+${who}`),
  };
}

/** The first line inside `p`'s span that prints the name, with its page; null when the text is not read. */
function nameLine(l: TimelineSource, p: Provenance, re: RegExp | null): Span | null {
  const text = l.lines.get(p.documentId);
  if (!text || !re) return null;
  for (let n = Math.max(1, p.span.startLine); n <= Math.min(text.length, p.span.endLine); n++)
    if (re.test(text[n - 1]))
      return { startLine: n, endLine: n, page: l.pages.get(p.documentId)?.[n - 1] ?? p.span.page };
  return null;
}

/**
 * One person's record in date order: committee memberships; at each meeting, whether they chaired it,
 * attended or sent apologies, their declarations of interest, the reports naming them as contact
 * officer, and (when the documents' text is available) the minutes whose text prints their name —
 * as proposer or seconder where the line says so. The store does not record who spoke or how anyone
 * voted; nothing here goes beyond what the records and the printed lines say.
 */
export function timelineData(l: TimelineSource, p: PersonDetail): TimelineData {
  const events: TimelineEvent[] = [];
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
  // Recorded votes: the side the minutes print the person's name under, with the counts.
  const SIDE = { for: "Voted for", against: "Voted against", abstain: "Abstained on" };
  for (const v of p.votes) {
    const counts = [
      v.counts.for !== null ? `For ${v.counts.for}` : null,
      v.counts.against !== null ? `Against ${v.counts.against}` : null,
      v.counts.abstain !== null ? `Abstain ${v.counts.abstain}` : null,
    ].filter(Boolean);
    const what = v.motion && /amendment/i.test(v.motion) ? "an amendment" : "the motion";
    events.push({
      date: v.date,
      kind: "voted",
      committee: v.committee,
      meetingId: v.meetingId,
      text: `${SIDE[v.side]} ${what} in ${v.minuteNumber ? `minute ${v.minuteNumber}: ` : ""}${v.minuteTitle}${counts.length ? ` (${counts.join(", ")}${v.result ? `; ${v.result}` : ""})` : v.result ? ` (${v.result})` : ""}`,
      href: `/meetings/${v.meetingId}#vote-${v.voteId}`,
      source: v.provenance,
    });
  }
  const printed = [...new Set([p.name, ...p.aliases.map((a) => a.printed)])].filter((x) => x.trim().length >= 4);
  const plain = new Set(printed.map(plainName).filter((x) => x.split(" ").length >= 2));
  const seen = new Set<number>();
  const details = [...l.meetings.values()].filter((d) => !seen.has(d.id) && seen.add(d.id));
  const forms = namePatterns(printed);
  const nameRe = forms.length ? new RegExp(`(?<![A-Za-z])(?:${forms.join("|")})(?![A-Za-z])`) : null;
  for (const d of details) {
    const a = d.attendance;
    if (a?.chair?.id === p.id)
      events.push({
        date: d.date,
        kind: "chair",
        committee: d.committee,
        meetingId: d.id,
        text: `Chaired ${d.committee.name}`,
        href: `/meetings/${d.id}#attendance`,
        // The attendance record's span can be the whole minutes; the line printing the name, if read.
        source: { ...a.provenance, span: nameLine(l, a.provenance, nameRe) ?? a.provenance.span },
      });
    // Officers are printed by full name only, so only a full name counts ("Jon Wilson", not "J. Wilson").
    for (const r of d.reports)
      if (r.officers.some((o) => plain.has(plainName(o.name))))
        events.push({
          date: d.date,
          kind: "report-officer",
          committee: d.committee,
          meetingId: d.id,
          text: `Contact officer for the report “${r.title}”`,
          href: `/meetings/${d.id}#report-${r.id}`,
          source: r.provenance,
        });
  }
  if (nameRe && l.withText) {
    const re = nameRe;
    const motion = motionRoles(forms.join("|"));
    for (const d of details) {
      for (const x of d.minutes) {
        if (x.exempt || x.exemptParagraphs.length) continue;
        const text = l.lines.get(x.provenance.documentId);
        if (!text) continue;
        const { startLine, endLine } = x.provenance.span;
        const hits: { line: number; text: string }[] = [];
        for (let n = startLine; n <= Math.min(endLine, text.length); n++)
          if (re.test(text[n - 1])) hits.push({ line: n, text: text[n - 1] });
        if (!hits.length) continue;
        const minute = x.number ? `minute ${x.number}: ${x.title}` : `the minute “${x.title}”`;
        const at = (kind: TimelineEvent["kind"], line: number, what: string) =>
          events.push({
            date: d.date,
            kind,
            committee: d.committee,
            meetingId: d.id,
            text: `${what} ${minute}`,
            href: `/meetings/${d.id}#minute-${x.id}`,
            source: {
              documentId: x.provenance.documentId,
              documentName: x.provenance.documentName,
              span: { startLine: line, endLine: line, page: l.pages.get(x.provenance.documentId)?.[line - 1] ?? null },
            },
          });
        const proposed = hits.find((h) => motion.proposed.test(h.text));
        const seconded = hits.find((h) => motion.seconded.test(h.text));
        if (proposed) at("proposed", proposed.line, "Proposed a motion in");
        if (seconded) at("seconded", seconded.line, "Seconded a motion in");
        // A procedural minute (apologies, the last meeting's minutes) names people as a matter of course.
        if (!proposed && !seconded && !x.procedural) at("named", hits[0].line, "Named in");
      }
    }
  }
  const order: Record<TimelineEvent["kind"], number> = {
    chair: 0,
    present: 1,
    "in-attendance": 1,
    apologies: 1,
    absent: 1,
    declaration: 2,
    "report-officer": 3,
    proposed: 4,
    seconded: 4,
    voted: 4,
    named: 5,
  };
  events.sort(
    (a, b) =>
      (a.date ?? "9999").localeCompare(b.date ?? "9999") ||
      (a.meetingId ?? 0) - (b.meetingId ?? 0) ||
      order[a.kind] - order[b.kind],
  );
  const roles = [...p.roles].sort(
    (a, b) => (a.from ?? "").localeCompare(b.from ?? "") || a.committee.name.localeCompare(b.committee.name),
  );
  return { person: { id: p.id, name: p.name, printed }, roles, events, withText: l.withText };
}
