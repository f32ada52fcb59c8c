/**
 * Generates the demo council: N meetings in date order across its committees, each a parse/v1
 * Meeting record with prose for rendering, plus the ground truth of threads, referrals and
 * follow-ups. Deterministic from the seed; pure (no I/O, no clock, no Math.random).
 */
import type { AgendaItem, Clause, Declaration, Meeting, Member, Minute, Officer, Report } from "../model/parse-v1";
import { bodyNoun } from "../render/compose";
import { longDate, monthYear } from "../render/format";
import type { MeetingProse, RenderStyle } from "../render/types";
import { makeCouncil, Officers } from "./council";
import { Rng } from "./prng";
import { discussion, reportBody } from "./prose";
import {
  budgetStory,
  type Calendar,
  careStory,
  committeeDate,
  libraryStory,
  type Plan,
  routinePlans,
  transportStory,
} from "./stories";
import type {
  Committee,
  Council,
  Councillor,
  DemoCouncil,
  DemoMeeting,
  DemoTruth,
  FollowUp,
  Referral,
  Thread,
} from "./types";

export const FIRST_YEAR = 2019;

const SPAN0 = { startLine: 1, endLine: 1, page: null };

type Item = { title: string; minute: string | null; plan?: Plan; prose?: string };

const INTERESTS = [
  "Personal Interest",
  "Disclosable Pecuniary Interest",
  "Other Registerable Interest",
  "Personal Interest which might lead to bias",
];

export type GenerateOptions = { meetings: number; seed?: string };

