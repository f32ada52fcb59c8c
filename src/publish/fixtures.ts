/**
 * Made-up meetings and reports for the pack's tests, its bench and the demo: a committee meeting with
 * reports in the shapes officers write (purpose, recommendations, background, implications, contacts,
 * appendices, background papers), one public report with an exempt appendix and one wholly exempt
 * report. Deterministic from its seed; no I/O. Never seed or corpus text.
 */
import { buildAgenda, type NumberedItem } from "../office/agenda";
import { type ReportContent, reportContent } from "../office/reports";
import type { PackMeeting } from "./pack";

const TOPICS = [
  ["Medium Term Financial Strategy 2027/28 to 2030/31", "Director of Corporate Resources"],
  ["Highways Maintenance Programme", "Director of Environment and Transport"],
  ["Special Educational Needs Transport Policy", "Director of Children and Family Services"],
  ["Library Services Review", "Director of Adults and Communities"],
  ["Flood Risk Management Strategy", "Director of Environment and Transport"],
  ["Corporate Asset Investment Fund Annual Report", "Director of Corporate Resources"],
] as const;

const SENTENCES = [
  "The County Council has a statutory duty to keep the service under review and to consult before making changes.",
  "Demand for the service has grown by some 6% a year since 2022, faster than the funding available to meet it.",
  "Members of the Scrutiny Commission considered the proposals at their meeting in January and their comments are set out below.",
  "The proposals would be implemented in stages over two financial years, with a review after the first year.",
  "An equality impact assessment has been carried out and no adverse effects on people with protected characteristics were found.",
  "Officers have worked with district councils and the voluntary sector to shape the options presented in this report.",
];

const APPENDIX_TITLES = [
  "Consultation responses",
  "Equality impact assessment",
  "Financial summary",
  "Options appraisal",
  "Risk register extract",
];

function prose(seed: number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(SENTENCES[(seed + i * 5) % SENTENCES.length]);
  return out.join(" ");
}

/**
 * A report with `paragraphs` background paragraphs (more paragraphs, more pages); `appendices` public
 * appendices of `appendixParagraphs` paragraphs each (by default one short one, "Consultation responses").
 */
export function sampleReport(
  i: number,
  opts: {
    paragraphs?: number;
    exemptAppendix?: boolean;
    wholeExempt?: boolean;
    appendices?: number;
    appendixParagraphs?: number;
  } = {},
): ReportContent {
  const [title, author] = TOPICS[i % TOPICS.length];
  const n = opts.paragraphs ?? 3;
  if (opts.wholeExempt)
    return reportContent.parse({
      title: "Staffing Restructure in Highways Operations",
      author: "Chief Executive",
      recommendations: ["That the voluntary redundancy terms set out in the report for the four named posts be agreed"],
      sections: {
        purpose: { text: "To agree severance terms for the four post holders named in the appendix." },
        background: {
          text: "Canary wheatsheaf: the post holders named have each accepted the enhanced terms offered in December.",
        },
        resources: { text: "The one-off cost of the severance packages is met from the transformation reserve." },
      },
      contacts: [
        {
          name: "Alan Forbes",
          role: "Head of Human Resources",
          phone: "0116 305 7001",
          email: "alan.forbes@example.gov.uk",
        },
      ],
      appendices: [
        {
          label: "A",
          title: "Post holders and terms",
          text: "Canary wheatsheaf: names, grades and severance sums of the four post holders.",
        },
      ],
      backgroundPapers: [],
      exempt: {
        paragraphs: [1, 3],
        publicInterest: "The report names individual employees and the terms offered to them.",
      },
    });
  return reportContent.parse({
    title: i < TOPICS.length ? title : `${title} (Part ${Math.floor(i / TOPICS.length) + 1})`,
    author,
    recommendations: [
      `That the ${title.toLowerCase()} be approved`,
      "That the Director be authorised to implement it in consultation with the Cabinet Lead Member",
    ],
    sections: {
      purpose: {
        text: `The purpose of this report is to seek the approval of the Cabinet for the ${title.toLowerCase()}.`,
      },
      reasons: { text: prose(i, 2) },
      background: { text: Array.from({ length: n }, (_, k) => prose(i + k, 4)).join("\n\n") },
      resources: { text: "The cost of the proposals can be met from existing budgets." },
      legal: { text: "The Director of Law and Governance has been consulted on this report." },
      equality: { text: prose(i + 4, 1) },
    },
    contacts: [
      {
        name: ["Jane Smith", "Mark Lees", "Priya Patel"][i % 3],
        role: author.replace("Director of", "Assistant Director,"),
        phone: `0116 305 ${String(6000 + i).padStart(4, "0")}`,
        email: `${["jane.smith", "mark.lees", "priya.patel"][i % 3]}@example.gov.uk`,
      },
    ],
    appendices: [
      ...Array.from({ length: opts.appendices ?? 1 }, (_, k) => ({
        label: String.fromCharCode(65 + k),
        title: APPENDIX_TITLES[k % APPENDIX_TITLES.length],
        text: opts.appendixParagraphs
          ? Array.from({ length: opts.appendixParagraphs }, (_, j) => prose(i + k + j, 5)).join("\n\n")
          : prose(i + 2, 3),
      })),
      ...(opts.exemptAppendix
        ? [
            {
              label: String.fromCharCode(65 + (opts.appendices ?? 1)),
              title: "Commercial valuation",
              text: "Canary wheatsheaf: the valuer puts the site at four point two million pounds subject to planning consent from the district council.",
              exempt: {
                paragraphs: [3],
                publicInterest: "Disclosure would prejudice the council's position in the sale.",
              },
            },
          ]
        : []),
    ],
    backgroundPapers: [`Report to the Cabinet, ${10 + (i % 15)} January 2027`],
  });
}

export const SAMPLE_MEETING: PackMeeting = {
  authority: "Borsetshire County Council",
  body: "Cabinet",
  date: "2027-03-17",
  time: "14:00",
  location: "Council Chamber, County Hall, Borchester",
  contact: { name: "Mrs Rosemary Tyler", phone: "0116 305 6225", email: "rosemary.tyler@example.gov.uk" },
  membership: [
    { name: "Mr J. B. Rhodes CC", role: "Chairman" },
    { name: "Mrs A. Archer CC", role: null },
    { name: "Dr T. Eynon CC", role: null },
    { name: "Mr P. Grundy CC", role: null },
  ],
};

/** A meeting's agenda over `reports`: report ids 1..n in order. */
export function sampleAgenda(reports: readonly ReportContent[], meetingDate = SAMPLE_MEETING.date): NumberedItem[] {
  const at = new Date(`${meetingDate}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() - 30);
  return buildAgenda({
    kind: "executive",
    meetingDate,
    policy: "principal",
    reports: reports.map((c, i) => ({
      reportId: i + 1,
      title: c.title,
      reportBy: c.author,
      wholeExempt: !!c.exempt,
      exemptParagraphs: [
        ...new Set([...(c.exempt?.paragraphs ?? []), ...c.appendices.flatMap((a) => a.exempt?.paragraphs ?? [])]),
      ].sort((a, b) => a - b),
      addedAt: at,
      urgencyReason: null,
    })),
  }).items;
}
