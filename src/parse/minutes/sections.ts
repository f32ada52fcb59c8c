/**
 * Finds the minutes sections in a document: a "Minutes of a meeting of the X held at Y on DATE"
 * heading (agenda packs, printed minutes, parish minutes), a "PRESENT:" block under a committee
 * name and date (Merton-style draft minutes), or, when neither is found, a Modern.Gov minutes page
 * whose labels were stripped (item headings carrying "pdf icon PDF 373 KB", "The Cabinet
 * considered a report ..."). Also reads the meeting facts printed in the heading.
 */
import { findDate, headerDate, parseDate, parseTime } from "./dates";
import { isNoiseText, type LineView, squash } from "./text";
import {
  ATTENDANCE_ANCHOR,
  blockAbove,
  councilIn,
  frontMatter,
  isMinutesBlock,
  isMinutesTitle,
  namedCouncil,
  readBlock,
  resolveBody,
} from "./title-block";

export type SectionKind = "heading" | "present" | "title" | "moderngov";

export type Section = {
  kind: SectionKind;
  /** first line of the heading block (authority / committee lines included) */
  start: number;
  /** last line of the heading sentence */
  headEnd: number;
  end: number;
  /** the same three positions as indexes into the line views (long lines may be split into several views) */
  startIdx: number;
  headEndIdx: number;
  endIdx: number;
  body: string | null;
  authority: string | null;
  date: string | null;
  time: string | null;
  location: string | null;
  /** the heading's text, joined */
  headText: string;
  /** texts that repeat as running headers of this section (compared squashed, case-insensitive) */
  running: Set<string>;
};

const HEAD_MEETING =
  /^(?:[\d/]{6,}\s+)?(?:draft\s+|unconfirmed\s+|confirmed\s+)?minutes\s+of\s+(?:(?:a|an|the)\s+)?(?:(?:special|annual|extraordinary|ordinary|additional|reconvened|adjourned|virtual|remote|joint|general)\s+)*(?:meeting|proceedings)\b/i;
const HEAD_COUNCIL =
  /^(?:[\d/]{6,}\s+)?(?:draft\s+|unconfirmed\s+)?minutes\s+of\s+(?:the\s+)?(.{2,80}?\bcouncil)\s+meeting\b/i;
const PRESENT = /^(?:present\b\s*(?::|-|–|\(|$)|those\s+(?:attending|present)\s*:)/i;
const AUTHORITY_LINE =
  /^(?:the\s+)?(?:(?:london\s+)?borough\s+of\s+[a-z ]{2,40}|[a-z][a-z .'&-]{1,50}?\s(?:county|borough|district|city|parish|town|metropolitan borough|community)\s+council|[a-z][a-z .'&-]{1,50}?\s+council)$/i;

function noOrdinals(s: string): string {
  return s.replace(/(\d)(?:st|nd|rd|th)\b/g, "$1");
}

function tidyBody(s: string): string {
  return s
    .replace(/^(?:the|a|an)\s+/i, "")
    .replace(/[\s,.:;–-]+$/, "")
    .trim();
}

function titleCaseIfShouting(s: string): string {
  if (/[a-z]/.test(s)) return s;
  return s.toLowerCase().replace(/\b([a-z])/g, (c) => c.toUpperCase());
}

/** Meeting facts from the heading text of a "Minutes of ..." section. */
function readHeading(text: string): { body: string | null; location: string | null } {
  const t = text.slice(0, 500);
  let body: string | null = null;
  let location: string | null = null;
  const of =
    /\bmeeting\s+of\s+(?:the\s+)?(.{2,120}?)\s+(?:held|which\s+took\s+place|on\s+(?:mon|tue|wed|thu|fri|sat|sun)|at\s|in\s)/i.exec(
      t,
    );
  if (of) body = tidyBody(titleCaseIfShouting(of[1]));
  else {
    const c = HEAD_COUNCIL.exec(t) ?? HEAD_NAMED_MEETING.exec(t);
    if (c) body = tidyBody(titleCaseIfShouting(c[1]));
  }
  const held =
    /\bheld\s+(?:at|in)\s+(?:the\s+)?(.{3,160}?)(?=\s+on\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d)|\s+at\s+\d|,?\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\s+\d{4}|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|\.?\s*$|\s+present\b)/i.exec(
      t,
    );
  if (held) {
    location = titleCaseIfShouting(held[1].replace(/[\s,.]+$/, "").trim());
    // "held in The Community Centre": a capitalised "The" in a heading that is not in capitals
    // belongs to the place's name; "held in the Council Chamber" is an article.
    const at = held.index + held[0].length - held[1].length;
    if (/\bThe\s+$/.test(t.slice(Math.max(0, at - 4), at)) && /[a-z]/.test(held[1])) location = `The ${location}`;
  } else {
    // "... held on Tuesday 5 May 2020 at 7.00 pm in the Council Chamber"
    const after =
      /(?:\d{4}|[ap]\.?m\.?|\b\d{1,2}[:.]\d{2})\s*,?\s+(?:in|at)\s+(?:the\s+)?([A-Za-z].{2,120}?)[\s.]*$/i.exec(t);
    if (after && !/^\d/.test(after[1])) location = titleCaseIfShouting(after[1].trim());
  }
  return { body, location };
}

