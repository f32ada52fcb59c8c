/**
 * The records the store hands back and the API serves, one zod definition each: the store's read
 * types (store/repository.ts) are inferred from these, the OpenAPI document's component schemas are
 * generated from them (serve/openapi.ts), and tests validate returned records with them. Objects are
 * strict: a field the schema does not name is an error, so nothing unplanned (an exempt minute's text)
 * slips into an answer unnoticed. `.meta({ id })` names the schema in the OpenAPI document. No I/O.
 */
import { z } from "zod";

export const int = z.int();
export const str = z.string();
export const strN = z.string().nullable();
export const boolN = z.boolean().nullable();
export const intN = z.int().nullable();
/** An ISO date, "2017-03-10". */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const isoDateN = isoDate.nullable();

export const PARAGRAPH_TYPES = ["agenda", "minute", "resolution", "report"] as const;
export const ParagraphType = z.enum(PARAGRAPH_TYPES);
export type ParagraphType = z.infer<typeof ParagraphType>;

export const Span = z.strictObject({ startLine: int, endLine: int, page: int.nullable() }).meta({
  id: "Span",
  description: "1-based lines of the document's extracted text; page is the physical page for paged sources",
});
export type Span = z.infer<typeof Span>;

export const Provenance = z
  .strictObject({
    documentId: int,
    documentName: str,
    span: Span,
    original: str
      .optional()
      .describe(
        "The original file opened at this record's page (/documents/{id}/original#page=N), when the store keeps a PDF that may be published",
      ),
  })
  .meta({ id: "Provenance", description: "Where a record was read from" });
export type Provenance = z.infer<typeof Provenance>;

export const CommitteeRef = z.strictObject({ id: int, name: str }).meta({ id: "CommitteeRef" });
export type CommitteeRef = z.infer<typeof CommitteeRef>;

export const PersonRef = z
  .strictObject({ id: int, name: str, printed: str })
  .meta({ id: "PersonRef", description: "A person, and their name as printed in this record" });
export type PersonRef = z.infer<typeof PersonRef>;

export const Contact = z.strictObject({ name: strN, phone: strN, email: strN }).meta({ id: "Contact" });
export type Contact = z.infer<typeof Contact>;

/** A page of records and where it sits in the whole list. */
export const Page = <T extends z.ZodType>(item: T) =>
  z.strictObject({ items: z.array(item), total: int, limit: int, offset: int });
export type Page<T> = { items: T[]; total: number; limit: number; offset: number };

export const MeetingStatusRecord = z
  .strictObject({
    state: z
      .enum(["cancelled", "postponed", "moved"])
      .describe("cancelled or postponed as the papers print it, or as the council keeps its calendar (also moved)"),
    note: strN.describe('The notice as printed ("This meeting has been cancelled") or the council\'s note'),
    rescheduledTo: isoDateN.describe("The new date, when the notice gives one"),
    from: z
      .enum(["papers", "calendar"])
      .describe("papers: an imported document prints it; calendar: the council's own calendar in Minutebook"),
    provenance: Provenance.nullable().describe("The document and lines printing it (null for the calendar)"),
  })
  .meta({
    id: "MeetingStatus",
    description: "A meeting that did not or will not take place as planned; null when it is held or scheduled",
  });
export type MeetingStatusRecord = z.infer<typeof MeetingStatusRecord>;

const meetingSummary = {
  id: int,
  committee: CommitteeRef,
  authority: strN,
  date: isoDateN,
  time: strN,
  location: strN,
  counts: z
    .strictObject({ agendaItems: int, minutes: int, reports: int, documents: int })
    .describe("How many of each the meeting's shown sources give, and how many documents speak of it"),
  status: MeetingStatusRecord.nullable(),
};
export const MeetingSummary = z.strictObject(meetingSummary).meta({ id: "MeetingSummary" });
export type MeetingSummary = z.infer<typeof MeetingSummary>;

export const DocumentRef = z
  .strictObject({
    id: int,
    name: str,
    origin: str.describe("Where the document came from: the URL given at import, else its file name"),
    original: z
      .boolean()
      .describe("The store keeps the original file and it may be published (at /documents/{id}/original)"),
    format: str,
    sha256: str,
    span: Span.nullable().describe("The span of this meeting inside the document (null when listed without a meeting)"),
  })
  .meta({ id: "DocumentRef" });
export type DocumentRef = z.infer<typeof DocumentRef>;

