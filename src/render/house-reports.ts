/**
 * Agenda packs in councils' house styles: a front sheet or summons (notice of meeting, "You are
 * hereby summoned", "A meeting of ... will be held"), membership in lines, columns or one sentence,
 * contact lines in their several forms, the agenda with a "Date of next meeting" line, and officer
 * reports behind it with varied covers (dated header, "Report to: / Date: / Subject:" table, memo,
 * title first), recommendations numbered, lettered or as "That ..." paragraphs, contact-officer blocks
 * in every order, appendices and background papers (or "None"). Principal councils' committees and
 * parish councils' agendas with the clerk's signature block. Returns an HDoc for the backends in
 * house-out.ts and the parse/v1 records a perfect parser would read, plus a field-by-field
 * comparison in the scorer's terms. Seeded, deterministic, pure; names are made up.
 */
import { Rng } from "../demo/prng";
import {
  type AgendaItem,
  emptyMeeting,
  type Meeting,
  type Officer,
  type ParseResult,
  type Report,
  type Span,
} from "../model/parse-v1";
import type { HList, HPara, Rendered } from "./house";
import { printedDate, printedTime } from "./house";
import { type FieldResult, norm } from "./house-compare";

export type PackStyle = {
  council: "principal" | "parish";
  /** How the front sheet names the meeting. */
  opening: "notice-fields" | "field-table" | "summons" | "will-be-held";
  membership: "lines" | "columns" | "inline" | "none";
  chairWord: "Chair" | "Chairman" | "Chairperson";
  contact: "fields" | "line" | "sentence" | "signature";
  nextMeeting: "item" | "line" | "none";
  cover: "header" | "table" | "fields" | "memo" | "title-first";
  stamp: boolean;
  recs: "numbered" | "lettered" | "that" | "single";
  recHeading: "Recommendations" | "Recommendation(s)" | "RECOMMENDATIONS" | "Recommendation";
  officerBlock: "lines" | "one-line" | "labelled" | "table";
  officerHeading: "Contact Officer" | "Contact officers" | "Report author" | "Lead officer" | "Officer to contact";
  officerOrder: "name-role-tel-email" | "name-role-email-tel" | "name-email-tel";
  appendices: "list" | "list-heading" | "none-word" | "absent";
  papers: "list" | "documents" | "none-word";
  sectionNumbers: boolean;
  dateForm: "ordinal" | "plain" | "comma";
  timeForm: "dot-space" | "dot" | "24h";
};

export type PackDoc = { id: string; style: PackStyle; rendered: Rendered };

const SPAN: Span = { startLine: 1, endLine: 1, page: null };

/** Made-up place names the small-council generators (packs, agendas) name their councils after. */
export const PLACES = [
  "Brockton",
  "Hallsworth",
  "Kirkby Lang",
  "Marwick",
  "Netherfield",
  "Oakham Vale",
  "Radstone",
  "Thornbury",
];
const PRINCIPAL_KINDS = ["Borough Council", "District Council", "City Council", "County Council"];
const BODIES = [
  "Planning Committee",
  "Cabinet",
  "Audit and Governance Committee",
  "Licensing Committee",
  "Overview and Scrutiny Committee",
  "Environment and Communities Committee",
  "Policy and Resources Committee",
];
const FIRST = [
  "Sarah",
  "James",
  "Priya",
  "Tom",
  "Helen",
  "Graham",
  "Nadia",
  "Owen",
  "Claire",
  "Martin",
  "Ruth",
  "Imran",
];
const SURNAMES = [
  "Abbott",
  "Barker",
  "Carter",
  "Dawson",
  "Ellis",
  "Fletcher",
  "Gibson",
  "Harding",
  "Irwin",
  "Jennings",
  "Kemp",
  "Lawson",
  "Mason",
  "Norris",
  "Osborne",
  "Parker",
  "Rowley",
  "Sutton",
  "Turner",
  "Vaughan",
  "Walsh",
  "Yates",
];
const INITIALS = "ABCDEGHJKLMNPRSTW".split("");
const AUTHORS = [
  "Director of Finance",
  "Head of Planning and Regeneration",
  "Chief Executive",
  "Director of Place",
  "Monitoring Officer",
  "Director of Environment and Transport",
  "Head of Legal and Democratic Services",
];
const ROLES = [
  "Finance Manager",
  "Principal Planning Officer",
  "Democratic Services Officer",
  "Policy Officer",
  "Service Manager",
];
const VENUES = [
  "Council Chamber, Town Hall, High Street",
  "Committee Room 1, Civic Centre",
  "the Council Chamber, County Hall",
  "Meeting Room 2, Council Offices, Station Road",
];
const HALLS = ["Village Hall", "Memorial Hall", "Community Centre", "Parish Rooms"];

