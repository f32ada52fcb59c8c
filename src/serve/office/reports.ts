/**
 * The officers' pages before a meeting (issue 20): my reports, writing and editing a report (plain forms, a
 * small Markdown subset sanitised by markdown-it, Word import into sections), the clearance queue and its
 * decisions (each bound to the version's hash, each in the audit trail), the agenda builder of a meeting
 * (standard items, offered referrals from a pluggable source, reports, late items with the chair's
 * urgency reason), publication (the check with its counted days, then the pack), and the packs themselves:
 * the public pack and its page map (HTML and API) for everyone, the confidential pack for those entitled
 * (policy check, audit entry, per-viewer watermark). Every page works without JavaScript; every route is
 * guarded through auth/web.ts or asks can() itself before answering.
 */
import { createHash } from "node:crypto";
import type { Context, Hono } from "hono";
import { z } from "zod";
import { can, holds, localDate, type PolicyObject } from "../../auth/policy";
import { auth, checkFormToken, formTokenField, requirePermission, requireSignIn } from "../../auth/web";
import type { NumberedItem, ReferralSource } from "../../office/agenda";
import { clearDays } from "../../office/clear-days";
import {
  type Clearance,
  clearance,
  decide,
  policyState,
  STEP_NAMES,
  STEP_ROLE,
  type StepKind,
} from "../../office/clearance";
import { addDays } from "../../office/dates";
import {
  type ExemptMark,
  type ReportContent,
  reportContent,
  SCHEDULE_12A_PARAGRAPHS,
  SECTION_KEYS,
  SECTION_TITLES,
} from "../../office/reports";
import { importDocx } from "../../publish/docx-import";
import { toHtml } from "../../publish/markdown";
import { watermark } from "../../publish/pack";
import { meetingPlan, noReferrals, publishMeeting } from "../../publish/publish";
import { MinutesStore } from "../../store/common/minutes";
import { PackStore, type Publication, type ReportRecord } from "../../store/common/packs";
import { isStoreUnreachable, type Repository } from "../../store/repository";
import { notFound } from "../errors";
import { formErrors } from "../forms/errors";
import { button, errorSummary, errorTitle, type FieldErrors, select, textInput } from "../forms/fields";
import { type Html, html, raw } from "../html";
import { describe } from "../openapi";
import { type OfficeOptions, officePage } from "./routes";

