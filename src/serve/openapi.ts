/**
 * The OpenAPI 3.1 description of the open-data API. The schemas mirror the store's read types
 * (src/store/repository.ts) plus the portal's page data; a test validates every page's JSON twin
 * against them, so the document cannot drift from what the server returns.
 */

import { FOLLOW_PATHS, FOLLOW_RESPONSES, FOLLOW_SCHEMAS } from "./follow/openapi";
import { arr, bool, boolN, date, dateN, int, intN, nul, num, obj, ref, type Schema, str, strN } from "./schema";

const page = (item: string): Schema =>
  obj({ items: arr(ref(item)), total: int, limit: int, offset: int }, `A page of ${item} records`);

const meetingSummary = {
  id: int,
  committee: ref("CommitteeRef"),
  authority: strN,
  date: dateN,
  time: strN,
  location: strN,
  counts: obj({ agendaItems: int, minutes: int, reports: int, documents: int }),
};

const committeeSummary = {
  id: int,
  name: str,
  authority: strN,
  meetings: int,
  firstMeeting: dateN,
  lastMeeting: dateN,
};

const personSummary = { id: int, name: str, committees: int, meetingsAttended: int };

const paragraphType: Schema = { type: "string", enum: ["agenda", "minute", "resolution", "report"] };

export const SCHEMAS: Record<string, Schema> = {
  Span: obj(
    { startLine: int, endLine: int, page: intN },
    "1-based lines of the document's extracted text; page is the physical page for paged sources",
  ),
  Provenance: obj({ documentId: int, documentName: str, span: ref("Span") }, "Where a record was read from"),
  CommitteeRef: obj({ id: int, name: str }),
  PersonRef: obj({ id: int, name: str, printed: str }, "A person, and their name as printed in this record"),
  Contact: obj({ name: strN, phone: strN, email: strN }),
  MeetingSummary: obj(meetingSummary),
  DocumentRef: obj({ id: int, name: str, path: strN, format: str, sha256: str, span: nul(ref("Span")) }),
  AgendaItem: obj({
    id: int,
    number: str,
    title: str,
    reportBy: strN,
    pages: { anyOf: [obj({ start: int, end: int }), { type: "null" }] },
    procedural: bool,
    exempt: bool,
    exemptParagraphs: arr(int),
    provenance: ref("Provenance"),
  }),
  Resolution: obj(
    { id: int, label: strN, path: str, depth: int, text: str },
    "One clause of a resolution, flattened in document order",
  ),
  Declaration: obj({ id: int, person: ref("PersonRef"), interest: strN, item: strN, provenance: ref("Provenance") }),
  Minute: obj(
    {
      id: int,
      number: strN,
      agendaItem: strN,
      title: str,
      procedural: bool,
      keyDecision: boolN,
      exemptParagraphs: arr(int),
      exempt: bool,
      resolutions: arr(ref("Resolution")),
      reasons: arr(str),
      declarations: arr(ref("Declaration")),
      provenance: ref("Provenance"),
    },
    "A minute. When exempt (Schedule 12A), only the title and paragraphs cited are published: resolutions and reasons are empty",
  ),
  Attendance: obj({
    chair: nul(ref("PersonRef")),
    present: arr(ref("PersonRef")),
    apologies: arr(ref("PersonRef")),
    inAttendance: arr(ref("PersonRef")),
    provenance: ref("Provenance"),
  }),
  Report: obj(
    {
      id: int,
      agendaItem: strN,
      title: str,
      author: strN,
      recommendations: arr(str),
      officers: arr(obj({ name: str, role: strN, phone: strN, email: strN })),
      appendices: arr(str),
      backgroundPapers: arr(str),
      exempt: bool,
      exemptParagraphs: arr(int),
      provenance: ref("Provenance"),
    },
    "An officer report. When exempt (Schedule 12A), only the title and paragraphs cited are published",
  ),
  Membership: obj({ person: ref("PersonRef"), role: strN }),
  MeetingDetail: obj({
    ...meetingSummary,
    contact: nul(ref("Contact")),
    nextMeeting: dateN,
    membership: arr(ref("Membership")),
    agenda: arr(ref("AgendaItem")),
    attendance: nul(ref("Attendance")),
    minutes: arr(ref("Minute")),
    reports: arr(ref("Report")),
    documents: arr(ref("DocumentRef")),
  }),
  CommitteeSummary: obj(committeeSummary),
  CommitteeDetail: obj({
    ...committeeSummary,
    membership: arr(ref("Membership")),
    membershipAsOf: dateN,
    meetingsByYear: arr(obj({ year: strN, meetings: arr(ref("MeetingSummary")) })),
  }),
  PersonSummary: obj(personSummary),
  Alias: obj({ id: int, printed: str, rule: str, documentId: int, documentName: str, line: intN }),
  PersonDetail: obj({
    ...personSummary,
    aliases: arr(ref("Alias")),
    roles: arr(obj({ committee: ref("CommitteeRef"), role: strN, from: dateN, to: dateN })),
    attendance: obj({
      attended: int,
      apologies: int,
      expected: int,
      meetings: arr(
        obj({
          meetingId: int,
          committee: ref("CommitteeRef"),
          date: dateN,
          status: { type: "string", enum: ["present", "apologies", "in-attendance", "absent"] },
        }),
      ),
    }),
    declarations: arr(
      obj({
        meetingId: int,
        committee: ref("CommitteeRef"),
        date: dateN,
        minuteTitle: strN,
        interest: strN,
        item: strN,
        provenance: ref("Provenance"),
      }),
    ),
    byCommittee: arr(
      obj({ committee: ref("CommitteeRef"), attended: int, apologies: int, absent: int, expected: int }),
    ),
  }),
  Decision: obj({
    minuteId: int,
    meetingId: int,
    committee: ref("CommitteeRef"),
    date: dateN,
    number: strN,
    title: str,
    keyDecision: boolN,
    resolutions: arr(ref("Resolution")),
    reasons: arr(str),
    provenance: ref("Provenance"),
  }),
  SearchHit: obj({
    paragraphId: int,
    type: paragraphType,
    title: str,
    snippetHtml: { type: "string", description: "Escaped text with matches in <mark> elements" },
    snippetText: { type: "string", description: "Plain text with matches in [ ]" },
    score: num,
    keyDecision: boolN,
    meeting: obj({ id: int, committee: ref("CommitteeRef"), date: dateN }),
    provenance: ref("Provenance"),
    href: { type: "string", description: "The record on its meeting page, e.g. /meetings/4#minute-31" },
  }),
  SearchResult: obj({
    query: str,
    engineQuery: str,
    total: {
      type: "integer",
      description: "Matches in all; when totalExact is false, there are more than this many (the count limit)",
    },
    totalExact: {
      type: "boolean",
      description: "False when counting stopped at the count limit and total means 'more than'",
    },
    hits: arr(ref("SearchHit")),
    facets: obj(
      {
        committee: arr(obj({ id: int, name: str, count: int })),
        year: arr(obj({ year: str, count: int })),
        type: arr(obj({ type: paragraphType, count: int })),
        keyDecision: obj({ key: int, other: int }),
      },
      "Counts of the matches; each adds up to total",
    ),
    facetsExact: {
      type: "boolean",
      description:
        "False when the facets were counted over `total` of the matches only: each count is then a lower bound and a value with no counted match is missing",
    },
  }),
  StoreStats: obj({
    engine: { type: "string", enum: ["sqlite", "postgres"] },
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
    firstMeeting: dateN,
    lastMeeting: dateN,
    changes: int,
  }),
  Redaction: obj({ startLine: int, endLine: int, paragraphs: arr(int), title: str }),
  Home: obj({ stats: ref("StoreStats"), upcoming: arr(ref("MeetingSummary")), recent: arr(ref("MeetingSummary")) }),
  Meetings: obj({
    meetings: page("MeetingSummary"),
    committees: arr(ref("CommitteeSummary")),
    filter: obj({ committee: intN, year: strN, page: int }),
  }),
  People: obj({ people: page("PersonSummary"), page: int }),
  Decisions: obj({
    decisions: page("Decision"),
    committees: arr(ref("CommitteeSummary")),
    filter: obj({ committee: intN, from: dateN, to: dateN, key: bool, page: int }),
  }),
  Search: obj({
    result: nul(ref("SearchResult")),
    filter: obj({
      q: str,
      committee: intN,
      year: strN,
      type: { anyOf: [paragraphType, { type: "null" }] },
      key: bool,
      page: int,
    }),
    limit: int,
  }),
  Document: obj({
    document: ref("DocumentRef"),
    meetings: arr(ref("MeetingSummary")),
    lines: {
      anyOf: [arr(obj({ n: int, page: intN, text: strN })), { type: "null" }],
      description: "The document's text by line; text is null where an exempt item's lines are withheld",
    },
    window: {
      anyOf: [obj({ first: int, last: int, total: int, size: int }), { type: "null" }],
      description: "For long documents, the lines shown (the window holding line `at`); null when all are",
    },
    cited: {
      anyOf: [obj({ from: int, to: int }), { type: "null" }],
      description: "The lines asked for with at and to, as a provenance link cites them",
    },
    unavailable: strN,
    redactions: arr(ref("Redaction")),
  }),
  Error: obj({ error: obj({ status: int, message: str }) }),
};

