// Decisions carried forward to the body that has to act on them: "recommended to the County Council",
// "forwarded to the Cabinet", "a further report in March 2027". Each becomes a pending item for the
// receiving committee, due at its first meeting after the deciding meeting (and not before the promised
// month); it stays offered to that committee's agenda until an item places it or it is closed. Pure:
// the items, the calendar and the time are passed in. suggestCarryForward reads a resolution's wording
// for the workspace to prefill; the officer confirms.
import { promiseIn } from "../link/followups/followups";
import { sameBody } from "../link/referrals/bodies";
import { sentTo } from "../link/referrals/referrals";
import type { IsoDate } from "./dates";

export type PendingItem = {
  id: number;
  kind: "referral" | "promise";
  fromCommitteeId: number;
  fromCommitteeName: string;
  fromMeetingId: number;
  fromMeetingDate: IsoDate;
  minuteNumber: string;
  toCommitteeId: number;
  text: string;
  notBefore: IsoDate | null;
  placedMeetingId: number | null;
  closedAt: string | null;
};

export type MeetingSlot = { meetingId: number; committeeId: number; date: IsoDate; cancelled: boolean };

export type OfferedItem = PendingItem & {
  due: MeetingSlot | null;
  /** Its due meeting has passed without the item being placed. */
  overdue: boolean;
};

/** The receiving body's first meeting after the deciding meeting and on or after notBefore. */
export function dueMeeting(item: PendingItem, meetings: readonly MeetingSlot[]): MeetingSlot | null {
  const floor = item.notBefore && item.notBefore > item.fromMeetingDate ? item.notBefore : null;
  return (
    meetings
      .filter(
        (m) =>
          m.committeeId === item.toCommitteeId &&
          !m.cancelled &&
          m.date > item.fromMeetingDate &&
          (floor === null || m.date >= floor),
      )
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.meetingId - b.meetingId))[0] ?? null
  );
}

/** The open items offered to `committeeId`'s agenda at `today`, soonest due first. */
export function pendingItemsFor(
  items: readonly PendingItem[],
  committeeId: number,
  meetings: readonly MeetingSlot[],
  today: IsoDate,
): OfferedItem[] {
  return items
    .filter((i) => i.toCommitteeId === committeeId && i.placedMeetingId === null && i.closedAt === null)
    .map((i) => {
      const due = dueMeeting(i, meetings);
      return { ...i, due, overdue: due !== null && due.date < today };
    })
    .sort((a, b) => (a.due?.date ?? "9999").localeCompare(b.due?.date ?? "9999") || a.id - b.id);
}

export type Suggestion = {
  kind: "referral" | "promise";
  toName: string | null;
  notBefore: IsoDate | null;
  text: string;
};

/**
 * Carry-forwards a resolution's wording asks for, read by the same rules the linkers read published
 * minutes with (src/link/referrals sentTo, src/link/followups promiseIn): a body it recommends,
 * refers or forwards something to, and a further report promised for a date ("in March 2027", "by
 * Spring 2027"). `bodies` are the committees' names to look for; a promise names one only when its
 * clause does.
 */
export function suggestCarryForward(resolution: string, bodies: readonly string[]): Suggestion[] {
  const out: Suggestion[] = [];
  const known = (name: string) => bodies.find((b) => sameBody(b, name)) ?? null;
  for (const clause of resolution
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    for (const m of sentTo(clause)) {
      const body = known(m.body);
      if (body && !out.some((o) => o.kind === "referral" && o.toName === body && o.text === clause))
        out.push({ kind: "referral", toName: body, notBefore: null, text: clause });
    }
    const promise = promiseIn(clause, "");
    if (promise?.due)
      out.push({
        kind: "promise",
        toName: promise.dueBody ? known(promise.dueBody) : null,
        notBefore: promise.due.start,
        text: clause,
      });
  }
  return out;
}
