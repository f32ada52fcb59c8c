/**
 * The text parser: a SourceDocument (numbered lines with pages and hints) in, parse/v1 meetings out.
 * It knows nothing about where the lines came from, so the PDF, HTML and text readers share it.
 *
 * Order of work: the minutes parser claims the minutes sections (each its own meeting); the front
 * sheet before them gives the meeting the pack is for, with its agenda; officer reports after the
 * front sheet (outside claimed minutes) join that meeting and are linked to its agenda items.
 */
import type { SourceDocument } from "../model/document";
import { type Diagnostic, emptyMeeting, type Meeting } from "../model/parse-v1";
import { isBlank } from "./common/text";
import { parseDecisionRecord } from "./decisions/record";
import { findAuthority, mentions } from "./frontsheet/authority";
import { parseFrontSheet } from "./frontsheet/index";
import { headerDate } from "./minutes/dates";
import { parseMinutesSections } from "./minutes/index";
import { readVotes } from "./minutes/votes";
import { findReportHeads } from "./reports/detect";
import { parseReports } from "./reports/index";
import { findNotice } from "./status/notice";

export type ParsedDocument = { meetings: Meeting[]; diagnostics: Diagnostic[] };

type Claimed = { startLine: number; endLine: number };

export function parseDocument(doc: SourceDocument): ParsedDocument {
  const diagnostics: Diagnostic[] = [];
  const _total = doc.lines.length;
  if (doc.lines.every((l) => l.text.trim() === "")) {
    diagnostics.push({ level: "warning", message: "document has no text", span: null });
    return { meetings: [], diagnostics };
  }

  let minutes: Meeting[] = [];
  let claimed: Claimed[] = [];
  try {
    const r = parseMinutesSections(doc);
    minutes = r.meetings;
    claimed = r.claimed.filter((c) => c.endLine >= c.startLine).sort((a, b) => a.startLine - b.startLine);
    diagnostics.push(...r.diagnostics);
  } catch (e) {
    // One part failing must not lose the rest of the document.
    diagnostics.push({ level: "error", message: `minutes parser failed: ${(e as Error).message}`, span: null });
  }

  // Minutes that record nothing (no attendance, no decision, no minute number: only run-in labels
  // such as a clerk's "Tel:" and "Email:") over a sheet that reads as a dated agenda of three or more
  // items are that agenda, not minutes.
  if (minutes.length && minutes.every(hollow)) {
    try {
      const front = parseFrontSheet(doc, 1, doc.lines.length);
      if (front?.meeting.date && front.meeting.agenda.length >= 3) {
        diagnostics.push({
          level: "info",
          message: "the sections read as minutes record no attendance, decision or numbered minute: read as an agenda",
          span: null,
        });
        minutes = [];
        claimed = [];
      }
    } catch {
      // the minutes stand
    }
  }

  const meetings: Meeting[] = [];
  // A record of decision standing alone (no minutes in it) is one decision, not an agenda pack.
  let record: ReturnType<typeof parseDecisionRecord> = null;
  if (!claimed.length) {
    try {
      record = parseDecisionRecord(doc);
    } catch (e) {
      diagnostics.push({
        level: "error",
        message: `record of decision parser failed: ${(e as Error).message}`,
        span: null,
      });
    }
  }
  if (record) {
    meetings.push(record.meeting);
    diagnostics.push(...record.diagnostics);
  } else
    try {
      // Above minutes, a "front sheet" that gives no date, agenda, membership or report is the
      // letterhead of those minutes, not a meeting of its own (nor are its warnings about one).
      const packNotes: Diagnostic[] = [];
      const pack = packMeetings(doc, claimed, packNotes).filter(
        (m) => !minutes.length || m.date || m.agenda.length || m.reports.length || m.membership.length,
      );
      if (pack.length || !minutes.length) diagnostics.push(...packNotes);
      meetings.push(...pack);
    } catch (e) {
      diagnostics.push({
        level: "error",
        message: `front sheet and report parser failed: ${(e as Error).message}`,
        span: null,
      });
    }
  // An agenda followed by the minutes of the same meeting (same body, same day) is one meeting: its
  // agenda and front-sheet facts join the minutes' record.
  for (const m of minutes) {
    const i = meetings.findIndex(
      (p) => p.date && p.date === m.date && p.body.toLowerCase() === m.body.toLowerCase() && !p.minutes.length,
    );
    if (i < 0) continue;
    const p = meetings[i];
    m.agenda = m.agenda.length ? m.agenda : p.agenda;
    m.reports = [...p.reports, ...m.reports];
    m.membership = m.membership.length ? m.membership : p.membership;
    m.time ??= p.time;
    m.location ??= p.location;
    m.contact ??= p.contact;
    m.nextMeeting ??= p.nextMeeting;
    m.span = { ...m.span, startLine: Math.min(m.span.startLine, p.span.startLine), page: p.span.page ?? m.span.page };
    meetings.splice(i, 1);
  }
  meetings.push(...minutes);

  // A meeting of a named council ("Ashby Parva Parish Council") is its own authority.
  for (const m of meetings) if (!m.authority && m.body) m.authority = councilOf(m.body);
  // The authority where the document states it; meetings that do not say inherit it.
  const authority = findAuthority(doc);
  for (const m of meetings) if (!m.authority && authority) m.authority = authority.name;

  // Recorded votes inside each minute (counts and names as printed).
  for (const m of meetings)
    for (const x of m.minutes) {
      const votes = readVotes(doc, x.span);
      if (votes.length) x.votes = votes;
    }

  if (!meetings.length)
    diagnostics.push({
      level: "warning",
      message: `no meeting found in the document: ${whyNoMeeting(doc)}`,
      span: null,
    });
  meetings.sort((a, b) => a.span.startLine - b.span.startLine);
  // "This meeting has been cancelled" at the head of the papers: the meeting they are for (the one
  // whose lines hold the notice, else the first), never a decision record.
  const notice = record ? null : findNotice(doc.lines);
  if (notice && meetings.length) {
    const at = notice.span.startLine;
    const target = meetings.find((m) => m.span.startLine <= at && at <= m.span.endLine) ?? meetings[0];
    target.status = notice;
    diagnostics.push({
      level: "info",
      message: `the meeting is printed as ${notice.state}${notice.rescheduledTo ? ` (new date ${notice.rescheduledTo})` : ""}: "${notice.note}"`,
      span: notice.span,
    });
  }
  diagnostics.push(...unread(doc, meetings));
  return { meetings, diagnostics };
}

