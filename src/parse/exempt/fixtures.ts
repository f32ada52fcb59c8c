/**
 * Test support: invented agenda packs and minutes whose exempt parts each carry a canary (a unique
 * made-up word), in several house styles, so the exempt rules and every public surface can be checked
 * for leaks. Built with Minutebook's own renderer (text and PDF) and as Modern.Gov HTML and XML; no
 * council's real text is copied. Each style marks exemption differently: an annotated agenda item, a
 * "PART B" agenda heading, an exclusion item naming "the following item", banners worded "NOT FOR
 * PUBLICATION", "EXEMPT INFORMATION", "CONFIDENTIAL – PART 2"; minutes that exclude the public for
 * "the following item" or "the remaining items", or head the minute "(Exempt)".
 */
import type { Meeting } from "../../model/parse-v1";
import { emptyMeeting } from "../../model/parse-v1";
import type { MeetingDoc } from "../../render/types";

/** Canaries: one per exempt part, never printed anywhere public. Made-up words no parser or council uses. */
export function canaries(style: number): {
  report: string;
  appendix: string;
  minute: string;
  recommendation: string;
} {
  return {
    report: `Zorblax${style}quint`,
    appendix: `Vexmirth${style}olan`,
    minute: `Plorvane${style}dusk`,
    recommendation: `Quillotrex${style}mab`,
  };
}

export const ALL_CANARY = /(?:Zorblax|Vexmirth|Plorvane|Quillotrex)\d+(?:quint|olan|dusk|mab)/gi;

type Style = {
  council: string;
  body: string;
  date: string;
  previous: string;
  /** How the agenda marks the exempt item. */
  agenda: "annotation" | "part-b" | "exclusion";
  banner: string;
  appendixBanner: string;
  /** How the previous meeting's minutes mark their exempt minute. */
  minutes: "following-item" | "remaining-items" | "headed";
};

export const STYLES: Style[] = [
  {
    council: "Eastmarch Borough Council",
    body: "Cabinet",
    date: "2031-03-12",
    previous: "2031-02-12",
    agenda: "annotation",
    banner: "NOT FOR PUBLICATION",
    appendixBanner: "Not for publication",
    minutes: "following-item",
  },
  {
    council: "Westford District Council",
    body: "Policy and Resources Committee",
    date: "2031-04-08",
    previous: "2031-03-04",
    agenda: "part-b",
    banner: "EXEMPT INFORMATION",
    appendixBanner: "Exempt information",
    minutes: "remaining-items",
  },
  {
    council: "Northholt County Council",
    body: "Executive",
    date: "2031-05-20",
    previous: "2031-04-22",
    agenda: "exclusion",
    banner: "CONFIDENTIAL - PART 2",
    appendixBanner: "Confidential",
    minutes: "headed",
  },
];

const span = { startLine: 1, endLine: 1, page: null };

