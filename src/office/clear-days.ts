// Clear days: the one calculator for the whole system (notices, agenda publication, key-decision and
// private-meeting notices), per authority policy. A clear day lies strictly between the day of publication
// and the day of the meeting and is a day the policy counts:
// - principal councils (LGA 1972 Part VA, R v Swansea CC ex p Elitestone): not Saturday, Sunday or a bank holiday;
// - parish councils (LGA 1972 s243(4)): not a Sunday, bank holiday, or a day of the Christmas break (from the
//   last weekday before Christmas Day to the first weekday after it that is not a bank holiday) or the Easter
//   break (Thursday before Easter Day to the Tuesday after). "Weekday" is read as Monday–Friday, the reading
//   that excludes more days and so never calls a late notice lawful.
// Counting is arithmetic over weeks minus a binary search of the excluded days, not a walk; clear-days.test.ts
// holds it equal to a day-by-day walk over 1990–2040. Time is passed in; nothing here reads the clock.

import { easterSunday } from "./bank-holiday-rules";
import { ENGLAND_AND_WALES, type HolidayCalendar } from "./bank-holidays";
import { dayNumber, fromDayNumber, type IsoDate, isoDate, londonDate, weekdayOf } from "./dates";

export type NoticePolicy = "principal" | "parish";
export const NOTICE_POLICIES: readonly NoticePolicy[] = ["principal", "parish"];

/** Clear days of notice a meeting needs: s100A(6)(a) as amended (England) for principal councils, Sch 12 para 10 for parishes. */
export const REQUIRED_CLEAR_DAYS: Record<NoticePolicy, number> = { principal: 5, parish: 3 };

export interface ClearDayCalculator {
  readonly policy: NoticePolicy;
  /** Whether day n (a day number) can be a clear day under this policy. */
  counts(n: number): boolean;
  /** Why a day does not count ("Saturday", "Easter break", a holiday's name), or undefined when it counts. */
  excludedBecause(date: IsoDate): string | undefined;
  /** Clear days strictly between the publication day and the meeting day. */
  clearDaysBetween(published: IsoDate, meeting: IsoDate): number;
  /** The days counted, in order. */
  countedDays(published: IsoDate, meeting: IsoDate): IsoDate[];
  /** The latest calendar day a notice can be published and still give `required` clear days. */
  latestPublicationDate(meeting: IsoDate, required?: number): IsoDate;
}

function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Days in [a, b] falling on weekday w (0 = Sunday). */
function daysWithWeekday(a: number, b: number, w: number): number {
  if (b < a) return 0;
  const r = (((w - 4) % 7) + 7) % 7; // day numbers ≡ r (mod 7) fall on weekday w
  return Math.floor((b - r) / 7) - Math.floor((a - 1 - r) / 7);
}

function yearOf(n: number): number {
  return Number(fromDayNumber(n).slice(0, 4));
}

/** The parish breaks of one year as [first, last] day-number ranges. */
export function parishBreaks(year: number, holidays: HolidayCalendar): { name: string; from: number; to: number }[] {
  const easter = dayNumber(easterSunday(year));
  const christmas = dayNumber(isoDate(year, 12, 25));
  const isWeekday = (n: number) => weekdayOf(n) >= 1 && weekdayOf(n) <= 5;
  let start = christmas - 1;
  while (!isWeekday(start)) start--;
  let end = christmas + 1;
  while (!isWeekday(end) || holidays.isHoliday(end)) end++;
  return [
    { name: "Easter break", from: easter - 3, to: easter + 2 },
    { name: "Christmas break", from: start, to: end },
  ];
}

