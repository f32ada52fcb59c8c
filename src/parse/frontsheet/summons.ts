/**
 * A small council's summons, however worded: "You are hereby summoned to attend…", "Notice is hereby
 * given that…", "Councillors are summoned to attend the Annual Meeting of the Council on…",
 * "MEETING TO BE HELD ON TUESDAY, 2nd MARCH 2021" with "7.30pm in the Village Hall" below, or
 * "Date: Monday 3rd March" under a heading that gives the year. Reads the meeting's date (a date with
 * no year takes it from the heading or the letter, checked against the weekday), its time and its
 * venue from the paragraph that summons, never a date of issue ("Dated: …") or a previous meeting's.
 * Pure.
 */
import type { SourceDocument } from "../../model/document";
import { findDate, findTime, isoDate, monthNumber } from "../common/dates";
import { clean, head } from "../common/text";

export type SmallSummons = {
  date: string | null;
  time: string | null;
  location: string | null;
  /** The line the summons (or dated heading) starts on. */
  line: number;
};

/** A paragraph that calls members to a meeting or announces one. */
const SUMMONING =
  /\bsummon(?:s|ed)\b|\bnotice\s+is\s+(?:hereby\s+)?given\b|\b(?:will|is\s+to|to)\s+be\s+held\b|\bmeeting\s+(?:to\s+be\s+)?held\s+on\b|\bmeeting\b[^.]{0,80}?\bon\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
/** What a date of issue or a previous meeting's date is introduced by: not the meeting's date. */
const NOT_MEETING_DATE =
  /\b(?:dated?|issued?|date\s+of\s+issue|published|circulated|posted|minutes\s+of\s+the\s+meeting\s+held|last\s+meeting|previous\s+meeting|next\s+meeting)\b[^.]{0,40}$/i;

const MONTH_NAMES =
  "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
/** "Monday 3rd March", "Tuesday the 4th of March", "3rd March" (no year). */
const DAY_MONTH = new RegExp(
  `\\b(?:(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\\s+(?:the\\s+)?)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_NAMES})\\b(?!\\.?,?\\s+\\d{4})`,
  "i",
);
/** "March 2025", "2025": years the front sheet prints. */
const YEAR = /\b(19[89]\d|20\d\d)\b/g;

/**
 * A date printed without its year ("Monday 3rd March"), completed from the years printed nearby:
 * the one whose calendar puts that day on the printed weekday, else the first. Null when there is no
 * such date or no year to give it.
 */
export function yearlessDate(text: string, years: number[]): { iso: string; index: number; length: number } | null {
  const m = DAY_MONTH.exec(head(text));
  if (!m || !years.length) return null;
  const month = monthNumber(m[3]);
  if (!month) return null;
  const day = Number(m[2]);
  const candidates = [...new Set(years.flatMap((y) => [y, y + 1]))];
  const wd = m[1] ? WEEKDAYS.indexOf(m[1].toLowerCase()) : -1;
  let pick: string | null = null;
  for (const y of wd >= 0 ? candidates : years) {
    const iso = isoDate(y, month, day);
    if (!iso) continue;
    if (wd < 0 || new Date(`${iso}T00:00:00Z`).getUTCDay() === wd) {
      pick = iso;
      break;
    }
  }
  if (!pick && wd >= 0) pick = isoDate(years[0], month, day);
  return pick ? { iso: pick, index: m.index, length: m[0].length } : null;
}

/** The meeting's date in a summons paragraph: the first date not introduced as a date of issue or an earlier meeting's. */
function meetingDate(text: string, years: number[]): { iso: string; index: number; length: number } | null {
  let offset = 0;
  for (let guard = 0; guard < 6; guard++) {
    const rest = text.slice(offset);
    const full = findDate(rest);
    const bare = yearlessDate(rest, years);
    const d = full && (!bare || full.index <= bare.index) ? full : bare;
    if (!d) return null;
    const at = offset + d.index;
    if (!NOT_MEETING_DATE.test(text.slice(Math.max(0, at - 60), at)))
      return { iso: d.iso, index: at, length: d.length };
    offset = at + d.length;
  }
  return null;
}

