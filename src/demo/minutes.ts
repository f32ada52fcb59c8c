/**
 * The demo's meeting record, so a newcomer signed in as the demo clerk finds work waiting: the latest
 * held Cabinet meeting has draft minutes to finish (attendance from the membership, its agenda items with
 * the reports' recommendations as starting resolutions, one amendment and a declaration recorded), and
 * its key decision's notice was published yesterday, so the decision is in its call-in window. Written
 * through the minutes store as the workspace's forms would.
 */
import { minuteItem, minutesRecord } from "../model/minutes";
import { addDays } from "../office/dates";
import { MinutesStore } from "../store/common/minutes";
import type { Repository } from "../store/repository";

export async function keepDemoMinutes(
  repo: Repository,
  today: string,
): Promise<{ meetingId: number; noticeId: number } | null> {
  const office = repo.office;
  const cabinet = (await office.listCommittees()).find((c) => c.kind === "executive");
  if (!cabinet) return null;
  const held = (await office.calendar({ committeeId: cabinet.id, to: addDays(today, -1) })).filter(
    (e) => e.status === "held" && e.date,
  );
  const m = held[held.length - 1];
  if (!m) return null;
  const seats = await office.membersOn(cabinet.id, m.date!);
  const detail = await repo.getMeeting(m.meetingId);
  const letters = "abcdefghij";
  const items = (detail?.agenda ?? []).map((a, i) => {
    const recs = detail?.reports.find((r) => r.agendaItem === a.number)?.recommendations ?? [];
    const recommendation = recs.length
      ? recs.map((t, j) => (recs.length > 1 ? `(${letters[j]}) ${t}` : t)).join("\n")
      : null;
    return minuteItem.parse({
      number: String(i + 1),
      agendaItem: a.number,
      title: a.title,
      exemptParagraphs: a.exemptParagraphs,
      publicSummary: a.exemptParagraphs.length ? "Considered in private; see the decision notice." : null,
      recommendation,
      resolution: recommendation,
    });
  });
  if (!items.length)
    items.push(
      minuteItem.parse({ number: "1", title: "Apologies for absence" }),
      minuteItem.parse({ number: "2", title: "Declarations of interest" }),
      minuteItem.parse({
        number: "3",
        title: "Highways maintenance programme",
        recommendation: "That the highways maintenance programme for the coming year be approved.",
        resolution: "That the highways maintenance programme for the coming year be approved.",
      }),
    );
  // The decision: the first item with a recommendation, taken as a key executive decision and amended.
  const k = Math.max(
    0,
    items.findIndex((i) => i.recommendation && !i.exemptParagraphs.length),
  );
  const mover = seats[1]?.person.name ?? "Mr A. Member";
  const seconder = seats[2]?.person.name ?? "Ms B. Member";
  items[k] = {
    ...items[k],
    keyDecision: true,
    executive: true,
    resolution: `${(items[k].resolution ?? "That the recommendation be approved").replace(/[.;\s]+$/, "")}, subject to a report on progress in six months.`,
    reasons: "To deliver the council's agreed priorities within the approved budget.",
    alternatives: "Deferring the decision was considered and rejected: it would delay the programme by a year.",
    motions: [
      {
        kind: "amendment",
        text: "Add: subject to a report on progress in six months",
        mover,
        seconder,
        outcome: "carried",
        counts: { for: Math.max(seats.length - 2, 1), against: 1, abstain: 1 },
        recorded: [],
      },
    ],
    declarations: seats[3]
      ? [
          {
            personId: seats[3].person.id,
            member: seats[3].person.name,
            kind: "other-registrable",
            nature: "as a governor of a school in the area affected",
            interestId: null,
            leftRoom: false,
            dispensation: null,
          },
        ]
      : [],
  };
  const record = minutesRecord.parse({
    attendance: seats
      .filter((s) => s.role !== "substitute")
      .map((s, i) => ({
        personId: s.person.id,
        name: s.person.name,
        kind: i === seats.length - 1 ? "apologies" : "present",
        voting: s.voting,
        chair: s.position === "chair",
      })),
    items,
    startTime: m.start,
  });
  const minutes = new MinutesStore(repo.sql);
  const at = new Date(`${addDays(today, -1)}T10:00:00Z`);
  await minutes.saveDraft(m.meetingId, record, null, at);
  const it = items[k];
  const notice = await minutes.saveNotice({
    meetingId: m.meetingId,
    minuteNumber: it.number,
    title: it.title,
    decision: it.resolution ?? "",
    decidedOn: m.date!,
    reasons: it.reasons,
    alternatives: it.alternatives,
    conflicts:
      it.declarations.map((d) => `${d.member}: an other registrable interest ${d.nature}`).join("\n") ||
      "None declared.",
    dispensations: "None granted.",
    keyDecision: true,
    urgent: false,
    exemptParagraphs: [],
  });
  await minutes.publishNotice(notice.id, at);
  return { meetingId: m.meetingId, noticeId: notice.id };
}
