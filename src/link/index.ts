/**
 * Linking across meetings: topics (threads), referrals, follow-ups, sums of money and data-quality
 * flags. Everything here is a pure function over an array of meetings, each with the document it
 * came from; no I/O.
 */
import type { Meeting } from "../model/parse-v1";

/**
 * One meeting as read from one document. `meetingKey` identifies the meeting across documents
 * (e.g. committee + date). `lines`, when given, is the document's extracted text (lines[0] is
 * line 1): items' spans are then read for their body text, which finds subjects named only in
 * the discussion. Without it only titles, resolutions, recommendations and reasons are used.
 */
export type LinkEntry = { docId: string; meetingKey: string; meeting: Meeting; lines?: readonly string[] };
export type LinkInput = LinkEntry[];

export { type FollowUp, type FollowUpOptions, type FollowUpStatus, findFollowUps } from "./followups/followups";
export { findMoney, type MoneyMention, type MoneySource, parseSum } from "./money/money";
export { findQualityFlags, personKey, type QualityFlag, type QualityKind, weekday } from "./quality/quality";
export { sameBody } from "./referrals/bodies";
export { type DateWindow, findDates } from "./referrals/dates";
export { findReferrals, type MeetingTarget, type Referral, type ResolutionRef } from "./referrals/referrals";
export { isProcedural } from "./threads/items";
export {
  type Evidence,
  findTopics,
  type Thread,
  type ThreadLink,
  type ThreadMember,
  type TopicOptions,
} from "./threads/threads";
