// The municipal-year calendar as pure rules: a meeting template ("the second Tuesday of June, September,
// November, January and March at 10:00") becomes dated meetings within a municipal year (May to April),
// a date that falls on a bank holiday moving to the next working day.

import { ENGLAND_AND_WALES, type HolidayCalendar } from "./bank-holidays";
import { dayNumber, fromDayNumber, type IsoDate, isoDate, weekdayOf } from "./dates";

export interface MeetingTemplate {
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** 1–4 for the first to fourth such weekday of the month, or -1 for the last. */
  week: number;
  /** Calendar months 1–12 in which the committee meets. */
  months: number[];
}

/** The municipal year that starts in May of `startYear` (e.g. 2026 → May 2026 to April 2027). */
export function municipalYearMonths(startYear: number): { year: number; month: number }[] {
  return Array.from({ length: 12 }, (_, i) => ({
    year: startYear + Math.floor((i + 4) / 12),
    month: ((i + 4) % 12) + 1,
  }));
}

export function nthWeekday(year: number, month: number, weekday: number, week: number): IsoDate {
  if (week === -1) {
    const last = dayNumber(month === 12 ? isoDate(year + 1, 1, 1) : isoDate(year, month + 1, 1)) - 1;
    return fromDayNumber(last - ((weekdayOf(last) - weekday + 7) % 7));
  }
  const first = dayNumber(isoDate(year, month, 1));
  return fromDayNumber(first + ((weekday - weekdayOf(first) + 7) % 7) + 7 * (week - 1));
}

/** The meeting dates a template gives in one municipal year, in order. */
export function scheduleFromTemplate(
  template: MeetingTemplate,
  startYear: number,
  holidays: HolidayCalendar = ENGLAND_AND_WALES,
): IsoDate[] {
  if (!Number.isInteger(template.weekday) || template.weekday < 0 || template.weekday > 6)
    throw new Error("weekday must be 0–6");
  if (![1, 2, 3, 4, -1].includes(template.week)) throw new Error("week must be 1–4 or -1 (last)");
  const out: IsoDate[] = [];
  for (const { year, month } of municipalYearMonths(startYear)) {
    if (!template.months.includes(month)) continue;
    let n = dayNumber(nthWeekday(year, month, template.weekday, template.week));
    while (holidays.isHoliday(n) || weekdayOf(n) === 0 || weekdayOf(n) === 6) n++;
    out.push(fromDayNumber(n));
  }
  return out;
}
