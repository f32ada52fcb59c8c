/**
 * Data-quality flags on printed records: dates that cannot be right (a next meeting on a weekend or
 * not after the meeting itself, a day named in a resolution that falls on a weekend), one person printed two ways (or twice) within a meeting's
 * membership and attendance, two officers across meetings whose names are one letter apart (listed
 * for review, never merged), and agenda page ranges that run backwards or overlap.
 */
import type { Span } from "../../model/parse-v1";
import { findPeople } from "../identity/people";
import type { LinkInput } from "../index";
import { findDates, isIsoDate } from "../referrals/dates";
import { flattenClauses, minuteRef, sortEntries } from "../threads/items";

export type QualityKind =
  | "next-meeting-weekend"
  | "next-meeting-not-after"
  | "meeting-weekend"
  | "resolution-date-weekend"
  | "name-printed-two-ways"
  | "name-listed-twice"
  | "name-near-miss"
  | "pages-backwards"
  | "pages-overlap"
  | "pages-out-of-order";

export type QualityFlag = {
  kind: QualityKind;
  level: "warning" | "info";
  docId: string;
  meetingKey: string;
  body: string;
  date: string | null;
  message: string;
  /** The printed values involved. */
  values: string[];
  span: Span | null;
};

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export function weekday(iso: string): string {
  return WEEKDAYS[new Date(`${iso}T12:00:00Z`).getUTCDay()];
}

const HONORIFICS = new Set([
  "mr",
  "mrs",
  "ms",
  "miss",
  "mx",
  "dr",
  "cllr",
  "councillor",
  "sir",
  "dame",
  "lord",
  "lady",
  "rev",
  "revd",
  "prof",
]);
const FEMALE = new Set(["mrs", "ms", "miss", "dame", "lady"]);
const MALE = new Set(["mr", "sir", "lord"]);

/**
 * A person key: surname + first initial, with honorifics, post-nominals (all-capital words such as
 * CC, MBE) and punctuation dropped. "Mr. J. Miah CC" and "Mr J Miah CC" share "miah|j".
 */
