/**
 * Date, time and name formatting in the printed conventions of English committee papers
 * ("Friday 10 March 2017 at 11.00 am", "10 March 2017", "CABINET – 10 MARCH 2017"). Pure.
 */

export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

export const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

function parts(iso: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`not an ISO date: ${iso}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

/** "1st", "2nd", "3rd", "11th", "23rd": a day of the month as clerks write it in words. */
export function ordinal(n: number): string {
  const t = n % 100;
  if (t >= 11 && t <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}

/** Day of the week, 0 = Sunday, for an ISO date (proleptic Gregorian, no time zones involved). */
export function weekdayOf(iso: string): number {
  const { y, m, d } = parts(iso);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** "10 March 2017" */
export function longDate(iso: string): string {
  const { y, m, d } = parts(iso);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "Friday, 10 March 2017" (withComma) or "Friday 10 March 2017". */
export function dayDate(iso: string, withComma = true): string {
  return `${WEEKDAYS[weekdayOf(iso)]}${withComma ? "," : ""} ${longDate(iso)}`;
}

/** "March 2027" */
export function monthYear(iso: string): string {
  const { y, m } = parts(iso);
  return `${MONTHS[m - 1]} ${y}`;
}

/** "14:00" → "2.00 pm"; "10:30" → "10.30 am"; "12:00" → "12.00 pm". */
export function clock(hhmm: string): string {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!match) throw new Error(`not a 24-hour time: ${hhmm}`);
  const h = Number(match[1]);
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}.${match[2]} ${h < 12 ? "am" : "pm"}`;
}

/** "14:00", 100 minutes → "15:40" (wraps within the day). */
export function addMinutes(hhmm: string, minutes: number): string {
  const [h, m] = hhmm.split(":").map(Number);
  const t = (h * 60 + m + minutes) % (24 * 60);
  return `${String(Math.floor(t / 60)).padStart(2, "0")}:${String(t % 60).padStart(2, "0")}`;
}

/** "CABINET – 10 MARCH 2017": the header line that opens every officer report in a pack. */
export function reportHeader(body: string, iso: string): string {
  return `${body.toUpperCase()} – ${longDate(iso).toUpperCase()}`;
}

/** Adds whole days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const { y, m, d } = parts(iso);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The n-th (1-based) given weekday of a month, as an ISO date. */
export function nthWeekday(y: number, m: number, weekday: number, n: number): string {
  const first = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
  const day = 1 + ((weekday - first + 7) % 7) + (n - 1) * 7;
  return isoDate(y, m, day);
}

/** "a, b and c" */
export function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "£750,000", "£2.85m" */
export function money(pounds: number): string {
  if (pounds >= 1_000_000) {
    const m = pounds / 1_000_000;
    return `£${Number.isInteger(m) ? m.toFixed(0) : m.toFixed(2).replace(/0$/, "")}m`;
  }
  return `£${pounds.toLocaleString("en-GB")}`;
}
