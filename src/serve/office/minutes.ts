/**
 * The minutes workspace and what follows a meeting, as office pages (forms without JavaScript, GOV.UK
 * patterns, every route guarded through can(), every change in the audit trail):
 * - /office/meetings/:mid/minutes: attendance (roll call from the membership, apologies, substitutes,
 *   remote, officers) with the quorum check, items started from the agenda and the report's
 *   recommendations, per item the minute text, declarations linked to the register of interests,
 *   motions and amendments with mover, seconder and votes (named when recorded), exempt paragraphs and the
 *   public summary, the urgency reason, the resolution with its word diff from the recommendation, key
 *   and executive decisions with reasons and alternatives, and carry-forwards to other bodies;
 * - publishing: the minutes are frozen as a version, printed through render/ and stored through the
 *   same import path as imported papers (so the public meeting page is one page); executive decisions
 *   get decision notices; carry-forwards become pending items of the receiving committee;
 * - approval at a later meeting, and the chair's signature (the per-committee hash chain);
 * - decision notices: the reg 12 fields, publication, call-in requests, the scrutiny outcome;
 * - public pages: published decision notices with their call-in state, published minutes as text, PDF
 *   and Word, and the signature chain's verification (also of an uploaded copy).
 * Exempt items reach only people the policy lets see exempt material; public pages use the public
 * projection (office/minutes-document.ts), which never carries an exempt item's text.
 */
import type { Context, Hono } from "hono";
import { z } from "zod";
import { can, type PolicyObject } from "../../auth/policy";
import { auth, checkFormToken, formTokenField, requirePermission, requireRole } from "../../auth/web";
import type { Attendee, MinuteItem, MinutesRecord } from "../../model/minutes";
import {
  ATTENDANCE_KINDS,
  ATTENDANCE_LABELS,
  attendee,
  carryForward,
  DECLARATION_KINDS,
  DECLARATION_LABELS,
  declaration,
  emptyMinutes,
  minuteItem,
  motion,
  OUTCOMES,
  VOTES,
} from "../../model/minutes";
import type { OfferedItem as AgendaOffer } from "../../office/agenda";
import { longDate } from "../../office/dates";
import { decisionStatus, NOTICE_FIELDS, noticeProblems, publicationDeadline, STATE_TEXT } from "../../office/decisions";
import { type MeetingMeta, toMeetingDoc } from "../../office/minutes-document";
import { type OfferedItem, pendingItemsFor, suggestCarryForward } from "../../office/pending-items";
import { quorumCheck } from "../../office/quorum";
import { resolutionDiff, VERDICT_TEXT } from "../../office/resolution-diff";
import { sha256 } from "../../office/signing";
import { parseBytesWithText } from "../../pipeline/parse-file";
import { renderMinutes, renderMinutesPdf } from "../../render";
import { renderFieldsDocx, renderMinutesDocx } from "../../render/docx";
import { MinutesStore, type StoredNotice } from "../../store/common/minutes";
import { type Repository, StoreError } from "../../store/repository";
import { notFound } from "../errors";
import { parseForm } from "../forms/errors";
import {
  button,
  checkbox,
  errorSummary,
  errorTitle,
  type FieldErrors,
  type Fields,
  radios,
  select,
  textarea,
  textInput,
} from "../forms/fields";
import { type Html, html } from "../html";
import { layout } from "../layout";
import { describe } from "../openapi";
import { type OfficeOptions, officePage } from "./routes";

// ---- Open data: the public pages' JSON twins ------------------------------------------------------

const DECISION_STATES = [
  "awaiting-publication",
  "call-in-open",
  "called-in",
  "referred-back",
  "may-be-implemented",
] as const;
export const DecisionNoticeRecord = z
  .strictObject({
    id: z.int(),
    meetingId: z.int(),
    committeeId: z.int(),
    minuteNumber: z.string(),
    title: z.string(),
    keyDecision: z.boolean(),
    decidedOn: z.string(),
    publishedAt: z.string(),
    exempt: z.boolean().describe("Taken in private: the decision, reasons and alternatives are not published"),
    fields: z
      .array(z.strictObject({ label: z.string(), text: z.string() }))
      .describe("The record the 2012 regulations (reg 12) require"),
    state: z.enum(DECISION_STATES),
    stateText: z.string(),
    implementableFrom: z.string().nullable(),
    callIn: z
      .strictObject({
        publishedOn: z.string(),
        closesOn: z.string(),
        closesAt: z.string(),
        countedDays: z.array(z.string()),
        skipped: z.array(z.strictObject({ date: z.string(), why: z.string() })),
      })
      .nullable(),
  })
  .meta({ id: "DecisionNotice" });
export const DecisionNoticeList = z
  .strictObject({ items: z.array(DecisionNoticeRecord) })
  .meta({ id: "DecisionNoticeList" });
export const SignedCommittees = z
  .strictObject({ items: z.array(z.strictObject({ id: z.int(), name: z.string(), links: z.int() })) })
  .meta({ id: "SignedCommittees" });
export const SignedMinutesCheck = z
  .strictObject({
    committee: z.strictObject({ id: z.int(), name: z.string() }),
    ok: z.boolean(),
    links: z.int(),
    brokenAt: z.int().nullable().describe("0-based index of the first signature that no longer holds"),
    reason: z.string().nullable(),
    signatures: z.array(
      z.strictObject({
        meetingId: z.int(),
        date: z.string().nullable(),
        versionId: z.int(),
        versionSha256: z.string(),
        prevHash: z.string().nullable(),
        hash: z.string(),
        signer: z.string(),
        signedAt: z.string(),
        verified: z.boolean(),
      }),
    ),
  })
  .meta({ id: "SignedMinutesCheck" });

export type MinutesOfficeOptions = OfficeOptions & { repo: Repository };

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
const paragraphsList = (s: string): number[] =>
  [...new Set((s.match(/\d+/g) ?? []).map(Number).filter((n) => n >= 1 && n <= 7))].sort((a, b) => a - b);

/** A pending item as pack's agenda builder takes it (office/agenda ReferralSource). */
export function asAgendaOffer(i: OfferedItem): AgendaOffer {
  return { key: `pending:${i.id}`, title: i.text, from: i.fromCommitteeName, reportBy: null, exemptParagraphs: [] };
}

/**
 * The items offered to a committee's next agenda (referrals and due promises): the ReferralSource the
 * agenda builder takes, and what the receiving committee's pages list.
 */
export async function pendingItemsOffered(minutes: MinutesStore, committeeId: number, today: string) {
  return pendingItemsFor(
    await minutes.pendingItems(committeeId),
    committeeId,
    await minutes.meetingSlots(committeeId),
    today,
  );
}

/** pendingItemsOffered in the shape of the agenda builder's ReferralSource (office/agenda.ts). */
export const referralSource =
  (minutes: MinutesStore) =>
  async (committeeId: number, meetingDate: string): Promise<AgendaOffer[]> =>
    (await pendingItemsOffered(minutes, committeeId, meetingDate))
      .filter((i) => !i.due || i.due.date <= meetingDate)
      .map(asAgendaOffer);

/** Marks an offered item placed when the agenda builder accepts it, so it is offered no more. */
export const placeReferral =
  (minutes: MinutesStore) =>
  async (key: string, meetingId: number): Promise<void> => {
    const m = /^pending:(\d+)$/.exec(key);
    if (m) await minutes.placePending(Number(m[1]), meetingId);
  };