export function personKey(printed: string): { key: string; gender: "f" | "m" | null } | null {
  const tokens = printed
    .replace(/[.,()]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  let gender: "f" | "m" | null = null;
  const rest: string[] = [];
  for (const t of tokens) {
    const l = t.toLowerCase();
    if (HONORIFICS.has(l)) {
      if (FEMALE.has(l)) gender = "f";
      else if (MALE.has(l)) gender = "m";
      continue;
    }
    rest.push(t);
  }
  // Post-nominals: trailing all-capital words of two or more letters (CC, MBE, OBE, JP).
  while (rest.length > 1 && /^[A-Z]{2,5}$/.test(rest[rest.length - 1])) rest.pop();
  if (!rest.length) return null;
  const surname = rest[rest.length - 1].toLowerCase();
  const initial = rest.length > 1 ? rest[0][0].toLowerCase() : "";
  return { key: `${surname}|${initial}`, gender };
}

export function findQualityFlags(input: LinkInput): QualityFlag[] {
  const out: QualityFlag[] = [];
  for (const entry of sortEntries(input)) {
    const m = entry.meeting;
    const base = { docId: entry.docId, meetingKey: entry.meetingKey, body: m.body, date: m.date };
    const flag = (kind: QualityKind, level: "warning" | "info", message: string, values: string[], span: Span | null) =>
      out.push({ kind, level, ...base, message, values, span });

    // Dates.
    if (isIsoDate(m.date)) {
      const day = weekday(m.date);
      if (day === "Saturday" || day === "Sunday")
        flag("meeting-weekend", "info", `the meeting is dated ${m.date}, a ${day}`, [m.date], m.span ?? null);
    }
    if (isIsoDate(m.nextMeeting)) {
      const day = weekday(m.nextMeeting);
      if (day === "Saturday" || day === "Sunday")
        flag(
          "next-meeting-weekend",
          "warning",
          `the next meeting is printed as ${m.nextMeeting}, a ${day}`,
          [m.nextMeeting],
          m.span ?? null,
        );
      if (isIsoDate(m.date) && m.nextMeeting <= m.date)
        flag(
          "next-meeting-not-after",
          "warning",
          `the next meeting (${m.nextMeeting}) is printed as ${m.nextMeeting === m.date ? "the same day as" : "before"} this meeting (${m.date})`,
          [m.nextMeeting, m.date],
          m.span ?? null,
        );
    }

    // Days printed in resolutions ("at its meeting on 23 November 2016") that fall on a weekend.
    for (const x of m.minutes)
      for (const c of flattenClauses(x.resolutions ?? []))
        for (const d of findDates(c.text)) {
          if (d.precision !== "day") continue;
          const day = weekday(d.start);
          if (day === "Saturday" || day === "Sunday")
            flag(
              "resolution-date-weekend",
              "info",
              `${minuteRef(x.number, x.title, x.agendaItem)}${c.label} prints "${d.raw}", a ${day}`,
              [d.start],
              x.span ?? null,
            );
        }

    // Names: membership and attendance together.
    const printed: string[] = [
      ...m.membership.map((x) => x.name),
      ...(m.attendance
        ? [
            ...(m.attendance.chair ? [m.attendance.chair] : []),
            ...m.attendance.present,
            ...m.attendance.apologies,
            ...m.attendance.inAttendance,
          ]
        : []),
    ].filter((s): s is string => typeof s === "string");
    const forms = new Map<string, { forms: Set<string>; genders: Set<string> }>();
    for (const name of printed) {
      const k = personKey(name);
      if (!k) continue;
      const e = forms.get(k.key) ?? { forms: new Set<string>(), genders: new Set<string>() };
      e.forms.add(name.replace(/\s+/g, " ").trim());
      if (k.gender) e.genders.add(k.gender);
      forms.set(k.key, e);
    }
    for (const [key, e] of [...forms.entries()].sort()) {
      if (e.forms.size > 1 && e.genders.size <= 1)
        flag(
          "name-printed-two-ways",
          "warning",
          `one person printed ${e.forms.size} ways: ${[...e.forms].map((f) => `"${f}"`).join(", ")}`,
          [...e.forms].sort(),
          m.span ?? null,
        );
      void key;
    }
    const listDupes = (list: string[], where: string) => {
      const seen = new Set<string>();
      for (const n of list) {
        const norm = n.replace(/\s+/g, " ").trim();
        if (seen.has(norm))
          flag("name-listed-twice", "warning", `"${norm}" is listed twice in the ${where}`, [norm], m.span ?? null);
        seen.add(norm);
      }
    };
    listDupes(
      m.membership.map((x) => x.name),
      "membership",
    );
    if (m.attendance) listDupes(m.attendance.present, "list of those present");

    // Agenda page ranges.
    let prev: { number: string; start: number; end: number } | null = null;
    for (const a of m.agenda) {
      if (!a.pages) continue;
      const { start, end } = a.pages;
      if (end < start)
        flag(
          "pages-backwards",
          "warning",
          `agenda item ${a.number} runs from page ${start} back to page ${end}`,
          [`${start}-${end}`],
          a.span ?? null,
        );
      if (prev) {
        if (start < prev.start)
          flag(
            "pages-out-of-order",
            "warning",
            `agenda item ${a.number} starts on page ${start}, before item ${prev.number} (page ${prev.start})`,
            [`${prev.start}-${prev.end}`, `${start}-${end}`],
            a.span ?? null,
          );
        else if (start <= prev.end)
          flag(
            "pages-overlap",
            "warning",
            `agenda item ${a.number} (pages ${start}-${end}) overlaps item ${prev.number} (pages ${prev.start}-${prev.end})`,
            [`${prev.start}-${prev.end}`, `${start}-${end}`],
            a.span ?? null,
          );
      }
      prev = { number: a.number, start, end };
    }
  }
  // Across meetings: two officers whose printed names are one letter apart ("McMillian" and
  // "McMillan"), never merged by ./identity, are put to a person to settle. Councillors' doubtful
  // pairs are the store's own (its people table, listed on the quality page with the merge command);
  // officers, read from report contact blocks and meeting contacts, are flagged here.
  const people = findPeople(input);
  const byId = new Map(people.people.map((p) => [p.id, p]));
  const entryOf = new Map(input.map((e) => [`${e.docId}\u0000${e.meetingKey}`, e]));
  for (const r of people.review) {
    const a = byId.get(r.a);
    const b = byId.get(r.b);
    const at = b?.forms[0];
    const entry = at ? entryOf.get(`${at.docId}\u0000${at.meetingKey}`) : undefined;
    if (!a || !b || !at || !entry || !(a.kinds.includes("officer") || b.kinds.includes("officer"))) continue;
    out.push({
      kind: "name-near-miss",
      level: "info",
      docId: at.docId,
      meetingKey: at.meetingKey,
      body: entry.meeting.body,
      date: entry.meeting.date,
      message: r.why,
      values: [a.forms[0].printed, at.printed],
      span: null,
    });
  }
  return out;
}
