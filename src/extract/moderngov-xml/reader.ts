/**
 * Modern.Gov web-service XML (mgWebService GetCommittees, GetMeetings, GetMeeting; bare or in a
 * SOAP envelope) → parse/v1 meetings. GetMeetings gives meetings with body, date and time;
 * GetMeeting adds agenda items, membership and attendance from the attendees, minutes from the
 * minutes HTML, and notes linked documents in diagnostics. GetCommittees lists committees, not
 * meetings: no meetings and one diagnostic per committee. Spans are lines of the XML source.
 * DTDs are refused (no entity expansion); the HTML inside is read as text only.
 */
import { XMLParser } from "fast-xml-parser";
import type { AgendaItem, Attendance, Diagnostic, Meeting, Member, Span } from "../../model/parse-v1";
import { emptyMeeting } from "../../model/parse-v1";
import { stateFromStatusField } from "../../parse/status/notice";
import {
  clean,
  clockTime,
  dropNonText,
  exemptParagraphsIn,
  paragraphsOf,
  parseDocument,
  resolutionsIn,
  ukDate,
} from "../moderngov-html/common";
import { guardDepth } from "../moderngov-html/reader";
import { ReadError, type Reader, type ReadInput, type ReadOutput } from "../registry";

/** Root elements of the web service's responses (lower-case, as Modern.Gov writes them). */
const ROOTS = ["committees", "getmeetings", "meeting", "meetings"] as const;

type Node = Record<string, unknown>;

/** The first element name of an XML text, skipping the declaration, comments and SOAP wrappers. */
export function xmlRoot(head: string): string | null {
  const t = head.replace(/^\uFEFF/, "");
  if (!/^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*</.test(t)) return null;
  const names = [...t.matchAll(/<([A-Za-z_][\w.:-]*)[\s>/]/g)].map((m) => m[1]);
  for (const n of names) {
    const local = n.replace(/^.*:/, "").toLowerCase();
    if (["envelope", "body", "header"].includes(local) || /response$|result$/.test(local)) continue;
    return local;
  }
  return null;
}

export function looksLikeModernGovXml(head: string): boolean {
  const root = xmlRoot(head);
  return root !== null && (ROOTS as readonly string[]).includes(root) && /<(?:committee|meeting)/i.test(head);
}

/** Decodes the XML predefined entities and character references (the parser leaves them alone). */
export function decodeXmlEntities(s: string): string {
  return s.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(lt|gt|amp|quot|apos));/gi, (m, dec, hex, name) => {
    if (dec || hex) {
      const cp = dec ? Number(dec) : Number.parseInt(hex, 16);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : "\uFFFD";
    }
    return { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[String(name).toLowerCase()] ?? m;
  });
}

/**
 * Line ranges of elements by name, in document order, from a scan of the raw XML (comments, CDATA
 * and processing instructions skipped). The i-th parsed <agendaitem> is the i-th range.
 */
export function elementLines(xml: string): Map<string, { start: number; end: number }[]> {
  const out = new Map<string, { start: number; end: number }[]>();
  const stack: { name: string; start: number; index: number }[] = [];
  let line = 1;
  let pos = 0;
  const re =
    /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!(?:[^>]*)>|<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  for (const m of xml.matchAll(re)) {
    for (; pos < (m.index ?? 0); pos++) if (xml.charCodeAt(pos) === 10) line++;
    if (!m[2]) continue;
    const name = m[2].replace(/^.*:/, "").toLowerCase();
    if (m[1]) {
      for (let i = stack.length - 1; i >= 0; i--)
        if (stack[i].name === name) {
          const open = stack[i];
          stack.length = i;
          const tagLines = (m[0].match(/\n/g) ?? []).length;
          out.get(name)![open.index].end = line + tagLines;
          break;
        }
    } else {
      const list = out.get(name) ?? [];
      list.push({ start: line, end: line });
      out.set(name, list);
      if (!m[4]) stack.push({ name, start: line, index: list.length - 1 });
    }
  }
  return out;
}

