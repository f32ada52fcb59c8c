/**
 * Attendance: the PRESENT / Apologies / In attendance blocks between a minutes heading and its
 * first item, in their printed forms ("PRESENT" on its own line, "PRESENT: names", "Present
 * (Six Councillors):- names", "ALSO PRESENT:", "IN ATTENDANCE VIRTUALLY:", "Apologies for absence
 * were received from ..."), plus apologies recorded in an "Apologies" minute item.
 */
import type { Attendance } from "../../model/parse-v1";
import { readPeople } from "./names";
import { isRunning } from "./sections";
import { isNoiseText, type LineView, squash } from "./text";

type Kind = "present" | "chair" | "apologies" | "inAttendance" | "stop";

const LABELS: [RegExp, Kind][] = [
  [/^(?:present\s+)?in\s+the\s+chair\b\s*(?::-?|-|–)?\s*/i, "chair"],
  // "Chairman: Cllr A Smith" over the list of the others present.
  [/^chair(?:man|person|woman)?\s*(?::-?|–)\s*(?=\S)/i, "chair"],
  [/^attendance\b\s*(?::-?|-|–)\s*|^attendance$/i, "present"],
  [
    /^(?:officials?|staff|clerk|parish\s+clerk|town\s+clerk|minute[-\s]?taker|minutes\s+taken\s+by|parishioners|members\s+of\s+the\s+public|public|visitors|guests)\b\s*(?::-?|-|–)\s*/i,
    "inAttendance",
  ],
  [/^(?:(?:members|councillors)\s+)?present\b(?:\s*\([^)]{0,40}\))?\s*(?::-?|-|–)?\s*/i, "present"],
  // "Attendees:", "Attending:", "Councillors:", "Councillors attending:", "Councillors in attendance:"
  // (members, not visitors).
  [
    /^(?:attendees|attending|councillors|cllrs|(?:members|councillors|cllrs)\s+(?:attending|in\s+attendance))\b\s*(?::-?|-|–)\s*|^(?:attendees|(?:members|councillors)\s+attending)$/i,
    "present",
  ],
  // Scottish minutes list those present under "Sederunt".
  [/^sederunt\b\s*(?::-?|-|–)?\s*/i, "present"],
  [/^officers?\s*:-?\s*/i, "inAttendance"],
  [/^those\s+(?:attending|present)\b\s*(?::-?|-|–)?\s*/i, "present"],
  [
    /^(?:also\s+present|in\s+attendance(?:\s+virtually|\s+remotely|\s+online)?|(?:officers?|officials?|staff)\s+(?:present|in\s+attendance)|others?\s+present|also\s+in\s+attendance)\b\.?\s*(?::-?|-|–)?\s*/i,
    "inAttendance",
  ],
  [/^apologies(?:\s+for\s+absence)?\b\s*(?::-?|-|–)?\s*/i, "apologies"],
  [
    /^(?:substitutes?|absent|unrestricted\s+items|exempt\s+items|part\s+[ab12]\b|election\s+of\b|public\s+participation)/i,
    "stop",
  ],
];

function emptyAttendance(): Attendance {
  return { chair: null, present: [], apologies: [], inAttendance: [] };
}

export function labelOf(t: string): { kind: Kind; rest: string } | null {
  for (const [re, kind] of LABELS) {
    const m = re.exec(t);
    if (m) return { kind, rest: t.slice(m[0].length) };
  }
  // A label printed in two languages, the other first ("Yn bresennol / Present:", "Ymddiheuriadau /
  // Apologies"): the label after the slash.
  const two = /^[^\s/:][^/:]{1,40}?\s*\/\s*(?=\S)/.exec(t);
  if (two) {
    const after = labelOf(t.slice(two[0].length));
    if (after && after.kind !== "stop") return after;
  }
  return null;
}

