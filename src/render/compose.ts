/**
 * Composers: parse/v1 records (and optional prose) → blocks for each document genre Minutebook reads,
 * written in the mainstream Modern.Gov conventions: the agenda front sheet, the minutes of a
 * meeting and an officer report. Pure; the backends in text.ts and pdf.ts draw the blocks.
 */
import type { AgendaItem, Clause, Meeting, Minute, Report } from "../model/parse-v1";
import { type Block, gap, heading, line, paragraphs } from "./blocks";
import { addMinutes, clock, dayDate, listJoin, longDate, reportHeader } from "./format";
import type { MeetingDoc, ReportProse } from "./types";

/** How the papers refer to the body in their own text: "the Cabinet", "the Committee". */
export function bodyNoun(body: string): string {
  if (/^cabinet$/i.test(body)) return "Cabinet";
  if (/commission$/i.test(body)) return "Commission";
  if (/council$/i.test(body)) return "Council";
  if (/board$/i.test(body)) return "Board";
  return "Committee";
}

/** The agenda title with the full stop the printed agenda puts after it. */
function withStop(title: string): string {
  return /[.?!:]$/.test(title) ? title : `${title}.`;
}

/** The agenda item that carries the previous meeting's minutes, by its conventional title. */
export function isMinutesItem(item: AgendaItem): boolean {
  return /^minutes of the (previous )?meeting/i.test(item.title);
}

/** The printed date and time of the front sheet: "Friday 10 March 2017 at 11.00 am". */
function dateTime(m: Meeting): string {
  const d = m.date ? dayDate(m.date, false) : "Date to be confirmed";
  return m.time ? `${d} at ${clock(m.time)}` : d;
}

function pairs(names: readonly string[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < names.length; i += 2) {
    const cells = names.slice(i, i + 2);
    out.push({ kind: "row", cells, widths: cells.length === 2 ? [0.5, 0.5] : [1] });
  }
  return out;
}

export type PageMap = ReadonlyMap<string, { start: number; end: number }>;

/** The agenda front sheet; `pages` gives the printed page range of each item that has a document. */
export function frontSheetBlocks(doc: MeetingDoc, pages: PageMap): Block[] {
  const m = doc.record;
  const out: Block[] = [];
  if (m.authority) out.push(line(m.authority, { bold: true, center: true }), gap());
  const bullet = doc.style?.fields === "bullets";
  // Bulleted fields sit on consecutive lines; bold ones are spaced out.
  const field = (label: string, value: string, tag?: string) => {
    if (out.length && !bullet && out[out.length - 1].kind !== "gap") out.push(gap());
    out.push({ kind: "field", label, value, bullet, tag });
  };
  field("Meeting", m.body, "front");
  field("Date/Time", dateTime(m));
  if (m.location) field("Location", m.location);
  if (m.contact?.name || m.contact?.phone) {
    const c = m.contact;
    const tel = doc.style?.contact === "plain" ? "" : "Tel. ";
    field("Contact", [c.name, c.phone ? `(${tel}${c.phone})` : null].filter(Boolean).join(" "));
  }
  if (m.contact?.email) field("Email", m.contact.email);
  if (m.membership.length) {
    out.push(gap(), heading("Membership"), gap());
    const withRole = m.membership.filter((x) => x.role);
    const rest = m.membership.filter((x) => !x.role).map((x) => x.name);
    for (const x of withRole) out.push(line(`${x.name} (${x.role})`), gap());
    out.push(...pairs(rest));
  }
  out.push(gap(), heading("AGENDA"), gap());
  const table = doc.style?.agenda === "table";
  // The pages column is wide enough for "(Pages 123 - 130)" never to wrap.
  const widths = table ? [0.06, 0.44, 0.28, 0.22] : [0.6, 0.4];
  out.push({
    kind: "row",
    cells: table ? ["", "Item", "Report by", ""] : ["Item", "Report by"],
    widths,
    underline: true,
  });
  for (const item of m.agenda) {
    const p = pages.get(item.number) ?? item.pages;
    const range = p ? `(Pages ${p.start} - ${p.end})` : "";
    const right = [item.reportBy, range].filter(Boolean).join(" ");
    const left = `${item.number}. ${withStop(item.title)}`;
    const tag = `agenda:${item.number}`;
    if (doc.style?.agenda === "glued") out.push(line(right ? `${left} ${right}` : left, { tag }));
    else if (table)
      out.push({
        kind: "row",
        cells: [`${item.number}.`, withStop(item.title), item.reportBy ?? "", range],
        widths,
        tag,
      });
    else out.push({ kind: "row", cells: [left, right], widths, tag });
    const exempt = doc.prose?.exemptItems?.[item.number];
    if (exempt?.length) out.push(line(`(Exempt under ${paragraphsCited(exempt)} of Schedule 12A)`, { indent: 1 }));
  }
  return out;
}

