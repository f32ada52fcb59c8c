/**
 * Small councils' house styles: a generated ParishDoc (demo/parish.ts) → a neutral document of
 * paragraphs, runs and table rows (HDoc) in the chosen style, and the parse/v1 records that
 * document states, as a perfect parser would return them. The backends in house-out.ts draw an
 * HDoc as PDF, Word, HTML (page or fragment) and Markdown. Pure; no I/O.
 */
import type {
  AttendanceLayout,
  Decision,
  NumberScheme,
  ParishDeclaration,
  ParishDoc,
  ParishItem,
  ParishMeeting,
  Person,
} from "../demo/parish";
import type { AgendaItem, Attendance, Clause, Declaration, Meeting, Minute, Span } from "../model/parse-v1";
import { MONTHS, ordinal, WEEKDAYS } from "./format";

export type HRun = { text: string; bold?: boolean };

/** A list paragraph's number: printed as `label`, or (in Word) made by automatic numbering from `list`/`value`. */
export type HNumber = { label: string; list: string; level: number; value: number };

export type HPara =
  | { kind: "p"; runs: HRun[]; center?: boolean; heading?: boolean; number?: HNumber; letterhead?: boolean }
  | { kind: "row"; cells: string[]; bold?: boolean };

/** A list the Word backend sets up as automatic numbering: lvlText patterns per level, restarting per instance. */
export type HList = {
  id: string;
  levels: { format: "decimal" | "decimalZero" | "upperLetter" | "lowerLetter"; text: string; start: number }[];
};

export type HDoc = { title: string; paras: HPara[]; lists: HList[] };

export type Rendered = { doc: HDoc; truth: Meeting[] };

const SPAN: Span = { startLine: 1, endLine: 1, page: null };

