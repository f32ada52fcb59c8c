/**
 * Facts read from a minutes section's text outside its items' structure: Schedule 12A paragraphs,
 * the next meeting's date, a chair elected at the meeting, the signed closing block ("2.00 - 3.40
 * pm" / date / "CHAIRMAN") and which item titles are procedural (never key decisions).
 */
import { findDate } from "./dates";

const EXEMPT =
  /\bparagraphs?\s+(\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2}){0,8})\s+(?:of\s+)?(?:part\s+(?:1|I|one)\s+(?:of\s+)?)?(?:schedule\s+12\s*\(?A\)?|the\s+schedule)/gi;
export const PROCEDURAL =
  /^(?:to\s+(?:consider|receive|note|accept|record)\s+)?(?:apologies|declarations?|minutes|urgent|exclusion\s+of\s+(?:the\s+)?(?:press|public)|election\s+of|chair(?:man|person)?['’]?s\s+announcements|(?:to\s+)?approv(?:e|al\s+of)\b.{0,20}\bminutes|matters\s+arising|close\s+of\s+(?:the\s+)?meeting|public\s+participation|questions?\b|question\s+time|petitions?|presentation\s+of\s+petitions|date\s+of\s+(?:the\s+)?next\s+meeting|items?\s+referred|to\s+advise\s+of\s+any\s+other\s+items)/i;
export const MARKED = /\bmarked\s+['‘"“]\s*(?:agenda\s+item\s+)?(\d{1,3}[a-z]?)\s*['’"”]/i;

export function exemptParagraphs(texts: string[]): number[] {
  const found = new Set<number>();
  for (const raw of texts) {
    const t = raw.length > 3000 ? raw.slice(0, 3000) : raw;
    EXEMPT.lastIndex = 0;
    let m: RegExpExecArray | null = EXEMPT.exec(t);
    while (m) {
      for (const d of m[1].match(/\d{1,2}/g) ?? []) found.add(Number(d));
      m = EXEMPT.exec(t);
    }
  }
  return [...found].sort((a, b) => a - b);
}

/** "It was noted that the next meeting ... would be held on 17 January 2016 at 2.00pm." */
export function nextMeetingDate(texts: string[]): string | null {
  for (const raw of texts) {
    const t = raw.length > 2000 ? raw.slice(0, 2000) : raw;
    const i = t.search(/\bnext\s+(?:(?:ordinary|scheduled|full|parish\s+council|council)\s+)?meeting\b/i);
    if (i < 0) continue;
    const d = findDate(t.slice(i, i + 220));
    if (d) return d.iso;
  }
  return null;
}

const ELECTED =
  /\b((?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?(?:\s+[A-Z][A-Za-z.'-]*){1,4})\s+(?:be|was|is)\s+(?:duly\s+)?elected\s+(?:to\s+(?:the\s+)?|as\s+(?:the\s+)?)?[Cc]hair(?:man|person)?\b/;

/** The person a RESOLVED elects to chair the meeting, as printed in the attendance list when there. */
export function electedChair(texts: string[], first: number, last: number, present: string[]): string | null {
  for (let i = first; i <= last && i < first + 400; i++) {
    const t = texts[i];
    if (!t || !/elected/i.test(t)) continue;
    const m = ELECTED.exec(`${t} ${texts[i + 1] ?? ""}`.slice(0, 400));
    if (!m) continue;
    const who = m[1].trim();
    const surname = who.split(" ").pop()?.toLowerCase() ?? "";
    const listed = present.find((p) =>
      p
        .toLowerCase()
        .split(/[\s,]+/)
        .includes(surname),
    );
    return listed ?? who;
  }
  return null;
}

const TIME_RANGE =
  /\b(\d{1,2})[.:](\d{2})\s*([ap])?\.?m?\.?\s*(?:-|–|to)\s*(\d{1,2})[.:](\d{2})\s*([ap])\.?m\.?(?![a-z])/i;

/** "2.00 - 3.10 pm" → "14:00"; a start without am/pm takes the end's unless that would put it after the end. */
function startOfRange(m: RegExpExecArray): string | null {
  let h = Number(m[1]);
  const min = Number(m[2]);
  const endPm = m[6].toLowerCase() === "p";
  const endH = Number(m[4]) % 12;
  let pm = m[3] ? m[3].toLowerCase() === "p" : endPm;
  if (!m[3] && endPm && h % 12 > endH) pm = false;
  if (h > 12 || min > 59) return null;
  if (pm && h < 12) h += 12;
  if (!pm && h === 12) h = 0;
  return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
}

/** The signed closing block at the end of a minutes section, read backwards from its last line. */
export function closingBlock(
  texts: string[],
  first: number,
  last: number,
): { start: number; time: string | null } | null {
  let start = -1;
  let time: string | null = null;
  let signed = false;
  for (let k = last, steps = 0; k >= first && steps < 8; k--) {
    const t = texts[k];
    if (!t) continue;
    steps++;
    if (t.length > 80) break;
    const range = TIME_RANGE.exec(t);
    const isSignature =
      /\bchair(?:man|person)?\b\s*[.…_]*$/i.test(t) && t.length < 60 && !/[a-z]{3,}\s+[a-z]{3,}/.test(t);
    const isDate = /^(?:[a-z]+day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\s+\d{4}\.?$/i.test(t);
    const isSigned = /^(?:signed|date|dated)\b[\s:]*[.…_]{3,}/i.test(t);
    if (!range && !isSignature && !isDate && !isSigned) break;
    if (range) time = startOfRange(range);
    if (isSignature || isSigned) signed = true;
    start = k;
  }
  if (start < 0 || (!signed && !time)) return null;
  return { start, time };
}

const NAME_RE = "((?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\\.?\\s+)?[A-Z][\\w'’-]*(?:\\s+[A-Z][\\w'’-]*){0,3})";
const CHAIRED = new RegExp(
  `\\b(?:[Cc]haired\\s+by|[Cc]hair\\s+(?:was\\s+)?taken\\s+by)\\s+${NAME_RE}|${NAME_RE}\\s+(?:was\\s+in|took)\\s+the\\s+[Cc]hair\\b`,
);

/** "The Meeting was Chaired by John Slater." / "Cllr Smith took the chair.": the chair, as listed when listed. */
export function chairFromText(texts: string[], first: number, last: number, present: string[]): string | null {
  for (let i = first; i <= last && i < first + 80; i++) {
    const t = texts[i];
    if (!t || !/chair/i.test(t)) continue;
    const m = CHAIRED.exec(t.slice(0, 600));
    if (!m) continue;
    const who = (m[1] ?? m[2]).trim();
    if (/^(?:the|he|she|they|it)$/i.test(who)) continue;
    const surname = who.split(" ").pop()?.toLowerCase() ?? "";
    return (
      present.find((p) =>
        p
          .toLowerCase()
          .split(/[\s,]+/)
          .includes(surname),
      ) ?? who
    );
  }
  return null;
}