export function generateCouncil(opts: GenerateOptions): DemoCouncil {
  const seed = opts.seed ?? "minutebook";
  const council = makeCouncil(seed);
  const officers = new Officers(seed, council.domain);
  const byKey = new Map(council.committees.map((c) => [c.key, c]));
  const cal: Calendar = {
    dateIn: (key, year, month) => {
      const cm = byKey.get(key)!;
      if (!cm.months.includes(month)) throw new Error(`${key} does not meet in month ${month}`);
      return committeeDate(cm, year, month);
    },
    id: (key, date) => `${key}-${date}`,
  };
  const planned = new Map<string, Plan[]>();
  const place = (id: string, p: Plan) => planned.set(id, [...(planned.get(id) ?? []), p]);

  const meetings: DemoMeeting[] = [];
  const lastOf = new Map<string, DemoMeeting>();
  const threads = new Map<string, Thread>();
  const referrals: Referral[] = [];
  const followUps: FollowUp[] = [];
  /** Referrals and follow-ups waiting for the meeting they name. */
  const pendingRefs = new Map<string, Referral[]>();
  const pendingFollow = new Map<string, { f: FollowUp; plan: Plan }[]>();
  const minuteCounter = new Map<string, number>();

  for (let y = FIRST_YEAR; meetings.length < opts.meetings; y++) {
    const rng = new Rng(`year|${seed}|${y}`);
    const k = y - FIRST_YEAR;
    budgetStory(y, cal, place, rng.fork("budget"), 380);
    if (k % 5 === 0) libraryStory(y, cal, place, rng.fork("library"), k / 5);
    if (k % 6 === 1) transportStory(y, cal, place, rng.fork("transport"), Math.floor(k / 6));
    if (k % 4 === 2) careStory(y, cal, place, rng.fork("care"));
    const slots: { cm: Committee; date: string }[] = [];
    for (const cm of council.committees)
      for (const m of cm.months) slots.push({ cm, date: committeeDate(cm, m >= 5 ? y : y + 1, m) });
    slots.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    for (const { cm, date } of slots) {
      if (meetings.length >= opts.meetings) break;
      const id = cal.id(cm.key, date);
      const mrng = new Rng(`meeting|${seed}|${id}`);
      if (!minuteCounter.has(`${cm.key}|${y}`)) minuteCounter.set(`${cm.key}|${y}`, 1 + mrng.int(0, 4) * 10);
      const prev = lastOf.get(cm.key) ?? null;
      const members = membership(council, cm, y, seed);
      const contact = officers.contact(cm.body, y);
      // Agenda: procedural head, planned and routine reports, tail.
      const plans = [...(planned.get(id) ?? [])];
      planned.delete(id);
      for (const w of pendingFollow.get(id) ?? []) if (!plans.includes(w.plan)) plans.push(w.plan);
      const routine =
        cm.kind === "planning" ? mrng.int(2, 4) : mrng.int(plans.length ? 0 : 1, plans.length > 1 ? 1 : 2);
      plans.push(...routinePlans(cm, y, date, mrng, routine));
      const publicPlans = plans.filter((p) => !p.exempt.length);
      const exemptPlans = plans.filter((p) => p.exempt.length);
      const items: Item[] = [];
      if (prev)
        items.push({
          title: `Minutes of the meeting held on ${longDate(prev.doc.record.date!)}`,
          minute: "Minutes of the previous meeting",
        });
      for (const [title, minute, prose] of headItems(cm)) items.push({ title, minute, prose });
      for (const p of publicPlans) items.push({ title: p.title, minute: p.title, plan: p });
      if (cm.kind === "cabinet")
        items.push({
          title: "Items referred from Overview and Scrutiny",
          minute: "Items referred from Overview and Scrutiny",
        });
      const nextDate = nextMeetingDate(cm, date);
      if (cm.kind === "scrutiny" || cm.kind === "planning")
        items.push({ title: "Date of next meeting", minute: "Date of next meeting" });
      items.push({ title: "Any other items which the Chairman has decided to take as urgent", minute: null });
      if (exemptPlans.length) {
        items.push({ title: "Exclusion of the Press and Public", minute: "Exclusion of the Press and Public" });
        for (const p of exemptPlans) items.push({ title: p.title, minute: p.title, plan: p });
      }
      const agenda: AgendaItem[] = items.map((it, i) => ({
        number: String(i + 1),
        title: it.title,
        reportBy: it.plan?.reportBy ?? null,
        pages: null,
        span: SPAN0,
      }));
      const reports: Report[] = [];
      for (const [i, it] of items.entries()) {
        const p = it.plan;
        if (!p || p.exempt.length) continue;
        reports.push({
          agendaItem: String(i + 1),
          title: p.title,
          author: p.reportBy,
          recommendations: p.recommendations,
          officers: p.officers.map((role): Officer => ({ ...officers.get(role, y) })),
          appendices: p.appendices,
          backgroundPapers: p.backgroundPapers,
          span: SPAN0,
        });
      }
      // Attendance.
      const chair = members[0];
      const absent = new Set(
        mrng.sample(members.slice(1), mrng.int(0, Math.min(2, members.length - 1))).map((m) => m.name),
      );
      const present = members.filter((m) => !absent.has(m.name)).map((m) => m.name);
      const others = council.councillors.filter((c) => !members.some((m) => m.name === c.name));
      const lead = cm.kind === "scrutiny" ? leadMember(council, cm, y, seed) : null;
      const inAttendance =
        cm.kind === "council"
          ? []
          : [
              ...(lead ? [lead.councillor.name] : []),
              ...mrng
                .sample(others, mrng.int(0, 2))
                .map((c) => c.name)
                .filter((n) => n !== lead?.councillor.name),
            ];
      // Minutes.
      const prose: MeetingProse = { minutes: {}, reports: {}, exemptItems: {} };
      items.forEach((it, i) => {
        if (it.plan?.exempt.length) prose.exemptItems![String(i + 1)] = it.plan.exempt;
      });
      const minutes: Minute[] = [];
      const exemptAll = [...new Set(exemptPlans.flatMap((p) => p.exempt))].sort((a, b) => a - b);
      const counterKey = `${cm.key}|${y}`;
      const refsHere = pendingRefs.get(id) ?? [];
      pendingRefs.delete(id);
      const followHere = pendingFollow.get(id) ?? [];
      pendingFollow.delete(id);
      for (const [i, it] of items.entries()) {
        if (!it.minute) continue;
        const number = String(minuteCounter.get(counterKey)!);
        minuteCounter.set(counterKey, Number(number) + 1);
        const agendaItem = String(i + 1);
        const p = it.plan;
        const minute: Minute = {
          number,
          agendaItem,
          title: it.minute,
          declarations: [],
          resolutions: [],
          keyDecision: p ? p.keyDecision : null,
          reasons: cm.kind === "cabinet" && p ? p.reasons : [],
          exemptParagraphs: p ? p.exempt : it.title.startsWith("Exclusion") ? exemptAll : [],
          span: SPAN0,
        };
        if (cm.kind !== "cabinet" && minute.keyDecision === false) minute.keyDecision = null;
        const mp: { narrative: string[]; concerning?: string; capacities?: string[] } = { narrative: [] };
        if (it.prose) mp.narrative.push(it.prose);
        if (it.title.startsWith("Exclusion")) {
          minute.resolutions = [
            {
              label: null,
              text: `That under Section 100A(4) of the Local Government Act 1972 the public be excluded for the remaining item${exemptPlans.length > 1 ? "s" : ""} of business on the grounds that ${exemptPlans.length > 1 ? "they involve" : "it involves"} the likely disclosure of exempt information as defined in ${exemptAll.length > 1 ? "Paragraphs" : "Paragraph"} ${exemptAll.join(" and ")} of Part 1 of Schedule 12A of the Act`,
              children: [],
            },
          ];
        }
        if (it.minute === "Declarations of interest") {
          const candidates = reports.map((r) => r.agendaItem!);
          if (candidates.length && mrng.chance(0.35)) {
            const who = mrng.sample(present, mrng.int(1, 2));
            const item = mrng.pick(candidates);
            const caps: string[] = [];
            minute.declarations = who.map((name): Declaration => {
              caps.push(
                mrng.pick([
                  `as a member of ${mrng.pick(council.towns)} Town Council`,
                  `as a governor of ${mrng.pick(council.towns)} Academy`,
                  "as a close relative was employed by one of the providers named in the report",
                  "as a local landowner",
                ]),
              );
              // Minutes often name the member in short ("Mr. Bellamy CC"); the record keeps what is printed.
              const short = council.councillors.find((c) => c.name === name)?.short;
              return { member: short && mrng.chance(0.4) ? short : name, interest: mrng.pick(INTERESTS), item };
            });
            mp.capacities = caps;
          }
        }
        if (p) {
          mp.concerning = p.concerning || undefined;
          mp.narrative.push(...p.narrative);
          const speakers = mrng
            .sample(
              present.filter((n) => n !== chair.name),
              2,
            )
            .map((n) => council.councillors.find((c) => c.name === n)?.short ?? n);
          mp.narrative.push(...discussion(p.family, speakers, mrng));
          const clauses = p.resolutions.map((c) => ({ ...c, children: [...c.children] }));
          const extra: { kind: "refer" | "promise"; text: string }[] = [];
          if (p.referTo) {
            const target = p.referTo;
            const tdate = target.slice(-10);
            extra.push({
              kind: "refer",
              text: `That the comments of the ${bodyNoun(cm.body)} be forwarded to the Cabinet for consideration at its meeting on ${longDate(tdate)}`,
            });
          }
          if (p.promise) {
            const tdate = p.promise.meetingId.slice(-10);
            extra.push({
              kind: "promise",
              text: `That a further report be submitted to the Cabinet in ${monthYear(tdate)} ${p.promise.about}`,
            });
          }
          const all = [...clauses, ...extra.map((e) => ({ label: null, text: e.text, children: [] }) as Clause)];
          if (all.length > 1)
            all.forEach((c, j) => {
              c.label = String.fromCharCode(97 + j);
            });
          minute.resolutions = all;
          for (const e of extra) {
            const clause = all.find((c) => c.text === e.text)!;
            const from = { meetingId: id, body: cm.body, date, minute: number, clause: clause.label };
            if (e.kind === "refer") {
              const tdate = p.referTo!.slice(-10);
              const r: Referral = {
                kind: "comments",
                from,
                text: e.text,
                to: { meetingId: p.referTo!, body: "Cabinet", date: tdate, agendaItem: null, minute: null },
                thread: p.thread,
              };
              referrals.push(r);
              pendingRefs.set(p.referTo!, [...(pendingRefs.get(p.referTo!) ?? []), r]);
            } else {
              const target = p.promise!.meetingId;
              const f: FollowUp = {
                promise: from,
                text: e.text,
                due: target.slice(-10, -3),
                body: "Cabinet",
                thread: p.thread,
                met: null,
                status: "pending",
              };
              followUps.push(f);
              if (p.promise!.followUp)
                pendingFollow.set(target, [...(pendingFollow.get(target) ?? []), { f, plan: p.promise!.followUp }]);
            }
          }
          for (const send of p.sends ?? []) {
            const clause = all[send.clause];
            for (const target of send.to) {
              const r: Referral = {
                kind: send.kind,
                from: { meetingId: id, body: cm.body, date, minute: number, clause: clause.label },
                text: clause.text,
                to: {
                  meetingId: target,
                  body: byKey.get(target.slice(0, -11))!.body,
                  date: target.slice(-10),
                  agendaItem: null,
                  minute: null,
                },
                thread: p.thread,
              };
              referrals.push(r);
              pendingRefs.set(target, [...(pendingRefs.get(target) ?? []), r]);
            }
          }
          // Referrals and follow-ups this item answers.
          for (const r of refsHere.filter((r) => r.thread === p.thread && !r.to.agendaItem)) {
            r.to.agendaItem = agendaItem;
            r.to.minute = number;
            if (r.kind === "for-comment")
              mp.narrative.unshift(
                `The ${r.from.body} had referred the proposals to the ${bodyNoun(cm.body)} for comment at its meeting on ${longDate(r.from.date)}.`,
              );
            if (r.kind === "comments")
              mp.narrative.push(
                `The ${bodyNoun(cm.body)} noted the comments of the ${r.from.body} made at its meeting on ${longDate(r.from.date)}, a copy of which is filed with these minutes.`,
              );
          }
          for (const w of followHere.filter((w) => w.plan === p)) w.f.met = { meetingId: id, date, agendaItem };
          const t = threads.get(p.thread) ?? { key: p.thread, family: p.family, subject: p.subject, occurrences: [] };
          t.occurrences.push({ meetingId: id, body: cm.body, date, agendaItem, minute: number, title: p.title });
          threads.set(p.thread, t);
          prose.reports![agendaItem] = reportBody(p, cm.body, date, mrng);
        }
        if (it.minute === "Items referred from Overview and Scrutiny") {
          for (const r of refsHere.filter((r) => r.kind === "comments" && !r.to.agendaItem)) {
            r.to.agendaItem = agendaItem;
            r.to.minute = number;
            mp.narrative.push(
              `The Cabinet noted the comments of the ${r.from.body} made at its meeting on ${longDate(r.from.date)}.`,
            );
          }
        }
        prose.minutes![number] = mp;
        minutes.push(minute);
      }
      if (lead) {
        const refs = minutes.filter((x) => items[Number(x.agendaItem) - 1]?.plan).map((x) => Number(x.number));
        const span = !refs.length
          ? ""
          : refs.length === 1
            ? ` (minute ${refs[0]} refers)`
            : ` (minutes ${refs[0]}-${refs[refs.length - 1]} refer)`;
        prose.attendanceNotes = { [lead.councillor.name]: `${lead.portfolio}${span}` };
      }
      const record: Meeting = {
        body: cm.body,
        authority: council.name,
        date,
        time: cm.time,
        location: `${cm.room}, ${council.hall}, ${council.town}`,
        contact: { name: contact.name, phone: contact.phone, email: contact.email },
        membership: members,
        agenda,
        attendance: {
          chair: chair.name,
          present,
          apologies: members.filter((m) => absent.has(m.name)).map((m) => m.name),
          inAttendance,
        },
        minutes,
        reports,
        nextMeeting: cm.kind === "scrutiny" || cm.kind === "planning" ? nextDate : null,
        span: SPAN0,
      };
      // The council's templates change over the years: bulleted fields and a four-column agenda
      // until 2021, then bold fields, then in 2023 a contact without "Tel." and run-on agenda lines.
      const style: RenderStyle =
        y >= 2023
          ? { fields: "bold", contact: "plain", agenda: "glued" }
          : y >= 2021
            ? { fields: "bold", contact: "tel", agenda: "columns" }
            : { fields: "bullets", contact: "tel", agenda: "table" };
      const dm: DemoMeeting = { id, committee: cm.key, doc: { record, prose, style }, previousId: prev?.id ?? null };
      meetings.push(dm);
      lastOf.set(cm.key, dm);
    }
  }
  const last = meetings.length ? meetings[meetings.length - 1].doc.record.date! : "";
  for (const f of followUps) f.status = f.met ? "met" : f.due < last.slice(0, 7) ? "unmet" : "pending";
  const truth: DemoTruth = {
    schema: "minutebook-demo-truth/v1",
    seed,
    council: council.name,
    meetings: meetings.map((m) => ({
      id: m.id,
      body: m.doc.record.body,
      date: m.doc.record.date!,
      previousId: m.previousId,
    })),
    threads: [...threads.values()],
    referrals: referrals.filter((r) => r.kind === "comments"),
    onward: referrals.filter((r) => r.kind !== "comments"),
    followUps,
  };
  return { council, meetings, truth };
}

