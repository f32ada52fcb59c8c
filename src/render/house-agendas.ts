/**
 * Agendas and summonses of parish, town and community councils in their clerks' house styles: a
 * letterhead (English, or a Welsh or Gaelic name beside the English one; in the page header in Word),
 * the clerk's address under it, the summons in its several wordings ("You are hereby summoned…",
 * "Agenda & Summons", "Notice is hereby given…", "Councillors are summoned…", a dated heading, or
 * Date/Time/Venue fields), the date and time however written (ordinals, "7.30 pm", "19:30", no year
 * on the line but in the heading), items as sentences or nouns with sub-items (a), 7.1 or i., the
 * clerk's signature with name, e-mail and phone (and the day it was issued, which is not the
 * meeting's), and "Date of next meeting". Returns an HDoc for house-out.ts and the parse/v1 record a
 * perfect parser would read (compared with comparePack from house-reports.ts). Seeded, pure; names
 * are made up.
 */
import { Rng } from "../demo/prng";
import { type AgendaItem, emptyMeeting, type Meeting, type Span } from "../model/parse-v1";
import { isoDate, MONTHS, ordinal, WEEKDAYS } from "./format";
import type { HList, HPara, Rendered } from "./house";
import { PLACES } from "./house-reports";

export type AgendaStyle = {
  kind: "Parish" | "Town" | "Community";
  /** A second-language name printed beside the English one (Welsh for community councils, Gaelic in Scotland). */
  bilingual: "none" | "welsh" | "gaelic";
  /** What the letterhead carries under the council's name. */
  letterhead: "name" | "clerk-address" | "clerk-fields";
  opening: "hereby-summoned" | "agenda-summons" | "notice-given" | "councillors-summoned" | "dated-heading" | "fields";
  meetingKind: "ordinary" | "annual" | "extraordinary";
  dateForm: "ordinal" | "comma" | "ordinal-of" | "no-year";
  timeForm: "7.30pm" | "7.30 pm" | "19:30" | "7:30pm" | "7pm";
  items: "sentences" | "nouns";
  subItems: "letters" | "bracket-letters" | "decimal" | "roman" | "none";
  /** Items as numbered paragraphs, or in a Word table used for layout (number | title). */
  itemLayout: "paragraphs" | "table";
  signature: "block" | "one-line" | "none";
  issued: boolean;
  nextMeeting: "item" | "line" | "none";
  publicNote: boolean;
};

export type AgendaDoc = { id: string; style: AgendaStyle; rendered: Rendered };

const SPAN: Span = { startLine: 1, endLine: 1, page: null };
const WELSH = ["Llanfair", "Pentre", "Cwm Tawel", "Aberhafod"];
const GAELIC: [string, string][] = [
  ["Glenmor", "Ghlinne Mhòir"],
  ["Inverbrae", "Inbhir Bhràigh"],
  ["Strathcairn", "Shrath Chàirn"],
];
const FIRST = ["Sarah", "James", "Priya", "Tom", "Helen", "Graham", "Nadia", "Owen", "Claire", "Martin"];
const SURNAMES = ["Abbott", "Barker", "Carter", "Dawson", "Ellis", "Fletcher", "Gibson", "Harding", "Kemp", "Lawson"];
const HALLS = ["Village Hall", "Memorial Hall", "Community Centre", "Parish Rooms", "Church Hall"];
const STREETS = ["Church Lane", "High Street", "Mill Road", "Station Road", "The Green"];

/** A weekday (Monday to Thursday) in the month: small councils meet on weekday evenings. */
function weekday(rng: Rng, y: number, m: number): string {
  for (;;) {
    const d = rng.int(1, 28);
    const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    if (wd >= 1 && wd <= 4) return isoDate(y, m, d);
  }
}

