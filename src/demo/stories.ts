/**
 * The subjects that return across years and committees, as storylines planned a municipal year at
 * a time: each year's budget strategy, a library review, a road scheme, a home care contract, and
 * routine reports and planning applications. A storyline places report items on future meetings
 * and says which resolutions refer comments to the Cabinet or promise a further report.
 */
import type { Clause } from "../model/parse-v1";
import { longDate, money, nthWeekday } from "../render/format";
import type { ReportProse } from "../render/types";
import type { Rng } from "./prng";
import type { Committee } from "./types";

/** An item a storyline puts on a meeting's agenda, with its report and what the meeting resolves. */
export type Plan = {
  thread: string;
  family: string;
  subject: string;
  title: string;
  reportBy: string;
  /** Officer roles named in the report's "Officers to Contact". */
  officers: string[];
  recommendations: string[];
  /** Resolutions before any referral or promise clause. */
  resolutions: Clause[];
  keyDecision: boolean;
  exempt: number[];
  reasons: string[];
  concerning: string;
  narrative: string[];
  report: ReportProse;
  appendices: string[];
  backgroundPapers: string[];
  /** Comments forwarded to the Cabinet meeting with this id. */
  referTo?: string;
  /** Resolutions (by index) that send the matter on to other meetings, by id. */
  sends?: { clause: number; kind: "for-comment" | "recommendation"; to: string[] }[];
  /** A further report promised to the meeting with this id (null follow-up: the promise is not kept). */
  promise?: { meetingId: string; followUp: Plan | null; about: string };
};

export type Calendar = {
  /** The meeting of this committee in that calendar month. */
  dateIn(key: string, year: number, month: number): string;
  id(key: string, date: string): string;
};

export type Placer = (meetingId: string, plan: Plan) => void;

const c = (label: string | null, text: string, children: Clause[] = []): Clause => ({ label, text, children });
const fy = (y: number) => `${y}/${String((y + 1) % 100).padStart(2, "0")}`;

function plan(p: Partial<Plan> & Pick<Plan, "thread" | "family" | "subject" | "title" | "reportBy">): Plan {
  return {
    officers: [p.reportBy.split(" and ")[0]],
    recommendations: [],
    resolutions: [c(null, "That the report be noted")],
    keyDecision: false,
    exempt: [],
    reasons: [],
    concerning: "",
    narrative: [],
    report: {},
    appendices: [],
    backgroundPapers: [],
    ...p,
  };
}

const SCRUTINY_NOTE =
  "The Committee is asked to consider the report and to make any comments it wishes to the Cabinet.";

