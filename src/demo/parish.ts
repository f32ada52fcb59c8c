/**
 * Small councils' papers, generated: parish, town and community councils' minutes and summons
 * agendas in the house styles their clerks use (numbering schemes, run-in headings, attendance
 * layouts, letterheads, several meetings in one file, annual parish meetings), as plain data for
 * the renderers in render/house. Seeded and deterministic: the same seed gives the same papers on
 * every machine. Names and places are made up from syllables; no real council's text is used.
 */
import { Rng } from "./prng";

/** How minutes are numbered. */
export type NumberScheme =
  | "plain" // 1. 2. 3. (restarting each meeting)
  | "running" // 1234. 1235. (continuing across meetings, as a council's minute book does)
  | "dated" // 24.05.01 (year.month.item)
  | "slash" // 24/045 (year/running number)
  | "min" // Min 12/24 (item/year)
  | "lettered" // A. B. C.
  | "none"; // unnumbered headings

/** How a minute's heading meets its text. */
export type HeadingStyle =
  | "line" // the number and title on a line of their own, then the text
  | "caps-run-in" // APOLOGIES FOR ABSENCE Apologies were received from…
  | "colon-run-in"; // Apologies: Cllr A Smith, Cllr B Jones

/** Where and how attendance is printed. */
export type AttendanceLayout =
  | "columns" // Present | Apologies | In attendance side by side
  | "inline" // Present: Councillors A Smith (Chair), B Jones and C Brown.
  | "surnames" // Present: Cllrs Smith (in the chair), Jones and Brown.
  | "in-minute"; // the first minute records who was present and who sent apologies

export type Letterhead =
  | "title" // MINUTES OF THE MEETING OF X PARISH COUNCIL held on…
  | "letterhead" // X PARISH COUNCIL, the clerk's address, then "Minutes of a meeting of the above Council held…"
  | "held-at" // X PARISH COUNCIL, the clerk's address, then "Minutes of the Ordinary Meeting held at Y on DATE at TIME"
  | "fields" // X Parish Council / MINUTES / "Date: …" / "Time: …" / "Venue: …"
  | "bare" // MINUTES / the date and time / the place; the council named only at the foot
  | "filename"; // a file-name-like header ("APPC Minutes 2025-03-03"), then the council, then the place and time

export const LETTERHEADS: Letterhead[] = ["title", "letterhead", "held-at", "fields", "bare", "filename"];

/** "RESOLVED: that X", "It was RESOLVED that X", "Proposed by A, seconded by B and carried … that X",
 * "Agreed: that X", "RESOLVED that X" (no colon). */
export type DecisionStyle = "resolved" | "it-was-resolved" | "proposed-seconded" | "agreed" | "resolved-that";

/**
 * Conventions of a country or a kind of council that go beyond one choice: Scottish community
 * councils ("Sederunt", "Decision:" paragraphs), Irish councils (proposer and seconder on lines of
 * their own, then "Resolved:"), Welsh community councils (headings in Welsh and English), and town
 * councils that set their minutes out as a table ("Min ref | Item | Minute").
 */
export type Tradition = "english" | "scottish" | "irish" | "welsh" | "minref";

export type HouseStyle = {
  tradition: Tradition;
  numbering: NumberScheme;
  heading: HeadingStyle;
  attendance: AttendanceLayout;
  letterhead: Letterhead;
  decisions: DecisionStyle;
  /** Date as printed: "Tuesday 5th March 2024", "5 March 2024", "Tuesday, 5 March 2024". */
  dateForm: "ordinal" | "plain" | "comma";
  /** Time as printed: "7.30 pm", "7.30pm", "19:30". */
  timeForm: "dot-space" | "dot" | "24h";
};

export type Person = { title: "Cllr" | "Mr" | "Mrs" | "Ms" | "Dr"; initial: string; surname: string };

export type Vote = { for: number; against: number; abstain: number };

export type Decision = { text: string; proposer: Person; seconder: Person; vote: Vote | null };

export type ParishDeclaration = { member: Person; interest: string | null };

export type ParishItem = {
  /** What the minute is about, for the composer's wording. */
  kind:
    | "apologies"
    | "declarations"
    | "minutes"
    | "public"
    | "planning"
    | "finance"
    | "matter"
    | "reports"
    | "election"
    | "close";
  title: string;
  /** Narrative paragraphs (already worded). */
  text: string[];
  decision: Decision | null;
  declarations: ParishDeclaration[];
  /** Sub-items of an agenda item ("a) 24/0123/FUL 12 High Street"). */
  subItems: string[];
};

export type ParishMeetingKind = "ordinary" | "annual" | "extraordinary" | "annual-parish";