function clauseBlocks(clauses: readonly Clause[], depth: number, last: boolean): Block[] {
  const out: Block[] = [];
  clauses.forEach((c, i) => {
    const isLast = last && i === clauses.length - 1;
    let text = c.text;
    if (!/[.;:]$/.test(text)) text += c.children.length ? ":-" : isLast ? "." : ";";
    out.push(line(c.label ? `(${c.label}) ${text}` : text, { indent: depth }));
    if (c.children.length) out.push(...clauseBlocks(c.children, depth + 1, isLast));
  });
  return out;
}

function paragraphsCited(ps: readonly number[]): string {
  return ps.length === 1 ? `Paragraph ${ps[0]}` : `Paragraphs ${listJoin(ps.map(String))}`;
}

const EXCLUSION = /^exclusion of the (press and )?public/i;

/** Declarations of interest, grouped by the agenda item they concern. */
function declarationBlocks(doc: MeetingDoc, minute: Minute): Block[] {
  const m = doc.record;
  const out: Block[] = [
    gap(),
    line("The Chairman invited members who wished to do so to declare any interest in respect of items on the agenda."),
  ];
  if (!minute.declarations.length) return [...out, gap(), line("No declarations were made.")];
  const capacities = doc.prose?.minutes?.[minute.number ?? ""]?.capacities ?? [];
  const byItem = new Map<string | null, number[]>();
  minute.declarations.forEach((d, i) => {
    byItem.set(d.item, [...(byItem.get(d.item) ?? []), i]);
  });
  for (const [item, idx] of byItem) {
    const title = m.agenda.find((a) => a.number === item)?.title;
    out.push(
      gap(),
      line(
        item
          ? `The following declarations were made in respect of item ${item} on the agenda${title ? `, '${title}'` : ""}:-`
          : "The following declarations were made:-",
      ),
    );
    for (const i of idx) {
      const d = minute.declarations[i];
      const cap = capacities[i];
      const interest = d.interest ?? "interest";
      const article = /^[aeiou]/i.test(interest) ? "an" : "a";
      out.push(gap(), line(`${d.member} - ${article} ${interest}${cap ? ` ${cap}` : ""}.`));
    }
  }
  return out;
}

