/**
 * The portal's HTML pages, one renderer per page type. Each takes the same data object the page's
 * JSON twin under /api returns, so the two cannot drift apart.
 */
import type { MeetingStatusRecord } from "../model/records";
import type {
  CommitteeDetail,
  CommitteeSummary,
  DocumentRef,
  MeetingDetail,
  MinuteRecord,
  PersonDetail,
  PersonRef,
  ResolutionRecord,
} from "../store/repository";
import { highlight } from "./highlight";
import { type Html, html, raw } from "./html";
import type { PageOptions } from "./layout";
import { fieldProblem, type Problems, problemSummary } from "./problems";
import type {
  CommitteeAttendance,
  DecisionsData,
  DocumentData,
  HomeData,
  MeetingsData,
  PeopleData,
  PersonData,
  SearchData,
} from "./schemas";
import {
  counts,
  formatDate,
  formatTime,
  MEETING_STATUS_TAGS,
  meetingList,
  meetingStatusTag,
  meetingTitle,
  pagination,
  paragraphsText,
  plural,
  SCHEDULE_12A,
  sourceLink,
  summaryList,
  table,
} from "./views";

// The page-data types are the JSON twins' zod definitions (schemas.ts).
export type {
  CommitteeAttendance,
  DecisionsData,
  DocumentData,
  DocumentLine,
  HomeData,
  MeetingsData,
  PeopleData,
  PersonData,
  SearchData,
} from "./schemas";

export type View = Omit<PageOptions, "alternates"> & { alternates?: PageOptions["alternates"] };

const json = (href: string) => ({ type: "application/json", href: `/api${href}`, title: "This page as JSON" });

// ------------------------------------------------------------------------------------------------
// Home

export function homePage(d: HomeData): View {
  return {
    title: "Council committee records",
    alternates: [json("/"), { type: "text/calendar", href: "/meetings.ics", title: "Meetings calendar" }],
    body: html`<h1 class="govuk-heading-xl">Council committee records</h1>
<p class="govuk-body-l">Agendas, reports, minutes and decisions of council committees, each fact linked to the page and lines of the document it came from.</p>
${searchForm("", "m")}
<div class="govuk-grid-row">
<div class="govuk-grid-column-one-half">
<h2 class="govuk-heading-m">Upcoming meetings</h2>
${meetingList(d.upcoming, "No upcoming meetings are published.")}
</div>
<div class="govuk-grid-column-one-half">
<h2 class="govuk-heading-m">Recent meetings</h2>
${meetingList(d.recent, "No meetings have been imported yet.")}
<p class="govuk-body"><a class="govuk-link" href="/meetings">All meetings</a></p>
</div>
</div>
<h2 class="govuk-heading-m">In these records</h2>
${summaryList([
  { key: "Committees", value: html`<a class="govuk-link" href="/committees">${d.stats.committees}</a>` },
  { key: "Meetings", value: html`<a class="govuk-link" href="/meetings">${d.stats.meetings}</a>` },
  { key: "Decisions", value: html`<a class="govuk-link" href="/decisions">${d.decisions}</a>` },
  { key: "Resolution clauses", value: String(d.stats.resolutions) },
  { key: "Reports", value: String(d.stats.reports) },
  { key: "People", value: html`<a class="govuk-link" href="/people">${d.stats.people}</a>` },
  { key: "Documents", value: String(d.stats.documents) },
  {
    key: "Period covered",
    value: d.stats.firstMeeting ? `${formatDate(d.stats.firstMeeting)} to ${formatDate(d.stats.lastMeeting)}` : null,
  },
])}`,
  };
}

function searchForm(q: string, size: "m" | "l"): Html {
  return html`<form action="/search" method="get" role="search" class="govuk-!-margin-bottom-6">
<div class="govuk-form-group">
<label class="govuk-label govuk-label--${size}" for="q">Search agendas, reports and minutes</label>
<div class="govuk-hint" id="q-hint">For example, <span lang="en-GB">care homes</span> or "better care fund"</div>
<input class="govuk-input govuk-!-width-two-thirds" id="q" name="q" type="search" value="${q}" aria-describedby="q-hint" maxlength="200" spellcheck="false">
<button type="submit" class="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button">Search</button>
</div>
</form>`;
}

// ------------------------------------------------------------------------------------------------
// Meetings

export function meetingsPage(d: MeetingsData, params: URLSearchParams, problems: Problems = {}): View {
  const pages = Math.max(1, Math.ceil(d.meetings.total / d.meetings.limit));
  const year = fieldProblem(problems, "year");
  return {
    title: "Meetings",
    current: "meetings",
    alternates: [
      json(`/meetings?${params}`),
      { type: "text/calendar", href: "/meetings.ics", title: "Meetings calendar" },
      { type: "text/csv", href: `/meetings.csv${csvQuery(params)}`, title: "These meetings as CSV" },
    ],
    body: html`${problemSummary(problems, { page: null, limit: null })}<h1 class="govuk-heading-xl">Meetings</h1>
<form method="get" action="/meetings" class="govuk-!-margin-bottom-6">
${committeeSelect(d.committees, d.filter.committee, "committee", false, problems)}
<div class="govuk-form-group${year.group}"><label class="govuk-label" for="year">Year</label>${year.message}
<input class="govuk-input govuk-input--width-4${year.input}" id="year" name="year" inputmode="numeric" value="${d.filter.year ?? params.get("year") ?? ""}" autocomplete="off"${year.describedBy ? html` aria-describedby="${year.describedBy}"` : null}></div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Show meetings</button>
</form>
<p class="govuk-body">${plural(d.meetings.total, "meeting")}. <a class="govuk-link" href="/meetings.csv${csvQuery(params)}" download>Download these meetings (CSV)</a>. <a class="govuk-link" href="/meetings.ics">Subscribe to the meetings calendar (iCalendar)</a></p>
${table(
  "Meetings",
  ["Meeting", "Time", "Records"],
  d.meetings.items.map((m) => [
    html`<a class="govuk-link" href="/meetings/${m.id}">${meetingTitle(m)}</a>${m.status ? html` ${meetingStatusTag(m.status.state)}` : null}`,
    formatTime(m.time) ?? "",
    counts(m),
  ]),
  "s",
)}
${pagination("/meetings", params, d.filter.page, pages)}`,
  };
}

