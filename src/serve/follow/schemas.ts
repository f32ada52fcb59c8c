/**
 * The follow API's records (topics, follow-ups, referrals, money, data-quality flags, a person's
 * timeline), one zod definition each: records.ts and links.ts take their types from here, and the
 * OpenAPI document's schemas are generated from them (serve/openapi.ts). No I/O.
 */
import { z } from "zod";
import { CommitteeRef, int, isoDate, isoDateN, Provenance, RoleRecord, str, strN } from "../../model/records";

export const FOLLOW_STATUSES = ["met", "open", "overdue"] as const;
export const FollowStatus = z.enum(FOLLOW_STATUSES);
export const MONEY_SORTS = ["date-desc", "date-asc", "amount-desc", "amount-asc"] as const;
export const MoneySort = z.enum(MONEY_SORTS);
export type MoneySort = z.infer<typeof MoneySort>;
/** Topic ids are slugs of their key phrase (and council): lower-case letters, digits and hyphens. */
export const TopicId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);

export const Place = z
  .strictObject({
    meetingId: int.nullable(),
    committee: str,
    date: isoDateN,
    ref: str,
    title: str,
    href: strN.describe("The item on its meeting page, e.g. /meetings/4#minute-31; null when not in the store"),
    source: Provenance.nullable(),
  })
  .meta({
    id: "Place",
    description: 'An item in the records: its meeting, reference ("minute 40(b)") and the lines it was read from',
  });
export type Place = z.infer<typeof Place>;

export const TopicSummary = z
  .strictObject({
    id: TopicId,
    label: str,
    authority: strN.describe("The council whose meetings the topic runs through (topics never cross councils)"),
    phrases: z.array(str),
    years: z.array(str),
    first: isoDateN,
    last: isoDateN,
    committees: z.array(str),
    meetings: int,
    items: int,
  })
  .meta({ id: "TopicSummary" });
export type TopicSummary = z.infer<typeof TopicSummary>;

export const Evidence = z.strictObject({ phrase: str, field: str, label: strN, source: Provenance.nullable() });
export type Evidence = z.infer<typeof Evidence>;

export const TopicEntry = z.strictObject({
  kind: z.enum(["agenda", "minute", "report"]),
  place: Place,
  evidence: z.array(Evidence),
  why: str.describe("Why the item was linked: the phrases it shares with an earlier item, and where each was found"),
  linkedFrom: Place.nullable(),
});
export type TopicEntry = z.infer<typeof TopicEntry>;

export const MoneyRecord = z
  .strictObject({
    place: Place,
    committeeId: int
      .nullable()
      .describe("The committee's id in the store (null when the meeting is not in it), for ?committee="),
    source: z.enum(["resolution", "reason", "recommendation"]),
    asPrinted: str,
    pounds: z.number(),
    per: strN,
    purpose: str,
    context: str,
  })
  .meta({ id: "MoneyRecord" });
export type MoneyRecord = z.infer<typeof MoneyRecord>;

export const TopicsData = z
  .strictObject({
    topics: z.array(TopicSummary),
    total: int,
    page: int,
    limit: int,
    meetings: int,
    withText: z.boolean().describe("Whether the documents' discussion text was read"),
  })
  .meta({ id: "Topics" });
export type TopicsData = z.infer<typeof TopicsData>;

/** One circle of a topic's timeline: the items a committee's meeting on one date gave the topic. */
export const TopicMark = z.strictObject({ committee: str, date: isoDateN, items: int });

export const TopicData = z
  .strictObject({
    topic: TopicSummary,
    entries: z.array(TopicEntry).describe("One page of the topic's items, oldest first"),
    total: int.describe("How many items the topic has (every page)"),
    page: int,
    limit: int.describe("Items per page"),
    timeline: z
      .array(TopicMark)
      .describe("Every item of the topic counted by committee and meeting date (all pages), for its timeline"),
    money: z.array(MoneyRecord),
    withText: z.boolean(),
  })
  .meta({ id: "Topic" });
export type TopicData = z.infer<typeof TopicData>;

export const TopicMissing = z
  .strictObject({
    error: z.strictObject({ status: z.literal(404), message: str }),
    id: str,
    near: z.array(TopicSummary),
  })
  .meta({ id: "TopicMissing", description: "No current topic clearly continues this id; the nearest topics instead" });