/** One minute: heading, opening, narrative, RESOLVED clauses, key decision, reasons. */
function minuteBlocks(doc: MeetingDoc, minute: Minute): Block[] {
  const m = doc.record;
  const noun = bodyNoun(m.body);
  const prose = doc.prose?.minutes?.[minute.number ?? ""] ?? {};
  const head = minute.number ? `${minute.number}. ${withStop(minute.title)}` : withStop(minute.title);
  const out: Block[] = [gap(), line(head, { bold: true, tag: `minute:${minute.number ?? minute.title}` })];
  const exempt = minute.exemptParagraphs.length > 0;
  const isExclusion = EXCLUSION.test(minute.title);
  if (exempt && !isExclusion)
    out.push(gap(), line(`(Exempt under ${paragraphsCited(minute.exemptParagraphs)} of Schedule 12A)`));
  const item = minute.agendaItem ? m.agenda.find((a) => a.number === minute.agendaItem) : undefined;
  const title = minute.title.toLowerCase();
  if (item?.reportBy) {
    const about = prose.concerning ? ` ${prose.concerning}` : "";
    const kind = exempt ? "an exempt report" : "a report";
    const why = exempt
      ? `, which was not for publication by virtue of ${paragraphsCited(minute.exemptParagraphs)} of Part 1 of Schedule 12A of the Local Government Act 1972`
      : "";
    out.push(
      gap(),
      line(
        `The ${noun} considered ${kind} of the ${item.reportBy}${about}${why}. A copy of the report, marked '${item.number}', is filed with these minutes.`,
      ),
    );
  } else if (/^minutes/.test(title)) {
    out.push(gap(), line("The minutes of the previous meeting were taken as read, confirmed and signed."));
  } else if (/urgent/.test(title)) {
    out.push(gap(), line("There were no urgent items for consideration."));
  } else if (/^declarations of interest/.test(title)) {
    out.push(...declarationBlocks(doc, minute));
  } else if (/^items referred/.test(title) && !prose.narrative?.length) {
    out.push(gap(), line("There were no items referred from the Overview and Scrutiny bodies."));
  } else if (/^date of (the )?next meeting/.test(title) && m.nextMeeting) {
    const at = m.time ? ` at ${clock(m.time)}` : "";
    out.push(
      gap(),
      line(`It was noted that the next meeting of the ${noun} would be held on ${dayDate(m.nextMeeting, true)}${at}.`),
    );
  } else if (isExclusion && !minute.resolutions.length) {
    out.push(gap(), line("The public were not excluded from any part of the meeting."));
  }
  out.push(...paragraphs(prose.narrative ?? []));
  if (minute.resolutions.length) {
    out.push(gap(), line("RESOLVED:", { bold: true }), gap(), ...clauseBlocks(minute.resolutions, 0, true));
  }
  if (minute.keyDecision) out.push(gap(), line("(KEY DECISION)", { bold: true }));
  if (minute.reasons.length) {
    out.push(gap(), line("REASONS FOR DECISION:", { bold: true }), ...paragraphs(minute.reasons));
  }
  return out;
}

/** Minutes of a meeting: heading, attendance, numbered minutes, closing times and signature. */
export function minutesBlocks(doc: MeetingDoc, opts: { standalone: boolean }): Block[] {
  const m = doc.record;
  const out: Block[] = [];
  if (opts.standalone && m.authority) out.push(line(m.authority, { bold: true, center: true }), gap());
  const where = m.location ? ` held at ${m.location}` : "";
  const when = m.date ? ` on ${dayDate(m.date, true)}` : "";
  out.push(line(`Minutes of a meeting of the ${m.body}${where}${when}.`, { bold: true, tag: "minutes" }));
  const a = m.attendance;
  if (a) {
    out.push(gap(), heading("PRESENT"), gap());
    if (a.chair) out.push(line(`${a.chair} (in the Chair)`), gap());
    out.push(...pairs(a.present.filter((p) => p !== a.chair)));
    if (a.apologies.length) {
      out.push(gap(), heading("Apologies"), gap());
      a.apologies.forEach((p, i) => {
        if (i) out.push(gap());
        out.push(line(p));
      });
    }
    const notes = doc.prose?.attendanceNotes ?? {};
    if (a.inAttendance.some((n) => notes[n])) {
      // One entry a line with the role and the minutes it concerns, as many minutes print it.
      out.push(gap(), heading("In attendance"));
      a.inAttendance.forEach((n, i) => {
        const end = i === a.inAttendance.length - 1 ? "." : ";";
        out.push(gap(), line(`${n}${notes[n] ? `, ${notes[n]}` : ""}${end}`));
      });
    } else if (a.inAttendance.length)
      out.push(gap(), heading("In attendance"), gap(), line(`${listJoin(a.inAttendance)}.`));
  }
  for (const minute of m.minutes) out.push(...minuteBlocks(doc, minute));
  if (m.time && m.date) {
    const end = addMinutes(m.time, 25 + 12 * m.minutes.length);
    out.push(gap(), gap(), line(`${clock(m.time)} - ${clock(end)}`), line(longDate(m.date)), gap(), line("CHAIRMAN"));
  }
  return out;
}

