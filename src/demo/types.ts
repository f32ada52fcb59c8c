/**
 * Types of the fictional demo council: its people and committees, the meetings generated for it,
 * and the ground truth of what links those meetings (subject threads, scrutiny referrals to the
 * executive, promised follow-up reports) for tests of the linking stages.
 */
import type { MeetingDoc } from "../render/types";

export type Councillor = { name: string; short: string; he: "He" | "She" };

export type Person = { name: string; role: string; phone: string; email: string };

export type CommitteeKind = "cabinet" | "scrutiny" | "council" | "planning";

export type Committee = {
  key: string;
  body: string;
  kind: CommitteeKind;
  /** Calendar months it meets in, in municipal-year order (May first). */
  months: number[];
  /** 0 = Sunday. */
  weekday: number;
  /** Which of that weekday in the month (1 = first). */
  week: number;
  time: string;
  room: string;
  size: number;
};

export type Council = {
  name: string;
  domain: string;
  hall: string;
  town: string;
  towns: string[];
  councillors: Councillor[];
  committees: Committee[];
};

export type DemoMeeting = {
  id: string;
  committee: string;
  doc: MeetingDoc;
  /** The previous meeting of the same committee, whose minutes this meeting's pack carries. */
  previousId: string | null;
};

export type Occurrence = {
  meetingId: string;
  body: string;
  date: string;
  agendaItem: string;
  minute: string | null;
  title: string;
};

export type Thread = {
  key: string;
  /** library | budget | transport | care | planning | routine */
  family: string;
  subject: string;
  occurrences: Occurrence[];
};

export type Referral = {
  /**
   * comments: a scrutiny body forwards its comments to the Cabinet; for-comment: the Cabinet refers
   * a proposal to scrutiny bodies; recommendation: the Cabinet recommends a decision to the Council.
   */
  kind: "comments" | "for-comment" | "recommendation";
  from: { meetingId: string; body: string; date: string; minute: string; clause: string | null };
  text: string;
  to: { meetingId: string; body: string; date: string; agendaItem: string | null; minute: string | null };
  thread: string;
};

export type FollowUp = {
  promise: { meetingId: string; body: string; date: string; minute: string; clause: string | null };
  text: string;
  /** "2027-03": the month the report was promised for. */
  due: string;
  body: string;
  thread: string;
  /** Where the promised report came, or null when it never did. */
  met: { meetingId: string; date: string; agendaItem: string } | null;
  /** met; unmet (the month passed without it); pending (due after the last generated meeting). */
  status: "met" | "unmet" | "pending";
};

export type DemoTruth = {
  schema: "minutebook-demo-truth/v1";
  seed: string;
  council: string;
  meetings: { id: string; body: string; date: string; previousId: string | null }[];
  threads: Thread[];
  /** Scrutiny bodies forwarding their comments to the Cabinet (kind "comments"). */
  referrals: Referral[];
  /**
   * Everything else the minutes send on: the Cabinet referring proposals to scrutiny bodies for
   * comment (one entry per body) and recommending decisions to the County Council.
   */
  onward: Referral[];
  followUps: FollowUp[];
};

export type DemoCouncil = { council: Council; meetings: DemoMeeting[]; truth: DemoTruth };
