// Executive decision records and call-in, as pure rules over a clock:
// - the decision notice's contents (Local Authorities (Executive Arrangements) (Meetings and Access to
//   Information) (England) Regulations 2012 reg 12: the decision and its date, the reasons, the
//   alternatives considered and rejected, any conflict of interest declared by a member consulted, and any
//   dispensation granted) and the council's publication deadline in working days from the decision;
// - the call-in window, set by each council's constitution in working days from publication (5 at
//   Salford, Bracknell and the Isle of Wight), closing at a time of day on the last of those days;
//   working days skip weekends and England and Wales bank holidays (office/clear-days' principal policy);
// - the decision's state: "may be implemented" only once the window has closed with no valid call-in,
//   or once scrutiny has released a called-in decision, or at once when an urgency exemption is recorded.
// Nothing here reads the clock: `now` is passed in.
import { clearDays } from "./clear-days";
import { dayNumber, fromDayNumber, type IsoDate, londonDate } from "./dates";

export type CallInPolicy = {
  /** Working days after the day of publication during which members may call the decision in. */
  workingDays: number;
  /** The window closes at this London time on its last working day. */
  closesAt: string;
  /** The decision notice is due within this many working days of the decision. */
  publishWithinWorkingDays: number;
  /** Members who must sign a call-in request for it to be valid. */
  signatoriesNeeded: number;
};
export const DEFAULT_CALL_IN: CallInPolicy = {
  workingDays: 5,
  closesAt: "17:00",
  publishWithinWorkingDays: 2,
  signatoriesNeeded: 2,
};

const working = clearDays("principal");

/** The `n`th working day after `date` (n ≥ 0; n = 0 is `date` itself when it is a working day, else the next). */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new Error("working days must be a whole number ≥ 0");
  let d = dayNumber(date);
  if (n === 0) {
    while (!working.counts(d)) d++;
    return fromDayNumber(d);
  }
  let left = n;
  while (left > 0) {
    d++;
    if (working.counts(d)) left--;
  }
  return fromDayNumber(d);
}

/** The instant a London wall-clock time occurs on a date (GMT or BST as the date has it). */
export function londonInstant(date: IsoDate, hhmm: string): Date {
  const [h, m] = hhmm.split(":").map(Number);
  const guess = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), h, m);
  // London is UTC or UTC+1: try both and keep the one that reads back as the wanted wall time.
  for (const offset of [0, 60]) {
    const at = new Date(guess - offset * 60_000);
    const wall = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    }).format(at);
    if (londonDate(at) === date && wall === hhmm) return at;
  }
  return new Date(guess);
}

export type DecisionNotice = {
  decision: string;
  decidedOn: IsoDate;
  reasons: string;
  alternatives: string;
  /** Conflicts of interest declared by a member consulted ("None declared." is a statement, not a blank). */
  conflicts: string;
  dispensations: string;
};

export const NOTICE_FIELDS: { field: keyof DecisionNotice; label: string; missing: string }[] = [
  { field: "decision", label: "Decision", missing: "Enter the decision" },
  { field: "decidedOn", label: "Date of decision", missing: "Enter the date of the decision" },
  { field: "reasons", label: "Reasons for the decision", missing: "Enter the reasons for the decision" },
  {
    field: "alternatives",
    label: "Alternative options considered and rejected",
    missing: "Enter the alternatives considered and rejected, or say there were none",
  },
  {
    field: "conflicts",
    label: "Conflicts of interest declared",
    missing: "Enter any conflicts of interest declared, or say none were declared",
  },
  {
    field: "dispensations",
    label: "Dispensations granted",
    missing: "Enter any dispensations granted, or say none were granted",
  },
];

/** What reg 12 requires that the notice lacks (field → message); empty when complete. */
export function noticeProblems(n: Partial<DecisionNotice>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of NOTICE_FIELDS) if (!String(n[f.field] ?? "").trim()) out[f.field] = f.missing;
  return out;
}

/** The last day the notice may be published under the policy. */
export function publicationDeadline(decidedOn: IsoDate, policy: CallInPolicy = DEFAULT_CALL_IN): IsoDate {
  return addWorkingDays(decidedOn, policy.publishWithinWorkingDays);
}

export type CallInWindow = {
  publishedOn: IsoDate;
  /** The working days counted, in order; the last is the day the window closes. */
  countedDays: IsoDate[];
  /** Days inside the window that were not counted, with why (a weekend, a bank holiday's name). */
  skipped: { date: IsoDate; why: string }[];
  closesOn: IsoDate;
  closesAt: Date;
};