/** An officer report: header, title, author, Part A (purpose, recommendations, ...), Part B. */
export function reportBlocks(doc: MeetingDoc, report: Report): Block[] {
  const m = doc.record;
  const noun = bodyNoun(m.body);
  const prose: ReportProse = doc.prose?.reports?.[report.agendaItem ?? ""] ?? {};
  const out: Block[] = [];
  if (m.date) out.push(line(reportHeader(m.body, m.date), { bold: true, tag: `report:${report.agendaItem}` }), gap());
  if (prose.exempt)
    out.push(
      line(prose.exempt.banner, { bold: true }),
      line(
        `by virtue of ${paragraphsCited(prose.exempt.paragraphs)} of Part 1 of Schedule 12A of the Local Government Act 1972`,
      ),
      gap(),
    );
  out.push(line(report.title.toUpperCase(), { bold: true }));
  if (report.author) {
    const joint = / and (the )?(director|chief|head|assistant)/i.test(report.author) ? "JOINT " : "";
    out.push(gap(), line(`${joint}REPORT OF THE ${report.author.toUpperCase()}`, { bold: true }));
  }
  let n = 0;
  const numbered = (texts: readonly string[]): Block[] => texts.flatMap((t) => [gap(), line(`${++n}. ${t}`)]);
  const section = (title: string, texts: readonly string[] | undefined): Block[] =>
    texts?.length ? [gap(), heading(title), ...numbered(texts)] : [];
  out.push(gap(), heading("PART A"));
  out.push(
    ...section(
      "Purpose of the Report",
      prose.purpose ?? [`The purpose of this report is to present ${report.title} to the ${noun}.`],
    ),
  );
  if (report.recommendations.length === 1) {
    out.push(...section("Recommendation", report.recommendations));
  } else if (report.recommendations.length > 1) {
    out.push(gap(), heading("Recommendations"), gap(), line(`${++n}. It is recommended that:`));
    report.recommendations.forEach((r, i) => {
      const end = i === report.recommendations.length - 1 ? "." : ";";
      out.push(line(`(${String.fromCharCode(97 + i)}) ${/[.;:]$/.test(r) ? r : r + end}`, { indent: 1 }));
    });
  }
  out.push(...section("Reasons for Recommendations", prose.reasons));
  out.push(...section("Timetable for Decisions (including Scrutiny)", prose.timetable));
  out.push(...section("Policy Framework and Previous Decisions", prose.policy));
  out.push(...section("Resource Implications", prose.resources));
  out.push(...section("Legal Implications", prose.legal));
  out.push(...section("Circulation under the Local Issues Alert Procedure", ["None."]));
  if (report.officers.length) {
    out.push(gap(), heading(report.officers.length > 1 ? "Officers to Contact" : "Officer to Contact"));
    for (const o of report.officers) {
      out.push(gap(), line(o.role ? `${o.name}, ${o.role}` : o.name));
      if (o.phone) out.push(line(`Tel: ${o.phone}`));
      if (o.email) out.push(line(`Email: ${o.email}`));
    }
  }
  out.push(gap(), heading("PART B"));
  out.push(
    ...section("Background", prose.background ?? [`${report.title} is reported to the ${noun} for its consideration.`]),
  );
  out.push(...section("Equality and Human Rights Implications", prose.equality));
  if (report.appendices.length) {
    out.push(gap(), heading(report.appendices.length > 1 ? "Appendices" : "Appendix"), gap());
    for (const a of report.appendices) out.push(line(a));
  }
  if (report.backgroundPapers.length) {
    out.push(gap(), heading("Background Papers"));
    for (const p of report.backgroundPapers) out.push(gap(), line(p));
  }
  if (prose.exempt) out.push(...section("Exempt Information", prose.exempt.text));
  const appendix = prose.exemptAppendix;
  if (appendix)
    out.push(
      gap(),
      heading(`APPENDIX ${appendix.label} – ${appendix.title.toUpperCase()}`),
      line(`${appendix.banner}: ${paragraphsCited(appendix.paragraphs)} of Part 1 of Schedule 12A`),
      ...paragraphs(appendix.text),
    );
  return out;
}
