// Decisions carried forward to the body that has to act on them: "recommended to the County Council",
// "forwarded to the Cabinet", "a further report in March 2027". Each becomes a pending item for the
// receiving committee, due at its first meeting after the deciding meeting (and not before the promised
// month); it stays offered to that committee's agenda until an item places it or it is closed. Pure:
// the items, the calendar and the time are passed in. suggestCarryForward reads a resolution's wording
// for the workspace to prefill; the officer confirms.
import { monthIndex } from "../link/referrals/dates";
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
 * Carry-forwards a resolution's wording asks for: a body it recommends, refers or forwards something to,
 * and a further report promised for a month. `bodies` are the committees' names to look for.
 */
export function suggestCarryForward(resolution: string, bodies: readonly string[]): Suggestion[] {
  const out: Suggestion[] = [];
  for (const clause of resolution
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const to =
      /\b(?:recommend(?:ed|s)?|refer(?:red)?|forward(?:ed)?|submit(?:ted)?|report(?:ed)?)\b[^.;]*?\bto (?:the )?([A-Z][\w&,' -]+)/.exec(
        clause,
      );
    if (to) {
      const named = to[1].toLowerCase();
      const body = [...bodies]
        .sort((a, b) => b.length - a.length)
        .find((b) => named.startsWith(b.toLowerCase().replace(/^the /, "")));
      if (body) out.push({ kind: "referral", toName: body, notBefore: null, text: clause });
    }
    const later =
      /\b(?:further|progress|update|another)\b[^.;]*?\breport\b[^.;]*?\b(?:in|by) (january|february|march|april|may|june|july|august|september|october|november|december) (\d{4})/i.exec(
        clause,
      );
    if (later) {
      const m = monthIndex(later[1]);
      out.push({
        kind: "promise",
        toName: null,
        notBefore: `${later[2]}-${String(m).padStart(2, "0")}-01`,
        text: clause,
      });
    }
  }
  return out;
}
