/**
 * parse/v1: the stable export contract between the parser and everything after it
 * (see ../shared/spec/parse-v1.md). One zod definition per record gives the TypeScript types, the
 * validator the import stage and the property tests run on every result, and the JSON Schema.
 * Unknown extra fields are allowed (richer internal models are welcome); the fields the spec names
 * must be present with the spec's types. The optional exempt fields are Minutebook's own (the parse
 * stage's Schedule 12A flags, parse/exempt); they are checked when present. No I/O.
 */
import { z } from "zod";

export const SOURCE_FORMATS = ["text", "markdown", "pdf", "html", "xml"] as const;
export const SourceFormat = z.enum(SOURCE_FORMATS);
export type SourceFormat = z.infer<typeof SourceFormat>;

const nstr = z.string({ error: "expected string or null" }).nullable();
const str = z.string({ error: "expected string" });
const strs = z.array(str, { error: "expected array" });
const int = z.int({ error: "expected integer" });
const isoDate = z
  .string({ error: "expected ISO date or null" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "expected ISO date or null" })
  .nullable();
const hhmm = z
  .string({ error: "expected HH:MM or null" })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "expected HH:MM or null" })
  .nullable();
const list = <T extends z.ZodType>(item: T) => z.array(item, { error: "expected array" });
// Unknown keys are ignored (stripped from the parsed copy), not errors: the validator checks only what the spec names.
const obj = <S extends z.ZodRawShape>(shape: S) => z.object(shape, { error: "expected object" });

/** 1-based lines of the extracted text; `page` is the physical page for paged sources. */
export const Span = obj({
  startLine: z.int({ error: "expected integer >= 1" }).min(1, { error: "expected integer >= 1" }),
  endLine: z.int({ error: "expected >= startLine" }),
  page: z.int({ error: "expected integer >= 1 or null" }).min(1, { error: "expected integer >= 1 or null" }).nullable(),
}).refine((s) => typeof s.startLine !== "number" || typeof s.endLine !== "number" || s.endLine >= s.startLine, {
  path: ["endLine"],
  error: "expected >= startLine",
  // Checked even when another field of the span is wrong (so every departure is reported), once it is an object.
  when: (p) => typeof p.value === "object" && p.value !== null && !Array.isArray(p.value),
});
export type Span = z.infer<typeof Span>;