export const AgendaItemRecord = z
  .strictObject({
    id: int,
    number: str,
    title: str,
    reportBy: strN,
    pages: z.strictObject({ start: int, end: int }).nullable(),
    procedural: z.boolean(),
    exempt: z.boolean().describe("Listed on the agenda as exempt or confidential (the title is public)"),
    exemptParagraphs: z.array(int),
    provenance: Provenance,
  })
  .meta({ id: "AgendaItem" });
export type AgendaItemRecord = z.infer<typeof AgendaItemRecord>;

export const ResolutionRecord = z
  .strictObject({ id: int, label: strN, path: str.describe('"a", "a.ii"'), depth: int, text: str })
  .meta({ id: "Resolution", description: "One clause of a resolution, flattened in document order" });
export type ResolutionRecord = z.infer<typeof ResolutionRecord>;

export const DeclarationRecord = z
  .strictObject({ id: int, person: PersonRef, interest: strN, item: strN, provenance: Provenance })
  .meta({ id: "Declaration" });
export type DeclarationRecord = z.infer<typeof DeclarationRecord>;

const voteCounts = z
  .strictObject({ for: intN, against: intN, abstain: intN })
  .describe("The counts printed for each side (null where the minute prints none)");

export const VoteRecord = z
  .strictObject({
    id: int,
    motion: strN.describe("The line saying what was put to the vote, where printed"),
    result: z.enum(["carried", "lost"]).nullable(),
    counts: voteCounts,
    for: z.array(PersonRef),
    against: z.array(PersonRef),
    abstain: z.array(PersonRef),
    provenance: Provenance,
  })
  .meta({ id: "Vote", description: "A recorded vote a minute prints: counts and the members named on each side" });
export type VoteRecord = z.infer<typeof VoteRecord>;

export const PersonVote = z
  .strictObject({
    voteId: int,
    side: z.enum(["for", "against", "abstain"]),
    meetingId: int,
    committee: CommitteeRef,
    date: isoDateN,
    minuteId: int,
    minuteNumber: strN,
    minuteTitle: str,
    motion: strN,
    result: z.enum(["carried", "lost"]).nullable(),
    counts: voteCounts,
    provenance: Provenance,
  })
  .meta({ id: "PersonVote", description: "How one person is recorded as voting" });
export type PersonVote = z.infer<typeof PersonVote>;

export const MinuteRecord = z
  .strictObject({
    id: int,
    number: strN,
    agendaItem: strN,
    title: str,
    procedural: z.boolean(),
    keyDecision: boolN,
    exemptParagraphs: z
      .array(int)
      .describe("Schedule 12A paragraphs; when non-empty the minute is exempt and only its title is kept"),
    exempt: z.boolean(),
    resolutions: z.array(ResolutionRecord),
    reasons: z.array(str),
    declarations: z.array(DeclarationRecord),
    provenance: Provenance,
    text: str
      .optional()
      .describe(
        "The minute's discussion text as imported (its lines after the title), when the import had the text; never for an exempt minute",
      ),
    votes: z.array(VoteRecord).optional().describe("Recorded votes the minute prints (never for an exempt minute)"),
  })
  .meta({
    id: "Minute",
    description:
      "A minute. When exempt (Schedule 12A), only the title and paragraphs cited are published: resolutions and reasons are empty",
  });
export type MinuteRecord = z.infer<typeof MinuteRecord>;

export const AttendanceRecord = z
  .strictObject({
    chair: PersonRef.nullable(),
    present: z.array(PersonRef),
    apologies: z.array(PersonRef),
    inAttendance: z.array(PersonRef),
    provenance: Provenance,
  })
  .meta({ id: "Attendance" });
export type AttendanceRecord = z.infer<typeof AttendanceRecord>;

export const ReportRecord = z
  .strictObject({
    id: int,
    agendaItem: strN,
    title: str,
    author: strN,
    recommendations: z.array(str),
    officers: z.array(z.strictObject({ name: str, role: strN, phone: strN, email: strN })),
    appendices: z.array(str),
    backgroundPapers: z.array(str),
    exempt: z
      .boolean()
      .describe("When exempt, only the title and paragraphs cited are kept: the lists are empty and author null"),
    exemptParagraphs: z.array(int),
    provenance: Provenance,
    text: str
      .optional()
      .describe(
        "The report's text as imported (its lines after the title), when the import had the text; never for an exempt report or the exempt parts of one",
      ),
  })
  .meta({
    id: "Report",
    description: "An officer report. When exempt (Schedule 12A), only the title and paragraphs cited are published",
  });
export type ReportRecord = z.infer<typeof ReportRecord>;