/**
 * Why no meeting was found, from the signals every reader looks for (a title saying minutes or
 * agenda, a date, an attendance list, numbered items, a council's name), so that whoever reads the
 * warning knows what the document lacks: "it prints no date a meeting could have; no attendance
 * list ('Present:') and no numbered items".
 */
export function whyNoMeeting(doc: SourceDocument): string {
  const texts = doc.lines.map((l) => l.text.trim()).filter(Boolean);
  const head = texts.slice(0, 60);
  const has = (re: RegExp, lines = texts) => lines.some((t) => re.test(t.slice(0, 300)));
  const missing: string[] = [];
  const minutesWord = has(/\bminutes\b/i, head);
  const agendaWord = has(/\bagenda\b|\bsummon(?:s|ed)\b|\bnotice\s+of\s+(?:a\s+)?meeting\b/i, head);
  if (!minutesWord && !agendaWord) missing.push("no line near the top says Minutes, Agenda or summons");
  if (!head.some((t) => headerDate(t))) missing.push("no date in its first 60 lines");
  if (!has(/^(?:present|attendance|attendees|sederunt|(?:members|councillors)\s+present)\b/i))
    missing.push("no attendance list ('Present:')");
  if (!has(/^(?:\d{1,4}(?:[./]\d{1,4}){0,2}[.):]?\s+[A-Za-z]|min(?:ute)?\.?\s*\d)/i)) missing.push("no numbered items");
  if (!has(/\b(?:council|committee|meeting)\b/i, head)) missing.push("no council, committee or meeting named");
  return missing.length
    ? `${missing.join("; ")}`
    : "a title, a date and items were seen, but no heading, title block or attendance list tied them to one meeting";
}

/** A minutes meeting that records nothing a set of minutes records. */
function hollow(m: Meeting): boolean {
  const a = m.attendance;
  const attended = !!a && (a.present.length > 0 || a.apologies.length > 0 || a.inAttendance.length > 0);
  return !attended && m.minutes.every((x) => x.number === null && !x.resolutions.length && !x.declarations.length);
}

/**
 * The body itself when it is a named council ("Ashby Parva Parish Council", not "County Council");
 * the council of the place for its electors' meeting ("Ashby Annual Parish Meeting" → "Ashby Parish
 * Council", as the Local Government Act 1972 makes the parish council convene it).
 */
function councilOf(body: string): string | null {
  const electors =
    /^([A-Z][\w'’-]*(?:[\s-]+[\w'’-]+){0,5}?)\s+Annual\s+(Parish|Town|Community|Village)\s+Meeting$/i.exec(body);
  if (electors) return `${electors[1]} ${electors[2][0].toUpperCase()}${electors[2].slice(1).toLowerCase()} Council`;
  const m = mentions(body.replace(/\b([A-Z])([A-Z]+)\b/g, (_, a: string, b: string) => a + b.toLowerCase()));
  return m.length === 1 && body.toLowerCase().endsWith(m[0].name.toLowerCase()) && m[0].name.length >= body.length - 4
    ? body
    : null;
}

