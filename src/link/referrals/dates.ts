/**
 * Dates as councils print them inside resolutions: "23 November 2016", "17th February 2017",
 * "March 2017", "Spring 2019", "late 2017", "the autumn", "2017/18", "six months". Each becomes a
 * window (first and last ISO day) so month-precise promises can be compared with meeting dates.
 * Pure; the patterns are linear (no nested repetition).
 */

export type DateWindow = {
  /** Text as printed. */
  raw: string;
  /** Offset of the match in the text. */
  index: number;
  precision: "day" | "month" | "season" | "year";
  start: string;
  end: string;
};

const MONTH_NAMES = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MONTH_ALT = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec";
const MONTH_RE = `(${MONTH_NAMES.join("|")}|${MONTH_ALT})`;

/** 1–12 for a month's name or its short form, 0 when the word is no month. */
export function monthIndex(word: string): number {
  const w = word.toLowerCase();
  const full = MONTH_NAMES.indexOf(w);
  if (full >= 0) return full + 1;
  const short = MONTH_NAMES.findIndex((m) => m.startsWith(w.slice(0, 3)));
  return short >= 0 ? short + 1 : 0;
}

const pad = (n: number) => String(n).padStart(2, "0");

export function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function monthWindow(year: number, first: number, last = first): { start: string; end: string } {
  return { start: `${year}-${pad(first)}-01`, end: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
}

/** A valid ISO date or null ("2016-02-30" → null). */
export function isoDay(year: number, month: number, day: number): string | null {
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= lastDay(year, month))) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

const SEASONS: Record<string, [number, number]> = {
  spring: [3, 5],
  summer: [6, 8],
  autumn: [9, 11],
  fall: [9, 11],
  winter: [12, 14],
};

function seasonWindow(season: string, year: number): { start: string; end: string } {
  const [a, b] = SEASONS[season];
  if (b > 12) return { start: `${year}-12-01`, end: `${year + 1}-02-${pad(lastDay(year + 1, 2))}` };
  return monthWindow(year, a, b);
}

/** Every date-like mention in the text, earliest first; `today` anchors yearless seasons. */
export function findDates(text: string, anchor: string | null = null): DateWindow[] {
  const out: DateWindow[] = [];
  const taken: [number, number][] = [];
  const free = (i: number, len: number) => !taken.some(([a, b]) => i < b && i + len > a);
  const push = (w: DateWindow, len: number) => {
    if (!free(w.index, len)) return;
    taken.push([w.index, w.index + len]);
    out.push(w);
  };
  const day = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE}\\.?,?\\s+(\\d{4})\\b`, "gi");
  for (const m of text.matchAll(day)) {
    const y = Number(m[3]);
    const iso = isoDay(y, monthIndex(m[2]), Number(m[1]));
    if (iso) push({ raw: m[0], index: m.index ?? 0, precision: "day", start: iso, end: iso }, m[0].length);
  }
  const month = new RegExp(`\\b${MONTH_RE}\\.?,?\\s+(\\d{4})\\b`, "gi");
  for (const m of text.matchAll(month)) {
    const w = monthWindow(Number(m[2]), monthIndex(m[1]));
    push({ raw: m[0], index: m.index ?? 0, precision: "month", ...w }, m[0].length);
  }
  const season = /\b(spring|summer|autumn|fall|winter)\s+(?:of\s+)?(\d{4})\b/gi;
  for (const m of text.matchAll(season)) {
    const w = seasonWindow(m[1].toLowerCase(), Number(m[2]));
    push({ raw: m[0], index: m.index ?? 0, precision: "season", ...w }, m[0].length);
  }
  const part = /\b(early|mid|late|end of)[\s-]+(\d{4})\b/gi;
  for (const m of text.matchAll(part)) {
    const y = Number(m[2]);
    const which = m[1].toLowerCase();
    const w = which === "early" ? monthWindow(y, 1, 4) : which === "mid" ? monthWindow(y, 5, 8) : monthWindow(y, 9, 12);
    push({ raw: m[0], index: m.index ?? 0, precision: "season", ...w }, m[0].length);
  }
  // Financial years: "2017/18" runs April 2017 to March 2018.
  const fy = /\b(\d{4})\/(\d{2})\b/g;
  for (const m of text.matchAll(fy)) {
    const y = Number(m[1]);
    if ((y + 1) % 100 !== Number(m[2])) continue;
    push(
      { raw: m[0], index: m.index ?? 0, precision: "year", start: `${y}-04-01`, end: `${y + 1}-03-31` },
      m[0].length,
    );
  }
  const year = /\b(?:in|during|by)\s+(\d{4})\b/gi;
  for (const m of text.matchAll(year)) {
    const y = Number(m[1]);
    push({ raw: m[0], index: m.index ?? 0, precision: "year", start: `${y}-01-01`, end: `${y}-12-31` }, m[0].length);
  }
  if (anchor) {
    // "in the autumn": the next such season from the anchor date.
    const bare = /\b(?:in|during|by)\s+the\s+(spring|summer|autumn|fall|winter)\b/gi;
    for (const m of text.matchAll(bare)) {
      const s = m[1].toLowerCase();
      let y = Number(anchor.slice(0, 4));
      if (seasonWindow(s, y).end < anchor) y++;
      push({ raw: m[0], index: m.index ?? 0, precision: "season", ...seasonWindow(s, y) }, m[0].length);
    }
  }
  out.sort((a, b) => a.index - b.index);
  return out;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  a: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  eighteen: 18,
  "twenty-four": 24,
};

/** "in six months", "within 3 months", "in a year's time", "in 12 months' time": months ahead, or null. */
export function findRelative(text: string): { months: number; raw: string; index: number } | null {
  const re = /\b(?:in|within|after)\s+(?:the\s+next\s+)?([a-z-]+|\d{1,2})\s+(months?|years?)\b/gi;
  for (const m of text.matchAll(re)) {
    const n = /^\d+$/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1].toLowerCase()];
    if (!n) continue;
    const months = m[2].toLowerCase().startsWith("year") ? n * 12 : n;
    return { months, raw: m[0], index: m.index ?? 0 };
  }
  const yearTime = /\b(?:in|within)\s+a\s+year'?s?\s+time\b/i.exec(text);
  if (yearTime) return { months: 12, raw: yearTime[0], index: yearTime.index };
  return null;
}

export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return `${ny}-${pad(nm)}-${pad(Math.min(d, lastDay(ny, nm)))}`;
}

/** Whether a string is a real ISO calendar day. */
export function isIsoDate(s: string | null | undefined): s is string {
  if (typeof s !== "string" || s.length !== 10 || s[4] !== "-" || s[7] !== "-") return false;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  return Number.isInteger(y) && isoDay(y, m, d) === s;
}
