/**
 * The demo council's prose: what members said in debate and the body paragraphs of officer
 * reports, chosen by subject family from invented wording so minutes and reports read like the
 * genre (and give search, topics and money extraction something to work on). Pure.
 */
import { longDate, money } from "../render/format";
import type { ReportProse } from "../render/types";
import type { Rng } from "./prng";
import type { Plan } from "./stories";

type QA = [question: string, answer: string];

const QUESTIONS: Record<string, QA[]> = {
  budget: [
    [
      "asked how the savings proposed for adult social care would affect front-line services",
      "the savings came mainly from reviewing contracts and reducing the use of agency staff",
    ],
    [
      "questioned the level of the general fund reserve",
      "the reserve was at the minimum level recommended by the Director of Corporate Resources and would be reviewed each year",
    ],
    [
      "asked whether the Council would lobby the Government for fairer funding",
      "the Leader had written to the Secretary of State and would continue to press the case",
    ],
    [
      "asked about the cost of inflation on the capital programme",
      "an inflation contingency of £1.5m had been built into the programme",
    ],
  ],
  library: [
    [
      "asked what support volunteers would receive",
      "each community group would have a named officer, training and access to the library management system",
    ],
    [
      "raised concerns about opening hours in market towns",
      "the core libraries in Hollowfield and Castle Brambury would keep their current opening hours",
    ],
    ["asked whether any branch library might close", "no closures were proposed where a community group came forward"],
  ],
  transport: [
    [
      "asked how traffic would be managed during construction",
      "a traffic management plan would be agreed with the district councils and published before work began",
    ],
    [
      "asked about the impact on the ancient woodland near the route",
      "the preferred route avoided the woodland and included new planting at a ratio of three trees for every one lost",
    ],
    ["questioned the risk of cost overruns", "a risk allowance of fifteen per cent had been included in the estimate"],
  ],
  care: [
    ["asked how many people received home care", "around 2,400 people received home care each week across the county"],
    [
      "asked how the Council would ensure continuity of care for existing clients",
      "providers would be required to offer employment to care workers transferring between contracts",
    ],
    [
      "raised the difficulty of recruiting care workers in rural areas",
      "the new contracts included an enhanced rate for rural visits",
    ],
  ],
  planning: [
    [
      "asked about the hours of operation",
      "the conditions limited operations to 7.00 am to 6.00 pm on weekdays and 7.00 am to 1.00 pm on Saturdays",
    ],
    [
      "raised concerns about lorry movements through the village",
      "a routeing agreement would keep heavy vehicles off the village roads",
    ],
  ],
  routine: [
    [
      "asked how the Council's performance compared with similar councils",
      "performance was in the top quarter for most of the measures reported",
    ],
    [
      "asked for more detail on the figures in the appendix",
      "a breakdown by service would be circulated to members after the meeting",
    ],
    ["asked about the timetable for the next review", "the next review would be reported in twelve months' time"],
  ],
};

/** One or two paragraphs of debate: a member asks, an officer or lead member answers. */
export function discussion(family: string, speakers: readonly string[], rng: Rng): string[] {
  const pool = QUESTIONS[family] ?? QUESTIONS.routine;
  const out: string[] = [];
  const asked = rng.sample(pool, rng.int(1, 2));
  asked.forEach(([q, a], i) => {
    const who = speakers[i % Math.max(1, speakers.length)] ?? "A member";
    const answerer = rng.pick(["the Director", "the Cabinet Lead Member", "officers"]);
    out.push(`${who} ${q}. In response, ${answerer} advised that ${a}.`);
  });
  if (family !== "planning" && rng.chance(0.35)) {
    out.push("Arising from discussion the following points were noted:-");
    out.push(
      "(i) Members welcomed the clear presentation of the report and the engagement with local communities;",
      `(ii) The importance of monitoring the effect of the proposals on vulnerable residents was emphasised, and officers undertook to report back if concerns arose.`,
    );
  }
  return out;
}

/** Fills the sections a storyline left empty, in the voice of the report's subject. */
export function reportBody(p: Plan, body: string, date: string, rng: Rng): ReportProse {
  const r = { ...p.report };
  const noun = /^cabinet$/i.test(body) ? "Cabinet" : /council$/i.test(body) ? "Council" : "Committee";
  r.purpose ??= [`The purpose of this report is to present the ${p.title} to the ${noun}.`];
  r.policy ??= [
    rng.pick([
      "The Council's Strategic Plan sets out its ambition for safe, healthy and thriving communities.",
      "The proposals are consistent with the Medium Term Financial Strategy approved by the County Council in February.",
      "The Council's Constitution requires this matter to be reported to members each year.",
    ]),
  ];
  if (noun === "Cabinet")
    r.reasons ??= [
      "The recommendations will allow the Council to meet its statutory duties and to deliver the priorities in its Strategic Plan.",
    ];
  r.background ??= [];
  const history = p.backgroundPapers.map((b) =>
    b.replace(/^Report to the (\w+) on (.+?) - (.+)$/, "On $2 the $1 considered a report on $3."),
  );
  r.background = [
    ...r.background,
    ...history.filter((h) => h.startsWith("On ")),
    rng.pick([
      `Officers have worked with partners and service users in preparing this report, which reflects the position at ${longDate(date)}.`,
      "The report draws on performance information, feedback from service users and comparisons with similar councils.",
      "This report builds on the work described in previous reports to members and sets out the next steps.",
    ]),
  ];
  r.resources ??= [
    rng.chance(0.5)
      ? "There are no additional resource implications arising from this report."
      : `The costs, estimated at ${money(rng.int(2, 90) * 10_000)}, will be met from existing budgets.`,
  ];
  r.equality ??= [
    rng.pick([
      "An Equality Impact Assessment has been undertaken and is available from the officer named below.",
      "There are no equality or human rights implications arising from this report.",
    ]),
  ];
  return r;
}