export const Diagnostic = obj({
  level: z.enum(["info", "warning", "error"], { error: "bad level" }),
  message: str,
  span: Span.nullable(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;

export type Clause = { label: string | null; text: string; children: Clause[] };
export const Clause: z.ZodType<Clause> = obj({
  label: nstr,
  text: str,
  get children() {
    return list(Clause);
  },
});

export const AgendaItem = obj({
  number: str,
  title: str,
  reportBy: nstr,
  pages: obj({ start: int, end: int }).nullable(),
  span: Span,
  /** Marked on the agenda as exempt or confidential (taken in private); the title stays public. */
  exempt: z.boolean().optional(),
  /** Schedule 12A paragraphs the agenda cites for the item. */
  exemptParagraphs: list(int).optional(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Attendance = obj({ chair: nstr, present: strs, apologies: strs, inAttendance: strs });
export type Attendance = z.infer<typeof Attendance>;

export const Declaration = obj({ member: str, interest: nstr, item: nstr });
export type Declaration = z.infer<typeof Declaration>;

/** One side of a recorded vote: the count printed (null when only names are) and the names printed. */
export const VoteSide = obj({ count: int.nullable(), names: strs });
export type VoteSide = z.infer<typeof VoteSide>;

/**
 * A vote the minute records: what was put (the line saying so, when printed), the outcome, and each
 * side's count and names as printed ("For (57)" and the list below it). Optional (Minutebook's own).
 */
export const Vote = obj({
  motion: nstr,
  result: z.enum(["carried", "lost"]).nullable(),
  for: VoteSide.nullable(),
  against: VoteSide.nullable(),
  abstain: VoteSide.nullable(),
  span: Span,
});
export type Vote = z.infer<typeof Vote>;

export const Minute = obj({
  number: nstr,
  agendaItem: nstr,
  title: str,
  declarations: list(Declaration),
  resolutions: list(Clause),
  keyDecision: z.boolean({ error: "expected boolean or null" }).nullable(),
  reasons: strs,
  exemptParagraphs: list(int),
  span: Span,
  /** Exempt even where no paragraph is cited ("(Exempt)", after an exclusion resolution). */
  exempt: z.boolean().optional(),
  /** Recorded votes (counts and names) printed in the minute. */
  votes: list(Vote).optional(),
});
export type Minute = z.infer<typeof Minute>;

export const Officer = obj({ name: str, role: nstr, phone: nstr, email: nstr });
export type Officer = z.infer<typeof Officer>;

export const Report = obj({
  agendaItem: nstr,
  title: str,
  author: nstr,
  recommendations: strs,
  officers: list(Officer),
  appendices: strs,
  backgroundPapers: strs,
  span: Span,
  /** The whole report is exempt ("not for publication", an exempt agenda item): only its title is public. */
  exempt: z.boolean().optional(),
  exemptParagraphs: list(int).optional(),
});
export type Report = z.infer<typeof Report>;

/**
 * Lines of the document that are exempt (Schedule 12A) and must never be published: a whole report,
 * an appendix or section inside a public report, or a minute. The title and paragraphs are public.
 */
export const ExemptPart = obj({
  kind: z.enum(["report", "appendix", "section", "minute"]),
  agendaItem: nstr,
  title: str,
  paragraphs: list(int),
  span: Span,
});
export type ExemptPart = z.infer<typeof ExemptPart>;

export const Contact = obj({ name: nstr, phone: nstr, email: nstr });
export type Contact = z.infer<typeof Contact>;

export const Member = obj({ name: str, role: nstr });
export type Member = z.infer<typeof Member>;

/** What the papers print about the meeting itself (Minutebook's own): cancelled or postponed. */
export const MEETING_STATES = ["cancelled", "postponed"] as const;
export const MeetingState = obj({
  state: z.enum(MEETING_STATES, { error: "expected cancelled or postponed" }),
  /** The notice as printed: "This meeting has been cancelled", "Postponed to 3 March 2025", Modern.Gov's "Cancelled". */
  note: nstr,
  /** The new date when the notice gives one ("rescheduled to …", "will now take place on …"). */
  rescheduledTo: isoDate,
  span: Span,
});
export type MeetingState = z.infer<typeof MeetingState>;

/**
 * The facts a decision record prints beyond its minute (Minutebook's own): an officer or executive
 * decision, not a committee meeting. The meeting's `body` is then the decision maker and its `date`
 * the date of decision; the one minute holds the decision's number, title, clauses and reasons.
 */
export const DecisionFacts = obj({
  /** Who took it, as printed ("Service Director - Homes & Neighbourhoods", "Cabinet Member for …"). */
  maker: nstr,
  /** As printed: "Recommendations Approved", "For determination", "Decision made", "Called in", "Implemented". */
  status: nstr,
  /** Whether it may be called in (null when the record does not say). */
  callIn: z.boolean({ error: "expected boolean or null" }).nullable(),
  /** The last day for call-in, when printed. */
  callInDeadline: isoDate,
  publicationDate: isoDate,
  /** When it takes effect (the date it may be implemented), when printed. */
  effectiveDate: isoDate,
  /** The meeting it was decided at, when it was ("Decided at meeting: 19/10/2015 - Policy Committee"). */
  decidedAt: obj({ body: str, date: isoDate }).nullable(),
  span: Span,
});
export type DecisionFacts = z.infer<typeof DecisionFacts>;

export const Meeting = obj({
  body: str,
  authority: nstr,
  date: isoDate,
  time: hhmm,
  location: nstr,
  contact: Contact.nullable(),
  membership: list(Member),
  agenda: list(AgendaItem),
  attendance: Attendance.nullable(),
  minutes: list(Minute),
  reports: list(Report),
  nextMeeting: isoDate,
  span: Span,
  /** Exempt parts of the document that speak of this meeting (see ExemptPart). */
  exemptParts: list(ExemptPart).optional(),
  /** Printed as cancelled or postponed (see MeetingState); absent when the papers say nothing of it. */
  status: MeetingState.optional(),
  /** Present when the "meeting" is a decision record (see DecisionFacts), not a committee meeting. */
  decision: DecisionFacts.optional(),
});
export type Meeting = z.infer<typeof Meeting>;

export const ParseResult = obj({
  schema: z.literal("parse/v1", { error: 'expected "parse/v1"' }),
  source: obj({
    name: str,
    format: z.enum(SOURCE_FORMATS, { error: "bad format" }),
    sha256: z.string({ error: "expected sha256 hex" }).regex(/^[0-9a-f]{64}$/, { error: "expected sha256 hex" }),
  }),
  meetings: list(Meeting),
  diagnostics: list(Diagnostic),
});
export type ParseResult = z.infer<typeof ParseResult>;

/** A zod issue path as the validator reports it: `$.meetings[0].minutes[2].span.endLine`. */
export function issuePath(path: readonly PropertyKey[]): string {
  return `$${path.map((k) => (typeof k === "number" ? `[${k}]` : `.${String(k)}`)).join("")}`;
}

/** Every way `value` departs from parse/v1 (`path: problem`); empty when it conforms. */
export function validateParseResult(value: unknown): string[] {
  const r = ParseResult.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${issuePath(i.path)}: ${i.message}`);
}

export function isParseResult(value: unknown): value is ParseResult {
  return ParseResult.safeParse(value).success;
}

/** An empty meeting: parsers fill in what the document says and leave the rest null or empty. */
export function emptyMeeting(body: string, span: Span): Meeting {
  return {
    body,
    authority: null,
    date: null,
    time: null,
    location: null,
    contact: null,
    membership: [],
    agenda: [],
    attendance: null,
    minutes: [],
    reports: [],
    nextMeeting: null,
    span,
  };
}