export function registerMinutesRoutes(app: Hono, o: MinutesOfficeOptions): void {
  const { repo } = o;
  const office = repo.office;
  const minutes = new MinutesStore(repo.sql);
  const token = (c: Context) => formTokenField(c, o.secureCookies);
  const today = () => o.now().toISOString().slice(0, 10);
  const page = (c: Context, title: string, body: Html, status: 200 | 400 | 422 = 200) =>
    c.html(officePage(c, o, { title, body, breadcrumbs: [{ text: "Your office page", href: "/office" }] }), status, {
      "Cache-Control": "no-store",
    });
  const audit = (c: Context, action: string, object: string, detail: Record<string, unknown> = {}) =>
    o.store.audit({ actorId: auth(c).user?.id ?? null, action, object, detail }, o.now());

  const meetingOf = async (c: Context) => {
    const m = await office.meeting(Number(c.req.param("mid")));
    if (!m) throw notFound("There is no such meeting.");
    return m;
  };
  const committeeOfMeeting = async (c: Context) =>
    (await office.meeting(Number(c.req.param("mid"))))?.committee.id ?? 0;
  const minutesObject =
    (state: "draft" | "approved" | "signed") =>
    async (c: Context): Promise<PolicyObject> => ({ kind: "minutes", committeeId: await committeeOfMeeting(c), state });
  const viewDraft = requirePermission("view", minutesObject("draft"), { now: o.now });
  const editDraft = requirePermission("edit", minutesObject("draft"), { now: o.now });

  const recordOf = async (mid: number): Promise<MinutesRecord> => (await minutes.draft(mid))?.record ?? emptyMinutes();
  const save = async (c: Context, mid: number, rec: MinutesRecord, what: string) => {
    await minutes.saveDraft(mid, rec, auth(c).user?.id ?? null, o.now());
    await audit(c, "minutes.edited", `meeting:${mid}`, { what });
  };
  const metaOf = async (mid: number): Promise<MeetingMeta> => {
    const m = (await office.meeting(mid))!;
    const council = await office.council();
    return { body: m.committee.name, authority: council?.name ?? null, date: m.date ?? "", location: m.location };
  };
  const wsUrl = (mid: number) => `/office/meetings/${mid}/minutes`;

  // ---- The workspace ------------------------------------------------------------------------------

  const workspace = async (c: Context, values: Fields = {}, errors: FieldErrors = {}) => {
    const m = await meetingOf(c);
    const mid = m.meetingId;
    const rec = await recordOf(mid);
    const committee = await office.getCommittee(m.committee.id);
    const q = quorumCheck(committee?.quorum ?? null, rec.attendance);
    const now = o.now();
    const p = auth(c).principal;
    const editable = can(p, "edit", { kind: "minutes", committeeId: m.committee.id, state: "draft" }, now);
    const versions = await minutes.versions(mid);
    const notices = await minutes.notices({ meetingId: mid });
    const offered = await pendingItemsOffered(minutes, m.committee.id, today());
    // The previous meeting of the committee whose minutes this meeting approves.
    const slots = (await minutes.meetingSlots(m.committee.id)).filter((s) => !s.cancelled && s.date < (m.date ?? ""));
    const prev = slots.length ? slots[slots.length - 1] : null;
    const prevVersions = prev ? await minutes.versions(prev.meetingId) : [];
    const prevApproved = prevVersions.find((v) => v.approvedAt);
    const prevPublished = prevVersions.filter((v) => v.publishedAt);
    const prevSigned = prevApproved ? await minutes.signatureOf(prevApproved.id) : null;
    const canSign =
      prevApproved && !prevSigned
        ? can(p, "sign", { kind: "minutes", committeeId: m.committee.id, state: "approved" }, now)
        : false;
    const signatures = await Promise.all(versions.map((v) => minutes.signatureOf(v.id)));
    const members = committee ? await office.membersOn(committee.id, m.date ?? today()) : [];

    const attendanceRows = rec.attendance.map(
      (a, i) =>
        html`<tr class="govuk-table__row"><td class="govuk-table__cell">${a.name}${a.chair ? " (in the Chair)" : ""}</td><td class="govuk-table__cell">${ATTENDANCE_LABELS[a.kind]}${a.substituteFor ? `, for ${a.substituteFor}` : ""}${a.role ? `, ${a.role}` : ""}</td><td class="govuk-table__cell">${
          editable
            ? html`<form method="post" action="${wsUrl(mid)}/attendance/${i}/remove">${token(c)}<button class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Remove<span class="govuk-visually-hidden"> ${a.name}</span></button></form>`
            : null
        }</td></tr>`,
    );
    const itemRows = rec.items.map((it) => {
      const flags = [
        it.exemptParagraphs.length ? `exempt (paragraph ${it.exemptParagraphs.join(", ")})` : "",
        it.urgencyReason ? "urgent" : "",
        it.keyDecision ? "key decision" : "",
        it.executive ? "executive decision" : "",
        it.declarations.length ? `${it.declarations.length} declaration(s)` : "",
        it.motions.length ? `${it.motions.length} motion(s)` : "",
      ].filter(Boolean);
      const verdict =
        it.resolution && it.recommendation
          ? VERDICT_TEXT[resolutionDiff(it.recommendation, it.resolution).verdict]
          : "";
      return html`<tr class="govuk-table__row"><td class="govuk-table__cell">${it.number}</td><td class="govuk-table__cell"><a class="govuk-link" href="${wsUrl(mid)}/items/${encodeURIComponent(it.number)}">${it.title}</a></td><td class="govuk-table__cell">${flags.join("; ")}${verdict ? html`<br><strong class="govuk-tag govuk-tag--grey">${verdict}</strong>` : null}</td></tr>`;
    });
    const body = html`${errorSummary(errors)}
<span class="govuk-caption-l">${m.committee.name}</span>
<h1 class="govuk-heading-l">Minutes: ${m.date ? longDate(m.date) : "date to be fixed"}</h1>
<div class="govuk-inset-text" id="quorum"><strong>${q.summary}.</strong>${q.notCounted.length ? html` Not counted: ${q.notCounted.map((n) => `${n.name} (${n.why})`).join(", ")}.` : null}</div>

<h2 class="govuk-heading-m" id="attendance">Attendance</h2>
${
  rec.attendance.length
    ? html`<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Who attended</caption><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Attendance</th><th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Actions</span></th></tr></thead><tbody class="govuk-table__body">${attendanceRows}</tbody></table>`
    : html`<p class="govuk-body">No attendance recorded yet.</p>`
}
${
  editable
    ? html`${members.length ? html`<form method="post" action="${wsUrl(mid)}/attendance/roll-call">${token(c)}${button("Mark every member present", true)}</form>` : null}
<form method="post" action="${wsUrl(mid)}/attendance" novalidate>${token(c)}
<fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Add a person</legend>
${textInput({ name: "name", label: "Name as it is to be printed", value: values.name, errors })}
${radios(
  "kind",
  "Attendance",
  ATTENDANCE_KINDS.map((k) => ({ value: k, text: ATTENDANCE_LABELS[k] })),
  values.kind ?? "",
  errors,
)}
${textInput({ name: "substituteFor", label: "Substitute for (if a substitute)", value: values.substituteFor, errors })}
${textInput({ name: "role", label: "Role or job title (optional)", value: values.role, errors })}
${checkbox("chair", "In the Chair", values.chair === "on")}
${button("Add to attendance")}</fieldset></form>`
    : null
}

<h2 class="govuk-heading-m" id="items">Items</h2>
${
  rec.items.length
    ? html`<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Minute items</caption><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Minute</th><th scope="col" class="govuk-table__header">Title</th><th scope="col" class="govuk-table__header">Recorded</th></tr></thead><tbody class="govuk-table__body">${itemRows}</tbody></table>`
    : html`<p class="govuk-body">No items yet.</p>`
}
${
  editable
    ? html`<form method="post" action="${wsUrl(mid)}/items/from-agenda">${token(c)}${button("Start the items from the agenda and the reports’ recommendations", true)}</form>
<form method="post" action="${wsUrl(mid)}/items" novalidate>${token(c)}
<fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Add an item</legend>
${textInput({ name: "title", label: "Title", value: values.title, errors })}
${textInput({ name: "exemptParagraphs", label: "Exempt under Schedule 12A paragraphs (leave blank if public)", hint: "For example 3", width: "5", value: values.exemptParagraphs, errors })}
${textarea("urgencyReason", "If the chair took this item as urgent, the reason (it is printed in the minutes)", values.urgencyReason ?? "", errors)}
${button("Add item")}</fieldset></form>`
    : null
}

<h2 class="govuk-heading-m" id="previous">Minutes of the previous meeting</h2>
${
  !prev
    ? html`<p class="govuk-body">This is the committee’s first meeting in the calendar.</p>`
    : prevApproved
      ? html`<p class="govuk-body">Version ${prevApproved.number} of the minutes of ${longDate(prev.date)} was approved${prevApproved.approvedAtMeetingId === mid ? " at this meeting" : ""}. ${prevSigned ? html`Signed by ${prevSigned.signer} on ${prevSigned.signedAt.slice(0, 10)}.` : "Awaiting the chair’s signature."}</p>
${canSign ? html`<form method="post" action="/office/minutes/versions/${prevApproved.id}/sign">${token(c)}${button("Sign these minutes as chair")}</form>` : null}`
      : prevPublished.length
        ? html`<p class="govuk-body">The minutes of ${longDate(prev.date)} are published and await approval.</p>
${editable ? html`<form method="post" action="/office/minutes/versions/${prevPublished[prevPublished.length - 1].id}/approve">${token(c)}<input type="hidden" name="atMeetingId" value="${String(mid)}">${button(`Record that the committee approved version ${prevPublished[prevPublished.length - 1].number} as a correct record`)}</form>` : null}`
        : html`<p class="govuk-body">The minutes of ${longDate(prev.date)} have not been published yet.</p>`
}

<h2 class="govuk-heading-m" id="versions">Versions</h2>
${
  versions.length
    ? html`<ul class="govuk-list">${versions.map(
        (v, i) =>
          html`<li>Version ${v.number}: published ${v.publishedAt?.slice(0, 10) ?? "no"}${v.approvedAt ? `, approved ${v.approvedAt.slice(0, 10)}` : ""}${signatures[i] ? `, signed by ${signatures[i]!.signer}` : ""}. <code class="minutebook-hash">${v.sha256.slice(0, 16)}…</code>
<a class="govuk-link" href="/minutes/versions/${v.id}/minutes.txt">text</a>, <a class="govuk-link" href="/minutes/versions/${v.id}/minutes.pdf">PDF</a>, <a class="govuk-link" href="/minutes/versions/${v.id}/minutes.docx">Word</a> (public);
<a class="govuk-link" href="/office/minutes/versions/${v.id}/full.pdf">full PDF</a>, <a class="govuk-link" href="/office/minutes/versions/${v.id}/full.docx">full Word</a> (with exempt items)</li>`,
      )}</ul>`
    : html`<p class="govuk-body">Not published yet.</p>`
}
<p class="govuk-body">Draft as it stands (with exempt items): <a class="govuk-link" href="${wsUrl(mid)}/draft.pdf">PDF</a>, <a class="govuk-link" href="${wsUrl(mid)}/draft.docx">Word</a>.</p>
${editable && rec.items.length ? html`<form method="post" action="${wsUrl(mid)}/publish">${token(c)}${button("Publish these minutes")}</form>` : null}

<h2 class="govuk-heading-m" id="notices">Decision notices</h2>
${
  notices.length
    ? html`<ul class="govuk-list">${notices.map((n) => html`<li><a class="govuk-link" href="/office/decisions/${n.id}">${n.minuteNumber}. ${n.title}</a>: ${n.publishedAt ? `published ${n.publishedAt.slice(0, 10)}` : "not published"}</li>`)}</ul>`
    : html`<p class="govuk-body">None. Executive decisions get a notice when the minutes are published.</p>`
}

<h2 class="govuk-heading-m" id="pending">Items referred to this committee</h2>
${
  offered.length
    ? html`<ul class="govuk-list govuk-list--bullet">${offered.map((i) => html`<li>${i.kind === "promise" ? "Promised report" : `From ${i.fromCommitteeName}`} (minute ${i.minuteNumber}, ${longDate(i.fromMeetingDate)}): ${i.text}${i.due ? ` — due at the meeting of ${longDate(i.due.date)}` : ""}${i.overdue ? " (overdue)" : ""}</li>`)}</ul>`
    : html`<p class="govuk-body">Nothing is waiting for this committee.</p>`
}`;
    return page(c, errorTitle(`Minutes: ${m.committee.name}`, errors), body, Object.keys(errors).length ? 422 : 200);
  };

  app.get("/office/meetings/:mid/minutes", viewDraft, (c) => workspace(c));

  const attendanceForm = z.object({
    name: z.string().trim().min(1, "Enter the person’s name").max(200),
    kind: z.enum(ATTENDANCE_KINDS, { message: "Select how they attended" }),
    substituteFor: z.string().trim().max(200).default(""),
    role: z.string().trim().max(200).default(""),
    chair: z.string().optional(),
  });
  app.post("/office/meetings/:mid/minutes/attendance", editDraft, async (c) => {
    const m = await meetingOf(c);
    const v = await checkFormToken(c, o.secureCookies);
    const r = parseForm(attendanceForm, v);
    if (!r.ok) return workspace(c, v, r.errors.fields);
    const rec = await recordOf(m.meetingId);
    const people = await office.listPeople({ q: r.value.name });
    const person = people.find((p) => p.name === r.value.name);
    const a: Attendee = attendee.parse({
      personId: person?.id ?? null,
      name: r.value.name,
      kind: r.value.kind,
      substituteFor: r.value.substituteFor || null,
      role: r.value.role || null,
      chair: r.value.chair === "on",
    });
    const attendance = rec.attendance
      .filter((x) => x.name !== a.name)
      .map((x) => (a.chair ? { ...x, chair: false } : x));
    await save(c, m.meetingId, { ...rec, attendance: [...attendance, a] }, "attendance");
    return c.redirect(`${wsUrl(m.meetingId)}#attendance`, 303);
  });
  app.post("/office/meetings/:mid/minutes/attendance/roll-call", editDraft, async (c) => {
    const m = await meetingOf(c);
    await checkFormToken(c, o.secureCookies);
    const rec = await recordOf(m.meetingId);
    const seats = await office.membersOn(m.committee.id, m.date ?? today());
    const known = new Set(rec.attendance.map((a) => a.name));
    const added = seats
      .filter((s) => s.role !== "substitute" && !known.has(s.person.name))
      .map((s) =>
        attendee.parse({
          personId: s.person.id,
          name: s.person.name,
          kind: "present",
          voting: s.voting,
          chair: s.position === "chair" && !rec.attendance.some((a) => a.chair),
        }),
      );
    await save(c, m.meetingId, { ...rec, attendance: [...rec.attendance, ...added] }, "roll call");
    return c.redirect(`${wsUrl(m.meetingId)}#attendance`, 303);
  });
  app.post("/office/meetings/:mid/minutes/attendance/:i/remove", editDraft, async (c) => {
    const m = await meetingOf(c);
    await checkFormToken(c, o.secureCookies);
    const rec = await recordOf(m.meetingId);
    const i = Number(c.req.param("i"));
    await save(c, m.meetingId, { ...rec, attendance: rec.attendance.filter((_, j) => j !== i) }, "attendance");
    return c.redirect(`${wsUrl(m.meetingId)}#attendance`, 303);
  });

  const nextNumber = (rec: MinutesRecord) =>
    String(rec.items.reduce((n, i) => Math.max(n, Number.parseInt(i.number, 10) || 0), 0) + 1);
  const itemForm = z.object({
    title: z.string().trim().min(1, "Enter the item’s title").max(500),
    exemptParagraphs: z
      .string()
      .default("")
      .refine((s) => !s.trim() || paragraphsList(s).length > 0, "Enter paragraph numbers from 1 to 7"),
    urgencyReason: z.string().trim().max(2000).default(""),
  });
  app.post("/office/meetings/:mid/minutes/items", editDraft, async (c) => {
    const m = await meetingOf(c);
    const v = await checkFormToken(c, o.secureCookies);
    const r = parseForm(itemForm, v);
    if (!r.ok) return workspace(c, v, r.errors.fields);
    const rec = await recordOf(m.meetingId);
    const it = minuteItem.parse({
      number: nextNumber(rec),
      title: r.value.title,
      exemptParagraphs: paragraphsList(r.value.exemptParagraphs),
      urgencyReason: r.value.urgencyReason || null,
    });
    await save(c, m.meetingId, { ...rec, items: [...rec.items, it] }, "item added");
    return c.redirect(`${wsUrl(m.meetingId)}/items/${encodeURIComponent(it.number)}`, 303);
  });

  // Items from the agenda (keyed in or imported) with each report's recommendations as the starting resolution.
  app.post("/office/meetings/:mid/minutes/items/from-agenda", editDraft, async (c) => {
    const m = await meetingOf(c);
    await checkFormToken(c, o.secureCookies);
    const rec = await recordOf(m.meetingId);
    const detail = await repo.getMeeting(m.meetingId);
    const have = new Set(rec.items.map((i) => i.agendaItem).filter(Boolean));
    let n = Number(nextNumber(rec));
    const added: MinuteItem[] = [];
    for (const a of detail?.agenda ?? []) {
      if (have.has(a.number)) continue;
      const report = detail?.reports.find((r) => r.agendaItem === a.number);
      const recs = report?.recommendations ?? [];
      const letters = "abcdefghijklmnopqrstuvwxyz";
      const recommendation = recs.length
        ? recs.map((t, i) => (recs.length > 1 ? `(${letters[i]}) ${t}` : t)).join("\n")
        : null;
      added.push(
        minuteItem.parse({
          number: String(n++),
          agendaItem: a.number,
          title: a.title,
          exemptParagraphs: a.exemptParagraphs,
          recommendation,
          resolution: recommendation,
        }),
      );
    }
    await save(c, m.meetingId, { ...rec, items: [...rec.items, ...added] }, "items from the agenda");
    return c.redirect(`${wsUrl(m.meetingId)}#items`, 303);
  });

  // ---- One item ---------------------------------------------------------------------------------------

  const itemOf = (rec: MinutesRecord, c: Context) => {
    const n = c.req.param("n");
    const i = rec.items.findIndex((x) => x.number === n);
    if (i < 0) throw notFound("There is no such item in these minutes.");
    return i;
  };
  const diffView = (it: MinuteItem): Html | null => {
    if (!it.resolution) return null;
    const d = resolutionDiff(it.recommendation, it.resolution);
    return html`<div class="govuk-inset-text" id="diff"><p class="govuk-body"><strong>${VERDICT_TEXT[d.verdict]}</strong>${d.verdict === "with-amendments" ? ` (${d.added} word(s) added, ${d.removed} removed)` : ""}</p>${
      d.verdict === "with-amendments"
        ? html`<p class="govuk-body minutebook-diff">${d.parts.map((p) =>
            p.kind === "same" ? p.text : p.kind === "added" ? html`<ins>${p.text}</ins>` : html`<del>${p.text}</del>`,
          )}</p>`
        : null
    }</div>`;
  };

  const itemPage = async (c: Context, values: Fields | null = null, errors: FieldErrors = {}, which = "item") => {
    const m = await meetingOf(c);
    const rec = await recordOf(m.meetingId);
    const it = rec.items[itemOf(rec, c)];
    const base = `${wsUrl(m.meetingId)}/items/${encodeURIComponent(it.number)}`;
    const v: Fields = values ?? {
      title: it.title,
      agendaItem: it.agendaItem ?? "",
      exemptParagraphs: it.exemptParagraphs.join(", "),
      publicSummary: it.publicSummary ?? "",
      urgencyReason: it.urgencyReason ?? "",
      minuteText: it.minuteText,
      recommendation: it.recommendation ?? "",
      resolution: it.resolution ?? "",
      keyDecision: it.keyDecision ? "on" : "",
      executive: it.executive ? "on" : "",
      reasons: it.reasons,
      alternatives: it.alternatives,
    };
    const ve = (form: string) => (which === form ? v : {});
    const ee = (form: string) => (which === form ? errors : {});
    const names = rec.attendance.filter((a) => a.kind !== "officer").map((a) => a.name);
    // The register entries of the members at the meeting, for a declaration to point at.
    const register: { value: string; text: string }[] = [];
    for (const a of rec.attendance) {
      if (!a.personId) continue;
      for (const e of await office.interests(a.personId, "office"))
        if (!e.endedOn) register.push({ value: String(e.id), text: `${a.name}: ${e.description}` });
    }
    const committees = (await office.listCommittees()).filter((x) => x.kept);
    const suggestions = it.resolution
      ? suggestCarryForward(
          it.resolution,
          committees.map((x) => x.name),
        )
      : [];
    const body = html`${errorSummary(errors)}
<span class="govuk-caption-l">${m.committee.name}, ${m.date ? longDate(m.date) : ""}</span>
<h1 class="govuk-heading-l">Minute ${it.number}: ${it.title}</h1>
<p class="govuk-body"><a class="govuk-link" href="${wsUrl(m.meetingId)}#items">Back to the minutes</a></p>
${diffView(it)}
<form method="post" action="${base}" novalidate>${token(c)}
${textInput({ name: "title", label: "Title", value: ve("item").title ?? v.title, errors: ee("item") })}
${textInput({ name: "agendaItem", label: "Agenda item number (optional)", width: "5", value: v.agendaItem, errors: ee("item") })}
${textInput({ name: "exemptParagraphs", label: "Exempt under Schedule 12A paragraphs (blank if public)", width: "5", value: v.exemptParagraphs, errors: ee("item") })}
${textarea("publicSummary", "For an exempt item: what the public minutes say instead", v.publicSummary ?? "", ee("item"))}
${textarea("urgencyReason", "If taken as urgent: the chair’s reason", v.urgencyReason ?? "", ee("item"))}
${textarea("minuteText", "Minute text (one paragraph a line)", v.minuteText ?? "", ee("item"))}
${textarea("recommendation", "The report’s recommendation", v.recommendation ?? "", ee("item"), "Where the resolution started from. One clause a line.")}
${textarea("resolution", "Resolved", v.resolution ?? "", ee("item"), "As passed. One clause a line, like (a) That the report be noted.")}
${checkbox("keyDecision", "Key decision", v.keyDecision === "on")}
${checkbox("executive", "Executive decision (needs a decision notice and a call-in period)", v.executive === "on")}
${textarea("reasons", "Reasons for the decision", v.reasons ?? "", ee("item"))}
${textarea("alternatives", "Alternative options considered and rejected", v.alternatives ?? "", ee("item"))}
${button("Save item")}</form>

<h2 class="govuk-heading-m" id="declarations">Declarations of interest</h2>
${it.declarations.length ? html`<ul class="govuk-list govuk-list--bullet">${it.declarations.map((d, i) => html`<li>${d.member}: ${DECLARATION_LABELS[d.kind]} ${d.nature}${d.interestId ? " (on the register)" : ""}${d.leftRoom ? "; left the room" : ""}${d.dispensation ? `; dispensation: ${d.dispensation}` : ""} <form class="minutebook-inline-form" method="post" action="${base}/remove">${token(c)}<input type="hidden" name="part" value="declarations"><input type="hidden" name="index" value="${String(i)}"><button class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Remove</button></form></li>`)}</ul>` : html`<p class="govuk-body">None recorded.</p>`}
<form method="post" action="${base}/declarations" novalidate>${token(c)}
${select({ name: "member", label: "Member", value: ve("declarations").member, errors: ee("declarations"), options: [{ value: "", text: "Choose" }, ...names.map((n) => ({ value: n, text: n }))] })}
${radios(
  "kind",
  "Kind of interest",
  DECLARATION_KINDS.map((k) => ({ value: k, text: DECLARATION_LABELS[k] })),
  ve("declarations").kind ?? "",
  ee("declarations"),
)}
${textInput({ name: "nature", label: "The interest", hint: "For example: as a trustee of the Friends of the Library", value: ve("declarations").nature, errors: ee("declarations") })}
${select({ name: "interestId", label: "Register entry (optional)", value: ve("declarations").interestId, errors: ee("declarations"), options: [{ value: "", text: "Not on the register" }, ...register] })}
${checkbox("leftRoom", "Left the room for this item", ve("declarations").leftRoom === "on")}
${textInput({ name: "dispensation", label: "Dispensation held (optional)", value: ve("declarations").dispensation, errors: ee("declarations") })}
${button("Add declaration", true)}</form>

<h2 class="govuk-heading-m" id="motions">Motions, amendments and votes</h2>
${it.motions.length ? html`<ul class="govuk-list govuk-list--bullet">${it.motions.map((x, i) => html`<li>${x.kind === "amendment" ? "Amendment" : "Motion"} by ${x.mover}${x.seconder ? `, seconded by ${x.seconder}` : ""}: “${x.text}” — ${x.outcome}${x.counts ? ` (${x.counts.for}–${x.counts.against}–${x.counts.abstain})` : ""}${x.recorded.length ? `; recorded vote of ${x.recorded.length}` : ""} <form class="minutebook-inline-form" method="post" action="${base}/remove">${token(c)}<input type="hidden" name="part" value="motions"><input type="hidden" name="index" value="${String(i)}"><button class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Remove</button></form></li>`)}</ul>` : html`<p class="govuk-body">None recorded.</p>`}
<form method="post" action="${base}/motions" novalidate>${token(c)}
${radios(
  "motionKind",
  "Motion or amendment",
  [
    { value: "motion", text: "Motion" },
    { value: "amendment", text: "Amendment" },
  ],
  ve("motions").motionKind ?? "",
  ee("motions"),
)}
${textarea("text", "Wording", ve("motions").text ?? "", ee("motions"))}
${select({ name: "mover", label: "Moved by", value: ve("motions").mover, errors: ee("motions"), options: [{ value: "", text: "Choose" }, ...names.map((n) => ({ value: n, text: n }))] })}
${select({ name: "seconder", label: "Seconded by", value: ve("motions").seconder, errors: ee("motions"), options: [{ value: "", text: "Not seconded" }, ...names.map((n) => ({ value: n, text: n }))] })}
${radios(
  "outcome",
  "Outcome",
  OUTCOMES.map((x) => ({ value: x, text: x[0].toUpperCase() + x.slice(1) })),
  ve("motions").outcome ?? "",
  ee("motions"),
)}
${textInput({ name: "for", label: "Votes for", width: "3", inputmode: "numeric", value: ve("motions").for, errors: ee("motions") })}
${textInput({ name: "against", label: "Votes against", width: "3", inputmode: "numeric", value: ve("motions").against, errors: ee("motions") })}
${textInput({ name: "abstain", label: "Abstentions", width: "3", inputmode: "numeric", value: ve("motions").abstain, errors: ee("motions") })}
${textarea("recorded", "Recorded vote (if one was taken)", ve("motions").recorded ?? "", ee("motions"), "One member a line: the name, a colon, then for, against or abstain. Counts are taken from it when it is given.")}
${button("Add motion or amendment", true)}</form>

<h2 class="govuk-heading-m" id="carry-forward">Carried forward</h2>
${it.carryForward.length ? html`<ul class="govuk-list govuk-list--bullet">${it.carryForward.map((x, i) => html`<li>${x.kind === "promise" ? "Further report" : "Referred"} to ${committees.find((k) => k.id === x.toCommitteeId)?.name ?? "?"}: ${x.text}${x.notBefore ? ` (not before ${x.notBefore})` : ""} <form class="minutebook-inline-form" method="post" action="${base}/remove">${token(c)}<input type="hidden" name="part" value="carryForward"><input type="hidden" name="index" value="${String(i)}"><button class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Remove</button></form></li>`)}</ul>` : html`<p class="govuk-body">Nothing yet.</p>`}
${suggestions.length ? html`<p class="govuk-body">The resolution reads as asking for: ${suggestions.map((s) => (s.kind === "promise" ? `a further report from ${s.notBefore}` : `a referral to ${s.toName}`)).join("; ")}.</p>` : null}
<form method="post" action="${base}/carry-forward" novalidate>${token(c)}
${select({ name: "toCommitteeId", label: "To", value: ve("carry").toCommitteeId ?? (suggestions[0]?.toName ? String(committees.find((k) => k.name === suggestions[0].toName)?.id ?? "") : ""), errors: ee("carry"), options: [{ value: "", text: "Choose a committee" }, ...committees.map((k) => ({ value: String(k.id), text: k.name }))] })}
${radios(
  "carryKind",
  "What",
  [
    { value: "referral", text: "A referral for its next meeting" },
    { value: "promise", text: "A further report promised for a later meeting" },
  ],
  ve("carry").carryKind ?? suggestions[0]?.kind ?? "",
  ee("carry"),
)}
${textInput({ name: "text", label: "What is to go on its agenda", value: ve("carry").text ?? suggestions[0]?.text, errors: ee("carry") })}
${textInput({ name: "notBefore", label: "Not before (YYYY-MM-DD, for a promised report)", width: "10", value: ve("carry").notBefore ?? suggestions.find((s) => s.notBefore)?.notBefore ?? "", errors: ee("carry") })}
${button("Add", true)}</form>`;
    return page(
      c,
      errorTitle(`Minute ${it.number}: ${it.title}`, errors),
      body,
      Object.keys(errors).length ? 422 : 200,
    );
  };
  app.get("/office/meetings/:mid/minutes/items/:n", viewDraft, (c) => itemPage(c));

  const itemEdit = z.object({
    title: z.string().trim().min(1, "Enter the item’s title").max(500),
    agendaItem: z.string().trim().max(20).default(""),
    exemptParagraphs: z
      .string()
      .default("")
      .refine((s) => !s.trim() || paragraphsList(s).length > 0, "Enter paragraph numbers from 1 to 7"),
    publicSummary: z.string().trim().max(5000).default(""),
    urgencyReason: z.string().trim().max(2000).default(""),
    minuteText: z.string().trim().max(50_000).default(""),
    recommendation: z.string().trim().max(20_000).default(""),
    resolution: z.string().trim().max(20_000).default(""),
    keyDecision: z.string().optional(),
    executive: z.string().optional(),
    reasons: z.string().trim().max(10_000).default(""),
    alternatives: z.string().trim().max(10_000).default(""),
  });
  app.post("/office/meetings/:mid/minutes/items/:n", editDraft, async (c) => {
    const m = await meetingOf(c);
    const v = await checkFormToken(c, o.secureCookies);
    const rec = await recordOf(m.meetingId);
    const i = itemOf(rec, c);
    const r = parseForm(itemEdit, v);
    const errors: FieldErrors = r.ok ? {} : { ...r.errors.fields };
    if (r.ok && r.value.executive === "on" && !r.value.reasons)
      errors.reasons = "Enter the reasons for the decision: an executive decision’s notice must give them";
    if (r.ok && paragraphsList(r.value.exemptParagraphs).length && !r.value.publicSummary)
      errors.publicSummary = "Enter what the public minutes say of this exempt item";
    if (!r.ok || Object.keys(errors).length) return itemPage(c, v, errors, "item");
    const x = r.value;
    const items = [...rec.items];
    items[i] = {
      ...items[i],
      title: x.title,
      agendaItem: x.agendaItem || null,
      exemptParagraphs: paragraphsList(x.exemptParagraphs),
      publicSummary: x.publicSummary || null,
      urgencyReason: x.urgencyReason || null,
      minuteText: x.minuteText,
      recommendation: x.recommendation || null,
      resolution: x.resolution || null,
      keyDecision: x.keyDecision === "on",
      executive: x.executive === "on",
      reasons: x.reasons,
      alternatives: x.alternatives,
    };
    await save(c, m.meetingId, { ...rec, items }, `item ${items[i].number}`);
    return c.redirect(`${wsUrl(m.meetingId)}/items/${encodeURIComponent(items[i].number)}`, 303);
  });

  const declarationForm = z.object({
    member: z.string().trim().min(1, "Select the member who declared the interest"),
    kind: z.enum(DECLARATION_KINDS, { message: "Select the kind of interest" }),
    nature: z.string().trim().min(1, "Describe the interest").max(2000),
    interestId: z.string().default(""),
    leftRoom: z.string().optional(),
    dispensation: z.string().trim().max(500).default(""),
  });
  app.post("/office/meetings/:mid/minutes/items/:n/declarations", editDraft, async (c) => {
    const m = await meetingOf(c);
    const v = await checkFormToken(c, o.secureCookies);
    const rec = await recordOf(m.meetingId);
    const i = itemOf(rec, c);
    const r = parseForm(declarationForm, v);
    if (!r.ok) return itemPage(c, v, r.errors.fields, "declarations");
    const who = rec.attendance.find((a) => a.name === r.value.member);
    const d = declaration.parse({
      personId: who?.personId ?? null,
      member: r.value.member,
      kind: r.value.kind,
      nature: r.value.nature,
      interestId: r.value.interestId ? Number(r.value.interestId) : null,
      leftRoom: r.value.leftRoom === "on",
      dispensation: r.value.dispensation || null,
    });
    const items = [...rec.items];
    items[i] = { ...items[i], declarations: [...items[i].declarations, d] };
    // Declarations are also printed under the meeting's "Declarations of interest" item, if it has one.
    await save(c, m.meetingId, { ...rec, items }, `declaration on item ${items[i].number}`);
    return c.redirect(`${wsUrl(m.meetingId)}/items/${encodeURIComponent(items[i].number)}#declarations`, 303);
  });

  const count = z.preprocess(
    (x) => (x === "" || x === undefined ? null : x),
    z.coerce.number({ message: "Enter a number of votes" }).int().min(0, "Enter a number of votes").nullable(),
  );
  const motionForm = z.object({
    motionKind: z.enum(["motion", "amendment"], { message: "Select motion or amendment" }),
    text: z.string().trim().min(1, "Enter the wording").max(10_000),
    mover: z.string().trim().min(1, "Select who moved it"),
    seconder: z.string().trim().default(""),
    outcome: z.enum(OUTCOMES, { message: "Select the outcome" }),
    for: count,
    against: count,
    abstain: count,
    recorded: z
      .string()
      .default("")
      .refine(
        (s) => lines(s).every((l) => new RegExp(`^.+:\\s*(${VOTES.join("|")})$`, "i").test(l)),
        "Write each recorded vote as the name, a colon, then for, against or abstain",
      ),
  });
  app.post("/office/meetings/:mid/minutes/items/:n/motions", editDraft, async (c) => {
    const m = await meetingOf(c);
    const v = await checkFormToken(c, o.secureCookies);
    const rec = await recordOf(m.meetingId);
    const i = itemOf(rec, c);
    const r = parseForm(motionForm, v);
    if (!r.ok) return itemPage(c, v, r.errors.fields, "motions");
    const recorded = lines(r.value.recorded).map((l) => {
      const k = l.lastIndexOf(":");
      return {
        member: l.slice(0, k).trim(),
        vote: l
          .slice(k + 1)
          .trim()
          .toLowerCase(),
      };
    });
    const tally = (x: string) => recorded.filter((r) => r.vote === x).length;
    const counts = recorded.length
      ? { for: tally("for"), against: tally("against"), abstain: tally("abstain") }
      : r.value.for !== null || r.value.against !== null
        ? { for: r.value.for ?? 0, against: r.value.against ?? 0, abstain: r.value.abstain ?? 0 }
        : null;
    const x = motion.parse({
      kind: r.value.motionKind,
      text: r.value.text,
      mover: r.value.mover,
      seconder: r.value.seconder || null,
      outcome: r.value.outcome,
      counts,
      recorded,
    });
    const items = [...rec.items];
    items[i] = { ...items[i], motions: [...items[i].motions, x] };
    await save(c, m.meetingId, { ...rec, items }, `motion on item ${items[i].number}`);
    return c.redirect(`${wsUrl(m.meetingId)}/items/${encodeURIComponent(items[i].number)}#motions`, 303);
  });

  const carryForm = z.object({
    toCommitteeId: z.coerce.number({ message: "Select the committee" }).int().positive("Select the committee"),
    carryKind: z.enum(["referral", "promise"], { message: "Select what is carried forward" }),
    text: z.string().trim().min(1, "Enter what is to go on its agenda").max(2000),
    notBefore: z
      .string()
      .trim()
      .default("")
      .refine((s) => !s || /^\d{4}-\d{2}-\d{2}$/.test(s), "Enter a date like 2027-03-01"),
  });
  app.post("/office/meetings/:mid/minutes/items/:n/carry-forward", editDraft, async (c) => {
    const m = await meetingOf(c);
    const v = await checkFormToken(c, o.secureCookies);
    const rec = await recordOf(m.meetingId);
    const i = itemOf(rec, c);
    const r = parseForm(carryForm, v);
    if (!r.ok) return itemPage(c, v, r.errors.fields, "carry");
    const x = carryForward.parse({
      kind: r.value.carryKind,
      toCommitteeId: r.value.toCommitteeId,
      text: r.value.text,
      notBefore: r.value.notBefore || null,
    });
    const items = [...rec.items];
    items[i] = { ...items[i], carryForward: [...items[i].carryForward, x] };
    await save(c, m.meetingId, { ...rec, items }, `carried forward from item ${items[i].number}`);
    return c.redirect(`${wsUrl(m.meetingId)}/items/${encodeURIComponent(items[i].number)}#carry-forward`, 303);
  });

  app.post("/office/meetings/:mid/minutes/items/:n/remove", editDraft, async (c) => {
    const m = await meetingOf(c);
    const v = await checkFormToken(c, o.secureCookies);
    const rec = await recordOf(m.meetingId);
    const i = itemOf(rec, c);
    const part = v.part as "declarations" | "motions" | "carryForward";
    if (!["declarations", "motions", "carryForward"].includes(part)) throw notFound("Nothing to remove.");
    const index = Number(v.index);
    const items = [...rec.items];
    items[i] = { ...items[i], [part]: (items[i][part] as unknown[]).filter((_, j) => j !== index) };
    await save(c, m.meetingId, { ...rec, items }, `removed from item ${items[i].number}`);
    return c.redirect(`${wsUrl(m.meetingId)}/items/${encodeURIComponent(items[i].number)}`, 303);
  });

  // ---- The pre-meeting draft and full versions (exempt items in full: members and officers only) ----

  const exemptViewer = (committeeOf: (c: Context) => Promise<number>) =>
    requirePermission(
      "view",
      async (c) => ({ kind: "exempt-item", committeeId: await committeeOf(c), state: "exempt" }),
      { now: o.now },
    );
  const draftDoc = async (c: Context) => {
    const m = await meetingOf(c);
    await audit(c, "minutes.draft-downloaded", `meeting:${m.meetingId}`);
    return toMeetingDoc(await metaOf(m.meetingId), await recordOf(m.meetingId), { publicOnly: false });
  };
  const fileName = (m: { committee: { name: string }; date: string | null }, ext: string) =>
    `${m.committee.name.replace(/[^A-Za-z0-9]+/g, "-")}-${m.date ?? "undated"}.${ext}`;
  const download = (c: Context, bytes: Uint8Array, type: string, name: string) =>
    c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    });
  const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  app.get("/office/meetings/:mid/minutes/draft.pdf", viewDraft, async (c) => {
    const m = await meetingOf(c);
    return download(c, (await renderMinutesPdf(await draftDoc(c))).bytes, "application/pdf", fileName(m, "pdf"));
  });
  app.get("/office/meetings/:mid/minutes/draft.docx", viewDraft, async (c) => {
    const m = await meetingOf(c);
    return download(c, await renderMinutesDocx(await draftDoc(c)), DOCX, fileName(m, "docx"));
  });
  const versionOr404 = async (c: Context) => {
    const v = await minutes.version(Number(c.req.param("vid")));
    if (!v) throw notFound("There is no such version of the minutes.");
    return v;
  };
  const versionCommittee = async (c: Context) => (await minutes.version(Number(c.req.param("vid"))))?.committeeId ?? 0;
  const fullDoc = async (c: Context) => {
    const v = await versionOr404(c);
    await audit(c, "minutes.full-viewed", `minutes-version:${v.id}`);
    return { v, doc: toMeetingDoc(await metaOf(v.meetingId), v.record, { publicOnly: false }) };
  };
  app.get("/office/minutes/versions/:vid/full.pdf", exemptViewer(versionCommittee), async (c) => {
    const { v, doc } = await fullDoc(c);
    return download(c, (await renderMinutesPdf(doc)).bytes, "application/pdf", `minutes-${v.id}-full.pdf`);
  });
  app.get("/office/minutes/versions/:vid/full.docx", exemptViewer(versionCommittee), async (c) => {
    const { v, doc } = await fullDoc(c);
    return download(c, await renderMinutesDocx(doc), DOCX, `minutes-${v.id}-full.docx`);
  });

  // ---- Publishing -----------------------------------------------------------------------------------

  app.post("/office/meetings/:mid/minutes/publish", editDraft, async (c) => {
    const m = await meetingOf(c);
    await checkFormToken(c, o.secureCookies);
    const rec = await recordOf(m.meetingId);
    const errors: FieldErrors = {};
    if (!m.date) errors.items = "Fix the meeting’s date before publishing its minutes";
    if (!rec.items.length) errors.items = "Add the minutes’ items before publishing them";
    for (const it of rec.items)
      if (it.exemptParagraphs.length && !it.publicSummary)
        errors.items = `Minute ${it.number} is exempt: enter what the public minutes say of it`;
    if (Object.keys(errors).length) return workspace(c, {}, errors);
    const now = o.now();
    const meta = await metaOf(m.meetingId);
    const publicText = renderMinutes(toMeetingDoc(meta, rec, { publicOnly: true })).text;
    const version = await minutes.freeze(m.meetingId, { record: rec, publicText }, auth(c).user?.id ?? null, now);
    // Stored through the import path, like papers read from a council's site: one meeting page either way.
    const bytes = new TextEncoder().encode(publicText);
    const name = `minutes-${m.meetingId}.txt`;
    const { result, lines: textLines } = await parseBytesWithText(name, bytes);
    await repo.importDocument(result, { path: `minutebook:authored/minutes/${m.meetingId}.txt`, lines: textLines });
    await minutes.markPublished(version.id, now);
    // Executive decisions get their notice (to complete and publish); carry-forwards their pending items.
    for (const it of rec.items.filter((x) => x.executive)) {
      const decl = it.declarations;
      await minutes
        .saveNotice({
          meetingId: m.meetingId,
          minuteNumber: it.number,
          title: it.title,
          decision: it.resolution ?? "",
          decidedOn: m.date!,
          reasons: it.reasons,
          alternatives: it.alternatives,
          conflicts: decl.length
            ? decl.map((d) => `${d.member}: ${DECLARATION_LABELS[d.kind]} ${d.nature}`).join("\n")
            : "None declared.",
          dispensations: decl.filter((d) => d.dispensation).length
            ? decl
                .filter((d) => d.dispensation)
                .map((d) => `${d.member}: ${d.dispensation}`)
                .join("\n")
            : "None granted.",
          keyDecision: it.keyDecision,
          urgent: false,
          exemptParagraphs: it.exemptParagraphs,
        })
        .catch((e) => {
          if (!(e instanceof StoreError)) throw e; // an already published notice stays as it was
        });
    }
    await minutes.carryForward(
      m.meetingId,
      rec.items.flatMap((it) =>
        it.carryForward.map((x) => ({
          kind: x.kind,
          minuteNumber: it.number,
          toCommitteeId: x.toCommitteeId,
          text: x.text,
          notBefore: x.notBefore,
        })),
      ),
      now,
    );
    await audit(c, "minutes.published", `meeting:${m.meetingId}`, {
      version: version.number,
      versionId: version.id,
      sha256: version.sha256,
    });
    return c.redirect(`${wsUrl(m.meetingId)}#versions`, 303);
  });

  // ---- Approval and signing ------------------------------------------------------------------------

  app.post(
    "/office/minutes/versions/:vid/approve",
    requirePermission(
      "edit",
      async (c) => ({ kind: "minutes", committeeId: await versionCommittee(c), state: "draft" }),
      { now: o.now },
    ),
    async (c) => {
      const v = await versionOr404(c);
      const f = await checkFormToken(c, o.secureCookies);
      const at = Number(f.atMeetingId);
      try {
        await minutes.approve(v.id, at, o.now());
      } catch (e) {
        if (e instanceof StoreError)
          return page(
            c,
            "The minutes could not be approved",
            html`<h1 class="govuk-heading-l">The minutes could not be approved</h1><p class="govuk-body">${e.message}.</p>`,
            422,
          );
        throw e;
      }
      await audit(c, "minutes.approved", `minutes-version:${v.id}`, { atMeetingId: at, sha256: v.sha256 });
      return c.redirect(`${wsUrl(at)}#previous`, 303);
    },
  );
  app.post(
    "/office/minutes/versions/:vid/sign",
    requirePermission(
      "sign",
      async (c) => {
        const v = await minutes.version(Number(c.req.param("vid")));
        const signed = v ? await minutes.signatureOf(v.id) : null;
        return {
          kind: "minutes",
          committeeId: v?.committeeId ?? 0,
          state: signed ? "signed" : v?.approvedAt ? "approved" : "draft",
        };
      },
      { now: o.now },
    ),
    async (c) => {
      const v = await versionOr404(c);
      await checkFormToken(c, o.secureCookies);
      const user = auth(c).user!;
      const link = await minutes.sign(v.id, { id: user.id, name: user.displayName }, o.now());
      await audit(c, "minutes.signed", `minutes-version:${v.id}`, { sha256: v.sha256, link: link.hash });
      return c.redirect(`${wsUrl(v.approvedAtMeetingId ?? v.meetingId)}#previous`, 303);
    },
  );

  // ---- Decision notices ------------------------------------------------------------------------------

  const noticeOr404 = async (c: Context) => {
    const n = await minutes.notice(Number(c.req.param("id")));
    if (!n) throw notFound("There is no such decision notice.");
    return n;
  };
  const noticeOfficer = requirePermission(
    "publish",
    async (c) => ({
      kind: "committee",
      committeeId: (await minutes.notice(Number(c.req.param("id"))))?.committeeId ?? 0,
    }),
    { now: o.now },
  );
  const statusOf = async (n: StoredNotice) =>
    decisionStatus({
      decidedOn: n.decidedOn,
      publishedAt: n.publishedAt ? new Date(n.publishedAt) : null,
      callIns: (await minutes.callIns(n.id)).map((x) => ({ ...x, requestedAt: new Date(x.requestedAt) })),
      scrutiny: n.scrutiny,
      urgent: n.urgent,
      now: o.now(),
    });
  const windowView = (s: Awaited<ReturnType<typeof statusOf>>): Html | null =>
    s.window
      ? html`<p class="govuk-body">Call-in period: ${s.window.countedDays.length} working days after publication on ${longDate(s.window.publishedOn)}, closing ${longDate(s.window.closesOn)} at ${s.window.closesAt.toISOString().slice(11, 16)} UTC.${s.window.skipped.length ? ` Not counted: ${s.window.skipped.map((d) => `${d.date} (${d.why})`).join(", ")}.` : ""}</p>`
      : null;

  const noticePage = async (c: Context, values: Fields | null = null, errors: FieldErrors = {}) => {
    const n = await noticeOr404(c);
    const s = await statusOf(n);
    const calls = await minutes.callIns(n.id);
    const v: Fields = values ?? {
      decision: n.decision,
      decidedOn: n.decidedOn,
      reasons: n.reasons,
      alternatives: n.alternatives,
      conflicts: n.conflicts,
      dispensations: n.dispensations,
      urgent: n.urgent ? "on" : "",
    };
    const body = html`${errorSummary(errors)}
<span class="govuk-caption-l">Decision notice</span>
<h1 class="govuk-heading-l">${n.minuteNumber}. ${n.title}</h1>
<div class="govuk-inset-text"><strong>${STATE_TEXT[s.state]}.</strong> ${s.why}${s.noticeLate ? " The notice is late." : ""}</div>
${windowView(s)}
<p class="govuk-body">Due for publication by ${longDate(publicationDeadline(n.decidedOn))}. <a class="govuk-link" href="/office/meetings/${n.meetingId}/minutes">Back to the minutes</a>${n.publishedAt ? html`. <a class="govuk-link" href="/decision-notices/${n.id}">Public notice</a>` : null}</p>
${
  n.publishedAt
    ? html`<dl class="govuk-summary-list">${NOTICE_FIELDS.map((f) => html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${f.label}</dt><dd class="govuk-summary-list__value">${String(n[f.field])}</dd></div>`)}</dl>`
    : html`<form method="post" action="/office/decisions/${n.id}" novalidate>${token(c)}
${NOTICE_FIELDS.map((f) => (f.field === "decidedOn" ? textInput({ name: f.field, label: `${f.label} (YYYY-MM-DD)`, width: "10", value: v[f.field], errors }) : textarea(f.field, f.label, v[f.field] ?? "", errors)))}
${checkbox("urgent", "Taken under the urgency procedure (not subject to call-in)", v.urgent === "on")}
${button("Save notice", true)}</form>
<form method="post" action="/office/decisions/${n.id}/publish">${token(c)}${button("Publish the decision notice")}</form>`
}
<h2 class="govuk-heading-m">Call-in</h2>
${calls.length ? html`<ul class="govuk-list govuk-list--bullet">${calls.map((x) => html`<li>${x.requestedAt.slice(0, 16).replace("T", " ")} UTC, signed by ${x.signatories.join(", ")}: ${x.reasons}</li>`)}</ul>` : html`<p class="govuk-body">No call-in requests.</p>`}
${
  n.publishedAt
    ? html`<form method="post" action="/office/decisions/${n.id}/call-ins" novalidate>${token(c)}
${textarea("signatories", "Members calling the decision in (one a line)", "", errors)}
${textarea("callInReasons", "Their reasons", "", errors)}
${button("Record a call-in request", true)}</form>
<form method="post" action="/office/decisions/${n.id}/scrutiny" novalidate>${token(c)}
${radios(
  "outcome",
  "Scrutiny’s decision on a call-in",
  [
    { value: "released", text: "Released: the decision may be implemented" },
    { value: "referred-back", text: "Referred back to the decision maker" },
  ],
  "",
  errors,
)}
${button("Record scrutiny’s decision", true)}</form>`
    : null
}`;
    return page(c, errorTitle(`Decision notice: ${n.title}`, errors), body, Object.keys(errors).length ? 422 : 200);
  };
  app.get("/office/decisions/:id", noticeOfficer, (c) => noticePage(c));
  app.post("/office/decisions/:id", noticeOfficer, async (c) => {
    const n = await noticeOr404(c);
    const v = await checkFormToken(c, o.secureCookies);
    const errors = noticeProblems(v);
    if (v.decidedOn && !/^\d{4}-\d{2}-\d{2}$/.test(v.decidedOn)) errors.decidedOn = "Enter the date like 2027-05-25";
    if (Object.keys(errors).length) return noticePage(c, v, errors);
    try {
      await minutes.saveNotice({
        ...n,
        decision: v.decision.trim(),
        decidedOn: v.decidedOn.trim(),
        reasons: v.reasons.trim(),
        alternatives: v.alternatives.trim(),
        conflicts: v.conflicts.trim(),
        dispensations: v.dispensations.trim(),
        urgent: v.urgent === "on",
      });
    } catch (e) {
      if (e instanceof StoreError) return noticePage(c, v, { decision: e.message });
      throw e;
    }
    await audit(c, "decision-notice.saved", `decision-notice:${n.id}`);
    return c.redirect(`/office/decisions/${n.id}`, 303);
  });
  app.post("/office/decisions/:id/publish", noticeOfficer, async (c) => {
    const n = await noticeOr404(c);
    await checkFormToken(c, o.secureCookies);
    const errors = noticeProblems(n);
    if (Object.keys(errors).length) return noticePage(c, null, errors);
    try {
      await minutes.publishNotice(n.id, o.now());
    } catch (e) {
      if (e instanceof StoreError) return noticePage(c, null, { decision: e.message });
      throw e;
    }
    await audit(c, "decision-notice.published", `decision-notice:${n.id}`);
    return c.redirect(`/office/decisions/${n.id}`, 303);
  });
  app.post("/office/decisions/:id/call-ins", noticeOfficer, async (c) => {
    const n = await noticeOr404(c);
    const v = await checkFormToken(c, o.secureCookies);
    const errors: FieldErrors = {};
    if (!lines(v.signatories ?? "").length) errors.signatories = "Enter the members calling the decision in";
    if (!(v.callInReasons ?? "").trim()) errors.callInReasons = "Enter their reasons";
    if (!n.publishedAt) errors.signatories = "Only a published decision can be called in";
    if (Object.keys(errors).length) return noticePage(c, null, errors);
    await minutes.addCallIn(n.id, {
      requestedAt: o.now(),
      requestedBy: auth(c).user?.id ?? null,
      signatories: lines(v.signatories),
      reasons: v.callInReasons.trim(),
    });
    await audit(c, "decision-notice.called-in", `decision-notice:${n.id}`, {
      signatories: lines(v.signatories).length,
    });
    return c.redirect(`/office/decisions/${n.id}`, 303);
  });
  app.post("/office/decisions/:id/scrutiny", noticeOfficer, async (c) => {
    const n = await noticeOr404(c);
    const v = await checkFormToken(c, o.secureCookies);
    if (v.outcome !== "released" && v.outcome !== "referred-back")
      return noticePage(c, null, { outcome: "Select scrutiny’s decision" });
    await minutes.recordScrutiny(n.id, v.outcome, o.now());
    await audit(c, "decision-notice.scrutiny", `decision-notice:${n.id}`, { outcome: v.outcome });
    return c.redirect(`/office/decisions/${n.id}`, 303);
  });

  // Councillors ask for a call-in themselves (with the colleagues who support it).
  app.post("/decision-notices/:id{[0-9]+}/call-in", requireRole("councillor", undefined, { now: o.now }), async (c) => {
    const n = await noticeOr404(c);
    const v = await checkFormToken(c, o.secureCookies);
    const me = auth(c).user!;
    const reasons = (v.callInReasons ?? "").trim();
    if (!n.publishedAt || !reasons) return c.redirect(`/decision-notices/${n.id}?callin=incomplete`, 303);
    await minutes.addCallIn(n.id, {
      requestedAt: o.now(),
      requestedBy: me.id,
      signatories: [me.displayName, ...lines(v.supporters ?? "")],
      reasons,
    });
    await audit(c, "decision-notice.called-in", `decision-notice:${n.id}`, { byMember: true });
    return c.redirect(`/decision-notices/${n.id}?callin=received`, 303);
  });

  // ---- Public pages ----------------------------------------------------------------------------------

  const publicPage = (c: Context, title: string, body: Html, status: 200 | 400 = 200) =>
    c.html(layout({ title, body }), status);
  const publicNoticeFields = (n: StoredNotice) =>
    NOTICE_FIELDS.map((f) => ({
      label: f.label,
      text:
        n.exemptParagraphs.length && f.field !== "decidedOn" && f.field !== "conflicts" && f.field !== "dispensations"
          ? `Not for publication: exempt under paragraph ${n.exemptParagraphs.join(", ")} of Schedule 12A to the Local Government Act 1972.`
          : String(n[f.field]),
    }));

  app.get("/decision-notices", async (c) => {
    const list = await minutes.notices({ published: true });
    const rows = await Promise.all(
      list.map(async (n) => {
        const s = await statusOf(n);
        return html`<tr class="govuk-table__row"><td class="govuk-table__cell">${longDate(n.decidedOn)}</td><td class="govuk-table__cell"><a class="govuk-link" href="/decision-notices/${n.id}">${n.title}</a>${n.keyDecision ? " (key decision)" : ""}</td><td class="govuk-table__cell">${STATE_TEXT[s.state]}</td></tr>`;
      }),
    );
    return publicPage(
      c,
      "Decision notices",
      html`<h1 class="govuk-heading-l">Decision notices</h1>
<p class="govuk-body">Executive decisions, with the reasons and alternatives the law asks for, and whether each may be implemented yet.</p>
${list.length ? html`<table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Decided</th><th scope="col" class="govuk-table__header">Decision</th><th scope="col" class="govuk-table__header">State</th></tr></thead><tbody class="govuk-table__body">${rows}</tbody></table>` : html`<p class="govuk-body">No decision notices have been published.</p>`}`,
    );
  });
  app.get("/decision-notices/:id{[0-9]+}", async (c) => {
    const n = await minutes.notice(Number(c.req.param("id")));
    if (!n?.publishedAt) throw notFound("There is no such decision notice.");
    const s = await statusOf(n);
    const callin = c.req.query("callin");
    const member = auth(c).user && can(auth(c).principal, "enter", { kind: "office" }, o.now());
    return publicPage(
      c,
      `Decision notice: ${n.title}`,
      html`<span class="govuk-caption-l">Decision notice</span><h1 class="govuk-heading-l">${n.title}</h1>
${callin === "received" ? html`<div class="govuk-notification-banner govuk-notification-banner--success" role="alert"><div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">Your call-in request has been received.</p></div></div>` : null}
<div class="govuk-inset-text" id="state"><strong>${STATE_TEXT[s.state]}.</strong> ${s.why}</div>
${windowView(s)}
<p class="govuk-body">Published ${longDate(n.publishedAt.slice(0, 10))}${n.keyDecision ? ". Key decision" : ""}.</p>
<dl class="govuk-summary-list">${publicNoticeFields(n).map((f) => html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${f.label}</dt><dd class="govuk-summary-list__value">${f.text}</dd></div>`)}</dl>
<p class="govuk-body"><a class="govuk-link" href="/decision-notices/${n.id}/notice.docx">Download as Word</a></p>
${
  member && s.state === "call-in-open"
    ? html`<h2 class="govuk-heading-m">Call this decision in</h2><form method="post" action="/decision-notices/${n.id}/call-in" novalidate>${token(c)}
${textarea("supporters", "Members supporting the call-in (one a line)", "", {})}
${textarea("callInReasons", "Your reasons", "", {})}
${button("Ask for a call-in")}</form>`
    : null
}`,
    );
  });
  app.get("/decision-notices/:id{[0-9]+}/notice.docx", async (c) => {
    const n = await minutes.notice(Number(c.req.param("id")));
    if (!n?.publishedAt) throw notFound("There is no such decision notice.");
    return c.body(
      (await renderFieldsDocx(`Decision notice: ${n.title}`, publicNoticeFields(n))) as Uint8Array<ArrayBuffer>,
      200,
      {
        "Content-Type": DOCX,
        "Content-Disposition": `attachment; filename="decision-notice-${n.id}.docx"`,
      },
    );
  });

  const noticeRecord = async (n: StoredNotice): Promise<z.infer<typeof DecisionNoticeRecord>> => {
    const st = await statusOf(n);
    return {
      id: n.id,
      meetingId: n.meetingId,
      committeeId: n.committeeId,
      minuteNumber: n.minuteNumber,
      title: n.title,
      keyDecision: n.keyDecision,
      decidedOn: n.decidedOn,
      publishedAt: n.publishedAt ?? "",
      exempt: n.exemptParagraphs.length > 0,
      fields: publicNoticeFields(n),
      state: st.state,
      stateText: STATE_TEXT[st.state],
      implementableFrom: st.implementableFrom?.toISOString() ?? null,
      callIn: st.window
        ? {
            publishedOn: st.window.publishedOn,
            closesOn: st.window.closesOn,
            closesAt: st.window.closesAt.toISOString(),
            countedDays: st.window.countedDays,
            skipped: st.window.skipped,
          }
        : null,
    };
  };
  app.get("/api/decision-notices", async (c) =>
    c.json({ items: await Promise.all((await minutes.notices({ published: true })).map(noticeRecord)) }),
  );
  describe(app, "get", "/api/decision-notices", {
    summary: "Published decision notices of executive decisions, with their call-in state",
    response: DecisionNoticeList,
  });
  app.get("/api/decision-notices/:id{[0-9]+}", async (c) => {
    const n = await minutes.notice(Number(c.req.param("id")));
    if (!n?.publishedAt) throw notFound("There is no such decision notice.");
    return c.json(await noticeRecord(n));
  });
  describe(app, "get", "/api/decision-notices/:id{[0-9]+}", {
    summary: "One published decision notice (reg 12 fields, call-in window counted in working days)",
    response: DecisionNoticeRecord,
  });
  describe(app, "get", "/decision-notices/:id{[0-9]+}/notice.docx", {
    summary: "A decision notice as a Word document",
    response: z.string(),
    type: DOCX,
  });
  app.get("/api/minutes/verify", async (c) => c.json({ items: await minutes.signedCommittees() }));
  describe(app, "get", "/api/minutes/verify", {
    summary: "Committees with signed minutes",
    response: SignedCommittees,
  });
  app.get("/api/minutes/verify/:cid", async (c) => {
    const cid = Number(c.req.param("cid"));
    const committee = (await minutes.signedCommittees()).find((x) => x.id === cid);
    if (!committee) throw notFound("This committee has no signed minutes.");
    const chain = await minutes.chain(cid);
    const check = await minutes.verify(cid);
    const signatures = await Promise.all(
      chain.map(async (l, i) => ({
        meetingId: l.meetingId,
        date: (await office.meeting(l.meetingId))?.date ?? null,
        versionId: l.versionId,
        versionSha256: l.versionSha256,
        prevHash: l.prevHash,
        hash: l.hash,
        signer: l.signer,
        signedAt: l.signedAt,
        verified: check.ok || i < check.brokenAt,
      })),
    );
    return c.json({
      committee: { id: committee.id, name: committee.name },
      ok: check.ok,
      links: check.links,
      brokenAt: check.ok ? null : check.brokenAt,
      reason: check.ok ? null : check.reason,
      signatures,
    });
  });
  describe(app, "get", "/api/minutes/verify/:cid", {
    summary: "A committee's signed minutes, each signature's hash chain recomputed from what is stored now",
    response: SignedMinutesCheck,
  });
  for (const [ext, type] of [
    ["txt", "text/plain"],
    ["pdf", "application/pdf"],
    ["docx", DOCX],
  ] as const)
    describe(app, "get", `/minutes/versions/:vid{[0-9]+}/minutes.${ext}`, {
      summary: `Published minutes (${ext}): public items only`,
      response: z.string(),
      type,
    });

  // Published minutes (the public text only; PDF and Word drawn from the public projection).
  const publishedVersion = async (c: Context) => {
    const v = await minutes.version(Number(c.req.param("vid")));
    if (!v?.publishedAt) throw notFound("There are no such published minutes.");
    return v;
  };
  app.get("/minutes/versions/:vid{[0-9]+}/minutes.txt", async (c) => {
    const v = await publishedVersion(c);
    return c.body(v.publicText, 200, { "Content-Type": "text/plain; charset=utf-8" });
  });
  app.get("/minutes/versions/:vid{[0-9]+}/minutes.pdf", async (c) => {
    const v = await publishedVersion(c);
    const doc = toMeetingDoc(await metaOf(v.meetingId), v.record, { publicOnly: true });
    return download(c, (await renderMinutesPdf(doc)).bytes, "application/pdf", `minutes-${v.id}.pdf`);
  });
  app.get("/minutes/versions/:vid{[0-9]+}/minutes.docx", async (c) => {
    const v = await publishedVersion(c);
    const doc = toMeetingDoc(await metaOf(v.meetingId), v.record, { publicOnly: true });
    return download(c, await renderMinutesDocx(doc), DOCX, `minutes-${v.id}.docx`);
  });

  // The signature chain, verified on every request from what is stored now.
  app.get("/minutes/verify", async (c) => {
    const list = await minutes.signedCommittees();
    return publicPage(
      c,
      "Check signed minutes",
      html`<h1 class="govuk-heading-l">Check signed minutes</h1>
<p class="govuk-body">When a chair signs minutes, Minutebook records a fingerprint (SHA-256) of that version and of the committee’s previous signed minutes, so any later change to signed minutes shows here.</p>
${list.length ? html`<ul class="govuk-list">${list.map((x) => html`<li><a class="govuk-link" href="/minutes/verify/${x.id}">${x.name}</a> (${x.links} signed)</li>`)}</ul>` : html`<p class="govuk-body">No minutes have been signed yet.</p>`}`,
    );
  });
  const verifyPage = async (c: Context, copy: { name: string; match: string | null } | null = null) => {
    const cid = Number(c.req.param("cid"));
    const list = await minutes.signedCommittees();
    const committee = list.find((x) => x.id === cid);
    if (!committee) throw notFound("This committee has no signed minutes.");
    const chain = await minutes.chain(cid);
    const check = await minutes.verify(cid);
    const dates = new Map<number, string>();
    for (const l of chain) dates.set(l.meetingId, (await office.meeting(l.meetingId))?.date ?? "");
    const rows = chain.map((l, i) => {
      const state =
        check.ok || i < check.brokenAt
          ? "Verified"
          : i === check.brokenAt
            ? `Broken: ${check.reason}`
            : "Not checked (after a break)";
      return html`<tr class="govuk-table__row"><td class="govuk-table__cell">${dates.get(l.meetingId) ? longDate(dates.get(l.meetingId)!) : ""}</td><td class="govuk-table__cell">${l.signer}, ${l.signedAt.slice(0, 10)}</td><td class="govuk-table__cell"><code>${l.versionSha256.slice(0, 16)}…</code></td><td class="govuk-table__cell"><strong class="govuk-tag ${state === "Verified" ? "govuk-tag--green" : "govuk-tag--red"}">${state}</strong></td></tr>`;
    });
    return publicPage(
      c,
      `Signed minutes: ${committee.name}`,
      html`<span class="govuk-caption-l">Check signed minutes</span><h1 class="govuk-heading-l">${committee.name}</h1>
<div class="govuk-inset-text" id="result">${
        check.ok
          ? html`<strong>All ${check.links} signed minutes verified.</strong> None has changed since it was signed.`
          : html`<strong>Verification failed at signed minutes ${check.brokenAt + 1} of ${check.links}</strong> (the meeting of ${dates.get(check.meetingId) ? longDate(dates.get(check.meetingId)!) : "?"}): ${check.reason}.`
      }</div>
${copy ? html`<div class="govuk-inset-text" id="copy">${copy.match ? html`<strong>${copy.name} matches</strong> the signed minutes of the meeting of ${copy.match}.` : html`<strong>${copy.name} does not match</strong> any signed minutes of this committee.`}</div>` : null}
<table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Meeting</th><th scope="col" class="govuk-table__header">Signed</th><th scope="col" class="govuk-table__header">Fingerprint</th><th scope="col" class="govuk-table__header">Check</th></tr></thead><tbody class="govuk-table__body">${rows}</tbody></table>
<h2 class="govuk-heading-m">Check a copy</h2>
<form method="post" action="/minutes/verify/${cid}" enctype="multipart/form-data" novalidate>${token(c)}
<div class="govuk-form-group"><label class="govuk-label" for="file">A copy of published minutes (the text file)</label><input class="govuk-file-upload" id="file" name="file" type="file"></div>
${button("Check this copy", true)}</form>`,
    );
  };
  app.get("/minutes/verify/:cid", (c) => verifyPage(c));
  app.post("/minutes/verify/:cid", async (c) => {
    await checkFormToken(c, o.secureCookies);
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) return verifyPage(c, { name: "No file", match: null });
    if (file.size > 5_000_000) return verifyPage(c, { name: "The file", match: null });
    const hash = sha256(new Uint8Array(await file.arrayBuffer()));
    let match: string | null = null;
    for (const l of await minutes.chain(Number(c.req.param("cid")))) {
      const v = await minutes.version(l.versionId);
      if (v && v.publicSha256 === hash) match = longDate((await office.meeting(v.meetingId))?.date ?? "");
    }
    return verifyPage(c, { name: "This copy", match });
  });
}
