/**
 * Dates and times as councils print them: "Friday 10 March 2017 at 11.00 am", "Tuesday, 2 June 2015",
 * "30th January, 2025, at 10.00 am", "10TH MARCH 2017", "22/10/2009", "19:15", "2.00pm". Converts to
 * ISO dates and 24-hour "HH:MM". Pure; patterns run over a bounded prefix of the text.
 */
import { head } from "./text";

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const MONTH_RE =
  "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_RE}\\.?,?\\s+(\\d{4})\\b`, "i");
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "i");
const NUMERIC = /\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/;
const WEEKDAY = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/i;

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** ISO date when the day exists in that month, else null. */
export function isoDate(y: number, m: number, d: number): string | null {
  if (!(y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

export function monthNumber(name: string): number | null {
  const k = name.toLowerCase().replace(/\.$/, "");
  return MONTHS[k] ?? MONTHS[k.slice(0, 3)] ?? null;
}

export type FoundDate = { iso: string; index: number; length: number };

/**
 * The first written date in the text ("10 March 2017", "10th of December 2024", "March 10, 2017"),
 * else the first numeric one ("10/03/2017"), or null.
 */
export function findDate(text: string): FoundDate | null {
  const t = head(text);
  const written: FoundDate[] = [];
  let m = DAY_MONTH_YEAR.exec(t);
  if (m) {
    const mo = monthNumber(m[2]);
    const iso = mo ? isoDate(Number(m[3]), mo, Number(m[1])) : null;
    if (iso) written.push({ iso, index: m.index, length: m[0].length });
  }
  m = MONTH_DAY_YEAR.exec(t);
  if (m) {
    const mo = monthNumber(m[1]);
    const iso = mo ? isoDate(Number(m[3]), mo, Number(m[2])) : null;
    if (iso) written.push({ iso, index: m.index, length: m[0].length });
  }
  if (written.length) return written.sort((a, b) => a.index - b.index)[0];
  m = NUMERIC.exec(t);
  if (m) {
    let y = Number(m[3]);
    if (y < 100) y += 2000;
    const iso = isoDate(y, Number(m[2]), Number(m[1]));
    if (iso) return { iso, index: m.index, length: m[0].length };
  }
  return null;
}

/** True when the whole text is just a date (with an optional weekday): "17 JANUARY 2017". */
export function isDateOnly(text: string): boolean {
  const t = head(text, 80).trim();
  const d = findDate(t);
  if (!d) return false;
  const rest = (t.slice(0, d.index) + t.slice(d.index + d.length)).replace(WEEKDAY, "").replace(/[\s,.–-]/g, "");
  return rest === "";
}

const TIME_AMPM = /\b(\d{1,2})(?:[.:](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?![a-z])/i;
const TIME_24 = /\b([01]?\d|2[0-3])[:.]([0-5]\d)\b(?!\s*(?:a\.?m|p\.?m))/i;

/** 24-hour "HH:MM" from "11.00 am", "2pm", "2:00pm", "19:15", "noon"; null when none. */
export function findTime(text: string): string | null {
  const t = head(text);
  const m = TIME_AMPM.exec(t);
  if (m) {
    let h = Number(m[1]);
    const min = m[2] ? Number(m[2]) : 0;
    if (h < 1 || h > 12 || min > 59) return null;
    const pm = m[3].toLowerCase().startsWith("p");
    if (pm && h !== 12) h += 12;
    if (!pm && h === 12) h = 0;
    return `${pad(h)}:${pad(min)}`;
  }
  if (/\bnoon\b/i.test(t)) return "12:00";
  const n = TIME_24.exec(t);
  if (n) return `${pad(Number(n[1]))}:${n[2]}`;
  return null;
}

/** Date and time from one printed value: "Friday 10 March 2017 at 11.00 am". */
export function parseDateTime(text: string): { date: string | null; time: string | null } {
  const d = findDate(text);
  // Look for the time outside the date itself so "10 March 2017" never reads as a time.
  const rest = d ? text.slice(0, d.index) + " " + text.slice(d.index + d.length) : text;
  return { date: d?.iso ?? null, time: findTime(rest) };
}
