/**
 * What the demo council keeps in Minutebook itself, on top of its imported papers: Merrowshire's
 * committees with their kinds and reporting lines, its councillors (divisions, parties, terms) and
 * officers, dated memberships for the municipal years since the 2025 election, a calendar that runs to
 * April 2028 (some meetings moved, postponed or cancelled, notices published on time or late) and a
 * register of interests (approved entries, a sensitive one, a late filer). Drawn from the same seeded
 * generator as the papers, so the people and committees are the papers' own; written through the office
 * store like an officer's forms would.
 */

import type { CommitteeKind } from "../model/office";
import { committeeInput, interestInput, meetingInput, membershipInput, personInput } from "../model/office";
import { clearDays } from "../office/clear-days";
import { addDays } from "../office/dates";
import { sampleReport } from "../publish/fixtures";
import { PackStore } from "../store/common/packs";
import type { Repository } from "../store/repository";
import { COMMITTEES, makeCouncil, Officers } from "./council";
import { membership } from "./generate";
import { keepDemoMinutes } from "./minutes";
import { Rng } from "./prng";
import { committeeDate } from "./stories";
import type { Committee } from "./types";

const KIND: Record<Committee["kind"], CommitteeKind> = {
  cabinet: "executive",
  scrutiny: "scrutiny",
  council: "full-council",
  planning: "regulatory",
};

const TERMS: Record<Committee["kind"], string> = {
  council:
    "The full council: sets the budget and policy framework, appoints the Leader and committees, and adopts the constitution.",
  cabinet:
    "Takes executive decisions within the budget and policy framework, including key decisions published in the forward plan.",
  scrutiny:
    "Reviews and scrutinises decisions and the performance of services in its remit, may call in executive decisions, and reports its comments to the Cabinet.",
  planning: "Determines planning applications and regulatory matters delegated by the council.",
};

const PARTIES = ["Conservative", "Liberal Democrat", "Labour", "Green", "Independent"];
const ELECTIONS = ["2021-05-06", "2025-05-01"];

/** Election day → the day the new councillors take office (the fourth day after, by custom). */
const tookOffice = (election: string) => addDays(election, 4);

export type DemoOfficeSummary = {
  committees: number;
  people: number;
  memberships: number;
  meetings: number;
  interests: number;
  /** The held Cabinet meeting whose draft minutes await the clerk, and its decision in call-in. */
  minutes: { meetingId: number; noticeId: number } | null;
};