/** Procedural items after the minutes: [agenda title, minute title or null, minute wording]. */
function headItems(cm: Committee): [string, string | null, string | undefined][] {
  const urgent: [string, string, undefined] = [
    "To advise of any other items which the Chairman has decided to take as urgent elsewhere on the agenda",
    "Urgent items",
    undefined,
  ];
  const decl: [string, string, undefined] = [
    "Declarations of interest in respect of items on the agenda",
    "Declarations of interest",
    undefined,
  ];
  switch (cm.kind) {
    case "cabinet":
    case "planning":
      return [urgent, decl];
    case "scrutiny":
      return [
        [
          "Question Time",
          "Question Time",
          "The Chief Executive reported that no questions had been received under Standing Order 34.",
        ],
        [
          "Questions asked by members under Standing Order 7(3) and 7(5)",
          "Questions asked by members",
          "The Chief Executive reported that no questions had been received under Standing Order 7(3) and 7(5).",
        ],
        urgent,
        decl,
        [
          "Declarations of the Party Whip in accordance with Overview and Scrutiny Procedure Rule 16",
          "Declarations of the Party Whip",
          "There were no declarations of the party whip.",
        ],
        [
          "Presentation of Petitions under Standing Order 35",
          "Presentation of Petitions",
          "The Chief Executive reported that no petitions had been received under Standing Order 35.",
        ],
      ];
    case "council":
      return [
        [
          "Chairman's Announcements",
          "Chairman's Announcements",
          "The Chairman reported on the civic events attended since the last meeting of the Council.",
        ],
        decl,
        [
          "Questions asked under Standing Order 7(1)(2) and (5)",
          "Questions asked under Standing Order 7",
          "Answers were given to the questions asked by members, copies of which are filed with these minutes.",
        ],
        [
          "Position Statements under Standing Order 8",
          "Position Statements",
          "The Leader and Cabinet Lead Members gave position statements, copies of which are filed with these minutes.",
        ],
      ];
  }
}