/** The date as the clerk writes it; "no-year" leaves the year to the heading. */
export function writtenDate(isoDate: string, form: AgendaStyle["dateForm"]): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  const wd = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  if (form === "ordinal") return `${wd} ${ordinal(d)} ${MONTHS[m - 1]} ${y}`;
  if (form === "comma") return `${wd}, ${d} ${MONTHS[m - 1]} ${y}`;
  if (form === "ordinal-of") return `${wd} the ${ordinal(d)} of ${MONTHS[m - 1]} ${y}`;
  return `${wd} ${ordinal(d)} ${MONTHS[m - 1]}`;
}

export function writtenTime(hhmm: string, form: AgendaStyle["timeForm"]): string {
  const [h, m] = hhmm.split(":").map(Number);
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const ampm = h < 12 ? "am" : "pm";
  const mm = String(m).padStart(2, "0");
  if (form === "19:30") return hhmm;
  if (form === "7.30 pm") return `${h12}.${mm} ${ampm}`;
  if (form === "7:30pm") return `${h12}:${mm}${ampm}`;
  if (form === "7pm" && m === 0) return `${h12}${ampm}`;
  return `${h12}.${mm}${ampm}`;
}

export function pickAgendaStyle(rng: Rng, fixed: Partial<AgendaStyle> = {}): AgendaStyle {
  const kind = fixed.kind ?? rng.pick(["Parish", "Parish", "Town", "Community"] as const);
  return {
    kind,
    bilingual: kind === "Community" ? rng.pick(["none", "welsh", "gaelic"] as const) : "none",
    letterhead: rng.pick(["name", "clerk-address", "clerk-fields"] as const),
    opening: rng.pick([
      "hereby-summoned",
      "agenda-summons",
      "notice-given",
      "councillors-summoned",
      "dated-heading",
      "fields",
    ] as const),
    meetingKind: rng.pick(["ordinary", "ordinary", "annual", "extraordinary"] as const),
    dateForm: rng.pick(["ordinal", "comma", "ordinal-of", "no-year"] as const),
    timeForm: rng.pick(["7.30pm", "7.30 pm", "19:30", "7:30pm", "7pm"] as const),
    items: rng.pick(["sentences", "nouns"] as const),
    subItems: rng.pick(["letters", "bracket-letters", "decimal", "roman", "none"] as const),
    itemLayout: rng.pick(["paragraphs", "paragraphs", "table"] as const),
    signature: rng.pick(["block", "one-line", "none"] as const),
    issued: rng.chance(0.5),
    nextMeeting: rng.pick(["item", "line", "none"] as const),
    publicNote: rng.chance(0.5),
    ...fixed,
  };
}

type Item = { sentence: string; noun: string; subs?: string[] };

const ITEMS: Item[] = [
  { sentence: "To receive apologies for absence", noun: "Apologies for Absence" },
  {
    sentence: "To receive declarations of interest and requests for dispensations",
    noun: "Declarations of Interest",
  },
  { sentence: "To approve the minutes of the meeting held on {prev}", noun: "Minutes of the meeting held on {prev}" },
  {
    sentence: "Public participation: to hear questions and comments from members of the public",
    noun: "Public Participation",
  },
  {
    sentence: "To receive reports from the County and District Councillors",
    noun: "County and District Councillors' Reports",
  },
  {
    sentence: "Planning: to consider the following applications",
    noun: "Planning Applications",
    subs: [
      "{year2}/00123/FUL: 12 High Street, single-storey rear extension",
      "{year2}/00145/HOU: Rose Cottage, replacement garage",
    ],
  },
  {
    sentence: "Finance: to consider the following matters",
    noun: "Finance",
    subs: [
      "To approve the payments listed in the schedule",
      "To note the bank reconciliation to the end of last month",
      "To consider the quotation for grass cutting",
    ],
  },
  { sentence: "To receive an update on highways and footpaths", noun: "Highways and Footpaths" },
  { sentence: "To consider the request to install a defibrillator at the {hall}", noun: "Defibrillator" },
  { sentence: "To note the correspondence received since the last meeting", noun: "Correspondence" },
  { sentence: "To receive items for the next agenda", noun: "Items for the Next Agenda" },
];

