/**
 * Minutes without a "Minutes of a meeting of X held at Y on DATE" sentence, as small councils print
 * them: a letterhead or title block of short lines ("WEREHAM PARISH COUNCIL" / "Extraordinary Parish
 * Council Meeting" / "12 April 2016 at 6.30 pm" / "Village Hall"; "Newbiggin Parish Council - 3rd
 * September 2019"; a Markdown post's front-matter title) above the attendance list, or a title line
 * of its own ("MINUTES OF ANNUAL GENERAL MEETING", "Minutes of the October General Meeting" for the
 * second meeting in a file). Also the one rule for the body every minutes section names: a generic or
 * relative name ("the above Council", "Parish Council", "Annual General Meeting") is the council of
 * the letterhead or the one the document names most; an annual parish meeting (of the electors) is
 * a body of its own.
 */
import { mentions } from "../frontsheet/authority";
import { findDate, headerDate, parseTime } from "./dates";
import { isNoiseText } from "./text";

/** An attendance list's opening label: "Present", "PRESENT:", "Attendance:", "Members present:". */
export const ATTENDANCE_ANCHOR =
  /^(?:present|attendance|attendees|attending|those\s+(?:present|attending)|(?:members|councillors|cllrs)\s+(?:present|attending|in\s+attendance)|present\s+in\s+the\s+chair)\b\s*(?:[:.(–-]|$)/i;

/** A title line that opens a set of minutes: "Draft Minutes …", "MINUTES OF ANNUAL GENERAL MEETING". */
const MINUTES_TITLE =
  /^(?:(?:draft|confirmed|unconfirmed|approved|final|signed)\s+)?minutes\b(?!\s+of\s+(?:the\s+)?(?:last|previous|prior)\b)/i;

/** A meeting named by its kind: "General Meeting", "AGM", "Extraordinary Meeting". */
const MEETING_KIND =
  /\b(?:(?:annual|extraordinary|ordinary|special|general|monthly|full|inaugural|planning)\s+(?:general\s+)?meeting|a\.?g\.?m\b\.?|meeting\s+of\s+the\s+(?:council|committee))/i;

const COUNCIL_WORD = /\b(?:council|committee|municipal\s+district|meeting)\b/i;

/** A place named in a title block: "Wereham Village Hall", "Held in the Pearce Institute at 7 p.m.". */
const PLACE_WORD =
  /\b(?:hall|room|rooms|centre|center|church|chamber|chambers|office|offices|school|pavilion|institute|house|library|club|zoom|online|teams|virtual|workspace|inn|hotel|chapel|barn)\b/i;

/** Numbered minute headings: a title block ends above them. */
const NUMBERED_START =
  /^(?:\d{1,4}(?:[./]\d{1,4}){0,2}\.?\s+(?!(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)\S|min(?:ute)?\.?\s*(?:(?:no|ref)\.?\s*)?\d)/i;

export type TitleBlock = {
  /** view indexes of the block's lines, top to bottom */
  lines: number[];
  /** the block's text, joined */
  text: string;
  date: string | null;
  time: string | null;
  location: string | null;
  body: string | null;
};

/** The `title:` of a YAML front-matter block at the top of a Markdown post, and where the block ends. */
export function frontMatter(texts: string[]): { end: number; title: string | null; titleAt: number } | null {
  let i = 0;
  while (i < texts.length && !texts[i]) i++;
  if (texts[i] !== "---") return null;
  let title: string | null = null;
  let titleAt = -1;
  for (let k = i + 1; k < texts.length && k < i + 40; k++) {
    if (texts[k] === "---") return { end: k, title, titleAt };
    const m = /^title\s*:\s*["']?(.*?)["']?\s*$/i.exec(texts[k]);
    if (m?.[1]) {
      title = m[1];
      titleAt = k;
    }
  }
  return null;
}

/** Emphasis marks a Markdown reader may leave: "*Held in the Hall at 7pm.*". */
function plain(t: string): string {
  return t.replace(/^[*_]+|[*_]+$/g, "").trim();
}

/** The most named council of a parish, town or community kind in the document (its own name, as a rule). */
export function namedCouncil(texts: string[]): string | null {
  const counts = new Map<string, number>();
  for (let i = 0; i < texts.length && i < 5000; i++) {
    const t = texts[i];
    if (!t || !/council/i.test(t)) continue;
    for (const m of mentions(capitalsAsNames(t))) {
      const name = withoutLeadingWords(m.name);
      if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  let bestN = 0;
  for (const [name, n] of counts)
    if (/\b(?:Parish|Town|Community|Village)\s+Council$/.test(name) && n > bestN) {
      best = name;
      bestN = n;
    }
  return best;
}

function titleCase(s: string): string {
  if (/[a-z]/.test(s)) return s;
  return s.toLowerCase().replace(/\b([a-z])/g, (c) => c.toUpperCase());
}

/** Words that open a title line but no council's name: "Minutes of the Annual Parish Council Meeting". */
const NOT_NAME =
  /^(?:meeting|minutes|draft|annual|extraordinary|ordinary|special|general|monthly|next|of|held|at|to|for|from|by|with|and|the|a|an|in|on|agm|full|joint|inaugural|virtual|remote)$/i;

/** "Meeting Extraordinary Parish Council" → "Parish Council"'s place-less form is no name: null; "To Ayton Community Council" → "Ayton Community Council". */
function withoutLeadingWords(full: string): string | null {
  const words = full.split(" ");
  while (words.length > 2 && NOT_NAME.test(words[0])) words.shift();
  const name = words.join(" ").replace(/\s+(?:Annual|Extraordinary|Ordinary|Special|General)(?= )/g, "");
  return name.split(" ").length >= 3 && !NOT_NAME.test(name.split(" ")[0]) ? name : null;
}

/** Words in capitals read as names ("WEREHAM PARISH COUNCIL Draft Minutes ..."). */
function capitalsAsNames(t: string): string {
  return t.replace(/\s+/g, " ").replace(/\b([A-Z])([A-Z]+)\b/g, (_, a: string, b: string) => a + b.toLowerCase());
}

/** A council named in a line of a title block: "MILBURN PARISH COUNCIL", "Ayton Community Council". */
export function councilIn(t: string): string | null {
  for (const m of mentions(capitalsAsNames(t))) {
    const name = withoutLeadingWords(m.name);
    if (name) return name;
  }
  const md = /\b(Municipal District of [A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,3})/.exec(capitalsAsNames(t));
  if (md) return md[1];
  return null;
}

/** "Milburn Annual Parish Meeting", "Annual Town Meeting", "Parish Meeting of Electors": the electors' meeting. */
const ELECTORS =
  /\b(?:(?:([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})\s+)?annual\s+(parish|town|village|community)\s+meeting|(parish|town)\s+meeting\s+of\s+(?:the\s+)?electors|annual\s+meeting\s+of\s+(?:the\s+)?(?:parish|electors))\b/i;

const GENERIC_BODY =
  /^(?:(?:the|this|above|said|above-named|aforementioned|aforesaid)\s+)*(?:(?:annual|extraordinary|ordinary|special|general|monthly|full|additional|virtual|remote|inaugural|reconvened)\s+)*(?:(?:parish|town|community|village)\s+)?(?:council|meeting|general\s+meeting|agm|a\.g\.m\.?)(?:\s+meeting)?$/i;

/** Words that say what kind of meeting or paper it is, never whose: "Ordinary", "Draft Minutes", "Annual General". */
const KIND_WORD =
  /^(?:meeting|minutes|draft|annual|extraordinary|ordinary|special|general|monthly|full|joint|inaugural|virtual|remote|agm|a\.g\.m\.?|parish|town|community|village|council|agenda|notes?|record|business|public|open|closed|of|the|a|an|and|this|above|said)$/i;

/**
 * A name that names no body: generic ("the Parish Council", "Annual General Meeting") or made of
 * words for the meeting's kind alone ("Ordinary" from "Minutes of the Ordinary Meeting held …",
 * "Minutes" from a title line that says nothing else).
 */
export function isGenericName(name: string): boolean {
  const t = name.trim();
  if (!t || GENERIC_BODY.test(t)) return true;
  return t.split(/\s+/).every((w) => KIND_WORD.test(w.replace(/[.,:;'’]+$/, "")));
}

/**
 * The body a minutes section is for, from the name its heading gives (may be null or generic) and
 * the lines of its title block: the electors' meeting as its own body, a committee as named, else
 * the council of the letterhead, else the council the document names most.
 */
export function resolveBody(named: string | null, blockText: string, docCouncil: string | null): string | null {
  const letterhead = councilIn(blockText);
  const council = letterhead ?? docCouncil;
  const e = ELECTORS.exec(blockText);
  if (e && !/\bcouncil\s+meeting\b/i.test(e[0])) {
    const kind = titleCase(e[2] ?? e[3] ?? "parish").replace(/^./, (c) => c.toUpperCase());
    // "MINUTES OF THE HALSWICK ANNUAL TOWN MEETING": the words before the place are no part of it.
    const words = (e[1] ?? "").split(/\s+/).filter(Boolean);
    while (words.length && NOT_NAME.test(words[0])) words.shift();
    let place = words.length
      ? words.join(" ").replace(/\s*\b(?:Parish|Town|Community|Village)\s+Council$/i, "") || null
      : null;
    if (!place && council) place = council.replace(/\s+(?:Parish|Town|Community|Village)\s+Council$/, "");
    return `${place ? `${titleCase(place)} ` : ""}Annual ${kind} Meeting`;
  }
  if (named) {
    // "2008 annual Wereham Parish Council": words in lower case before a council's name are not part of it.
    const inner = councilIn(named);
    if (inner && named.endsWith(inner) && /^[\d\sa-z]+$/.test(named.slice(0, -inner.length))) named = inner;
    // "Wereham Annual Parish Council": the meeting's kind is no part of the council's name.
    const tidy = named.replace(
      /\s+(?:Annual|Extraordinary|Ordinary|Special|General|Monthly)(?=\s+(?:Parish|Town|Community)\s+Council\b)/i,
      "",
    );
    if (!isGenericName(tidy) && !/^(?:above|said)\b/i.test(tidy)) return tidy;
  }
  const committee = /\b((?:[A-Z][\w&'’-]*\s+){0,5}(?:Committee|Sub-Committee|Working Group|Panel))\b/.exec(
    blockText.replace(/\b(?:MINUTES|Minutes)\s+of\s+(?:the\s+)?/g, ""),
  );
  if (committee && !/^(?:The|A|An|Of|Minutes)\s/.test(committee[1])) return titleCase(committee[1]);
  return council ?? (named && !/^(?:above|said)\b/i.test(named) && !isGenericName(named) ? named : null);
}

/** The meeting's facts from a title block's lines. */
export function readBlock(texts: string[], lines: number[], docCouncil: string | null): TitleBlock {
  const parts = lines.map((i) => plain(texts[i]));
  const text = parts.join(" ");
  let date: string | null = null;
  let time: string | null = null;
  let dateLine = -1;
  for (let k = 0; k < parts.length && !date; k++) {
    const d = headerDate(parts[k].replace(/\b(\d{3})O\b|\b(\d)O(\d{2})\b/g, (m) => m.replace("O", "0")));
    if (d) {
      date = d;
      dateLine = k;
    }
  }
  for (let k = Math.max(0, dateLine); k < parts.length && !time; k++) time = parseTime(parts[k]);
  if (!time) time = parseTime(text);
  let location: string | null = null;
  // "Venue: Village Hall, Main Street" / "Place: …" / "Location: …": the place as labelled.
  for (const p of parts) {
    const v = /^(?:venue|place|location|where)\s*[:–-]\s*(\S.{2,100})$/i.exec(p);
    if (v && !location) location = v[1].replace(/[\s,.]+$/, "");
  }
  // "Monday 3 March 2025, 7.30pm, Village Hall": the place after the date and time on its line.
  if (!location && dateLine >= 0) {
    const tail = parts[dateLine].split(/\s*[,;|]\s*|\s+[–—-]\s+/).pop() ?? "";
    if (tail && tail !== parts[dateLine] && PLACE_WORD.test(tail) && !findDate(tail) && !parseTime(tail))
      location = tail.replace(/^(?:(?:held\s+)?(?:in|at)\s+)?(?:the\s+)?/i, "").replace(/[\s,.]+$/, "");
  }
  for (let k = 0; k < parts.length && !location; k++) {
    const held =
      /\b(?:held\s+)?(?:in|at|via)\s+(?!\d{1,2}(?:[:.]\d{2}|\s*[ap]\.?m\b))(?:the\s+)?(.{3,100}?)(?=\s+(?:at|on|from)\s+\d|\s+on\s+[A-Z]|,?\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|[.;]?\s*$)/i.exec(
        parts[k],
      );
    if (held && /^held\b|^(?:in|at)\b/i.test(parts[k].slice(held.index)) && PLACE_WORD.test(held[1]))
      location = held[1].replace(/[\s,.]+$/, "");
    else if (k > dateLine && dateLine >= 0 && parts[k].length <= 80 && PLACE_WORD.test(parts[k]) && !findDate(parts[k]))
      // "Halscombe Community Centre, 7.15pm": the place without the time printed beside it.
      location = titleCase(
        parts[k]
          .replace(/[,;]?\s*(?:(?:at|from)\s+)?\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[-–]\s*\S+)?\s*$/i, "")
          .replace(/[,;]?\s*(?:at|from)\s+$/i, "")
          .replace(/[\s,.]+$/, ""),
      );
  }
  // The name before the date on a title line: "Milburn Parish Council - 26th January 2021".
  // A name that says "Council" is preferred: a bilingual block prints the council's name in Welsh
  // too ("CYNGOR CYMUNED X" over "X COMMUNITY COUNCIL"), and the English is the name records use.
  const names = parts.map(councilIn).filter((c): c is string => c !== null);
  const named: string | null = names.find((c) => /\bCouncil$/.test(c)) ?? names[0] ?? null;
  return { lines, text, date, time, location, body: resolveBody(named, text, docCouncil) };
}

/**
 * Where a block of title lines sits above `anchor` (an attendance label or a minutes title line):
 * short lines, blank lines between them allowed, up to eight lines, stopping at a paragraph, a
 * numbered minute or `floor`.
 */
export function blockAbove(texts: string[], anchor: number, floor: number): number[] {
  const out: number[] = [];
  let blanks = 0;
  for (let b = anchor - 1; b > floor && out.length < 8; b--) {
    const t = texts[b];
    if (!t) {
      if (++blanks > 3) break;
      continue;
    }
    blanks = 0;
    if (t === "---" || t.length > 200 || NUMBERED_START.test(t) || ATTENDANCE_ANCHOR.test(t)) break;
    if (isNoiseText(t)) continue;
    out.unshift(b);
  }
  return out;
}

/** Whether a title block (with its anchor line) reads as a meeting's minutes rather than an agenda. */
export function isMinutesBlock(text: string, anchorIsTitle: boolean, dated: boolean): boolean {
  if (!COUNCIL_WORD.test(text) && !MEETING_KIND.test(text) && !/\bminutes\b/i.test(text)) return false;
  if (/\b(?:agenda|summon(?:s|ed)|to\s+be\s+held|will\s+be\s+held)\b/i.test(text) && !/\bminutes\b/i.test(text))
    return false;
  return anchorIsTitle || dated || /\bminutes\b/i.test(text);
}

/** A file-name-like header: a short tag, "Minutes" and a date ("HCC Minutes 2024-05-06", "PC minutes 03.03.25"). */
const TAGGED_MINUTES = /^(?:[A-Za-z][A-Za-z0-9&'’.-]*\s+){1,3}minutes\b/i;

/** A line that opens a set of minutes by its title. */
export function isMinutesTitle(t: string): boolean {
  // The tag is a word, never a minute number ("23.03.04 Minutes" is a minute), and the date follows.
  const tagged = t.length <= 60 ? TAGGED_MINUTES.exec(t) : null;
  if (tagged && headerDate(t.slice(tagged[0].length))) return true;
  if (t.length > 160 || !MINUTES_TITLE.test(t)) return false;
  return MEETING_KIND.test(t) || COUNCIL_WORD.test(t) || /\bheld\b/i.test(t) || !!findDate(t);
}
