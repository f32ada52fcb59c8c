/**
 * parse/v1: the stable export contract between the parser and everything after it
 * (see ../shared/spec/parse-v1.md). Pure types and a structural validator; no I/O.
 */

export type SourceFormat = "text" | "markdown" | "pdf" | "html" | "xml";

/** 1-based lines of the extracted text; `page` is the physical page for paged sources. */
export type Span = { startLine: number; endLine: number; page: number | null };

export type Diagnostic = { level: "info" | "warning" | "error"; message: string; span: Span | null };

export type Clause = { label: string | null; text: string; children: Clause[] };

export type AgendaItem = {
  number: string;
  title: string;
  reportBy: string | null;
  pages: { start: number; end: number } | null;
  span: Span;
  /** Marked on the agenda as exempt or confidential (taken in private); the title stays public. */
  exempt?: boolean;
  /** Schedule 12A paragraphs the agenda cites for the item. */
  exemptParagraphs?: number[];
};

export type Attendance = {
  chair: string | null;
  present: string[];
  apologies: string[];
  inAttendance: string[];
};

export type Declaration = { member: string; interest: string | null; item: string | null };

export type Minute = {
  number: string | null;
  agendaItem: string | null;
  title: string;
  declarations: Declaration[];
  resolutions: Clause[];
  keyDecision: boolean | null;
  reasons: string[];
  exemptParagraphs: number[];
  span: Span;
  /** Exempt even where no paragraph is cited ("(Exempt)", after an exclusion resolution). */
  exempt?: boolean;
};

export type Officer = { name: string; role: string | null; phone: string | null; email: string | null };

export type Report = {
  agendaItem: string | null;
  title: string;
  author: string | null;
  recommendations: string[];
  officers: Officer[];
  appendices: string[];
  backgroundPapers: string[];
  span: Span;
  /** The whole report is exempt ("not for publication", an exempt agenda item): only its title is public. */
  exempt?: boolean;
  exemptParagraphs?: number[];
};

/**
 * Lines of the document that are exempt (Schedule 12A) and must never be published: a whole report,
 * an appendix or section inside a public report, or a minute. The title and paragraphs are public.
 */
export type ExemptPart = {
  kind: "report" | "appendix" | "section" | "minute";
  agendaItem: string | null;
  title: string;
  paragraphs: number[];
  span: Span;
};

export type Contact = { name: string | null; phone: string | null; email: string | null };

export type Member = { name: string; role: string | null };

export type Meeting = {
  body: string;
  authority: string | null;
  date: string | null;
  time: string | null;
  location: string | null;
  contact: Contact | null;
  membership: Member[];
  agenda: AgendaItem[];
  attendance: Attendance | null;
  minutes: Minute[];
  reports: Report[];
  nextMeeting: string | null;
  span: Span;
  /** Exempt parts of the document that speak of this meeting (see ExemptPart). */
  exemptParts?: ExemptPart[];
};

export type ParseResult = {
  schema: "parse/v1";
  source: { name: string; format: SourceFormat; sha256: string };
  meetings: Meeting[];
  diagnostics: Diagnostic[];
};

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