/** Names after "apologies ... from" in running text; "No apologies" gives none. */
export function apologiesFromText(text: string): string[] {
  const out: string[] = [];
  const re = /apolog(?:y|ies)\b[^.]{0,80}?\b(?:from|by|:)\s*:?\s*/gi;
  let m: RegExpExecArray | null = re.exec(text);
  while (m) {
    const before = text.slice(Math.max(0, m.index - 12), m.index);
    if (!/\bno\s+$/i.test(before)) {
      let rest = text.slice(m.index + m[0].length, m.index + m[0].length + 1500);
      rest = rest.replace(/^apologies\s+(?:for\s+absence\s+)?(?:were\s+)?(?:received|accepted)\s+from\s*:?\s*/i, "");
      const stop =
        /\s(?:who|which|were|was|had|has|is|are|substituted|in attendance)\b|\.\s+(?=(?:The|It|He|She|They|A|An|There|This|No|Apologies|Cllr\s+\w+\s+\w+\s+(?:proposed|declared)|\d+\.)\b)|\s\d{1,2}\.\s/.exec(
          rest,
        );
      if (stop) rest = rest.slice(0, stop.index);
      rest = rest.replace(/\.\s*$/, "");
      out.push(...readPeople([[rest]]).names);
    }
    m = re.exec(text);
  }
  return out;
}

