// Calendar dates for the office rules: an ISO day ("2026-12-07") as a whole number of days since
// 1970-01-01, so rules count and compare days without time zones; and the one place an instant becomes
// the day it falls on in England (Europe/London), since a paper published at 23:30 BST is published that day.

export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for an ISO calendar date; throws on a malformed or impossible date. */
export function dayNumber(date: IsoDate): number {
  const m = ISO.exec(date);
  if (!m) throw new Error(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new Error(`no such date: ${date}`);
  }
  return Math.round(ms / MS_PER_DAY);
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const london = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The calendar day in England on which an instant falls. */
export function londonDate(instant: Date): IsoDate {
  if (Number.isNaN(instant.getTime())) throw new Error("invalid instant");
  const parts = Object.fromEntries(london.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTH_NAMES = [
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
];

/** "Tuesday 11 March 2025", the form GOV.UK pages use. */
export function longDate(date: IsoDate): string {
  const n = dayNumber(date);
  const [y, m, d] = date.split("-").map(Number);
  return `${WEEKDAY_NAMES[weekdayOf(n)]} ${d} ${MONTH_NAMES[m - 1]} ${y}`;
}
