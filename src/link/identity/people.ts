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
import { collectItems, sortEntries } from "../threads/items";
import {
  displayName,
  type KnownPerson,
  type MergeRule,
  nearMiss,
  type ParsedName,
  parseName,
  resolvePerson,
} from "./names";

/**
 * Where a name was printed: the membership list, the present list, "In attendance" (councillors who
 * are not members, or officers), a declaration, a recorded vote, a councillor named in a minute's
 * discussion or resolution ("comments received from Mr. S. D. Sheahan CC"), a report's contact
 * block, or the meeting's contact (the clerk).
 */
export type PersonRole = "member" | "attendee" | "in-attendance" | "declared" | "voted" | "named" | "officer" | "clerk";

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

/**
 * A councillor as a minute prints one in running text: a title and name followed by "CC", or led by
 * "Cllr" / "Councillor" ("Mr. S. D. Sheahan CC", "Mr Houseman MBE CC", "Cllr Mrs D. Clements").
 * Only names carrying a councillor's mark are taken, so an officer or a member of the public named
 * in discussion is never made a councillor.
 */
const NAMED_COUNCILLOR =
  /\b(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame)\.?\s+(?:[A-Z][a-z]+\s+|(?:[A-Z]\.?\s?){1,3}\s*)?[A-Z][A-Za-z'’-]+(?:,?\s+(?:MBE|OBE|CBE|JP))*,?\s+CC\b|(?:Cllr\.?|Councillor)\s+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?:[A-Z][a-z]+\s+|(?:[A-Z]\.?\s?){1,3}\s*)?[A-Z][A-Za-z'’-]+)/g;

/** The councillors a minute's discussion and resolutions name (never an exempt minute's discussion). */
function namedIn(input: LinkInput): Map<string, string[]> {
  const byMeeting = new Map<string, string[]>();
  for (const it of collectItems(input)) {
    if (it.kind !== "minute") continue;
    for (const f of it.fields) {
      if (f.kind !== "text" && f.kind !== "resolution") continue;
      for (const m of f.text.replace(/\s+/g, " ").matchAll(NAMED_COUNCILLOR)) {
        const list = byMeeting.get(`${it.docId}\u0000${it.meetingKey}`) ?? [];
        list.push(m[0]);
        byMeeting.set(`${it.docId}\u0000${it.meetingKey}`, list);
      }
    }
  }
  return byMeeting;
}

function seenIn(input: LinkInput): Seen[] {
  const out: Seen[] = [];
  const named = namedIn(input);
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
    for (const p of m.attendance?.inAttendance ?? [])
      out.push({ ...at, printed: p, role: "in-attendance", post: null });
    for (const x of m.minutes) {
      for (const d of x.declarations ?? []) out.push({ ...at, printed: d.member, role: "declared", post: null });
      // An exempt minute's votes, like its discussion, are not for publication.
      if (!x.exempt && !(x.exemptParagraphs ?? []).length)
        for (const v of x.votes ?? [])
          for (const side of [v.for, v.against, v.abstain])
            for (const name of side?.names ?? []) out.push({ ...at, printed: name, role: "voted", post: null });
    }
    for (const printed of named.get(`${e.docId}\u0000${e.meetingKey}`) ?? [])
      out.push({ ...at, printed, role: "named", post: null });
    // An exempt report is public by its title only: its contact block is not read.
    for (const r of m.reports)
      for (const o of r.exempt ? [] : (r.officers ?? []))
        out.push({ ...at, printed: o.name, role: "officer", post: o.role });
    const clerk = m.contact?.name ? contactName(m.contact.name) : null;
    if (clerk) out.push({ ...at, printed: clerk, role: "clerk", post: null });
  }
  return out;
}

/**
 * Which side of the council a printed form is on. A council's employee cannot be one of its
 * members (Local Government Act 1972 s.80), so an officer's form never joins a councillor's, however
 * alike ("Beverley Stainsby", Assistant Director, and "Mr. B. B. Stainsby CC"). An unmarked name in
 * attendance may be either.
 */
type Side = "officer" | "councillor" | "either";
function sideOf(role: PersonRole, printed: string): Side {
  if (role === "officer" || role === "clerk") return "officer";
  if (role === "in-attendance" && !councillorMark(printed)) return "either";
  return "councillor";
}

function peopleOfCouncil(council: string, input: LinkInput): People {
  const known: (KnownPerson & { parsed: ParsedName; person: Person; side: Side })[] = [];
  for (const s of seenIn(input)) {
    const parsed = parseName(s.printed);
    if (!parsed) continue;
    const side = sideOf(s.role, s.printed);
    const r = resolvePerson(
      parsed,
      side === "either" ? known : known.filter((k) => k.side === side || k.side === "either"),
    );
    const form: PrintedForm = { ...s, rule: r.rule };
    if (r.personId !== null) {
      const k = known[r.personId];
      if (k.side === "either") k.side = side;
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
        side,
      });
    }
  }
  const people = known.map((k) => {
    const p = k.person;
    const kinds = new Set<"councillor" | "officer">();
    for (const f of p.forms) {
      if (f.role === "officer" || f.role === "clerk") kinds.add("officer");
      // "In attendance" lists councillors and officers alike: only a councillor's mark says which.
      else if (f.role !== "in-attendance" || councillorMark(f.printed)) kinds.add("councillor");
    }
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

/** A councillor's mark on a printed name: "CC" after it, or "Cllr" / "Councillor" before it. */
function councillorMark(printed: string): boolean {
  const n = parseName(printed);
  return Boolean(n && (n.title === "cllr" || n.suffixes.includes("CC")));
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