type Topic = { title: string; recs: string[]; appendices: string[]; papers: string[] };
const TOPICS: Topic[] = [
  {
    title: "Budget Monitoring Report Quarter 2",
    recs: [
      "notes the forecast outturn position for the year set out in the report",
      "approves the transfer of £120,000 from the general reserve to the capital programme",
      "asks officers to report again at the end of the third quarter",
    ],
    appendices: ["Revenue budget by service", "Capital programme monitoring"],
    papers: ["Budget and Council Tax Setting report to Council, 24 February 2025"],
  },
  {
    title: "Local Plan Review: Consultation Response",
    recs: [
      "approves the response to the consultation set out in Appendix A",
      "delegates minor changes to the response to the Head of Planning in consultation with the Chair",
    ],
    appendices: ["Draft consultation response", "Summary of comments received"],
    papers: ["Local Development Scheme 2024", "Strategic Housing Land Availability Assessment"],
  },
  {
    title: "Fees and Charges for the Coming Year",
    recs: [
      "approves the fees and charges set out in the schedule with effect from 1 April",
      "notes that statutory fees are set nationally and are not within the Council's discretion",
    ],
    appendices: ["Schedule of fees and charges"],
    papers: [],
  },
  {
    title: "Review of the Statement of Licensing Policy",
    recs: [
      "agrees the draft statement of licensing policy for public consultation",
      "notes the timetable for adoption of the policy by full Council",
    ],
    appendices: ["Draft statement of licensing policy", "Equality impact assessment"],
    papers: ["Licensing Act 2003 section 182 guidance"],
  },
  {
    title: "Treasury Management Mid-Year Review",
    recs: ["notes the treasury management activity in the first half of the year"],
    appendices: [],
    papers: ["Treasury Management Strategy Statement, Council 28 February 2025"],
  },
  {
    title: "Annual Complaints and Compliments Report",
    recs: [
      "notes the number and nature of complaints received during the year",
      "endorses the improvements to complaint handling described in section 5",
    ],
    appendices: ["Complaints by service area"],
    papers: [],
  },
  {
    title: "Tree Preservation Order at Mill Lane",
    recs: ["confirms the tree preservation order without modification"],
    appendices: ["Plan of the protected trees"],
    papers: ["Objection letters received during the consultation period"],
  },
];

const PARISH_ITEMS = [
  "To receive and approve apologies for absence",
  "To receive declarations of interest in items on the agenda",
  "To approve the minutes of the meeting held on {prev}",
  "Public participation: to receive questions from members of the public",
  "To receive the clerk's report and correspondence",
  "Planning: to consider applications received",
  "Finance: to approve the payments listed in the schedule",
  "To consider the quotation for grass cutting",
];

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function weekday(rng: Rng, y: number, m: number): string {
  for (;;) {
    const d = rng.int(2, 27);
    const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    if (wd >= 1 && wd <= 4) return iso(y, m, d);
  }
}

