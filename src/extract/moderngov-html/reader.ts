/**
 * HTML readers. The Modern.Gov reader turns decision details pages (ieDecisionDetails) and meeting
 * pages (ieListDocuments items with "Minutes:"/"Decision:" blocks, mgMeetingAttendance tables)
 * into parse/v1 records whose spans are lines of the HTML source. Any other HTML (or a Modern.Gov
 * page of another kind) becomes document lines with heading, bold and cell hints for the text
 * parser. Only text nodes are read: scripts, styles and attributes never reach the output.
 */
import type { Line, SourceDocument } from "../../model/document";
import type {
  AgendaItem,
  Attendance,
  Clause,
  Contact,
  Declaration,
  Diagnostic,
  Meeting,
  Member,
  Minute,
  Span,
} from "../../model/parse-v1";
import { emptyMeeting } from "../../model/parse-v1";
import { findNotice, stateFromStatusField } from "../../parse/status/notice";
import { ReadError, type Reader, type ReadInput, type ReadOutput } from "../registry";
import {
  type Block,
  blocksOf,
  clausesFrom,
  clean,
  clockTime,
  dropNonText,
  type El,
  endLineOf,
  exemptParagraphsIn,
  lineOf,
  markupDepth,
  paragraphsOf,
  parseDocument,
  resolutionsIn,
  ukDate,
} from "./common";

const HTML_START =
  /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!doctype\s+html|<(?:html|head|body|div|table|p|h[1-6]|meta|title|span|section|article|main|header|footer|nav|aside|ul|ol|li|dl|blockquote|pre|center|br|hr|img|figure|form|tbody|tr|td|style|script|link)[\s>/])/i;
/** Block markup inside text that does not open with a tag: a fragment pasted from a CMS ("Minutes<br>Present: …"). */
const BLOCK_TAG = /<(?:p|br|div|td|tr|li|h[1-6]|table|ul|ol)\b[^>]*>/gi;
const CLOSING_TAG = /<\/(?:p|div|td|li|h[1-6]|table|ul|ol|span|strong|b)>/i;
const MODERNGOV =
  /\bmg(?:MainTitleTxt|SubTitleTxt|SubSubTitleTxt|Heading|Table|Content|Label|WordPara|ItemNumberCell|AiTitleTxt|SubItemTitleTxt|BulletList|ActionList|StatsTable|Header|Footer|SectionTitle)\b|\bie(?:DecisionDetails|ListDocuments|ListMeetings|IssueDetails)\.aspx|mgMeetingAttendance\.aspx|id="modgov"|modern\.gov|moderngov/i;

function headText(bytes: Uint8Array, n = 65536): string {
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes.subarray(0, n)).replace(/^\uFEFF/, "");
}

export function looksLikeHtml(bytes: Uint8Array): boolean {
  return HTML_START.test(headText(bytes, 8192));
}

/** Text that does not open with a tag but is marked up throughout (at least three block tags and a closing tag). */
export function looksLikeHtmlFragment(bytes: Uint8Array): boolean {
  const head = headText(bytes, 8192);
  return (head.match(BLOCK_TAG) ?? []).length >= 3 && CLOSING_TAG.test(head);
}

export function looksLikeModernGov(bytes: Uint8Array): boolean {
  return looksLikeHtml(bytes) && MODERNGOV.test(headText(bytes));
}

