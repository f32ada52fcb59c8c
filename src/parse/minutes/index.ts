/**
 * The minutes parser: finds every minutes section in a document (a previous meeting's minutes
 * inside an agenda pack, a whole document of printed minutes, a label-stripped Modern.Gov minutes
 * page, parish minutes) and returns one Meeting per section with attendance, minute items,
 * resolutions, declarations, reasons, key decisions, exempt paragraphs and the next meeting date.
 * `claimed` tells the orchestrator which lines are minutes so it does not read them as reports.
 */
import type { SourceDocument } from "../../model/document";
import type { Diagnostic, Meeting, Minute, Span } from "../../model/parse-v1";
import { emptyMeeting } from "../../model/parse-v1";
import { isDateOnly } from "../common/dates";
import { samePerson } from "../common/names";
import { addPresentForPart, apologiesFromText, attendanceFromRunningText, labelOf, readAttendance } from "./attendance";
import { headerDate } from "./dates";
import { readDeclarations } from "./declarations";
import {
  chairFromText,
  closingBlock,
  electedChair,
  exemptParagraphs,
  MARKED,
  nextMeetingDate,
  PROCEDURAL,
} from "./facts";
import { findItems, type ItemHeading } from "./items";
import { readMotions } from "./motions";
import { readPeople } from "./names";
import { readDecision } from "./resolutions";
import { findSections, isRunning } from "./sections";
import { cutAtDecisions, tableItems } from "./table-items";
import {
  type Block,
  endsTerminal,
  joinTexts,
  type LineView,
  splitLongLine,
  squash,
  startsLower,
  startsNewBlock,
  toBlocks,
} from "./text";

/** A paragraph that opens with RESOLVED (the grammar readDecision reads), not "It was RESOLVED to". */
const RESOLVED_MARK =
  /^(?:\(?\d{1,3}[).]\s+)?(?:RESOLVED\b|Resolved\s*(?::|that\b)|(?:AGREED|DECIDED)\b|(?:Agreed|Decided)\s*[:–—]|(?:DECISIONS?|Decisions?)\s*(?::|$))/;

export type MinutesResult = {
  meetings: Meeting[];
  diagnostics: Diagnostic[];
  claimed: { startLine: number; endLine: number }[];
};