export const ExemptPartRecord = z
  .strictObject({
    id: int,
    meetingId: int,
    kind: z.enum(["report", "appendix", "section", "minute"]),
    agendaItem: strN,
    title: str,
    paragraphs: z.array(int),
    provenance: Provenance,
  })
  .meta({
    id: "ExemptPart",
    description: "Lines of a document withheld as exempt (Schedule 12A): what they are, never what they say",
  });
export type ExemptPartRecord = z.infer<typeof ExemptPartRecord>;

export const MembershipRecord = z.strictObject({ person: PersonRef, role: strN }).meta({ id: "Membership" });
export type MembershipRecord = z.infer<typeof MembershipRecord>;

export const DecisionFactsRecord = z
  .strictObject({
    maker: strN.describe("Who took the decision, as printed (an officer, a cabinet member, the Cabinet)"),
    status: strN.describe('As printed: "For determination", "Recommendations Approved", "Called in", "Implemented"'),
    callIn: boolN.describe("Whether it may be called in; false when printed as not subject to call-in"),
    callInDeadline: isoDateN,
    publicationDate: isoDateN,
    effectiveDate: isoDateN.describe("When it takes effect (may be implemented), when printed"),
    decidedAt: z
      .strictObject({ committee: str, date: isoDateN })
      .nullable()
      .describe("The meeting it was taken at, when it was"),
    provenance: Provenance,
  })
  .meta({
    id: "DecisionFacts",
    description: "An officer or executive decision record's own facts (a decision, not a committee meeting)",
  });
export type DecisionFactsRecord = z.infer<typeof DecisionFactsRecord>;

export const MeetingDetail = z
  .strictObject({
    ...meetingSummary,
    kind: z
      .enum(["meeting", "decision"])
      .describe("decision: every document speaking of it is a decision record (shown at /decisions/{id})"),
    decision: DecisionFactsRecord.nullable().describe(
      "The decision record's facts, when a decision record speaks of it",
    ),
    contact: Contact.nullable(),
    nextMeeting: isoDateN,
    membership: z.array(MembershipRecord),
    agenda: z.array(AgendaItemRecord),
    attendance: AttendanceRecord.nullable(),
    minutes: z.array(MinuteRecord),
    reports: z.array(ReportRecord),
    documents: z
      .array(DocumentRef)
      .describe("Every document that speaks of this meeting, with the meeting's span inside it"),
  })
  .meta({ id: "MeetingDetail" });
export type MeetingDetail = z.infer<typeof MeetingDetail>;

const committeeSummary = {
  id: int,
  name: str,
  authority: strN,
  meetings: int,
  firstMeeting: isoDateN,
  lastMeeting: isoDateN,
};
export const CommitteeSummary = z.strictObject(committeeSummary).meta({ id: "CommitteeSummary" });
export type CommitteeSummary = z.infer<typeof CommitteeSummary>;

export const CommitteeDetail = z
  .strictObject({
    ...committeeSummary,
    membership: z
      .array(MembershipRecord)
      .describe("Membership as printed on the most recent front sheet that lists one"),
    membershipAsOf: isoDateN,
    meetingsByYear: z.array(z.strictObject({ year: strN, meetings: z.array(MeetingSummary) })),
  })
  .meta({ id: "CommitteeDetail" });
export type CommitteeDetail = z.infer<typeof CommitteeDetail>;

const personSummary = {
  id: int,
  name: str,
  council: strN.describe("The council whose records name them"),
  kind: z
    .enum(["councillor", "attendee", "named"])
    .describe(
      "councillor: a member at a meeting (membership, present, apologies, a declaration or a recorded vote); attendee: only ever 'in attendance' (officers and others); named: neither",
    ),
  committees: int,
  meetingsAttended: int,
};
export const PersonSummary = z.strictObject(personSummary).meta({ id: "PersonSummary" });
export type PersonSummary = z.infer<typeof PersonSummary>;

export const AliasRecord = z
  .strictObject({
    id: int,
    printed: str,
    rule: str.describe(
      '"first-seen" (created the person), "exact", "initials", "forename-initial", "initials-prefix", "forename-prefix", "surname-unique", "merged" (by an officer), "unmerged"',
    ),
    documentId: int,
    documentName: str,
    line: int.nullable(),
  })
  .meta({ id: "Alias", description: "One printed form of a person's name and why it was merged into this person" });
export type AliasRecord = z.infer<typeof AliasRecord>;

export const PersonAttendance = z.strictObject({
  meetingId: int,
  committee: CommitteeRef,
  date: isoDateN,
  status: z.enum(["present", "apologies", "in-attendance", "absent"]),
});
export type PersonAttendance = z.infer<typeof PersonAttendance>;

