// The agenda builder as a pure function: the meeting type's standard items (apologies, minutes of the last
// meeting, declarations of interest, …), items referred from other bodies (offered by a pluggable source:
// the caller passes what it was offered, so the referrals of the minutes side plug in without this file
// knowing where they come from), then the reports, urgent items, the exclusion of the press and public
// with the Schedule 12A paragraphs it must cite, and the exempt reports after it; numbered automatically.
// An item added after the publication deadline is late and needs the chair's reason for urgency
// (s100B(4)(b)), without which the builder reports a problem and publication refuses it.

import type { CommitteeKind } from "../model/office";
import { clearDays, type NoticePolicy } from "./clear-days";
import { type IsoDate, londonDate } from "./dates";

export const STANDARD_ITEMS = [
  "apologies",
  "minutes",
  "declarations",
  "public-questions",
  "urgent",
  "exclusion",
  "next-meeting",
] as const;
export type StandardItem = (typeof STANDARD_ITEMS)[number];

export const STANDARD_TITLES: Record<StandardItem, string> = {
  apologies: "Apologies for absence",
  minutes: "Minutes of the previous meeting",
  declarations: "Declarations of interest",
  "public-questions": "Public questions",
  urgent: "Urgent items",
  exclusion: "Exclusion of the press and public",
  "next-meeting": "Date of the next meeting",
};

/** The standard items each kind of meeting carries (where a council has not set its own). */
export function standardItemsFor(kind: CommitteeKind | null): StandardItem[] {
  switch (kind) {
    case "parish-council":
    case "parish-committee":
      return ["apologies", "declarations", "public-questions", "minutes", "urgent", "exclusion", "next-meeting"];
    case "full-council":
      return ["apologies", "minutes", "declarations", "public-questions", "urgent", "exclusion"];
    default:
      return ["apologies", "minutes", "declarations", "urgent", "exclusion", "next-meeting"];
  }
}

/** An item another body referred to this one, as the referral source offers it. */
export type OfferedItem = {
  /** Stable key of the referral (the source's own id), so accepting it twice adds it once. */
  key: string;
  title: string;
  /** The body that referred it ("Scrutiny Commission"). */
  from: string;
  reportBy?: string | null;
  exemptParagraphs?: number[];
};

/** The pluggable source of offered items: what other bodies referred to this committee's meeting. */
export type ReferralSource = (committeeId: number, meetingDate: IsoDate) => Promise<OfferedItem[]>;

export type AgendaReport = {
  reportId: number;
  title: string;
  reportBy: string;
  /** The whole report is exempt (taken after the exclusion of the press and public). */
  wholeExempt: boolean;
  /** Every Schedule 12A paragraph the report or its parts cite. */
  exemptParagraphs: number[];
  /** When it was put on the agenda. */
  addedAt: Date;
  /** The chair's reason for urgency, when added late. */
  urgencyReason: string | null;
};

export type AgendaItemKind = "standard" | "referral" | "report";

export type NumberedItem = {
  number: string;
  kind: AgendaItemKind;
  standard: StandardItem | null;
  title: string;
  reportBy: string | null;
  reportId: number | null;
  referralKey: string | null;
  /** Taken in private: the paragraphs cited (empty when public). */
  exemptParagraphs: number[];
  /** Only its exempt parts are private (a public report with an exempt appendix). */
  partlyExempt: boolean;
  late: boolean;
  urgencyReason: string | null;
};

export type AgendaInput = {
  kind: CommitteeKind | null;
  meetingDate: IsoDate;
  policy: NoticePolicy;
  /** The council's own list of standard items for this committee, else the default for its kind. */
  standard?: readonly StandardItem[];
  reports: readonly AgendaReport[];
  /** Offered referrals the officer accepted (from a ReferralSource), with when each was accepted. */
  referrals?: readonly (OfferedItem & { addedAt: Date; urgencyReason?: string | null })[];
  /** Set when the agenda was first published: anything added after it is late too. */
  publishedAt?: Date | null;
};

export type Agenda = { items: NumberedItem[]; problems: string[]; latestPublicationDate: IsoDate };

/** Late: put on the agenda after the last day that still gives the required clear days, or after publication. */
export function isLate(addedAt: Date, meetingDate: IsoDate, policy: NoticePolicy, publishedAt?: Date | null): boolean {
  const latest = clearDays(policy).latestPublicationDate(meetingDate);
  return londonDate(addedAt) > latest || (!!publishedAt && addedAt > publishedAt);
}