const ROMAN = ["i", "ii", "iii", "iv", "v"];

const p = (
  text: string,
  o: { bold?: boolean; center?: boolean; heading?: boolean; letterhead?: boolean } = {},
): HPara => ({
  kind: "p",
  runs: [{ text, bold: o.bold }],
  center: o.center,
  heading: o.heading,
  letterhead: o.letterhead,
});

/** A generated small council's agenda and summons in one house style, with the record it states. */
export function generateAgendaDoc(seed: string, fixed: Partial<AgendaStyle> = {}): AgendaDoc {
  const rng = new Rng(`agenda:${seed}`);
  const s = pickAgendaStyle(rng.fork("style"), fixed);
  const gaelic = rng.pick(GAELIC);
  const place = s.bilingual === "welsh" ? rng.pick(WELSH) : s.bilingual === "gaelic" ? gaelic[0] : rng.pick(PLACES);
  const council = `${place} ${s.kind} Council`;
  const other =
    s.bilingual === "welsh"
      ? `Cyngor Cymuned ${place}`
      : s.bilingual === "gaelic"
        ? `Comhairle Coimhearsnachd ${gaelic[1]}`
        : null;
  const domain = `${place.toLowerCase().replace(/\s+/g, "")}-${s.kind === "Town" ? "tc" : s.kind === "Parish" ? "pc" : "cc"}.org.uk`;
  const clerk = { first: rng.pick(FIRST), surname: rng.pick(SURNAMES) };
  const clerkName = `${clerk.first} ${clerk.surname}`;
  const email = rng.chance(0.5) ? `clerk@${domain}` : `${clerk.first}.${clerk.surname}@${domain}`.toLowerCase();
  const phone = `0${rng.int(1200, 1999)} ${rng.int(100000, 999999)}`;
  const year = rng.int(2019, 2026);
  const month = s.meetingKind === "annual" ? 5 : rng.int(2, 11);
  const date = weekday(rng, year, month);
  const prev = weekday(rng, year, month - 1);
  const next = weekday(rng, year, month + 1);
  const issuedOn = [isoDate(year, month, 1), date].sort()[0];
  const time = rng.pick(["19:00", "19:30", "18:30", "19:15", "10:00"]);
  const hall = rng.pick(HALLS);
  // The venue names the place ("Brockton Village Hall"): the body must still come from the letterhead.
  const location = `${rng.chance(0.5) ? `${place} ` : ""}${hall}, ${rng.pick(STREETS)}${rng.chance(0.5) ? `, ${place}` : ""}`;
  const when = writtenDate(date, s.dateForm);
  const at = writtenTime(time, s.timeForm);
  const monthYear = `${MONTHS[month - 1]} ${year}`;
  const kindWord =
    s.meetingKind === "annual"
      ? "Annual Meeting"
      : s.meetingKind === "extraordinary"
        ? "Extraordinary Meeting"
        : "Meeting";

  const rec: Meeting = { ...emptyMeeting(council, SPAN), authority: council };
  rec.date = date;
  rec.time = time;
  rec.location = location;
  const paras: HPara[] = [];
  const lists: HList[] = [];

  // --- letterhead ------------------------------------------------------------------------------
  if (other && rng.chance(0.5)) {
    paras.push(p(`${other} / ${council}`, { bold: true, center: true, letterhead: true }));
  } else {
    if (other) paras.push(p(other, { bold: true, center: true, letterhead: true }));
    paras.push(p(rng.chance(0.5) ? council.toUpperCase() : council, { bold: true, center: true, letterhead: true }));
  }
  const clerkAddress = `${rng.int(1, 40)} ${rng.pick(STREETS)}, ${place}, ${rng.pick(["BR", "HW", "KL", "MW"])}${rng.int(1, 9)} ${rng.int(1, 9)}${rng.pick(["AB", "DE", "QT"])}`;
  let contactNamed = false;
  if (s.letterhead === "clerk-address") {
    paras.push(p(`Clerk: ${clerkName}, ${clerkAddress}`, { center: true, letterhead: true }));
    paras.push(p(`Tel: ${phone}   Email: ${email}`, { center: true, letterhead: true }));
    contactNamed = true;
  } else if (s.letterhead === "clerk-fields") {
    paras.push({ kind: "row", cells: [`Clerk: ${clerkName}`, `Telephone: ${phone}`] });
    paras.push({ kind: "row", cells: [`Email: ${email}`, ""] });
    contactNamed = true;
  }
  rec.contact = { name: clerkName, phone, email };

  // --- the summons -----------------------------------------------------------------------------
  const yearHeading = s.dateForm === "no-year";
  const meetingOf = s.meetingKind === "ordinary" ? "a meeting" : `the ${kindWord}`;
  const purpose = rng.pick([
    "for the purpose of transacting the following business.",
    "to transact the business set out below.",
    "when the business below will be considered.",
  ]);
  if (yearHeading)
    paras.push(
      p(`${kindWord.toUpperCase()} OF THE COUNCIL – ${monthYear.toUpperCase()}`, {
        bold: true,
        center: true,
        heading: true,
      }),
    );
  switch (s.opening) {
    case "hereby-summoned":
      paras.push(p("To all Members of the Council"));
      paras.push(
        p(
          `You are hereby summoned to attend ${meetingOf} of ${council} to be held in the ${location} on ${when} at ${at} ${purpose}`,
        ),
      );
      break;
    case "agenda-summons":
      paras.push(p("AGENDA & SUMMONS", { bold: true, center: true, heading: true }));
      paras.push(
        p(
          `Members of the Council are summoned to attend ${meetingOf} of the Council to be held on ${when} at ${at} in the ${location} ${purpose}`,
        ),
      );
      break;
    case "notice-given":
      paras.push(
        p(
          `Notice is hereby given that the ${kindWord} of the ${s.kind} Council will be held at the ${location} on ${when}, commencing at ${at}.`,
        ),
      );
      paras.push(p(`All members of the Council are hereby summoned to attend ${purpose}`));
      break;
    case "councillors-summoned":
      paras.push(
        p(`Councillors are summoned to attend the ${kindWord} of the Council on ${when} at ${at} in the ${location}.`),
      );
      break;
    case "dated-heading":
      paras.push(p(`${kindWord.toUpperCase()} TO BE HELD ON ${when.toUpperCase()}`, { bold: true }));
      paras.push(p(`${at} in the ${location}`));
      break;
    case "fields":
      paras.push(p(`${kindWord.toUpperCase()} OF THE COUNCIL`, { bold: true, heading: true }));
      for (const [k, v] of [
        ["Date", when],
        ["Time", at],
        ["Venue", location],
      ] as const)
        paras.push({ kind: "p", runs: [{ text: `${k}: `, bold: true }, { text: v }] });
      break;
  }
  if (s.publicNote)
    paras.push(
      p("Members of the public and press are welcome to attend and may speak during the public participation item."),
    );

  // --- signature -------------------------------------------------------------------------------
  const issued = writtenDate(issuedOn, s.dateForm === "no-year" ? "ordinal" : s.dateForm).replace(/^\w+,? /, "");
  const signature = (): void => {
    if (s.signature === "block") {
      paras.push(p(clerkName));
      paras.push(p(rng.pick(["Clerk to the Council", "Parish Clerk", "Clerk and RFO"])));
      paras.push(p(`Tel: ${phone}`));
      paras.push(p(`Email: ${email}`));
      if (s.issued) paras.push(p(`Dated: ${issued}`));
    } else if (s.signature === "one-line") {
      paras.push(p(`${clerkName}, Clerk to the Council`));
      paras.push(p(`${email}  ${phone}`));
      if (s.issued) paras.push(p(`Date of issue: ${issued}`));
    } else if (!contactNamed) {
      // No signature and no clerk in the letterhead: the contact is a line under the agenda.
      paras.push(p(`Contact: ${clerkName} (Clerk), ${phone}, ${email}`));
    }
  };
  const signFirst = rng.chance(0.5);
  if (signFirst) signature();

  // --- the agenda ------------------------------------------------------------------------------
  paras.push(
    p(rng.pick(["AGENDA", "Agenda", "BUSINESS TO BE TRANSACTED"]), { bold: true, center: true, heading: true }),
  );
  const subLevel =
    s.subItems === "letters" || s.subItems === "bracket-letters"
      ? { format: "lowerLetter" as const, text: s.subItems === "letters" ? "%2)" : "(%2)", start: 1 }
      : s.subItems === "decimal"
        ? { format: "decimal" as const, text: "%1.%2", start: 1 }
        : null;
  lists.push({ id: "agenda", levels: [{ format: "decimal", text: "%1.", start: 1 }, ...(subLevel ? [subLevel] : [])] });
  const agenda: AgendaItem[] = [];
  const bold = rng.chance(0.5);
  const fill = (t: string) =>
    t
      .replace("{prev}", writtenDate(prev, s.dateForm === "no-year" ? "ordinal" : s.dateForm).replace(/^\w+,? /, ""))
      .replace("{hall}", hall)
      .replace("{year2}", String(year % 100).padStart(2, "0"));
  const chosen = ITEMS.filter((it, i) => i < 4 || rng.chance(0.7) || it.subs);
  const add = (title: string, number: string, level: number, value: number, label: string) => {
    agenda.push({ number, title, reportBy: null, pages: null, span: SPAN });
    if (s.itemLayout === "table") {
      paras.push({ kind: "row", cells: [label, title] });
      return;
    }
    // Word has no roman level in HList: those sub-items carry their printed label (a list Word does not know).
    const list = level && s.subItems === "roman" ? "agenda-roman" : "agenda";
    paras.push({
      kind: "p",
      runs: [{ text: title, bold: level === 0 && bold }],
      number: { label, list, level, value },
    });
  };
  let n = 0;
  for (const it of chosen) {
    n++;
    const title = fill(s.items === "sentences" ? it.sentence : it.noun);
    add(title, String(n), 0, n, `${n}.`);
    if (it.subs && s.subItems !== "none")
      it.subs.forEach((sub, k) => {
        const t = fill(sub);
        if (s.subItems === "letters" || s.subItems === "bracket-letters") {
          const l = String.fromCharCode(97 + k);
          add(t, `${n}${l}`, 1, k + 1, s.subItems === "letters" ? `${l})` : `(${l})`);
        } else if (s.subItems === "decimal") add(t, `${n}.${k + 1}`, 1, k + 1, `${n}.${k + 1}`);
        else add(t, `${n}${ROMAN[k]}`, 1, k + 1, `${ROMAN[k]}.`);
      });
  }
  const nextText = `${writtenDate(next, s.dateForm === "no-year" ? "ordinal" : s.dateForm)} at ${at}`;
  if (s.nextMeeting === "item") {
    n++;
    add(`Date of next meeting: ${nextText}`, String(n), 0, n, `${n}.`);
    rec.nextMeeting = next;
  } else if (s.nextMeeting === "line") {
    paras.push(p(`Date of next meeting: ${nextText}`, { bold: true }));
    rec.nextMeeting = next;
  }
  rec.agenda = agenda;
  if (!signFirst) signature();

  return { id: seed, style: s, rendered: { doc: { title: `${council} agenda`, paras, lists }, truth: [rec] } };
}
