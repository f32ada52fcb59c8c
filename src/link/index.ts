/**
 * Linking across meetings: matters (topics, threads: items followed from meeting to meeting on
 * evidence, within one council), referrals, follow-ups, sums of money and data-quality flags. Everything here is a pure function over an array of meetings, each with the document it
 * came from; no I/O.
 */
import type { Meeting } from "../model/parse-v1";

/**
 * One meeting as read from one document. `meetingKey` identifies the meeting across documents
 * (e.g. committee + date). `lines`, when given, is the document's extracted text (lines[0] is
 * line 1): items' spans are then read for their body text, which finds subjects named only in
 * the discussion. Without it only titles, resolutions, recommendations and reasons are used.
 */
export type LinkEntry = {
  docId: string;
  meetingKey: string;
  meeting: Meeting;
  lines?: readonly string[];
  /**
   * Each minute's discussion text as the store keeps it (aligned with meeting.minutes; null for an
   * exempt minute or none kept). Given by the store adapter; from files it is read from `lines`
   * the same way, so both give the linkers the same text.
   */
  minuteTexts?: readonly (string | null)[];
};
export type LinkInput = LinkEntry[];

export { type FollowUp, type FollowUpOptions, type FollowUpStatus, findFollowUps } from "./followups/followups";
export { findPeople, type People, type Person, type PrintedForm, type ReviewFlag } from "./identity/people";
export { byCouncil, type CouncilOf, councils } from "./matters/council";
export {
  findMatterLists,
  findMatters,
  findMatters as findTopics,
  type Matter,
  type Matter as Thread,
  type MatterEvidence as Evidence,
  type MatterLink,
  type MatterLink as ThreadLink,
  type MatterLinkKind,
  type MatterMember,
  type MatterMember as ThreadMember,
  type MatterOptions,
  type MatterOptions as TopicOptions,
  type Mention,
} from "./matters/matters";
export { findMoney, type MoneyMention, type MoneySource, parseSum } from "./money/money";
export { findQualityFlags, personKey, type QualityFlag, type QualityKind, weekday } from "./quality/quality";
export { sameBody } from "./referrals/bodies";
export { type DateWindow, findDates } from "./referrals/dates";
export { findReferrals, type MeetingTarget, type Referral, type ResolutionRef } from "./referrals/referrals";
export { isProcedural } from "./threads/items";
