// The rules that make England and Wales bank holidays (Banking and Financial Dealings Act 1971 and the
// yearly proclamations), so the shipped table can be regenerated and checked with no network: Easter by
// the Gregorian computus, fixed days with their substitute days, and the one-off days proclaimed so far
// (moves and extra days), which a maintainer adds here by hand when a new one is announced.

import { dayNumber, fromDayNumber, type IsoDate, isoDate, weekdayOf } from "./dates";

export interface BankHoliday {
  date: IsoDate;
  title: string;
}

/** Easter Day (Western, Gregorian) by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** Proclaimed exceptions: a regular holiday moved to another day that year. */
const MOVED: Record<string, IsoDate> = {
  // VE Day anniversaries moved the early May bank holiday from the first Monday.
  "1995:early-may": "1995-05-08",
  "2020:early-may": "2020-05-08",
  // Jubilee years moved the spring bank holiday into June.
  "2002:spring": "2002-06-04",
  "2012:spring": "2012-06-04",
  "2022:spring": "2022-06-02",
};

/** Proclaimed one-off days (celebration, thanksgiving or mourning). */
export const ONE_OFF_HOLIDAYS: readonly BankHoliday[] = [
  { date: "1999-12-31", title: "Millennium Celebrations" },
  { date: "2002-06-03", title: "Golden Jubilee of Queen Elizabeth II" },
  { date: "2011-04-29", title: "Wedding of Prince William and Catherine Middleton" },
  { date: "2012-06-05", title: "Diamond Jubilee of Queen Elizabeth II" },
  { date: "2022-06-03", title: "Platinum Jubilee of Queen Elizabeth II" },
  { date: "2022-09-19", title: "State Funeral of Queen Elizabeth II" },
  { date: "2023-05-08", title: "Coronation of King Charles III" },
];

function firstMonday(year: number, month: number): number {
  const first = dayNumber(isoDate(year, month, 1));
  return first + ((8 - weekdayOf(first)) % 7);
}

function lastMonday(year: number, month: number): number {
  const last = dayNumber(isoDate(year, month + 1, 1)) - 1;
  return last - ((weekdayOf(last) + 6) % 7);
}

/** Saturday or Sunday → the following Monday (for a day whose next day is not itself a holiday). */
function nextWeekday(n: number): number {
  const wd = weekdayOf(n);
  return wd === 6 ? n + 2 : wd === 0 ? n + 1 : n;
}

/** Every England and Wales bank holiday of one year (from 1978, when the early May holiday began), in date order. */
export function bankHolidaysByRule(year: number): BankHoliday[] {
  if (year < 1978) throw new Error(`bank holiday rules start in 1978, not ${year}`);
  const out: { n: number; title: string }[] = [];
  const add = (n: number, title: string) => out.push({ n, title });

  const newYear = dayNumber(isoDate(year, 1, 1));
  add(nextWeekday(newYear), weekdayOf(newYear) % 6 === 0 ? "New Year’s Day (substitute day)" : "New Year’s Day");

  const easter = dayNumber(easterSunday(year));
  add(easter - 2, "Good Friday");
  add(easter + 1, "Easter Monday");

  const moved = (key: string, n: number) => (MOVED[`${year}:${key}`] ? dayNumber(MOVED[`${year}:${key}`]) : n);
  add(moved("early-may", firstMonday(year, 5)), "Early May bank holiday");
  add(moved("spring", lastMonday(year, 5)), "Spring bank holiday");
  add(lastMonday(year, 8), "Summer bank holiday");

  // Christmas and Boxing Day: a day falling at the weekend is replaced by the next weekday not already taken.
  const christmas = dayNumber(isoDate(year, 12, 25));
  const wd = weekdayOf(christmas);
  if (wd === 6) {
    add(christmas + 2, "Christmas Day (substitute day)");
    add(christmas + 3, "Boxing Day (substitute day)");
  } else if (wd === 0) {
    add(christmas + 1, "Boxing Day");
    add(christmas + 2, "Christmas Day (substitute day)");
  } else if (wd === 5) {
    add(christmas, "Christmas Day");
    add(christmas + 3, "Boxing Day (substitute day)");
  } else {
    add(christmas, "Christmas Day");
    add(christmas + 1, "Boxing Day");
  }

  for (const h of ONE_OFF_HOLIDAYS) if (h.date.startsWith(`${year}-`)) add(dayNumber(h.date), h.title);
  return out.sort((a, b) => a.n - b.n).map(({ n, title }) => ({ date: fromDayNumber(n), title }));
}