/** Repeated first/last lines of physical pages: running headers and footers. */
function runningLines(views: LineView[]): Set<string> {
  const byPage = new Map<number, LineView[]>();
  for (const v of views) {
    if (v.line.page === null) return new Set();
    const t = v.sq ?? squash(v.text);
    if (!t || isNoiseText(t)) continue;
    let arr = byPage.get(v.line.page);
    if (!arr) {
      arr = [];
      byPage.set(v.line.page, arr);
    }
    arr.push(v);
  }
  if (byPage.size < 2) return new Set();
  const counts = new Map<string, number>();
  for (const arr of byPage.values()) {
    const edge = new Set<string>();
    for (const v of [...arr.slice(0, 3), ...arr.slice(-3)]) edge.add(furnitureKey(v.text));
    for (const k of edge) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const out = new Set<string>();
  const need = Math.max(3, Math.ceil(byPage.size * 0.4));
  for (const [k, c] of counts)
    if (
      c >= need &&
      k.length >= 8 &&
      !/^(?:resolved|reasons?|\(key|present|apologies)/.test(k) &&
      !/^\(\s*(?:agenda\s+)?item\s+#/.test(k) &&
      !/^#{1,}\s*[.)]\s/.test(k)
    )
      out.add(k);
  return out;
}

/** The line repeats as a running header or footer (cheap when there are none). */
export function isRunning(running: Set<string>, t: string): boolean {
  return running.size > 0 && running.has(furnitureKey(t));
}

function furnitureKey(s: string): string {
  return squash(s).toLowerCase().replace(/\d+/g, "#");
}

function isSignature(t: string): boolean {
  if (t.length > 90) return false;
  if (/^(?:signed\b.{0,60})?\(?\s*chair(?:man|person|woman)?\s*\)?\.?$/i.test(t)) return true;
  if (/\bCHAIR(?:MAN)?$/.test(t) && /\d/.test(t)) return true; // "2.00 - 3.10 pm 03 March 2015 CHAIRMAN"
  if (/^chair(?:man|person)?['’]?s\s+signature\b/i.test(t)) return true;
  // "Chairman ……………", "Signed: ________ (Chair)", "Chair: ...... Date: ......"
  if (/^(?:signed|chair(?:man|person)?)\b\s*:?\s*[.…_]{3,}/i.test(t)) return true;
  return false;
}

const HEAD_NAMED_MEETING =
  /^(?:[\d/]{6,}\s+)?(?:draft\s+|unconfirmed\s+)?minutes\s+of\s+(?:the\s+)?(?!previous\b|last\b|the\s+meeting\b|meeting\b)(.{2,80}?)\s+meeting\s+held\b/i;

/** An attendance label within the next 15 non-blank lines. */
function attendanceFollows(texts: string[], i: number): boolean {
  for (let k = i + 1, seen = 0; k < texts.length && seen < 15; k++) {
    if (!texts[k]) continue;
    seen++;
    if (PRESENT.test(texts[k]) || /^(?:members\s+)?present\b/i.test(texts[k])) return true;
  }
  return false;
}

/** An attendance label or a numbered item within the next 15 non-blank lines. */
function recordFollows(texts: string[], i: number): boolean {
  for (let k = i + 1, seen = 0; k < texts.length && seen < 15; k++) {
    const t = texts[k];
    if (!t) continue;
    seen++;
    if (
      PRESENT.test(t) ||
      ATTENDANCE_ANCHOR.test(t) ||
      /^(?:members\s+|councillors\s+)?present\b|^apologies\b|^in\s+attendance\b/i.test(t)
    )
      return true;
    if (/^(?:\d{1,4}(?:[./]\d{1,4}){0,2}\.?\s*[A-Z]|min(?:ute)?\.?\s*(?:(?:no|ref)\.?\s*)?\d)/i.test(t)) return true;
    if (/\bpresent\s*:/i.test(t)) return true;
  }
  return false;
}

/** "minutes" (any case) within the first 40 characters, without lower-casing a copy of the line. */
function minutesNearStart(t: string): boolean {
  return /minutes/i.test(t.length > 40 ? t.slice(0, 40) : t);
}

function isHeadingStart(texts: string[], i: number): boolean {
  if (!minutesNearStart(texts[i])) return false;
  const t = texts[i].slice(0, 400);
  if (HEAD_MEETING.test(t) || HEAD_COUNCIL.test(t)) {
    // "Minutes of the meeting held on 3 March 2015." is an agenda entry or a minute title, unless it
    // reads like a heading (a weekday or a time) and an attendance list follows.
    if (!/^(?:[\d/]{6,}\s+)?(?:draft\s+)?minutes\s+of\s+the\s+(?:previous\s+)?meetings?\s+held\s+on\b/i.test(t))
      return true;
    const head = `${t} ${texts[i + 1] ?? ""}`;
    if (!/\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\b/i.test(head))
      return false;
    return attendanceFollows(texts, i);
  }
  // "Minutes of the Planning Committee meeting held on ...": only when an attendance list follows.
  return HEAD_NAMED_MEETING.test(t) && attendanceFollows(texts, i);
}

/** The last line of content above a report's title block (short unpunctuated lines, single blanks). */
function beforeTitleBlock(texts: string[], idx: number, floor: number): number {
  let k = idx - 1;
  let titleLines = 0;
  while (k > floor) {
    const t = texts[k];
    if (!t) {
      k--;
      continue;
    }
    if (titleLines < 6 && t.length < 100 && !/[.;:,]$/.test(t) && !/^RESOLVED\b/.test(t)) {
      titleLines++;
      k--;
      continue;
    }
    break;
  }
  return k;
}

export function findSections(views: LineView[], texts: string[]): Section[] {
  const running = runningLines(views);
  let councilName: string | null | undefined;
  const docCouncil = () => {
    if (councilName === undefined) councilName = namedCouncil(texts);
    return councilName;
  };
  const sections: Section[] = [];
  const n = views.length;
  for (let i = 0; i < n; i++) {
    const t = texts[i].slice(0, 400);
    if (!t || !isHeadingStart(texts, i)) continue;
    // Heading sentence: this line plus wrapped lines until it has a date or a full stop.
    let j = i;
    let head = t;
    // A heading in capitals may be set with a blank line between its lines (a PDF converted line by line).
    const nextHeadLine = (k: number) =>
      texts[k + 1]
        ? k + 1
        : k + 2 < n && texts[k + 2] && !/[a-z]/.test(noOrdinals(texts[k])) && !/[a-z]/.test(noOrdinals(texts[k + 2]))
          ? k + 2
          : -1;
    while (
      j + 1 < n &&
      j - i < 6 &&
      nextHeadLine(j) > 0 &&
      !PRESENT.test(texts[nextHeadLine(j)]) &&
      !findDate(head) &&
      !/\.$/.test(head)
    ) {
      j = nextHeadLine(j);
      head += ` ${texts[j]}`;
    }
    // The place on the next line ("HELD ON TUESDAY 5 MAY 2020 AT 7.00 PM" / "IN THE COUNCIL CHAMBER").
    if (j + 1 < n && /^(?:held\s+)?(?:in|at)\s+(?:the\s+)?[A-Za-z]/i.test(texts[j + 1]) && texts[j + 1].length < 120) {
      j++;
      head += ` ${texts[j]}`;
    }
    // A date on the following line ("At 7.30pm on Wednesday 10 July 2013").
    let dateText = head;
    let k = j + 1;
    while (k < n && !texts[k]) k++;
    if (!findDate(head) && k < n && texts[k].length < 120 && findDate(texts[k]) && !PRESENT.test(texts[k])) {
      dateText += ` ${texts[k]}`;
      j = k;
    }
    // A heading quoted elsewhere (a background paper, a report's reference) has no attendance
    // list or numbered items after it.
    if (!/\bpresent\b|\bthose\s+attending\b/i.test(head) && !recordFollows(texts, j)) {
      continue;
    }
    const { body: hb, location: headPlace } = readHeading(head);
    // "MINUTES OF X PARISH COUNCIL" / "held on 5 May 2020 at 19:30 at the Village Hall": the place
    // printed with the date on the next line.
    const location = headPlace ?? (dateText !== head ? readHeading(dateText).location : null);
    const of = hb !== null;
    let body = hb;
    let start = i;
    let authority: string | null = null;
    // Lines above the heading: authority and committee name ("KENT COUNTY COUNCIL", "CABINET",
    // "CORPORATE PARENTING PANEL – 10th December 2024"). A heading that names its council itself
    // ("MINUTES OF THE MEETING OF X COMMUNITY COUNCIL") takes no name from a line in capitals above
    // it (the council's name in Welsh over the English, a letterhead's other words).
    const headCouncil = /\bcouncil\b/i.test(head) ? councilIn(head) : null;
    let seen = 0;
    for (let b = i - 1; b >= 0 && seen < 3 && i - b < 8; b--) {
      const a = texts[b];
      if (!a) continue;
      if (a.length > 90 || /[.;:]$/.test(a) || /^\d/.test(a) || isNoiseText(a)) break;
      seen++;
      const noDate = a.replace(/\s*[–—-]\s*.*\d{4}.*$/, "").trim();
      const generic = /^(?:the\s+)?(?:county|city|borough|district|parish|town)\s+council$/i.test(noDate);
      if (
        AUTHORITY_LINE.test(noDate) &&
        (/council$/i.test(noDate) || /^(?:the\s+)?(?:london\s+)?borough\s+of\b/i.test(noDate)) &&
        (!authority || !generic)
      ) {
        if (generic && !body && !of) body = tidyBody(titleCaseIfShouting(noDate));
        else if (!generic || !authority) authority = titleCaseIfShouting(noDate.replace(/^the\s+/i, ""));
        start = b;
      } else if (!body && !headCouncil && /^[A-Z][A-Z &,'()-]+$/.test(noDate)) {
        body = tidyBody(titleCaseIfShouting(noDate));
        if (!findDate(dateText) && findDate(a)) dateText += ` ${a}`;
        start = b;
      } else if (!/[a-z]/.test(a)) start = b;
      else break;
    }
    if (authority && /^(?:county|city|borough|district|parish|town)\s+council$/i.test(authority)) authority = null;
    // "the above Council", "the Annual Meeting of the Parish Council": the council of the letterhead.
    body = resolveBody(
      body,
      texts
        .slice(start, j + 1)
        .filter(Boolean)
        .join(" "),
      docCouncil(),
    );
    if (!authority && body && /\bcouncil$/i.test(body) && !/^(?:county|city|borough|district)\s+council$/i.test(body))
      authority = titleCaseIfShouting(body);
    const runningHere = new Set(running);
    sections.push({
      kind: "heading",
      start: views[start].n,
      headEnd: views[j].n,
      end: views[n - 1].n,
      startIdx: start,
      headEndIdx: j,
      endIdx: n - 1,
      body,
      authority,
      date: parseDate(dateText),
      time: parseTime(dateText.replace(/\(\d{1,2}[:.]\d{2}\s+to\b.*$/i, "")),
      location,
      headText: head,
      running: runningHere,
    });
    i = j;
  }
  // "PRESENT:" blocks outside any heading section, under a committee name and a date.
  for (let i = 0; i < n; i++) {
    const t = texts[i];
    if (!t || !(/^PRESENT\b/.test(t) || /^present\s*:/i.test(t))) continue;
    if (sections.some((s) => s.kind === "heading" && i >= s.startIdx && i <= s.headEndIdx + 40)) continue;
    let body: string | null = null;
    let date: string | null = null;
    let time: string | null = null;
    let start = i;
    const headerTexts: string[] = [];
    const headerLines: number[] = [];
    for (let b = i - 1, seen = 0; b >= 0 && seen < 4 && i - b < 8; b--) {
      const a = texts[b];
      if (!a) continue;
      const d = a.length < 60 ? headerDate(a) : null;
      // Committee name, date and time lines in capitals; a date line may be in any case.
      if (a.length > 100 || (!d && /[a-z]{3}/.test(a.replace(/\d+(?:st|nd|rd|th)\b/g, ""))) || isNoiseText(a)) break;
      seen++;
      start = b;
      headerLines.push(b);
      if (d && !date) {
        date = d;
        time = time ?? parseTime(a);
        headerTexts.push(a);
      } else if (/^\(?\d{1,2}[:.]\d{2}/.test(a)) {
        time = parseTime(a);
      } else if (!body && /[A-Z]{3}/.test(a)) {
        body = tidyBody(titleCaseIfShouting(a));
        headerTexts.push(a);
      }
    }
    if (!body && !date) continue;
    // No name above the list, or a generic word ("MINUTES"): the council the document names (the one
    // rule for every section's body).
    body = resolveBody(body, headerTexts.join(" "), docCouncil());
    const place = readBlock(texts, headerLines.reverse(), null).location;
    const runningHere = new Set(running);
    for (const h of headerTexts) runningHere.add(furnitureKey(h));
    sections.push({
      kind: "present",
      start: views[start].n,
      headEnd: views[Math.max(start, i - 1)].n,
      end: views[n - 1].n,
      startIdx: start,
      headEndIdx: Math.max(start, i - 1),
      endIdx: n - 1,
      body,
      authority: null,
      date,
      time,
      headText: headerTexts.join(" "),
      location: place,
      running: runningHere,
    });
  }
  sections.push(...titleBlockSections(views, texts, sections, running));
  sections.sort((a, b) => a.startIdx - b.startIdx);
  if (!sections.length) {
    const mg = modernGovSection(views, texts, running);
    if (mg) sections.push(mg);
  }
  if (!sections.length) {
    const whole = documentSection(views, texts, running);
    if (whole) sections.push(whole);
  }
  // Ends: the next section, a signature, a blank-page marker, an agenda stamp or a report header.
  for (let s = 0; s < sections.length; s++) {
    const sec = sections[s];
    const limit = s + 1 < sections.length ? sections[s + 1].startIdx - 1 : n - 1;
    sec.endIdx = sec.kind === "moderngov" ? Math.min(limit, sec.endIdx) : limit;
    if (sec.kind !== "moderngov") {
      let blanks = 0;
      let lastContent = sec.headEndIdx;
      let found = false;
      for (let idx = sec.headEndIdx + 1; idx <= limit; idx++) {
        const t = texts[idx];
        if (!t) {
          blanks++;
          continue;
        }
        if (isRunning(sec.running, t)) {
          blanks = 0;
          continue;
        }
        if (isSignature(t)) {
          lastContent = idx;
          found = true;
          break;
        }
        if (/^this page is intentionally (?:left )?blank/i.test(t) || /^agenda item \d+[a-z]?$/i.test(t)) {
          found = true;
          break;
        }
        if (
          blanks >= 2 &&
          idx - sec.headEndIdx > 10 &&
          t.length < 100 &&
          !/[a-z]/.test(t) &&
          /[A-Z]{3}/.test(t) &&
          (findDate(t) || /^(?:JOINT\s+)?REPORT OF\b/.test(t)) &&
          !/^\d/.test(t)
        ) {
          found = true;
          break;
        }
        // An officer report starts ("Report of the Director ...", "Purpose of the Report"): the
        // minutes end before the report's title block.
        if (
          blanks >= 1 &&
          idx - sec.headEndIdx > 10 &&
          t.length < 120 &&
          /^(?:(?:JOINT\s+)?REPORT\s+(?:OF|BY|TO)\b|(?:Joint\s+)?Report\s+(?:of|by|to)\s+the\s+[A-Z]|Purpose\s+of\s+(?:the|this)\s+[Rr]eport\b|PURPOSE\s+OF\s+(?:THE\s+)?REPORT\b)/.test(
            t,
          )
        ) {
          found = true;
          lastContent = beforeTitleBlock(texts, idx, sec.headEndIdx);
          break;
        }
        if (!isNoiseText(t)) lastContent = idx;
        blanks = 0;
      }
      sec.endIdx = found ? lastContent : Math.max(sec.headEndIdx, lastContent);
    }
    sec.start = views[sec.startIdx].n;
    sec.headEnd = sec.headEndIdx >= 0 ? views[sec.headEndIdx].n : sec.start - 1;
    sec.end = views[sec.endIdx].n;
  }
  return sections;
}

const MG_LINK = /(?:pdf icon\s*)?\bPDF\s*\d+(?:\.\d+)?\s*[KM]B\s*$/i;
const CONSIDERED =
  /^The\s+((?:[A-Z][A-Za-z&'-]*\s+){0,8}?[A-Z][A-Za-z&'-]*)\s+(?:considered|received|noted)\s+(?:a|an|the)\b/;

/** A Modern.Gov "agenda and minutes" page without its labels: the whole text is one section. */
function modernGovSection(views: LineView[], texts: string[], running: Set<string>): Section | null {
  let links = 0;
  const bodies = new Map<string, number>();
  let first = -1;
  let last = -1;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (!t) continue;
    if (first < 0) first = i;
    last = i;
    if (MG_LINK.test(t.slice(-40))) links++;
    const m = CONSIDERED.exec(t.slice(0, 160));
    if (m) bodies.set(m[1], (bodies.get(m[1]) ?? 0) + 1);
  }
  const considered = [...bodies.values()].reduce((a, b) => a + b, 0);
  if (first < 0 || links < 1 || considered < 2) return null;
  const body = [...bodies.entries()].sort((a, b) => b[1] - a[1])[0][0];
  return {
    kind: "moderngov",
    start: views[first].n,
    headEnd: views[first].n - 1,
    end: views[last].n,
    startIdx: first,
    headEndIdx: first - 1,
    endIdx: last,
    body,
    authority: null,
    date: null,
    time: null,
    location: null,
    headText: "",
    running,
  };
}

/**
 * Minutes under a letterhead or title block (small councils' house styles; see title-block.ts):
 * anchored on an attendance label or a minutes title line that no section found so far covers, and
 * only where an attendance list or numbered minutes follow.
 */
function titleBlockSections(views: LineView[], texts: string[], found: Section[], running: Set<string>): Section[] {
  const out: Section[] = [];
  const n = views.length;
  const fm = frontMatter(texts);
  const floor0 = fm ? fm.end : -1;
  const docCouncil = namedCouncil(texts);
  // An attendance label just under a section's heading is that section's; a title line opens a new one.
  const coveredAnchor = new Uint8Array(n + 1);
  const coveredTitle = new Uint8Array(n + 1);
  const cover = (s: Section) => {
    coveredAnchor.fill(1, s.startIdx, Math.min(n, s.headEndIdx + 41));
    coveredTitle.fill(1, s.startIdx, Math.min(n, s.headEndIdx + 2));
  };
  for (const s of found) cover(s);
  const starts = found.map((s) => s.startIdx).sort((a, b) => a - b);
  const byStart = new Map(found.map((s) => [s.startIdx, s]));
  let nextFound = 0;
  let prior: Section | undefined;
  const setApart = (i: number) =>
    i === 0 ||
    !texts[i - 1] ||
    !!views[i].line.bold ||
    !!views[i].line.heading ||
    i - 1 === floor0 ||
    (texts[i - 1].length <= 80 && /\bcouncil\b/i.test(texts[i - 1]) && !/[.;:]$/.test(texts[i - 1]));
  /** The nearest line with text above `i` is a numbered line or an agenda heading (a list's entry). */
  const inList = (i: number) => {
    for (let k = i - 1; k >= 0 && k > i - 6; k--) if (texts[k]) return /^(?:\d{1,3}[.)]?\s|agenda\b)/i.test(texts[k]);
    return false;
  };
  for (let i = floor0 + 1; i < n; i++) {
    while (nextFound < starts.length && starts[nextFound] < i) {
      const s = byStart.get(starts[nextFound++]);
      if (s && (!prior || s.startIdx > prior.startIdx)) prior = s;
    }
    const t = texts[i];
    if (!t) continue;
    const isTitle = isMinutesTitle(t) && setApart(i);
    const firstCell = views[i].line.cells?.[0]?.trim() ?? "";
    // A label printed in two languages ("Yn bresennol / Present:") anchors by its second.
    const label = (x: string) =>
      ATTENDANCE_ANCHOR.test(x) || ATTENDANCE_ANCHOR.test(x.replace(/^[^\s/:][^/:]{1,40}?\s*\/\s*/, ""));
    const isAnchor = label(t) || (!!firstCell && label(firstCell));
    if (!isTitle && !isAnchor) continue;
    if ((isTitle ? coveredTitle[i] : coveredAnchor[i]) || (isTitle && !recordFollows(texts, i))) continue;
    // "Minutes of the meeting held on 5 May 2020" among an agenda's items refers to a meeting.
    // So does "Minutes of the meeting held on 29 October 2024" over the minute that approves them.
    if (isTitle && (inList(i) || /\bheld\s+on\b|\bdated\b/i.test(t)) && !attendanceFollows(texts, i)) continue;
    // A title inside an earlier meeting's minutes (the second meeting in a file) takes no lines above it.
    const lines = isTitle && prior ? [] : blockAbove(texts, i, Math.max(floor0, prior ? prior.headEndIdx : -1));
    let headEnd = i - 1;
    if (isTitle) {
      lines.push(i);
      headEnd = i;
      for (let k = i + 1, blanks = 0, taken = 0; k < n && taken < 4; k++) {
        const x = texts[k];
        if (!x) {
          if (++blanks > 2) break;
          continue;
        }
        blanks = 0;
        if (x.length > 160 || ATTENDANCE_ANCHOR.test(x) || /^\d/.test(x)) break;
        // The date, time and place, and the council's name under a file-name-like header.
        if (!findDate(x) && !/\b(?:held|venue)\b/i.test(x) && !parseTime(x) && !(x.length <= 90 && councilIn(x))) break;
        lines.push(k);
        headEnd = k;
        taken++;
      }
    }
    // A title line directly over a block another rule already read ("Minutes – March meeting" over
    // "Monday 3 March 2025, 7.30pm" over "Present: …") is that block's title, not a meeting of its own.
    if (isTitle && found.some((s) => s.startIdx > i && s.startIdx <= headEnd + 2)) continue;
    const blockLines = fm?.title && fm.titleAt >= 0 && !prior ? [fm.titleAt, ...lines] : lines;
    if (!blockLines.length) continue;
    const block = readBlock(texts, blockLines, docCouncil);
    if (!isMinutesBlock(`${block.text} ${isTitle ? "" : t}`, isTitle, block.date !== null)) continue;
    const start = lines.length ? lines[0] : i;
    const sec: Section = {
      kind: "title",
      start: views[start].n,
      headEnd: views[Math.max(start, headEnd)].n,
      end: views[n - 1].n,
      startIdx: start,
      headEndIdx: Math.max(start - 1, headEnd),
      endIdx: n - 1,
      body: block.body ?? (prior && isTitle ? prior.body : null),
      authority: null,
      // The second meeting of an evening ("held directly after the AGM") prints no date of its own.
      date: block.date ?? (prior && isTitle ? prior.date : null),
      time: block.time,
      location: block.location,
      headText: block.text,
      running: new Set(running),
    };
    out.push(sec);
    cover(sec);
    prior = sec;
  }
  return out;
}

/** A line that opens a numbered or lettered minute: "1.", "12)", "1240.", "24/045", "Min 12/24", "A.". */
const ITEM_START =
  /^(?:\d{1,4}(?:[./]\d{1,4}){0,2}[.):]?\s+[A-Z]|[Mm]in(?:ute)?\.?\s*(?:(?:[Nn]o|[Rr]ef)\.?\s*)?\d|[A-Z][.)]\s+[A-Z][a-z])/;

/**
 * The last resort for a document that says it is minutes but that no other rule anchored (no
 * "Minutes of … held" sentence, no attendance label, no title line with a meeting's kind): its top
 * lines down to the first numbered minute or paragraph are its title block, and the whole document
 * is one meeting, when those lines say "Minutes" and give a date. "ASHBY PARVA PARISH COUNCIL" / "MINUTES"
 * / "3 March 2025" / "Councillors: …" / "1. Apologies …".
 */
function documentSection(views: LineView[], texts: string[], running: Set<string>): Section | null {
  const n = views.length;
  const fm = frontMatter(texts);
  const top: number[] = [];
  for (let i = fm ? fm.end + 1 : 0; i < n && top.length < 12; i++) {
    const t = texts[i];
    if (!t || isNoiseText(t)) continue;
    if (ITEM_START.test(t) && !findDate(t.slice(0, 24))) break;
    // A paragraph of text ends the top lines too (minutes whose items carry no numbers).
    if (t.length > 120) break;
    top.push(i);
  }
  if (fm?.title && fm.titleAt >= 0) top.unshift(fm.titleAt);
  if (!top.length) return null;
  const block = readBlock(texts, top, namedCouncil(texts));
  if (!/\bminutes\b/i.test(block.text) || !block.date) return null;
  if (/\b(?:agenda|summon(?:s|ed)|to\s+be\s+held|will\s+be\s+held)\b/i.test(block.text)) return null;
  // The block ends at its last line with a date, a time or a place; the rest up to the first
  // minute is the attendance.
  let headEnd = top[0];
  for (const k of top) if (headerDate(texts[k]) || parseTime(texts[k]) || /\bminutes\b/i.test(texts[k])) headEnd = k;
  return {
    kind: "title",
    start: views[top[0]].n,
    headEnd: views[headEnd].n,
    end: views[n - 1].n,
    startIdx: top[0],
    headEndIdx: headEnd,
    endIdx: n - 1,
    body: block.body,
    authority: null,
    date: block.date,
    time: block.time,
    location: block.location,
    headText: block.text,
    running: new Set(running),
  };
}
