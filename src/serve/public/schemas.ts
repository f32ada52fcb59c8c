/**
 * What the council pages' JSON twins return (/api/council, /api/calendar, /api/councillors, …), as zod
 * schemas: council.ts's page() describes each twin in the OpenAPI document with them, and the compiler
 * checks each against its loader's type. The store's office types (store/common/office.ts) are still
 * written out as TypeScript there; these mirror them field for field (a change to one that the other
 * lacks fails to compile). No I/O.
 */
import { z } from "zod";
import {
  COMMITTEE_KINDS,
  INTEREST_CATEGORIES,
  MEETING_STATUSES,
  MEMBERSHIP_ROLES,
  PERSON_KINDS,
  POSITIONS,
} from "../../model/office";
import { CommitteeRef, int, isoDate, isoDateN, PersonDetail, str, strN } from "../../model/records";

const ref = z.strictObject({ id: int, name: str });

export const Council = z
  .strictObject({ id: int, name: str, policy: z.enum(["principal", "parish"]) })
  .meta({ id: "Council", description: "The council and the notice rules it follows" });

export const OfficeCommittee = z
  .strictObject({
    id: int,
    name: str,
    authority: str,
    kind: z.enum(COMMITTEE_KINDS).nullable().describe("Null for a committee known only from imported papers"),
    parent: ref.nullable(),
    receivers: z.array(ref),
    termsOfReference: str,
    quorum: int.nullable(),
    clerk: ref.nullable(),
    webcastUrl: strN,
    kept: z.boolean(),
  })
  .meta({ id: "OfficeCommittee" });

export const OfficePerson = z
  .strictObject({
    id: int,
    name: str,
    kind: z.enum(PERSON_KINDS).nullable().describe("Null for a person known only from imported papers"),
    ward: strN,
    party: strN,
    jobTitle: strN,
    email: strN,
    phone: strN,
    photoUrl: strN,
    termStart: isoDateN,
    termEnd: isoDateN,
  })
  .meta({ id: "OfficePerson" });

export const Seat = z
  .strictObject({
    id: int,
    committee: CommitteeRef,
    person: z.strictObject({ id: int, name: str, party: strN, ward: strN }),
    role: z.enum(MEMBERSHIP_ROLES),
    voting: z.boolean(),
    position: z.enum(POSITIONS).nullable(),
    from: isoDate,
    to: isoDateN,
    appointedAt: z.strictObject({ meetingId: int, date: isoDateN }).nullable(),
  })
  .meta({ id: "Seat", description: "A dated seat on a committee" });

export const NoticeCheck = z.strictObject({
  policy: z.enum(["principal", "parish"]),
  required: int,
  meetingDate: isoDate,
  latestPublicationDate: isoDate,
  latestWorkingPublicationDate: isoDate,
  publishedOn: isoDate.optional(),
  clearDays: int.optional(),
  countedDays: z.array(isoDate).optional(),
  status: z.enum(["on-time", "late", "due", "overdue", "not-recorded"]),
  late: z.boolean(),
});

export const CalendarRow = z
  .strictObject({
    meetingId: int,
    committee: CommitteeRef,
    date: isoDateN,
    start: strN,
    end: strN,
    location: strN,
    status: z
      .enum(MEETING_STATUSES)
      .describe('"held" for an imported meeting the office does not keep (its papers say it happened or will)'),
    originalDate: isoDateN,
    publishedAt: strN,
    note: strN,
    kept: z.boolean(),
    notice: NoticeCheck.nullable().describe("Whether the notice and agenda were or can still be published in time"),
  })
  .meta({ id: "CalendarRow" });

export const StructureData = z
  .strictObject({ council: Council.nullable(), committees: z.array(OfficeCommittee) })
  .meta({ id: "CouncilStructure" });

export const CommitteeData = z
  .strictObject({
    council: Council.nullable(),
    committee: OfficeCommittee,
    today: isoDate,
    members: z.array(Seat),
    balance: z.array(z.strictObject({ party: str, seats: int })),
    upcoming: z.array(CalendarRow),
    past: z.array(CalendarRow),
  })
  .meta({ id: "CouncilCommittee" });

export const CalendarData = z
  .strictObject({
    council: Council.nullable(),
    month: z.string().nullable(),
    view: z.enum(["month", "list"]),
    meetings: z.array(CalendarRow),
    today: isoDate,
  })
  .meta({ id: "Calendar" });

export const CouncillorsData = z
  .strictObject({
    filter: z.strictObject({ q: str, ward: str, party: str }),
    wards: z.array(str),
    parties: z.array(str),
    councillors: z.array(OfficePerson),
  })
  .meta({ id: "Councillors" });

export const RegisterStatus = z.discriminatedUnion("status", [
  z.strictObject({ status: z.literal("filed"), filedOn: isoDate, dueBy: isoDate, late: z.boolean(), daysLate: int }),
  z.strictObject({ status: z.literal("due"), dueBy: isoDate }),
  z.strictObject({ status: z.literal("overdue"), dueBy: isoDate, daysLate: int }),
]);

export const CouncillorData = z
  .strictObject({
    person: OfficePerson,
    today: isoDate,
    current: z.array(Seat),
    past: z.array(Seat),
    attendance: PersonDetail.shape.attendance.nullable(),
    declarations: PersonDetail.shape.declarations,
    register: z
      .array(
        z.strictObject({
          id: int,
          personId: int,
          category: z.enum(INTEREST_CATEGORIES),
          description: str,
          sensitive: z.boolean(),
          submittedOn: isoDate,
          approvedAt: strN,
          approvedBy: strN,
          endedOn: isoDateN,
          categoryLabel: str,
          disclosablePecuniary: z.boolean(),
        }),
      )
      .describe("The public register of interests; a sensitive entry's description is withheld"),
    registerFiled: RegisterStatus.nullable(),
  })
  .meta({ id: "Councillor" });