const arr = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v && typeof v === "object" ? [v as Node] : []);
const str = (v: unknown): string =>
  typeof v === "string" ? decodeXmlEntities(v).trim() : typeof v === "number" ? String(v) : "";

/** Text paragraphs of an HTML fragment carried inside the XML (scripts dropped, text only). */
function htmlParagraphs(html: string): string[] {
  if (!html.trim()) return [];
  const doc = parseDocument(html);
  dropNonText(doc);
  return paragraphsOf(doc.body ?? doc.documentElement);
}

function findRoot(tree: Node): { name: string; node: Node } | null {
  const queue: Node[] = [tree];
  while (queue.length) {
    const n = queue.shift()!;
    for (const [k, v] of Object.entries(n)) {
      if (k.startsWith("?") || k.startsWith("@_")) continue;
      const local = k.replace(/^.*:/, "").toLowerCase();
      if ((ROOTS as readonly string[]).includes(local)) return { name: local, node: (arr(v)[0] ?? {}) as Node };
      for (const child of arr(v)) queue.push(child);
    }
  }
  return null;
}

type Lines = Map<string, { start: number; end: number }[]>;

const rangeSpan = (lines: Lines, name: string, i: number, fallback: Span): Span => {
  const r = lines.get(name)?.[i];
  return r ? { startLine: r.start, endLine: Math.max(r.start, r.end), page: null } : fallback;
};

function meetingBasics(m: Node, body: string, span: Span, diagnostics: Diagnostic[]): Meeting {
  const meeting = emptyMeeting(body, span);
  const rawDate = str(m.meetingdate);
  meeting.date = ukDate(rawDate);
  if (rawDate && !meeting.date)
    diagnostics.push({ level: "warning", message: `unreadable meeting date "${rawDate}"`, span });
  const rawTime = str(m.meetingtime);
  meeting.time = rawTime ? clockTime(rawTime) : null;
  meeting.location = str(m.meetinglocation) || null;
  const status = str(m.meetingstatus);
  const id = str(m.meetingid);
  // Modern.Gov keeps a cancelled or postponed meeting in its lists with its status: kept as such.
  const state = status ? stateFromStatusField(status) : null;
  if (state) meeting.status = { state, note: status, rescheduledTo: null, span };
  if (status && !/^confirmed$/i.test(status))
    diagnostics.push({
      level: "info",
      message: `meeting ${id || "(no id)"}${meeting.date ? ` on ${meeting.date}` : ""} is ${status}`,
      span,
    });
  return meeting;
}

function getCommittees(root: Node, lines: Lines, diagnostics: Diagnostic[]): Meeting[] {
  const committees = arr(root.committee);
  committees.forEach((c, i) => {
    const expired = /^true$/i.test(str(c.committeeexpired)) ? ", expired" : "";
    const deleted = /^true$/i.test(str(c.committeedeleted)) ? ", deleted" : "";
    const category = str(c.committeecategory);
    diagnostics.push({
      level: "info",
      message: `committee ${str(c.committeeid)}: ${str(c.committeetitle)}${category ? ` (${category}${expired}${deleted})` : expired || deleted ? ` (${(expired + deleted).slice(2)})` : ""}`,
      span: rangeSpan(lines, "committee", i, { startLine: 1, endLine: 1, page: null }),
    });
  });
  diagnostics.push({
    level: "info",
    message: `a list of ${committees.length} committee${committees.length === 1 ? "" : "s"} (GetCommittees): no meetings in it`,
    span: null,
  });
  return [];
}