type Param = { name: string; in: "query" | "path"; required?: boolean; schema: Schema; description?: string };

const P = {
  id: { name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } },
  page: { name: "page", in: "query", schema: { type: "integer", minimum: 1 } },
  committee: { name: "committee", in: "query", schema: { type: "integer", minimum: 1 }, description: "Committee id" },
  year: { name: "year", in: "query", schema: { type: "string", pattern: "^\\d{4}$" } },
  from: { name: "from", in: "query", schema: date, description: "On or after this date" },
  to: { name: "to", in: "query", schema: date, description: "On or before this date" },
  key: { name: "key", in: "query", schema: { type: "string", enum: ["1"] }, description: "Key decisions only" },
  q: { name: "q", in: "query", schema: { type: "string", maxLength: 200 }, description: "Search words" },
  type: { name: "type", in: "query", schema: paragraphType },
} satisfies Record<string, Param>;

const errors = {
  "400": { description: "Bad query string", content: { "application/json": { schema: ref("Error") } } },
  "404": { description: "No such record", content: { "application/json": { schema: ref("Error") } } },
};

function get(summary: string, schema: string, parameters: Param[] = [], type = "application/json") {
  return {
    get: {
      summary,
      parameters,
      responses: {
        "200": {
          description: summary,
          content: { [type]: { schema: type === "application/json" ? ref(schema) : { type: "string" } } },
        },
        ...errors,
      },
    },
  };
}