export type TopicMissing = z.infer<typeof TopicMissing>;

export const FollowUpRecord = z
  .strictObject({
    status: FollowStatus,
    promise: str,
    from: Place,
    text: str,
    due: z.strictObject({
      body: str,
      by: isoDateN,
      asPrinted: strN,
      meeting: z
        .strictObject({ which: z.enum(["next", "future"]), meetingId: int.nullable(), date: isoDateN })
        .nullable(),
    }),
    metBy: z.strictObject({ place: Place, phrases: z.array(str), late: z.boolean(), why: str }).nullable(),
  })
  .meta({ id: "FollowUp" });
export type FollowUpRecord = z.infer<typeof FollowUpRecord>;

export const FollowUpsData = z
  .strictObject({
    today: isoDate,
    committee: CommitteeRef.nullable(),
    status: FollowStatus.nullable(),
    counts: z.strictObject({ met: int, open: int, overdue: int }),
    followUps: z.array(FollowUpRecord).describe("One page of the follow-ups with this status (all when none)"),
    total: int.describe("How many follow-ups have this status (every page)"),
    page: int,
    limit: int.describe("Follow-ups per page"),
  })
  .meta({ id: "FollowUps" });
export type FollowUpsData = z.infer<typeof FollowUpsData>;

export const ReferralRecord = z
  .strictObject({
    from: Place,
    text: str,
    verb: str,
    to: z.strictObject({
      body: str,
      date: isoDateN,
      dateAsPrinted: strN,
      resolvedBy: z.enum(["date", "next-meeting"]).nullable(),
      stub: z.boolean().describe("True when the receiving meeting is not yet in the store"),
      meetingId: int.nullable(),
      href: strN,
    }),
  })
  .meta({ id: "Referral" });
export type ReferralRecord = z.infer<typeof ReferralRecord>;

export const ReferralsData = z.strictObject({ referrals: z.array(ReferralRecord) }).meta({ id: "Referrals" });
export type ReferralsData = z.infer<typeof ReferralsData>;

export const QualityRecord = z.strictObject({
  kind: str,
  level: z.enum(["warning", "info"]),
  message: str,
  values: z.array(str),
  place: Place,
});
export type QualityRecord = z.infer<typeof QualityRecord>;

export const QualityData = z.strictObject({ flags: z.array(QualityRecord) }).meta({ id: "Quality" });
export type QualityData = z.infer<typeof QualityData>;

export const MoneyFilter = z.strictObject({
  committee: CommitteeRef.nullable(),
  from: isoDateN,
  to: isoDateN,
  sort: MoneySort,
});
export type MoneyFilter = z.infer<typeof MoneyFilter>;

export const MoneyData = z
  .strictObject({
    money: z.array(MoneyRecord),
    total: int.describe("Sums matching the filter, across all pages"),
    page: int,
    limit: int,
    filter: MoneyFilter,
    committees: z
      .array(z.strictObject({ id: int, name: str, count: int }))
      .describe("Committees with at least one sum, for the filter (whatever the other filters)"),
  })
  .meta({ id: "Money" });
export type MoneyData = z.infer<typeof MoneyData>;

export const TimelineEvent = z.strictObject({
  date: isoDateN,
  kind: z
    .enum([
      "chair",
      "present",
      "apologies",
      "in-attendance",
      "absent",
      "declaration",
      "report-officer",
      "proposed",
      "seconded",
      "named",
      "voted",
    ])
    .describe(
      "proposed, seconded and named are read from the minutes' printed lines (source gives the line); voted from a recorded vote the minutes print with names; the rest from the records",
    ),
  committee: CommitteeRef.nullable(),
  meetingId: int.nullable(),
  text: str,
  href: strN,
  source: Provenance.nullable(),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const TimelineData = z
  .strictObject({
    person: z.strictObject({ id: int, name: str, printed: z.array(str) }),
    roles: z
      .array(RoleRecord)
      .describe("Committee memberships as printed on front sheets: first and last meeting printing each"),
    events: z.array(TimelineEvent).describe("What the person did at each meeting, in date order"),
    withText: z.boolean(),
  })
  .meta({ id: "Timeline" });
export type TimelineData = z.infer<typeof TimelineData>;
