/**
 * Test support: an invented council (Northwold District Council, invented committees and subjects)
 * with one known subject followed across four meetings and two committees, one referral to a
 * meeting in the input, one referral to a body not in the input, one promise kept and one broken.
 * The expected links are listed beside the meetings so tests can score precision and recall.
 */
import type { AgendaItem, Clause, Meeting, Minute, Report } from "../../model/parse-v1";
import { emptyMeeting } from "../../model/parse-v1";
import type { LinkInput } from "../index";

let line = 1;
const span = () => {
  const s = { startLine: line, endLine: line + 2, page: null };
  line += 3;
  return s;
};

const agenda = (number: string, title: string, pages: [number, number] | null = null): AgendaItem => ({
  number,
  title,
  reportBy: pages ? "Head of Environmental Services" : null,
  pages: pages ? { start: pages[0], end: pages[1] } : null,
  span: span(),
});

const clause = (label: string | null, text: string): Clause => ({ label, text, children: [] });

const minute = (number: string, title: string, resolutions: Clause[] = [], reasons: string[] = []): Minute => ({
  number,
  agendaItem: null,
  title,
  declarations: [],
  resolutions,
  keyDecision: null,
  reasons,
  exemptParagraphs: [],
  span: span(),
});

const report = (agendaItem: string, title: string, recommendations: string[]): Report => ({
  agendaItem,
  title,
  author: "Head of Environmental Services",
  recommendations,
  officers: [{ name: "Pat Quill", role: "Head of Environmental Services", phone: null, email: null }],
  appendices: [],
  backgroundPapers: [],
  span: span(),
});

function meeting(body: string, date: string, parts: Partial<Meeting>): Meeting {
  return { ...emptyMeeting(body, span()), authority: "Northwold District Council", date, ...parts };
}

const ENV = "Environment Committee";
const PR = "Policy and Resources Committee";

export function syntheticCouncil(): LinkInput {
  line = 1;
  const m1 = meeting(ENV, "2019-03-05", {
    membership: [
      { name: "Cllr A. Fenwick", role: "Chairman" },
      { name: "Cllr B. Ostler", role: null },
    ],
    agenda: [
      agenda("1", "Minutes of the meeting held on 4 December 2018", [1, 2]),
      agenda("2", "Declarations of interest"),
      agenda("3", "Riverside Wetland Restoration Scheme", [3, 10]),
      agenda("4", "Allotment Tenancy Rules", [11, 14]),
      agenda("5", "Date of next meeting"),
    ],
    minutes: [
      minute("101", "Minutes of the previous meeting", [clause(null, "That the minutes be confirmed")]),
      minute("102", "Declarations of interest"),
      minute("103", "Riverside Wetland Restoration Scheme", [
        clause("a", "That the report be noted"),
        clause(
          "b",
          "That the views of the Committee be forwarded to the Policy and Resources Committee for consideration at its meeting on 12 March 2019",
        ),
        clause(
          "c",
          "That a further report on the wetland restoration be submitted to this Committee in September 2019",
        ),
      ]),
      minute("104", "Allotment Tenancy Rules", [clause(null, "That the revised tenancy rules be approved")]),
      minute("105", "Date of next meeting"),
    ],
    reports: [
      report("3", "Riverside Wetland Restoration Scheme", [
        "That the Committee notes the options for restoring the riverside wetland",
      ]),
      report("4", "Allotment Tenancy Rules", ["That the revised tenancy rules be approved"]),
    ],
    nextMeeting: "2019-09-10",
  });
  const m2 = meeting(PR, "2019-03-12", {
    agenda: [
      agenda("1", "Minutes of the meeting held on 5 February 2019", [1, 4]),
      agenda("2", "Riverside Wetland Restoration Scheme - Funding", [5, 9]),
      agenda("3", "Annual Audit Letter", [10, 20]),
    ],
    minutes: [
      minute("55", "Riverside Wetland Restoration Scheme - Funding", [
        clause("a", "That £1.2 million be allocated for the restoration of the riverside wetland at Mill Reach"),
      ]),
      minute("56", "Annual Audit Letter", [clause(null, "That the Annual Audit Letter be noted")]),
      minute("57", "Date of next meeting"),
    ],
  });
  const m3 = meeting(ENV, "2019-09-10", {
    attendance: {
      chair: "Cllr A. Fenwick",
      present: ["Cllr A. Fenwick", "Cllr B. Ostler", "Councillor Bea Ostler"],
      apologies: [],
      inAttendance: [],
    },
    agenda: [
      agenda("1", "Minutes of the meeting held on 5 March 2019", [1, 3]),
      agenda("2", "Riverside Wetland Restoration: Progress Report", [4, 12]),
      agenda("3", "Car Park Charges Review", [10, 16]),
    ],
    minutes: [
      minute("140", "Car Park Charges Review", [
        clause("a", "That the proposed tariffs be approved"),
        clause("b", "That an update on car park income be provided to the Committee in six months"),
      ]),
    ],
    nextMeeting: "2019-09-08",
  });
  const m4 = meeting(ENV, "2020-06-09", {
    agenda: [
      agenda("1", "Apologies for absence"),
      agenda("2", "Riverside Wetland Restoration Scheme: Annual Review", [3, 9]),
      agenda("3", "Street Tree Planting Programme", [10, 18]),
    ],
    minutes: [
      minute("12", "Street Tree Planting Programme", [
        clause("a", "That the Council be recommended to adopt the Street Tree Planting Programme"),
      ]),
    ],
  });
  return [
    { docId: "nw-env-2019-03", meetingKey: `${ENV}|2019-03-05`, meeting: m1 },
    { docId: "nw-pr-2019-03", meetingKey: `${PR}|2019-03-12`, meeting: m2 },
    { docId: "nw-env-2019-09", meetingKey: `${ENV}|2019-09-10`, meeting: m3 },
    { docId: "nw-env-2020-06", meetingKey: `${ENV}|2020-06-09`, meeting: m4 },
  ];
}

/** The known answers. Items are "<docId> <ref>". */
export const EXPECTED = {
  thread: new Set([
    "nw-env-2019-03 agenda item 3",
    "nw-env-2019-03 minute 103",
    "nw-env-2019-03 report (agenda item 3)",
    "nw-pr-2019-03 agenda item 2",
    "nw-pr-2019-03 minute 55",
    "nw-env-2019-09 agenda item 2",
    "nw-env-2020-06 agenda item 2",
  ]),
  referrals: new Set([
    "nw-env-2019-03 minute 103(b) -> Policy and Resources Committee 2019-03-12 resolved",
    "nw-env-2020-06 minute 12(a) -> Council - stub",
  ]),
  followUps: new Set([
    "nw-env-2019-03 minute 103(c) due 2019-09-30 met by nw-env-2019-09 agenda item 2",
    "nw-env-2019-09 minute 140(b) due 2020-03-10 overdue",
  ]),
  today: "2021-01-01",
};