export function clearDayCalculator(
  policy: NoticePolicy,
  holidays: HolidayCalendar = ENGLAND_AND_WALES,
): ClearDayCalculator {
  const from = dayNumber(holidays.coversFrom);
  const through = dayNumber(holidays.coversThrough);
  // The excluded days that the weekly arithmetic does not already remove, sorted and distinct.
  const extra = new Set<number>();
  const reason = new Map<number, string>();
  for (const n of holidays.days) {
    const wd = weekdayOf(n);
    reason.set(n, holidays.titleOf(fromDayNumber(n)) ?? "bank holiday");
    if (policy === "principal" ? wd !== 0 && wd !== 6 : wd !== 0) extra.add(n);
  }
  if (policy === "parish") {
    for (let y = yearOf(from); y <= yearOf(through); y++) {
      for (const b of parishBreaks(y, holidays)) {
        for (let n = b.from; n <= b.to; n++) {
          if (n < from || n > through) continue;
          if (!reason.has(n)) reason.set(n, b.name);
          if (weekdayOf(n) !== 0) extra.add(n);
        }
      }
    }
  }
  const excluded = [...extra].sort((a, b) => a - b);

  const countRange = (a: number, b: number): number => {
    if (b < a) return 0;
    holidays.assertCovered(a);
    holidays.assertCovered(b);
    const base = b - a + 1 - daysWithWeekday(a, b, 0) - (policy === "principal" ? daysWithWeekday(a, b, 6) : 0);
    return base - (lowerBound(excluded, b + 1) - lowerBound(excluded, a));
  };
  const counts = (n: number): boolean => countRange(n, n) === 1;

  return {
    policy,
    counts,
    excludedBecause(date) {
      const n = dayNumber(date);
      if (counts(n)) return undefined;
      const wd = weekdayOf(n);
      if (wd === 0) return "Sunday";
      if (wd === 6 && policy === "principal" && !reason.has(n)) return "Saturday";
      return reason.get(n) ?? (wd === 6 ? "Saturday" : "excluded");
    },
    clearDaysBetween(published, meeting) {
      return countRange(dayNumber(published) + 1, dayNumber(meeting) - 1);
    },
    countedDays(published, meeting) {
      const out: IsoDate[] = [];
      for (let n = dayNumber(published) + 1; n < dayNumber(meeting); n++) if (counts(n)) out.push(fromDayNumber(n));
      return out;
    },
    latestPublicationDate(meeting, required = REQUIRED_CLEAR_DAYS[policy]) {
      if (!Number.isInteger(required) || required < 0)
        throw new Error(`required clear days must be a whole number ≥ 0`);
      const m = dayNumber(meeting);
      // Estimate from the week arithmetic, then step to the exact day: the answer P is the day before the
      // required-th counted day back from the meeting, i.e. the largest P with countRange(P+1, m-1) ≥ required.
      let p = m - 1 - Math.floor((required * 7) / (policy === "principal" ? 5 : 6));
      while (countRange(p + 1, m - 1) < required) p--;
      while (countRange(p + 2, m - 1) >= required) p++;
      return fromDayNumber(p);
    },
  };
}

const calculators = new Map<NoticePolicy, ClearDayCalculator>();
/** The shared calculator for a policy over the shipped bank holiday table. */
export function clearDays(policy: NoticePolicy): ClearDayCalculator {
  let c = calculators.get(policy);
  if (!c) {
    c = clearDayCalculator(policy);
    calculators.set(policy, c);
  }
  return c;
}

export type NoticeStatus = "on-time" | "late" | "due" | "overdue" | "not-recorded";

export interface NoticeCheck {
  policy: NoticePolicy;
  required: number;
  meetingDate: IsoDate;
  latestPublicationDate: IsoDate;
  /** The latest day on or before latestPublicationDate that the policy counts as a working day. */
  latestWorkingPublicationDate: IsoDate;
  /** The day of publication in England, when published. */
  publishedOn?: IsoDate;
  /** Clear days given (when published) or still available if published today (when overdue). */
  clearDays?: number;
  countedDays?: IsoDate[];
  status: NoticeStatus;
  late: boolean;
}

/**
 * The notice rule for one meeting (R1/R3 of the officer-side note, R13 for parishes): given when (if ever) its
 * notice and agenda were published and the present instant, is it on time, late, still due or overdue?
 */
export function noticeCheck(input: {
  meetingDate: IsoDate;
  policy: NoticePolicy;
  publishedAt?: Date | null;
  now: Date;
  required?: number;
}): NoticeCheck {
  const calc = clearDays(input.policy);
  const required = input.required ?? REQUIRED_CLEAR_DAYS[input.policy];
  const latest = calc.latestPublicationDate(input.meetingDate, required);
  let working = dayNumber(latest);
  while (!calc.counts(working)) working--;
  const base = {
    policy: input.policy,
    required,
    meetingDate: input.meetingDate,
    latestPublicationDate: latest,
    latestWorkingPublicationDate: fromDayNumber(working),
  };
  if (input.publishedAt) {
    const publishedOn = londonDate(input.publishedAt);
    const clear = calc.clearDaysBetween(publishedOn, input.meetingDate);
    const late = clear < required;
    return {
      ...base,
      publishedOn,
      clearDays: clear,
      countedDays: calc.countedDays(publishedOn, input.meetingDate),
      status: late ? "late" : "on-time",
      late,
    };
  }
  const today = londonDate(input.now);
  if (today > input.meetingDate) return { ...base, status: "not-recorded", late: false };
  if (today <= latest) return { ...base, status: "due", late: false };
  const clear = calc.clearDaysBetween(today, input.meetingDate);
  return {
    ...base,
    clearDays: clear,
    countedDays: calc.countedDays(today, input.meetingDate),
    status: "overdue",
    late: true,
  };
}
