// The England and Wales bank holiday calendar the office rules count with: the shipped dated table
// (bank-holidays.generated.ts, refreshed by scripts/refresh-bank-holidays.ts) behind a lookup that refuses
// to answer for days the table does not cover, so a stale table fails loudly instead of miscounting.

import { BANK_HOLIDAY_TABLE } from "./bank-holidays.generated";
import { dayNumber, type IsoDate } from "./dates";

export interface HolidayCalendar {
  readonly coversFrom: IsoDate;
  readonly coversThrough: IsoDate;
  /** Sorted day numbers of the holidays. */
  readonly days: readonly number[];
  titleOf(date: IsoDate): string | undefined;
  isHoliday(n: number): boolean;
  /** Throws when day n lies outside the table. */
  assertCovered(n: number): void;
}

export function holidayCalendar(table: {
  coversFrom: IsoDate;
  coversThrough: IsoDate;
  holidays: readonly (readonly [IsoDate, string])[];
}): HolidayCalendar {
  const titles = new Map(table.holidays.map(([d, t]) => [d, t]));
  const days = [...new Set(table.holidays.map(([d]) => dayNumber(d)))].sort((a, b) => a - b);
  const set = new Set(days);
  const from = dayNumber(table.coversFrom);
  const through = dayNumber(table.coversThrough);
  return {
    coversFrom: table.coversFrom,
    coversThrough: table.coversThrough,
    days,
    titleOf: (date) => titles.get(date),
    isHoliday: (n) => set.has(n),
    assertCovered(n) {
      if (n < from || n > through) {
        throw new Error(
          `the bank holiday table covers ${table.coversFrom} to ${table.coversThrough}; a date outside it cannot be counted (run scripts/refresh-bank-holidays.ts)`,
        );
      }
    },
  };
}

/** The calendar shipped with Minutebook. */
export const ENGLAND_AND_WALES = holidayCalendar(BANK_HOLIDAY_TABLE);
