/**
 * What the renderer takes in: a parse/v1 Meeting record (everything an officer would enter) and,
 * optionally, prose that records do not hold (narrative paragraphs of minutes, the body of officer
 * reports). Without prose the renderer writes plain standard wording from the record alone.
 */
import type { Meeting } from "../model/parse-v1";

export type MinuteProse = {
  /** Paragraphs after the opening "considered a report" sentence and before RESOLVED. */
  narrative?: string[];
  /** What the report was about: "concerning ...", completing the opening sentence. */
  concerning?: string;
  /** Capacity of each declaration, in order: "as a member of Okeby Town Council". */
  capacities?: string[];
};

export type ReportProse = {
  /**
   * The whole report is exempt: `banner` is printed under its header ("NOT FOR PUBLICATION",
   * "CONFIDENTIAL – PART B", …) with the Schedule 12A paragraphs, and `text` is its confidential body.
   */
  exempt?: { banner: string; paragraphs: number[]; text: string[] };
  /** An exempt appendix printed after the report ("APPENDIX B – Valuation", marked exempt), with its text. */
  exemptAppendix?: { label: string; title: string; banner: string; paragraphs: number[]; text: string[] };
  purpose?: string[];
  reasons?: string[];
  timetable?: string[];
  policy?: string[];
  resources?: string[];
  /** Printed after the resource implications as "Legal Implications". */
  legal?: string[];
  background?: string[];
  equality?: string[];
};

export type MeetingProse = {
  /** Keyed by minute number. */
  minutes?: Record<string, MinuteProse>;
  /** Keyed by agenda item number. */
  reports?: Record<string, ReportProse>;
  /** Agenda items to be taken in private, by number: the Schedule 12A paragraphs that exempt them. */
  exemptItems?: Record<string, number[]>;
  /** What follows a name under "In attendance": "Cabinet Lead Member for Resources (minute 46 refers)". */
  attendanceNotes?: Record<string, string>;
};

/**
 * Template details that councils change over the years, all within the seed packs' conventions.
 * contact: "tel" prints "Ms. J. Bailey (Tel. 0116 305 6225)", "plain" prints "(0116 305 6225)".
 * agenda: "columns" sets each item as a row (title | report by and pages, TAB-separated in text),
 * "glued" prints one line: "8. Title. Director of X (Pages 11 - 36)"; "table" sets four columns
 * (number | title | report by | pages), TAB-separated in text.
 */
export type RenderStyle = {
  contact?: "tel" | "plain";
  agenda?: "columns" | "glued" | "table";
  /** "bold": `Meeting: **Cabinet**` (2017 on); "bullets": `- Meeting: Cabinet`, no gaps (2015). */
  fields?: "bold" | "bullets";
};

/** A meeting to render: the record, and optionally its prose and template style. */
export type MeetingDoc = { record: Meeting; prose?: MeetingProse; style?: RenderStyle };

export type MeetingLike = Meeting | MeetingDoc;

export function asDoc(m: MeetingLike): MeetingDoc {
  return "record" in m ? m : { record: m };
}
