/**
 * People across meetings: councillors (membership, attendance, declarations) and officers (report
 * contact blocks, report authors' names, the clerk named as a meeting's contact), within one
 * council. Printed forms are merged by the conservative rules of ./names (the same forenames, the
 * matching initials, "S." as the start of "S. D.", a title that agrees) and every form keeps where
 * it was printed and the rule that joined it, so a wrong merge can be seen. Near-misspellings
 * ("McMillian" / "McMillan") are never merged: they are listed for review. Pure.
 */
import type { LinkInput } from "../index";
import { byCouncil } from "../matters/council";
import { sortEntries } from "../threads/items";
import {
  displayName,
  type KnownPerson,
  type MergeRule,
  nearMiss,
  type ParsedName,
  parseName,
  resolvePerson,
} from "./names";

export type PersonRole = "member" | "attendee" | "declared" | "officer" | "clerk";

export type PrintedForm = {
  printed: string;
  docId: string;
  meetingKey: string;
  date: string | null;
  role: PersonRole;
  /** The officer's post as printed beside the name ("Director of Adults and Communities"). */
  post: string | null;
  rule: MergeRule | "first-seen";
};

export type Person = {
  id: string;
  council: string;
  name: string;
  kinds: ("councillor" | "officer")[];
  posts: string[];
  forms: PrintedForm[];
};

export type ReviewFlag = { a: string; b: string; why: string };

export type People = { people: Person[]; review: ReviewFlag[] };

type Seen = {
  printed: string;
  role: PersonRole;
  post: string | null;
  docId: string;
  meetingKey: string;
  date: string | null;
};

/** "Mr. S. J. Weston (Tel. 0116 305 6226)" → "Mr. S. J. Weston". */
const contactName = (c: string) =>
  c
    .replace(/\(.*$/, "")
    .replace(/\b(?:tel|telephone|email|e-mail)\b.*$/i, "")
    .trim();

function seenIn(input: LinkInput): Seen[] {
  const out: Seen[] = [];
  for (const e of sortEntries(input)) {
    const m = e.meeting;
    const at = { docId: e.docId, meetingKey: e.meetingKey, date: m.date };
    for (const x of m.membership) out.push({ ...at, printed: x.name, role: "member", post: null });
    if (m.attendance)
      for (const p of [
        ...(m.attendance.chair ? [m.attendance.chair] : []),
        ...m.attendance.present,
        ...m.attendance.apologies,
      ])
        out.push({ ...at, printed: p, role: "attendee", post: null });
    for (const x of m.minutes)
      for (const d of x.declarations ?? []) out.push({ ...at, printed: d.member, role: "declared", post: null });
    for (const r of m.reports)
      for (const o of r.officers ?? []) out.push({ ...at, printed: o.name, role: "officer", post: o.role });
    const clerk = m.contact?.name ? contactName(m.contact.name) : null;
    if (clerk) out.push({ ...at, printed: clerk, role: "clerk", post: null });
  }
  return out;
}

function peopleOfCouncil(council: string, input: LinkInput): People {
  const known: (KnownPerson & { parsed: ParsedName; person: Person })[] = [];
  for (const s of seenIn(input)) {
    const parsed = parseName(s.printed);
    if (!parsed) continue;
    const r = resolvePerson(parsed, known);
    const form: PrintedForm = { ...s, rule: r.rule };
    if (r.personId !== null) {
      const k = known[r.personId];
      k.person.forms.push(form);
      // A fuller printing teaches the forenames ("S. D." after "S.").
      if (parsed.given.length > k.given.length) {
        k.given = parsed.given;
        k.person.name = displayName(parsed);
      }
      if (!k.title && parsed.title) k.title = parsed.title;
    } else {
      const person: Person = {
        id: `person:${council}:${known.length}`,
        council,
        name: displayName(parsed),
        kinds: [],
        posts: [],
        forms: [form],
      };
      known.push({
        id: known.length,
        title: parsed.title,
        given: parsed.given,
        surnameKey: parsed.surnameKey,
        parsed,
        person,
      });
    }
  }
  const people = known.map((k) => {
    const p = k.person;
    const kinds = new Set<"councillor" | "officer">();
    for (const f of p.forms) kinds.add(f.role === "officer" || f.role === "clerk" ? "officer" : "councillor");
    p.kinds = [...kinds].sort();
    p.posts = [...new Set(p.forms.map((f) => f.post).filter((x): x is string => Boolean(x)))];
    return p;
  });
  const review: ReviewFlag[] = [];
  for (let i = 0; i < known.length; i++)
    for (let j = i + 1; j < known.length; j++)
      if (nearMiss(known[i].parsed, known[j].parsed))
        review.push({
          a: known[i].person.id,
          b: known[j].person.id,
          why: `"${known[i].person.name}" and "${known[j].person.name}": the same initials and surnames one letter apart — the same person misspelt, or two people? Not merged.`,
        });
  return { people, review };
}

/** Every council's people, with the near-misspellings to review. */
export function findPeople(input: LinkInput): People {
  const out: People = { people: [], review: [] };
  for (const [council, group] of byCouncil(input)) {
    const got = peopleOfCouncil(council, group);
    out.people.push(...got.people);
    out.review.push(...got.review);
  }
  return out;
}