export async function keepDemoStructure(
  repo: Repository,
  opts: { seed?: string; today: string },
): Promise<DemoOfficeSummary> {
  const seed = opts.seed ?? "minutebook";
  const office = repo.office;
  const council = makeCouncil(seed);
  const rng = new Rng(`office|${seed}`);
  await office.setCouncil({ name: council.name, policy: "principal" });
  const summary: DemoOfficeSummary = {
    committees: 0,
    people: 0,
    memberships: 0,
    meetings: 0,
    interests: 0,
    minutes: null,
  };

  // Officers: each committee's clerk (the democratic services officer the papers print as contact).
  const officers = new Officers(seed, council.domain);
  const officerIds = new Map<string, number>();
  const thisYear = Number(opts.today.slice(0, 4));
  for (const cm of COMMITTEES) {
    const p = officers.get(`Democratic Services Officer (${cm.body})`, thisYear);
    if (officerIds.has(p.name)) continue;
    officerIds.set(
      p.name,
      await office.savePerson(
        personInput.parse({
          kind: "officer",
          name: p.name,
          jobTitle: "Democratic Services Officer",
          email: p.email,
          phone: p.phone,
        }),
      ),
    );
    summary.people++;
  }

  // Committees, the full council first so the others can name it.
  const ids = new Map<string, number>();
  const order = [...COMMITTEES].sort(
    (a, b) =>
      ["council", "cabinet", "scrutiny", "planning"].indexOf(a.kind) -
      ["council", "cabinet", "scrutiny", "planning"].indexOf(b.kind),
  );
  for (const cm of order) {
    const clerk = officers.get(`Democratic Services Officer (${cm.body})`, thisYear);
    const receivers =
      cm.kind === "scrutiny" ? [ids.get("cabinet")] : cm.kind === "cabinet" ? [ids.get("county-council")] : [];
    const id = await office.saveCommittee(
      committeeInput.parse({
        name: cm.body,
        kind: KIND[cm.kind],
        parentId: cm.kind === "council" ? null : (ids.get("county-council") ?? null),
        receiverIds: receivers.filter((x): x is number => x !== undefined),
        termsOfReference: TERMS[cm.kind],
        quorum: cm.kind === "council" ? 14 : Math.max(3, Math.ceil(cm.size / 3)),
        clerkId: officerIds.get(clerk.name) ?? null,
        webcastUrl:
          cm.kind === "council" || cm.kind === "cabinet" ? `https://${council.domain}/webcasts/${cm.key}` : null,
      }),
    );
    ids.set(cm.key, id);
    summary.committees++;
  }

  // Councillors: a division each (the county's towns, two divisions in the larger ones), a party, a term.
  const divisions = council.towns.flatMap((t, i) => (i < 6 ? [`${t} North`, `${t} South`] : [t]));
  const personOf = new Map<string, number>();
  const election = ELECTIONS[ELECTIONS.length - 1];
  for (const [i, c] of council.councillors.entries()) {
    const id = await office.savePerson(
      personInput.parse({
        kind: "councillor",
        name: c.name.replace(/,?\s*(MBE,?\s*)?(JP\s*)?CC$/, "").trim(),
        ward: divisions[i % divisions.length],
        party: PARTIES[Math.min(PARTIES.length - 1, Math.floor(rng.next() * rng.next() * PARTIES.length * 1.6))],
        email: `cllr.${c.short.split(" ").slice(-2, -1)[0].toLowerCase()}@${council.domain}`,
        termStart: tookOffice(election),
        termEnd: "2029-05-07",
      }),
    );
    personOf.set(c.name, id);
    summary.people++;
  }

  // Memberships for the municipal years 2025/26 and 2026/27, as the council's annual meeting appoints them.
  const annual = (y: number) => committeeDate(COMMITTEES.find((x) => x.key === "county-council")!, y, 5);
  for (const y of [2025, 2026]) {
    const from = annual(y);
    const to = y === 2025 ? addDays(annual(2026), -1) : null;
    const annualMeeting = await office.scheduleMeeting(
      meetingInput.parse({
        committeeId: ids.get("county-council")!,
        date: from,
        start: "14:00",
        end: "17:00",
        location: `Council Chamber, ${council.hall}`,
      }),
    );
    for (const cm of COMMITTEES) {
      if (cm.kind === "council") continue;
      for (const m of membership(council, cm, y, seed)) {
        const personId = personOf.get(m.name);
        if (!personId) continue;
        await office.addMembership(
          membershipInput.parse({
            committeeId: ids.get(cm.key)!,
            personId,
            role: "member",
            position: m.role === "Chairman" ? "chair" : m.role === "Vice-Chairman" ? "vice-chair" : null,
            from,
            to,
            appointedAtMeetingId: annualMeeting,
          }),
        );
        summary.memberships++;
      }
    }
  }
  // A co-opted, non-voting member on one scrutiny committee.
  const coopted = await office.savePerson(
    personInput.parse({ kind: "councillor", name: "Mrs Harriet Quennell", party: null, ward: null }),
  );
  await office.addMembership(
    membershipInput.parse({
      committeeId: ids.get("adults-health-osc")!,
      personId: coopted,
      role: "co-opted",
      voting: false,
      from: annual(2026),
    }),
  );

  // The calendar: municipal years 2025/26 to 2027/28 from each committee's template.
  const calc = clearDays("principal");
  for (const y of [2025, 2026, 2027]) {
    for (const cm of COMMITTEES) {
      for (const m of cm.months) {
        const date = committeeDate(cm, m >= 5 ? y : y + 1, m);
        const [h, min] = cm.time.split(":").map(Number);
        const end = `${String(h + (cm.kind === "council" ? 3 : 2)).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
        const id = await office.scheduleMeeting(
          meetingInput.parse({
            committeeId: ids.get(cm.key)!,
            date,
            start: cm.time,
            end,
            location: `${cm.room}, ${council.hall}`,
          }),
        );
        summary.meetings++;
        if (date < opts.today) {
          // Published on the last lawful day at 10:00, or two days late for one meeting in twelve.
          const latest = calc.latestPublicationDate(date);
          const late = rng.chance(1 / 12);
          await office.markPublished(id, new Date(`${late ? addDays(latest, 2) : latest}T10:00:00Z`));
          await office.updateMeeting(id, { status: "held" });
        } else if (date <= addDays(opts.today, 60) && rng.chance(0.15)) {
          await office.updateMeeting(id, { status: "cancelled", note: "Cancelled: no business to transact." });
        }
      }
    }
  }
  // One forthcoming meeting moved by a week, one postponed.
  const ahead = (await office.calendar({ from: addDays(opts.today, 7), to: addDays(opts.today, 90) })).filter(
    (e) => e.status === "scheduled",
  );
  if (ahead[0]) {
    const moved = addDays(ahead[0].date!, 7);
    if (!(await office.calendar({ from: moved, to: moved, committeeId: ahead[0].committee.id })).length)
      await office.updateMeeting(ahead[0].meetingId, {
        date: moved,
        note: "Moved a week to avoid a clash with the budget briefing.",
      });
  }
  if (ahead[3])
    await office.updateMeeting(ahead[3].meetingId, { status: "postponed", note: "Postponed: a new date will be set." });

  // The register of interests: each councillor's entries, most within 28 days of taking office.
  const EMPLOYERS = [
    "a farm partnership",
    "a firm of solicitors",
    "the county's NHS trust",
    "a building society",
    "a primary school",
    "self-employed as an accountant",
  ];
  for (const [i, c] of council.councillors.entries()) {
    const personId = personOf.get(c.name)!;
    const filed = addDays(tookOffice(election), i % 17 === 5 ? 41 : rng.int(3, 25));
    const entries = [
      { category: "employment", description: `Employed by ${rng.pick(EMPLOYERS)}` },
      { category: "land", description: `Home in ${council.towns[i % council.towns.length]}` },
      ...(rng.chance(0.3)
        ? [
            {
              category: "securities",
              description: "Shares over £25,000 in a company with a place of business in the county",
            },
          ]
        : []),
      ...(i % 23 === 7
        ? [
            {
              category: "other-registrable",
              description: "Trustee of a local refuge (address withheld)",
              sensitive: true,
            },
          ]
        : []),
    ];
    for (const e of entries) {
      const id = await office.addInterest(
        interestInput.parse({ personId, submittedOn: filed, sensitive: false, ...e }),
      );
      if (i % 19 !== 3)
        await office.approveInterest(id, "Monitoring Officer", new Date(`${addDays(filed, 3)}T12:00:00Z`));
      summary.interests++;
    }
  }
  summary.minutes = await keepDemoMinutes(repo, opts.today);
  return summary;
}

/**
 * Reports for trying the officers' side of a meeting: for the next scheduled meeting of the first kept
 * committee, one report already submitted and waiting for clearance (with an exempt appendix) and one
 * draft, both by `authorUserId`; the demo's monitoring officer clears, its clerk builds the agenda.
 * Does nothing when reports already exist.
 */
export async function keepDemoReports(
  repo: Repository,
  authorUserId: number,
  now: Date,
  authorName = "Demo Clerk",
): Promise<number> {
  const packs = new PackStore(repo.sql);
  if ((await packs.listReports()).length) return 0;
  const today = now.toISOString().slice(0, 10);
  const next = (await repo.office.calendar({ from: addDays(today, 8) })).find(
    (e) => e.status === "scheduled" && e.kept,
  );
  if (!next) return 0;
  const [submitted, draft] = [sampleReport(0, { exemptAppendix: true }), sampleReport(3)];
  const a = await packs.createReport(
    { committeeId: next.committee.id, meetingId: next.meetingId, authorUserId, content: submitted },
    now,
  );
  const v = (await packs.report(a))!.current;
  await packs.addDecision(a, {
    step: "author",
    sha256: v.sha256,
    decision: "approved",
    by: authorUserId,
    byName: authorName,
    at: now.toISOString(),
  });
  await packs.createReport(
    { committeeId: next.committee.id, meetingId: next.meetingId, authorUserId, content: draft },
    now,
  );
  return 2;
}

/**
 * The seat the demo's councillor account takes: on the committee with the most confidential (exempt)
 * papers, so a newcomer signed in as the councillor finds some to read and sees the rest withheld, as
 * one of that committee's sitting members (not its chair) whose record is not yet linked to an account,
 * so "your register of interests" is theirs. Null when no committee has a sitting member.
 */
export async function demoCouncillorSeat(
  repo: Repository,
  today: string,
): Promise<{ committeeId: number; committee: string; personId: number; name: string } | null> {
  const exempt = await repo.sql.all<{ committee_id: number; n: number }>(
    "SELECT committee_id, COUNT(*) AS n FROM exempt_content GROUP BY committee_id",
  );
  const papers = new Map(exempt.map((r) => [Number(r.committee_id), Number(r.n)]));
  const committees = (await repo.office.listCommittees())
    .filter((c) => c.kept)
    .sort((a, b) => (papers.get(b.id) ?? 0) - (papers.get(a.id) ?? 0) || a.id - b.id);
  for (const c of committees) {
    const seats = (await repo.office.membersOn(c.id, today)).filter(
      (s) => s.role === "member" && s.voting && s.position === null,
    );
    for (const s of seats.reverse())
      if ((await repo.office.accountOfPerson(s.person.id)) === null)
        return { committeeId: c.id, committee: c.name, personId: s.person.id, name: s.person.name };
  }
  return null;
}