export function parseMinutesSections(doc: SourceDocument): MinutesResult {
  const diagnostics: Diagnostic[] = [];
  const meetings: Meeting[] = [];
  const claimed: { startLine: number; endLine: number }[] = [];
  const views: LineView[] = [];
  const inlineItems = { expected: -1 };
  for (const l of doc.lines) {
    const parts = splitLongLine(l.text, inlineItems);
    if (parts.length === 1) views.push({ n: l.n, raw: l.text, text: l.text, line: l });
    else for (const p of parts) views.push({ n: l.n, raw: p, text: p, line: l, virtual: true });
  }
  if (!views.length) return { meetings, diagnostics, claimed };
  const indexOf = new Map<number, number>();
  for (let i = 0; i < views.length; i++) indexOf.set(views[i].n, i);
  const pageOf = (n: number): number | null => views[indexOf.get(n) ?? 0]?.line.page ?? null;
  const span = (a: number, b: number): Span => ({ startLine: a, endLine: b, page: pageOf(a) });

  const texts = new Array<string>(views.length);
  for (let i = 0; i < views.length; i++) {
    texts[i] = squash(views[i].text);
    views[i].sq = texts[i];
  }
  const local: LineView[] = views.slice();
  const sections = findSections(views, texts);
  let printsResolved = false;
  for (const sec of sections)
    for (let i = sec.headEndIdx + 1; i <= sec.endIdx && !printsResolved; i++)
      printsResolved = RESOLVED_MARK.test(texts[i]);
  for (const sec of sections) {
    // Running headers and footers read as blank lines inside the section (sections do not overlap).
    if (sec.running.size)
      for (let i = sec.startIdx; i <= sec.endIdx; i++)
        if (texts[i] && isRunning(sec.running, texts[i])) {
          local[i] = { ...views[i], text: "", sq: "" };
          texts[i] = "";
        }
    const first = sec.headEndIdx + 1;
    const last = sec.endIdx;
    // Minutes set out as a table (reference | item | minute) are read row by row.
    const table = sec.kind !== "moderngov" ? tableItems(local, first, last) : { items: [], header: -1 };
    const tabled = table.items;
    let items = tabled.length ? tabled : findItems(local, texts, first, last, sec);
    if (!tabled.length) {
      if (!items.length && sec.kind !== "moderngov") items = capitalHeadings(texts, first, last);
      if (!items.length && sec.kind !== "moderngov") items = unnumberedHeadings(local, texts, first, last);
      else if (!printsResolved && sec.kind !== "moderngov" && items.length >= 2)
        items = withSectionHeadings(items, texts);
    }
    // The closing block ("2.00 - 3.40 pm" / "08 November 2016" / "CHAIRMAN") belongs to no item.
    const closing = closingBlock(texts, items.length ? items[items.length - 1].headEnd + 1 : first, last);
    const meeting = emptyMeeting(sec.body ?? "", span(sec.start, sec.end));
    meeting.authority = sec.authority;
    meeting.date = sec.date;
    // A document that prints no date: the date its file is named by ("2025-03-03_minutes.docx"), said so.
    const named = !sec.date && sec.kind !== "moderngov" ? headerDate(doc.name.replace(/^.*[/\\]/, "")) : null;
    if (named) {
      meeting.date = named;
      diagnostics.push({
        level: "info",
        message: `minutes section: no meeting date printed; ${named} taken from the file name`,
        span: meeting.span,
      });
    }
    meeting.time = sec.time ?? closing?.time ?? null;
    meeting.location = sec.location;
    if (!sec.body)
      diagnostics.push({ level: "warning", message: "minutes section: committee name not found", span: meeting.span });
    if (!meeting.date && sec.kind !== "moderngov")
      diagnostics.push({ level: "warning", message: "minutes section: meeting date not found", span: meeting.span });
    if (sec.kind === "moderngov")
      diagnostics.push({
        level: "info",
        message: "Modern.Gov minutes page without a minutes heading: the meeting date and attendance are not printed",
        span: meeting.span,
      });

    const attEnd = tabled.length ? table.header - 1 : items.length ? items[0].at - 1 : last;
    const { attendance, found } = readAttendance(local, first, attEnd, sec.running);
    // Parish-style headings carry "Present: ..." in the heading sentence itself.
    if (!found && /\bpresent\b/i.test(sec.headText)) {
      const inline = attendanceFromRunningText(sec.headText);
      attendance.present.push(...inline.attendance.present);
      attendance.apologies.push(...inline.attendance.apologies);
      attendance.inAttendance.push(...inline.attendance.inAttendance);
      attendance.chair = attendance.chair ?? inline.attendance.chair;
    }
    let hasAttendance = found || attendance.present.length > 0;

    // Minutes that print RESOLVED record their decisions that way (and so does a note of a joint
    // session printed with them); the others (parish minutes) record motions and agreements in
    // running text.
    const readsMotions = !printsResolved && sec.kind !== "moderngov";
    let fromMotions = 0;
    const nextTexts: string[] = [];
    const laterTexts: string[] = [];
    // Declarations are read from the declarations item; minutes without one record them where made.
    const hasDeclarationsItem = items.some((it) => /declar|interest/i.test(it.title));
    for (let k = 0; k < items.length; k++) {
      const it: ItemHeading = items[k];
      const bodyFirst = it.headEnd + 1;
      const bodyLast = k + 1 < items.length ? items[k + 1].at - 1 : closing ? closing.start - 1 : last;
      const blocks: Block[] = toBlocks(local.slice(bodyFirst, bodyLast + 1));
      if (it.inline && tabled.length) {
        // A table cell holds the whole minute: its narrative and decisions as paragraphs.
        const n = local[it.at].n;
        blocks.unshift(
          ...cutAtDecisions(squash(it.inline)).map((text) => ({
            start: n,
            end: n,
            text,
            bulleted: false,
            indent: 0,
            gapBefore: 0,
            cells: false,
          })),
        );
      } else if (it.inline) {
        const n = local[it.at].n;
        const head: Block = {
          start: n,
          end: n,
          text: squash(it.inline),
          bulleted: false,
          indent: 0,
          gapBefore: 0,
          cells: false,
        };
        // A run-in heading's text that wraps onto the next printed lines (PDF, plain text) is one
        // paragraph: "...seconded by Cllr" / "Fletcher and carried ...". The lines directly under
        // the heading line continue it when the heading line does not end a sentence.
        const next = blocks[0];
        const nextRaw = local[bodyFirst]?.raw ?? "";
        if (
          next &&
          next.gapBefore === 0 &&
          next.start === n + 1 &&
          local[bodyFirst]?.n === next.start &&
          !next.cells &&
          !startsNewBlock(nextRaw) &&
          (!endsTerminal(head.text) || startsLower(next.text))
        ) {
          head.text = joinTexts([head.text, next.text]);
          head.end = next.end;
          blocks.shift();
        }
        blocks.unshift(head);
      }
      const decision = readDecision(blocks, sec.kind === "moderngov", pageOf);
      if (readsMotions && !decision.resolutions.length) {
        decision.resolutions = readMotions(blocks.map((b) => b.text));
        fromMotions += decision.resolutions.length;
      }
      diagnostics.push(...decision.diagnostics);
      const blockTexts = blocks.map((b) => b.text);
      const minute: Minute = {
        number: it.number,
        agendaItem: it.agendaItem,
        title: it.title,
        declarations: [],
        resolutions: decision.resolutions,
        keyDecision: decision.keyDecision ? true : null,
        reasons: decision.reasons,
        exemptParagraphs: exemptParagraphs([it.title, ...blockTexts]),
        span: span(local[it.at].n, blocks.length ? blocks[blocks.length - 1].end : local[it.headEnd].n),
      };
      if (!minute.agendaItem) {
        for (const t of blockTexts.slice(0, 4)) {
          const m = MARKED.exec(t.slice(0, 1500));
          if (m) {
            minute.agendaItem = m[1];
            break;
          }
        }
      }
      if (/declar|interest/i.test(it.title) || !hasDeclarationsItem) minute.declarations = readDeclarations(blocks);
      if (/apolog/i.test(it.title)) {
        // Each paragraph on its own: "Apologies were received from A and B." / a bare list of names.
        const mentions = blockTexts.some((t) => /apolog/i.test(t));
        const names = blockTexts.flatMap((t) =>
          /apolog/i.test(t) ? apologiesFromText(t) : mentions ? [] : apologiesFromText(`Apologies from ${t}`),
        );
        // The same person printed twice ("Apologies: Cllrs Shaw" above, "Cllr P Shaw" in the minute) is one.
        for (const n of names) if (!attendance.apologies.some((a) => samePerson(a, n))) attendance.apologies.push(n);
        if (names.length) hasAttendance = true;
      }
      if (labelOf(it.title)?.kind === "present" && blockTexts.length) {
        // "Cllr A (Chair), Cllr B. In attendance: Mrs C (Clerk)": the lists run on in the minute's text.
        const people = attendanceFromRunningText(`Present: ${blockTexts[0]}`).attendance;
        attendance.present.push(...people.present);
        attendance.inAttendance.push(...people.inAttendance);
        for (const a of people.apologies)
          if (!attendance.apologies.some((x) => samePerson(x, a))) attendance.apologies.push(a);
        if (people.chair && !attendance.chair) attendance.chair = people.chair;
        if (people.present.length) hasAttendance = true;
        for (const t of blockTexts.slice(0, 3)) addPresentForPart(attendance, t);
      }
      if (it.number === null && !it.title)
        diagnostics.push({ level: "warning", message: "minute item without a title", span: minute.span });
      if (/next\s+meeting/i.test(it.title)) nextTexts.push(...blockTexts, it.title);
      else laterTexts.push(...blockTexts);
      meeting.minutes.push(minute);
    }
    if (fromMotions)
      diagnostics.push({
        level: "info",
        message: `the minutes print no RESOLVED: ${fromMotions} decision(s) read from motions proposed and seconded and from agreements stated in the text`,
        span: meeting.span,
      });
    if (!items.length)
      diagnostics.push({
        level: "warning",
        message: "minutes section without recognisable minute items",
        span: meeting.span,
      });
    if (attendance.chair && !attendance.present.includes(attendance.chair))
      attendance.present.unshift(attendance.chair);
    // At a parish or town council, a county, district or borough councillor in the list attends
    // as a visitor (usually to report), not as one of the council's members.
    if (/\b(?:parish|town|community|village)\s+council\b/i.test(meeting.body)) {
      const visitor = /^(?:[A-Z][a-z]+\s+)?(?:county|district|borough|city|unitary)\s+(?:councillor|cllr)\b/i;
      const visitors = attendance.present.filter((p) => visitor.test(p) && p !== attendance.chair);
      if (visitors.length) {
        attendance.present = attendance.present.filter((p) => !visitors.includes(p));
        attendance.inAttendance.push(...visitors.filter((p) => !attendance.inAttendance.includes(p)));
      }
    }
    // "RESOLVED that Mr Cooke be elected to Chair the meeting": the chair for this meeting.
    if (!attendance.chair) {
      const elected = electedChair(texts, first, last, attendance.present);
      if (elected) {
        attendance.chair = elected;
        hasAttendance = true;
      }
    }
    if (!attendance.chair) {
      const chaired = chairFromText(texts, sec.startIdx, items.length ? items[0].at : last, attendance.present);
      if (chaired) {
        attendance.chair = chaired;
        if (!attendance.present.includes(chaired)) attendance.present.unshift(chaired);
        hasAttendance = true;
      }
    }
    // "The Chair declared ..." names the person in the chair.
    if (attendance.chair)
      for (const m of meeting.minutes)
        for (const d of m.declarations)
          if (/^the\s+chair(?:man|person|woman)?$/i.test(d.member)) d.member = attendance.chair;
    meeting.attendance = hasAttendance ? attendance : null;
    meeting.nextMeeting = nextMeetingDate(nextTexts) ?? nextMeetingDate(laterTexts.slice(-12));
    if (meeting.nextMeeting && meeting.date && meeting.nextMeeting < meeting.date)
      diagnostics.push({
        level: "warning",
        message: `next meeting date ${meeting.nextMeeting} as printed is earlier than the meeting itself (${meeting.date})`,
        span: meeting.span,
      });
    // Key decisions: where the minutes mark any, the unmarked items are not key decisions;
    // procedural items never are; otherwise the source cannot tell.
    const marksKey = meeting.minutes.some((m) => m.keyDecision === true);
    for (const m of meeting.minutes)
      if (m.keyDecision !== true) m.keyDecision = marksKey || PROCEDURAL.test(m.title) ? false : null;
    meetings.push(meeting);
    claimed.push({ startLine: sec.start, endLine: sec.end });
  }
  return { meetings, diagnostics, claimed };
}