export type ParishMeeting = {
  kind: ParishMeetingKind;
  date: string;
  time: string;
  location: string;
  chair: Person;
  present: Person[];
  apologies: Person[];
  /** Clerk first, then county / district councillors; the public are counted, not named. */
  clerk: Person;
  visitors: { person: Person; role: string }[];
  publicCount: number;
  items: ParishItem[];
};

export type Council = {
  name: string; // "Ashley Parva Parish Council"
  place: string;
  kind: "Parish" | "Town" | "Community";
  address: string;
};

export type ParishDoc = {
  id: string;
  genre: "minutes" | "agenda";
  council: Council;
  style: HouseStyle;
  /** One meeting, or an annual meeting followed by an ordinary meeting the same evening. */
  meetings: ParishMeeting[];
  /** Minute number the first minute of the file carries, for running and dated schemes. */
  firstNumber: number;
};

const PRE = [
  "Ash",
  "Brock",
  "Coln",
  "Dun",
  "Eld",
  "Fern",
  "Gled",
  "Hals",
  "Kirk",
  "Lang",
  "Mar",
  "Nether",
  "Oak",
  "Pen",
  "Rad",
  "Stan",
  "Thorn",
  "Wal",
];
const SUF = ["ley", "ton", "bury", "by", "field", "wick", "stead", "thorpe", "combe", "ford", "well", "ham"];
const AFFIX = ["", "", "", "Little ", "Great ", "Upper ", "Lower "];
const AFTER = ["", "", "", " Parva", " Magna", " St Mary", " on the Hill"];
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
  "Quinn",
  "Rowley",
  "Sutton",
  "Turner",
  "Upton",
  "Vaughan",
  "Walsh",
  "Yates",
  "Bennett",
  "Chapman",
  "Doyle",
  "Foster",
  "Griffin",
  "Hughes",
  "Lambert",
  "Marsh",
  "Palmer",
  "Reeves",
  "Shaw",
  "Tucker",
  "Webb",
  "Wood",
];
const INITIALS = "ABCDEFGHJKLMNPRSTW".split("");
const HALLS = ["Village Hall", "Memorial Hall", "Community Centre", "Parish Rooms", "Pavilion", "Church Hall"];

const MATTERS: { title: string; text: string; decision?: string }[] = [
  {
    title: "Highways",
    text: "The Clerk reported that the pothole in Mill Lane had been reported to the highway authority and a repair was expected within four weeks.",
    decision: "that the Clerk write again to the highway authority asking for the verge at Church Corner to be cut",
  },
  {
    title: "Playing field",
    text: "The annual inspection report had been received; two items of equipment needed minor repairs.",
    decision: "that the quotation of £480 for repairs to the swings be accepted",
  },
  {
    title: "Defibrillator",
    text: "The defibrillator at the telephone box had been checked monthly and the pads replaced.",
  },
  {
    title: "Village hall",
    text: "The hall committee had asked whether the Council would support a grant application for new heating.",
    decision: "that the Council write in support of the hall committee's grant application",
  },
  {
    title: "Footpaths",
    text: "Members reported overgrown hedges on footpath 7 and a broken stile on footpath 12.",
    decision: "that the Clerk report footpaths 7 and 12 to the rights of way officer",
  },
  {
    title: "Christmas tree",
    text: "Arrangements for the Christmas tree and lights on the green were discussed.",
    decision: "that up to £250 be spent on the Christmas tree and lights",
  },
  {
    title: "Speed watch",
    text: "The speed watch group had recorded 42 vehicles over the limit in the last quarter.",
  },
  {
    title: "Allotments",
    text: "All plots were let and there were three names on the waiting list.",
    decision: "that allotment rents remain unchanged for the coming year",
  },
];

const ROLES_VISITING = ["County Councillor", "District Councillor", "Borough Councillor"];

