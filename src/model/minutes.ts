/**
 * What a democratic services officer records of a meeting (the minutes workspace): attendance,
 * declarations per item, motions and amendments with mover, seconder and votes (named when a recorded
 * vote is taken), the exclusion resolution, the chair's reason for an urgent item, the minute text, the
 * recommendation a resolution started from and the resolution as passed, key decisions with reasons and
 * alternatives, and where a decision goes next (a referral or a promised report). One zod definition
 * checks the workspace forms, the stored draft and every immutable version. No I/O.
 */
import { z } from "zod";

const text = (max: number) => z.string().trim().max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a real date");

export const ATTENDANCE_KINDS = ["present", "remote", "substitute", "apologies", "absent", "officer"] as const;
export type AttendanceKind = (typeof ATTENDANCE_KINDS)[number];
export const ATTENDANCE_LABELS: Record<AttendanceKind, string> = {
  present: "Present",
  remote: "Attended remotely (not counted for the quorum)",
  substitute: "Present as a substitute",
  apologies: "Sent apologies",
  absent: "Absent",
  officer: "Officer in attendance",
};

export const attendee = z.object({
  /** The office's person, when keyed in (null for someone known only by name). */
  personId: z.number().int().positive().nullable().default(null),
  name: text(200).min(1, "Enter the person’s name"),
  kind: z.enum(ATTENDANCE_KINDS),
  /** Whom a substitute stood in for. */
  substituteFor: text(200).nullable().default(null),
  /** An officer's job title, or a member's role at the meeting. */
  role: text(200).nullable().default(null),
  /** A voting member of the committee (counts towards the quorum when present in the room). */
  voting: z.boolean().default(true),
  chair: z.boolean().default(false),
});
export type Attendee = z.infer<typeof attendee>;

export const DECLARATION_KINDS = ["disclosable-pecuniary", "other-registrable", "non-registrable"] as const;
export type DeclarationKind = (typeof DECLARATION_KINDS)[number];
export const DECLARATION_LABELS: Record<DeclarationKind, string> = {
  "disclosable-pecuniary": "a disclosable pecuniary interest",
  "other-registrable": "an other registrable interest",
  "non-registrable": "a non-registrable interest",
};

export const declaration = z.object({
  personId: z.number().int().positive().nullable().default(null),
  member: text(200).min(1, "Enter who declared the interest"),
  kind: z.enum(DECLARATION_KINDS),
  /** What the interest is ("as a member of Okeby Town Council"). */
  nature: text(2000).min(1, "Describe the interest"),
  /** The register entry the declaration refers to, when there is one. */
  interestId: z.number().int().positive().nullable().default(null),
  leftRoom: z.boolean().default(false),
  /** A s33 dispensation the member held, if any. */
  dispensation: text(500).nullable().default(null),
});
export type Declaration = z.infer<typeof declaration>;

export const VOTES = ["for", "against", "abstain"] as const;
export type Vote = (typeof VOTES)[number];
export const OUTCOMES = ["carried", "lost", "withdrawn"] as const;
export type MotionOutcome = (typeof OUTCOMES)[number];

export const motion = z.object({
  kind: z.enum(["motion", "amendment"]),
  text: text(10_000).min(1, "Enter the motion’s wording"),
  mover: text(200).min(1, "Enter who moved it"),
  seconder: text(200).nullable().default(null),
  outcome: z.enum(OUTCOMES),
  counts: z
    .object({ for: z.number().int().min(0), against: z.number().int().min(0), abstain: z.number().int().min(0) })
    .nullable()
    .default(null),
  /** Named votes, when a recorded vote was taken. */
  recorded: z.array(z.object({ member: text(200).min(1), vote: z.enum(VOTES) })).default([]),
});
export type Motion = z.infer<typeof motion>;

export const REFERRAL_KINDS = ["referral", "promise"] as const;
export type ReferralKind = (typeof REFERRAL_KINDS)[number];

/** A decision carried forward: a referral to another body, or a promised further report. */
export const carryForward = z.object({
  kind: z.enum(REFERRAL_KINDS),
  /** The receiving body (the same committee for a promised report). */
  toCommitteeId: z.number().int().positive(),
  /** What is to be placed on its agenda. */
  text: text(2000).min(1),
  /** For a promise: not before this date ("a further report in March 2027" → 2027-03-01). */
  notBefore: isoDate.nullable().default(null),
});
export type CarryForward = z.infer<typeof carryForward>;

export const minuteItem = z.object({
  /** The minute number as printed ("12"). */
  number: text(20).min(1),
  /** The agenda item it minutes ("5"), when it follows the agenda. */
  agendaItem: text(20).nullable().default(null),
  title: text(500).min(1, "Enter the item’s title"),
  /** Schedule 12A paragraphs: the item was taken in private; its text never reaches the public. */
  exemptParagraphs: z.array(z.number().int().min(1).max(7)).default([]),
  /** What the public minutes say of an exempt item (s100C(2) summary). */
  publicSummary: text(5000).nullable().default(null),
  /** The chair's reason an item not on the agenda was taken as urgent (s100B(4)(b)). */
  urgencyReason: text(2000).nullable().default(null),
  declarations: z.array(declaration).default([]),
  /** The narrative minute text, one paragraph a line. */
  minuteText: text(50_000).default(""),
  motions: z.array(motion).default([]),
  /** The report's recommendations as printed (where the resolution started from). */
  recommendation: text(20_000).nullable().default(null),
  /** The resolution as passed, one clause a line ("(a) That …"). */
  resolution: text(20_000).nullable().default(null),
  keyDecision: z.boolean().default(false),
  /** An executive decision (needs a decision notice and a call-in window). */
  executive: z.boolean().default(false),
  reasons: text(10_000).default(""),
  alternatives: text(10_000).default(""),
  carryForward: z.array(carryForward).default([]),
});
export type MinuteItem = z.infer<typeof minuteItem>;

export const minutesRecord = z.object({
  attendance: z.array(attendee).default([]),
  items: z.array(minuteItem).default([]),
  /** The exclusion resolution: the items the public were excluded for, by minute number. */
  exclusion: z
    .object({ items: z.array(text(20)).min(1), paragraphs: z.array(z.number().int().min(1).max(7)).min(1) })
    .nullable()
    .default(null),
  /** The minutes of the previous meeting approved under this meeting's item (a version's id). */
  approvesVersionId: z.number().int().positive().nullable().default(null),
  startTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .nullable()
    .default(null),
  endTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/)
    .nullable()
    .default(null),
});
export type MinutesRecord = z.infer<typeof minutesRecord>;

export const emptyMinutes = (): MinutesRecord => minutesRecord.parse({});
