/**
 * The records a council keeps in Minutebook itself (the write side's committee structure): committees
 * with their kind and links, councillors and officers, dated memberships, the meeting calendar and the
 * register of interests. Each is a zod schema, so the same definition checks an officer's form, an API
 * body and what the store is given; the store adds ids. No I/O here.
 */
import { z } from "zod";

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a real date")
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: "Enter a real date",
    },
  );
const time = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time like 14:00");
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .optional()
    .transform((s) => s ?? null);
/** Empty form fields ("" from an unchosen select or a blank box) mean "none", not zero. */
const blankToNull = (v: unknown) => (v === "" || v === undefined ? null : v);
const optionalId = z.preprocess(blankToNull, z.coerce.number().int().positive().nullable());

export const COMMITTEE_KINDS = [
  "full-council",
  "executive",
  "scrutiny",
  "regulatory",
  "joint",
  "committee",
  "sub-committee",
  "parish-council",
  "parish-committee",
] as const;
export type CommitteeKind = (typeof COMMITTEE_KINDS)[number];
export const COMMITTEE_KIND_LABELS: Record<CommitteeKind, string> = {
  "full-council": "Full council",
  executive: "Executive (cabinet)",
  scrutiny: "Overview and scrutiny",
  regulatory: "Regulatory",
  joint: "Joint committee",
  committee: "Committee",
  "sub-committee": "Sub-committee",
  "parish-council": "Parish, town or community council",
  "parish-committee": "Parish council committee",
};

export const committeeInput = z.object({
  name: z.string().trim().min(1, "Enter the committee’s name").max(200),
  kind: z.enum(COMMITTEE_KINDS, { message: "Select the kind of committee" }),
  parentId: optionalId,
  /** The bodies this committee reports or refers to (receiving bodies). */
  receiverIds: z.array(z.coerce.number().int().positive()).default([]),
  termsOfReference: z.string().trim().max(20_000).default(""),
  quorum: z.preprocess(
    blankToNull,
    z.coerce
      .number({ message: "Enter the quorum as a number" })
      .int()
      .min(1, "Quorum must be at least 1")
      .max(200)
      .nullable(),
  ),
  clerkId: optionalId,
  webcastUrl: z
    .string()
    .trim()
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .optional()
    .transform((s) => s ?? null)
    .refine((s) => s === null || /^https?:\/\/\S+$/.test(s), "Enter a web address starting https://"),
});
export type CommitteeInput = z.infer<typeof committeeInput>;

export const PERSON_KINDS = ["councillor", "officer"] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export const personInput = z
  .object({
    kind: z.enum(PERSON_KINDS, { message: "Select councillor or officer" }),
    /** The name as it is printed, title included ("Mr J. B. Rhodes", "Cllr Jane Smith"). */
    name: z.string().trim().min(1, "Enter the person’s name").max(200),
    ward: optionalText(200),
    party: optionalText(200),
    jobTitle: optionalText(200),
    email: optionalText(320).refine(
      (s) => s === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s),
      "Enter an email address like name@example.gov.uk",
    ),
    phone: optionalText(50),
    photoUrl: optionalText(2000).refine(
      (s) => s === null || /^(https?:\/\/|\/)\S+$/.test(s),
      "Enter a web address for the photo",
    ),
    termStart: isoDate
      .nullable()
      .optional()
      .transform((s) => s ?? null),
    termEnd: isoDate
      .nullable()
      .optional()
      .transform((s) => s ?? null),
  })
  .refine((p) => !p.termStart || !p.termEnd || p.termEnd >= p.termStart, {
    message: "The end of the term must be after its start",
    path: ["termEnd"],
  });
export type PersonInput = z.infer<typeof personInput>;

export const MEMBERSHIP_ROLES = ["member", "substitute", "co-opted"] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];
export const POSITIONS = ["chair", "vice-chair"] as const;
export type Position = (typeof POSITIONS)[number];

export const membershipInput = z
  .object({
    committeeId: z.coerce.number().int().positive(),
    personId: z.coerce.number().int().positive({ message: "Select a person" }),
    role: z.enum(MEMBERSHIP_ROLES, { message: "Select member, substitute or co-opted" }),
    /** Co-opted members may be voting or non-voting; members and substitutes vote. */
    voting: z.coerce.boolean().default(true),
    position: z
      .enum(POSITIONS)
      .nullable()
      .optional()
      .transform((p) => p ?? null),
    from: isoDate,
    to: isoDate
      .nullable()
      .optional()
      .transform((s) => s ?? null),
    appointedAtMeetingId: optionalId,
  })
  .refine((m) => !m.to || m.to >= m.from, { message: "The end date must be on or after the start date", path: ["to"] })
  .transform((m) => ({ ...m, voting: m.role === "co-opted" ? m.voting : true }));
export type MembershipInput = z.infer<typeof membershipInput>;

export const MEETING_STATUSES = ["scheduled", "moved", "postponed", "cancelled", "held"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const meetingInput = z
  .object({
    committeeId: z.coerce.number().int().positive(),
    date: isoDate,
    start: time
      .nullable()
      .optional()
      .transform((s) => s ?? null),
    end: time
      .nullable()
      .optional()
      .transform((s) => s ?? null),
    location: optionalText(300),
    status: z.enum(MEETING_STATUSES).default("scheduled"),
    note: optionalText(2000),
  })
  .refine((m) => !m.start || !m.end || m.end > m.start, {
    message: "The end time must be after the start",
    path: ["end"],
  });
export type MeetingInput = z.infer<typeof meetingInput>;

/** Disclosable pecuniary interests (SI 2012/1464) and the usual other categories of a council's code. */
export const INTEREST_CATEGORIES = [
  "employment",
  "sponsorship",
  "contracts",
  "land",
  "licences",
  "corporate-tenancies",
  "securities",
  "other-registrable",
  "gifts-and-hospitality",
] as const;
export type InterestCategory = (typeof INTEREST_CATEGORIES)[number];
export const INTEREST_CATEGORY_LABELS: Record<InterestCategory, string> = {
  employment: "Employment, office, trade, profession or vocation (DPI)",
  sponsorship: "Sponsorship (DPI)",
  contracts: "Contracts (DPI)",
  land: "Land (DPI)",
  licences: "Licences (DPI)",
  "corporate-tenancies": "Corporate tenancies (DPI)",
  securities: "Securities (DPI)",
  "other-registrable": "Other registrable interest",
  "gifts-and-hospitality": "Gifts and hospitality",
};
export const isDisclosablePecuniary = (c: InterestCategory): boolean =>
  c !== "other-registrable" && c !== "gifts-and-hospitality";

export const interestInput = z.object({
  personId: z.coerce.number().int().positive(),
  category: z.enum(INTEREST_CATEGORIES, { message: "Select the kind of interest" }),
  description: z.string().trim().min(1, "Describe the interest").max(5000),
  /** Localism Act 2011 s32: withheld from the public register when disclosure could lead to violence or intimidation. */
  sensitive: z.coerce.boolean().default(false),
  submittedOn: isoDate,
});
export type InterestInput = z.infer<typeof interestInput>;

export const councilInput = z.object({
  name: z.string().trim().min(1, "Enter the council’s name").max(200),
  policy: z.enum(["principal", "parish"]),
});
export type CouncilInput = z.infer<typeof councilInput>;