export function callInWindow(publishedAt: Date, policy: CallInPolicy = DEFAULT_CALL_IN): CallInWindow {
  const publishedOn = londonDate(publishedAt);
  const closesOn = addWorkingDays(publishedOn, policy.workingDays);
  const countedDays: IsoDate[] = [];
  const skipped: { date: IsoDate; why: string }[] = [];
  for (let d = dayNumber(publishedOn) + 1; d <= dayNumber(closesOn); d++) {
    const iso = fromDayNumber(d);
    const why = working.excludedBecause(iso);
    if (why) skipped.push({ date: iso, why });
    else countedDays.push(iso);
  }
  return { publishedOn, countedDays, skipped, closesOn, closesAt: londonInstant(closesOn, policy.closesAt) };
}

export type CallInRequest = { requestedAt: Date; signatories: string[]; reasons: string };

/** Why a call-in request is not valid (empty when it is). */
export function callInProblems(r: CallInRequest, w: CallInWindow, policy: CallInPolicy = DEFAULT_CALL_IN): string[] {
  const out: string[] = [];
  if (r.requestedAt.getTime() > w.closesAt.getTime()) out.push("made after the call-in window closed");
  const names = new Set(r.signatories.map((s) => s.trim().toLowerCase()).filter(Boolean));
  if (names.size < policy.signatoriesNeeded)
    out.push(`signed by ${names.size} member${names.size === 1 ? "" : "s"}; ${policy.signatoriesNeeded} are needed`);
  if (!r.reasons.trim()) out.push("gives no reasons");
  return out;
}

export type ScrutinyOutcome = { outcome: "released" | "referred-back"; at: Date } | null;

export type DecisionState =
  | "awaiting-publication"
  | "call-in-open"
  | "called-in"
  | "referred-back"
  | "may-be-implemented";

export const STATE_TEXT: Record<DecisionState, string> = {
  "awaiting-publication": "Decision notice not yet published",
  "call-in-open": "Open to call-in: may not be implemented yet",
  "called-in": "Called in: may not be implemented until scrutiny has considered it",
  "referred-back": "Referred back to the decision maker by scrutiny",
  "may-be-implemented": "May be implemented",
};

export type DecisionStatus = {
  state: DecisionState;
  window: CallInWindow | null;
  /** From when it may be implemented (when it may). */
  implementableFrom: Date | null;
  /** The notice is late: not published and past its deadline, or published after it. */
  noticeLate: boolean;
  why: string;
};

/**
 * The decision's state at `now`. A valid call-in is one made inside the window with enough signatories
 * and reasons; an invalid one does not stop implementation. An urgency exemption (the constitution's
 * urgency procedure, recorded with the decision) makes it implementable on publication.
 */
export function decisionStatus(input: {
  decidedOn: IsoDate;
  publishedAt: Date | null;
  callIns: readonly CallInRequest[];
  scrutiny?: ScrutinyOutcome;
  urgent?: boolean;
  now: Date;
  policy?: CallInPolicy;
}): DecisionStatus {
  const policy = input.policy ?? DEFAULT_CALL_IN;
  const deadline = publicationDeadline(input.decidedOn, policy);
  if (!input.publishedAt) {
    return {
      state: "awaiting-publication",
      window: null,
      implementableFrom: null,
      noticeLate: londonDate(input.now) > deadline,
      why: `The decision notice is due by ${deadline}.`,
    };
  }
  const noticeLate = londonDate(input.publishedAt) > deadline;
  const window = callInWindow(input.publishedAt, policy);
  if (input.urgent)
    return {
      state: "may-be-implemented",
      window,
      implementableFrom: input.publishedAt,
      noticeLate,
      why: "Taken under the urgency procedure: not subject to call-in.",
    };
  const valid = input.callIns.filter(
    (r) => r.requestedAt.getTime() <= input.now.getTime() && callInProblems(r, window, policy).length === 0,
  );
  if (valid.length) {
    const s = input.scrutiny;
    if (s && s.at.getTime() <= input.now.getTime()) {
      if (s.outcome === "released")
        return {
          state: "may-be-implemented",
          window,
          implementableFrom: s.at,
          noticeLate,
          why: "Called in; scrutiny released the decision.",
        };
      return {
        state: "referred-back",
        window,
        implementableFrom: null,
        noticeLate,
        why: "Called in and referred back.",
      };
    }
    return {
      state: "called-in",
      window,
      implementableFrom: null,
      noticeLate,
      why: "A valid call-in was received inside the window.",
    };
  }
  if (input.now.getTime() <= window.closesAt.getTime())
    return {
      state: "call-in-open",
      window,
      implementableFrom: null,
      noticeLate,
      why: `Members may call it in until ${policy.closesAt} on ${window.closesOn}.`,
    };
  return {
    state: "may-be-implemented",
    window,
    implementableFrom: window.closesAt,
    noticeLate,
    why: `The call-in window closed at ${policy.closesAt} on ${window.closesOn} without a valid call-in.`,
  };
}