/** The filters of a list, without its page and row count, for its CSV download. */
function csvQuery(params: URLSearchParams): string {
  const q = new URLSearchParams();
  for (const k of ["committee", "year"]) {
    const v = params.get(k);
    if (v) q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** "2017-01-31" → "31/1/2017" for a form field; the server reads either form back. */
function ukDate(iso: string | null): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${Number(m[3])}/${Number(m[2])}/${m[1]}` : "";
}

function committeeSelect(
  committees: CommitteeSummary[],
  selected: number | null,
  id: string,
  full = false,
  problems: Problems = {},
): Html {
  const p = fieldProblem(problems, "committee", id);
  return html`<div class="govuk-form-group${p.group}"><label class="govuk-label" for="${id}">Committee</label>${p.message}
<select class="govuk-select${full ? " govuk-!-width-full" : ""}${p.group ? " govuk-select--error" : ""}" id="${id}" name="committee"${p.describedBy ? html` aria-describedby="${p.describedBy}"` : null}><option value="">All committees</option>${committees.map(
    (c) => html`<option value="${c.id}"${raw(c.id === selected ? " selected" : "")}>${c.name}</option>`,
  )}</select></div>`;
}

/** Letters only, lower case, without honorifics and post-nominals, to tell a real variant from punctuation. */
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\b(mr|mrs|ms|miss|dr|cllr|councillor|cc|mbe|obe|jp)\b/g, "")
    .replace(/[^\p{L}]/gu, "");
}

/** A person's link; the printed form is shown only when it differs in more than titles and punctuation. */
function personLink(p: PersonRef): Html {
  const variant = p.printed && nameKey(p.printed) !== nameKey(p.name);
  return html`<a class="govuk-link" href="/people/${p.id}">${p.name}</a>${
    variant ? html` <span class="minutebook-meta">(printed “${p.printed}”)</span>` : null
  }`;
}

type ClauseNode = { r: ResolutionRecord; children: ClauseNode[] };

/** The store flattens each resolution tree in document order with a depth; this nests it again. */
function clauses(rs: ResolutionRecord[]): Html | null {
  if (!rs.length) return null;
  const root: ClauseNode[] = [];
  const stack: ClauseNode[] = [];
  for (const r of rs) {
    const node = { r, children: [] };
    while (stack.length > r.depth) stack.pop();
    (stack.length ? stack[stack.length - 1].children : root).push(node);
    stack.push(node);
  }
  const render = (nodes: ClauseNode[]): Html =>
    html`<ol class="govuk-body minutebook-clause-list">${nodes.map(
      (n) =>
        html`<li>${n.r.label ? html`<span class="minutebook-clause-label">(${n.r.label})</span>` : null}${n.r.text}${
          n.children.length ? render(n.children) : null
        }</li>`,
    )}</ol>`;
  return render(root);
}

function exemptNotice(x: { exemptParagraphs: number[] }): Html {
  const described = x.exemptParagraphs.filter((p) => SCHEDULE_12A[p]);
  return html`<div class="govuk-inset-text minutebook-exempt"><p class="govuk-body"><strong class="govuk-tag govuk-tag--grey">Exempt</strong>
This item was considered in private under ${paragraphsText(x.exemptParagraphs)}. Only its title and the paragraphs cited are published.</p>
${described.length ? html`<ul class="govuk-list govuk-list--bullet govuk-body-s">${described.map((p) => html`<li>Paragraph ${p}: ${SCHEDULE_12A[p]}</li>`)}</ul>` : null}</div>`;
}

/** Text longer than this is collapsed (GOV.UK details) on the meeting page. */
const SHOWN_WHOLE = 600;

/**
 * A minute's discussion or a report's text as paragraphs, search words marked when the page was opened
 * from a search hit (`hl`). Long text is collapsed in a details element, opened when it holds a hit.
 */
function fullText(text: string | undefined, label: string, hl: string): Html | null {
  if (!text?.trim()) return null;
  const paras = text
    .split(/\n\s*\n|\n(?=\s*(?:\d+[.)]|[a-z][.)]|\([a-z0-9]+\)|[-•*])\s)/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  const marked = paras.map((p) => (hl ? highlight(p, hl) : p));
  const hit = hl ? marked.some((p) => typeof p !== "string" && p.value.includes("<mark>")) : false;
  const body = html`${marked.map((p) => html`<p class="govuk-body minutebook-fulltext">${p}</p>`)}`;
  if (text.length <= SHOWN_WHOLE) return html`<div class="minutebook-fulltext-block">${body}</div>`;
  return html`<details class="govuk-details"${raw(hit ? " open" : "")}><summary class="govuk-details__summary"><span class="govuk-details__summary-text">${label}</span></summary><div class="govuk-details__text">${body}</div></details>`;
}

/** A recorded vote: the counts printed, the outcome, and the members named on each side. */
function voteBlock(v: NonNullable<MinuteRecord["votes"]>[number]): Html {
  const side = (label: string, count: number | null, people: PersonRef[]) =>
    count === null && !people.length
      ? null
      : {
          key: `${label}${count !== null ? ` (${count})` : ""}`,
          value: people.length
            ? html`${people.map((p, i) => html`${i ? ", " : ""}${personLink(p)}`)}`
            : count === 0
              ? "None"
              : "Names not printed",
        };
  const rows = [
    side("For", v.counts.for, v.for),
    side("Against", v.counts.against, v.against),
    side("Abstained", v.counts.abstain, v.abstain),
  ].filter((r): r is { key: string; value: Html | string } => r !== null);
  return html`<div id="vote-${v.id}" class="govuk-!-margin-bottom-4"><p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Recorded vote${v.result ? html`: <strong class="govuk-tag ${v.result === "carried" ? "govuk-tag--green" : "govuk-tag--red"}">${v.result}</strong>` : null}</p>
${v.motion ? html`<p class="govuk-body-s">${v.motion}</p>` : null}${summaryList(rows)}<p class="govuk-body-s">${sourceLink(v.provenance)}</p></div>`;
}

function minuteBlock(x: MinuteRecord, hl = ""): Html {
  const heading = `${x.number ? `${x.number}. ` : ""}${x.title}`;
  if (x.exempt || x.exemptParagraphs.length)
    return html`<section id="minute-${x.id}" class="govuk-!-margin-bottom-6"><h3 class="govuk-heading-s">${heading}</h3>${exemptNotice(x)}<p class="govuk-body-s">${sourceLink(x.provenance)}</p></section>`;
  return html`<section id="minute-${x.id}" class="govuk-!-margin-bottom-6">
<h3 class="govuk-heading-s">${heading}${x.keyDecision ? html` <strong class="govuk-tag govuk-tag--purple">Key decision</strong>` : null}</h3>
${x.agendaItem ? html`<p class="govuk-body-s minutebook-meta">Agenda item ${x.agendaItem}</p>` : null}
${
  x.declarations.length
    ? html`<p class="govuk-body-s">Declarations: ${x.declarations.map((d, i) => html`${i ? "; " : ""}${personLink(d.person)}${d.interest ? ` (${d.interest})` : ""}`)}</p>`
    : null
}
${fullText(x.text, "Full text of this minute", hl)}
${x.resolutions.length ? html`<p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Resolved</p>${clauses(x.resolutions)}` : null}
${(x.votes ?? []).map(voteBlock)}
${x.reasons.length ? html`<p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Reasons for decision</p>${x.reasons.map((r) => html`<p class="govuk-body">${r}</p>`)}` : null}
<p class="govuk-body-s">${sourceLink(x.provenance)}</p>
</section>`;
}

/** An agenda item's title, linked to its report and its minute on this page when there are any. */
function agendaTitle(a: MeetingDetail["agenda"][number], m: MeetingDetail): Html {
  const report = m.reports.find((r) => r.agendaItem === a.number);
  return html`${a.title}${report ? html`<br><a class="govuk-link govuk-body-s" href="#report-${report.id}">Report<span class="govuk-visually-hidden"> on item ${a.number}</span></a>` : null}`;
}

/** A report's title as printed, unless printed in capitals and the agenda gives the same words in ordinary case. */
function reportTitle(r: MeetingDetail["reports"][number], m: MeetingDetail): string {
  if (r.title !== r.title.toUpperCase()) return r.title;
  const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  const item = m.agenda.find((a) => a.number === r.agendaItem && squash(a.title) === squash(r.title));
  return item?.title ?? r.title;
}

/** "Not subject to call-in", "Subject to call-in until 7 February 2025", or null when the record does not say. */
function callInWords(d: NonNullable<MeetingDetail["decision"]>): string | null {
  if (d.callIn === false) return "Not subject to call-in";
  if (d.callIn === true) return `Subject to call-in${d.callInDeadline ? ` until ${formatDate(d.callInDeadline)}` : ""}`;
  return d.callInDeadline ? `Call-in deadline ${formatDate(d.callInDeadline)}` : null;
}

/**
 * An officer or executive decision record, as a decision: who took it, when, its status, call-in and
 * dates, the decision and its reasons. Never laid out as a committee meeting (no agenda, minutes or
 * attendance). The data is the meeting record the store keeps for it (exempt parts already withheld).
 */
export function decisionPage(m: MeetingDetail): View {
  const d = m.decision;
  const x = m.minutes[0] ?? null;
  const title = x?.title ?? "Decision";
  const exempt = x ? x.exempt || x.exemptParagraphs.length > 0 : false;
  const yesNo = (v: boolean | null) => (v === null ? null : v ? "Yes" : "No");
  return {
    title: `Decision: ${title}`,
    current: "decisions",
    breadcrumbs: [
      { text: "Home", href: "/" },
      { text: "Decisions", href: "/decisions" },
    ],
    alternates: [json(`/decisions/${m.id}`)],
    body: html`<span class="govuk-caption-l">${m.authority ?? ""}${m.authority ? " · " : ""}Decision record</span>
<h1 class="govuk-heading-xl">${title}${d?.status ? html` <strong class="govuk-tag govuk-tag--grey">${d.status}</strong>` : null}</h1>
${summaryList([
  { key: "Decision maker", value: d?.maker ?? m.committee.name },
  { key: "Decision number", value: x?.number ?? null },
  { key: "Date of decision", value: m.date ? formatDate(m.date) : "Not yet taken (not printed)" },
  { key: "Status", value: d?.status ?? null },
  { key: "Key decision", value: yesNo(x?.keyDecision ?? null) },
  { key: "Call-in", value: d ? callInWords(d) : null },
  { key: "Published", value: d?.publicationDate ? formatDate(d.publicationDate) : null },
  { key: "Takes effect", value: d?.effectiveDate ? formatDate(d.effectiveDate) : null },
  {
    key: "Decided at",
    value: d?.decidedAt
      ? `${d.decidedAt.committee}${d.decidedAt.date ? `, ${formatDate(d.decidedAt.date)}` : ""}`
      : null,
  },
])}
${
  x
    ? exempt
      ? html`<h2 class="govuk-heading-l" id="decision">Decision</h2>${exemptNotice(x)}`
      : html`<h2 class="govuk-heading-l" id="decision">Decision</h2>${x.resolutions.length ? clauses(x.resolutions) : html`<p class="govuk-body">The record prints no decision text.</p>`}
${x.reasons.length ? html`<h2 class="govuk-heading-l" id="reasons">Reasons for the decision</h2>${x.reasons.map((r) => html`<p class="govuk-body">${r}</p>`)}` : null}
${
  x.declarations.length
    ? html`<h2 class="govuk-heading-l" id="declarations">Interests declared</h2><ul class="govuk-list">${x.declarations.map((dd) => html`<li>${personLink(dd.person)}${dd.interest ? `: ${dd.interest}` : ""}</li>`)}</ul>`
    : null
}`
    : null
}
${x ? html`<p class="govuk-body-s">${sourceLink(x.provenance)}</p>` : null}
<h2 class="govuk-heading-l" id="documents">Source documents</h2>
${documentsList(m.documents)}`,
  };
}

export function meetingPage(m: MeetingDetail, params?: URLSearchParams): View {
  const title = meetingTitle(m);
  // Opened from a search hit: the words searched for are marked in the text.
  const hl = (params?.get("hl") ?? "").slice(0, 200);
  const decls = m.minutes.flatMap((x) => x.declarations.map((d) => ({ d, minute: x })));
  const contact = m.contact
    ? [m.contact.name, m.contact.phone, m.contact.email].filter((v): v is string => !!v).join(", ")
    : null;
  return {
    title,
    current: "meetings",
    breadcrumbs: [
      { text: "Home", href: "/" },
      { text: "Committees", href: "/committees" },
      { text: m.committee.name, href: `/committees/${m.committee.id}` },
    ],
    alternates: [json(`/meetings/${m.id}`)],
    body: html`<span class="govuk-caption-l">${m.authority ?? ""}</span>
<h1 class="govuk-heading-xl">${title}${m.status ? html` ${meetingStatusTag(m.status.state)}` : null}</h1>
${statusNotice(m)}
<nav aria-label="On this page" class="govuk-!-margin-bottom-6"><h2 class="govuk-heading-s govuk-!-margin-bottom-1">On this page</h2><ul class="govuk-list">
${m.agenda.length ? html`<li><a class="govuk-link" href="#agenda">Agenda</a></li>` : null}
${m.reports.length ? html`<li><a class="govuk-link" href="#reports">Reports</a></li>` : null}
${m.minutes.length ? html`<li><a class="govuk-link" href="#minutes">Minutes</a></li>` : null}
${m.attendance ? html`<li><a class="govuk-link" href="#attendance">Attendance</a></li>` : null}
${decls.length ? html`<li><a class="govuk-link" href="#declarations">Declarations of interest</a></li>` : null}
${m.membership.length ? html`<li><a class="govuk-link" href="#membership">Membership</a></li>` : null}
<li><a class="govuk-link" href="#documents">Source documents</a></li></ul></nav>
${summaryList([
  { key: "Committee", value: html`<a class="govuk-link" href="/committees/${m.committee.id}">${m.committee.name}</a>` },
  { key: "Date", value: formatDate(m.date) },
  { key: "Status", value: m.status ? statusWords(m.status) : null },
  { key: "Time", value: formatTime(m.time) },
  { key: "Place", value: m.location },
  { key: "Contact", value: contact },
  { key: "Next meeting", value: m.nextMeeting ? formatDate(m.nextMeeting) : null },
])}
${
  m.agenda.length
    ? html`<h2 class="govuk-heading-l" id="agenda">Agenda</h2>${table(
        "Agenda items",
        ["Item", "Title", "Report by", "Pages", "Source"],
        m.agenda.map((a) => [
          html`<span id="agenda-${a.id}">${a.number}</span>`,
          agendaTitle(a, m),
          a.reportBy ?? "",
          a.pages ? (a.pages.start === a.pages.end ? `${a.pages.start}` : `${a.pages.start} to ${a.pages.end}`) : "",
          sourceLink(a.provenance),
        ]),
        "s",
      )}`
    : null
}
${
  m.reports.length
    ? html`<h2 class="govuk-heading-l" id="reports">Reports</h2>${m.reports.map(
        (
          r,
        ) => html`<section id="report-${r.id}" class="govuk-!-margin-bottom-6"><h3 class="govuk-heading-m">${r.agendaItem ? `${r.agendaItem}. ` : ""}${reportTitle(r, m)}</h3>
${r.exempt ? exemptNotice({ exemptParagraphs: r.exemptParagraphs }) : null}
${r.author ? html`<p class="govuk-body minutebook-meta">Report of the ${r.author}</p>` : null}
${r.recommendations.length ? html`<h4 class="govuk-heading-s">Recommendations</h4><ol class="govuk-list govuk-list--number">${r.recommendations.map((x) => html`<li>${x}</li>`)}</ol>` : null}
${r.officers.length ? html`<h4 class="govuk-heading-s">Officers to contact</h4><ul class="govuk-list">${r.officers.map((o) => html`<li>${o.name}${o.role ? `, ${o.role}` : ""}${o.phone ? `, ${o.phone}` : ""}${o.email ? html`, <a class="govuk-link" href="mailto:${o.email}">${o.email}</a>` : null}</li>`)}</ul>` : null}
${r.appendices.length ? html`<h4 class="govuk-heading-s">Appendices</h4><ul class="govuk-list govuk-list--bullet">${r.appendices.map((x) => html`<li>${x}</li>`)}</ul>` : null}
${r.backgroundPapers.length ? html`<h4 class="govuk-heading-s">Background papers</h4><ul class="govuk-list govuk-list--bullet">${r.backgroundPapers.map((x) => html`<li>${x}</li>`)}</ul>` : null}
${r.exempt ? null : fullText(r.text, "Full text of this report", hl)}
<p class="govuk-body-s">${sourceLink(r.provenance)}</p></section>`,
      )}`
    : null
}
${m.minutes.length ? html`<h2 class="govuk-heading-l" id="minutes">Minutes</h2>${m.minutes.map((x) => minuteBlock(x, hl))}` : null}
${
  m.attendance
    ? html`<h2 class="govuk-heading-l" id="attendance">Attendance</h2>${summaryList([
        { key: "Chair", value: m.attendance.chair ? personLink(m.attendance.chair) : null },
        { key: "Present", value: peopleList(m.attendance.present) },
        { key: "Apologies", value: peopleList(m.attendance.apologies) },
        { key: "Also in attendance", value: peopleList(m.attendance.inAttendance) },
      ])}<p class="govuk-body-s">${sourceLink(m.attendance.provenance)}</p>`
    : null
}
${
  decls.length
    ? html`<h2 class="govuk-heading-l" id="declarations">Declarations of interest</h2>${table(
        "Declarations made at this meeting",
        ["Member", "Interest", "Item", "Source"],
        decls.map(({ d, minute }) => [
          personLink(d.person),
          d.interest ?? "",
          d.item ?? minute.title,
          sourceLink(d.provenance),
        ]),
        "s",
      )}`
    : null
}
${
  m.membership.length
    ? html`<h2 class="govuk-heading-l" id="membership">Membership</h2><ul class="govuk-list">${m.membership.map(
        (x) => html`<li>${personLink(x.person)}${x.role ? `, ${x.role}` : ""}</li>`,
      )}</ul>`
    : null
}
<h2 class="govuk-heading-l" id="documents">Source documents</h2>
${documentsList(m.documents)}`,
  };
}

/** "Cancelled", "Postponed to 3 March 2025": what the status row says. */
function statusWords(st: MeetingStatusRecord): string {
  const [text] = MEETING_STATUS_TAGS[st.state] ?? [st.state];
  return `${text}${st.rescheduledTo ? ` to ${formatDate(st.rescheduledTo)}` : ""}`;
}

/**
 * A cancelled or postponed meeting says so at the top of its page (GOV.UK warning text), with the
 * notice as printed and where it was read, so nobody takes it for a meeting that took place.
 */
function statusNotice(m: MeetingDetail): Html | null {
  const st = m.status;
  if (!st) return null;
  const what =
    st.state === "cancelled"
      ? "This meeting has been cancelled."
      : st.state === "postponed"
        ? `This meeting has been postponed${st.rescheduledTo ? ` to ${formatDate(st.rescheduledTo)}` : ""}.`
        : "This meeting has been moved.";
  const said =
    st.from === "calendar"
      ? "The council’s calendar says so"
      : st.provenance
        ? "The papers print it"
        : "The papers say so";
  return html`<div class="govuk-warning-text" id="status"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>${what}</strong></div>
<p class="govuk-body">${said}${st.note ? html`: “${st.note}”` : null}.${st.provenance ? html` ${sourceLink(st.provenance)}` : null}</p>`;
}

function peopleList(ps: PersonRef[]): Html | null {
  if (!ps.length) return null;
  return html`<ul class="govuk-list">${ps.map((p) => html`<li>${personLink(p)}</li>`)}</ul>`;
}

/** Where a document came from (a URL links out) and its original file when that may be published. */
function originalLinks(d: DocumentRef): Html {
  const url = /^https?:\/\//.test(d.origin) ? d.origin : null;
  return html`${d.original ? html`<br><a class="govuk-link govuk-body-s" href="/documents/${d.id}/original${d.span?.page ? `#page=${d.span.page}` : ""}">Original file<span class="govuk-visually-hidden"> ${d.name}</span></a>` : null}${
    url
      ? html`<br><span class="govuk-body-s">Published at <a class="govuk-link" href="${url}" rel="external">${url}</a></span>`
      : null
  }`;
}

function documentsList(docs: DocumentRef[]): Html {
  if (!docs.length) return html`<p class="govuk-body">None recorded.</p>`;
  // File names with no break in them (underscores) wrap rather than widen the page at 320 px.
  return html`<ul class="govuk-list govuk-list--spaced minutebook-fulltext">${docs.map(
    (d) =>
      html`<li><a class="govuk-link" href="/documents/${d.id}${d.span ? `?at=${d.span.startLine}#L${d.span.startLine}` : ""}">${d.name}</a> <span class="minutebook-meta">(${d.format}${
        d.span ? `, lines ${d.span.startLine} to ${d.span.endLine}` : ""
      })</span>${originalLinks(d)}</li>`,
  )}</ul>`;
}

// ------------------------------------------------------------------------------------------------
// Committees

export function committeesPage(cs: CommitteeSummary[]): View {
  return {
    title: "Committees",
    current: "committees",
    alternates: [json("/committees")],
    body: html`<h1 class="govuk-heading-xl">Committees</h1>
${
  cs.length
    ? table(
        "Committees and their meetings",
        ["Committee", "Council", "Meetings", "First", "Latest"],
        cs.map((c) => [
          html`<a class="govuk-link" href="/committees/${c.id}">${c.name}</a>`,
          c.authority ?? "",
          c.meetings,
          formatDate(c.firstMeeting),
          formatDate(c.lastMeeting),
        ]),
        "s",
      )
    : html`<p class="govuk-body">No committees have been imported yet.</p>`
}`,
  };
}

export function committeePage(c: CommitteeDetail): View {
  return {
    title: c.name,
    current: "committees",
    breadcrumbs: [
      { text: "Home", href: "/" },
      { text: "Committees", href: "/committees" },
    ],
    alternates: [
      json(`/committees/${c.id}`),
      { type: "text/calendar", href: `/meetings.ics?committee=${c.id}`, title: `${c.name} meetings calendar` },
    ],
    body: html`${c.authority ? html`<span class="govuk-caption-l">${c.authority}</span>` : null}
<h1 class="govuk-heading-xl">${c.name}</h1>
<p class="govuk-body">${plural(c.meetings, "meeting")} recorded${c.firstMeeting ? `, ${formatDate(c.firstMeeting)} to ${formatDate(c.lastMeeting)}` : ""}.
<a class="govuk-link" href="/meetings.ics?committee=${c.id}">Subscribe to this committee's meetings (iCalendar)</a>.
<a class="govuk-link" href="/decisions?committee=${c.id}">Decisions of this committee</a>.</p>
<h2 class="govuk-heading-l">Membership</h2>
${
  c.membership.length
    ? html`${c.membershipAsOf ? html`<p class="govuk-body minutebook-meta">As printed on the front sheet of ${formatDate(c.membershipAsOf)}.</p>` : null}
<ul class="govuk-list">${c.membership.map((x) => html`<li>${personLink(x.person)}${x.role ? `, ${x.role}` : ""}</li>`)}</ul>`
    : html`<p class="govuk-body">No membership list has been found in this committee's papers.</p>`
}
<h2 class="govuk-heading-l">Meetings by year</h2>
${c.meetingsByYear.map(
  (y) => html`<h3 class="govuk-heading-m">${y.year ?? "Date not given"}</h3>${meetingList(y.meetings, "None.", false)}`,
)}`,
  };
}

// ------------------------------------------------------------------------------------------------
// People

/** How the people pages name each kind of person (PersonSummary.kind). */
export const PERSON_KINDS: Record<string, string> = {
  councillor: "Councillor",
  attendee: "Officer or other attendee",
  named: "Named in the papers",
};

export function peoplePage(d: PeopleData, params: URLSearchParams, problems: Problems = {}): View {
  const pages = Math.max(1, Math.ceil(d.people.total / d.people.limit));
  const q = fieldProblem(problems, "q");
  const council = fieldProblem(problems, "council");
  const filtered = Boolean(d.filter.q || d.filter.council);
  return {
    title: "People",
    current: "people",
    alternates: [json(`/people?${params}`)],
    body: html`${problemSummary(problems, { page: null })}<h1 class="govuk-heading-xl">People</h1>
<p class="govuk-body">Councillors and others named in the records. A councillor is anyone recorded as a member at a meeting (on its membership, present, sending apologies, declaring an interest or in a recorded vote); officers and others are recorded only as in attendance.</p>
<form method="get" action="/people" class="govuk-!-margin-bottom-6">
<div class="govuk-form-group${q.group}"><label class="govuk-label" for="q">Name</label><div class="govuk-hint" id="q-hint">Part of a name as the papers print it, for example Collor</div>${q.message}
<input class="govuk-input govuk-input--width-20${q.input}" id="q" name="q" type="search" value="${problems.q ? (params.get("q") ?? "") : (d.filter.q ?? "")}" aria-describedby="q-hint${q.describedBy ? ` ${q.describedBy}` : ""}" spellcheck="false"></div>
<div class="govuk-form-group${council.group}"><label class="govuk-label" for="council">Council</label>${council.message}
<select class="govuk-select${council.group ? " govuk-select--error" : ""}" id="council" name="council"${council.describedBy ? html` aria-describedby="${council.describedBy}"` : null}><option value="">All councils</option>${d.councils.map(
      (c) => html`<option value="${c}"${raw(c === d.filter.council ? " selected" : "")}>${c}</option>`,
    )}</select></div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Show people</button>
${filtered ? html`<p class="govuk-body"><a class="govuk-link" href="/people">Clear the filters</a></p>` : null}
</form>
<p class="govuk-body" id="people-count">${plural(d.people.total, "person", "people")}${filtered ? " match" : ""}.</p>
${table(
  "People named in the records",
  ["Name", "Council", "Recorded as", "Committees", "Meetings attended"],
  d.people.items.map((p) => [
    html`<a class="govuk-link" href="/people/${p.id}">${p.name}</a>`,
    p.council ?? "",
    PERSON_KINDS[p.kind] ?? p.kind,
    p.committees,
    p.meetingsAttended,
  ]),
  "s",
)}
${pagination("/people", params, d.page, pages)}`,
  };
}

/** Attendance per committee from the person's meeting list. */
export function attendanceByCommittee(p: PersonDetail): CommitteeAttendance[] {
  // The same counting as the headline (the store's): present is attended; "in attendance" (not as a
  // member) is shown apart and is not a meeting they were expected at.
  const by = new Map<number, CommitteeAttendance>();
  for (const m of p.attendance.meetings) {
    let row = by.get(m.committee.id);
    if (!row) {
      row = { committee: m.committee, attended: 0, apologies: 0, absent: 0, expected: 0, inAttendance: 0 };
      by.set(m.committee.id, row);
    }
    if (m.status === "in-attendance") {
      row.inAttendance++;
      continue;
    }
    row.expected++;
    if (m.status === "present") row.attended++;
    else if (m.status === "apologies") row.apologies++;
    else row.absent++;
  }
  return [...by.values()].sort((a, b) => a.committee.name.localeCompare(b.committee.name));
}

const pct = (a: number, b: number) => (b ? Math.round((100 * a) / b) : 0);

/**
 * Attendance as horizontal bars, one per committee, labelled with the committee's name; the SVG is one
 * image with a full text alternative, and the table after it carries the same figures.
 */
function attendanceChart(rows: CommitteeAttendance[], personName: string): Html {
  const rowH = 48;
  const h = rows.length * rowH + 4;
  const short = (s: string) => (s.length > 48 ? `${s.slice(0, 47)}…` : s);
  return html`<figure class="govuk-!-margin-0 govuk-!-margin-bottom-4">
<svg class="minutebook-chart" role="img" aria-labelledby="chart-title" viewBox="0 0 400 ${h}" width="100%" height="${h}" preserveAspectRatio="xMinYMin meet" focusable="false">
<title id="chart-title">Meetings attended out of meetings expected, by committee, for ${personName}: ${rows
    .map((r) => `${r.committee.name}, ${r.attended} of ${r.expected}`)
    .join("; ")}</title>
${rows.map((r, i) => {
  const y = i * rowH + 2;
  const w = r.expected ? (300 * r.attended) / r.expected : 0;
  return html`<text x="0" y="${y + 14}" font-size="15" fill="#0b0c0c">${short(r.committee.name)}</text><rect x="1" y="${y + 20}" width="299" height="20" fill="#f3f2f1" stroke="#505a5f"></rect><rect x="1" y="${y + 20}" width="${w.toFixed(1)}" height="20" fill="#1d70b8"></rect><text x="308" y="${y + 36}" font-size="15" fill="#0b0c0c">${r.attended} of ${r.expected}</text>`;
})}
</svg>
<figcaption class="govuk-body-s minutebook-meta">The blue part of each bar is meetings attended; the whole bar is meetings expected. The table below gives the same figures.</figcaption>
</figure>`;
}

/** How the store explains an alias merge, in words. */
const ALIAS_RULES: Record<string, string> = {
  "first-seen": "first time this name appears",
  exact: "the same name",
  initials: "the same surname and initials",
  "forename-initial": "the same surname, forename matching an initial",
  "initials-prefix": "the same surname, initials matching the first of a fuller printing",
  "forename-prefix": "the same surname, forename matching the first initial",
  merged: "merged by an officer",
  "surname-unique": "the only person with this surname",
};

export function personPage(p: PersonData): View {
  const a = p.attendance;
  return {
    title: p.name,
    current: "people",
    breadcrumbs: [
      { text: "Home", href: "/" },
      { text: "People", href: "/people" },
    ],
    alternates: [json(`/people/${p.id}`)],
    body: html`<span class="govuk-caption-l">${PERSON_KINDS[p.kind] ?? p.kind}${p.council ? `, ${p.council}` : ""}</span>
<h1 class="govuk-heading-xl">${p.name}</h1>
${
  p.aliases.length > 1
    ? html`<p class="govuk-body minutebook-meta">Also printed as: ${p.aliases
        .map((x) => x.printed)
        .filter((x, i, all) => x !== p.name && all.indexOf(x) === i)
        .join("; ")}</p>`
    : null
}
${
  p.aliases.length
    ? html`<details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">How the records were matched to this person</span></summary><div class="govuk-details__text">${table(
        "Printed names matched to this person",
        ["Printed name", "Matched by", "Source"],
        p.aliases.map((x) => [
          x.printed,
          ALIAS_RULES[x.rule] ?? x.rule,
          x.line
            ? html`<a class="govuk-link" href="/documents/${x.documentId}?at=${x.line}#L${x.line}">${x.documentName}, line ${x.line}</a>`
            : x.documentName,
        ]),
        "s",
      )}</div></details>`
    : null
}
<h2 class="govuk-heading-l">Roles</h2>
${
  p.roles.length
    ? table(
        "Committee roles",
        ["Committee", "Role", "From", "To"],
        p.roles.map((r) => [
          html`<a class="govuk-link" href="/committees/${r.committee.id}">${r.committee.name}</a>`,
          r.role ?? "Member",
          r.from ? formatDate(r.from) : "",
          r.to ? formatDate(r.to) : "",
        ]),
        "s",
      )
    : html`<p class="govuk-body">No committee membership is recorded.</p>`
}
<h2 class="govuk-heading-l">Attendance</h2>
<p class="govuk-body">Attended ${a.attended} of ${plural(a.expected, "meeting")} expected (${pct(a.attended, a.expected)}%); apologies sent for ${a.apologies}.</p>
${
  p.byCommittee.some((r) => r.expected)
    ? attendanceChart(
        p.byCommittee.filter((r) => r.expected),
        p.name,
      )
    : null
}
${
  p.byCommittee.length
    ? table(
        "Attendance by committee",
        ["Committee", "Attended", "Apologies", "Absent", "Expected", "Rate", "In attendance, not as a member"],
        p.byCommittee.map((r) => [
          r.committee.name,
          r.attended,
          r.apologies,
          r.absent,
          r.expected,
          r.expected ? `${pct(r.attended, r.expected)}%` : "",
          r.inAttendance,
        ]),
        "s",
      )
    : null
}
${
  a.meetings.length
    ? html`<details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Every meeting (${a.meetings.length})</span></summary><div class="govuk-details__text">${table(
        "Meetings and attendance",
        ["Meeting", "Attendance"],
        a.meetings.map((m) => [
          html`<a class="govuk-link" href="/meetings/${m.meetingId}">${meetingTitle(m)}</a>`,
          { present: "Present", apologies: "Apologies", "in-attendance": "In attendance", absent: "Absent" }[m.status],
        ]),
        "s",
      )}</div></details>`
    : null
}
<h2 class="govuk-heading-l">Declarations of interest</h2>
${
  p.declarations.length
    ? table(
        "Declarations of interest",
        ["Meeting", "Item", "Interest", "Source"],
        p.declarations.map((d) => [
          html`<a class="govuk-link" href="/meetings/${d.meetingId}">${meetingTitle(d)}</a>`,
          d.item ?? d.minuteTitle ?? "",
          d.interest ?? "",
          sourceLink(d.provenance),
        ]),
        "s",
      )
    : html`<p class="govuk-body">No declarations are recorded.</p>`
}`,
  };
}

// ------------------------------------------------------------------------------------------------
// Decisions register

export function decisionsPage(d: DecisionsData, params: URLSearchParams, problems: Problems = {}): View {
  const pages = Math.max(1, Math.ceil(d.decisions.total / d.decisions.limit));
  const from = fieldProblem(problems, "from");
  const to = fieldProblem(problems, "to");
  const key = fieldProblem(problems, "key");
  // A date that could not be read is shown as typed, so it can be put right.
  const typed = (name: "from" | "to") => (problems[name] ? (params.get(name) ?? "") : ukDate(d.filter[name]));
  const csvParams = new URLSearchParams(params);
  csvParams.delete("page");
  const qs = csvParams.toString();
  return {
    title: "Decisions",
    current: "decisions",
    alternates: [
      json(`/decisions?${params}`),
      { type: "text/csv", href: `/decisions.csv${qs ? `?${qs}` : ""}`, title: "Decisions as CSV" },
    ],
    body: html`${problemSummary(problems, { page: null })}<h1 class="govuk-heading-xl">Decisions</h1>
<p class="govuk-body">Resolutions recorded in the minutes, and officer and executive decision records, newest first.</p>
<div class="govuk-grid-row">
<div class="govuk-grid-column-one-third">
<form method="get" action="/decisions" class="govuk-!-margin-bottom-6">
<h2 class="govuk-heading-m">Filter decisions</h2>
${committeeSelect(d.committees, d.filter.committee, "committee", true, problems)}
<div class="govuk-form-group${from.group}"><label class="govuk-label" for="from">From date</label><div class="govuk-hint" id="from-hint">For example, 31/1/2017</div>${from.message}
<input class="govuk-input govuk-input--width-10${from.input}" id="from" name="from" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" value="${typed("from")}" aria-describedby="from-hint${from.describedBy ? ` ${from.describedBy}` : ""}"></div>
<div class="govuk-form-group${to.group}"><label class="govuk-label" for="to">To date</label><div class="govuk-hint" id="to-hint">For example, 31/12/2017</div>${to.message}
<input class="govuk-input govuk-input--width-10${to.input}" id="to" name="to" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" value="${typed("to")}" aria-describedby="to-hint${to.describedBy ? ` ${to.describedBy}` : ""}"></div>
<div class="govuk-form-group${key.group}">${key.message}<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes"><div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="key" name="key" type="checkbox" value="1"${raw(d.filter.key ? " checked" : "")}>
<label class="govuk-label govuk-checkboxes__label" for="key">Key decisions only</label></div></div></div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Show decisions</button>
</form>
</div>
<div class="govuk-grid-column-two-thirds">
<p class="govuk-body">${plural(d.decisions.total, "decision")}. <a class="govuk-link" href="/decisions.csv${qs ? `?${qs}` : ""}" download>Download these decisions (CSV)</a></p>
${d.decisions.items.map(
  (x) => html`<section class="govuk-!-margin-bottom-6">
<h2 class="govuk-heading-m"><a class="govuk-link" href="${x.record ? `/decisions/${x.meetingId}` : `/meetings/${x.meetingId}#minute-${x.minuteId}`}">${x.number ? `${x.number}. ` : ""}${x.title}</a>${x.keyDecision ? html` <strong class="govuk-tag govuk-tag--purple">Key decision</strong>` : null}</h2>
<p class="govuk-body-s minutebook-meta">${
    x.record
      ? html`Decision record: ${x.record.maker ?? x.committee.name}, ${x.date ? formatDate(x.date) : "not yet taken"}${x.record.status ? html` · ${x.record.status}` : null}`
      : html`${x.committee.name}, ${formatDate(x.date)}`
  }</p>
${clauses(x.resolutions)}
${x.reasons.length ? html`<p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">Reasons</p>${x.reasons.map((r) => html`<p class="govuk-body">${r}</p>`)}` : null}
<p class="govuk-body-s">${sourceLink(x.provenance)}</p></section>`,
)}
${pagination("/decisions", params, d.filter.page, pages)}
</div></div>`,
  };
}

// ------------------------------------------------------------------------------------------------
// Search

const TYPE_NAMES: Record<string, string> = {
  agenda: "Agenda item",
  minute: "Minute",
  resolution: "Resolution",
  report: "Report",
};

/** The store's snippet markup is used only when it is nothing but escaped text and <mark> tags. */
export function safeSnippet(snippetHtml: string, snippetText: string, q: string): Html {
  const ok = snippetHtml
    .split(/<\/?mark>/)
    .every((piece) => /^(?:[^<>&"']|&(?:amp|lt|gt|quot|#39|#x27|apos);)*$/.test(piece));
  const balanced = (snippetHtml.match(/<mark>/g) ?? []).length === (snippetHtml.match(/<\/mark>/g) ?? []).length;
  return ok && balanced ? raw(snippetHtml) : highlight(snippetText.replace(/[[\]]/g, ""), q);
}

export function searchPage(d: SearchData, params: URLSearchParams, problems: Problems = {}): View {
  const f = d.filter;
  const qp = fieldProblem(problems, "q");
  const mark = (name: string) => fieldProblem(problems, name, `f-${name}`);
  const r = d.result;
  const feedParams = new URLSearchParams(params);
  feedParams.delete("page");
  const total = r ? (f.key ? r.facets.keyDecision.key : r.total) : 0;
  // Past the store's count limit the figures are lower bounds: say so rather than show a wrong number.
  const exact = r ? (f.key ? r.facetsExact : r.totalExact) : true;
  const heading = exact
    ? plural(total, "result")
    : `${f.key ? "At least" : "More than"} ${total.toLocaleString("en-GB")} results`;
  const count = (n: number) => (r && !r.facetsExact ? `${n.toLocaleString("en-GB")} or more` : String(n));
  const pages = Math.max(1, Math.ceil(total / d.limit));
  const title = f.q ? `Search: ${f.q}` : "Search";
  const facets = r?.facets;
  return {
    title,
    current: "search",
    alternates: [
      json(`/search?${params}`),
      ...(f.q
        ? [{ type: "application/atom+xml", href: `/search.atom?${feedParams}`, title: `Follow “${f.q}” (Atom feed)` }]
        : []),
    ],
    body: html`${problemSummary(
      problems,
      // Filters are shown beside results only; without words to search, their problems link to the search box.
      r
        ? { committee: "f-committee", year: "f-year", type: "f-type", key: "f-key", page: null }
        : { committee: "q", year: "q", type: "q", key: "q", page: null },
    )}<h1 class="govuk-heading-xl">Search</h1>
<form action="/search" method="get" role="search">
<div class="govuk-grid-row">
<div class="govuk-grid-column-full">
<div class="govuk-form-group${qp.group}">
<label class="govuk-label govuk-label--m" for="q">Search agendas, reports and minutes</label>
<div class="govuk-hint" id="q-hint">Use quotes for a phrase, OR for either word, and a minus sign to leave a word out</div>${qp.message}
<input class="govuk-input govuk-!-width-two-thirds${qp.input}" id="q" name="q" type="search" value="${problems.q ? (params.get("q") ?? "") : f.q}" aria-describedby="q-hint${qp.describedBy ? ` ${qp.describedBy}` : ""}" maxlength="200" spellcheck="false">
<button type="submit" class="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button">Search</button>
</div></div></div>
${
  r && facets
    ? html`<div class="govuk-grid-row">
<div class="govuk-grid-column-one-third minutebook-facets">
<h2 class="govuk-heading-m">Filter results</h2>
${r.facetsExact ? null : html`<p class="govuk-body-s" id="facet-counts-hint">Counted over ${r.total.toLocaleString("en-GB")} of the matches only, so each number is a lower bound.</p>`}
<div class="govuk-form-group${mark("committee").group}"><label class="govuk-label" for="f-committee">Committee</label>${mark("committee").message}
<select class="govuk-select govuk-!-width-full${mark("committee").group ? " govuk-select--error" : ""}" id="f-committee" name="committee"${mark("committee").describedBy ? html` aria-describedby="${mark("committee").describedBy}"` : null}><option value="">All committees</option>${facets.committee.map(
        (c) =>
          html`<option value="${c.id}"${raw(c.id === f.committee ? " selected" : "")}>${c.name} (${count(c.count)})</option>`,
      )}</select></div>
<div class="govuk-form-group${mark("year").group}"><label class="govuk-label" for="f-year">Year</label>${mark("year").message}
<select class="govuk-select govuk-!-width-full${mark("year").group ? " govuk-select--error" : ""}" id="f-year" name="year"${mark("year").describedBy ? html` aria-describedby="${mark("year").describedBy}"` : null}><option value="">All years</option>${facets.year.map(
        (y) =>
          html`<option value="${y.year}"${raw(y.year === f.year ? " selected" : "")}>${y.year} (${count(y.count)})</option>`,
      )}</select></div>
<div class="govuk-form-group${mark("type").group}"><label class="govuk-label" for="f-type">Type</label>${mark("type").message}
<select class="govuk-select govuk-!-width-full${mark("type").group ? " govuk-select--error" : ""}" id="f-type" name="type"${mark("type").describedBy ? html` aria-describedby="${mark("type").describedBy}"` : null}><option value="">All types</option>${facets.type.map(
        (t) =>
          html`<option value="${t.type}"${raw(t.type === f.type ? " selected" : "")}>${TYPE_NAMES[t.type] ?? t.type} (${count(t.count)})</option>`,
      )}</select></div>
<div class="govuk-form-group${mark("key").group}">${mark("key").message}<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes"><div class="govuk-checkboxes__item">
<input class="govuk-checkboxes__input" id="f-key" name="key" type="checkbox" value="1"${raw(f.key ? " checked" : "")}>
<label class="govuk-label govuk-checkboxes__label" for="f-key">Key decisions only (${count(facets.keyDecision.key)})</label></div></div></div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Apply filters</button>
<p class="govuk-body-s"><a class="govuk-link" href="/search?q=${encodeURIComponent(f.q)}">Clear filters</a></p>
</div>
<div class="govuk-grid-column-two-thirds">
<h2 class="govuk-heading-m" id="results-heading">${heading}</h2>
${r.rankedOver === null ? null : html`<p class="govuk-body-s" id="ranked-hint">So many records match that these are the best of the ${r.rankedOver.toLocaleString("en-GB")} most recently added. Add words or filters to search them all.</p>`}
<p class="govuk-body-s"><a class="govuk-link" href="/search.atom?${feedParams.toString()}">Follow this search (Atom feed)</a></p>
${
  r.hits.length
    ? html`<ol class="govuk-list" aria-labelledby="results-heading">${r.hits.map(
        (h) => html`<li class="govuk-!-margin-bottom-6">
<h3 class="govuk-heading-s govuk-!-margin-bottom-1"><a class="govuk-link" href="${h.href}">${h.title}</a></h3>
<p class="govuk-body-s minutebook-meta govuk-!-margin-bottom-1"><strong class="govuk-tag govuk-tag--grey">${TYPE_NAMES[h.type] ?? h.type}</strong>${h.keyDecision ? html` <strong class="govuk-tag govuk-tag--purple">Key decision</strong>` : null} ${h.meeting.committee.name}, ${formatDate(h.meeting.date)}</p>
<p class="govuk-body govuk-!-margin-bottom-1">${safeSnippet(h.snippetHtml, h.snippetText, f.q)}</p>
<p class="govuk-body-s">${sourceLink(h.provenance)}</p></li>`,
      )}</ol>`
    : html`<p class="govuk-body">No results. Check the spelling, use fewer words or remove filters.</p>`
}
${pagination("/search", params, f.page, pages)}
</div></div>`
    : html`<p class="govuk-body">Enter words to search every agenda, report and minute.</p>`
}
</form>`,
  };
}

// ------------------------------------------------------------------------------------------------
// Documents

function windowNav(d: DocumentData): Html | null {
  const w = d.window;
  if (!w) return null;
  const id = d.document.id;
  const prev = w.first > 1 ? Math.max(1, w.first - w.size) : null;
  const next = w.last < w.total ? w.last + 1 : null;
  return html`<nav class="govuk-pagination govuk-pagination--block" aria-label="Parts of this document">
<p class="govuk-body">Showing lines ${w.first} to ${w.last} of ${w.total}.</p>
${prev ? html`<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="/documents/${id}?at=${prev}#L${prev}" rel="prev"><span class="govuk-pagination__link-title">Previous lines</span><span class="govuk-pagination__link-label">${prev} to ${w.first - 1}</span></a></div>` : null}
${next ? html`<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="/documents/${id}?at=${next}#L${next}" rel="next"><span class="govuk-pagination__link-title">Next lines</span><span class="govuk-pagination__link-label">${next} to ${Math.min(w.total, next + w.size - 1)}</span></a></div>` : null}
</nav>`;
}

/** The document's lines, numbered and anchored (#L120, #page-4); exempt minutes' lines withheld. */
export function documentPage(d: DocumentData): View {
  const doc = d.document;
  let body: Html;
  if (d.lines) {
    const rows: string[] = [];
    let page: number | null = null;
    let withheld = false;
    for (const line of d.lines) {
      if (line.page !== null && line.page !== page) {
        page = line.page;
        rows.push(
          html`<tr class="minutebook-page" id="page-${page}"><th colspan="2" scope="colgroup">Page ${page}</th></tr>`
            .value,
        );
      }
      if (line.text === null) {
        const r = d.redactions.find((x) => line.n > x.startLine && line.n <= x.endLine);
        if (!withheld)
          rows.push(
            html`<tr id="L${line.n}"><td class="minutebook-ln">${line.n}${r ? `–${r.endLine}` : ""}</td><td class="minutebook-text"><em>Lines withheld: this item is exempt under ${paragraphsText(r?.paragraphs ?? [])}.</em></td></tr>`
              .value,
          );
        else rows.push(`<tr id="L${line.n}" hidden><td></td><td></td></tr>`);
        withheld = true;
        continue;
      }
      withheld = false;
      rows.push(
        html`<tr id="L${line.n}"${raw(d.cited && line.n >= d.cited.from && line.n <= d.cited.to ? ' class="minutebook-hl"' : "")}><td class="minutebook-ln">${line.n}</td><td class="minutebook-text">${line.text}</td></tr>`
          .value,
      );
    }
    body = html`${windowNav(d)}<table class="minutebook-lines"><caption class="govuk-visually-hidden">Text of ${doc.name}, numbered by line</caption>
<thead class="govuk-visually-hidden"><tr><th scope="col">Line</th><th scope="col">Text</th></tr></thead>
<tbody>${raw(rows.join("\n"))}</tbody></table>${windowNav(d)}`;
  } else {
    body = html`<div class="govuk-inset-text">${d.unavailable ?? ""} Provenance links to this document give the line numbers and page; use them with the original file.</div>`;
  }
  return {
    title: doc.name,
    breadcrumbs: [{ text: "Home", href: "/" }],
    alternates: [json(`/documents/${doc.id}`)],
    body: html`<span class="govuk-caption-l">Source document</span>
<h1 class="govuk-heading-l">${doc.name}</h1>
${summaryList([
  { key: "Format", value: doc.format },
  {
    key: "Came from",
    value: /^https?:\/\//.test(doc.origin)
      ? html`<a class="govuk-link" href="${doc.origin}" rel="external">${doc.origin}</a>`
      : doc.origin,
  },
  {
    key: "Original",
    value: doc.original
      ? html`<a class="govuk-link" href="/documents/${doc.id}/original">Open the original file</a>`
      : "Not published here: the file holds exempt material, or was imported before originals were kept",
  },
  { key: "SHA-256", value: html`<code>${doc.sha256}</code>` },
  {
    key: "Meetings",
    value: d.meetings.length
      ? html`<ul class="govuk-list">${d.meetings.map((m) => html`<li><a class="govuk-link" href="/meetings/${m.id}">${meetingTitle(m)}</a></li>`)}</ul>`
      : null,
  },
])}
${body}`,
  };
}

// ------------------------------------------------------------------------------------------------
// Static pages

export function openDataPage(): View {
  const rows: [string, string][] = [
    ["/api/openapi.json", "OpenAPI 3.1 description of every endpoint"],
    ["/api/home", "Upcoming and recent meetings, and counts"],
    ["/api/meetings", "Meetings (committee, year, page)"],
    ["/api/meetings/{id}", "One meeting: agenda, reports, minutes, attendance, declarations, sources"],
    ["/api/meetings/{id}/pack", "A meeting's published agenda pack: the PDF, and the page map of its agenda items"],
    ["/api/committees", "Committees"],
    ["/api/committees/{id}", "One committee: membership and meetings by year"],
    ["/api/people", "People"],
    ["/api/people/{id}", "One person: roles, attendance, declarations"],
    ["/api/decisions", "Decisions register (committee, from, to, key)"],
    ["/api/decisions/{id}", "One officer or executive decision record: decision maker, status, call-in, dates"],
    ["/api/search?q=budget", "Search with facets (q, committee, year, type, key, page)"],
    ["/api/documents/{id}", "A source document and its lines"],
    [
      "/documents/{id}/original",
      "A document's original file as imported (a PDF opens at #page=N); never one holding exempt material",
    ],
    ["/api/topics", "Subjects followed across meetings and committees"],
    ["/api/topics/{id}", "One subject's timeline of items, decisions and referrals"],
    ["/api/followups", "Promised further reports, with whether and when they came (status)"],
    ["/api/committees/{id}/followups", "Promises made to one committee"],
    ["/api/referrals", "Scrutiny comments referred to the executive, and their responses"],
    ["/api/money", "Sums of money in reports and decisions (committee, from, to, sort, page; 50 a page)"],
    ["/api/people/{id}/timeline", "What one person did at each meeting"],
    ["/api/quality", "Records the parser flagged as doubtful"],
    ["/api/council", "The council's committee structure"],
    ["/api/council/committees/{id}", "A committee the council keeps: today's members, balance, meetings"],
    ["/api/calendar", "The meeting calendar (view=month|list, month=YYYY-MM) with status and notice"],
    ["/api/councillors", "Councillors (q, ward, party)"],
    ["/api/councillors/find", "Find a councillor by ward"],
    ["/api/councillors/{id}", "A councillor: seats, attendance, declarations, public register of interests"],
    ["/api/decision-notices", "Decision notices of executive decisions, with the call-in state"],
    ["/api/decision-notices/{id}", "One decision notice: reg 12 record, call-in window in working days"],
    ["/decision-notices/{id}/notice.docx", "A decision notice as Word"],
    ["/api/minutes/verify", "Committees with signed minutes"],
    ["/api/minutes/verify/{id}", "A committee's signed minutes, the signature hash chain checked now"],
    ["/minutes/versions/{id}/minutes.txt", "Published minutes as text"],
    ["/minutes/versions/{id}/minutes.pdf", "Published minutes as PDF"],
    ["/minutes/versions/{id}/minutes.docx", "Published minutes as Word"],
    ["/decisions.csv", "Decisions as CSV (same filters as the register)"],
    ["/attendance.csv", "Attendance of every person at every meeting, as CSV"],
    ["/meetings.csv", "Meetings as CSV, one row each with its council (same filters as /meetings: committee, year)"],
    ["/meetings.ics", "Meetings as an iCalendar feed (add ?committee=ID for one committee)"],
    ["/calendar.ics", "The council's calendar as an iCalendar feed, with cancellations and end times"],
    ["/search.atom?q=budget", "Any search as an Atom feed, to follow a subject"],
  ];
  return {
    title: "Open data and API",
    current: "data",
    body: html`<h1 class="govuk-heading-xl">Open data and API</h1>
<p class="govuk-body">Every page of this site is also available as JSON: add <code>/api</code> in front of its address. The records come from the councils' published papers: reuse is subject to each council's terms. Exempt information is never included.</p>
${table(
  "Endpoints",
  ["Address", "What it returns"],
  rows.map(([path, what]) => [
    path.includes("{")
      ? html`<code>${path}</code>`
      : html`<a class="govuk-link" href="${path}"><code>${path}</code></a>`,
    what,
  ]),
  "m",
)}`,
  };
}

export function accessibilityPage(): View {
  return {
    title: "Accessibility statement",
    body: html`<h1 class="govuk-heading-xl">Accessibility statement</h1>
<p class="govuk-body">This website aims to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA, as the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 require.</p>
<p class="govuk-body">Every page works without JavaScript, can be used with a keyboard alone, and is checked automatically with axe-core for WCAG 2.2 A and AA failures on each change. Automated checks find only part of the problems, so please tell the council if something does not work for you.</p>
<h2 class="govuk-heading-m">Known limitations</h2>
<ul class="govuk-list govuk-list--bullet">
<li>The text of source documents is shown as it was extracted; tables and layout in the original PDFs may read differently.</li>
<li>Names, dates and decisions are extracted automatically and may contain mistakes; each one links to the lines it was read from.</li>
</ul>`,
  };
}

export function errorPage(status: number, message: string): View {
  const title =
    status === 404
      ? "Page not found"
      : status === 403
        ? "You cannot see this page"
        : status === 400
          ? "There is a problem with the address"
          : status === 429
            ? "Too many requests"
            : status === 413
              ? "The request is too large"
              : "Sorry, there is a problem with the service";
  return {
    title,
    body: html`<h1 class="govuk-heading-l">${title}</h1>
<p class="govuk-body">${message}</p>
<p class="govuk-body"><a class="govuk-link" href="/">Go to the home page</a> or <a class="govuk-link" href="/search">search the records</a>.</p>`,
  };
}
