/**
 * A front sheet: the meeting an agenda is for (body, date, time, location, contact, membership) read
 * from labelled fields, a summons sentence, or a title block, followed by the agenda list. Returns
 * null when the zone holds no front sheet (a minutes-only document, a report, a web page).
 */
import type { SourceDocument } from "../../model/document";
import type { Contact, Diagnostic, Meeting, Member } from "../../model/parse-v1";
import { emptyMeeting } from "../../model/parse-v1";
import { parseAgenda } from "../agenda/index";
import { findDate, findTime, parseDateTime } from "../common/dates";
import { spanOf } from "../common/lines";
import { findEmail, findPhone } from "../common/names";
import { clean, head, isUpperLine, stripBullet } from "../common/text";
import { councilIn, resolveBody } from "../minutes/title-block";
import { clerkSignature, contactInSentence, nextMeetingIn } from "./contact";
import { type Label, parseContact, parseSummons, readLabel } from "./fields";
import { namesOnLine, parseMembership } from "./membership";
import { readSmallSummons, yearlessDate, yearsNear } from "./summons";

/** `more`: further meetings whose agendas follow on the same sheet (an annual parish meeting, then the council's AGM). */
export type FrontSheet = { meeting: Meeting; more: Meeting[]; endLine: number; diagnostics: Diagnostic[] };

/** How far into the zone the front-sheet facts may lie. */
const HEADER_WINDOW = 120;

function piecesOf(text: string, cells?: string[]): string[] {
  if (cells?.length) return cells.map((c) => clean(c)).filter(Boolean);
  return head(text, 1000)
    .split(/\s{3,}|\t/)
    .map((p) => clean(p))
    .filter(Boolean);
}

const BODY_WORDS =
  /\b(?:Committee|Cabinet|Council|Board|Panel|Commission|Forum|Executive|Assembly|Sub-Committee|Partnership|Authority)\b/i;

const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/;

/** A venue value, with the address line set just below it when that line carries a postcode. */
function withAddress(doc: SourceDocument, field: { value: string; valueLine: number } | undefined): string | null {
  if (!field) return null;
  let place = field.value.replace(/[.]$/, "");
  for (let n = field.valueLine + 1; n <= field.valueLine + 3; n++) {
    const t = clean(doc.lines[n - 1]?.text ?? "");
    if (!t) continue;
    if (!readLabel(t) && t.length <= 100 && POSTCODE.test(t) && !POSTCODE.test(place)) place = `${place}, ${t}`;
    break;
  }
  return place;
}

/**
 * A contact value whose e-mail address wrapped onto the line directly below ("Contact: Democratic
 * Services on 01234 567890, email" / "democratic.services@x.gov.uk"), joined; else the value as is.
 */
function withWrappedEmail(doc: SourceDocument, value: string, valueLine: number): string {
  if (findEmail(value)) return value;
  const below = clean(doc.lines[valueLine]?.text ?? "");
  if (!below || readLabel(below) || doc.lines[valueLine]?.cells) return value;
  const e = findEmail(below);
  return e && e.index === 0 ? `${value} ${below}` : value;
}