export function pickPackStyle(rng: Rng, fixed: Partial<PackStyle> = {}): PackStyle {
  const council = fixed.council ?? rng.pick(["principal", "principal", "parish"] as const);
  return {
    council,
    opening: rng.pick(
      council === "parish"
        ? (["summons", "notice-fields"] as const)
        : (["notice-fields", "field-table", "summons", "will-be-held"] as const),
    ),
    membership: rng.pick(
      council === "parish" ? (["none", "inline"] as const) : (["lines", "columns", "inline"] as const),
    ),
    chairWord: rng.pick(["Chair", "Chairman", "Chairperson"] as const),
    contact: rng.pick(
      council === "parish" ? (["signature", "line"] as const) : (["fields", "line", "sentence"] as const),
    ),
    nextMeeting: rng.pick(["item", "line", "none"] as const),
    cover: rng.pick(["header", "table", "fields", "memo", "title-first"] as const),
    stamp: rng.chance(0.5),
    recs: rng.pick(["numbered", "lettered", "that", "single"] as const),
    recHeading: rng.pick(["Recommendations", "Recommendation(s)", "RECOMMENDATIONS", "Recommendation"] as const),
    officerBlock: rng.pick(["lines", "one-line", "labelled", "table"] as const),
    officerHeading: rng.pick([
      "Contact Officer",
      "Contact officers",
      "Report author",
      "Lead officer",
      "Officer to contact",
    ] as const),
    officerOrder: rng.pick(["name-role-tel-email", "name-role-email-tel", "name-email-tel"] as const),
    appendices: rng.pick(["list", "list-heading", "none-word", "absent"] as const),
    papers: rng.pick(["list", "documents", "none-word"] as const),
    sectionNumbers: rng.chance(0.5),
    dateForm: rng.pick(["ordinal", "plain", "comma"] as const),
    timeForm: rng.pick(["dot-space", "dot", "24h"] as const),
    ...fixed,
  };
}

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
const labelled = (label: string, value: string): HPara => ({
  kind: "p",
  runs: [{ text: `${label}: `, bold: true }, { text: value }],
});

type Person = { first: string; initial: string; surname: string };

const list = (xs: string[]): string =>
  xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;