/** One style's pack: the meeting (agenda, reports with prose) and the previous meeting (minutes). */
export function packFor(styleIndex: number): { meeting: MeetingDoc; previous: MeetingDoc } {
  const s = STYLES[styleIndex % STYLES.length];
  const c = canaries(styleIndex);
  const m: Meeting = emptyMeeting(s.body, span);
  m.authority = s.council;
  m.date = s.date;
  m.time = "10:00";
  m.location = "Council Chamber, Civic Centre";
  m.contact = { name: "Ms P. Ashdown", phone: "01632 960123", email: "democracy@example.org" };
  const director = "Director of Corporate Resources";
  m.agenda = [
    { number: "1", title: "Apologies for Absence", reportBy: null, pages: null, span },
    { number: "2", title: "Minutes of the previous meeting", reportBy: null, pages: null, span },
    { number: "3", title: "Declarations of Interest", reportBy: null, pages: null, span },
    { number: "4", title: "Market Square Resurfacing", reportBy: director, pages: null, span },
    { number: "5", title: "Quayside Regeneration Scheme", reportBy: director, pages: null, span },
    { number: "6", title: "Exclusion of the Press and Public", reportBy: null, pages: null, span },
    { number: "7", title: "Acquisition of Land at Harbour Road", reportBy: director, pages: null, span },
  ];
  const officer = { name: "Mr T. Oakes", role: "Head of Property", phone: "01632 960456", email: null };
  m.reports = [
    {
      agendaItem: "4",
      title: "Market Square Resurfacing",
      author: director,
      recommendations: ["That £1.5m be allocated for the resurfacing of the market square"],
      officers: [officer],
      appendices: [],
      backgroundPapers: [],
      span,
    },
    {
      agendaItem: "5",
      title: "Quayside Regeneration Scheme",
      author: director,
      recommendations: ["That the Quayside regeneration scheme be approved"],
      officers: [officer],
      appendices: ["Appendix A - Scheme plan", "Appendix B - Financial appraisal (exempt)"],
      backgroundPapers: [],
      span,
    },
    {
      agendaItem: "7",
      title: "Acquisition of Land at Harbour Road",
      author: director,
      recommendations: [`That the land be acquired from ${c.recommendation} Holdings`],
      officers: [officer],
      appendices: [],
      backgroundPapers: [],
      span,
    },
  ];
  const exemptItems: Record<string, number[]> = s.agenda === "annotation" ? { "7": [3] } : {};
  const meeting: MeetingDoc = {
    record: m,
    prose: {
      exemptItems,
      reports: {
        "4": { background: ["The market square surface has reached the end of its life."] },
        "5": {
          background: ["The scheme would bring the derelict quayside back into use."],
          exemptAppendix: {
            label: "B",
            title: "Financial appraisal",
            banner: s.appendixBanner,
            paragraphs: [3],
            text: [
              `The preferred developer, ${c.appendix} Estates, has offered a premium on the land value.`,
              `The appraisal assumes a residual land value agreed with ${c.appendix} Estates in confidence.`,
            ],
          },
        },
        "7": {
          exempt: {
            banner: s.banner,
            paragraphs: [3],
            text: [`The owner, ${c.report} Holdings, has agreed terms in principle for the sale.`],
          },
          background: [`Negotiations with ${c.report} Holdings have taken place over six months.`],
        },
      },
    },
  };

  // The previous meeting's minutes: an exclusion resolution, then the exempt minute.
  const p: Meeting = emptyMeeting(s.body, span);
  p.authority = s.council;
  p.date = s.previous;
  p.time = "10:00";
  p.location = "Council Chamber, Civic Centre";
  p.attendance = {
    chair: "Councillor A. Fenwick",
    present: ["Councillor A. Fenwick", "Councillor B. Marsh", "Councillor C. Delaney"],
    apologies: [],
    inAttendance: [],
  };
  const excluding =
    s.minutes === "following-item"
      ? "the public be excluded from the meeting for the following item of business"
      : "the public be excluded from the meeting for the remaining items of business";
  const minute = (number: string, title: string, extra: Partial<Meeting["minutes"][number]> = {}) => ({
    number,
    agendaItem: null,
    title,
    declarations: [],
    resolutions: [],
    keyDecision: null,
    reasons: [],
    exemptParagraphs: [],
    span,
    ...extra,
  });
  p.minutes = [
    minute("40", "Minutes of the previous meeting"),
    minute("41", "Town Centre Car Parking Charges", {
      resolutions: [{ label: null, text: "That the car parking charges be frozen for 2031/32", children: [] }],
    }),
    minute(
      "42",
      s.minutes === "headed" ? "Sale of the Old Depot (Exempt)" : "Exclusion of the Press and Public",
      s.minutes === "headed"
        ? {}
        : {
            resolutions: [
              {
                label: null,
                text: `That under Section 100A(4) of the Local Government Act 1972 ${excluding} on the grounds that it involves the likely disclosure of exempt information as defined in Paragraph 3 of Part 1 of Schedule 12A of the Act`,
                children: [],
              },
            ],
          },
    ),
    ...(s.minutes === "headed"
      ? []
      : [
          minute("43", "Sale of the Old Depot", {
            resolutions: [
              {
                label: null,
                text: `That the old depot be sold to ${c.minute} Limited for the sum reported`,
                children: [],
              },
            ],
          }),
        ]),
  ];
  const exemptNumber = s.minutes === "headed" ? "42" : "43";
  const previous: MeetingDoc = {
    record: p,
    prose: {
      minutes: {
        [exemptNumber]: {
          narrative: [`The Committee considered the offer received from ${c.minute} Limited for the old depot.`],
        },
      },
    },
  };
  if (s.minutes === "headed")
    p.minutes[2].resolutions = [
      { label: null, text: `That the old depot be sold to ${c.minute} Limited for the sum reported`, children: [] },
    ];
  return { meeting, previous };
}

/** Lines to add to a rendered text pack so its agenda marks item 7 the way the style does. */
export function agendaMarking(styleIndex: number, text: string): string {
  const s = STYLES[styleIndex % STYLES.length];
  const lines = text.split("\n");
  const at = lines.findIndex((l) => /^\s*7\.\s+Acquisition of Land/i.test(l));
  if (at < 0) return text;
  if (s.agenda === "part-b") lines.splice(at, 0, "", "PART B - ITEMS LIKELY TO BE CONSIDERED IN PRIVATE", "");
  if (s.agenda === "exclusion") {
    const ex = lines.findIndex((l) => /^\s*6\.\s+Exclusion of the Press/i.test(l));
    if (ex >= 0)
      lines.splice(
        ex + 1,
        0,
        "    The public are likely to be excluded during consideration of the following item in accordance",
        "    with Section 100A(4) of the Local Government Act 1972.",
      );
  }
  return lines.join("\n");
}