const Range = z.object({ start: z.int(), end: z.int() }).nullable();
/** The pack's page map as the API gives it: the same ranges the PDF's agenda and bookmarks carry. */
export const PackMap = z
  .object({
    meetingId: z.int(),
    publishedAt: z.string().describe("The instant of the latest publication (ISO 8601, UTC)"),
    publication: z.int().describe("1 for the agenda, 2… for each supplement"),
    kind: z.enum(["agenda", "supplement"]),
    pageCount: z.int(),
    sha256: z.string(),
    pdf: z.string(),
    pageMap: z.array(z.object({ number: z.string(), title: z.string(), pages: Range, pdf: z.string().nullable() })),
    supplements: z.array(
      z.object({
        number: z.int().describe("Supplement 1, 2, … in the order published"),
        publishedAt: z.string(),
        pdf: z.string(),
        items: z
          .array(z.object({ number: z.string(), title: z.string(), pages: Range }))
          .describe("The items it added, with their pages in the current consolidated pack"),
      }),
    ),
    history: z.array(
      z.object({
        publication: z.int(),
        publishedAt: z.string(),
        sha256: z.string(),
        superseded: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: "AgendaPackMap" });

type SupplementEntry = {
  number: number;
  publishedAt: string;
  pdf: string;
  items: { number: string; title: string; pages: { start: number; end: number } | null }[];
};

/** The supplements as a list: each one's PDF, when it was published and the items it added. */
function supplementList(list: readonly SupplementEntry[]): Html | null {
  if (!list.length) return null;
  return html`<h2 class="govuk-heading-m" id="supplements">Supplements</h2><ul class="govuk-list">${list.map(
    (s) =>
      html`<li><a class="govuk-link" href="${s.pdf}">Supplement ${String(s.number)} (PDF)</a>, published ${s.publishedAt.slice(0, 16).replace("T", " ")} UTC: ${s.items.map((i, k) => html`${k ? "; " : ""}item ${i.number}, ${i.title}${i.pages ? ` (${i.pages.start === i.pages.end ? `page ${String(i.pages.start)}` : `pages ${String(i.pages.start)} to ${String(i.pages.end)}`} of the consolidated pack)` : ""}`)}</li>`,
  )}</ul>`;
}

export type ReportRouteOptions = OfficeOptions & {
  repo: Repository;
  /** Items other bodies referred to a committee's meeting (the meeting record plugs in here). */
  referrals?: ReferralSource;
  /** Told when an offered item is put on an agenda (by its key), so its source stops offering it. */
  placeReferral?: (key: string, meetingId: number) => Promise<void>;
};

type Fields = Record<string, string>;

const TAG: Record<string, string> = {
  draft: "govuk-tag--grey",
  returned: "govuk-tag--red",
  "in-clearance": "govuk-tag--blue",
  cleared: "govuk-tag--green",
  published: "govuk-tag--purple",
};
const STATE_TEXT: Record<string, string> = {
  draft: "Draft",
  returned: "Returned to author",
  "in-clearance": "In clearance",
  cleared: "Cleared",
  published: "Published",
};
const tag = (state: string) =>
  html`<strong class="govuk-tag ${TAG[state] ?? ""}">${STATE_TEXT[state] ?? state}</strong>`;

function textarea(name: string, label: string, value: string, errors: FieldErrors, hint?: string, rows = 5): Html {
  const error = errors[name];
  return html`<div class="govuk-form-group${error ? " govuk-form-group--error" : ""}"><label class="govuk-label govuk-label--s" for="${name}">${label}</label>
${hint ? html`<div id="${name}-hint" class="govuk-hint">${hint}</div>` : null}
${error ? html`<p id="${name}-error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${error}</p>` : null}
<textarea class="govuk-textarea${error ? " govuk-textarea--error" : ""}" id="${name}" name="${name}" rows="${String(rows)}"${hint ? html` aria-describedby="${name}-hint"` : null}>${value}</textarea></div>`;
}

function checkbox(name: string, label: string, checked: boolean, hint?: string): Html {
  return html`<div class="govuk-form-group"><div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes"><div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="${name}" name="${name}" type="checkbox" value="on"${checked ? html` checked` : null}${hint ? html` aria-describedby="${name}-hint"` : null}>
<label class="govuk-label govuk-checkboxes__label" for="${name}">${label}</label>${hint ? html`<div id="${name}-hint" class="govuk-hint govuk-checkboxes__hint">${hint}</div>` : null}</div></div></div>`;
}

/** The exempt fields of one part: a checkbox, the paragraphs and the public-interest reason. */
function exemptFields(prefix: string, mark: ExemptMark | null, values: Fields, errors: FieldErrors): Html {
  const on = values[`${prefix}-exempt`] !== undefined ? values[`${prefix}-exempt`] === "on" : !!mark;
  const ps = values[`${prefix}-paragraphs`] ?? mark?.paragraphs.join(", ") ?? "";
  const why = values[`${prefix}-interest`] ?? mark?.publicInterest ?? "";
  return html`<div class="govuk-inset-text govuk-!-margin-top-0">
${checkbox(`${prefix}-exempt`, "Exempt: not for publication (Schedule 12A)", on)}
${textInput({ name: `${prefix}-paragraphs`, label: "Schedule 12A paragraphs", hint: `One or more of ${SCHEDULE_12A_PARAGRAPHS.join(", ")}, separated by commas.`, value: ps, errors, width: "10" })}
${textarea(`${prefix}-interest`, "Why the public interest in keeping it exempt outweighs disclosure", why, errors, undefined, 2)}
</div>`;
}

const lines = (s: string | undefined) =>
  (s ?? "")
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);

/** The report form's fields → report content (unvalidated), and the field each zod path maps to. */
function contentFromFields(f: Fields): unknown {
  const mark = (prefix: string) =>
    f[`${prefix}-exempt`] === "on"
      ? {
          paragraphs: (f[`${prefix}-paragraphs`] ?? "")
            .split(/[,\s]+/)
            .filter(Boolean)
            .map(Number),
          publicInterest: f[`${prefix}-interest`] ?? "",
        }
      : null;
  const contacts = [0, 1]
    .map((i) => ({
      name: f[`contact${i}-name`] ?? "",
      role: f[`contact${i}-role`] ?? "",
      phone: f[`contact${i}-phone`] ?? "",
      email: f[`contact${i}-email`] ?? "",
    }))
    .filter((c) => c.name.trim() || c.role.trim() || c.phone.trim() || c.email.trim());
  const appendices = [0, 1, 2]
    .map((i) => ({
      label: String.fromCharCode(65 + i),
      title: f[`appendix${i}-title`] ?? "",
      text: f[`appendix${i}-text`] ?? "",
      exempt: mark(`appendix${i}`),
    }))
    .filter((a) => a.title.trim() || a.text.trim());
  // Appendices are lettered in order of those filled in.
  appendices.forEach((a, i) => {
    a.label = String.fromCharCode(65 + i);
  });
  return {
    title: f.title ?? "",
    author: f.author ?? "",
    recommendations: lines(f.recommendations),
    sections: Object.fromEntries(SECTION_KEYS.map((k) => [k, { text: f[k] ?? "", exempt: mark(k) }])),
    contacts,
    appendices,
    backgroundPapers: lines(f.backgroundPapers),
    exempt: mark("whole"),
  };
}

/** zod paths ("sections.background.exempt.paragraphs") → the form field that shows the error. */
function fieldOf(path: string): string {
  const p = path.split(".");
  if (p[0] === "sections")
    return p[2] === "exempt" ? `${p[1]}-${p[3] === "publicInterest" ? "interest" : "paragraphs"}` : p[1];
  if (p[0] === "appendices")
    return p[2] === "exempt"
      ? `appendix${p[1]}-${p[3] === "publicInterest" ? "interest" : "paragraphs"}`
      : `appendix${p[1]}-${p[2]}`;
  if (p[0] === "contacts") return `contact${p[1]}-${p[2]}`;
  if (p[0] === "exempt") return p[1] === "publicInterest" ? "whole-interest" : "whole-paragraphs";
  return p[0];
}

function reportForm(c: Context, o: ReportRouteOptions, r: ReportRecord, values: Fields, errors: FieldErrors): Html {
  const cur = r.current.content;
  const v = (k: string, d: string) => values[k] ?? d;
  return html`<form method="post" action="/office/reports/${String(r.id)}" novalidate>
${formTokenField(c, o.secureCookies)}
${textInput({ name: "title", label: "Title", value: v("title", cur.title), errors })}
${textInput({ name: "author", label: "Report of", hint: "As printed: “Director of Corporate Resources”.", value: v("author", cur.author), errors })}
<h3 class="govuk-heading-s">Whole report</h3>
${exemptFields("whole", cur.exempt, values, errors)}
${textarea("recommendations", "Recommendations", v("recommendations", cur.recommendations.join("\n")), errors, "One recommendation a line.")}
${SECTION_KEYS.map(
  (
    k,
  ) => html`${textarea(k, SECTION_TITLES[k], v(k, cur.sections[k].text), errors, k === "purpose" ? "Paragraphs separated by a blank line. Lists start with “- ”; **bold** and _italic_ are kept." : undefined, k === "background" ? 8 : 4)}
<details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Mark “${SECTION_TITLES[k]}” exempt</span></summary><div class="govuk-details__text">${exemptFields(k, cur.sections[k].exempt, values, errors)}</div></details>`,
)}
<h3 class="govuk-heading-s">Officers to contact</h3>
${[0, 1].map((i) => {
  const x = cur.contacts[i];
  return html`<fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Officer ${String(i + 1)}</legend>
${textInput({ name: `contact${i}-name`, label: "Name", value: v(`contact${i}-name`, x?.name ?? ""), errors })}
${textInput({ name: `contact${i}-role`, label: "Job title", value: v(`contact${i}-role`, x?.role ?? ""), errors })}
${textInput({ name: `contact${i}-phone`, label: "Telephone", value: v(`contact${i}-phone`, x?.phone ?? ""), errors, width: "20" })}
${textInput({ name: `contact${i}-email`, label: "E-mail", value: v(`contact${i}-email`, x?.email ?? ""), errors })}</fieldset>`;
})}
<h3 class="govuk-heading-s">Appendices</h3>
${[0, 1, 2].map((i) => {
  const a = cur.appendices[i];
  return html`<fieldset class="govuk-fieldset"><legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Appendix ${String.fromCharCode(65 + i)}</legend>
${textInput({ name: `appendix${i}-title`, label: "Title", value: v(`appendix${i}-title`, a?.title ?? ""), errors })}
${textarea(`appendix${i}-text`, "Text", v(`appendix${i}-text`, a?.text ?? ""), errors)}
${exemptFields(`appendix${i}`, a?.exempt ?? null, values, errors)}</fieldset>`;
})}
${textarea("backgroundPapers", "Background papers", v("backgroundPapers", cur.backgroundPapers.join("\n")), errors, "One a line.")}
${button("Save a new version")}
</form>`;
}

/** Withheld text: what someone not entitled reads in place of an exempt part. */
const WITHHELD = html`<p class="govuk-body"><em>Not for publication: this part is exempt information. Its text is shown only to those entitled to read it.</em></p>`;

/** One section; an exempt one's text only when `full` (the reader is entitled to exempt material). */
function sectionView(title: string, body: Html | null, mark: ExemptMark | null, full: boolean): Html | null {
  if (!body) return null;
  return html`<h3 class="govuk-heading-s">${title}${mark ? html` <strong class="govuk-tag govuk-tag--red">Exempt: paragraph ${mark.paragraphs.join(", ")}</strong>` : null}</h3>
${mark ? html`<p class="govuk-body-s">Public interest: ${mark.publicInterest}</p>` : null}${mark && !full ? WITHHELD : body}`;
}

/** Does the report carry any exempt part? */
export function hasExemptPart(cur: ReportContent): boolean {
  return !!cur.exempt || SECTION_KEYS.some((k) => !!cur.sections[k].exempt) || cur.appendices.some((a) => !!a.exempt);
}

/**
 * The report as read on its page. `full` is false for a reader not entitled to exempt material (a
 * published report is public, its exempt parts are not): exempt sections and appendices keep their
 * headings and paragraph numbers and lose their text; a wholly exempt report shows its title only.
 */
function reportView(cur: ReportContent, full: boolean): Html {
  if (cur.exempt && !full)
    return html`<div class="minutebook-report"><div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text">The whole report is exempt (paragraph ${cur.exempt.paragraphs.join(", ")}): ${cur.exempt.publicInterest}</strong></div>${WITHHELD}</div>`;
  return html`<div class="minutebook-report">
${cur.exempt ? html`<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text">The whole report is exempt (paragraph ${cur.exempt.paragraphs.join(", ")}): ${cur.exempt.publicInterest}</strong></div>` : null}
<p class="govuk-body"><strong>Report of the ${cur.author}</strong></p>
${cur.recommendations.length ? html`<h3 class="govuk-heading-s">Recommendations</h3><ol class="govuk-list govuk-list--number">${cur.recommendations.map((r) => html`<li>${r}</li>`)}</ol>` : null}
${SECTION_KEYS.map((k) => sectionView(SECTION_TITLES[k], cur.sections[k].text ? raw(toHtml(cur.sections[k].text)) : null, cur.sections[k].exempt, full))}
${cur.contacts.length ? html`<h3 class="govuk-heading-s">Officers to contact</h3><ul class="govuk-list">${cur.contacts.map((x) => html`<li>${[x.name, x.role, x.phone, x.email].filter(Boolean).join(", ")}</li>`)}</ul>` : null}
${cur.appendices.map((a) => sectionView(`Appendix ${a.label}: ${a.title}`, raw(toHtml(a.text || "(No text.)")), a.exempt, full))}
${cur.backgroundPapers.length ? html`<h3 class="govuk-heading-s">Background papers</h3><ul class="govuk-list">${cur.backgroundPapers.map((p) => html`<li>${p}</li>`)}</ul>` : null}
</div>`;
}

export function registerReportRoutes(app: Hono, o: ReportRouteOptions): void {
  const repo = o.repo;
  const packs = new PackStore(repo.sql);
  const referrals = o.referrals ?? noReferrals;
  const page = (
    c: Context,
    title: string,
    body: Html,
    status: 200 | 400 | 409 | 422 = 200,
    crumbs: { text: string; href: string }[] = [],
  ) =>
    c.html(
      officePage(c, o, {
        title,
        body,
        breadcrumbs: [
          { text: "Your office page", href: "/office" },
          { text: "Reports and agendas", href: "/office/reports" },
          ...crumbs,
        ],
      }),
      status,
    );
  const committeeName = async (id: number) => (await repo.office.getCommittee(id))?.name ?? `Committee ${id}`;

  type Loaded = { record: ReportRecord; clearance: Clearance; steps: StepKind[]; object: PolicyObject };
  const load = async (id: number): Promise<Loaded> => {
    const record = Number.isInteger(id) ? await packs.report(id) : null;
    if (!record) throw notFound("There is no such report.");
    const steps = await packs.clearanceSteps(record.committeeId);
    const cl = clearance(steps, record.current.sha256, await packs.decisions(record.id));
    const published = record.publishedVersion === record.current.n;
    return {
      record,
      clearance: cl,
      steps,
      object: {
        kind: "report",
        committeeId: record.committeeId,
        authorId: record.authorUserId,
        state: policyState(cl, published),
      },
    };
  };
  const reportGuard = (action: "view" | "edit" | "submit" | "clear") =>
    requirePermission(action, async (c) => (await load(Number(c.req.param("id")))).object, { now: o.now });
  const stateOf = (l: Loaded) => (l.record.publishedVersion === l.record.current.n ? "published" : l.clearance.state);

  // ---- My reports, the clearance queue, the meetings I clerk ----------------------------------------

  app.get("/office/reports", requireSignIn, async (c) => {
    const a = auth(c);
    const now = o.now();
    const me = a.user!.id;
    const all = await packs.listReports();
    const loaded = await Promise.all(all.map((r) => load(r.id)));
    const names = new Map<number, string>();
    for (const l of loaded)
      if (!names.has(l.record.committeeId)) names.set(l.record.committeeId, await committeeName(l.record.committeeId));
    const mine = loaded.filter((l) => l.record.authorUserId === me);
    const role = holds(a.principal, "monitoring-officer", now)
      ? "monitoring-officer"
      : holds(a.principal, "clearer", now)
        ? "clearer"
        : null;
    const queue = loaded.filter(
      (l) =>
        l.clearance.next &&
        can(a.principal, "clear", l.object, now) &&
        (STEP_ROLE[l.clearance.next] === role ||
          (role === "monitoring-officer" && STEP_ROLE[l.clearance.next] === "clearer")),
    );
    const today = localDate(now);
    const committees = await repo.office.listCommittees();
    const clerked = committees.filter(
      (x) => x.kept && can(a.principal, "build-agenda", { kind: "committee", committeeId: x.id }, now),
    );
    const meetings = (await repo.office.calendar({ from: today }))
      .filter((m) => clerked.some((x) => x.id === m.committee.id) && m.date && m.status !== "cancelled")
      .slice(0, 30);
    // Held meetings of the last twelve weeks, newest first: the minutes the clerk has to write, publish and sign.
    const minutesStore = new MinutesStore(repo.sql);
    const held = (await repo.office.calendar({ from: addDays(today, -84), to: addDays(today, -1) }))
      .filter((m) => clerked.some((x) => x.id === m.committee.id) && m.date && m.status !== "cancelled")
      .reverse()
      .slice(0, 20);
    const minutesState = await Promise.all(
      held.map(async (m) => {
        const versions = await minutesStore.versions(m.meetingId);
        const last = versions[versions.length - 1];
        if (last?.approvedAt) return "Approved";
        if (last?.publishedAt) return `Published (version ${last.number}), to be approved`;
        return (await minutesStore.draft(m.meetingId)) ? "Draft" : "Not started";
      }),
    );
    const policy = (await repo.office.council())?.policy ?? "principal";
    const authorOf = committees.filter((x) => x.kept && holds(a.principal, "report-author", now, x.id));
    const rows = (ls: Loaded[]) =>
      html`<table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Report</th><th scope="col" class="govuk-table__header">Committee</th><th scope="col" class="govuk-table__header">Version</th><th scope="col" class="govuk-table__header">State</th></tr></thead>
<tbody class="govuk-table__body">${ls.map(
        (l) =>
          html`<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="/office/reports/${String(l.record.id)}">${l.record.current.title}</a></td><td class="govuk-table__cell">${names.get(l.record.committeeId) ?? ""}</td><td class="govuk-table__cell">${String(l.record.current.n)}</td><td class="govuk-table__cell">${tag(stateOf(l))}${l.clearance.next ? html` <span class="govuk-body-s">next: ${STEP_NAMES[l.clearance.next]}</span>` : null}</td></tr>`,
      )}</tbody></table>`;
    const body = html`<h1 class="govuk-heading-l">Reports and agendas</h1>
${authorOf.length ? html`<a href="/office/reports/new" role="button" draggable="false" class="govuk-button" data-module="govuk-button">Write a new report</a>` : null}
<h2 class="govuk-heading-m">Your reports</h2>
${mine.length ? rows(mine) : html`<p class="govuk-body">You have not written any reports.</p>`}
${role ? html`<h2 class="govuk-heading-m">Reports awaiting your clearance</h2>${queue.length ? rows(queue) : html`<p class="govuk-body">No reports are waiting for you.</p>`}` : null}
${
  clerked.length
    ? html`<h2 class="govuk-heading-m">Meetings you clerk</h2>
<table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Meeting</th><th scope="col" class="govuk-table__header">Date</th><th scope="col" class="govuk-table__header">Publish by</th><th scope="col" class="govuk-table__header">Published</th></tr></thead>
<tbody class="govuk-table__body">${meetings.map((m) => {
        const by = m.date ? clearDays(policy).latestPublicationDate(m.date) : "";
        return html`<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="/office/meetings/${String(m.meetingId)}/agenda">${m.committee.name}</a></td><td class="govuk-table__cell">${m.date ?? ""}</td><td class="govuk-table__cell">${by}</td><td class="govuk-table__cell">${m.publishedAt ? m.publishedAt.slice(0, 16).replace("T", " ") : "Not yet"}</td></tr>`;
      })}</tbody></table>
${
  held.length
    ? html`<h2 class="govuk-heading-m">Minutes of meetings held</h2>
<table class="govuk-table"><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Meeting</th><th scope="col" class="govuk-table__header">Date</th><th scope="col" class="govuk-table__header">Minutes</th></tr></thead>
<tbody class="govuk-table__body">${held.map(
        (m, i) =>
          html`<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="/office/meetings/${String(m.meetingId)}/minutes">${m.committee.name}</a></td><td class="govuk-table__cell">${m.date ?? ""}</td><td class="govuk-table__cell">${minutesState[i]}</td></tr>`,
      )}</tbody></table>`
    : null
}`
    : null
}`;
    return c.html(
      officePage(c, o, {
        title: "Reports and agendas",
        body,
        breadcrumbs: [{ text: "Your office page", href: "/office" }],
      }),
    );
  });

  // ---- A new report -------------------------------------------------------------------------------------

  const newView = async (c: Context, values: Fields, errors: FieldErrors) => {
    const now = o.now();
    const a = auth(c);
    const options = (await repo.office.listCommittees())
      .filter((x) => x.kept && holds(a.principal, "report-author", now, x.id))
      .map((x) => ({ value: String(x.id), text: x.name }));
    const body = html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
${errorSummary(errors, ["committee", "title", "author"])}
<h1 class="govuk-heading-l">Write a new report</h1>
<form method="post" action="/office/reports/new" novalidate>${formTokenField(c, o.secureCookies)}
${select({ name: "committee", label: "Committee", options: [{ value: "", text: "Choose the committee" }, ...options], value: values.committee, errors })}
${textInput({ name: "title", label: "Title", value: values.title, errors })}
${textInput({ name: "author", label: "Report of", hint: "As printed: “Director of Corporate Resources”.", value: values.author, errors })}
${button("Start the report")}</form></div></div>`;
    return page(c, errorTitle("Write a new report", errors), body, Object.keys(errors).length ? 400 : 200);
  };
  app.get("/office/reports/new", requireSignIn, (c) => newView(c, {}, {}));
  app.post("/office/reports/new", requireSignIn, async (c) => {
    const f = await checkFormToken(c, o.secureCookies);
    const a = auth(c);
    const now = o.now();
    const committeeId = Number(f.committee);
    const errors: FieldErrors = {};
    if (!Number.isInteger(committeeId) || !holds(a.principal, "report-author", now, committeeId))
      errors.committee = "Choose a committee you write reports for";
    const parsed = reportContent.safeParse({ title: f.title ?? "", author: f.author ?? "" });
    if (!(f.title ?? "").trim()) errors.title = "Enter the report title";
    if (!(f.author ?? "").trim()) errors.author = "Enter who the report is from";
    if (Object.keys(errors).length || !parsed.success) return newView(c, f, errors);
    const id = await packs.createReport(
      { committeeId, meetingId: null, authorUserId: a.user!.id, content: parsed.data },
      now,
    );
    await o.store.audit(
      { actorId: a.user!.id, action: "report.create", object: `report:${id}`, detail: { committeeId } },
      now,
    );
    return c.redirect(`/office/reports/${id}`, 303);
  });

  // ---- One report: view, edit, Word import, submit, decide ----------------------------------------------

  const reportPage = async (
    c: Context,
    l: Loaded,
    values: Fields,
    errors: FieldErrors,
    status: 200 | 400 | 409 = 200,
  ) => {
    const a = auth(c);
    const now = o.now();
    const r = l.record;
    const canEdit = can(a.principal, "edit", l.object, now);
    // Exempt parts: for those entitled to the committee's exempt material, and for those who work on the
    // report before it is published (its author, the committee's officers, clearers, the monitoring officer).
    const full =
      can(a.principal, "view", { kind: "exempt-item", committeeId: r.committeeId, state: "exempt" }, now) ||
      (l.object.kind === "report" && can(a.principal, "view", { ...l.object, state: "submitted" }, now));
    if (full && hasExemptPart(r.current.content))
      await o.store.audit(
        {
          actorId: a.user?.id ?? null,
          action: "exempt.view",
          object: `report:${r.id}`,
          detail: { version: r.current.n, sha256: r.current.sha256 },
        },
        now,
      );
    const canSubmit = can(a.principal, "submit", l.object, now);
    const role = holds(a.principal, "monitoring-officer", now)
      ? "monitoring-officer"
      : holds(a.principal, "clearer", now)
        ? "clearer"
        : null;
    const next = l.clearance.next;
    const canDecide =
      !!next &&
      can(a.principal, "clear", l.object, now) &&
      (STEP_ROLE[next] === role || (role === "monitoring-officer" && STEP_ROLE[next] === "clearer"));
    const steps = html`<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">Clearance</caption><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Step</th><th scope="col" class="govuk-table__header">Status</th><th scope="col" class="govuk-table__header">Decision</th></tr></thead>
<tbody class="govuk-table__body">${l.clearance.steps.map(
      (s) =>
        html`<tr class="govuk-table__row"><td class="govuk-table__cell">${STEP_NAMES[s.step]}</td><td class="govuk-table__cell">${{ approved: "Approved", reopened: "Reopened: approved an earlier version", returned: "Returned", open: s.step === "author" ? "With the author" : "Waiting for a decision", waiting: "Not yet" }[s.status]}</td><td class="govuk-table__cell">${s.decision ? `${s.decision.decision === "approved" ? "Approved" : "Returned"} by ${s.decision.byName || `user ${s.decision.by}`} at ${s.decision.at.slice(0, 16).replace("T", " ")} on version ${String(r.versions.find((v) => v.sha256 === s.decision!.sha256)?.n ?? "?")}${s.decision.comment ? `: “${s.decision.comment}”` : ""}` : ""}</td></tr>`,
    )}</tbody></table>`;
    const token = formTokenField(c, o.secureCookies);
    const body = html`${errorSummary(errors)}
<span class="govuk-caption-l">${await committeeName(r.committeeId)}</span>
<h1 class="govuk-heading-l">${r.current.title}</h1>
<p class="govuk-body">${tag(stateOf(l))} Version ${String(r.current.n)} <span class="govuk-body-s">(SHA-256 <code>${r.current.sha256.slice(0, 12)}</code>)</span></p>
${steps}
${canSubmit && (l.clearance.state === "draft" || l.clearance.state === "returned") ? html`<form method="post" action="/office/reports/${String(r.id)}/submit">${token}<input type="hidden" name="seen" value="${r.current.sha256}">${button("Submit for clearance")}</form>` : null}
${
  canDecide
    ? html`<h2 class="govuk-heading-m">Your decision: ${STEP_NAMES[next!]}</h2>
<form method="post" action="/office/reports/${String(r.id)}/decide" novalidate>${token}
<input type="hidden" name="seen" value="${r.current.sha256}"><input type="hidden" name="step" value="${next!}">
${textarea("comment", "Comment", values.comment ?? "", errors, "Required when you return the report to its author.", 3)}
<div class="govuk-button-group"><button type="submit" name="decision" value="approve" class="govuk-button" data-module="govuk-button">Approve version ${String(r.current.n)}</button>
<button type="submit" name="decision" value="return" class="govuk-button govuk-button--warning" data-module="govuk-button">Return to the author</button></div></form>`
    : null
}
<h2 class="govuk-heading-m">The report</h2>
${reportView(r.current.content, full)}
${
  canEdit
    ? html`<h2 class="govuk-heading-m">Edit</h2>
<p class="govuk-body">Saving makes a new version. Approvals already given are for the version they were given on: after an edit, those steps are cleared again.</p>
<form method="post" action="/office/reports/${String(r.id)}/word" enctype="multipart/form-data">${token}
<div class="govuk-form-group"><label class="govuk-label govuk-label--s" for="docx">Import from Word (.docx)</label><div id="docx-hint" class="govuk-hint">The sections are filled from the document's headings; marking exempt parts stays with you.</div>
<input class="govuk-file-upload" id="docx" name="docx" type="file" accept=".docx" aria-describedby="docx-hint"></div>${button("Import", true)}</form>
${reportForm(c, o, r, values, errors)}`
    : l.clearance.state === "in-clearance" || l.clearance.state === "cleared"
      ? html`<p class="govuk-body">To change the report, its author or the committee's officer returns it to draft by asking a clearer to return it.</p>`
      : null
}
<h2 class="govuk-heading-m">Versions</h2>
<ul class="govuk-list">${r.versions.map((v) => html`<li>Version ${String(v.n)}, ${v.createdAt.slice(0, 16).replace("T", " ")}, <code>${v.sha256.slice(0, 12)}</code></li>`)}</ul>`;
    return page(c, errorTitle(r.current.title, errors), body, status);
  };

  app.get("/office/reports/:id{[0-9]+}", reportGuard("view"), async (c) =>
    reportPage(c, await load(Number(c.req.param("id"))), {}, {}),
  );

  app.post("/office/reports/:id{[0-9]+}", reportGuard("edit"), async (c) => {
    const f = await checkFormToken(c, o.secureCookies);
    const l = await load(Number(c.req.param("id")));
    const parsed = reportContent.safeParse(contentFromFields(f));
    if (!parsed.success) {
      const e = formErrors(parsed.error);
      const errors: FieldErrors = {};
      for (const [k, m] of Object.entries(e.fields)) errors[fieldOf(k)] ??= m;
      return reportPage(c, l, f, errors, 400);
    }
    const a = auth(c);
    const now = o.now();
    const saved = await packs.saveVersion(l.record.id, parsed.data, a.user!.id, now);
    if (saved.changed)
      await o.store.audit(
        {
          actorId: a.user!.id,
          action: "report.edit",
          object: `report:${l.record.id}`,
          detail: { version: saved.version.n, sha256: saved.version.sha256 },
        },
        now,
      );
    return c.redirect(`/office/reports/${l.record.id}`, 303);
  });

  app.post("/office/reports/:id{[0-9]+}/word", reportGuard("edit"), async (c) => {
    const l = await load(Number(c.req.param("id")));
    const body = await c.req.parseBody();
    const a = auth(c);
    const s = a.session;
    if (!s || typeof body._csrf !== "string" || body._csrf !== s.formToken)
      return c.text("The form had expired. Go back and try again.", 403);
    const file = body.docx;
    if (!(file instanceof File) || file.size === 0)
      return reportPage(c, l, {}, { docx: "Choose a Word document (.docx) to import" }, 400);
    let imported: Awaited<ReturnType<typeof importDocx>>;
    try {
      imported = await importDocx(file.name, new Uint8Array(await file.arrayBuffer()));
    } catch (e) {
      return reportPage(
        c,
        l,
        {},
        { docx: `${file.name} could not be read: ${(e as Error).message.slice(0, 200)}` },
        400,
      );
    }
    const cur = l.record.current.content;
    const next = reportContent.safeParse({
      ...cur,
      title: imported.title ?? cur.title,
      author: imported.author ? imported.author.replace(/^./, (x) => x.toUpperCase()) : cur.author,
      recommendations: imported.recommendations.length ? imported.recommendations : cur.recommendations,
      sections: Object.fromEntries(
        SECTION_KEYS.map((k) => [k, { ...cur.sections[k], text: imported.sections[k] ?? cur.sections[k].text }]),
      ),
      contacts: imported.contacts.length ? imported.contacts : cur.contacts,
      appendices: imported.appendices.length
        ? imported.appendices.slice(0, 26).map((t, i) => ({
            label: String.fromCharCode(65 + i),
            title: t.slice(0, 300),
            text: cur.appendices[i]?.text ?? "",
            exempt: cur.appendices[i]?.exempt ?? null,
          }))
        : cur.appendices,
      backgroundPapers: imported.backgroundPapers.length ? imported.backgroundPapers : cur.backgroundPapers,
    });
    if (!next.success)
      return reportPage(c, l, {}, { docx: `${file.name}: ${next.error.issues[0]?.message ?? "not a report"}` }, 400);
    const now = o.now();
    const saved = await packs.saveVersion(l.record.id, next.data, a.user!.id, now);
    await o.store.audit(
      {
        actorId: a.user!.id,
        action: "report.import-word",
        object: `report:${l.record.id}`,
        detail: { file: file.name.slice(0, 200), version: saved.version.n, sha256: saved.version.sha256 },
      },
      now,
    );
    return c.redirect(`/office/reports/${l.record.id}`, 303);
  });

  app.post("/office/reports/:id{[0-9]+}/submit", reportGuard("submit"), async (c) => {
    const f = await checkFormToken(c, o.secureCookies);
    const l = await load(Number(c.req.param("id")));
    const a = auth(c);
    const now = o.now();
    const r = decide(
      l.steps,
      l.record.current.sha256,
      await packs.decisions(l.record.id),
      { event: "submit", by: a.user!.id, isAuthor: a.user!.id === l.record.authorUserId },
      f.seen ?? "",
      now,
    );
    if (!r.ok) return reportPage(c, l, {}, { form: r.reasons.join(". ") }, 409);
    await packs.addDecision(l.record.id, { ...r.decision, byName: a.user!.displayName });
    await o.store.audit(
      {
        actorId: a.user!.id,
        action: "report.submit",
        object: `report:${l.record.id}`,
        detail: { version: l.record.current.n, sha256: l.record.current.sha256 },
      },
      now,
    );
    return c.redirect(`/office/reports/${l.record.id}`, 303);
  });

  app.post("/office/reports/:id{[0-9]+}/decide", reportGuard("clear"), async (c) => {
    const f = await checkFormToken(c, o.secureCookies);
    const l = await load(Number(c.req.param("id")));
    const a = auth(c);
    const now = o.now();
    const role = holds(a.principal, "monitoring-officer", now)
      ? "monitoring-officer"
      : holds(a.principal, "clearer", now)
        ? "clearer"
        : null;
    const step = f.step as StepKind;
    if (!(step in STEP_NAMES)) return reportPage(c, l, f, { form: "Choose the step you are deciding" }, 400);
    const r = decide(
      l.steps,
      l.record.current.sha256,
      await packs.decisions(l.record.id),
      { event: f.decision === "return" ? "return" : "approve", step, by: a.user!.id, role },
      f.seen ?? "",
      now,
      (f.comment ?? "").trim() || null,
    );
    if (!r.ok) {
      const errors: FieldErrors = {};
      for (const why of r.reasons) {
        if (/needs to change/.test(why)) errors.comment = why;
        else errors.form = errors.form ? `${errors.form}. ${why}` : why;
      }
      return reportPage(c, l, f, errors, 409);
    }
    await packs.addDecision(l.record.id, { ...r.decision, byName: a.user!.displayName });
    await o.store.audit(
      {
        actorId: a.user!.id,
        action: r.decision.decision === "approved" ? "report.approve" : "report.return",
        object: `report:${l.record.id}`,
        detail: { step, version: l.record.current.n, sha256: l.record.current.sha256 },
      },
      now,
    );
    return c.redirect(`/office/reports/${l.record.id}`, 303);
  });

  // ---- The agenda builder and publication ------------------------------------------------------------

  const meetingCommittee = async (c: Context): Promise<PolicyObject> => {
    const m = await repo.office.meeting(Number(c.req.param("id")));
    if (!m) throw notFound("There is no such meeting in the calendar.");
    return { kind: "committee", committeeId: m.committee.id };
  };
  const agendaGuard = requirePermission("build-agenda", meetingCommittee, { now: o.now });
  const publishGuard = requirePermission("publish", meetingCommittee, { now: o.now });

  const agendaPage = async (c: Context, errors: FieldErrors, status: 200 | 400 | 409 | 422 = 200, confirm = false) => {
    const id = Number(c.req.param("id"));
    const plan = await meetingPlan(repo, id);
    if (!plan) throw notFound("There is no such meeting in the calendar, or no council is set.");
    const now = o.now();
    const token = formTokenField(c, o.secureCookies);
    const onAgenda = new Set(plan.plan.map((p) => p.reportId).filter((x) => x !== null));
    const candidates = (await packs.listReports({ committeeId: plan.committeeId })).filter((r) => !onAgenda.has(r.id));
    const offered = (await referrals(plan.committeeId, plan.meeting.date)).filter(
      (x) => !plan.plan.some((p) => p.referralKey === x.key),
    );
    const planOf = (i: (typeof plan.items)[number]) =>
      plan.plan.find((p) => (i.reportId !== null ? p.reportId === i.reportId : p.referralKey === i.referralKey));
    const calc = clearDays(plan.policy);
    const today = localDate(now);
    const clearIfNow = today < plan.meeting.date ? calc.clearDaysBetween(today, plan.meeting.date) : 0;
    const current = plan.publications[plan.publications.length - 1] ?? null;
    const body = html`${errorSummary(errors)}
<span class="govuk-caption-l">${plan.committeeName}</span>
<h1 class="govuk-heading-l">Agenda for ${plan.meeting.date}</h1>
<dl class="govuk-summary-list">
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Last day to publish</dt><dd class="govuk-summary-list__value">${plan.latestPublicationDate} (${plan.policy === "parish" ? "3" : "5"} clear days)</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Clear days if published today</dt><dd class="govuk-summary-list__value" id="clear-days-now">${String(clearIfNow)}</dd></div>
<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Published</dt><dd class="govuk-summary-list__value">${current ? html`${current.publishedAt.slice(0, 19).replace("T", " ")} UTC (${current.kind === "agenda" ? "agenda" : current.hasSupplement ? `supplement ${String(plan.publications.filter((x) => x.hasSupplement).length)}` : "consolidated pack republished"}, ${String(current.pageCount)} pages). <a class="govuk-link" href="/meetings/${String(id)}/pack">Public pack and page map</a>` : "Not yet"}</dd></div>
</dl>
<table class="govuk-table" id="agenda"><caption class="govuk-table__caption govuk-table__caption--m">The agenda</caption><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Item</th><th scope="col" class="govuk-table__header">Title</th><th scope="col" class="govuk-table__header">Report by</th><th scope="col" class="govuk-table__header">State</th><th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">Actions</span></th></tr></thead>
<tbody class="govuk-table__body">${plan.items.map((i) => {
      const p = planOf(i);
      const r = i.reportId !== null ? plan.reports.get(i.reportId) : undefined;
      return html`<tr class="govuk-table__row"><td class="govuk-table__cell">${i.number}</td><td class="govuk-table__cell">${r ? html`<a class="govuk-link" href="/office/reports/${String(i.reportId)}">${i.title}</a>` : i.title}${i.exemptParagraphs.length ? html` <strong class="govuk-tag govuk-tag--red">Private: paragraph ${i.exemptParagraphs.join(", ")}</strong>` : i.partlyExempt ? html` <strong class="govuk-tag govuk-tag--yellow">Exempt appendix</strong>` : null}${i.late ? html` <strong class="govuk-tag govuk-tag--orange">Late</strong>` : null}</td>
<td class="govuk-table__cell">${i.reportBy ?? ""}</td><td class="govuk-table__cell">${r ? tag(r.record.publishedVersion === r.record.current.n ? "published" : r.clearance.state) : ""}${i.late ? html`<br>${i.urgencyReason ? html`Urgent: ${i.urgencyReason}` : html`<strong>Needs the chair's reason for urgency</strong>`}` : null}</td>
<td class="govuk-table__cell">${
        p
          ? html`<form method="post" action="/office/meetings/${String(id)}/agenda/remove">${token}<input type="hidden" name="plan" value="${String(p.id)}"><button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Remove<span class="govuk-visually-hidden"> ${i.title}</span></button></form>`
          : ""
      }</td></tr>${
        i.late && p && !i.urgencyReason
          ? html`<tr class="govuk-table__row"><td class="govuk-table__cell" colspan="5"><form method="post" action="/office/meetings/${String(id)}/agenda/urgency" novalidate>${token}<input type="hidden" name="plan" value="${String(p.id)}">
${textarea(`urgency-${p.id}`, `The chair's reason item ${i.number} is urgent`, "", errors, "Recorded in the minutes as the special circumstances (s100B(4)(b)).", 2)}
${textInput({ name: `chair-${p.id}`, label: "The chair who gave it", value: "", errors })}${button("Record the reason", true)}</form></td></tr>`
          : null
      }`;
    })}</tbody></table>
<h2 class="govuk-heading-m">Add a report</h2>
${
  candidates.length
    ? html`<form method="post" action="/office/meetings/${String(id)}/agenda/add" novalidate>${token}
${select({ name: "report", label: "Report", options: candidates.map((r) => ({ value: String(r.id), text: `${r.title} (version ${r.n})` })), errors })}${button("Add to the agenda", true)}</form>`
    : html`<p class="govuk-body">No other reports for this committee.</p>`
}
${
  offered.length
    ? html`<h2 class="govuk-heading-m">Referred by other bodies</h2><ul class="govuk-list">${offered.map(
        (x) =>
          html`<li><form method="post" action="/office/meetings/${String(id)}/agenda/add">${token}<input type="hidden" name="referral" value="${x.key}">${x.title} (from ${x.from}) <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Add<span class="govuk-visually-hidden"> ${x.title}</span></button></form></li>`,
      )}</ul>`
    : null
}
<h2 class="govuk-heading-m">Publish</h2>
${
  can(auth(c).principal, "publish", { kind: "committee", committeeId: plan.committeeId }, now)
    ? html`<form method="post" action="/office/meetings/${String(id)}/agenda/publish" novalidate>${token}
${confirm ? checkbox("confirm", "Publish at short notice all the same", false, "The monitoring officer decides whether the meeting may proceed; the short notice is recorded with the publication.") : null}
${button(current ? "Publish a supplement and the consolidated pack" : "Publish the agenda pack")}</form>`
    : html`<p class="govuk-body">Only the committee's democratic services officer publishes.</p>`
}
${current && can(auth(c).principal, "view", { kind: "exempt-item", committeeId: plan.committeeId, state: "exempt" }, now) ? html`<p class="govuk-body"><a class="govuk-link" href="/office/meetings/${String(id)}/confidential.pdf">Confidential pack (for those entitled; your copy is marked with your name)</a></p>` : null}`;
    return page(c, errorTitle(`Agenda: ${plan.committeeName} ${plan.meeting.date}`, errors), body, status);
  };

  app.get("/office/meetings/:id{[0-9]+}/agenda", agendaGuard, (c) => agendaPage(c, {}));

  app.post("/office/meetings/:id{[0-9]+}/agenda/add", agendaGuard, async (c) => {
    const f = await checkFormToken(c, o.secureCookies);
    const id = Number(c.req.param("id"));
    const plan = await meetingPlan(repo, id);
    if (!plan) throw notFound("There is no such meeting in the calendar.");
    const a = auth(c);
    const now = o.now();
    if (f.referral) {
      const x = (await referrals(plan.committeeId, plan.meeting.date)).find((r) => r.key === f.referral);
      if (!x) return agendaPage(c, { form: "That referral is no longer offered" }, 409);
      await packs.addToAgenda(
        {
          meetingId: id,
          kind: "referral",
          reportId: null,
          referralKey: x.key,
          title: x.title,
          reportBy: x.reportBy ?? x.from,
          exemptParagraphs: x.exemptParagraphs ?? [],
          addedBy: a.user!.id,
        },
        now,
      );
      await o.placeReferral?.(x.key, id);
    } else {
      const r = await packs.report(Number(f.report));
      if (!r || r.committeeId !== plan.committeeId)
        return agendaPage(c, { report: "Choose a report for this committee" }, 400);
      await packs.addToAgenda(
        {
          meetingId: id,
          kind: "report",
          reportId: r.id,
          referralKey: null,
          title: r.current.title,
          reportBy: r.current.content.author,
          exemptParagraphs: [],
          addedBy: a.user!.id,
        },
        now,
      );
    }
    await o.store.audit(
      {
        actorId: a.user!.id,
        action: "agenda.add",
        object: `meeting:${id}`,
        detail: { report: f.report ?? null, referral: f.referral ?? null },
      },
      now,
    );
    return c.redirect(`/office/meetings/${id}/agenda`, 303);
  });

  app.post("/office/meetings/:id{[0-9]+}/agenda/remove", agendaGuard, async (c) => {
    const f = await checkFormToken(c, o.secureCookies);
    const id = Number(c.req.param("id"));
    const plan = await packs.agendaPlan(id);
    const p = plan.find((x) => x.id === Number(f.plan));
    if (p) {
      await packs.removeFromAgenda(p.id);
      await o.store.audit(
        {
          actorId: auth(c).user!.id,
          action: "agenda.remove",
          object: `meeting:${id}`,
          detail: { plan: p.id, title: p.title },
        },
        o.now(),
      );
    }
    return c.redirect(`/office/meetings/${id}/agenda`, 303);
  });

  app.post("/office/meetings/:id{[0-9]+}/agenda/urgency", agendaGuard, async (c) => {
    const f = await checkFormToken(c, o.secureCookies);
    const id = Number(c.req.param("id"));
    const p = (await packs.agendaPlan(id)).find((x) => x.id === Number(f.plan));
    if (!p) throw notFound("There is no such agenda item.");
    const reason = (f[`urgency-${p.id}`] ?? "").trim();
    const chair = (f[`chair-${p.id}`] ?? "").trim();
    const errors: FieldErrors = {};
    if (!reason) errors[`urgency-${p.id}`] = "Enter the chair's reason the item is urgent";
    if (!chair) errors[`chair-${p.id}`] = "Enter the name of the chair who gave the reason";
    if (Object.keys(errors).length) return agendaPage(c, errors, 400);
    await packs.setUrgency(p.id, reason.slice(0, 5000), chair.slice(0, 200));
    await o.store.audit(
      { actorId: auth(c).user!.id, action: "agenda.urgency", object: `meeting:${id}`, detail: { plan: p.id, chair } },
      o.now(),
    );
    return c.redirect(`/office/meetings/${id}/agenda`, 303);
  });

  app.post("/office/meetings/:id{[0-9]+}/agenda/publish", publishGuard, async (c) => {
    const f = await checkFormToken(c, o.secureCookies);
    const id = Number(c.req.param("id"));
    const a = auth(c);
    const r = await publishMeeting(repo, o.store, {
      meetingId: id,
      actorId: a.user!.id,
      at: o.now(),
      confirmShortNotice: f.confirm === "on",
    });
    if (!r.ok) {
      if (r.needsConfirmation) return agendaPage(c, { confirm: r.problems.join(". ") }, 422, true);
      await o.store.audit(
        {
          actorId: a.user!.id,
          action: "pack.publish.refused",
          object: `meeting:${id}`,
          detail: { problems: r.problems.map((p) => p.slice(0, 300)) },
        },
        o.now(),
      );
      return agendaPage(c, { form: r.problems.join(". ") }, 409);
    }
    return c.redirect(`/meetings/${id}/pack`, 303);
  });

  // ---- The packs ----------------------------------------------------------------------------------------

  // The public meeting page (the same page an imported meeting has) links the published pack, its page
  // map and each supplement, added before the end of its <main> (registered before the page's own route).
  // While the database cannot be reached, a page served from the portal's cache keeps the pack section it
  // had (the publications last read for the meeting), rather than the whole page failing.
  const lastRead = new Map<number, Awaited<ReturnType<typeof packs.publications>>>();
  app.use("/meetings/:id{[0-9]+}", async (c, next) => {
    await next();
    if (c.res.status !== 200 || !(c.res.headers.get("Content-Type") ?? "").startsWith("text/html")) return;
    const meetingId = Number(c.req.param("id"));
    let all: Awaited<ReturnType<typeof packs.publications>>;
    try {
      all = await packs.publications(meetingId);
      if (all.length || lastRead.has(meetingId)) lastRead.set(meetingId, all);
    } catch (e) {
      if (!isStoreUnreachable(e)) throw e;
      all = lastRead.get(meetingId) ?? [];
    }
    if (!all.length) return;
    const p = all[all.length - 1];
    const id = String(p.meetingId);
    const extra = html`<h2 class="govuk-heading-l" id="agenda-pack">Agenda pack</h2>
<p class="govuk-body"><a class="govuk-link" href="/meetings/${id}/pack.pdf">Download the agenda pack (PDF, ${String(p.pageCount)} pages)</a>${all.length > 1 ? ", consolidated with every supplement" : ""}, published ${p.publishedAt.slice(0, 16).replace("T", " ")} UTC. <a class="govuk-link" href="/meetings/${id}/pack">Its page map</a>.</p>
${supplementList(supplementsOf(all))}`;
    const page = await c.res.text();
    const at = page.lastIndexOf("</main>");
    if (at < 0) return;
    const body = `${page.slice(0, at)}${extra.value}\n${page.slice(at)}`;
    const headers = new Headers(c.res.headers);
    headers.set("ETag", `"${createHash("sha1").update(body).digest("base64url").slice(0, 20)}"`);
    headers.delete("Content-Length");
    c.res = new Response(body, { status: 200, headers });
  });

  const currentOr404 = async (c: Context) => {
    const id = Number(c.req.param("id"));
    const p = await packs.currentPublication(id);
    if (!p) throw notFound("No agenda pack has been published for this meeting.");
    return p;
  };
  const pdf = (bytes: Uint8Array, name: string, cache: string) =>
    new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `inline; filename="${name}"`,
        "Cache-Control": cache,
      },
    });

  app.get("/meetings/:id{[0-9]+}/pack.pdf", async (c) => {
    const p = await currentOr404(c);
    const bytes = await packs.publicPdf(p.id);
    if (!bytes) throw notFound("The pack is missing.");
    return pdf(bytes, `agenda-pack-${p.meetingId}-${p.seq}.pdf`, "public, max-age=300");
  });

  // Supplements are numbered 1, 2, … in the order published (a re-publication that added no item has none).
  // (Hono cannot end a pattern after a parameter, so ".pdf" belongs to the parameter.)
  app.get("/meetings/:id{[0-9]+}/supplement/:file{[0-9]+\\.pdf}", async (c) => {
    const all = await packs.publications(Number(c.req.param("id")));
    const n = Number.parseInt(c.req.param("file"), 10);
    const p = all.filter((x) => x.hasSupplement)[n - 1];
    if (!p) throw notFound("There is no such supplement.");
    return pdf(
      (await packs.publicPdf(p.id, "supplement"))!,
      `supplement-${p.meetingId}-${n}.pdf`,
      "public, max-age=300",
    );
  });

  /**
   * The items each supplement added: the reports and referrals on its publication's agenda and not on the
   * one before (a standard item such as the exclusion of the press appears when one is needed, in no supplement).
   */
  const supplementsOf = (all: Publication[]) => {
    const key = (i: NumberedItem) => (i.reportId !== null ? `r${i.reportId}` : `k${i.referralKey ?? i.title}`);
    const current = all[all.length - 1];
    const pagesOf = new Map(current.pageMap.map((e) => [e.number, e.pages]));
    return all
      .map((x, k) => ({ x, before: k ? new Set((all[k - 1].agenda as NumberedItem[]).map(key)) : null }))
      .filter(({ x, before }) => x.hasSupplement && before)
      .map(({ x, before }, k) => ({
        number: k + 1,
        publishedAt: x.publishedAt,
        pdf: `/meetings/${x.meetingId}/supplement/${k + 1}.pdf`,
        items: (x.agenda as NumberedItem[])
          .filter((i) => i.kind !== "standard" && !before!.has(key(i)))
          .map((i) => ({ number: i.number, title: i.title, pages: pagesOf.get(i.number) ?? null })),
      }));
  };

  const packJson = async (meetingId: number) => {
    const all = await packs.publications(meetingId);
    const p = all[all.length - 1];
    return {
      meetingId,
      publishedAt: p.publishedAt,
      publication: p.seq,
      kind: p.kind,
      pageCount: p.pageCount,
      sha256: p.pdfSha256,
      pdf: `/meetings/${meetingId}/pack.pdf`,
      pageMap: p.pageMap.map((e) => ({
        number: e.number,
        title: e.title,
        pages: e.pages,
        pdf: e.pages ? `/meetings/${meetingId}/pack.pdf#page=${e.pages.start}` : null,
      })),
      supplements: supplementsOf(all),
      history: all.map((x) => ({
        publication: x.seq,
        publishedAt: x.publishedAt,
        sha256: x.pdfSha256,
        superseded: x.supersededAt,
      })),
    };
  };

  app.get("/api/meetings/:id{[0-9]+}/pack", async (c) => {
    await currentOr404(c);
    return c.json(await packJson(Number(c.req.param("id"))));
  });
  describe(app, "get", "/api/meetings/:id{[0-9]+}/pack", {
    summary:
      "The published agenda pack of a meeting: its PDF, page count and the page map (each agenda item's pages), supplements and publication history",
    response: PackMap,
  });

  app.get("/meetings/:id{[0-9]+}/pack", async (c) => {
    await currentOr404(c);
    const id = Number(c.req.param("id"));
    const j = await packJson(id);
    const m = await repo.office.meeting(id);
    const body = html`<span class="govuk-caption-l">${m?.committee.name ?? ""}</span>
<h1 class="govuk-heading-l">Agenda pack, ${m?.date ?? ""}</h1>
<p class="govuk-body">Published ${j.publishedAt.slice(0, 16).replace("T", " ")} UTC. ${String(j.pageCount)} pages. <a class="govuk-link" href="${j.pdf}">Download the agenda pack (PDF)</a>. <a class="govuk-link" href="/meetings/${String(id)}">The meeting's page</a>. <a class="govuk-link" href="/api/meetings/${String(id)}/pack">Page map as JSON</a>.</p>
<table class="govuk-table" id="page-map"><caption class="govuk-table__caption govuk-table__caption--m">Agenda and pages</caption><thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Item</th><th scope="col" class="govuk-table__header">Title</th><th scope="col" class="govuk-table__header">Pages</th></tr></thead>
<tbody class="govuk-table__body">${j.pageMap.map(
      (e) =>
        html`<tr class="govuk-table__row"><td class="govuk-table__cell">${e.number}</td><td class="govuk-table__cell">${e.title}</td><td class="govuk-table__cell">${e.pages ? html`<a class="govuk-link" href="${e.pdf!}">Pages ${String(e.pages.start)} to ${String(e.pages.end)}</a>` : ""}</td></tr>`,
    )}</tbody></table>
${supplementList(j.supplements)}`;
    return c.html(officePage(c, o, { title: `Agenda pack: ${m?.committee.name ?? ""} ${m?.date ?? ""}`, body }));
  });

  app.get(
    "/office/meetings/:id{[0-9]+}/confidential.pdf",
    requirePermission(
      "view",
      async (c) => {
        const m = await repo.office.meeting(Number(c.req.param("id")));
        if (!m) throw notFound("There is no such meeting.");
        return { kind: "exempt-item", committeeId: m.committee.id, state: "exempt" };
      },
      { now: o.now },
    ),
    async (c) => {
      const p = await currentOr404(c);
      const conf = await packs.confidentialPack(p.id);
      if (!conf) throw notFound("This meeting's pack has no confidential part.");
      const a = auth(c);
      const now = o.now();
      await o.store.audit(
        {
          actorId: a.user!.id,
          action: "exempt.view",
          object: `pack:${p.id}`,
          detail: { meeting: p.meetingId, sha256: conf.sha256, kind: "confidential-pack" },
        },
        now,
      );
      const who = a.user!.displayName.replace(/[^\x20-\x7e\xa0-\xff]/g, "?");
      const marked = await watermark(
        conf.pdf,
        `Confidential. Supplied to ${who} on ${now.toISOString().slice(0, 16).replace("T", " ")} UTC. Do not pass on.`,
      );
      return pdf(marked, `confidential-pack-${p.meetingId}.pdf`, "private, no-store");
    },
  );
}
