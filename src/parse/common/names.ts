/**
 * People as councils print them: member lists with honorifics and post-nominals ("Mr. N. J. Rushton
 * CC (Chairman)", two names on one line), officer names ("Jon Wilson"), phone numbers and e-mail
 * addresses. Pure; every pattern runs over a bounded prefix.
 */
import { clean, head } from "./text";

const HONORIFIC = "(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Cllr|Councillor|Rev|Revd)";
/** Split points: before an honorific that starts a new name (a word boundary, then "Mr." etc.). */
const NAME_START = new RegExp(`(?:^|\\s)(?=${HONORIFIC}\\.?\\s+[A-Z])`, "g");
export const HONORIFIC_START = new RegExp(`^${HONORIFIC}\\.?\\s+[A-Z]`);

const ROLE_SUFFIX =
  /\s*\((Chairman|Chair|Chairwoman|Chairperson|(?:Vice|Deputy)[- ]?Chair(?:man|woman|person)?|Independent Chair|Independent Member|Leader|Deputy Leader|Mayor|Deputy Mayor|in the Chair)\)\s*$/i;

export type PrintedName = { name: string; role: string | null };

/** Splits a role in brackets off a printed name: "Mr. A CC (Chairman)" → role "Chairman". */
export function splitRole(text: string): PrintedName {
  const t = clean(text).replace(/[;,]\s*$/, "");
  const m = ROLE_SUFFIX.exec(t);
  if (!m) return { name: t, role: null };
  return { name: t.slice(0, m.index).trim(), role: m[1] };
}

/**
 * Splits a line holding one or more honorific-led names ("Mr. R. Blunt CC Mr. B. L. Pain CC") into
 * names. Lines without honorifics come back whole.
 */
export function splitHonorificNames(text: string): string[] {
  const t = clean(text);
  const starts: number[] = [];
  NAME_START.lastIndex = 0;
  for (let m = NAME_START.exec(t); m; m = NAME_START.exec(t)) {
    starts.push(m.index === 0 ? 0 : m.index + 1);
    if (NAME_START.lastIndex === m.index) NAME_START.lastIndex++;
  }
  if (!starts.length || starts[0] !== 0) starts.unshift(0);
  const out: string[] = [];
  for (let i = 0; i < starts.length; i++) {
    const part = t
      .slice(starts[i], i + 1 < starts.length ? starts[i + 1] : t.length)
      .trim()
      .replace(/^(?:and|&)\s+/i, "")
      .replace(/(?:,|\s+and|\s*&)$/i, "")
      .trim();
    if (part) out.push(part);
  }
  return out;
}

/** Words that mark a role, department or organisation rather than a person's name. */
const ROLE_WORDS = new Set(
  (
    "director directorate head manager officer assistant chief executive service services department dept council " +
    "county city borough district team lead leader partner business finance corporate policy strategic strategy " +
    "commissioning democratic governance support adults adult children communities community transport environment " +
    "resources clerk chair chairman secretary treasurer solicitor monitoring planning principal senior deputy interim " +
    "group unit board committee panel programme project consultant coordinator co-ordinator advisor adviser analyst " +
    "engineer administrator accountant auditor audit legal law health care social public safeguarding highways waste " +
    "tel telephone email e-mail phone mobile fax contact contacts officers appendix appendices background papers none part"
  ).split(" "),
);

/** "Jon Wilson", "Sandy McMillan", "Mary-Ann O'Neil": a person's name with no role words. */
export function looksLikePersonName(text: string): boolean {
  const t = clean(text).replace(/^(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+/, "");
  if (t.length < 3 || t.length > 45 || /[\d@:;/()]/.test(t)) return false;
  const words = t.split(" ");
  if (words.length < 2 || words.length > 5) return false;
  for (const w of words) {
    if (!/^[A-Z][A-Za-z'’.-]*$/.test(w)) return false;
    if (ROLE_WORDS.has(w.toLowerCase().replace(/[.,]$/, ""))) return false;
  }
  return true;
}

const EMAIL = /[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,6}/;
/**
 * UK phone numbers: "0116 305 6225", "(0116) 305 7966", "03000 414043", "020 8545 3616", "+44 ...",
 * and the five-figure numbers of small exchanges under a five- or six-figure code ("017683 52469").
 */
const PHONE = /(?:\+44\s?\(?0?\)?\s?|\(?0)(?:\d{4,5}\)?[\s-]?\d{5,6}|\d{2,4}\)?[\s-]?\d{3,4}[\s-]?\d{3,4})\b/;

export function findEmail(text: string): { value: string; index: number } | null {
  const m = EMAIL.exec(head(text));
  return m ? { value: m[0].replace(/[.]+$/, ""), index: m.index } : null;
}

export function findPhone(text: string): { value: string; index: number } | null {
  const m = PHONE.exec(head(text));
  return m ? { value: m[0].trim(), index: m.index } : null;
}

/** A printed name's surname and initials, without honorific or role: "Cllr K. Osborne" → osborne, ["k"]. */
function nameParts(text: string): { surname: string; initials: string[] } {
  const words = clean(text)
    .replace(/\([^)]*\)/g, " ")
    .replace(new RegExp(`^(?:${HONORIFIC}\\.?\\s+)+`, "i"), "")
    .split(/[\s.]+/)
    .filter(Boolean);
  const surname = (words.pop() ?? "").toLowerCase();
  return { surname, initials: words.map((w) => w[0].toLowerCase()) };
}

/**
 * Whether two printings name the same person: the same surname, and the same initials where both
 * print them ("Osborne" and "Cllr K Osborne" do; "Cllr K Osborne" and "Cllr P Osborne" do not).
 */
export function samePerson(a: string, b: string): boolean {
  const x = nameParts(a);
  const y = nameParts(b);
  if (!x.surname || x.surname !== y.surname) return false;
  if (!x.initials.length || !y.initials.length) return true;
  return x.initials[0] === y.initials[0];
}
