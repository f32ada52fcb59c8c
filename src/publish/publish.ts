/**
 * Publishing a meeting's papers: the agenda plan and the reports' current versions → the agenda
 * (office/agenda) → the public and confidential packs (publish/pack) → the publication check
 * (office/publication, run on the public pack's text as Minutebook's own reader extracts it) → the public
 * pack imported through the same path as an imported paper (parse → repo.importDocument → exempt capture),
 * so the public meeting page is one page whether the meeting was authored or imported → the publication
 * recorded with its exact instant, and the audit entry. A second publication is a numbered supplement of
 * the items added since, with the consolidated pack regenerated. The actor and the clock are arguments.
 */
import { ExemptStore } from "../auth/exempt";
import type { AuthStore } from "../auth/store";
import type { CommitteeKind } from "../model/office";
import type { Member } from "../model/parse-v1";
import { type AgendaReport, buildAgenda, type NumberedItem, type ReferralSource } from "../office/agenda";
import type { NoticePolicy } from "../office/clear-days";
import { type Clearance, clearance } from "../office/clearance";
import { londonDate } from "../office/dates";
import { type PublicationCheck, publicationCheck } from "../office/publication";
import { exemptParagraphs, exemptTexts, type ReportContent } from "../office/reports";
import { parseBytesWithText } from "../pipeline/parse-file";
import { PackStore, type PlanItem, type Publication, type ReportRecord } from "../store/common/packs";
import type { Repository } from "../store/repository";
import { buildPack, type PackMeeting } from "./pack";

export type MeetingPlan = {
  meetingId: number;
  committeeId: number;
  committeeName: string;
  kind: CommitteeKind | null;
  policy: NoticePolicy;
  meeting: PackMeeting;
  plan: PlanItem[];
  reports: Map<number, { record: ReportRecord; clearance: Clearance }>;
  items: NumberedItem[];
  problems: string[];
  latestPublicationDate: string;
  publications: Publication[];
};

/** Everything the agenda builder page and publication need about one meeting. */
export async function meetingPlan(repo: Repository, meetingId: number): Promise<MeetingPlan | null> {
  const packs = new PackStore(repo.sql);
  const office = repo.office;
  const council = await office.council();
  const entry = await office.meeting(meetingId);
  if (!council || !entry?.date) return null;
  const committee = await office.getCommittee(entry.committee.id);
  if (!committee) return null;
  const plan = await packs.agendaPlan(meetingId);
  const steps = await packs.clearanceSteps(committee.id);
  const reports = new Map<number, { record: ReportRecord; clearance: Clearance }>();
  for (const p of plan) {
    if (p.reportId === null) continue;
    const record = await packs.report(p.reportId);
    if (!record) continue;
    reports.set(p.reportId, {
      record,
      clearance: clearance(steps, record.current.sha256, await packs.decisions(p.reportId)),
    });
  }
  const publications = await packs.publications(meetingId);
  const first = publications[0] ?? null;
  const agendaReports: AgendaReport[] = plan
    .filter((p) => p.reportId !== null && reports.has(p.reportId))
    .map((p) => {
      const c = reports.get(p.reportId!)!.record.current.content;
      return {
        reportId: p.reportId!,
        title: c.title,
        reportBy: c.author,
        wholeExempt: !!c.exempt,
        exemptParagraphs: exemptParagraphs(c),
        addedAt: new Date(p.addedAt),
        urgencyReason: p.urgencyReason,
      };
    });
  const referrals = plan
    .filter((p) => p.kind === "referral")
    .map((p) => ({
      key: p.referralKey ?? `plan:${p.id}`,
      title: p.title,
      from: p.reportBy ?? "",
      reportBy: p.reportBy,
      exemptParagraphs: p.exemptParagraphs,
      addedAt: new Date(p.addedAt),
      urgencyReason: p.urgencyReason,
    }));
  const agenda = buildAgenda({
    kind: committee.kind,
    meetingDate: entry.date,
    policy: council.policy,
    reports: agendaReports,
    referrals,
    publishedAt: first ? new Date(first.publishedAt) : null,
  });
  const seats = await office.membersOn(committee.id, entry.date);
  const membership: Member[] = seats
    .filter((s) => s.role !== "substitute")
    .map((s) => ({
      name: s.person.name,
      role: s.position === "chair" ? "Chairman" : s.position === "vice-chair" ? "Vice-Chairman" : null,
    }));
  const clerk = committee.clerk ? await office.getPerson(committee.clerk.id) : null;
  return {
    meetingId,
    committeeId: committee.id,
    committeeName: committee.name,
    kind: committee.kind,
    policy: council.policy,
    meeting: {
      authority: council.name,
      body: committee.name,
      date: entry.date,
      time: entry.start,
      location: entry.location,
      contact: clerk ? { name: clerk.name, phone: clerk.phone, email: clerk.email } : null,
      membership,
    },
    plan,
    reports,
    items: agenda.items,
    problems: agenda.problems,
    latestPublicationDate: agenda.latestPublicationDate,
    publications,
  };
}

export type PublishOutcome =
  | { ok: true; publication: Publication; check: PublicationCheck; documentId: number }
  | { ok: false; check: PublicationCheck | null; problems: string[]; needsConfirmation: boolean };

/**
 * Publishes a meeting's pack now (`at`). A publication the check flags (short notice) needs
 * `confirmShortNotice`; one it blocks is refused with its reasons and nothing is written.
 */