/** A word that may stand inside a venue's name or address: capitalised, a number, or a joining word. */
const VENUE_WORD = /^(?:[A-Z0-9][\w'’.&-]*,?|of|the|and|&|upon|on-the-\w+|de|la|le|St\.?|\(.*\)?,?)$/;
const WEEKDAY_WORD = /^(?:mon|tues|wednes|thurs|fri|satur|sun)day,?$/i;

/** "in the Village Hall, Church Lane, Brockton on Monday …" → "Village Hall, Church Lane, Brockton". */
export function venueIn(text: string): string | null {
  const re = /\b(?:in|at)\s+(?:the\s+)?(?=[A-Z])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const words = text.slice(m.index + m[0].length, m.index + m[0].length + 200).split(/\s+/);
    const kept: string[] = [];
    for (const w of words) {
      if (!w || !VENUE_WORD.test(w) || WEEKDAY_WORD.test(w) || /^\d{1,2}(?:[.:]\d\d)?(?:am|pm)?,?$/i.test(w)) break;
      if (/^(?:January|February|March|April|May|June|July|August|September|October|November|December)/.test(w)) break;
      kept.push(w);
      // A full stop ends the venue's sentence ("at All Saints Church. Councillors are …"), save after an abbreviation.
      if (/[a-z]{3,}\.$/.test(w) && !/^(?:Rd|St|Ave|Lane)\.$/i.test(w)) break;
    }
    while (kept.length && !/^[A-Z0-9]/.test(kept[kept.length - 1])) kept.pop();
    const venue = kept.join(" ").replace(/[,.]+$/, "");
    // A venue is a place, not a time or the council ("at the Council", "in the Zoom meeting" aside).
    if (!venue || /^(?:Council|Parish Council|Town Council|Community Council|Meeting|Chair|Clerk)$/i.test(venue))
      continue;
    if (/\bCouncil$/.test(venue) && !/\b(?:Offices?|Chamber|Hall|Room|Centre|Building)s?\b/i.test(venue)) continue;
    return venue;
  }
  return null;
}

/** Years printed in the zone's lines (headings such as "MEETING OF THE COUNCIL – MARCH 2025", dates of issue). */
export function yearsNear(doc: SourceDocument, from: number, to: number): number[] {
  const out: number[] = [];
  for (let n = from; n <= to; n++) {
    const t = head(doc.lines[n - 1]?.text ?? "", 300);
    for (const m of t.matchAll(YEAR)) out.push(Number(m[1]));
  }
  return out;
}

/**
 * The summons of a small council's agenda in lines from..to: the first paragraph (lines up to a blank
 * line) that summons or announces a meeting and carries its date. The time may stand on the line
 * below a dated heading ("7.30pm in the Village Hall"). Null when there is none.
 */
export function readSmallSummons(doc: SourceDocument, from: number, to: number): SmallSummons | null {
  const years = yearsNear(doc, from, to);
  let n = from;
  while (n <= to) {
    while (n <= to && !clean(doc.lines[n - 1]?.text ?? "")) n++;
    if (n > to) break;
    const start = n;
    const parts: string[] = [];
    for (; n <= to && parts.length < 8; n++) {
      const t = clean(doc.lines[n - 1]?.text ?? "");
      if (!t) break;
      parts.push(t);
    }
    const para = parts.join(" ");
    if (!SUMMONING.test(head(para, 600))) continue;
    const d = meetingDate(para, years);
    if (!d) continue;
    const after = para.slice(d.index + d.length);
    let time = findTime(after) ?? findTime(para.slice(0, d.index));
    let location = venueIn(after) ?? venueIn(para.slice(0, d.index));
    // A dated heading with the time and place on the next paragraph ("7.30pm in the Village Hall").
    if (!time || !location) {
      let k = n;
      while (k <= to && !clean(doc.lines[k - 1]?.text ?? "")) k++;
      const below = clean(doc.lines[k - 1]?.text ?? "");
      const t = findTime(below.slice(0, 20));
      if (t && below.length <= 160) {
        time ??= t;
        location ??= venueIn(below);
      }
    }
    return { date: d.iso, time, location, line: start };
  }
  return null;
}