/**
 * Unnumbered item headings, for minutes in which no numbered heading was found (a note of a joint
 * session under "AUDITED FINAL ACCOUNTS 2008/09 ..." / "ANNUAL GOVERNANCE REPORT 2008/09"): lines
 * wholly in capitals, of two words or more, standing alone between blank lines. Attendance labels
 * and dates are not headings.
 */
function capitalHeadings(texts: string[], first: number, last: number): ItemHeading[] {
  const out: ItemHeading[] = [];
  for (let i = first; i <= last; i++) {
    const t = texts[i];
    if (!t || t.length > 120 || /[a-z]/.test(t) || !/[A-Z]{3}/.test(t) || t.split(" ").length < 2) continue;
    if (i > first && texts[i - 1]) continue;
    if (i < last && texts[i + 1]) continue;
    if (/^(?:PRESENT|ALSO PRESENT|IN ATTENDANCE|APOLOGIES|ABSENT|OFFICERS?)\b/.test(t) || /:\s*$/.test(t)) continue;
    if (isDateOnly(t) || /^\(?\d{1,2}[:.]\d{2}/.test(t)) continue;
    out.push({ number: null, title: t, agendaItem: null, at: i, headEnd: i, inline: null });
  }
  return out;
}

/**
 * Unnumbered sections between numbered items of minutes written in running text ("Police
 * Matters:" between "2. Apologies" and "3. To Approve the Minutes", as parish minutes set out a
 * session the agenda does not number): a short title-case line ending in a colon, standing alone
 * between blank lines.
 */
function withSectionHeadings(items: ItemHeading[], texts: string[]): ItemHeading[] {
  const out: ItemHeading[] = [];
  for (let k = 0; k < items.length; k++) {
    out.push(items[k]);
    if (k + 1 >= items.length) break;
    for (let i = items[k].headEnd + 2; i < items[k + 1].at - 1; i++) {
      const t = texts[i];
      if (!t || texts[i - 1] || texts[i + 1] || t.length > 60 || !/^[A-Z][A-Za-z&'’ -]+:$/.test(t)) continue;
      const words = t.slice(0, -1).trim().split(/\s+/);
      if (words.length > 5 || !words.every((w) => /^[A-Z&]/.test(w) || /^(?:of|and|the|for|to|in|on|at|by)$/.test(w)))
        continue;
      out.push({ number: null, title: t.slice(0, -1).trim(), agendaItem: null, at: i, headEnd: i, inline: null });
    }
  }
  return out;
}

const SENTENCE_WORDS = /\b(?:was|were|had|has|is|are|reported|said|noted|agreed|thanked|asked|would|will)\b/i;

/** A short line that reads as a title: few words, most of them capitalised, no sentence in it. */
function titleLike(t: string, marked: boolean): boolean {
  if (t.length > 90 || !/^[A-Z'"‘“]/.test(t) || /[.,;]$/.test(t) || SENTENCE_WORDS.test(t)) return false;
  const words = t.split(" ");
  if (words.length > 10) return false;
  const caps = words.filter((w) => /^[A-Z0-9'"‘“(&]/.test(w)).length;
  return marked || words.length <= 4 || caps / words.length >= 0.5;
}

/**
 * Minutes whose items carry no numbers, in the two common ways: a title on a line of its own (set
 * apart by a blank line, or a Markdown, Word or bold heading) over its text, and a title run into
 * its text with a colon ("Flooding: Councillors discussed ..."; the title is the heading, the rest
 * is the minute's text). Attendance labels other than apologies are not items.
 */
function unnumberedHeadings(views: LineView[], texts: string[], first: number, last: number): ItemHeading[] {
  const standalone: ItemHeading[] = [];
  const runIn: ItemHeading[] = [];
  for (let i = first; i <= last; i++) {
    const t = texts[i];
    if (!t) continue;
    const lab = labelOf(t);
    if (lab && lab.kind !== "apologies" && lab.kind !== "stop") continue;
    const marked = !!views[i].line.heading || !!views[i].line.bold;
    const apart = i === first || !texts[i - 1] || marked;
    // Running prose sets capital headings on the line after a finished sentence, no blank between.
    const afterSentence = !apart && endsTerminal(texts[i - 1]) && !views[i].virtual;
    if (!apart && !afterSentence) continue;
    // "APOLOGIES FOR ABSENCE Apologies were received …": a heading in capitals run into its text.
    const caps =
      /^([A-Z][A-Z0-9'’&/(),-]*(?:\s+[A-Z0-9'’&/(),-]+)*?)\s+(?=[A-Z][a-z]|[AI]\s+[a-z]|(?:RESOLVED|AGREED)\b)(\S.{2,})$/.exec(
        t,
      );
    if (
      caps &&
      caps[1].length <= 60 &&
      /[A-Z]{3}/.test(caps[1]) &&
      (caps[1].includes(" ") || caps[1].length >= 5) &&
      !/^(?:RESOLVED|AGREED)\b/.test(caps[1])
    ) {
      runIn.push({ number: null, title: caps[1], agendaItem: null, at: i, headEnd: i, inline: caps[2] });
      continue;
    }
    if (!apart) continue;
    const colon = /^([A-Z][^:]{1,60}?)\s*:\s+(\S.{2,})$/.exec(t);
    const decision = /^(?:resolved|agreed|decided|proposed|seconded|carried|note|nb|action)\b/i;
    if (colon && titleLike(colon[1], true) && colon[1].split(" ").length <= 8 && !decision.test(colon[1])) {
      runIn.push({ number: null, title: colon[1].trim(), agendaItem: null, at: i, headEnd: i, inline: colon[2] });
      continue;
    }
    // A title alone on its line, its text directly under it (or after one blank line).
    let nx = i + 1;
    if (nx <= last && !texts[nx]) nx++;
    if (
      nx > last ||
      !texts[nx] ||
      (!marked && texts[nx].length < 20 && !SENTENCE_WORDS.test(texts[nx]) && nx === i + 2)
    )
      continue;
    if (titleLike(t.replace(/:$/, ""), marked))
      standalone.push({
        number: null,
        title: t.replace(/[:\s]+$/, ""),
        agendaItem: null,
        at: i,
        headEnd: i,
        inline: null,
      });
  }
  const use = runIn.length >= 3 && runIn.length >= standalone.length ? runIn : standalone.length >= 2 ? standalone : [];
  return use;
}