function person(rng: Rng, used: Set<string>, title: Person["title"] = "Cllr"): Person {
  for (;;) {
    const surname = rng.pick(SURNAMES);
    if (used.has(surname)) continue;
    used.add(surname);
    return { title, initial: rng.pick(INITIALS), surname };
  }
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A weekday date in the given month (Tuesday to Thursday, when councils meet). */
function meetingDate(rng: Rng, year: number, month: number): string {
  for (;;) {
    const d = rng.int(2, 27);
    const wd = new Date(Date.UTC(year, month - 1, d)).getUTCDay();
    if (wd >= 1 && wd <= 4) return iso(year, month, d);
  }
}

export const NUMBER_SCHEMES: NumberScheme[] = ["plain", "running", "dated", "slash", "min", "lettered", "none"];
export const HEADING_STYLES: HeadingStyle[] = ["line", "caps-run-in", "colon-run-in"];
export const ATTENDANCE_LAYOUTS: AttendanceLayout[] = ["columns", "inline", "surnames", "in-minute"];
export const TRADITIONS: Tradition[] = ["english", "scottish", "irish", "welsh", "minref"];

export function pickStyle(rng: Rng, fixed: Partial<HouseStyle> = {}): HouseStyle {
  const style: HouseStyle = {
    numbering: rng.pick(NUMBER_SCHEMES),
    heading: rng.pick(HEADING_STYLES),
    attendance: rng.pick(ATTENDANCE_LAYOUTS),
    letterhead: rng.pick(LETTERHEADS),
    decisions: rng.pick(["resolved", "it-was-resolved", "proposed-seconded", "agreed", "resolved-that"] as const),
    dateForm: rng.pick(["ordinal", "plain", "comma"] as const),
    timeForm: rng.pick(["dot-space", "dot", "24h"] as const),
    // Drawn last, so the other choices of a seed are those it had before traditions were added.
    tradition: rng.chance(0.5) ? "english" : rng.pick(TRADITIONS.slice(1)),
    ...fixed,
  };
  // A minutes table needs a reference to print in its first column.
  if (style.tradition === "minref" && style.numbering === "none" && !fixed.numbering) style.numbering = "slash";
  return style;
}

function decision(rng: Rng, text: string, members: Person[]): Decision {
  const [proposer, seconder] = rng.sample(members, 2);
  const n = members.length;
  const vote = rng.chance(0.3) ? { for: n - 2, against: 1, abstain: 1 } : null;
  return { text, proposer, seconder, vote };
}

function ordinaryItems(rng: Rng, m: ParishMeeting, prevDate: string, members: Person[]): ParishItem[] {
  const item = (
    kind: ParishItem["kind"],
    title: string,
    text: string[] = [],
    d: Decision | null = null,
  ): ParishItem => ({
    kind,
    title,
    text,
    decision: d,
    declarations: [],
    subItems: [],
  });
  const declarers = rng.chance(0.5) ? rng.sample(members, rng.int(1, 2)) : [];
  const items: ParishItem[] = [
    item("apologies", "Apologies for absence"),
    {
      ...item("declarations", "Declarations of interest"),
      declarations: declarers.map((p) => ({
        member: p,
        interest: rng.pick(["a pecuniary interest", "a non-pecuniary interest", "an interest", null]),
      })),
    },
    item(
      "minutes",
      "Minutes of the previous meeting",
      [],
      decision(
        rng,
        `that the minutes of the meeting held on ${prevDate} be approved and signed as a correct record`,
        members,
      ),
    ),
    item("public", "Public participation", [
      rng.chance(0.5)
        ? "No members of the public wished to speak."
        : "A resident raised concerns about parking near the school at drop-off times.",
    ]),
  ];
  for (const x of rng.sample(MATTERS, rng.int(2, 4)))
    items.push(item("matter", x.title, [x.text], x.decision ? decision(rng, x.decision, members) : null));
  const app = `${String(Number(m.date.slice(2, 4)))}/0${rng.int(100, 999)}/FUL`;
  items.push({
    ...item("planning", "Planning", [
      `Application ${app}: single-storey rear extension at ${rng.int(2, 60)} ${rng.pick(["High Street", "Church Lane", "Mill Road", "The Green"])}.`,
    ]),
    decision: decision(rng, `that the Council raise no objection to application ${app}`, members),
    subItems: [`${app} single-storey rear extension`],
  });
  items.push(
    item(
      "finance",
      "Finance",
      [`The bank balance at the end of the month was £${rng.int(4000, 30000).toLocaleString("en-GB")}.`],
      decision(rng, "that the payments listed in the schedule be approved", members),
    ),
  );
  items.push(
    item("close", "Date of next meeting", ["The next meeting will be held in the same place at the usual time."]),
  );
  return items;
}

function annualItems(rng: Rng, chair: Person, vice: Person, members: Person[]): ParishItem[] {
  const item = (kind: ParishItem["kind"], title: string, text: string[], d: Decision | null): ParishItem => ({
    kind,
    title,
    text,
    decision: d,
    declarations: [],
    subItems: [],
  });
  return [
    item(
      "election",
      "Election of Chairman",
      [`Cllr ${chair.surname} signed the declaration of acceptance of office.`],
      decision(rng, `that Cllr ${chair.initial} ${chair.surname} be elected Chairman for the coming year`, members),
    ),
    item(
      "election",
      "Election of Vice-Chairman",
      [],
      decision(rng, `that Cllr ${vice.initial} ${vice.surname} be elected Vice-Chairman for the coming year`, members),
    ),
    item("apologies", "Apologies for absence", [], null),
    item(
      "matter",
      "Review of standing orders",
      ["The standing orders and financial regulations had been circulated."],
      decision(rng, "that the standing orders and financial regulations be readopted without change", members),
    ),
  ];
}

function parishMeetingItems(): ParishItem[] {
  const item = (kind: ParishItem["kind"], title: string, text: string[]): ParishItem => ({
    kind,
    title,
    text,
    decision: null,
    declarations: [],
    subItems: [],
  });
  return [
    item("apologies", "Apologies for absence", []),
    item("reports", "Chairman's report", [
      "The Chairman reviewed the Council's work over the year, including the new noticeboard and the footpath repairs.",
    ]),
    item("reports", "Reports from local organisations", [
      "Reports were received from the village hall committee and the history society.",
    ]),
    item("public", "Questions from electors", [
      "Electors asked about flooding on the lane to the church and the bus timetable.",
    ]),
  ];
}

/** One council's paper: a set of minutes or a summons agenda in one house style. */
export function generateParishDoc(
  seed: string,
  fixed: Partial<HouseStyle> = {},
  opts: { genre?: ParishDoc["genre"]; kind?: "single" | "annual+ordinary" | "annual-parish" } = {},
): ParishDoc {
  const rng = new Rng(`parish:${seed}`);
  const placeName = `${rng.pick(AFFIX)}${rng.pick(PRE)}${rng.pick(SUF)}${rng.pick(AFTER)}`;
  const kind: Council["kind"] = rng.pick(["Parish", "Parish", "Town", "Community"] as const);
  const council: Council = {
    name: `${placeName} ${kind} Council`,
    place: placeName,
    kind,
    address: `${rng.int(1, 40)} ${rng.pick(["Church Street", "Station Road", "School Lane"])}, ${placeName}`,
  };
  const style = pickStyle(rng.fork("style"), fixed);
  // Scottish and Welsh councils of this size are community councils.
  if (style.tradition === "scottish" || style.tradition === "welsh") {
    council.kind = "Community";
    council.name = `${placeName} Community Council`;
  }
  const used = new Set<string>();
  const members = Array.from({ length: rng.int(5, 8) }, () => person(rng, used));
  const clerk = person(rng, used, rng.pick(["Mrs", "Mr", "Ms"] as const));
  const year = rng.int(2019, 2025);
  const genre = opts.genre ?? (rng.chance(0.25) ? "agenda" : "minutes");
  let shape =
    opts.kind ??
    (genre === "agenda" ? "single" : rng.pick(["single", "single", "annual+ordinary", "annual-parish"] as const));
  // Welsh and Scottish community councils hold no annual parish meeting.
  if (shape === "annual-parish" && council.kind === "Community") shape = "single";
  const month = shape === "single" ? rng.pick([1, 2, 3, 6, 7, 9, 10, 11]) : 5;
  const date = meetingDate(rng, year, month);
  const time = rng.pick(["19:00", "19:30", "18:30", "19:15"]);
  const location = `${placeName} ${rng.pick(HALLS)}`;
  const [chair, vice] = members;
  const absent = rng.sample(members.slice(2), rng.int(0, 2));
  const present = members.filter((p) => !absent.includes(p));
  const visitors = rng.sample(ROLES_VISITING, rng.int(0, 2)).map((role) => ({ person: person(rng, used), role }));
  const prevDate = `${rng.int(1, 28)} ${["January", "February", "March", "April"][rng.int(0, 3)]} ${year}`;
  const base = (k: ParishMeetingKind, t: string, items: ParishItem[]): ParishMeeting => ({
    kind: k,
    date,
    time: t,
    location,
    chair,
    present,
    apologies: absent,
    clerk,
    visitors,
    publicCount: rng.int(0, 6),
    items,
  });
  const meetings: ParishMeeting[] = [];
  if (shape === "annual+ordinary") {
    meetings.push(base("annual", time, annualItems(rng, chair, vice, present)));
    const later = `${String(Number(time.slice(0, 2))).padStart(2, "0")}:${time.slice(3) === "00" ? "30" : "45"}`;
    const ord = base("ordinary", later, []);
    ord.items = ordinaryItems(rng, ord, prevDate, present);
    meetings.push(ord);
  } else if (shape === "annual-parish") {
    meetings.push(base("annual-parish", time, parishMeetingItems()));
  } else {
    const m = base(rng.chance(0.15) ? "extraordinary" : "ordinary", time, []);
    m.items = ordinaryItems(rng, m, prevDate, present);
    meetings.push(m);
  }
  return {
    id: seed,
    genre,
    council,
    style,
    meetings,
    firstNumber: style.numbering === "running" ? rng.int(180, 2400) : 1,
  };
}
