/**
 * Date and time reading for minutes: "Friday, 10 February 2017", "4TH NOVEMBER 2019",
 * "January 6th 2020", "10th December 2024". Returns ISO strings; never guesses a missing year.
 */

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

const MONTH_WORD =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const DAY_MONTH_YEAR = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_WORD}\\.?,?\\s+(\\d{4})\\b`,
  "i",
);
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH_WORD}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "i");

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function monthNumber(word: string): number {
  const w = word.toLowerCase();
  return MONTHS[w.slice(0, 4) === "sept" ? "sept" : w.slice(0, 3)] ?? 0;
}

export type FoundDate = { iso: string; index: number; length: number };

/** The first written date in `text` (bounded to 600 characters), with where it was found. */
export function findDate(text: string): FoundDate | null {
  const t = text.length > 600 ? text.slice(0, 600) : text;
  const a = DAY_MONTH_YEAR.exec(t);
  const b = MONTH_DAY_YEAR.exec(t);
  const candidates: FoundDate[] = [];
  if (a) {
    const v = iso(Number(a[3]), monthNumber(a[2]), Number(a[1]));
    if (v) candidates.push({ iso: v, index: a.index, length: a[0].length });
  }
  if (b) {
    const v = iso(Number(b[3]), monthNumber(b[1]), Number(b[2]));
    if (v) candidates.push({ iso: v, index: b.index, length: b[0].length });
  }
  candidates.sort((x, y) => x.index - y.index);
  return candidates[0] ?? null;
}

export function parseDate(text: string): string | null {
  return findDate(text)?.iso ?? null;
}

/** "7.30pm", "2.00 pm", "19:15", "10am" → "HH:MM" (first occurrence). */
export function parseTime(text: string): string | null {
  const t = text.length > 300 ? text.slice(0, 300) : text;
  const m = /\b(\d{1,2})(?:[.:](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)(?![a-z])/i.exec(t);
  if (m) {
    let h = Number(m[1]);
    const min = m[2] ? Number(m[2]) : 0;
    const pm = m[3].toLowerCase().startsWith("p");
    if (h > 12 || min > 59) return null;
    if (pm && h < 12) h += 12;
    if (!pm && h === 12) h = 0;
    return `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
  }
  const n = /\b([01]?\d|2[0-3]):([0-5]\d)\b/.exec(t);
  if (n) return `${n[1].padStart(2, "0")}:${n[2]}`;
  return null;
}