/** A generated agenda pack in one house style, with the records it states. */
export function generatePackDoc(seed: string, fixed: Partial<PackStyle> = {}): PackDoc {
  const rng = new Rng(`pack:${seed}`);
  const s = pickPackStyle(rng.fork("style"), fixed);
  const place = rng.pick(PLACES);
  const used = new Set<string>();
  const person = (): Person => {
    for (;;) {
      const surname = rng.pick(SURNAMES);
      if (used.has(surname)) continue;
      used.add(surname);
      return { first: rng.pick(FIRST), initial: rng.pick(INITIALS), surname };
    }
  };
  const parish = s.council === "parish";
  const authority = parish
    ? `${place} ${rng.pick(["Parish", "Town"])} Council`
    : `${place} ${rng.pick(PRINCIPAL_KINDS)}`;
  const body = parish ? authority : rng.pick(BODIES);
  const domain = `${place.toLowerCase().replace(/\s+/g, "")}${parish ? "-pc.org.uk" : ".gov.uk"}`;
  const year = rng.int(2024, 2026);
  const month = rng.int(2, 10);
  const date = weekday(rng, year, month);
  const nextDate = weekday(rng, year, month + 1);
  const prevDate = weekday(rng, year, month - 1);
  const time = rng.pick(["10:00", "14:00", "18:30", "19:00", "19:30"]);
  const location = parish ? `${rng.pick(HALLS)}, ${place}` : rng.pick(VENUES);
  const when = printedDate(date, s.dateForm);
  const at = printedTime(time, s.timeForm);
  const phone = `0${rng.int(1200, 1999)} ${rng.int(100000, 999999)}`;

  const rec: Meeting = { ...emptyMeeting(body, SPAN), authority };
  rec.date = date;
  rec.time = time;
  rec.location = location.replace(/^the /, "");
  const paras: HPara[] = [];
  const lists: HList[] = [];

  // --- the front sheet -------------------------------------------------------------------------
  paras.push(p(authority.toUpperCase(), { bold: true, center: true, letterhead: true }));
  if (parish) paras.push(p(`Clerk to the Council, ${rng.pick(HALLS)}, ${place}`, { center: true, letterhead: true }));
  const whom = parish ? `${body}` : `the ${body}`;
  const summonsTo = parish ? "To: All Members of the Council" : `To: All Members of the ${body}`;
  if (s.opening === "notice-fields" || s.opening === "field-table") {
    paras.push(p(parish ? "NOTICE OF MEETING" : body, { bold: true, heading: true }));
    const fields: [string, string][] = [
      ...(parish ? ([["Meeting", body]] as [string, string][]) : []),
      ["Date", when],
      ["Time", at],
      ["Venue", location.replace(/^the /, "")],
    ];
    if (s.opening === "field-table") for (const [k, v] of fields) paras.push({ kind: "row", cells: [`${k}:`, v] });
    else for (const [k, v] of fields) paras.push(labelled(k, v));
  } else if (s.opening === "summons") {
    paras.push(p(summonsTo));
    paras.push(
      p(
        `You are hereby summoned to attend a meeting of ${whom} to be held at ${location} on ${when} at ${at} for the purpose of transacting the business set out below.`,
      ),
    );
  } else {
    paras.push(p(`A meeting of ${whom} will be held in ${location} on ${when} at ${at}.`));
  }

  // Membership.
  if (s.membership !== "none") {
    const n = parish ? 7 : rng.int(5, 9);
    const members = Array.from({ length: n }, person);
    const vice = s.chairWord === "Chairman" ? "Vice-Chairman" : `Vice-${s.chairWord}`;
    const roles = members.map((_, i) => (i === 0 ? s.chairWord : i === 1 ? vice : null));
    const printed = members.map((m, i) => `Councillor ${m.initial} ${m.surname}${roles[i] ? ` (${roles[i]})` : ""}`);
    rec.membership = members.map((m, i) => ({ name: `Councillor ${m.initial} ${m.surname}`, role: roles[i] }));
    if (s.membership === "lines") {
      paras.push(p("Membership", { bold: true }));
      for (const x of printed) paras.push(p(x));
    } else if (s.membership === "columns") {
      paras.push(p("Membership", { bold: true }));
      for (let i = 0; i < printed.length; i += 2)
        paras.push({ kind: "row", cells: [printed[i], printed[i + 1] ?? ""] });
    } else {
      const names = members.map((m, i) => `${m.initial} ${m.surname}${roles[i] ? ` (${roles[i]})` : ""}`);
      rec.membership = members.map((m, i) => ({ name: `${m.initial} ${m.surname}`, role: roles[i] }));
      paras.push(labelled("Membership", `Councillors ${list(names)}`));
    }
  }

  // Contact.
  const officer = person();
  const officerName = `${officer.first} ${officer.surname}`;
  const email = `${officer.first}.${officer.surname}@${domain}`.toLowerCase();
  if (s.contact === "fields") {
    paras.push(labelled(rng.pick(["Contact", "Contact officer", "Enquiries to"]), officerName));
    paras.push(labelled(rng.pick(["Telephone", "Tel", "Direct line"]), phone));
    paras.push(labelled("Email", email));
    rec.contact = { name: officerName, phone, email };
  } else if (s.contact === "line") {
    const team = parish ? "the Clerk" : "Democratic Services";
    const box = parish ? `clerk@${domain}` : `democratic.services@${domain}`;
    paras.push(p(`Contact: ${team} on ${phone}, email ${box}`));
    rec.contact = { name: null, phone, email: box };
  } else if (s.contact === "sentence") {
    paras.push(
      p(
        `For further information about this agenda please contact ${officerName}, Democratic Services Officer, on ${phone} or by email at ${email}.`,
      ),
    );
    rec.contact = { name: officerName, phone, email };
  }
  // The clerk's signature under a parish summons.
  if (s.contact === "signature") {
    const box = `clerk@${domain}`;
    paras.push(p(`Signed: ${officerName}`));
    paras.push(p("Clerk to the Council"));
    paras.push(p(`Tel: ${phone}  Email: ${box}`));
    rec.contact = { name: officerName, phone, email: box };
  }

  // --- the agenda -------------------------------------------------------------------------------
  paras.push(p("AGENDA", { bold: true, center: true, heading: true }));
  lists.push({ id: "agenda", levels: [{ format: "decimal", text: "%1.", start: 1 }] });
  const agenda: AgendaItem[] = [];
  const item = (title: string, bold: boolean) => {
    const n = agenda.length + 1;
    paras.push({
      kind: "p",
      runs: [{ text: title, bold }],
      number: { label: `${n}.`, list: "agenda", level: 0, value: n },
    });
    agenda.push({ number: String(n), title, reportBy: null, pages: null, span: SPAN });
    return String(n);
  };
  const topics = rng.sample(TOPICS, parish ? rng.int(1, 2) : rng.int(2, 3));
  const reportItems: string[] = [];
  const bold = rng.chance(0.5);
  if (parish) {
    const prev = printedDate(prevDate, "plain");
    for (const t of PARISH_ITEMS.slice(0, 4)) item(t.replace("{prev}", prev), bold);
    for (const t of topics) reportItems.push(item(`To consider the report on ${t.title}`, bold));
    for (const t of PARISH_ITEMS.slice(5, 7)) item(t, bold);
  } else {
    item("Apologies for Absence", bold);
    item("Declarations of Interest", bold);
    item(`Minutes of the meeting held on ${printedDate(prevDate, "plain")}`, bold);
    for (const t of topics) reportItems.push(item(t.title, bold));
  }
  const nextText = `${printedDate(nextDate, s.dateForm)} at ${at}`;
  if (s.nextMeeting === "item") {
    item("Date of Next Meeting", bold);
    paras.push(p(`The next meeting will be held on ${nextText}.`));
    rec.nextMeeting = nextDate;
  } else if (s.nextMeeting === "line") {
    paras.push(p(`Date of next meeting: ${nextText}`, { bold: true }));
    rec.nextMeeting = nextDate;
  }
  rec.agenda = agenda;

  // --- the reports ------------------------------------------------------------------------------
  topics.forEach((t, k) => {
    const author = rng.pick(AUTHORS);
    const officers = Array.from({ length: rng.int(1, 2) }, () => {
      const o = person();
      const name = `${o.first} ${o.surname}`;
      return {
        name,
        role: rng.pick(ROLES),
        phone: `0${rng.int(1200, 1999)} ${rng.int(100000, 999999)}`,
        email: `${o.first}.${o.surname}@${domain}`.toLowerCase(),
      } satisfies Officer;
    });
    const report = renderReport(rng, s, {
      topic: t,
      body,
      date,
      author,
      officers,
      stamp: reportItems[k],
      paras,
      lists,
      index: k,
    });
    rec.reports.push(report);
  });

  return { id: seed, style: s, rendered: { doc: { title: `${body} agenda`, paras, lists }, truth: [rec] } };
}