export function readAttendance(
  views: LineView[],
  first: number,
  last: number,
  running: Set<string>,
): { attendance: Attendance; found: boolean } {
  const att = emptyAttendance();
  let kind: Kind | null = null;
  let buf: string[][] = [];
  let found = false;
  const flush = () => {
    if (!kind || kind === "stop") {
      buf = [];
      return;
    }
    if (kind === "apologies") {
      const joined = buf.map((c) => c.join(", ")).join(" ");
      const viaText = /\bfrom\b/i.test(joined) ? apologiesFromText(`Apologies ${joined}`) : readPeople(buf).names;
      att.apologies.push(...viaText);
    } else {
      const people = readPeople(buf);
      if (kind === "chair") {
        if (people.names.length && !att.chair) att.chair = people.names[0];
        att.present.push(...people.names);
      } else if (kind === "present") {
        att.present.push(...people.names);
        att.inAttendance.push(...people.officers);
        if (people.chair && !att.chair) att.chair = people.chair;
      } else att.inAttendance.push(...people.names, ...people.officers);
    }
    buf = [];
  };
  // Lists side by side: a header row of labels ("Present | Apologies | In attendance"), then rows
  // whose cells belong to the column they sit in (a blank cell where one list is shorter).
  let columns: (Kind | null)[] | null = null;
  let columnRows: string[][][] = [];
  const flushColumns = () => {
    if (!columns) return;
    columns.forEach((k, j) => {
      kind = k;
      buf = columnRows[j] ?? [];
      flush();
    });
    columns = null;
    columnRows = [];
    kind = null;
  };
  let blankBefore = false;
  for (let i = first; i <= last; i++) {
    const v = views[i];
    const t = v.sq ?? squash(v.text);
    const cells = v.line.cells?.map((c) => squash(c));
    if (columns && cells) {
      // A Markdown table's separator row reads as a row of empty cells.
      cells.forEach((c, j) => {
        if (c && j < columnRows.length && !/^[-:|\s]+$/.test(c)) columnRows[j].push([c]);
      });
      continue;
    }
    if (columns && t) flushColumns();
    if (!t) blankBefore = true;
    if (!t || isNoiseText(t) || isRunning(running, t)) continue;
    const afterBlank = blankBefore;
    blankBefore = false;
    const heads = cells && cells.length >= 2 ? cells.filter(Boolean).map((c) => labelOf(c)) : [];
    if (heads.length >= 2 && heads.every((h) => h && !h.rest && h.kind !== "stop")) {
      flush();
      columns = cells!.map((c) => (c ? (labelOf(c)?.kind ?? null) : null));
      columnRows = cells!.map(() => []);
      found = true;
      continue;
    }
    const lab = labelOf(t);
    // "Present: A, B and C. In attendance: D (Clerk)": several labelled lists run on in one paragraph.
    if (
      lab &&
      lab.kind !== "stop" &&
      /[.;]\s+(?:also\s+present|in\s+attendance|apologies)\b[^:]{0,20}:/i.test(lab.rest)
    ) {
      flush();
      // The opening label may be printed without its colon ("PRESENT Cllr A (Chair), B. In attendance: C").
      const opening =
        lab.kind === "apologies" ? "Apologies" : lab.kind === "inAttendance" ? "In attendance" : "Present";
      const run = attendanceFromRunningText(`${opening}: ${lab.rest}`).attendance;
      att.present.push(...run.present);
      att.apologies.push(...run.apologies);
      att.inAttendance.push(...run.inAttendance);
      if (run.chair && !att.chair) att.chair = run.chair;
      kind = null;
      found = true;
      continue;
    }
    if (lab) {
      flush();
      kind = lab.kind;
      found = found || kind !== "stop";
      // A label in the first column of a table: the other cells are the list's first row.
      if (v.line.cells && v.line.cells.length > 1 && labelOf(squash(v.line.cells[0])))
        buf.push(rowEntries(v.line.cells.slice(1)));
      else if (lab.rest) buf.push(/\S\s{3,}\S/.test(lab.rest) ? rowEntries(lab.rest.split(/\s{3,}/)) : [lab.rest]);
      continue;
    }
    if (!kind || kind === "stop") continue;
    // A heading (Markdown, Word, a bold line) ends the list.
    if (v.line.heading || v.line.bold) {
      flush();
      kind = null;
      continue;
    }
    // A heading-like line in capitals ends the list ("UNRESTRICTED ITEMS").
    if (!/[a-z]/.test(t) && !/\b(?:CC|MBE|OBE)\b/.test(t) && t.length > 3 && /[A-Z]{4}/.test(t)) {
      flush();
      kind = null;
      continue;
    }
    // A sentence that is not a list of names ends the list; it may name someone present for part
    // of the meeting.
    if (/\b(?:were|was)\s+(?:in attendance|present)\b|\b(?:took|takes|taking)\s+the\s+chair\b/i.test(t)) {
      flush();
      addPresentForPart(att, t);
      kind = null;
      continue;
    }
    // A paragraph after a blank line that reads as a sentence, not a list of names, ends the list.
    if (afterBlank && /\b[a-z]{3,}\s+[a-z]{3,}\s+[a-z]{3,}\b/.test(t) && !/^(?:councillors?|cllrs?)\b/i.test(t)) {
      flush();
      kind = null;
      continue;
    }
    const spaced = !v.line.cells && /\S\s{3,}\S/.test(v.text.trim());
    buf.push(v.line.cells ? rowEntries(v.line.cells) : spaced ? rowEntries(v.text.trim().split(/\s{3,}/)) : [v.text]);
  }
  flushColumns();
  flush();
  if (att.chair && !att.present.includes(att.chair)) att.present.unshift(att.chair);
  return { attendance: att, found };
}

/** A column of initials beside the names ("Rob Boyd | RB | Kenny Combe | KC") is not a name. */
function dropInitials(cells: string[]): string[] {
  return cells.filter((c) => !/^\s*(?:[A-Z]{2,4}|[A-Z]{2}[a-z])\s*$/.test(c));
}

/** A cell that gives a role or body, not a person: "Chairperson", "Parish Clerk (Minutes)", "Norfolk County Council". */
const ROLE_CELL =
  /\b(?:chair(?:man|person|woman)?|clerk|council|officer|secretary|treasurer|vice|member|mayor|representative|minutes|rfo|cathaoirleach)\b/i;

/**
 * One row of an attendance table as list entries: initials dropped, and a role in a later column
 * joined to the name before it in brackets ("Cllr Jo Bruce | JB | Chairperson" → "Cllr Jo Bruce
 * (Chairperson)"), so the chair and officers are read as the bracketed notes they are elsewhere.
 */
