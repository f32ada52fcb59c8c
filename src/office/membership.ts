// Dated committee membership as pure rules: who sat on a committee on a given day (a seat runs from its
// first day to its last day inclusive, open-ended when no end is set), and the register-of-interests
// deadline of Localism Act 2011 s30 (28 days from taking office).

import { addDays, type IsoDate } from "./dates";

export interface DatedSeat {
  from: IsoDate;
  to: IsoDate | null;
}

export function seatedOn<T extends DatedSeat>(seats: readonly T[], date: IsoDate): T[] {
  return seats.filter((s) => s.from <= date && (s.to === null || s.to >= date));
}

/** s30: a member notifies the monitoring officer of their interests within 28 days of taking office. */
export const REGISTER_DAYS = 28;

export type RegisterStatus =
  | { status: "filed"; filedOn: IsoDate; dueBy: IsoDate; late: boolean; daysLate: number }
  | { status: "due"; dueBy: IsoDate }
  | { status: "overdue"; dueBy: IsoDate; daysLate: number };

/** Whether a member's register was filed in time; `firstFiled` is the first entry's submission date (or null). */
export function registerStatus(tookOffice: IsoDate, firstFiled: IsoDate | null, today: IsoDate): RegisterStatus {
  const dueBy = addDays(tookOffice, REGISTER_DAYS);
  const daysBetween = (a: IsoDate, b: IsoDate) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
  if (firstFiled) {
    const daysLate = Math.max(0, daysBetween(dueBy, firstFiled));
    return { status: "filed", filedOn: firstFiled, dueBy, late: daysLate > 0, daysLate };
  }
  if (today <= dueBy) return { status: "due", dueBy };
  return { status: "overdue", dueBy, daysLate: daysBetween(dueBy, today) };
}