/**
 * The meeting an agenda pack is for (front sheet, agenda, reports), or, with no front sheet, the
 * meetings its reports' headers name. Lines in `claimed` belong to minutes and are skipped.
 */
function packMeetings(doc: SourceDocument, claimed: Claimed[], diagnostics: Diagnostic[]): Meeting[] {
  const total = doc.lines.length;
  const inMinutes = new Uint8Array(total + 2);
  for (const c of claimed) inMinutes.fill(1, Math.max(1, c.startLine), Math.min(total, c.endLine) + 1);
  const inClaimed = (n: number) => inMinutes[n] === 1;
  const firstClaim = claimed.length ? claimed[0].startLine : total + 1;

  // The front sheet lies before the first minutes section and the first report.
  const heads = findReportHeads(doc, 1, total, inClaimed);
  const frontEnd = Math.min(firstClaim, heads.length ? heads[0].start : total + 1) - 1;
  const front = frontEnd >= 1 ? parseFrontSheet(doc, 1, frontEnd) : null;
  if (front) {
    diagnostics.push(...front.diagnostics);
    const reports = parseReports(doc, front.endLine + 1, total, inClaimed, front.meeting.agenda, heads);
    diagnostics.push(...reports.diagnostics);
    front.meeting.reports = reports.reports;
    return [front.meeting, ...front.more];
  }
  // Reports without a front sheet (a report pack, a supplement): the meeting each report's header
  // names ("CABINET – 10 MARCH 2017") is the meeting they are for.
  const reports = parseReports(doc, 1, total, inClaimed, [], heads);
  diagnostics.push(...reports.diagnostics);
  const byMeeting = new Map<string, Meeting>();
  for (const r of reports.reports) {
    const named = reports.meetingOf.get(r);
    if (!named) {
      diagnostics.push({ level: "warning", message: `report "${r.title}" names no meeting; not kept`, span: r.span });
      continue;
    }
    const key = `${named.body.toLowerCase()}|${named.date}`;
    let m = byMeeting.get(key);
    if (!m) {
      m = emptyMeeting(named.body, r.span);
      m.date = named.date;
      byMeeting.set(key, m);
      diagnostics.push({
        level: "info",
        message: `no front sheet; meeting "${named.body}" ${named.date ?? ""} taken from report headers`,
        span: r.span,
      });
    }
    m.reports.push(r);
    m.span = { ...m.span, endLine: Math.max(m.span.endLine, r.span.endLine) };
  }
  return [...byMeeting.values()];
}

/** How many lines with text a stretch outside every record must hold before it is reported. */
const UNREAD_MIN_LINES = 15;

/**
 * Stretches of text that no record covers (a meeting's front sheet, its minutes, agenda items or
 * reports), so that text the parser passed over is never lost silently: "lines 18-638 (pages 3-20)".
 */
function unread(doc: SourceDocument, meetings: Meeting[]): Diagnostic[] {
  const total = doc.lines.length;
  const covered = new Uint8Array(total + 2);
  const mark = (a: number, b: number) => covered.fill(1, Math.max(1, a), Math.min(total, b) + 1);
  for (const m of meetings) {
    mark(m.span.startLine, m.span.endLine);
    for (const x of m.minutes) mark(x.span.startLine, x.span.endLine);
    for (const x of m.reports) mark(x.span.startLine, x.span.endLine);
    for (const x of m.agenda) mark(x.span.startLine, x.span.endLine);
  }
  const out: Diagnostic[] = [];
  let start = 0;
  let textLines = 0;
  const flush = (end: number) => {
    if (start && textLines >= UNREAD_MIN_LINES) {
      const p1 = doc.lines[start - 1]?.page ?? null;
      const p2 = doc.lines[end - 1]?.page ?? null;
      const pages = p1 !== null && p2 !== null ? (p1 === p2 ? ` (page ${p1})` : ` (pages ${p1}-${p2})`) : "";
      out.push({
        level: "info",
        message: `lines ${start}-${end}${pages}: ${textLines} lines of text are not part of any meeting record (not a front sheet, agenda, minutes or report the parser recognised)`,
        span: { startLine: start, endLine: end, page: p1 },
      });
    }
    start = 0;
    textLines = 0;
  };
  let lastText = 0;
  for (let n = 1; n <= total; n++) {
    if (covered[n]) {
      flush(lastText);
      continue;
    }
    if (isBlank(doc.lines[n - 1].text)) continue;
    if (!start) start = n;
    textLines++;
    lastText = n;
  }
  flush(lastText);
  return out;
}