function getMeetings(root: Node, lines: Lines, diagnostics: Diagnostic[]): Meeting[] {
  const out: Meeting[] = [];
  let i = 0;
  const committees = arr(root.committee);
  const loose = arr(root.meeting);
  for (const c of committees) {
    const body = str(c.committeetitle) || "Unknown committee";
    const holder = arr(c.committeemeetings)[0] ?? c;
    for (const m of arr(holder.meeting)) {
      const span = rangeSpan(lines, "meeting", i++, { startLine: 1, endLine: 1, page: null });
      out.push(meetingBasics(m, body, span, diagnostics));
    }
  }
  for (const m of loose) {
    const span = rangeSpan(lines, "meeting", i++, { startLine: 1, endLine: 1, page: null });
    out.push(meetingBasics(m, str(m.committeetitle) || "Unknown committee", span, diagnostics));
  }
  return out;
}

const ATTENDED = /^(?:present|attended|in attendance|virtual|remote|present as substitute)/i;

function getMeeting(root: Node, lines: Lines, diagnostics: Diagnostic[]): Meeting[] {
  const items = arr(arr(root.agendaitems)[0]?.agendaitem);
  const attendees = arr(arr(root.attendees)[0]?.attendee);
  const whole = rangeSpan(lines, "meeting", 0, { startLine: 1, endLine: 1, page: null });
  // The committee: the meeting's own title, else what its items and documents name.
  let body = str(root.committeetitle) || str(root.committeename);
  if (!body) {
    const fromItems = items.map((it) => str(it.refertocommittee)).find(Boolean);
    const fromDocs = items
      .flatMap((it) => arr(arr(it.linkeddocuments)[0]?.linkeddoc))
      .map((d) => str(d.committeetitle))
      .find(Boolean);
    body = fromItems || fromDocs || "";
    if (body)
      diagnostics.push({
        level: "info",
        message: `committee "${body}" taken from the agenda items (the meeting element does not name it)`,
        span: whole,
      });
    else {
      body = "Unknown committee";
      diagnostics.push({ level: "warning", message: "the meeting does not name its committee", span: whole });
    }
  }
  const meeting = meetingBasics(root, body, whole, diagnostics);
  let linkedIndex = 0;
  items.forEach((it, i) => {
    const span = rangeSpan(lines, "agendaitem", i, whole);
    const display = str(it.fulldisplaynumberformat).replace(/[.:]\s*$/, "");
    const number = display || [str(it.agendaitemnumber), str(it.agendaitemsubnumber)].filter(Boolean).join("");
    const title = clean(str(it.agendaitemtitle)).replace(/\.$/, "");
    const presenter = /present|report|author/i.test(str(it.commentlabel1)) ? str(it.commenttext1) : "";
    const agenda: AgendaItem = { number, title, reportBy: presenter || null, pages: null, span };
    meeting.agenda.push(agenda);
    const minutesParas = htmlParagraphs(str(it.minutesnonemptyhtmlbody) || str(it.minuteshtmlbody));
    const restricted = /^true$/i.test(str(it.isrestricted));
    // A restricted item is exempt whether or not the response cites its paragraph.
    if (restricted) {
      agenda.exempt = true;
      agenda.exemptParagraphs = exemptParagraphsIn(`exempt ${str(it.restrictionsref)}`);
    }
    if (minutesParas.length) {
      const text = minutesParas.join(" ");
      meeting.minutes.push({
        number: str(it.minutesitemnumber) ? str(it.minutesitemnumber) + str(it.minutesitemsubnumber) : null,
        agendaItem: number || null,
        title,
        declarations: [],
        resolutions: resolutionsIn(minutesParas),
        keyDecision: /^true$/i.test(str(it.iskeydecision)) ? true : str(it.iskeydecision) ? false : null,
        reasons: [],
        exemptParagraphs: exemptParagraphsIn(`${restricted ? "exempt " : ""}${str(it.restrictionsref)} ${text}`),
        span,
        ...(restricted ? { exempt: true } : {}),
      });
    }
    const declarations = Number(str(it.declarationcount) || "0");
    if (declarations > 0)
      diagnostics.push({
        level: "info",
        message: `item ${number}: ${declarations} declaration${declarations === 1 ? "" : "s"} of interest recorded (names are not in this response)`,
        span,
      });
    if (restricted) diagnostics.push({ level: "info", message: `item ${number} is restricted (exempt)`, span });
    for (const d of arr(arr(it.linkeddocuments)[0]?.linkeddoc)) {
      const dspan = rangeSpan(lines, "linkeddoc", linkedIndex++, span);
      const url = str(d.url);
      const safe = /^https?:\/\//i.test(url) ? url : "";
      diagnostics.push({
        level: "info",
        message: `item ${number}: linked document "${clean(str(d.title))}"${safe ? ` (${safe})` : ""}${/^true$/i.test(str(d.isrestricted)) ? ", restricted" : ""}`,
        span: dspan,
      });
    }
  });
  if (attendees.length) {
    const membership: Member[] = [];
    const attendance: Attendance = { chair: null, present: [], apologies: [], inAttendance: [] };
    let recorded = false;
    for (const a of attendees) {
      const name = str(a["@_name"]) || str(a.name);
      if (!name) continue;
      const role = str(a["@_roledescription"]) || null;
      const status = str(a["@_attendance"]);
      membership.push({ name, role });
      if (/apolog/i.test(status)) attendance.apologies.push(name);
      else if (/in attendance/i.test(status)) attendance.inAttendance.push(name);
      else if (ATTENDED.test(status)) attendance.present.push(name);
      if (status && !/^expected$/i.test(status)) recorded = true;
      if (role && /^(?:chair|chairman|chairwoman|chairperson)\b/i.test(role) && ATTENDED.test(status))
        attendance.chair ??= name;
    }
    meeting.membership = membership;
    if (recorded) meeting.attendance = attendance;
    else
      diagnostics.push({
        level: "info",
        message: `attendance not yet recorded: ${attendees.length} attendee${attendees.length === 1 ? " is" : "s are"} 'Expected'`,
        span: rangeSpan(lines, "attendees", 0, whole),
      });
  }
  return [meeting];
}