type ReportInput = {
  topic: Topic;
  body: string;
  date: string;
  author: string;
  officers: Officer[];
  stamp: string;
  paras: HPara[];
  lists: HList[];
  index: number;
};

function renderReport(rng: Rng, s: PackStyle, r: ReportInput): Report {
  const { paras } = r;
  const title = r.topic.title;
  const dateText = printedDate(r.date, "plain");
  if (s.stamp) paras.push(p(`Agenda Item ${r.stamp}`, { bold: true }));
  switch (s.cover) {
    case "header":
      paras.push(p(`${r.body.toUpperCase()} – ${dateText.toUpperCase()}`, { bold: true }));
      paras.push(p(`REPORT OF THE ${r.author.toUpperCase()}`, { bold: true }));
      paras.push(p(title.toUpperCase(), { bold: true }));
      break;
    case "table":
    case "fields": {
      const fields: [string, string][] = [
        ["Report to", r.body],
        ["Date", dateText],
        ["Subject", title],
        ["Report of", r.author],
        ["Wards affected", "All"],
        ["Key decision", rng.pick(["Yes", "No"])],
      ];
      if (s.cover === "table") for (const [k, v] of fields) paras.push({ kind: "row", cells: [`${k}:`, v] });
      else for (const [k, v] of fields) paras.push(labelled(k, v));
      break;
    }
    case "memo":
      paras.push(labelled("From", r.author));
      paras.push(labelled("To", r.body));
      paras.push(labelled("Date", dateText));
      paras.push(labelled("Subject", title));
      break;
    case "title-first":
      paras.push(p(title, { bold: true, heading: true }));
      paras.push(p(`Report of the ${r.author}`, { bold: true }));
      paras.push(p(`${r.body}, ${dateText}`));
      break;
  }
  let sec = 0;
  const heading = (text: string) => {
    sec++;
    paras.push(p(s.sectionNumbers ? `${sec}. ${text}` : text, { bold: true }));
  };
  const officerParas = (): void => {
    if (s.officerBlock === "one-line") {
      for (const o of r.officers)
        paras.push(labelled(s.officerHeading, `${o.name}, ${o.role}, Tel: ${o.phone}, Email: ${o.email}`));
      return;
    }
    heading(s.officerHeading);
    for (const o of r.officers) {
      if (s.officerBlock === "table") {
        paras.push({ kind: "row", cells: ["Name:", o.name] });
        paras.push({ kind: "row", cells: ["Job title:", o.role ?? ""] });
        paras.push({ kind: "row", cells: ["Telephone:", o.phone ?? ""] });
        paras.push({ kind: "row", cells: ["Email:", o.email ?? ""] });
        continue;
      }
      const tel = s.officerBlock === "labelled" ? `Telephone: ${o.phone}` : `Tel: ${o.phone}`;
      const mail = s.officerBlock === "labelled" ? `E-mail: ${o.email}` : `Email: ${o.email}`;
      const lines =
        s.officerOrder === "name-role-tel-email"
          ? [o.name, o.role ?? "", tel, mail]
          : s.officerOrder === "name-role-email-tel"
            ? [o.name, o.role ?? "", mail, tel]
            : [`${o.name}, ${o.role}`, mail, tel];
      for (const l of lines) paras.push(p(l));
    }
  };

  // Lead officer straight under the cover in some styles; at the end in others.
  const officersFirst = s.officerHeading === "Lead officer";
  if (officersFirst) officerParas();
  heading("Purpose of the Report");
  paras.push(p(`This report asks the ${r.body} to consider the ${title.toLowerCase()}.`));

  // Recommendations.
  const recs = s.recs === "single" ? r.topic.recs.slice(0, 1) : r.topic.recs;
  const whoRec = r.body.startsWith("Cabinet") ? "Cabinet" : "the Committee";
  heading(s.recHeading);
  const recTexts: string[] = [];
  if (s.recs === "that") {
    for (const x of recs) {
      const t = `That ${whoRec} ${x}.`;
      paras.push(p(t));
      recTexts.push(t);
    }
  } else if (s.recs === "single") {
    const t = `It is recommended that ${whoRec} ${recs[0]}.`;
    paras.push(p(t));
    recTexts.push(t);
  } else {
    paras.push(p(`It is recommended that ${whoRec}:`));
    const id = `recs-${r.index}`;
    r.lists.push({
      id,
      levels: [
        {
          format: s.recs === "numbered" ? "decimal" : "lowerLetter",
          text: s.recs === "numbered" ? "%1." : "(%1)",
          start: 1,
        },
      ],
    });
    recs.forEach((x, i) => {
      const label = s.recs === "numbered" ? `${i + 1}.` : `(${String.fromCharCode(97 + i)})`;
      const t = `${x[0].toUpperCase()}${x.slice(1)}${i === recs.length - 1 ? "." : ";"}`;
      paras.push({ kind: "p", runs: [{ text: t }], number: { label, list: id, level: 0, value: i + 1 } });
      recTexts.push(t);
    });
  }
  heading("Background");
  paras.push(
    p(
      `The ${r.body} last considered this matter in the previous year. Officers have since reviewed the position and the details are set out below.`,
    ),
  );
  heading("Financial Implications");
  paras.push(p("There are no financial implications arising directly from this report beyond those set out above."));

  // Appendices.
  const letters = r.topic.appendices.map((a, i) => `Appendix ${String.fromCharCode(65 + i)} – ${a}`);
  let appendices: string[] = [];
  if (s.appendices === "list" || s.appendices === "list-heading") {
    if (letters.length) {
      heading(s.appendices === "list" ? "Appendices" : "List of appendices");
      for (const l of letters) paras.push(p(l));
      appendices = letters;
    } else {
      heading("Appendices");
      paras.push(p("None"));
    }
  } else if (s.appendices === "none-word") {
    heading("Appendices");
    paras.push(p("None"));
  }
  // Background papers.
  heading(s.papers === "documents" ? "Background documents" : "Background papers");
  let papers: string[] = [];
  if (s.papers === "none-word" || !r.topic.papers.length) paras.push(p("None"));
  else {
    for (const x of r.topic.papers) paras.push(p(x));
    papers = r.topic.papers;
  }
  if (!officersFirst) officerParas();
  return {
    agendaItem: r.stamp,
    title,
    author: r.author,
    recommendations: recTexts,
    officers: r.officers,
    appendices,
    backgroundPapers: papers,
    span: SPAN,
  };
}

