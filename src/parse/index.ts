/**
 * The text parser: a SourceDocument (numbered lines with pages and hints) in, parse/v1 meetings out.
 * It knows nothing about where the lines came from, so the PDF, HTML and text readers share it.
 *
 * Order of work: the minutes parser claims the minutes sections (each its own meeting); the front
 * sheet before them gives the meeting the pack is for, with its agenda; officer reports after the
 * front sheet (outside claimed minutes) join that meeting and are linked to its agenda items.
 */
import type { SourceDocument } from "../model/document";
import type { Diagnostic, Meeting } from "../model/parse-v1";
import { findAuthority } from "./frontsheet/authority";
import { parseFrontSheet } from "./frontsheet/index";
import { parseMinutesSections } from "./minutes/index";
import { parseReports } from "./reports/index";

export type ParsedDocument = { meetings: Meeting[]; diagnostics: Diagnostic[] };

type Claimed = { startLine: number; endLine: number };

export function parseDocument(doc: SourceDocument): ParsedDocument {
  const diagnostics: Diagnostic[] = [];
  const total = doc.lines.length;
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

  const inClaimed = (n: number) => claimed.some((c) => n >= c.startLine && n <= c.endLine);
  const firstClaim = claimed.length ? claimed[0].startLine : total + 1;

  // The front sheet lies before the first minutes section.
  const front = firstClaim > 1 ? parseFrontSheet(doc, 1, firstClaim - 1) : null;
  const meetings: Meeting[] = [];
  if (front) {
    diagnostics.push(...front.diagnostics);
    const reports = parseReports(doc, front.endLine + 1, total, inClaimed, front.meeting.agenda);
    diagnostics.push(...reports.diagnostics);
    front.meeting.reports = reports.reports;
    meetings.push(front.meeting);
  } else {
    // Reports without a front sheet (a report pack, a single report) are reported, not kept: parse/v1
    // hangs reports on a meeting, and there is none to hang them on.
    const reports = parseReports(doc, 1, total, inClaimed, []);
    for (const r of reports.reports)
      diagnostics.push({
        level: "warning",
        message: `report "${r.title}" found but no meeting to attach it to`,
        span: r.span,
      });
  }
  meetings.push(...minutes);

  // The authority where the document states it; meetings that do not say inherit it.
  const authority = findAuthority(doc);
  for (const m of meetings) if (!m.authority && authority) m.authority = authority.name;

  if (!meetings.length) diagnostics.push({ level: "warning", message: "no meeting found in the document", span: null });
  meetings.sort((a, b) => a.span.startLine - b.span.startLine);

  return { meetings, diagnostics };
}