function decode(name: string, bytes: Uint8Array, maxBytes: number, diagnostics: Diagnostic[]): string {
  if (bytes.length > maxBytes)
    throw new ReadError(name, `file is ${bytes.length} bytes, over the limit of ${maxBytes} bytes`);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    diagnostics.push({ level: "warning", message: "not valid UTF-8; decoded as Windows-1252", span: null });
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

const span = (start: number | null, end: number | null): Span => {
  const s = start ?? 1;
  return { startLine: s, endLine: Math.max(s, end ?? s), page: null };
};
const spanOf = (el: El): Span => span(lineOf(el), endLineOf(el));

// ---------------------------------------------------------------------------------------------
// Generic HTML → lines

/** Any HTML as document lines: one line per block, blank lines between paragraphs. */
export function htmlToLines(document: El): Line[] {
  dropNonText(document);
  const root = document.body ?? document.documentElement ?? document;
  const blocks = blocksOf(root);
  const lines: Line[] = [];
  let prev: Block | null = null;
  for (const b of blocks) {
    const together =
      prev && (b.afterBreak || (prev.tag === "tr" && b.tag === "tr") || (prev.tag === "li" && b.tag === "li"));
    if (prev && !together) lines.push({ n: lines.length + 1, text: "", page: null });
    const line: Line = { n: lines.length + 1, text: b.text, page: null };
    if (b.bold) line.bold = true;
    if (b.heading) line.heading = true;
    if (b.cells) line.cells = b.cells;
    lines.push(line);
    prev = b;
  }
  return lines;
}

function linesDocument(input: ReadInput, text: string, diagnostics: Diagnostic[]): SourceDocument {
  const lines = htmlToLines(parseDocument(text));
  return { name: input.name, format: "html", sha256: input.sha256, lines, pageCount: null, furniture: [], diagnostics };
}

export const htmlReader: Reader = {
  id: "html",
  format: "html",
  score({ name, bytes }) {
    const md = /\.(md|markdown)$/i.test(name);
    // Markdown may open with an HTML block; its name then tips the balance to the Markdown reader.
    if (looksLikeHtml(bytes)) return md ? 15 : 30;
    // A fragment that starts with text: above plain text and Markdown sniffed by content, below a .md name.
    if (looksLikeHtmlFragment(bytes)) return md ? 0 : 18;
    return 0;
  },
  async read(input: ReadInput): Promise<ReadOutput> {
    const diagnostics: Diagnostic[] = [];
    const text = decode(input.name, input.bytes, input.limits.maxBytes, diagnostics);
    checkDepth(input.name, text, input.limits.maxDepth);
    return guardDepth(input.name, () => ({ kind: "lines", doc: linesDocument(input, text, diagnostics) }));
  },
};

/** Refuses markup nested deeper than the limit before any DOM is built (the build is what takes minutes). */
export function checkDepth(name: string, html: string, maxDepth: number): void {
  const depth = markupDepth(html, maxDepth);
  if (depth > maxDepth)
    throw new ReadError(
      name,
      `the HTML is nested too deeply to read: more than ${maxDepth} elements inside one another (the limit)`,
    );
}

/** Pathologically deep markup exhausts the stack in the DOM walk: a ReadError, not a crash. */
export function guardDepth<T>(name: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RangeError) throw new ReadError(name, "the HTML is nested too deeply to read");
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------
// Modern.Gov pages → records

type Field = { label: string; value: string; el: El };

const byClass = (root: El, cls: string): El[] => [...root.querySelectorAll(`.${cls}`)];
const textOf = (el: El): string => clean(paragraphsOf(el).join(" "));

/** "Label: value" pairs marked with span.mgLabel (decision details, meeting venue and contact). */
function labelledFields(root: El): Field[] {
  const out: Field[] = [];
  for (const label of byClass(root, "mgLabel")) {
    const name = clean(String(label.textContent)).replace(/\s*:\s*$/, "");
    if (!name) continue;
    if (label.localName === "span" && label.parentNode?.nodeType === 1) {
      const parent = label.parentNode;
      const all = textOf(parent);
      const own = clean(String(label.textContent));
      const value = all.startsWith(own) ? all.slice(own.length).trim() : all.replace(own, "").trim();
      out.push({ label: name, value, el: parent });
    } else {
      // A label on its own paragraph ("Accompanying Documents:") heads the list that follows.
      let next = label.nextElementSibling;
      while (next && !/^(ul|ol|div|p|table)$/.test(next.localName)) next = next.nextElementSibling;
      out.push({ label: name, value: next ? textOf(next) : "", el: next ?? label });
    }
  }
  return out;
}

const field = (fields: Field[], re: RegExp): Field | undefined => fields.find((f) => re.test(f.label));

type Section = { title: string; heading: El; content: El[] };

/** Headed sections ("Decision:", "Reasons for the decision:") and the elements under each heading. */
function headedSections(root: El): Section[] {
  const heads = [...root.querySelectorAll("h3, h4, .mgSubSubTitleTxt, .mgSubItemTitleTxt")].filter(
    (h: El, i: number, all: El[]) => all.indexOf(h) === i,
  );
  return heads.map((heading: El) => {
    const content: El[] = [];
    for (let n = heading.nextElementSibling; n; n = n.nextElementSibling) {
      if (/^h[1-4]$/.test(n.localName) || n.classList?.contains("mgSubItemTitleTxt")) break;
      if (n.querySelector?.(".mgLabel") || n.classList?.contains("mgLabel")) break;
      content.push(n);
    }
    return { title: clean(String(heading.textContent)).replace(/\s*:\s*$/, ""), heading, content };
  });
}

const sectionParagraphs = (s: Section | undefined): string[] => (s ? s.content.flatMap((e) => paragraphsOf(e)) : []);

const yesNo = (v: string | undefined): boolean | null =>
  v === undefined ? null : /^\s*yes\b/i.test(v) ? true : /^\s*no\b/i.test(v) ? false : null;

function declarationsFrom(paragraphs: string[]): Declaration[] {
  return paragraphs
    .filter((p) => p && !/^(?:none|no\b|nil|n\/a|not applicable)/i.test(p))
    .map((p) => {
      const m = /^(.+?)\s+(?:declared|disclosed|indicated)\s+(?:an?\s+)?(.+)$/i.exec(p);
      return m ? { member: m[1], interest: m[2], item: null } : { member: p, interest: null, item: null };
    });
}

const safeHref = (href: string | null): string | null => (href && /^(?:https?:\/\/|[^:]*$)/i.test(href) ? href : null);

function decisionRecord(root: El, doc: El, diagnostics: Diagnostic[]): Meeting | null {
  const fields = labelledFields(root);
  const sections = headedSections(root);
  const decisionSection = sections.find((s) => /^decisions?$/i.test(s.title));
  const dateField = field(fields, /^date of decision$/i);
  const makerField = field(fields, /^decision maker$/i);
  if (!decisionSection && !dateField && !makerField) return null;
  const titleEl = root.querySelector(".mgSubTitleTxt") ?? root.querySelector("h2") ?? doc.querySelector("title");
  const title = titleEl ? clean(String(titleEl.textContent)) : "Decision";
  const decided = field(fields, /^decided at meeting$/i);
  const decidedMatch = decided ? /^(\d{1,2}\/\d{1,2}\/\d{4})\s*[-–]\s*(.+)$/.exec(decided.value) : null;
  let body = decidedMatch?.[2]?.trim() || makerField?.value || "";
  if (!body) {
    body = "Unknown decision maker";
    diagnostics.push({
      level: "warning",
      message: "the page names neither a decision maker nor a meeting",
      span: null,
    });
  }
  const meetingSpan = spanOf(root);
  const m = emptyMeeting(body, meetingSpan);
  m.date = (dateField && ukDate(dateField.value)) ?? (decidedMatch ? ukDate(decidedMatch[1]) : null);
  const decisionParas = sectionParagraphs(decisionSection);
  const reasons = sectionParagraphs(sections.find((s) => /^reasons?\b/i.test(s.title)));
  const interests = sectionParagraphs(sections.find((s) => /interest/i.test(s.title)));
  const exemptText = [
    ...fields.filter((f) => /exempt|restrict|confidential/i.test(f.label)).map((f) => f.value),
    ...sections.filter((s) => /exempt|restrict|confidential/i.test(s.title)).flatMap(sectionParagraphs),
    ...decisionParas,
  ].join(" ");
  const first = lineOf(titleEl) ?? meetingSpan.startLine;
  const minute: Minute = {
    number: null,
    agendaItem: null,
    title,
    declarations: declarationsFrom(interests),
    resolutions: clausesFrom(decisionParas),
    keyDecision: yesNo(field(fields, /^is key decision\??$/i)?.value),
    reasons,
    exemptParagraphs: exemptParagraphsIn(exemptText),
    span: span(first, meetingSpan.endLine),
  };
  m.minutes.push(minute);
  // What makes it a decision rather than a meeting: who took it, its status, call-in and dates.
  const dateOf = (re: RegExp) => {
    const f = field(fields, re);
    return f ? ukDate(f.value) : null;
  };
  const callInField = field(fields, /^(?:is\s+)?subject\s+to\s+call[-\s]?in\??$|^call[-\s]?in$/i);
  m.decision = {
    // A decision taken at a meeting was the committee's: it is the decision maker.
    maker: makerField?.value || decidedMatch?.[2]?.trim() || null,
    status: field(fields, /^decision\s+status$|^status$/i)?.value || null,
    callIn: yesNo(callInField?.value),
    callInDeadline: dateOf(
      /call[-\s]?in\s+(?:deadline|expiry|expires|period\s+ends)|deadline\s+for\s+call[-\s]?in|last\s+date\s+for\s+call[-\s]?in/i,
    ),
    publicationDate: dateOf(/^(?:publication\s+date|date\s+of\s+publication|date\s+published)$/i),
    effectiveDate: dateOf(
      /^(?:effective\s+(?:date|from)|date\s+(?:of\s+)?(?:implementation|effect)|implementation\s+date|decision\s+effective\s+from|(?:date\s+)?(?:the\s+)?decision\s+(?:comes\s+into\s+force|takes\s+effect|may\s+be\s+implemented))$/i,
    ),
    decidedAt: decidedMatch ? { body: decidedMatch[2].trim(), date: ukDate(decidedMatch[1]) } : null,
    span: meetingSpan,
  };
  if (!decisionParas.length)
    diagnostics.push({ level: "warning", message: "decision details page without decision text", span: minute.span });
  for (const f of fields) {
    if (/^(date of decision|decided at meeting|is key decision\??)$/i.test(f.label)) continue;
    if (/^decision maker$/i.test(f.label) && body === f.value) continue;
    if (/^accompanying documents$/i.test(f.label)) continue;
    diagnostics.push({ level: "info", message: `${f.label}: ${f.value}`, span: spanOf(f.el) });
  }
  for (const a of [...root.querySelectorAll(".mgBulletList a")]) {
    const text = clean(String(a.textContent)).replace(/\s*PDF\s+[\d.]+\s*[KMG]B\s*$/i, "");
    const href = safeHref(a.getAttribute("href"));
    if (!text) continue;
    diagnostics.push({ level: "info", message: `linked: ${text}${href ? ` (${href})` : ""}`, span: spanOf(a) });
  }
  return m;
}

const WEEKDAY = "(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?";
const DATE_WORDS = "\\d{1,2}(?:st|nd|rd|th)?\\s+[A-Za-z]{3,9},?\\s+\\d{4}";
const TIME = "\\d{1,2}(?:[.:]\\d{2})?\\s*[ap]\\.?m\\.?";

/** "Cabinet - Thursday, 30th January, 2025 10.00 am" or "Agenda for Cabinet on Thursday, ..." */
export function meetingHeading(text: string): { body: string; date: string | null; time: string | null } | null {
  const t = clean(text);
  const forOn = new RegExp(
    `^(?:agenda|minutes|decisions|attendance)(?:\\s+and\\s+minutes)?(?:\\s+details)?\\s+for\\s+(.+?)\\s+on\\s+${WEEKDAY}(${DATE_WORDS})(?:,?\\s*(${TIME}))?`,
    "i",
  ).exec(t);
  if (forOn) return { body: forOn[1], date: ukDate(forOn[2]), time: forOn[3] ? clockTime(forOn[3]) : null };
  const dash = new RegExp(`^(.+?)\\s+[-–]\\s+${WEEKDAY}(${DATE_WORDS})(?:,?\\s*(${TIME}))?`, "i").exec(t);
  if (dash) return { body: dash[1], date: ukDate(dash[2]), time: dash[3] ? clockTime(dash[3]) : null };
  return null;
}

function contactFrom(value: string): Contact {
  const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(value)?.[0] ?? null;
  const phone = /(?:\+44\s?|0)\d[\d\s]{7,12}\d/.exec(value)?.[0]?.replace(/\s+/g, " ") ?? null;
  let name = value;
  for (const x of [email, phone]) if (x) name = name.replace(x, " ");
  name = clean(name.replace(/\b(?:tel(?:ephone)?|email|e-mail|phone)\s*:?/gi, " ")).replace(/[,;:]+$/, "");
  return { name: name || null, phone, email };
}

type Item = { number: string; title: string; row: El; content: El };

/** Agenda items of a meeting page: rows whose first cell is td.mgItemNumberCell. */
function meetingItems(root: El): Item[] {
  const items: Item[] = [];
  for (const cell of byClass(root, "mgItemNumberCell")) {
    const row = cell.closest("tr") ?? cell.parentNode;
    const content = [...(row?.children ?? [])].find((c: El) => c !== cell && c.localName === "td") ?? row;
    const number = clean(String(cell.textContent)).replace(/[.:]$/, "");
    const titleEl = content.querySelector(".mgAiTitleTxt") ?? content.querySelector("p, a, strong");
    const title = titleEl ? clean(String(titleEl.textContent)) : "";
    if (number || title) items.push({ number, title, row, content });
  }
  return items;
}

/** The "Minutes:" and "Decision:" blocks of an item, with the item's opening description. */
function itemBlocks(content: El): { description: string[]; minutes: string[]; decision: string[] } {
  const out = { description: [] as string[], minutes: [] as string[], decision: [] as string[] };
  let target: string[] | null = out.description;
  for (const el of [...content.children]) {
    if (el.classList?.contains("mgAiTitleTxt") || el.classList?.contains("mgActionList")) continue;
    if (el.classList?.contains("mgSubItemTitleTxt") || /^h[3-5]$/.test(el.localName)) {
      const t = clean(String(el.textContent)).replace(/\s*:\s*$/, "");
      target = /^minutes?$/i.test(t) ? out.minutes : /^decisions?$/i.test(t) ? out.decision : null;
      continue;
    }
    if (target) for (const p of paragraphsOf(el)) target.push(p);
  }
  return out;
}

const PAGES = /\(?\bpages?\s+(\d+)\s*(?:[-–]|to)\s*(\d+)\)?/i;

function attendanceTables(root: El): { rows: { name: string; role: string; status: string; el: El }[] } {
  const rows: { name: string; role: string; status: string; el: El }[] = [];
  for (const table of [...root.querySelectorAll("table")]) {
    const trs = [...table.querySelectorAll("tr")];
    const header = trs.find(
      (tr: El) => /attendance/i.test(clean(String(tr.textContent))) && tr.querySelector("th, td"),
    );
    if (!header) continue;
    const heads = [...header.children].map((c: El) => clean(String(c.textContent)).toLowerCase());
    const iStatus = heads.findIndex((h) => /attendance/.test(h));
    const iRole = heads.findIndex((h) => /role/.test(h));
    const iName = Math.max(
      0,
      heads.findIndex((h) => /attendee|name|member|councillor/.test(h)),
    );
    if (iStatus < 0) continue;
    for (const tr of trs) {
      if (tr === header) continue;
      const cells = [...tr.children].filter((c: El) => c.localName === "td" || c.localName === "th");
      if (cells.length <= iStatus) continue;
      const name = clean(String(cells[iName]?.textContent ?? ""));
      if (!name) continue;
      rows.push({
        name,
        role: iRole >= 0 ? clean(String(cells[iRole]?.textContent ?? "")) : "",
        status: clean(String(cells[iStatus].textContent)),
        el: tr,
      });
    }
  }
  return { rows };
}

function meetingRecord(root: El, doc: El, diagnostics: Diagnostic[]): Meeting | null {
  const items = meetingItems(root);
  const { rows } = attendanceTables(root);
  if (!items.length && !rows.length) return null;
  const headingEls = [
    ...root.querySelectorAll(".mgSubTitleTxt, .mgMainTitleTxt, h1, h2"),
    ...doc.querySelectorAll("title"),
  ];
  let head: ReturnType<typeof meetingHeading> = null;
  let headEl: El = null;
  for (const el of headingEls) {
    head = meetingHeading(String(el.textContent));
    if (head) {
      headEl = el;
      break;
    }
  }
  if (!head)
    diagnostics.push({ level: "warning", message: "meeting page without a committee and date heading", span: null });
  const fields = labelledFields(root);
  const m = emptyMeeting(head?.body ?? "Unknown committee", spanOf(root));
  if (headEl && lineOf(headEl)) m.span = span(lineOf(headEl), m.span.endLine);
  m.date = head?.date ?? null;
  m.time = head?.time ?? null;
  // "This meeting has been cancelled." (or a status label) printed at the head of the meeting page.
  const notice = findNotice(
    blocksOf(root).map((b, i) => ({ n: b.line ?? i + 1, text: b.text, page: null })),
    20,
  );
  const statusField = field(fields, /^(?:meeting\s+)?status$/i);
  const fieldState = statusField ? stateFromStatusField(statusField.value) : null;
  if (fieldState && statusField)
    m.status = { state: fieldState, note: statusField.value, rescheduledTo: null, span: spanOf(statusField.el) };
  else if (notice) m.status = notice;
  const venue = field(fields, /^(venue|location|place)$/i);
  if (venue) m.location = venue.value.replace(/\s*view directions\s*$/i, "").trim() || null;
  const contact = field(fields, /^contact$/i);
  if (contact?.value) m.contact = contactFrom(contact.value);
  for (const it of items) {
    const pages = PAGES.exec(it.title);
    const title = clean(it.title.replace(PAGES, "").replace(/\s*PDF\s+[\d.]+\s*[KMG]B\s*$/i, "")).replace(
      /[.\s]+$/,
      "",
    );
    const itemSpan = spanOf(it.row);
    const agenda: AgendaItem = {
      number: it.number,
      title,
      reportBy: null,
      pages: pages ? { start: Number(pages[1]), end: Number(pages[2]) } : null,
      span: itemSpan,
    };
    m.agenda.push(agenda);
    const blocks = itemBlocks(it.content);
    if (!blocks.minutes.length && !blocks.decision.length) continue;
    const all = [...blocks.minutes, ...blocks.decision].join(" ");
    const resolutions: Clause[] = blocks.decision.length ? clausesFrom(blocks.decision) : resolutionsIn(blocks.minutes);
    const reasonStart = blocks.minutes.findIndex((p) => /^reasons?\s+for\s+(?:the\s+)?decision/i.test(p));
    m.minutes.push({
      number: null,
      agendaItem: it.number || null,
      title,
      declarations: /declar/i.test(title) ? declarationsFrom(blocks.minutes) : [],
      resolutions,
      keyDecision: /\bkey decision\b/i.test(all) ? !/\bnot a key decision\b/i.test(all) : null,
      reasons:
        reasonStart >= 0
          ? blocks.minutes
              .slice(reasonStart)
              .map((p, i) => (i === 0 ? p.replace(/^reasons?\s+for\s+(?:the\s+)?decision\s*:?\s*/i, "") : p))
              .filter(Boolean)
          : [],
      exemptParagraphs: exemptParagraphsIn(all),
      span: itemSpan,
    });
  }
  if (rows.length) {
    const attendance: Attendance = { chair: null, present: [], apologies: [], inAttendance: [] };
    const membership: Member[] = [];
    let recorded = false;
    for (const r of rows) {
      const status = r.status.toLowerCase();
      const role = r.role || null;
      membership.push({ name: r.name, role });
      if (/apolog/.test(status)) attendance.apologies.push(r.name);
      else if (/in attendance|attending|officer/.test(status)) attendance.inAttendance.push(r.name);
      else if (/present|attended|virtual|remote/.test(status)) attendance.present.push(r.name);
      if (!/expected|^$/.test(status)) recorded = true;
      if (role && /^(?:chair|chairman|chairwoman|chairperson)\b/i.test(role) && /present|attended/.test(status))
        attendance.chair ??= r.name;
    }
    m.membership = membership;
    if (recorded) m.attendance = attendance;
    else
      diagnostics.push({
        level: "info",
        message: "attendance not yet recorded: every attendee is 'Expected'",
        span: span(lineOf(rows[0].el), endLineOf(rows[rows.length - 1].el)),
      });
  }
  for (const a of [...root.querySelectorAll("a")]) {
    const href = safeHref(a.getAttribute("href"));
    if (!href || !/\.pdf$|mgConvert2PDF|documents\//i.test(href)) continue;
    const text = clean(String(a.textContent)).replace(/\s*PDF\s+[\d.]+\s*[KMG]B\s*$/i, "");
    diagnostics.push({ level: "info", message: `linked document: ${text || href} (${href})`, span: spanOf(a) });
  }
  return m;
}

export const moderngovHtmlReader: Reader = {
  id: "moderngov-html",
  format: "html",
  score({ bytes }) {
    return looksLikeModernGov(bytes) ? 60 : 0;
  },
  async read(input: ReadInput): Promise<ReadOutput> {
    const diagnostics: Diagnostic[] = [];
    const text = decode(input.name, input.bytes, input.limits.maxBytes, diagnostics);
    checkDepth(input.name, text, input.limits.maxDepth);
    return guardDepth(input.name, () => readModernGov(input, text, diagnostics));
  },
};

function readModernGov(input: ReadInput, text: string, diagnostics: Diagnostic[]): ReadOutput {
  const doc = parseDocument(text);
  dropNonText(doc);
  const root = doc.querySelector("#modgov") ?? doc.body ?? doc.documentElement;
  // A meeting page's items carry their own "Decision:" blocks: look for items first.
  const meeting = byClass(root, "mgItemNumberCell").length
    ? meetingRecord(root, doc, diagnostics)
    : (decisionRecord(root, doc, diagnostics) ?? meetingRecord(root, doc, diagnostics));
  if (!meeting) {
    // A Modern.Gov page of another kind: hand its text to the text parser.
    diagnostics.push({
      level: "info",
      message: "Modern.Gov page that is neither a decision nor a meeting page; read as text",
      span: null,
    });
    return { kind: "lines", doc: linesDocument(input, text, diagnostics) };
  }
  return { kind: "records", format: "html", meetings: [meeting], diagnostics };
}