// ---------------------------------------------------------------------------------------------
// Comparison, in the scorer's terms (../shared/eval/score.mjs): 2·common / (|a| + |b|) tokens.

const toks = (x: string | null | undefined) => (norm(x) ?? "").split(" ").filter(Boolean);
export function sim(a: string | null | undefined, b: string | null | undefined): number {
  const ta = toks(a);
  const tb = toks(b);
  if (!ta.length && !tb.length) return 1;
  if (!ta.length || !tb.length) return 0;
  const bag = new Map<string, number>();
  for (const t of ta) bag.set(t, (bag.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of tb)
    if ((bag.get(t) ?? 0) > 0) {
      bag.set(t, (bag.get(t) ?? 0) - 1);
      common++;
    }
  return (2 * common) / (ta.length + tb.length);
}
const nameKey = (x: string) =>
  (norm(x) ?? "")
    .replace(/\b(mr|mrs|ms|miss|dr|cllr|councillor|cc)\b/g, "")
    .replace(/\s+/g, " ")
    .trim();
export const sameName = (a: string, b: string) => nameKey(a) === nameKey(b) || sim(nameKey(a), nameKey(b)) >= 0.8;
const digits = (x: string | null | undefined) => String(x ?? "").replace(/\D/g, "");

/** Whether every wanted text has a distinct match in got (and got holds nothing extra). */
function sameSet(want: string[], got: string[], eq: (a: string, b: string) => boolean): boolean {
  if (want.length !== got.length) return false;
  const used = new Set<number>();
  return want.every((w) => {
    const i = got.findIndex((g, j) => !used.has(j) && eq(w, g));
    if (i < 0) return false;
    used.add(i);
    return true;
  });
}

export const PACK_FIELDS = [
  "meeting found",
  "body",
  "date",
  "time",
  "location",
  "nextMeeting",
  "contact: name",
  "contact: phone",
  "contact: email",
  "membership: names",
  "membership: roles",
  "agenda",
  "reports found",
  "report: title",
  "report: author",
  "report: recommendations",
  "report: officers",
  "report: officer emails",
  "report: appendices",
  "report: background papers",
];

/** Every header, membership, agenda and report field the pack states, compared with what was parsed. */
export function comparePack(want: Meeting[], got: ParseResult | Error): FieldResult[] {
  const out: FieldResult[] = [];
  for (const w of want) {
    const label = `${w.body} ${w.date}`;
    const meetings = got instanceof Error ? [] : got.meetings;
    const g =
      meetings.find((x) => x.date === w.date && sim(x.body, w.body) >= 0.85) ?? meetings.find((x) => x.date === w.date);
    const push = (field: string, ok: boolean, wv: unknown, gv: unknown) =>
      out.push({ field, meeting: label, ok, want: wv, got: gv });
    push(
      "meeting found",
      !!g,
      [w.body, w.date],
      got instanceof Error ? got.message : meetings.map((x) => [x.body, x.date]),
    );
    if (!g) continue;
    push("body", sim(w.body, g.body) >= 0.85, w.body, g.body);
    push("date", w.date === g.date, w.date, g.date);
    push("time", w.time === g.time, w.time, g.time);
    push("location", sim(w.location, g.location) >= 0.85, w.location, g.location);
    if (w.nextMeeting) push("nextMeeting", w.nextMeeting === g.nextMeeting, w.nextMeeting, g.nextMeeting);
    if (w.contact) {
      const c = g.contact;
      if (w.contact.name) push("contact: name", !!c?.name && sameName(w.contact.name, c.name), w.contact.name, c?.name);
      if (w.contact.phone)
        push("contact: phone", digits(w.contact.phone) === digits(c?.phone), w.contact.phone, c?.phone);
      if (w.contact.email)
        push(
          "contact: email",
          w.contact.email.toLowerCase() === (c?.email ?? "").toLowerCase(),
          w.contact.email,
          c?.email,
        );
    }
    if (w.membership.length) {
      const names = sameSet(
        w.membership.map((m) => m.name),
        g.membership.map((m) => m.name),
        sameName,
      );
      push(
        "membership: names",
        names,
        w.membership.map((m) => m.name),
        g.membership.map((m) => m.name),
      );
      const roles = w.membership
        .filter((m) => m.role)
        .every((m) => {
          const x = g.membership.find((y) => sameName(m.name, y.name));
          return !!x?.role && sim(m.role, x.role) >= 0.8;
        });
      push(
        "membership: roles",
        roles,
        w.membership.filter((m) => m.role),
        g.membership.filter((m) => m.role),
      );
    }
    const agendaOk = sameSet(
      w.agenda.map((a) => `${a.number}|${a.title}`),
      g.agenda.map((a) => `${a.number}|${a.title}`),
      (a, b) => a.split("|")[0] === b.split("|")[0] && sim(a.split("|")[1], b.split("|")[1]) >= 0.85,
    );
    push(
      "agenda",
      agendaOk,
      w.agenda.map((a) => `${a.number} ${a.title}`),
      g.agenda.map((a) => `${a.number} ${a.title}`),
    );
    push(
      "reports found",
      w.reports.length === g.reports.length,
      w.reports.map((r) => r.title),
      g.reports.map((r) => r.title),
    );
    for (const wr of w.reports) {
      const gr =
        g.reports.find((x) => wr.agendaItem != null && x.agendaItem === wr.agendaItem) ??
        g.reports.find((x) => sim(x.title, wr.title) >= 0.8);
      const rp = (field: string, ok: boolean, wv: unknown, gv: unknown) =>
        out.push({ field, meeting: `${label} / ${wr.title}`, ok, want: wv, got: gv });
      if (!gr) {
        rp("report: title", false, wr.title, null);
        continue;
      }
      rp("report: title", sim(wr.title, gr.title) >= 0.8, wr.title, gr.title);
      rp("report: author", !!gr.author && sim(wr.author, gr.author) >= 0.8, wr.author, gr.author);
      rp(
        "report: recommendations",
        sameSet(wr.recommendations, gr.recommendations, (a, b) => sim(a, b) >= 0.85),
        wr.recommendations,
        gr.recommendations,
      );
      rp(
        "report: officers",
        sameSet(
          wr.officers.map((o) => o.name),
          gr.officers.map((o) => o.name),
          sameName,
        ),
        wr.officers.map((o) => o.name),
        gr.officers.map((o) => o.name),
      );
      rp(
        "report: officer emails",
        wr.officers.every((o) =>
          gr.officers.some((x) => sameName(o.name, x.name) && (x.email ?? "").toLowerCase() === o.email),
        ),
        wr.officers.map((o) => o.email),
        gr.officers.map((o) => o.email),
      );
      rp(
        "report: appendices",
        sameSet(wr.appendices, gr.appendices, (a, b) => sim(a, b) >= 0.7),
        wr.appendices,
        gr.appendices,
      );
      rp(
        "report: background papers",
        sameSet(wr.backgroundPapers, gr.backgroundPapers, (a, b) => sim(a, b) >= 0.7),
        wr.backgroundPapers,
        gr.backgroundPapers,
      );
    }
  }
  return out;
}