export async function publishMeeting(
  repo: Repository,
  audit: AuthStore,
  input: { meetingId: number; actorId: number; at: Date; confirmShortNotice: boolean },
): Promise<PublishOutcome> {
  const plan = await meetingPlan(repo, input.meetingId);
  if (!plan)
    return { ok: false, check: null, problems: ["There is no such meeting in the calendar"], needsConfirmation: false };
  const contents = new Map<number, ReportContent>();
  for (const [id, r] of plan.reports) contents.set(id, r.record.current.content);
  if (!plan.items.some((i) => i.reportId !== null || i.kind === "referral"))
    return {
      ok: false,
      check: null,
      problems: ["Put at least one report on the agenda first"],
      needsConfirmation: false,
    };
  const previous = plan.publications[plan.publications.length - 1] ?? null;
  if (previous && !supplementItems(plan, previous).length && !changedSince(plan, previous))
    return {
      ok: false,
      check: null,
      problems: [
        `Nothing has been added to the agenda or changed since it was published on ${previous.publishedAt.slice(0, 16).replace("T", " ")} UTC`,
      ],
      needsConfirmation: false,
    };
  const pub = await buildPack({ meeting: plan.meeting, items: plan.items, reports: contents, audience: "public" });
  const conf = [...contents.values()].some((c) => exemptTexts(c).length > 0)
    ? await buildPack({ meeting: plan.meeting, items: plan.items, reports: contents, audience: "confidential" })
    : null;
  const name = `${plan.committeeName} ${plan.meeting.date} agenda pack.pdf`;
  const read = await parseBytesWithText(name, pub.bytes);
  const check = publicationCheck({
    meetingDate: plan.meeting.date,
    policy: plan.policy,
    at: input.at,
    supplement: !!previous,
    items: plan.items.map((i) => ({ number: i.number, title: i.title, late: i.late, urgencyReason: i.urgencyReason })),
    reports: [...plan.reports.values()].map((r) => ({
      title: r.record.current.title,
      cleared: r.clearance.state === "cleared",
    })),
    publicText: (read.lines ?? []).join("\n"),
    exemptTexts: [...contents.values()].flatMap(exemptTexts),
  });
  const problems = [...plan.problems, ...check.problems.map((p) => p.message)];
  if (check.outcome === "block" || plan.problems.length)
    return { ok: false, check, problems, needsConfirmation: false };
  if (check.outcome === "flag" && !input.confirmShortNotice)
    return { ok: false, check, problems, needsConfirmation: true };

  // A supplement: the items put on the agenda since the last publication, numbered as in the whole agenda,
  // as a public PDF of its own (its exempt parts as notices; their text is in the confidential pack only).
  let supplementPdf: Uint8Array | null = null;
  if (previous) {
    const items = supplementItems(plan, previous);
    if (items.length)
      supplementPdf = (
        await buildPack({
          meeting: plan.meeting,
          items,
          reports: contents,
          audience: "public",
          supplement: {
            number: plan.publications.filter((p) => p.hasSupplement).length + 1,
            agendaPublished: londonDate(new Date(plan.publications[0].publishedAt)),
          },
        })
      ).bytes;
  }

  // The same path as an imported paper: the parse result and its lines into the store, exempt capture after.
  const outcome = await repo.importDocument(read.result, {
    path: `minutebook:published/meeting-${input.meetingId}/agenda-pack.pdf`,
    lines: read.lines,
  });
  if (read.lines) await new ExemptStore(repo.sql, audit).capture(outcome.documentId, read.lines, input.at);
  const packs = new PackStore(repo.sql);
  const publication = await packs.recordPublication({
    meetingId: input.meetingId,
    publishedAt: input.at,
    publishedBy: input.actorId,
    documentId: outcome.documentId,
    pdf: pub.bytes,
    pageCount: pub.pageCount,
    pageMap: pub.pageMap,
    agenda: plan.items,
    check,
    versions: [...plan.reports.values()].map((r) => ({
      reportId: r.record.id,
      n: r.record.current.n,
      sha256: r.record.current.sha256,
    })),
    supplementPdf,
    confidential: conf ? { pdf: conf.bytes, pageCount: conf.pageCount, pageMap: conf.pageMap } : null,
  });
  if (!previous) await repo.office.markPublished(input.meetingId, input.at);
  await audit.audit(
    {
      actorId: input.actorId,
      action: publication.kind === "agenda" ? "pack.publish" : "pack.supplement",
      object: `meeting:${input.meetingId}`,
      detail: {
        publication: publication.id,
        seq: publication.seq,
        sha256: publication.pdfSha256,
        pages: publication.pageCount,
        clearDays: check.clearDays,
        required: check.required,
        outcome: check.outcome,
        versions: publication.versions,
        document: outcome.documentId,
      },
    },
    input.at,
  );
  return { ok: true, publication, check, documentId: outcome.documentId };
}

/** The agenda's items put on it since `since` was published: what a supplement to it holds. */
export function supplementItems(plan: MeetingPlan, since: Publication): NumberedItem[] {
  const at = new Date(since.publishedAt);
  const fresh = new Set(plan.plan.filter((p) => new Date(p.addedAt) > at).map((p) => p.reportId ?? p.referralKey));
  return plan.items.filter((i) => fresh.has(i.reportId ?? i.referralKey));
}

/** Whether a report's printed version, or the set of items, differs from what `since` published. */
function changedSince(plan: MeetingPlan, since: Publication): boolean {
  const was = new Map(since.versions.map((v) => [v.reportId, v.sha256]));
  const now = [...plan.reports.values()].map((r) => [r.record.id, r.record.current.sha256] as const);
  const items = (since.agenda as { number: string; title: string }[]).map((i) => `${i.number} ${i.title}`).join("\n");
  return (
    now.length !== was.size ||
    now.some(([id, sha]) => was.get(id) !== sha) ||
    items !== plan.items.map((i) => `${i.number} ${i.title}`).join("\n")
  );
}

/** The referral source when none is plugged in: nothing offered. */
export const noReferrals: ReferralSource = async () => [];