/** The budget: draft strategy in December, scrutiny in January, Cabinet and full Council in February. */
export function budgetStory(y: number, cal: Calendar, place: Placer, rng: Rng, base: number): void {
  const title = `Medium Term Financial Strategy ${fy(y + 1)} - ${fy(y + 4)}`;
  const thread = `budget-${y + 1}`;
  const budget = Math.round((base + (y - 2019) * 14.6 + rng.int(0, 90) / 10) * 10) / 10;
  const capital = rng.int(180, 320) / 2;
  const decDate = cal.dateIn("cabinet", y, 12);
  const febCabinet = cal.dateIn("cabinet", y + 1, 2);
  const febCabinetId = cal.id("cabinet", febCabinet);
  const febCouncil = cal.dateIn("county-council", y + 1, 2);
  const febCouncilId = cal.id("county-council", febCouncil);
  const scrutinyBodies = [
    ["adults-health-osc", "Director of Adults and Health"],
    ["environment-transport-osc", "Director of Environment and Transport"],
    ["scrutiny-commission", "Chief Executive"],
  ] as const;
  const januaryIds = scrutinyBodies.map(([key]) => cal.id(key, cal.dateIn(key, y + 1, 1)));
  const common = { thread, family: "budget", subject: "Medium Term Financial Strategy", title };
  const final = plan({
    ...common,
    reportBy: "Director of Corporate Resources",
    officers: ["Director of Corporate Resources", "Head of Strategic Finance"],
    recommendations: [
      `the County Council be recommended to approve a revenue budget for ${fy(y + 1)} totalling £${budget}m`,
      `the County Council be recommended to approve a capital programme for ${fy(y + 1)} of £${capital}m`,
      "the Director of Corporate Resources be authorised to make any final adjustments arising from the Local Government Finance Settlement",
    ],
    resolutions: [
      c(
        "a",
        `That the County Council be recommended to approve the Medium Term Financial Strategy, including a revenue budget for ${fy(y + 1)} totalling £${budget}m`,
      ),
      c("b", `That the County Council be recommended to approve a capital programme for ${fy(y + 1)} of £${capital}m`),
      c(
        "c",
        "That the Director of Corporate Resources, following consultation with the Cabinet Lead Member for Resources, be authorised to make any final adjustments arising from the Local Government Finance Settlement",
      ),
    ],
    keyDecision: true,
    reasons: [
      `To enable the County Council to meet its statutory duty to set a balanced budget and Council Tax for ${fy(y + 1)}.`,
    ],
    sends: [
      { clause: 0, kind: "recommendation", to: [febCouncilId] },
      { clause: 1, kind: "recommendation", to: [febCouncilId] },
    ],
    concerning: "setting out the final proposals for the revenue budget and capital programme",
    narrative: [
      `The Director reported that the draft strategy had been subject to consultation and scrutiny since December, and that the gap in ${fy(y + 3)} remained at ${money(rng.int(8, 30) * 1_000_000 + rng.int(1, 9) * 100_000)}.`,
    ],
    report: {
      purpose: [
        `The purpose of this report is to seek approval of the Medium Term Financial Strategy for ${fy(y + 1)} to ${fy(y + 4)} for recommendation to the County Council.`,
      ],
      resources: [
        `The proposed net revenue budget for ${fy(y + 1)} is £${budget}m, an increase of ${money(rng.int(9, 20) * 1_000_000 + rng.int(1, 9) * 10_000)} on the current year.`,
      ],
      background: [
        "The draft strategy was approved for consultation in December and has been considered by each of the overview and scrutiny bodies.",
      ],
    },
    appendices: ["Appendix A - Revenue Budget", "Appendix B - Growth and Savings", "Appendix C - Capital Programme"],
    backgroundPapers: [`Report to the Cabinet on ${longDate(decDate)} - ${title}`],
  });
  place(
    cal.id("cabinet", decDate),
    plan({
      ...common,
      reportBy: "Director of Corporate Resources",
      officers: ["Director of Corporate Resources", "Head of Strategic Finance"],
      recommendations: [
        "the draft Medium Term Financial Strategy be approved for consultation",
        "the draft strategy be referred to the overview and scrutiny bodies for their comments",
      ],
      resolutions: [
        c("a", "That the draft Medium Term Financial Strategy be approved for consultation"),
        c(
          "b",
          "That the draft strategy be referred to the Scrutiny Commission and the Overview and Scrutiny Committees for comment",
        ),
      ],
      reasons: ["To allow the Council to consult on its budget proposals before the budget is set in February."],
      sends: [{ clause: 1, kind: "for-comment", to: januaryIds }],
      concerning: "setting out the draft strategy for consultation",
      report: {
        purpose: [
          `The purpose of this report is to seek approval of the draft Medium Term Financial Strategy for ${fy(y + 1)} to ${fy(y + 4)} for consultation.`,
        ],
        timetable: [
          `The Cabinet will consider the final proposals on ${longDate(febCabinet)} before the County Council sets the budget in February.`,
        ],
      },
      promise: { meetingId: febCabinetId, followUp: final, about: "following the consultation" },
    }),
  );
  for (const [key, dept] of scrutinyBodies) {
    const date = cal.dateIn(key, y + 1, 1);
    if (!date) continue;
    place(
      cal.id(key, date),
      plan({
        ...common,
        reportBy: `${dept} and Director of Corporate Resources`,
        officers: [dept, "Head of Strategic Finance"],
        recommendations: [SCRUTINY_NOTE],
        resolutions: [c("a", "That the report be noted")],
        concerning: "setting out the draft budget proposals for the services within its remit",
        narrative: [
          `Members asked about the savings proposed for ${fy(y + 2)} and were advised that they would be reviewed once the finance settlement was known.`,
        ],
        referTo: febCabinetId,
      }),
    );
  }
  const rise = rng.pick([2.99, 3.99, 4.99]);
  const bandD = (1380 + (y - 2019) * 61 + rng.int(0, 6000) / 100).toLocaleString("en-GB", {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  place(
    febCouncilId,
    plan({
      ...common,
      reportBy: "Director of Corporate Resources",
      officers: ["Director of Corporate Resources"],
      recommendations: [
        `the revenue budget for ${fy(y + 1)} totalling £${budget}m be approved`,
        `the County Council's Council Tax be increased by ${rise}%`,
      ],
      resolutions: [
        c(
          "a",
          `That the Medium Term Financial Strategy, including a revenue budget for ${fy(y + 1)} totalling £${budget}m, be approved`,
        ),
        c("b", `That the County Council's element of the Council Tax for ${fy(y + 1)} be increased by ${rise}%`),
        c("c", `That the capital programme for ${fy(y + 1)} of £${capital}m be approved`),
        c("d", "That the Council Tax for each band of dwelling be as set out in Appendix D, including", [
          c("i", `a Band D Council Tax of £${bandD}`),
          c("ii", `an adult social care precept of ${rng.pick(["1%", "2%"])}`),
        ]),
      ],
      concerning: "setting out the budget recommended by the Cabinet",
      narrative: [
        "The Leader moved the recommendations of the Cabinet, which were seconded and carried following a debate.",
      ],
      backgroundPapers: [`Report to the Cabinet on ${longDate(febCabinet)} - ${title}`],
    }),
  );
}

/** A review of the library service: consultation, scrutiny, decision with a fund, progress report. */
export function libraryStory(y: number, cal: Calendar, place: Placer, rng: Rng, cycle: number): void {
  const thread = `library-review-${y}`;
  const common = {
    thread,
    family: "library",
    subject: "Library Service Review",
    reportBy: "Director of Communities and Place",
  };
  const officers = ["Director of Communities and Place", "Head of Libraries, Heritage and Learning"];
  const branches = rng.int(6, 14);
  const fund = rng.pick([500_000, 750_000, 900_000]);
  const june = cal.dateIn("cabinet", y, 6);
  const october = cal.dateIn("cabinet", y, 10);
  const octId = cal.id("cabinet", october);
  const nextJune = cal.dateIn("cabinet", y + 1, 6);
  const progress = plan({
    ...common,
    title: "Community Managed Libraries - Progress Report",
    officers,
    recommendations: [
      "It is recommended that the Cabinet notes the progress made by community groups running branch libraries.",
    ],
    resolutions: [c(null, "That the progress made by community groups running branch libraries be noted")],
    concerning: "on the first months of community managed libraries",
    backgroundPapers: [
      `Report to the Cabinet on ${longDate(october)} - Library Service Review - Outcome of Consultation`,
    ],
  });
  const outcome = plan({
    ...common,
    title: "Library Service Review - Outcome of Consultation",
    officers,
    recommendations: [
      "the outcome of the consultation be noted",
      `a community library support fund of ${money(fund)} be established`,
      "the Director of Communities and Place be authorised to agree the terms of transfer of each branch library",
    ],
    resolutions: [
      c("a", "That the outcome of the consultation on the future of the library service be noted"),
      c(
        "b",
        `That a community library support fund of ${money(fund)} be established to support community groups taking on the running of ${branches} branch libraries`,
      ),
      c(
        "c",
        "That the Director of Communities and Place, following consultation with the Cabinet Lead Member for Communities, be authorised to agree the terms of transfer of each branch library",
      ),
    ],
    keyDecision: true,
    reasons: [
      "To secure a sustainable library service within the resources available.",
      "The consultation showed strong support for keeping branch libraries open with community involvement.",
    ],
    concerning: "setting out the outcome of the public consultation on the future of the library service",
    narrative: [
      `Members noted that ${rng.int(2400, 6800).toLocaleString("en-GB")} responses had been received to the consultation.`,
    ],
    report: {
      purpose: [
        "The purpose of this report is to advise the Cabinet of the outcome of the consultation and to seek approval of the future model of the library service.",
      ],
      resources: [`The support fund of ${money(fund)} will be met from the Communities earmarked reserve.`],
    },
    appendices: ["Appendix A - Summary of Consultation Responses", "Appendix B - Equality Impact Assessment"],
    backgroundPapers: [
      `Report to the Cabinet on ${longDate(june)} - Future Strategy for the Library Service - Proposals for Consultation`,
    ],
    promise: rng.chance(0.85)
      ? {
          meetingId: cal.id("cabinet", nextJune),
          followUp: progress,
          about: "on the operation of community managed libraries",
        }
      : {
          meetingId: cal.id("cabinet", nextJune),
          followUp: null,
          about: "on the operation of community managed libraries",
        },
  });
  place(
    cal.id("cabinet", june),
    plan({
      ...common,
      title:
        cycle === 0
          ? "Future Strategy for the Library Service - Proposals for Consultation"
          : `Library Service Review ${y} - Proposals for Consultation`,
      officers,
      recommendations: [
        "the proposals for the future delivery of the library service be approved for public consultation",
      ],
      resolutions: [
        c(
          "a",
          "That the proposals for the future delivery of the library service set out in the report be approved for public consultation",
        ),
      ],
      concerning: "proposing changes to the delivery of the library service",
      report: {
        purpose: [
          "The purpose of this report is to seek approval to consult on the future delivery of the library service.",
        ],
      },
      promise: { meetingId: octId, followUp: outcome, about: "on the outcome of the consultation" },
    }),
  );
  const sep = cal.dateIn("scrutiny-commission", y, 9);
  place(
    cal.id("scrutiny-commission", sep),
    plan({
      ...common,
      title: "Library Service Review - Consultation",
      officers,
      recommendations: [SCRUTINY_NOTE],
      resolutions: [c("a", "That the report be noted")],
      concerning: "on the consultation on the future of the library service",
      narrative: ["Members stressed the importance of mobile library provision for rural villages."],
      referTo: octId,
    }),
  );
  const nov = cal.dateIn("scrutiny-commission", y + 2, 11);
  place(
    cal.id("scrutiny-commission", nov),
    plan({ ...common, title: "Library Service Review - Two Years On", officers, recommendations: [SCRUTINY_NOTE] }),
  );
}

const SCHEMES = [
  "Brambury Northern Relief Road",
  "Wrenbridge Station Interchange",
  "Okeby Southern Bypass",
  "Fennick Valley Link Road",
  "Market Lindley Town Centre Improvements",
];

/** A transport scheme: business case, scrutiny, planning consent, approval to proceed, exempt contract award. */
export function transportStory(y: number, cal: Calendar, place: Placer, rng: Rng, cycle: number): void {
  const scheme = SCHEMES[cycle % SCHEMES.length];
  const thread = `transport-${y}`;
  const common = { thread, family: "transport", subject: scheme, reportBy: "Director of Environment and Transport" };
  const officers = ["Director of Environment and Transport", "Head of Major Transport Schemes"];
  const design = rng.pick([1_850_000, 2_850_000, 3_400_000]);
  const total = rng.int(180, 640) / 10;
  const sep = cal.dateIn("cabinet", y, 9);
  const sepId = cal.id("cabinet", sep);
  const july = cal.dateIn("cabinet", y + 1, 7);
  const march = cal.dateIn("cabinet", y + 2, 3);
  const award = plan({
    ...common,
    title: `${scheme} - Award of Construction Contract`,
    officers,
    resolutions: [
      c("a", "That the construction contract be awarded to the preferred bidder identified in the exempt report"),
      c("b", "That the Director of Law and Governance be authorised to complete the contract"),
    ],
    keyDecision: true,
    exempt: [3],
    reasons: ["The preferred bidder offered the most economically advantageous tender."],
    concerning: "on the outcome of the tender for the construction contract",
  });
  const proceed = plan({
    ...common,
    title: `${scheme} - Approval to Proceed and Compulsory Purchase Order`,
    officers,
    recommendations: [
      `the total scheme cost of £${total}m be approved`,
      "the making of a Compulsory Purchase Order for the land required be approved",
    ],
    resolutions: [
      c("a", `That the total scheme cost of £${total}m be approved and added to the capital programme`),
      c("b", "That the making of a Compulsory Purchase Order for the land required for the scheme be approved"),
    ],
    keyDecision: true,
    reasons: ["Planning permission has been granted and the land is needed to deliver the scheme on time."],
    concerning: "seeking approval to proceed with the scheme",
    backgroundPapers: [`Report to the Cabinet on ${longDate(sep)} - ${scheme} - Business Case and Preferred Route`],
    promise: {
      meetingId: cal.id("cabinet", march),
      followUp: award,
      about: "on the award of the construction contract",
    },
  });
  place(
    sepId,
    plan({
      ...common,
      title: `${scheme} - Business Case and Preferred Route`,
      officers,
      recommendations: [
        "the preferred route shown in Appendix A be approved",
        `${money(design)} be allocated from the capital programme for detailed design and the planning application`,
      ],
      resolutions: [
        c("a", "That the preferred route shown in Appendix A to the report be approved"),
        c(
          "b",
          `That ${money(design)} be allocated from the capital programme to progress the detailed design and the planning application`,
        ),
      ],
      keyDecision: true,
      reasons: ["The preferred route offers the greatest benefit to journey times at the lowest environmental impact."],
      concerning: `setting out the business case for the ${scheme}`,
      report: { resources: [`Detailed design and the planning application are estimated to cost ${money(design)}.`] },
      appendices: ["Appendix A - Preferred Route Plan", "Appendix B - Outline Business Case"],
      promise: rng.chance(0.85)
        ? { meetingId: cal.id("cabinet", july), followUp: proceed, about: "seeking approval to proceed" }
        : { meetingId: cal.id("cabinet", july), followUp: null, about: "seeking approval to proceed" },
    }),
  );
  const osc = cal.dateIn("environment-transport-osc", y, 9);
  place(
    cal.id("environment-transport-osc", osc),
    plan({
      ...common,
      title: `${scheme} - Business Case`,
      officers,
      recommendations: [SCRUTINY_NOTE],
      resolutions: [c("a", "That the report be noted")],
      narrative: ["Members asked how local residents would be kept informed during construction."],
      referTo: sepId,
    }),
  );
  const mar = cal.dateIn("planning", y + 1, 3);
  place(
    cal.id("planning", mar),
    plan({
      ...common,
      title: `Application No. ${y + 1}/${String(rng.int(100, 999)).padStart(4, "0")}/CM - Construction of the ${scheme}`,
      recommendations: [
        "It is recommended that planning permission be granted subject to the conditions set out in Appendix A.",
      ],
      resolutions: [
        c(null, "That planning permission be granted subject to the conditions set out in Appendix A to the report"),
      ],
      concerning: "on the County Council's own application for the scheme",
      appendices: ["Appendix A - Recommended Conditions"],
    }),
  );
}

/** A home care contract: scrutiny and Cabinet approve the procurement, exempt award, scrutiny update. */
export function careStory(y: number, cal: Calendar, place: Placer, rng: Rng): void {
  const thread = `home-care-${y}`;
  const common = { thread, family: "care", subject: "Home Care Services", reportBy: "Director of Adults and Health" };
  const officers = ["Director of Adults and Health", "Assistant Director (Commissioning and Quality)"];
  const value = rng.int(250, 620) / 10;
  const july = cal.dateIn("cabinet", y, 7);
  const julyId = cal.id("cabinet", july);
  const march = cal.dateIn("cabinet", y + 1, 3);
  const award = plan({
    ...common,
    title: "Home Care Services - Award of Contracts",
    officers,
    resolutions: [
      c("a", "That contracts for home care services be awarded to the providers identified in the exempt report"),
      c(
        "b",
        "That the Director of Adults and Health be authorised to agree transitional arrangements with outgoing providers",
      ),
    ],
    keyDecision: true,
    exempt: rng.chance(0.5) ? [3] : [3, 5],
    reasons: ["The recommended providers offered the best combination of quality and price."],
    concerning: "on the outcome of the procurement of home care services",
  });
  place(
    julyId,
    plan({
      ...common,
      title: "Recommissioning of Home Care Services",
      officers,
      recommendations: [
        "the proposed model for home care services be approved",
        `a procurement exercise for contracts with an estimated value of £${value}m over five years be approved`,
      ],
      resolutions: [
        c("a", "That the proposed model for home care services set out in the report be approved"),
        c(
          "b",
          `That the Director of Adults and Health be authorised to undertake a procurement exercise for contracts with an estimated value of £${value}m over five years`,
        ),
      ],
      keyDecision: true,
      reasons: ["The current contracts expire and a new model is needed to meet rising demand."],
      concerning: "on the recommissioning of home care services",
      appendices: ["Appendix A - Proposed Service Model"],
      promise: { meetingId: cal.id("cabinet", march), followUp: award, about: "on the outcome of the procurement" },
    }),
  );
  const june = cal.dateIn("adults-health-osc", y, 6);
  place(
    cal.id("adults-health-osc", june),
    plan({
      ...common,
      title: "Recommissioning of Home Care Services",
      officers,
      recommendations: [SCRUTINY_NOTE],
      resolutions: [c("a", "That the report be noted")],
      narrative: ["Members emphasised the need to pay care workers for travel time between visits."],
      referTo: julyId,
    }),
  );
  const nov = cal.dateIn("adults-health-osc", y + 1, 11);
  place(
    cal.id("adults-health-osc", nov),
    plan({
      ...common,
      title: "Home Care Services - Update on Mobilisation",
      officers,
      recommendations: [SCRUTINY_NOTE],
    }),
  );
}

type Routine = { key: string; title: (y: number) => string; reportBy: string; note?: string };

const ROUTINE: Record<string, Routine[]> = {
  cabinet: [
    {
      key: "treasury",
      title: (y) => `Treasury Management Annual Report ${fy(y - 1)}`,
      reportBy: "Director of Corporate Resources",
    },
    {
      key: "complaints",
      title: (y) => `Corporate Complaints and Compliments Annual Report ${fy(y - 1)}`,
      reportBy: "Director of Law and Governance",
    },
    {
      key: "highways",
      title: (y) => `Highways Capital Programme ${fy(y + 1)}`,
      reportBy: "Director of Environment and Transport",
    },
    {
      key: "sufficiency",
      title: () => "Children's Social Care Placement Sufficiency Strategy",
      reportBy: "Director of Children and Families",
    },
    { key: "delivery", title: (y) => `Annual Delivery Report ${y}`, reportBy: "Chief Executive" },
    {
      key: "public-health",
      title: (y) => `Annual Report of the Director of Public Health ${y}`,
      reportBy: "Director of Public Health",
    },
  ],
  scrutiny: [
    {
      key: "performance",
      title: (y) => `Performance Report ${fy(y)} - Position at Quarter 2`,
      reportBy: "Chief Executive",
    },
    { key: "risk", title: () => "Corporate Risk Register Update", reportBy: "Director of Corporate Resources" },
    {
      key: "local-account",
      title: (y) => `Annual Local Account ${fy(y - 1)}`,
      reportBy: "Director of Adults and Health",
    },
    { key: "flood", title: () => "Flood Risk Management Update", reportBy: "Director of Environment and Transport" },
  ],
  council: [
    {
      key: "scrutiny-annual",
      title: (y) => `Annual Report of the Scrutiny Commission ${fy(y - 1)}`,
      reportBy: "Director of Law and Governance",
    },
    { key: "constitution", title: () => "Changes to the Constitution", reportBy: "Director of Law and Governance" },
  ],
};

const SITES = [
  "Fennick Quarry",
  "Kirkby Marrow Landfill",
  "Okeby Primary School",
  "Sedgecombe Depot",
  "Little Ashwell Sand Pit",
  "Upper Caldwick Recycling Centre",
];
const WORKS = [
  "Extension of sand and gravel extraction",
  "Erection of a two-classroom extension",
  "Variation of condition 4 to extend operating hours",
  "Installation of a solar array",
  "Construction of a household waste transfer station",
];

/** One or two routine reports for a meeting; a planning committee gets applications instead. */
export function routinePlans(cm: Committee, y: number, date: string, rng: Rng, count: number): Plan[] {
  const out: Plan[] = [];
  if (cm.kind === "planning") {
    for (let i = 0; i < count; i++) {
      const site = rng.pick(SITES);
      const refuse = rng.chance(0.2);
      out.push(
        plan({
          thread: `planning-${date}-${i}`,
          family: "planning",
          subject: site,
          title: `Application No. ${date.slice(0, 4)}/${String(rng.int(1, 999)).padStart(4, "0")}/${String(rng.int(1, 12)).padStart(2, "0")} - ${rng.pick(WORKS)} at ${site}`,
          reportBy: "Director of Environment and Transport",
          officers: ["Director of Environment and Transport", "Planning Manager"],
          recommendations: [
            `It is recommended that planning permission be ${refuse ? "refused for the reasons set out in the report" : "granted subject to the conditions set out in Appendix A"}.`,
          ],
          resolutions: [
            c(
              null,
              refuse
                ? "That planning permission be refused for the reasons set out in the report"
                : "That planning permission be granted subject to the conditions set out in Appendix A to the report",
            ),
          ],
          narrative: [`The Committee heard representations from ${rng.int(1, 4)} objectors and from the applicant.`],
          appendices: refuse ? [] : ["Appendix A - Recommended Conditions"],
        }),
      );
    }
    return out;
  }
  const pool = ROUTINE[cm.kind] ?? [];
  for (const r of rng.sample(pool, count)) {
    const title = r.title(y);
    const note = rng.chance(0.5);
    out.push(
      plan({
        thread: `${cm.key}-${r.key}`,
        family: "routine",
        subject: r.key,
        title,
        reportBy: r.reportBy,
        officers: [r.reportBy],
        recommendations: [
          `It is recommended that the ${cm.kind === "cabinet" ? "Cabinet" : cm.kind === "council" ? "Council" : "Committee"} notes the contents of the report.`,
        ],
        resolutions: note
          ? [c(null, "That the report be noted")]
          : [c("a", "That the report be noted"), c("b", `That the ${r.reportBy} be thanked for the report`)],
        concerning: `presenting the ${title}`,
      }),
    );
  }
  return out;
}

/** The meeting of a committee in a given calendar month (its usual weekday and week). */
export function committeeDate(cm: Committee, year: number, month: number): string {
  const d = nthWeekday(year, month, cm.weekday, cm.week);
  const day = Number(d.slice(8));
  // No meetings over Christmas or on New Year's Day and the days after it.
  if (month === 12 && day > 20) return nthWeekday(year, month, cm.weekday, cm.week - 2);
  if (month === 1 && day <= 4) return nthWeekday(year, month, cm.weekday, cm.week + 1);
  return d;
}