export function buildAgenda(input: AgendaInput): Agenda {
  const standard = input.standard ?? standardItemsFor(input.kind);
  const latestPublicationDate = clearDays(input.policy).latestPublicationDate(input.meetingDate);
  const late = (at: Date) => isLate(at, input.meetingDate, input.policy, input.publishedAt);
  /** Why an item added at `at` is late, as the officer is told: past the deadline, or after publication. */
  const lateness = (at: Date) =>
    londonDate(at) > latestPublicationDate
      ? `was added after the agenda deadline (${latestPublicationDate})`
      : `was added after the agenda was published (on ${londonDate(input.publishedAt!)})`;
  const problems: string[] = [];
  const items: Omit<NumberedItem, "number">[] = [];
  const std = (s: StandardItem, exemptParagraphs: number[] = []): Omit<NumberedItem, "number"> => ({
    kind: "standard",
    standard: s,
    title: STANDARD_TITLES[s],
    reportBy: null,
    reportId: null,
    referralKey: null,
    exemptParagraphs,
    partlyExempt: false,
    late: false,
    urgencyReason: null,
  });
  const reportItem = (r: AgendaReport): Omit<NumberedItem, "number"> => {
    const isLateItem = late(r.addedAt);
    const reason = r.urgencyReason?.trim() || null;
    if (isLateItem && !reason)
      problems.push(`“${r.title}” ${lateness(r.addedAt)}: the chair must give the reason it is urgent`);
    return {
      kind: "report",
      standard: null,
      title: r.title,
      reportBy: r.reportBy,
      reportId: r.reportId,
      referralKey: null,
      exemptParagraphs: r.wholeExempt ? [...r.exemptParagraphs] : [],
      partlyExempt: !r.wholeExempt && r.exemptParagraphs.length > 0,
      late: isLateItem,
      urgencyReason: reason,
    };
  };
  const before = (s: StandardItem) =>
    standard.indexOf(s) >= 0 && ["apologies", "minutes", "declarations", "public-questions"].includes(s);
  for (const s of standard) if (before(s)) items.push(std(s));
  const seen = new Set<string>();
  for (const r of input.referrals ?? []) {
    if (seen.has(r.key)) continue;
    seen.add(r.key);
    const isLateItem = late(r.addedAt);
    const reason = r.urgencyReason?.trim() || null;
    if (isLateItem && !reason)
      problems.push(`“${r.title}” ${lateness(r.addedAt)}: the chair must give the reason it is urgent`);
    items.push({
      kind: "referral",
      standard: null,
      title: r.title,
      reportBy: r.reportBy ?? r.from,
      reportId: null,
      referralKey: r.key,
      exemptParagraphs: [...(r.exemptParagraphs ?? [])],
      partlyExempt: false,
      late: isLateItem,
      urgencyReason: reason,
    });
  }
  const publicReports = input.reports.filter((r) => !r.wholeExempt);
  const privateReports = input.reports.filter((r) => r.wholeExempt);
  for (const r of publicReports) items.push(reportItem(r));
  if (standard.includes("urgent")) items.push(std("urgent"));
  // The exclusion resolution cites every paragraph of the business taken in private (s100A(4)).
  const privateParagraphs = [
    ...new Set([
      ...input.reports.flatMap((r) => r.exemptParagraphs),
      ...(input.referrals ?? []).flatMap((r) => r.exemptParagraphs ?? []),
    ]),
  ].sort((a, b) => a - b);
  if (privateParagraphs.length) {
    if (!standard.includes("exclusion"))
      problems.push("The agenda has exempt business but no item to exclude the press and public");
    else items.push(std("exclusion", privateParagraphs));
  }
  for (const r of privateReports) items.push(reportItem(r));
  if (standard.includes("next-meeting")) items.push(std("next-meeting"));
  return { items: numbered(items, input), problems, latestPublicationDate };
}

const itemKey = (x: Omit<NumberedItem, "number">) =>
  x.kind === "standard" ? `s:${x.standard}` : x.kind === "report" ? `r:${x.reportId}` : `x:${x.referralKey}`;

/**
 * Numbers 1, 2, 3 … in order. Once the agenda is published its numbers are what everyone has printed, so
 * an item added afterwards does not renumber the rest: it takes the number of the item before it with a
 * letter ("5a", "5b"), as councils number late items; the published items keep their numbers.
 */
function numbered(items: Omit<NumberedItem, "number">[], input: AgendaInput): NumberedItem[] {
  const at = input.publishedAt;
  if (!at) return items.map((x, i) => ({ ...x, number: String(i + 1) }));
  const published = buildAgenda({
    ...input,
    reports: input.reports.filter((r) => r.addedAt <= at),
    referrals: (input.referrals ?? []).filter((r) => r.addedAt <= at),
    publishedAt: null,
  });
  const kept = new Map(published.items.map((x) => [itemKey(x), x.number]));
  let anchor = "0";
  let letter = 0;
  return items.map((x) => {
    const n = kept.get(itemKey(x));
    if (n) {
      anchor = n;
      letter = 0;
      return { ...x, number: n };
    }
    return { ...x, number: `${anchor}${String.fromCharCode(97 + letter++)}` };
  });
}

/** The exclusion item's printed wording, citing the paragraphs. */
export function exclusionWording(paragraphs: readonly number[]): string {
  const ps =
    paragraphs.length === 1
      ? `paragraph ${paragraphs[0]}`
      : `paragraphs ${paragraphs.slice(0, -1).join(", ")} and ${paragraphs[paragraphs.length - 1]}`;
  return `That under Section 100(A)(4) of the Local Government Act 1972 the public be excluded from the meeting for the following item of business on the grounds that it involves the likely disclosure of exempt information as defined in ${ps} of Part 1 of Schedule 12A of the Act.`;
}