function nextMeetingDate(cm: Committee, date: string): string {
  const y = Number(date.slice(0, 4));
  const candidates: string[] = [];
  for (const yr of [y, y + 1]) for (const m of cm.months) candidates.push(committeeDate(cm, yr, m));
  return candidates.filter((d) => d > date).sort()[0];
}

const PORTFOLIOS = [
  "Leader of the Council",
  "Deputy Leader and Cabinet Lead Member for Resources",
  "Cabinet Lead Member for Adults and Health",
  "Cabinet Lead Member for Children and Families",
  "Cabinet Lead Member for Highways and Transport",
  "Cabinet Lead Member for Communities",
  "Cabinet Lead Member for the Environment",
  "Cabinet Lead Member for Health and Wellbeing",
];

/** The Cabinet member whose portfolio a scrutiny body oversees, and that portfolio. */
function leadMember(
  council: Council,
  cm: Committee,
  y: number,
  seed: string,
): { councillor: Councillor; portfolio: string } {
  const era = Math.floor((y - 1) / 4);
  const cabinet = new Rng(`era|${seed}|${era}`).sample(council.councillors, council.councillors.length).slice(0, 8);
  const i = cm.key === "adults-health-osc" ? 2 : cm.key === "environment-transport-osc" ? 4 : 1;
  return { councillor: cabinet[i], portfolio: PORTFOLIOS[i] };
}