export const moderngovXmlReader: Reader = {
  id: "moderngov-xml",
  format: "xml",
  score({ head }) {
    return looksLikeModernGovXml(head) ? 70 : 0;
  },
  async read(input: ReadInput): Promise<ReadOutput> {
    const { name, bytes, limits } = input;
    if (bytes.length > limits.maxBytes)
      throw new ReadError(name, `file is ${bytes.length} bytes, over the limit of ${limits.maxBytes} bytes`);
    let xml: string;
    try {
      xml = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
    } catch {
      throw new ReadError(name, "the XML is not valid UTF-8");
    }
    if (/<!DOCTYPE/i.test(xml)) throw new ReadError(name, "XML with a DOCTYPE (DTD) is not accepted");
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "@_",
      processEntities: false,
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
      removeNSPrefix: true,
      transformTagName: (t) => t.toLowerCase(),
    });
    let tree: Node;
    try {
      tree = parser.parse(xml, true) as Node;
    } catch (e) {
      const msg = (e as Error).message.replace(/\s+/g, " ");
      const open = /Invalid '\[(.*)\]' found/.exec(msg);
      const names = open ? [...open[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]) : [];
      throw new ReadError(
        name,
        names.length
          ? `malformed XML: the file ends inside <${names.join("> <")}> (truncated?)`
          : `malformed XML: ${msg.slice(0, 200)}`,
      );
    }
    const root = findRoot(tree);
    if (!root) throw new ReadError(name, "not a Modern.Gov web-service response (no committees or meeting element)");
    const lines = elementLines(xml);
    const diagnostics: Diagnostic[] = [];
    let meetings: Meeting[];
    if (root.name === "committees") meetings = getCommittees(root.node, lines, diagnostics);
    else if (root.name === "getmeetings" || root.name === "meetings")
      meetings = getMeetings(root.node, lines, diagnostics);
    else meetings = guardDepth(name, () => getMeeting(root.node, lines, diagnostics));
    if (!meetings.length && root.name !== "committees")
      diagnostics.push({ level: "warning", message: "no meeting in the response", span: null });
    return { kind: "records", format: "xml", meetings, diagnostics };
  },
};