function rowEntries(cells: string[]): string[] {
  const out: string[] = [];
  for (const raw of dropInitials(cells)) {
    const c = squash(raw);
    if (!c) continue;
    if (
      out.length &&
      ROLE_CELL.test(c) &&
      !/^(?:cllr|councillor|mr|mrs|ms|miss|dr)\b/i.test(c) &&
      // "Clerk J Connelly": a role before a name is that person's entry, not a note on the last.
      !/^(?:(?:parish|town|deputy)\s+)?(?:clerk|secretary|treasurer)\s*[:–-]?\s+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z]\b/.test(
        c,
      )
    )
      out[out.length - 1] = `${out[out.length - 1]} (${c.replace(/[()]/g, "")})`;
    else out.push(c);
  }
  return out;
}

/** A surname key: the last word of a name, lower case. */
function surname(name: string): string {
  const w = name.replace(/,.*$/, "").trim().split(/\s+/);
  return (w[w.length - 1] ?? "").toLowerCase();
}

/**
 * "PCSO Sara Clipperton was present for part of the meeting." / "Mr X was also present.": people
 * a sentence records as present who are not in the lists already (members attending virtually,
 * "A and B were in attendance virtually", are in the present list and are not added again). They
 * join those in attendance.
 */
export function addPresentForPart(att: Attendance, text: string): void {
  const t = text.length > 3000 ? text.slice(0, 3000) : text;
  for (const sentence of t.split(/(?<=[a-z]{2}[.!?])\s+(?=[A-Z])/)) {
    const m = /\s(?:was|were)\s+(?:also\s+)?(?:present|in\s+attendance)\b/i.exec(sentence);
    if (!m) continue;
    const known = new Set([...att.present, ...att.inAttendance, ...att.apologies].map(surname));
    for (const n of readPeople([[sentence.slice(0, m.index)]]).names)
      if (!known.has(surname(n)) && n.split(" ").length >= 2) att.inAttendance.push(n);
  }
}

const RUNNING_LABEL =
  /\b(also\s+present|in\s+attendance|present|apologies(?:\s+for\s+absence)?)\b\s*(?:\([^)]{0,40}\))?\s*(?::-?|\s-\s)\s*/gi;

/**
 * Attendance written into running text, as parish minutes do on their heading line:
 * "... Present: Cllr A – Chairman, Cllr B. Also present: Borough Councillor C and 1 member of the
 * public ...", "PRESENT (Six Councillors):- A (AA), B (BB) Chair and C (CC) In attendance: ...".
 */
export function attendanceFromRunningText(text: string): { attendance: Attendance; found: boolean } {
  const att = emptyAttendance();
  const t = text.length > 4000 ? text.slice(0, 4000) : text;
  const labels: { kind: Kind; at: number; end: number }[] = [];
  RUNNING_LABEL.lastIndex = 0;
  let m: RegExpExecArray | null = RUNNING_LABEL.exec(t);
  while (m) {
    const w = m[1].toLowerCase();
    const kind: Kind = w.startsWith("apolog") ? "apologies" : w === "present" ? "present" : "inAttendance";
    labels.push({ kind, at: m.index, end: m.index + m[0].length });
    m = RUNNING_LABEL.exec(t);
  }
  for (let k = 0; k < labels.length; k++) {
    const l = labels[k];
    let seg = t.slice(l.end, k + 1 < labels.length ? labels[k + 1].at : t.length);
    const stop = /\.\s+(?=[A-Z][a-z]+\s+[a-z])|\s(?=MINUTES\b)|\s\d{1,2}\.\s+[A-Z]/.exec(seg);
    if (stop) seg = seg.slice(0, stop.index);
    const people = readPeople([[seg]]);
    if (l.kind === "present") {
      att.present.push(...people.names);
      att.inAttendance.push(...people.officers);
      if (people.chair && !att.chair) att.chair = people.chair;
    } else if (l.kind === "apologies") att.apologies.push(...people.names);
    else att.inAttendance.push(...people.names, ...people.officers);
  }
  return { attendance: att, found: labels.length > 0 };
}