export const RoleRecord = z.strictObject({ committee: CommitteeRef, role: strN, from: isoDateN, to: isoDateN });

export const PersonDetail = z
  .strictObject({
    ...personSummary,
    aliases: z.array(AliasRecord),
    roles: z.array(RoleRecord),
    attendance: z.strictObject({
      attended: int,
      apologies: int,
      expected: int.describe(
        "Meetings of committees whose printed membership included this person, plus any they attended",
      ),
      meetings: z.array(PersonAttendance),
    }),
    declarations: z.array(
      z.strictObject({
        meetingId: int,
        committee: CommitteeRef,
        date: isoDateN,
        minuteTitle: strN,
        interest: strN,
        item: strN,
        provenance: Provenance,
      }),
    ),
    votes: z.array(PersonVote).describe("Recorded votes naming this person, in date order"),
  })
  .meta({ id: "PersonDetail" });
export type PersonDetail = z.infer<typeof PersonDetail>;

export const DecisionRecord = z
  .strictObject({
    minuteId: int,
    meetingId: int,
    committee: CommitteeRef,
    date: isoDateN,
    number: strN,
    title: str,
    keyDecision: boolN,
    resolutions: z.array(ResolutionRecord),
    reasons: z.array(str),
    provenance: Provenance,
    record: DecisionFactsRecord.nullable().describe(
      "When the decision is a decision record of its own (an officer or executive decision): its facts; its page is /decisions/{meetingId}",
    ),
  })
  .meta({ id: "Decision" });
export type DecisionRecord = z.infer<typeof DecisionRecord>;

const searchHit = {
  paragraphId: int,
  type: ParagraphType,
  title: str,
  snippetHtml: str.describe(
    "The matching passage with matches wrapped in <mark>…</mark>; everything else HTML-escaped",
  ),
  snippetText: str.describe("The same passage as plain text with matches wrapped in [ ]"),
  score: z.number(),
  keyDecision: boolN,
  meeting: z.strictObject({ id: int, committee: CommitteeRef, date: isoDateN }),
  provenance: Provenance,
};
export const SearchHit = z.strictObject(searchHit);
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchFacets = z
  .strictObject({
    committee: z.array(z.strictObject({ id: int, name: str, count: int })),
    year: z.array(z.strictObject({ year: str, count: int })),
    type: z.array(z.strictObject({ type: ParagraphType, count: int })),
    keyDecision: z.strictObject({ key: int, other: int }),
  })
  .describe("Counts of the matches by committee, year, type and key decision; each adds up to total");
export type SearchFacets = z.infer<typeof SearchFacets>;

const searchResult = {
  query: str,
  engineQuery: str.describe("The expression actually sent to the engine (for --json and debugging)"),
  total: int.describe("Matches in all; when totalExact is false, there are more than this many (the count limit)"),
  totalExact: z.boolean().describe("False when counting stopped at the count limit and total means 'more than'"),
  facets: SearchFacets,
  facetsExact: z
    .boolean()
    .describe(
      "False when the facets were counted over `total` of the matches only: each count is then a lower bound and a value with no counted match is missing",
    ),
  rankedOver: int
    .nullable()
    .describe(
      "Null when the hits are the best of every match; otherwise the number of most recently stored matches they were ranked among (a broad query on a large store)",
    ),
};
export const SearchResult = z.strictObject({ ...searchResult, hits: z.array(SearchHit) });
export type SearchResult = z.infer<typeof SearchResult>;

/** A search hit as the portal serves it: with `href`, the address of the record it came from. */
export const LinkedSearchHit = z
  .strictObject({
    ...searchHit,
    href: str.describe("The record on its meeting page, e.g. /meetings/4#minute-31"),
  })
  .meta({ id: "SearchHit" });
export const LinkedSearchResult = z
  .strictObject({ ...searchResult, hits: z.array(LinkedSearchHit) })
  .meta({ id: "SearchResult" });

export const StoreStats = z
  .strictObject({
    engine: z.enum(["sqlite", "postgres"]),
    schemaVersion: int,
    documents: int,
    authorities: int,
    committees: int,
    meetings: int,
    agendaItems: int,
    minutes: int,
    resolutions: int,
    reports: int,
    people: int,
    aliases: int,
    paragraphs: int,
    firstMeeting: isoDateN,
    lastMeeting: isoDateN,
    changes: int.describe(
      "Moves whenever a document is stored, replaced or removed, or a merge is undone: a cheap 'did the store change?'",
    ),
  })
  .meta({ id: "StoreStats" });
export type StoreStats = z.infer<typeof StoreStats>;