/** Membership for a municipal year: whole-council elections every four years, a change or two each year. */
export function membership(council: Council, cm: Committee, y: number, seed: string): Member[] {
  const era = Math.floor((y - 1) / 4);
  const shuffled = new Rng(`era|${seed}|${era}`).sample(council.councillors, council.councillors.length);
  const cabinet = shuffled.slice(0, 8);
  const backbench = shuffled.slice(8);
  const rng = new Rng(`members|${seed}|${cm.key}|${era}`);
  let people: Councillor[];
  if (cm.kind === "cabinet") people = cabinet;
  else if (cm.kind === "council") people = new Rng(`chair|${seed}|${y}`).sample(shuffled, shuffled.length);
  else {
    people = rng.sample(backbench, cm.size);
    const yr = new Rng(`change|${seed}|${cm.key}|${y}`);
    const out = yr.int(1, people.length - 1);
    const spare = backbench.filter((c) => !people.includes(c));
    if (spare.length && y % 4 !== 1) people = people.map((p, i) => (i === out ? yr.pick(spare) : p));
  }
  const surname = (c: Councillor) => c.short.split(" ").slice(-2, -1)[0];
  const [chair, ...rest] = people;
  let vice: Councillor | null = null;
  let others = rest;
  if (cm.kind === "scrutiny" || cm.kind === "planning") [vice, ...others] = rest;
  others = [...others].sort((a, b) => surname(a).localeCompare(surname(b)));
  return [
    { name: chair.name, role: "Chairman" },
    ...(vice ? [{ name: vice.name, role: "Vice-Chairman" }] : []),
    ...others.map((c) => ({ name: c.name, role: null })),
  ];
}
