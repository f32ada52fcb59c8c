/**
 * Officer reports in an agenda pack: finds each report, reads its title, author, recommendations,
 * officers to contact, appendices and background papers, and links it to the agenda item it serves
 * (by an "Agenda Item N" stamp, else by title similarity, else by the order of items with papers).
 */
import type { SourceDocument } from "../../model/document";
import type { AgendaItem, Diagnostic, Report } from "../../model/parse-v1";
import { spanOf } from "../common/lines";
import { clean, tokenSimilarity, tokens } from "../common/text";
import { findReportHeads, type ReportHead } from "./detect";
import { addressesMeeting, appendicesIn, backgroundPapersIn, recommendationsIn, unlistedAppendices } from "./lists";
import { officersIn } from "./officers";
import { findSections } from "./sections";

/** Reports, each with the meeting its header names (used when a pack has no front sheet). */
export type ReportsResult = {
  reports: Report[];
  meetingOf: Map<Report, { body: string; date: string | null }>;
  diagnostics: Diagnostic[];
};

/** Last line of a report: before the next one, without trailing blanks or blank-page markers. */
function reportEnd(doc: SourceDocument, start: number, limit: number): number {
  let end = limit;
  while (end > start) {
    const t = clean(doc.lines[end - 1]?.text ?? "");
    if (t && !/^this page is intentionally left blank\.?$/i.test(t)) break;
    end--;
  }
  return end;
}

/** Loose title tokens: case, dashes, slashes and "&" do not matter. */
function titleTokens(s: string): string[] {
  return tokens(s.replace(/\//g, " "));
}

function readReport(doc: SourceDocument, h: ReportHead, end: number, diagnostics: Diagnostic[]): Report {
  // From the header on: a cover of labelled fields may end with the officers' own line ("Lead
  // officer: Jane Smith, …"); the cover's other fields are not section headings.
  const sections = findSections(doc, Math.min(h.header, h.headEnd + 1), end);
  const recSections = sections.filter((s) => s.kind === "recommendations");
  const rec = recSections.find((s) => addressesMeeting(doc, s.from, s.to)) ?? recSections[0];
  const officers = sections.filter((s) => s.kind === "officers").flatMap((s) => officersIn(doc, s.from, s.to));
  const listed = sections.filter((s) => s.kind === "appendices").flatMap((s) => appendicesIn(doc, s.from, s.to));
  const appendices = listed.length ? listed : unlistedAppendices(doc, h.headEnd + 1, end);
  const papers = sections
    .filter((s) => s.kind === "backgroundPapers")
    .flatMap((s) => backgroundPapersIn(doc, s.from, s.to));
  if (recSections.length > 1)
    diagnostics.push({
      level: "info",
      message: `report "${h.title ?? ""}" has ${recSections.length} recommendation sections; used the one at line ${rec?.heading}`,
      span: spanOf(doc, h.start, end),
    });
  return {
    agendaItem: h.stamp,
    title: h.title ?? "",
    author: h.author,
    recommendations: rec ? recommendationsIn(doc, rec.from, rec.to) : [],
    officers,
    appendices,
    backgroundPapers: papers,
    span: spanOf(doc, h.start, end),
  };
}

/** Links reports to agenda items: stamp first, then title similarity, then order. */
function linkToAgenda(reports: Report[], agenda: AgendaItem[], diagnostics: Diagnostic[]): void {
  const used = new Set<string>();
  for (const r of reports) if (r.agendaItem) used.add(r.agendaItem);
  const keys = new Map(agenda.map((a) => [a, titleTokens(a.title)]));
  for (const r of reports) {
    if (r.agendaItem) continue;
    let best: AgendaItem | null = null;
    let bestSim = 0;
    const rk = titleTokens(r.title);
    for (const a of agenda) {
      if (used.has(a.number)) continue;
      const s = tokenSimilarity(rk, keys.get(a) ?? []);
      if (s > bestSim) {
        best = a;
        bestSim = s;
      }
    }
    if (best && bestSim >= 0.6) {
      r.agendaItem = best.number;
      used.add(best.number);
    }
  }
  // Unmatched reports take the unmatched items that carry papers, in order.
  const withPapers = agenda.filter(
    (a) => !used.has(a.number) && (a.pages || a.reportBy) && !/^minutes\b/i.test(a.title),
  );
  for (const r of reports) {
    if (r.agendaItem) continue;
    const next = withPapers.find((a) => !used.has(a.number));
    if (next) {
      r.agendaItem = next.number;
      used.add(next.number);
      diagnostics.push({
        level: "info",
        message: `report "${r.title}" linked to agenda item ${next.number} by order`,
        span: r.span,
      });
    } else diagnostics.push({ level: "warning", message: `report "${r.title}" matches no agenda item`, span: r.span });
  }
  // A report without a readable title takes its item's title.
  for (const r of reports) {
    if (r.title) continue;
    const a = agenda.find((x) => x.number === r.agendaItem);
    if (a) r.title = a.title;
  }
}

/**
 * Reports in lines [from, to]. `skip(n)` marks lines that belong to something else (minutes);
 * a report stops where such a range starts.
 */
export function parseReports(
  doc: SourceDocument,
  from: number,
  to: number,
  skip: (n: number) => boolean,
  agenda: AgendaItem[],
  found?: ReportHead[],
): ReportsResult {
  const diagnostics: Diagnostic[] = [];
  // Heads already found over the whole document can be passed in; only those in range are used.
  const heads = found ? found.filter((h) => h.start >= from && h.start <= to) : findReportHeads(doc, from, to, skip);
  const reports: Report[] = [];
  const meetingOf = new Map<Report, { body: string; date: string | null }>();
  for (let i = 0; i < heads.length; i++) {
    const h = heads[i];
    let limit = i + 1 < heads.length ? heads[i + 1].start - 1 : to;
    for (let n = h.headEnd + 1; n <= limit; n++)
      if (skip(n)) {
        limit = n - 1;
        break;
      }
    const end = reportEnd(doc, h.start, limit);
    if (!h.title)
      diagnostics.push({
        level: "warning",
        message: "report with no readable title",
        span: spanOf(doc, h.start, h.headEnd),
      });
    if (!h.author)
      diagnostics.push({
        level: "info",
        message: `report "${h.title ?? ""}" names no author`,
        span: spanOf(doc, h.start, h.headEnd),
      });
    const report = readReport(doc, h, end, diagnostics);
    if (h.meeting) meetingOf.set(report, h.meeting);
    reports.push(report);
  }
  linkToAgenda(reports, agenda, diagnostics);
  const kept = reports.filter((r) => {
    if (r.title) return true;
    diagnostics.push({
      level: "warning",
      message: "report dropped: no title and no agenda item to name it",
      span: r.span,
    });
    return false;
  });

  return { reports: kept, meetingOf, diagnostics };
}