export function printedDate(iso: string, form: ParishDoc["style"]["dateForm"]): string {
  const [y, m, d] = iso.split("-").map(Number);
  const wd = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  if (form === "ordinal") return `${wd} ${ordinal(d)} ${MONTHS[m - 1]} ${y}`;
  if (form === "comma") return `${wd}, ${d} ${MONTHS[m - 1]} ${y}`;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

export function printedTime(hhmm: string, form: ParishDoc["style"]["timeForm"]): string {
  if (form === "24h") return hhmm;
  const [h, m] = hhmm.split(":").map(Number);
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const ampm = h < 12 ? "am" : "pm";
  return `${h12}.${String(m).padStart(2, "0")}${form === "dot" ? "" : " "}${ampm}`;
}

const list = (xs: string[]): string =>
  xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;

const full = (p: Person) => `${p.title} ${p.initial} ${p.surname}`;
const initialName = (p: Person) => `${p.initial} ${p.surname}`;

/** A councillor's name as the layout prints it in a list, which is also the name a parser should return. */
function memberName(layout: AttendanceLayout, p: Person): string {
  if (layout === "surnames") return p.surname;
  if (layout === "inline") return initialName(p);
  return full(p);
}

/** "Councillors A Smith (Chair), B Jones and C Brown" / "Cllrs Smith (in the chair), Jones and Brown" / "Cllr A Smith, Cllr B Jones". */
function memberList(layout: AttendanceLayout, people: Person[], chair: Person | null): string {
  const names = people.map((p) => {
    const n = memberName(layout, p);
    if (p !== chair) return n;
    return layout === "surnames" ? `${n} (in the chair)` : `${n} (Chair)`;
  });
  if (layout === "surnames") return `Cllrs ${list(names)}`;
  if (layout === "inline") return `Councillors ${list(names)}`;
  return names.join(", ");
}

function visitorsOf(m: ParishMeeting): { printed: string[]; names: string[] } {
  const printed = [`${full(m.clerk)} (Clerk)`, ...m.visitors.map((v) => `${v.role} ${initialName(v.person)}`)];
  const names = [full(m.clerk), ...m.visitors.map((v) => `${v.role} ${initialName(v.person)}`)];
  return { printed, names };
}

/** Welsh headings, printed before the English ("Ymddiheuriadau / Apologies for absence"). */
const WELSH: Record<string, string> = {
  Present: "Yn bresennol",
  Apologies: "Ymddiheuriadau",
  "In attendance": "Hefyd yn bresennol",
  "Apologies for absence": "Ymddiheuriadau",
  "Declarations of interest": "Datgan buddiant",
  "Minutes of the previous meeting": "Cofnodion y cyfarfod blaenorol",
  "Public participation": "Cyfranogiad y cyhoedd",
  Planning: "Cynllunio",
  Finance: "Cyllid",
  "Date of next meeting": "Dyddiad y cyfarfod nesaf",
  Highways: "Priffyrdd",
  "Playing field": "Cae chwarae",
  Defibrillator: "Diffibriliwr",
  "Village hall": "Neuadd y pentref",
  Footpaths: "Llwybrau troed",
  "Christmas tree": "Coeden Nadolig",
  "Speed watch": "Gwylio cyflymder",
  Allotments: "Rhandiroedd",
  "Election of Chairman": "Ethol Cadeirydd",
  "Election of Vice-Chairman": "Ethol Is-gadeirydd",
  "Review of standing orders": "Adolygu'r rheolau sefydlog",
  "Chairman's report": "Adroddiad y Cadeirydd",
  "Reports from local organisations": "Adroddiadau gan sefydliadau lleol",
  "Questions from electors": "Cwestiynau gan etholwyr",
};

/** A heading as the tradition prints it: in Welsh and English for a Welsh council. */
function heading(doc: ParishDoc, title: string): string {
  const cy = doc.style.tradition === "welsh" ? WELSH[title] : undefined;
  return cy ? `${cy} / ${title}` : title;
}

/** The attendance labels of the tradition: "Sederunt" in Scotland, "Members present" in Ireland. */
function labels(doc: ParishDoc): { present: string; apologies: string; inAttendance: string } {
  const t = doc.style.tradition;
  if (t === "scottish") return { present: "Sederunt", apologies: "Apologies", inAttendance: "In attendance" };
  if (t === "irish")
    return { present: "Members present", apologies: "Apologies", inAttendance: "Officials in attendance" };
  return {
    present: heading(doc, "Present"),
    apologies: heading(doc, "Apologies"),
    inAttendance: heading(doc, "In attendance"),
  };
}

const publicText = (n: number) => (n === 0 ? null : n === 1 ? "1 member of the public" : `${n} members of the public`);

/** Minute numbers by scheme: the printed label, its parse/v1 number, and how Word would number it. */
class Numberer {
  private n: number;
  private perMeeting = 0;
  constructor(
    private readonly scheme: NumberScheme,
    private readonly first: number,
    private readonly yy: string,
    private readonly mm: string,
  ) {
    this.n = first - 1;
  }
  /** Restarts schemes that count within a meeting. */
  meeting(): void {
    if (this.scheme === "plain" || this.scheme === "lettered") this.n = this.first - 1;
    this.perMeeting++;
  }
  listId(): string {
    return this.scheme === "plain" || this.scheme === "lettered" ? `minutes-${this.perMeeting}` : "minutes";
  }
  next(): { label: string; number: string | null; value: number } | null {
    this.n++;
    const v = this.n;
    switch (this.scheme) {
      case "plain":
        return { label: `${v}.`, number: String(v), value: v };
      case "running":
        return { label: `${v}.`, number: String(v), value: v };
      case "dated": {
        const nn = String(v).padStart(2, "0");
        return { label: `${this.yy}.${this.mm}.${nn}`, number: `${this.yy}.${this.mm}.${nn}`, value: v };
      }
      case "slash": {
        const nnn = String(v + 40).padStart(3, "0");
        return { label: `${this.yy}/${nnn}`, number: `${this.yy}/${nnn}`, value: v + 40 };
      }
      case "min":
        return { label: `Min ${v}/${this.yy}`, number: `${v}/${this.yy}`, value: v };
      case "lettered": {
        const l = String.fromCharCode(64 + v);
        return { label: `${l}.`, number: l, value: v };
      }
      case "none":
        return null;
    }
  }
  /** How Word numbers this scheme automatically, or null where clerks type the numbers. */
  wordList(id: string): HList | null {
    const lvl = (format: HList["levels"][number]["format"], text: string, start: number) => ({
      id,
      levels: [{ format, text, start }],
    });
    switch (this.scheme) {
      case "plain":
        return lvl("decimal", "%1.", 1);
      case "running":
        return lvl("decimal", "%1.", this.first);
      case "dated":
        return lvl("decimalZero", `${this.yy}.${this.mm}.%1`, 1);
      case "min":
        return lvl("decimal", `Min %1/${this.yy}`, 1);
      case "lettered":
        return lvl("upperLetter", "%1.", 1);
      default:
        return null;
    }
  }
}

/** The paragraphs recording a decision: one sentence in most styles, three lines in Irish minutes. */
function decisionParas(doc: ParishDoc, d: Decision): string[] {
  const vote = d.vote
    ? ` (${d.vote.for} for, ${d.vote.against} against, ${d.vote.abstain} abstention${d.vote.abstain === 1 ? "" : "s"})`
    : "";
  const that = d.text.replace(/^that\b/, "That");
  if (doc.style.tradition === "irish")
    return [`Proposed by ${full(d.proposer)}`, `Seconded by ${full(d.seconder)}`, `Resolved: ${that}.${vote}`];
  if (doc.style.tradition === "scottish") return [`Decision: It was agreed ${d.text}.${vote}`];
  return [decisionSentence(doc.style.decisions, d)];
}

function decisionSentence(style: ParishDoc["style"]["decisions"], d: Decision): string {
  const vote = d.vote
    ? ` (${d.vote.for} for, ${d.vote.against} against, ${d.vote.abstain} abstention${d.vote.abstain === 1 ? "" : "s"})`
    : "";
  if (style === "resolved") return `RESOLVED: ${d.text}.${vote}`;
  if (style === "it-was-resolved") return `It was RESOLVED ${d.text}.${vote}`;
  if (style === "agreed") return `Agreed: ${d.text}.${vote}`;
  if (style === "resolved-that") return `RESOLVED ${d.text}.${vote}`;
  const carried = d.vote ? `carried${vote}` : "carried unanimously";
  return `Proposed by Cllr ${d.proposer.surname}, seconded by Cllr ${d.seconder.surname} and ${carried} ${d.text}.`;
}

function bodyOf(doc: ParishDoc, m: ParishMeeting): string {
  // The electors' meeting as its heading names it, place and all ("Ashby Annual Parish Meeting").
  if (m.kind === "annual-parish") return `${doc.council.place} Annual ${doc.council.kind} Meeting`;
  return doc.council.name;
}

function meetingTitle(doc: ParishDoc, m: ParishMeeting, first: boolean): HPara[] {
  const s = doc.style;
  const when = `${printedDate(m.date, s.dateForm)} at ${printedTime(m.time, s.timeForm)}`;
  const what =
    m.kind === "annual"
      ? "the Annual Meeting of"
      : m.kind === "extraordinary"
        ? "an Extraordinary Meeting of"
        : m.kind === "annual-parish"
          ? `the Annual ${doc.council.kind} Meeting of`
          : "the meeting of";
  const out: HPara[] = [];
  // A Welsh council's name in Welsh, above the English ("CYNGOR CYMUNED X" over "X COMMUNITY COUNCIL").
  const cymraeg = `Cyngor Cymuned ${doc.council.place}`;
  if (s.tradition === "welsh" && s.letterhead === "letterhead" && first)
    out.push({ kind: "p", runs: [{ text: cymraeg.toUpperCase(), bold: true }], center: true, letterhead: true });
  if (s.tradition === "welsh" && s.letterhead === "title")
    out.push({ kind: "p", runs: [{ text: `COFNODION CYFARFOD ${cymraeg.toUpperCase()}`, bold: true }], center: true });
  if (s.letterhead === "letterhead" && first) {
    out.push({
      kind: "p",
      runs: [{ text: doc.council.name.toUpperCase(), bold: true }],
      center: true,
      letterhead: true,
    });
    out.push({
      kind: "p",
      runs: [{ text: `Clerk: ${full(doc.meetings[0].clerk)}, ${doc.council.address}` }],
      center: true,
      letterhead: true,
    });
  }
  const kindWord =
    m.kind === "annual"
      ? "Annual Meeting"
      : m.kind === "extraordinary"
        ? "Extraordinary Meeting"
        : m.kind === "annual-parish"
          ? `Annual ${doc.council.kind} Meeting`
          : "Ordinary Meeting";
  const date = printedDate(m.date, s.dateForm);
  const time = printedTime(m.time, s.timeForm);
  const isoDay = m.date;
  if (s.letterhead === "held-at" || (!first && ["fields", "bare", "filename"].includes(s.letterhead))) {
    if (first) {
      out.push({
        kind: "p",
        runs: [{ text: doc.council.name.toUpperCase(), bold: true }],
        center: true,
        letterhead: true,
      });
      out.push({ kind: "p", runs: [{ text: doc.council.address }], center: true, letterhead: true });
    }
    out.push({
      kind: "p",
      runs: [{ text: `Minutes of the ${kindWord} held at ${m.location} on ${date} at ${time}`, bold: true }],
    });
    return out;
  }
  if (s.letterhead === "fields") {
    out.push({ kind: "p", runs: [{ text: doc.council.name, bold: true }], center: true, letterhead: true });
    out.push({
      kind: "p",
      runs: [{ text: m.kind === "ordinary" ? "MINUTES" : `MINUTES – ${kindWord.toUpperCase()}`, bold: true }],
      center: true,
      heading: true,
    });
    out.push({ kind: "p", runs: [{ text: `Date: ${date}` }] });
    out.push({ kind: "p", runs: [{ text: `Time: ${time}` }] });
    out.push({ kind: "p", runs: [{ text: `Venue: ${m.location}` }] });
    return out;
  }
  if (s.letterhead === "bare") {
    out.push({
      kind: "p",
      runs: [{ text: m.kind === "ordinary" ? "MINUTES" : `MINUTES – ${kindWord.toUpperCase()}`, bold: true }],
      center: true,
      heading: true,
    });
    out.push({ kind: "p", runs: [{ text: `${date} at ${time}` }], center: true });
    out.push({ kind: "p", runs: [{ text: m.location }], center: true });
    return out;
  }
  if (s.letterhead === "filename") {
    const initials = doc.council.name
      .split(/\s+/)
      .map((w) => w[0])
      .join("")
      .toUpperCase();
    out.push({ kind: "p", runs: [{ text: `${initials} Minutes ${isoDay}` }], letterhead: true });
    out.push({
      kind: "p",
      runs: [{ text: m.kind === "ordinary" ? doc.council.name : `${doc.council.name} – ${kindWord}`, bold: true }],
      center: true,
      heading: true,
    });
    out.push({ kind: "p", runs: [{ text: `${m.location}, ${time}` }], center: true });
    return out;
  }
  if (s.letterhead === "letterhead") {
    const whom =
      m.kind === "annual-parish"
        ? `the ${doc.council.place} Annual ${doc.council.kind} Meeting`
        : `${what.replace(/ of$/, "")} of the above Council`;
    out.push({
      kind: "p",
      runs: [{ text: `Minutes of ${whom.replace(/^the the /, "the ")} held at ${m.location} on ${when}`, bold: true }],
    });
  } else {
    const whom =
      m.kind === "annual-parish"
        ? `${doc.council.place} Annual ${doc.council.kind} Meeting`.toUpperCase()
        : `${what} ${doc.council.name}`.toUpperCase();
    out.push({ kind: "p", runs: [{ text: `MINUTES OF ${whom}`, bold: true }], center: true, heading: true });
    out.push({ kind: "p", runs: [{ text: `held on ${when} at ${m.location}` }], center: true });
  }
  return out;
}

function attendanceParas(doc: ParishDoc, m: ParishMeeting): HPara[] {
  const layout = doc.style.attendance;
  const v = visitorsOf(m);
  const pub = publicText(m.publicCount);
  if (layout === "columns") {
    const present = m.present.map((p) => (p === m.chair ? `${full(p)} (Chair)` : full(p)));
    const apologies = m.apologies.map(full);
    const inAtt = [...v.printed, ...(pub ? [pub] : [])];
    const lb = labels(doc);
    const rows: HPara[] = [{ kind: "row", cells: [lb.present, lb.apologies, lb.inAttendance], bold: true }];
    const depth = Math.max(present.length, apologies.length, inAtt.length);
    for (let i = 0; i < depth; i++)
      rows.push({ kind: "row", cells: [present[i] ?? "", apologies[i] ?? "", inAtt[i] ?? ""] });
    return rows;
  }
  if (layout === "in-minute") return [];
  const lb = labels(doc);
  const out: HPara[] = [
    {
      kind: "p",
      runs: [{ text: `${lb.present}: `, bold: true }, { text: `${memberList(layout, m.present, m.chair)}.` }],
    },
  ];
  if (m.apologies.length)
    out.push({
      kind: "p",
      runs: [{ text: `${lb.apologies}: `, bold: true }, { text: `${memberList(layout, m.apologies, null)}.` }],
    });
  out.push({
    kind: "p",
    runs: [{ text: `${lb.inAttendance}: `, bold: true }, { text: `${list([...v.printed, ...(pub ? [pub] : [])])}.` }],
  });
  return out;
}

/** The sentences of a minute, in order; the first runs into a run-in heading. */
function minuteBody(doc: ParishDoc, m: ParishMeeting, item: ParishItem, planningNumber: string | null): string[] {
  const s = doc.style;
  const out: string[] = [];
  if (item.kind === "apologies") {
    if (s.attendance === "in-minute" || s.heading === "colon-run-in")
      out.push(m.apologies.length ? list(m.apologies.map(full)) : "None.");
    else if (m.apologies.length) out.push(`Apologies were received and accepted from ${list(m.apologies.map(full))}.`);
    else out.push("There were no apologies for absence.");
  } else if (item.kind === "declarations") {
    if (!item.declarations.length) out.push("There were no declarations of interest.");
    const where = !planningNumber
      ? "the planning application"
      : planningNumber.startsWith("Min")
        ? planningNumber
        : `item ${planningNumber}`;
    const plain = item.declarations.filter((d) => d.interest === null);
    if (plain.length >= 2)
      out.push(`Cllrs ${plain.map((d) => d.member.surname).join(" & ")} declared an interest in ${where}.`);
    for (const d of item.declarations)
      if (d.interest !== null || plain.length < 2)
        out.push(`Cllr ${d.member.surname} declared ${d.interest ?? "an interest"} in ${where}.`);
  } else out.push(...item.text);
  if (item.decision) out.push(...decisionParas(doc, item.decision));
  if (!out.length) out.push("Noted.");
  return out;
}

function declarationsTruth(item: ParishItem, planningNumber: string | null): Declaration[] {
  const plain = item.declarations.filter((d) => d.interest === null);
  const one = (d: ParishDeclaration): Declaration => ({
    member: `Cllr ${d.member.surname}`,
    // "declared an interest" states an interest of no named kind: "interest", as printed.
    interest: d.interest ? d.interest.replace(/^an? /, "") : "interest",
    item: planningNumber,
  });
  if (plain.length >= 2)
    return [
      ...plain.map((d) => ({ ...one(d), member: d.member.surname })),
      ...item.declarations.filter((d) => d.interest !== null).map(one),
    ];
  return item.declarations.map(one);
}

function attendanceTruth(doc: ParishDoc, m: ParishMeeting): Attendance {
  const layout = doc.style.attendance;
  const v = visitorsOf(m);
  const name = (p: Person) => (layout === "columns" || layout === "in-minute" ? full(p) : memberName(layout, p));
  return {
    chair: name(m.chair),
    present: m.present.map(name),
    apologies: m.apologies
      .map(full)
      .map((n, i) => (layout === "columns" || layout === "in-minute" ? n : memberName(layout, m.apologies[i]))),
    inAttendance: v.names,
  };
}

function emptyMeeting(body: string, authority: string, m: ParishMeeting): Meeting {
  return {
    body,
    authority,
    date: m.date,
    time: m.time,
    location: m.location,
    contact: null,
    membership: [],
    agenda: [],
    attendance: null,
    minutes: [],
    reports: [],
    nextMeeting: null,
    span: SPAN,
  };
}

function renderMinutesDoc(doc: ParishDoc): Rendered {
  const s = doc.style;
  const paras: HPara[] = [];
  const lists: HList[] = [];
  const truth: Meeting[] = [];
  const first = doc.meetings[0];
  const numberer = new Numberer(s.numbering, doc.firstNumber, first.date.slice(2, 4), first.date.slice(5, 7));
  doc.meetings.forEach((m, mi) => {
    numberer.meeting();
    const listId = numberer.listId();
    const wl = numberer.wordList(listId);
    if (wl && !lists.some((l) => l.id === listId)) lists.push(wl);
    paras.push(...meetingTitle(doc, m, mi === 0));
    paras.push(...attendanceParas(doc, m));
    const rec = emptyMeeting(bodyOf(doc, m), doc.council.name, m);
    rec.attendance = attendanceTruth(doc, m);
    // Number every item first: a declaration cites the planning minute's number.
    const items: ParishItem[] = [...m.items];
    if (s.attendance === "in-minute") {
      const v = visitorsOf(m);
      const pub = publicText(m.publicCount);
      const lb = labels(doc);
      items.unshift({
        kind: "matter",
        title: s.tradition === "scottish" ? "Sederunt" : s.tradition === "irish" ? "Members present" : "Present",
        text: [
          `${memberList("columns", m.present, m.chair)}. ${lb.inAttendance}: ${list([...v.printed, ...(pub ? [pub] : [])])}.`,
        ],
        decision: null,
        declarations: [],
        subItems: [],
      });
    }
    const numbers = items.map(() => numberer.next());
    const planningAt = items.findIndex((x) => x.kind === "planning");
    const planningNumber = planningAt >= 0 ? (numbers[planningAt]?.number ?? null) : null;
    const printedPlanning = planningAt >= 0 ? (numbers[planningAt]?.label.replace(/\.$/, "") ?? null) : null;
    // A minutes table: the reference, the item and the minute side by side, one row per minute.
    if (s.tradition === "minref") paras.push({ kind: "row", cells: ["Min ref", "Item", "Minute"], bold: true });
    items.forEach((item, k) => {
      const num = numbers[k];
      const body = minuteBody(doc, m, item, printedPlanning);
      const printedTitle = heading(doc, item.title);
      const number: HNumber | undefined = num
        ? { label: num.label, list: listId, level: 0, value: num.value }
        : undefined;
      if (s.tradition === "minref") {
        paras.push({ kind: "row", cells: [num?.label.replace(/\.$/, "") ?? "", printedTitle, body.join(" ")] });
      } else if (s.heading === "line") {
        paras.push({ kind: "p", runs: [{ text: printedTitle, bold: true }], number });
        for (const t of body) paras.push({ kind: "p", runs: [{ text: t }] });
      } else {
        const title = s.heading === "caps-run-in" ? printedTitle.toUpperCase() : `${printedTitle}:`;
        paras.push({ kind: "p", runs: [{ text: title, bold: true }, { text: ` ${body[0]}` }], number });
        for (const t of body.slice(1)) paras.push({ kind: "p", runs: [{ text: t }] });
      }
      const resolutions: Clause[] = item.decision ? [{ label: null, text: item.decision.text, children: [] }] : [];
      const minute: Minute = {
        number: num?.number ?? null,
        agendaItem: null,
        title: printedTitle,
        declarations: item.kind === "declarations" ? declarationsTruth(item, planningNumber) : [],
        resolutions,
        keyDecision: null,
        reasons: [],
        exemptParagraphs: [],
        span: SPAN,
      };
      // Unnumbered, the attendance paragraph is the attendance list, not a minute: nothing tells it
      // from a "Present:" list under the title.
      if (k === 0 && s.attendance === "in-minute" && !num) return;
      rec.minutes.push(minute);
    });
    paras.push({
      kind: "p",
      runs: [
        {
          text: `The meeting closed at ${printedTime(`${Number(m.time.slice(0, 2)) + 1}:${m.time.slice(3)}`, s.timeForm)}.`,
        },
      ],
    });
    truth.push(rec);
  });
  paras.push({ kind: "row", cells: ["Signed ....................... Chairman", "Date ..............."] });
  // A bare title block names no council: the foot does ("Clerk to Ashby Parva Parish Council").
  if (s.letterhead === "bare")
    paras.push({ kind: "p", runs: [{ text: `${full(first.clerk)}, Clerk to ${doc.council.name}` }] });
  return { doc: { title: `${doc.council.name} minutes`, paras, lists }, truth };
}

const AGENDA_TITLES: Record<ParishItem["kind"], (item: ParishItem) => string> = {
  apologies: () => "To receive and approve apologies for absence",
  declarations: () => "To receive declarations of interest in items on the agenda",
  minutes: () => "To approve the minutes of the previous meeting",
  public: () => "Public participation: to receive questions and comments from members of the public",
  planning: () => "Planning: to consider the following applications",
  finance: () => "Finance: to approve the payments listed in the schedule",
  matter: (i) => `To receive a report on ${i.title}`,
  reports: (i) => `To receive the ${i.title.toLowerCase()}`,
  election: (i) => `To elect the ${i.title.replace(/^Election of /, "")}`,
  close: () => "To note the date of the next meeting",
};

function renderAgendaDoc(doc: ParishDoc): Rendered {
  const s = doc.style;
  const m = doc.meetings[0];
  const paras: HPara[] = [
    { kind: "p", runs: [{ text: doc.council.name.toUpperCase(), bold: true }], center: true, letterhead: true },
    { kind: "p", runs: [{ text: doc.council.address }], center: true, letterhead: true },
    { kind: "p", runs: [{ text: "To: All Members of the Council" }] },
    {
      kind: "p",
      runs: [
        {
          text: `You are hereby summoned to attend a meeting of ${doc.council.name} to be held at ${m.location} on ${printedDate(m.date, s.dateForm)} at ${printedTime(m.time, s.timeForm)} for the purpose of transacting the following business.`,
        },
      ],
    },
    { kind: "p", runs: [{ text: `${full(m.clerk)}, Clerk to the Council` }] },
    { kind: "p", runs: [{ text: "AGENDA", bold: true }], center: true, heading: true },
  ];
  const lists: HList[] = [
    {
      id: "agenda",
      levels: [
        { format: "decimal", text: "%1.", start: 1 },
        { format: "lowerLetter", text: "%2)", start: 1 },
      ],
    },
  ];
  const rec = emptyMeeting(bodyOf(doc, m), doc.council.name, m);
  const agenda: AgendaItem[] = [];
  m.items.forEach((item, k) => {
    const n = k + 1;
    const title = AGENDA_TITLES[item.kind](item);
    paras.push({ kind: "p", runs: [{ text: title }], number: { label: `${n}.`, list: "agenda", level: 0, value: n } });
    agenda.push({ number: String(n), title, reportBy: null, pages: null, span: SPAN });
    item.subItems.forEach((sub, j) => {
      const letter = String.fromCharCode(97 + j);
      paras.push({
        kind: "p",
        runs: [{ text: sub }],
        number: { label: `${letter})`, list: "agenda", level: 1, value: j + 1 },
      });
      agenda.push({ number: `${n}${letter}`, title: sub, reportBy: null, pages: null, span: SPAN });
    });
  });
  rec.agenda = agenda;
  return { doc: { title: `${doc.council.name} agenda`, paras, lists }, truth: [rec] };
}

/** The document and the records it states. */
export function renderParishDoc(doc: ParishDoc): Rendered {
  return doc.genre === "agenda" ? renderAgendaDoc(doc) : renderMinutesDoc(doc);
}
