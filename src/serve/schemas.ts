/**
 * What the portal's JSON twins return, one zod definition each: pages.ts takes its page-data types
 * from here, app.ts declares each route's answer with them, and the OpenAPI document is generated
 * from them (openapi.ts). Records the store reads come from model/records.ts. No I/O.
 */
import { z } from "zod";
import {
  CommitteeSummary,
  DecisionRecord,
  DocumentRef,
  int,
  isoDateN,
  LinkedSearchResult,
  MeetingSummary,
  Page,
  ParagraphType,
  PersonDetail,
  PersonSummary,
  StoreStats,
  str,
  strN,
} from "../model/records";

export const ErrorBody = z
  .strictObject({ error: z.strictObject({ status: int, message: str }) })
  .meta({ id: "Error", description: "Why the request failed" });

export const HomeData = z
  .strictObject({
    stats: StoreStats,
    decisions: int.describe("Minutes with resolutions: the number the decisions register lists"),
    upcoming: z.array(MeetingSummary),
    recent: z.array(MeetingSummary),
  })
  .meta({ id: "Home" });
export type HomeData = z.infer<typeof HomeData>;

export const CommitteeList = z.array(CommitteeSummary).meta({ id: "CommitteeList" });

export const MeetingsData = z
  .strictObject({
    meetings: Page(MeetingSummary),
    committees: z.array(CommitteeSummary),
    filter: z.strictObject({ committee: int.nullable(), year: strN, page: int }),
  })
  .meta({ id: "Meetings" });
export type MeetingsData = z.infer<typeof MeetingsData>;

export const PeopleData = z
  .strictObject({
    people: Page(PersonSummary),
    page: int,
    filter: z.strictObject({ q: strN, council: strN }),
    councils: z.array(str).describe("The councils whose people are listed, for the council filter"),
  })
  .meta({ id: "People" });
export type PeopleData = z.infer<typeof PeopleData>;

export const CommitteeAttendance = z.strictObject({
  committee: z.strictObject({ id: int, name: str }),
  attended: int.describe("Meetings they are recorded as present at"),
  apologies: int,
  absent: int,
  expected: int.describe("attended + apologies + absent: the meetings they were expected at"),
  inAttendance: int.describe(
    "Meetings they are recorded as in attendance at, not as a member (not counted as expected)",
  ),
});
export type CommitteeAttendance = z.infer<typeof CommitteeAttendance>;

export const PersonData = z
  .strictObject({ ...PersonDetail.shape, byCommittee: z.array(CommitteeAttendance) })
  .meta({ id: "Person" });
export type PersonData = z.infer<typeof PersonData>;

export const DecisionsData = z
  .strictObject({
    decisions: Page(DecisionRecord),
    committees: z.array(CommitteeSummary),
    filter: z.strictObject({ committee: int.nullable(), from: isoDateN, to: isoDateN, key: z.boolean(), page: int }),
  })
  .meta({ id: "Decisions" });
export type DecisionsData = z.infer<typeof DecisionsData>;

export const SearchData = z
  .strictObject({
    result: LinkedSearchResult.nullable().describe("The store's result; null when no words were given"),
    filter: z.strictObject({
      q: str,
      committee: int.nullable(),
      year: strN,
      type: ParagraphType.nullable(),
      key: z.boolean(),
      page: int,
    }),
    limit: int,
  })
  .meta({ id: "Search" });
export type SearchData = z.infer<typeof SearchData>;

export const Redaction = z.strictObject({ startLine: int, endLine: int, paragraphs: z.array(int), title: str }).meta({
  id: "Redaction",
  description: "An exempt minute's lines inside a document: only the first (title) line is shown",
});
export type Redaction = z.infer<typeof Redaction>;

export const DocumentLine = z.strictObject({ n: int, page: int.nullable(), text: strN });
export type DocumentLine = z.infer<typeof DocumentLine>;

export const DocumentData = z
  .strictObject({
    document: DocumentRef,
    meetings: z.array(MeetingSummary),
    lines: z
      .array(DocumentLine)
      .nullable()
      .describe("The document's text by line; text is null where an exempt item's lines are withheld"),
    window: z
      .strictObject({ first: int, last: int, total: int, size: int })
      .nullable()
      .describe("For long documents, the lines shown (the window holding line `at`); null when all are"),
    cited: z
      .strictObject({ from: int, to: int })
      .nullable()
      .describe("The lines asked for with at and to, as a provenance link cites them"),
    unavailable: strN.describe("Why the lines cannot be shown, when they cannot"),
    redactions: z.array(Redaction),
  })
  .meta({ id: "Document" });
export type DocumentData = z.infer<typeof DocumentData>;