/** The API paths and the schema each JSON response follows (used by the twin-validation test). */
export const API_RESPONSES: Record<string, string> = {
  "/api/home": "Home",
  "/api/meetings": "Meetings",
  "/api/meetings/{id}": "MeetingDetail",
  "/api/committees": "CommitteeList",
  "/api/committees/{id}": "CommitteeDetail",
  "/api/people": "People",
  "/api/people/{id}": "PersonDetail",
  "/api/decisions": "Decisions",
  "/api/search": "Search",
  "/api/documents/{id}": "Document",
  ...FOLLOW_RESPONSES,
};

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Minutebook open data API",
      version: "1.0.0",
      description:
        "Council committee records (meetings, agendas, reports, minutes, decisions, attendance, declarations) with provenance: every record names the document and lines it was read from. Every HTML page has a JSON twin at /api + its address. Exempt information (Schedule 12A) is never included.",
    },
    servers: [{ url: "/" }],
    paths: {
      "/api/home": get("Upcoming and recent meetings, and counts", "Home"),
      "/api/meetings": get("Meetings, filtered and paged", "Meetings", [P.committee, P.year, P.page]),
      "/api/meetings/{id}": get(
        "One meeting: front sheet, agenda, reports, minutes, attendance, declarations and source documents",
        "MeetingDetail",
        [P.id],
      ),
      "/api/committees": get("Committees", "CommitteeList"),
      "/api/committees/{id}": get("One committee: membership and meetings by year", "CommitteeDetail", [P.id]),
      "/api/people": get("People named in the records", "People", [P.page]),
      "/api/people/{id}": get("One person: roles, attendance, declarations", "PersonDetail", [P.id]),
      "/api/decisions": get("The decisions register", "Decisions", [P.committee, P.from, P.to, P.key, P.page]),
      "/api/search": get("Full-text search with facets", "Search", [P.q, P.committee, P.year, P.type, P.key, P.page]),
      "/api/documents/{id}": get("A source document and its text by line", "Document", [
        P.id,
        {
          name: "at",
          in: "query",
          schema: { type: "integer", minimum: 1 },
          description: "Show the part holding this line",
        },
        { name: "to", in: "query", schema: { type: "integer", minimum: 1 }, description: "Last cited line (with at)" },
      ]),
      "/decisions.csv": get(
        "Decisions as CSV, one row per resolution clause",
        "",
        [P.committee, P.from, P.to, P.key],
        "text/csv",
      ),
      "/attendance.csv": get("Attendance at every meeting as CSV", "", [], "text/csv"),
      "/meetings.ics": get("Meetings as an iCalendar feed", "", [P.committee], "text/calendar"),
      "/search.atom": get(
        "A search as an Atom feed",
        "",
        [P.q, P.committee, P.year, P.type, P.key],
        "application/atom+xml",
      ),
      ...FOLLOW_PATHS,
    },
    components: { schemas: { ...SCHEMAS, ...FOLLOW_SCHEMAS, CommitteeList: arr(ref("CommitteeSummary")) } },
  };
}