/** The first heading in capitals that carries a date: the meeting's body and date. */
function datedHeading(
  doc: SourceDocument,
  from: number,
  to: number,
): { body: string; date: string; line: number } | null {
  for (let n = from; n <= Math.min(to, from + 40); n++) {
    const t = clean(doc.lines[n - 1]?.text ?? "");
    if (!t || t.length > 100 || !isUpperLine(t)) continue;
    const d = findDate(t);
    if (!d) continue;
    const body = t
      .slice(0, d.index)
      .replace(/\b(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY\b/i, "")
      .replace(/[\s,:;–—-]+$/, "")
      .trim();
    if (body.length >= 3 && /[A-Z]{3}/.test(body)) return { body, date: d.iso, line: n };
  }
  return null;
}

/**
 * The English name of a council printed beside its Welsh or Gaelic one: "Cyngor Cymuned Pentre /
 * Pentre Community Council", "Comhairle Coimhearsnachd … | Glenmor Community Council", or the two
 * run together ("Cyngor Cymuned Pentre Pentre Community Council", the place's name said twice).
 */
export function englishName(body: string): string {
  const parts = body.split(/\s+[/|]\s+/);
  if (parts.length > 1) {
    const english = parts.find((x) => /\b(?:Council|Committee|Board|Panel|Meeting)\b/.test(x));
    if (english) body = english;
  }
  const words = body.split(" ");
  for (let k = 1; k <= 3; k++)
    for (let i = 0; i + 2 * k <= words.length - 2; i++)
      if (words.slice(i, i + k).join(" ") === words.slice(i + k, i + 2 * k).join(" ") && /^[A-Z]/.test(words[i]))
        return words.slice(i + k).join(" ");
  return body;
}

/** A heading over a further agenda: "A.G.M. Agenda", "Annual Meeting of the Parish Council", "Agenda – Planning Committee". */
const AGENDA_HEADING = /\bagenda\b|\bmeeting\b|\bA\.?G\.?M\b/i;

/**
 * Agendas that follow the first on one sheet, each under its own heading with its numbering started
 * again at 1 ("Annual Parish Meeting Agenda" 1-4, then "A.G.M. Agenda" 1-17): meetings of their own on
 * the same day, time and place, the body named by the heading (the electors' meeting, a committee) or
 * else the council of the letterhead.
 */
function followingAgendas(
  doc: SourceDocument,
  from: number,
  to: number,
  first: Meeting,
  council: string | null,
): Meeting[] {
  const out: Meeting[] = [];
  let n = from;
  while (n <= to && out.length < 4) {
    // The heading: the first line with text, short, not an item, naming an agenda or a meeting.
    let h = n;
    while (h <= Math.min(to, n + 3) && !clean(doc.lines[h - 1]?.text ?? "")) h++;
    const heading = clean(doc.lines[h - 1]?.text ?? "");
    if (!heading || heading.length > 80 || /^\d/.test(heading) || !AGENDA_HEADING.test(heading)) break;
    if (/\bnext\s+meeting\b/i.test(heading)) break;
    const list = parseAgenda(doc, h + 1, to);
    if (list.items.length < 2 || list.items[0].number !== "1" || list.items[0].span.startLine > h + 3) break;
    const body = resolveBody(null, heading, council) ?? council;
    if (!body) break;
    const m = emptyMeeting(englishName(body), spanOf(doc, h, list.endLine));
    m.date = first.date;
    m.time = first.time;
    m.location = first.location;
    m.contact = first.contact;
    m.agenda = list.items;
    out.push(m);
    n = list.endLine + 1;
  }
  for (const [i, m] of out.entries())
    m.nextMeeting = nextMeetingIn(doc, m.span.startLine, i + 1 < out.length ? out[i + 1].span.startLine - 1 : to);
  return out;
}

/** A value plausible for its label: an e-mail field holds an address, a phone field a number. */
function fits(label: Label, value: string): boolean {
  if (label === "email") return /@/.test(value);
  if (label === "phone") return findPhone(value) !== null;
  // "Date: Monday 3rd March" under a heading that gives the year.
  if (label === "date" || label === "datetime") return findDate(value) !== null || yearlessDate(value, [2000]) !== null;
  if (label === "time") return findTime(value) !== null;
  return true;
}

/** First-column text of the lines under a date (up to a blank line), joined: the venue. */
function readPlaceUnder(doc: SourceDocument, from: number, to: number): string | null {
  const parts: string[] = [];
  let aside = false;
  for (let n = from; n <= Math.min(to, from + 5); n++) {
    const line = doc.lines[n - 1];
    if (!line?.text.trim()) break;
    const first = piecesOf(line.text, line.cells)[0] ?? "";
    // A bracketed aside under the time ("(or on the rising of Full Council, whichever is the later)").
    if (aside || first.startsWith("(")) {
      aside = !first.includes(")");
      continue;
    }
    if (!first || readLabel(first) || findDate(first) || /@/.test(first)) break;
    parts.push(first);
  }
  const place = clean(parts.join(" ")).replace(/,$/, "");
  return place || null;
}

export function parseFrontSheet(doc: SourceDocument, from: number, to: number): FrontSheet | null {
  const diagnostics: Diagnostic[] = [];
  const last = Math.min(to, from + HEADER_WINDOW, doc.lines.length);
  const found = new Map<Label, { value: string; line: number; valueLine: number }>();
  let agendaLine: number | null = null;
  let membershipLine: number | null = null;
  let firstFact: number | null = null;
  let lastFact = from - 1;
  let summons: ReturnType<typeof parseSummons> = null;
  let summonsLine: number | null = null;
  let para = "";
  let paraStart = from;
  let contactSentence: string | null = null;
  let inlineMembers: Member[] = [];
  let inlineEnd = from - 1;

  const note = (label: Label, value: string, n: number, valueLine: number) => {
    if (!found.has(label)) found.set(label, { value, line: n, valueLine });
    firstFact ??= n;
    lastFact = Math.max(lastFact, n);
  };

  for (let n = from; n <= last; n++) {
    const line = doc.lines[n - 1];
    const text = clean(line.text);
    if (!text) {
      if (para && !summons && /meeting of/i.test(para)) {
        summons = parseSummons(para);
        if (summons) summonsLine = paraStart;
      }
      // "For more information ... contact democratic.services@x.gov.uk or telephone 020 8545 3616."
      if (para && !contactSentence && /\bcontact\b/i.test(para) && findEmail(para)) contactSentence = para;
      para = "";
      continue;
    }
    if (!para) paraStart = n;
    para = para ? `${para} ${text}` : text;
    let bare = clean(stripBullet(text)).replace(/:$/, "");
    if (/^(?:[A-Z] ){3,}[A-Z]$/.test(bare)) bare = bare.replace(/ /g, ""); // "A G E N D A"
    if (/^agenda$/i.test(bare) && agendaLine === null) agendaLine = n;
    if (/^(?:membership|members|committee members)$/i.test(bare) && membershipLine === null) membershipLine = n;
    const pieces = piecesOf(line.text, line.cells);
    for (let i = 0; i < pieces.length; i++) {
      const lab = readLabel(pieces[i]);
      if (!lab) continue;
      let value = lab.value;
      let valueLine = n;
      if (!value && i + 1 < pieces.length) {
        const nextLab = readLabel(pieces[i + 1]);
        if (!nextLab) value = pieces[++i];
        else if (nextLab.label === lab.label) continue; // "Telephone:" then "Tel: 0300 ...": read the second
      }
      if (!value && lab.label !== "membership" && i + 1 >= pieces.length) {
        // The value on the next line ("Email:" / "name@council.gov.uk").
        const next = doc.lines[n]?.text ?? "";
        if (next.trim() && !readLabel(clean(next)) && fits(lab.label, clean(next))) {
          value = clean(next);
          valueLine = n + 1;
        }
      }
      if (value && !fits(lab.label, value)) continue;
      if (lab.label === "membership") {
        if (membershipLine === null) {
          membershipLine = n;
          // "Membership: Councillors A Smith (Chair), B Jones and C Brown": the names on the label's line.
          // The sentence may wrap onto the lines directly below (a PDF paragraph), up to a blank line.
          if (value) {
            let all = value;
            let k = n + 1;
            for (; k <= last && k <= n + 6; k++) {
              const below = clean(doc.lines[k - 1]?.text ?? "");
              if (!below || readLabel(below)) break;
              all = `${all} ${below}`;
            }
            inlineMembers = namesOnLine(all);
            inlineEnd = k - 1;
          }
        }
        continue;
      }
      if (value) note(lab.label, value, n, valueLine);
    }
  }
  if (!summons && para && /meeting of/i.test(para)) {
    summons = parseSummons(para);
    if (summons) summonsLine = paraStart;
  }

  // A covering letter's heading names the meeting and its date: "COUNTY COUNCIL - THURSDAY, 9 JANUARY 2025".
  const dated = datedHeading(doc, from, last);

  // Body: a "Meeting:" field, the summons sentence, a dated heading, or the short line under "AGENDA".
  let body = found.get("body")?.value ?? summons?.body ?? dated?.body ?? null;
  let bodyLine = found.get("body")?.line ?? (summons?.body ? summonsLine : dated?.line) ?? null;
  if (!body && agendaLine !== null) {
    for (let n = agendaLine + 1; n <= Math.min(last, agendaLine + 4); n++) {
      const t = clean(doc.lines[n - 1]?.text ?? "");
      if (!t) continue;
      if (t.length <= 80 && !findDate(t) && !/\d/.test(t) && !readLabel(t)) {
        body = t;
        bodyLine = n;
      }
      break;
    }
  }
  if (!body) {
    for (let n = from; n <= Math.min(last, from + 15); n++) {
      const t = clean(doc.lines[n - 1]?.text ?? "");
      // Not the clerk's line ("Jane Smith, Clerk to the Council") nor the people addressed ("To all Members of the Council").
      if (/\bclerk\b|\bmembers\s+of\b/i.test(t)) continue;
      if (t && t.length <= 80 && BODY_WORDS.test(t) && !/\d/.test(t) && !/^[\w' ]+ Council$/i.test(t)) {
        body = t;
        bodyLine = n;
        break;
      }
    }
  }

  // Date and time.
  let date: string | null = null;
  let time: string | null = null;
  let dateLine: number | null = null;
  let placeUnderDate: string | null = null;
  const dt = found.get("datetime");
  if (dated && !found.get("body") && !summons?.body && !dt) {
    // The heading's date is the meeting's; a bare "Date:" field there is the letter's own date.
    date = dated.date;
    dateLine = dated.line;
  }
  if (dt) {
    ({ date, time } = parseDateTime(dt.value));
    dateLine = dt.line;
  }
  const dOnly = found.get("date");
  // A small council's summons sentence or dated heading, however worded (summons.ts).
  const small = readSmallSummons(doc, from, last);
  if (!date && dOnly) {
    date = findDate(dOnly.value)?.iso ?? yearlessDate(dOnly.value, yearsNear(doc, from, last))?.iso ?? null;
    if (!time) time = parseDateTime(dOnly.value).time;
    dateLine = dOnly.line;
  }
  const tOnly = found.get("time");
  if (!time && tOnly) time = findTime(tOnly.value);
  if (!date && summons?.date) {
    date = summons.date;
    time ??= summons.time;
    dateLine = summonsLine;
  }
  if (!date && small?.date) {
    date = small.date;
    dateLine = small.line;
  }
  // The summons that gives the meeting's date gives its time and place too.
  if (small && small.date === date) {
    time ??= small.time;
    placeUnderDate ??= small.location;
  }
  if (!date) {
    // A dated line near the top that names a weekday ("Thursday, 30th January, 2025, at 10.00 am").
    const stop = Math.min(last, (agendaLine ?? from) + 12);
    for (let n = from; n <= stop; n++) {
      const t = clean(doc.lines[n - 1]?.text ?? "");
      if (!/\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/i.test(t)) continue;
      const first = piecesOf(doc.lines[n - 1].text, doc.lines[n - 1].cells)[0] ?? t;
      const pd = parseDateTime(first);
      if (pd.date) {
        date = pd.date;
        time ??= pd.time;
        dateLine = n;
        // Layouts that set the venue in the same column under the date ("Council Chamber, ...").
        if (doc.lines[n - 1].cells) placeUnderDate = readPlaceUnder(doc, n + 1, last);
        break;
      }
    }
  }
  // A small council's agenda names the meeting by its kind or its date ("MEETING TO BE HELD ON
  // TUESDAY, 2nd MARCH 2021", "Annual Parish Meeting in the Village Hall"): the body is the council
  // of the letterhead, or the electors' meeting, by the rule minutes follow.
  if (
    !body ||
    !BODY_WORDS.test(body) ||
    body.split(" ").length > 8 ||
    /\b(?:to be held|held on|meeting of)\b|^meeting\b/i.test(body) ||
    // "the Extraordinary Meeting of the Community Council": the council of the letterhead.
    /^(?:the\s+)?(?:(?:parish|town|community|village)\s+)?council$/i.test(body)
  ) {
    const head: string[] = [];
    for (let n = from; n <= Math.min(last, from + 15); n++) head.push(clean(doc.lines[n - 1]?.text ?? ""));
    const resolved = resolveBody(null, head.filter(Boolean).join(" "), null);
    // The letterhead names it: the weak line that stood for the body is no fact the agenda must follow.
    if (resolved && resolved !== body) {
      body = resolved;
      bodyLine = null;
    }
  }
  if (!body) return null;
  body = englishName(body);
  if (!date && !found.size && agendaLine === null) return null;

  const meeting = emptyMeeting(body.replace(/[.:]$/, ""), spanOf(doc, from, from));
  meeting.date = date;
  meeting.time = time;
  meeting.location = withAddress(doc, found.get("location")) ?? summons?.location ?? placeUnderDate;

  const contactField = found.get("contact");
  const emailField = found.get("email");
  const phoneField = found.get("phone");
  if (contactField || emailField || phoneField) {
    const c: Contact = contactField
      ? parseContact(withWrappedEmail(doc, contactField.value, contactField.valueLine))
      : { name: null, phone: null, email: null };
    if (!c.phone && phoneField) c.phone = findPhone(phoneField.value)?.value ?? null;
    // "Tel: 01234 567890  Email: clerk@…": the e-mail printed inside another field's value.
    if (!c.email && !emailField)
      c.email = findEmail(`${phoneField?.value ?? ""} ${contactField?.value ?? ""}`)?.value ?? null;
    if (!c.email && emailField) {
      // Some layouts wrap the address ("name@kent" / ".gov.uk"): join the next line when it continues it.
      // A PDF may set a space inside the address ("georgina.little@kent .gov.uk").
      const raw = emailField.value.replace(/(@[\w-]+(?:\.[\w-]+)*)\s+(?=\.[a-z]{2,})/i, "$1");
      const nextText = clean(doc.lines[emailField.valueLine]?.text ?? "");
      const joined = /@[\w.-]+$/.test(raw) && /^\.[a-z]/i.test(nextText) ? raw + nextText : raw;
      c.email = findEmail(joined)?.value ?? null;
    }
    meeting.contact = c;
  } else if (contactSentence) meeting.contact = contactInSentence(contactSentence);
  // A clerk's signature block under a summons names the person to contact.
  const signed = clerkSignature(doc, from, last);
  if (signed) {
    if (!meeting.contact) meeting.contact = signed;
    else if (!meeting.contact.name) meeting.contact.name = signed.name;
  }

  // Membership.
  let membershipEnd = membershipLine ?? from - 1;
  if (membershipLine !== null) {
    const ms: ReturnType<typeof parseMembership> = inlineMembers.length
      ? { members: inlineMembers, endLine: inlineEnd, diagnostics: [] }
      : parseMembership(doc, membershipLine + 1, last);
    meeting.membership = ms.members;
    membershipEnd = ms.endLine;
    diagnostics.push(...ms.diagnostics);
    if (!meeting.membership.length)
      diagnostics.push({
        level: "warning",
        message: "membership heading with no names under it",
        span: spanOf(doc, membershipLine, membershipLine),
      });
  }

  // Agenda: after every front-sheet fact.
  const agendaFrom = Math.max(lastFact, membershipEnd, agendaLine ?? from, dateLine ?? from, bodyLine ?? from) + 1;
  let agenda = parseAgenda(doc, agendaFrom, to);
  // Labelled lines under the list (a clerk's "Tel:" and "Email:" below the agenda) are no front-sheet
  // facts above it: with nothing read after them, the list starts under its heading or the summons.
  const heading = Math.max(agendaLine ?? from, dateLine ?? from, bodyLine ?? from) + 1;
  if (!agenda.items.length && heading < agendaFrom) {
    const under = parseAgenda(doc, heading, to);
    if (under.items.length) agenda = under;
  }
  meeting.agenda = agenda.items;
  // Without labelled fields, a summons or any agenda item, a body and a date are not a front sheet.
  if (!found.size && !summons && !agenda.items.length) return null;
  diagnostics.push(...agenda.diagnostics);
  if (!agenda.items.length)
    diagnostics.push({
      level: "warning",
      message: "front sheet has no agenda items",
      span: spanOf(doc, from, agendaFrom),
    });
  if (!date)
    diagnostics.push({ level: "warning", message: "front sheet gives no meeting date", span: spanOf(doc, from, from) });

  const start = Math.min(
    firstFact ?? from,
    bodyLine ?? from,
    agendaLine ?? Number.MAX_SAFE_INTEGER,
    membershipLine ?? Number.MAX_SAFE_INTEGER,
  );
  let end = Math.max(agenda.items.length ? agenda.endLine : agendaFrom - 1, start);
  const top: string[] = [];
  for (let n = from; n <= Math.min(last, from + 15); n++) top.push(clean(doc.lines[n - 1]?.text ?? ""));
  const more = agenda.items.length
    ? followingAgendas(doc, agenda.endLine + 1, to, meeting, councilIn(top.join(" ")))
    : [];
  // "Date of next meeting: …" under the agenda, or an item of that name with the date beneath it.
  meeting.nextMeeting = nextMeetingIn(doc, from, more.length ? more[0].span.startLine - 1 : to);
  meeting.span = spanOf(doc, start, end);
  for (const m of more) {
    diagnostics.push({
      level: "info",
      message: `a second agenda on the sheet ("${m.body}") is a meeting of its own on the same day`,
      span: m.span,
    });
    end = Math.max(end, m.span.endLine);
  }
  return { meeting, more, endLine: end, diagnostics };
}
