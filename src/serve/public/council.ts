/**
 * The public pages of what the council keeps in Minutebook: the committee structure, a committee with
 * the members who sit on it today, the calendar (month view and list) with each meeting's status, end
 * time, latest lawful publication date and late-notice flag, the councillor index (by name, ward and
 * party), "find my councillor" by ward, and a councillor's profile (seats, attendance, declarations and
 * the public register of interests, sensitive entries withheld). Every page has its JSON twin under /api,
 * and the calendar an iCalendar feed. "Today" is the app's clock, so tests move time.
 */
import type { Context, Hono } from "hono";
import { z } from "zod";
import {
  COMMITTEE_KIND_LABELS,
  type CommitteeKind,
  INTEREST_CATEGORY_LABELS,
  isDisclosablePecuniary,
} from "../../model/office";
import { type NoticeCheck, noticeCheck } from "../../office/clear-days";
import { addDays, londonDate, longDate } from "../../office/dates";
import { registerStatus } from "../../office/membership";
import { matchRegisterEntry } from "../../office/register-match";
import type {
  CalendarEntry,
  Council,
  InterestEntry,
  OfficeCommittee,
  OfficePerson,
  Seat,
} from "../../store/common/office";
import type { PersonDetail, Repository } from "../../store/repository";
import { notFound } from "../errors";
import { type Html, html } from "../html";
import { toICalendar } from "../ical";
import { layout, type PageOptions } from "../layout";
import { describe, type RouteDoc } from "../openapi";
import { meetingStatusTag } from "../views";
import * as S from "./schemas";

export type CouncilRouteOptions = {
  repo: Repository;
  now: () => Date;
  /** The configured public origin for absolute links (never the request's Host header). */
  origin?: (c: Context) => string;
};

export type CalendarRow = CalendarEntry & { notice: NoticeCheck | null };

const tag = meetingStatusTag;

function withNotice(e: CalendarEntry, council: Council | null, now: Date): CalendarRow {
  if (!e.date || !council || e.status === "cancelled") return { ...e, notice: null };
  try {
    return {
      ...e,
      notice: noticeCheck({
        meetingDate: e.date,
        policy: council.policy,
        publishedAt: e.publishedAt ? new Date(e.publishedAt) : null,
        now,
      }),
    };
  } catch {
    return { ...e, notice: null }; // outside the bank holiday table: no flag rather than a wrong one
  }
}

function noticeText(n: NoticeCheck | null): Html | null {
  if (!n) return null;
  const counted = n.clearDays === undefined ? "" : ` (${n.clearDays} of ${n.required} clear days)`;
  if (n.status === "late")
    return html`<strong class="govuk-tag govuk-tag--red">Late notice</strong> published ${longDate(n.publishedOn!)}${counted}`;
  if (n.status === "overdue")
    return html`<strong class="govuk-tag govuk-tag--red">Notice overdue</strong> due by ${longDate(n.latestPublicationDate)}${counted}`;
  if (n.status === "on-time") return html`Published ${longDate(n.publishedOn!)}${counted}`;
  if (n.status === "due") return html`Papers due by ${longDate(n.latestPublicationDate)}`;
  return null;
}

const when = (e: CalendarEntry) =>
  e.start ? `${e.start}${e.end ? `–${e.end}` : ""}` : e.status === "held" ? "" : "Time to be confirmed";

function meetingRows(rows: CalendarRow[], showCommittee = true): Html {
  if (!rows.length) return html`<p class="govuk-body">No meetings.</p>`;
  return html`<table class="govuk-table"><caption class="govuk-table__caption govuk-visually-hidden">Meetings</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Date</th>${showCommittee ? html`<th scope="col" class="govuk-table__header">Committee</th>` : null}<th scope="col" class="govuk-table__header">Time</th><th scope="col" class="govuk-table__header">Status</th><th scope="col" class="govuk-table__header">Notice</th></tr></thead>
<tbody class="govuk-table__body">${rows.map(
    (e) => html`<tr class="govuk-table__row" data-meeting="${e.meetingId}" data-status="${e.status}">
<td class="govuk-table__cell"><a class="govuk-link" href="/meetings/${e.meetingId}">${e.date ? longDate(e.date) : "Date to be fixed"}</a>${e.originalDate ? html`<br><span class="govuk-body-s">moved from ${longDate(e.originalDate)}</span>` : null}</td>
${showCommittee ? html`<td class="govuk-table__cell"><a class="govuk-link" href="/council/committees/${e.committee.id}">${e.committee.name}</a></td>` : null}
<td class="govuk-table__cell">${when(e)}${e.location ? html`<br><span class="govuk-body-s">${e.location}</span>` : null}</td>
<td class="govuk-table__cell">${tag(e.status)}${e.note ? html`<br><span class="govuk-body-s">${e.note}</span>` : null}</td>
<td class="govuk-table__cell">${noticeText(e.notice)}</td></tr>`,
  )}</tbody></table>`;
}

function seatsTable(seats: Seat[], caption: string, withCommittee = false): Html {
  if (!seats.length) return html`<p class="govuk-body">None.</p>`;
  const role = (s: Seat) =>
    [
      s.position === "chair" ? "Chair" : s.position === "vice-chair" ? "Vice-chair" : null,
      s.role === "co-opted"
        ? s.voting
          ? "Co-opted (voting)"
          : "Co-opted (non-voting)"
        : s.role === "substitute"
          ? "Substitute"
          : "Member",
    ]
      .filter(Boolean)
      .join(", ");
  return html`<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--s">${caption}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">${withCommittee ? "Committee" : "Name"}</th><th scope="col" class="govuk-table__header">Role</th>${withCommittee ? null : html`<th scope="col" class="govuk-table__header">Party</th>`}<th scope="col" class="govuk-table__header">From</th><th scope="col" class="govuk-table__header">Until</th></tr></thead>
<tbody class="govuk-table__body">${seats.map(
    (s) => html`<tr class="govuk-table__row" data-person="${s.person.id}">
<td class="govuk-table__cell">${withCommittee ? html`<a class="govuk-link" href="/council/committees/${s.committee.id}">${s.committee.name}</a>` : html`<a class="govuk-link" href="/councillors/${s.person.id}">${s.person.name}</a>`}</td>
<td class="govuk-table__cell">${role(s)}</td>${withCommittee ? null : html`<td class="govuk-table__cell">${s.person.party ?? ""}</td>`}
<td class="govuk-table__cell">${longDate(s.from)}${s.appointedAt ? html`<br><a class="govuk-link govuk-body-s" href="/meetings/${s.appointedAt.meetingId}">appointed at the meeting${s.appointedAt.date ? ` of ${longDate(s.appointedAt.date)}` : ""}</a>` : null}</td>
<td class="govuk-table__cell">${s.to ? longDate(s.to) : "—"}</td></tr>`,
  )}</tbody></table>`;
}

/** Political balance of the seats (voting members only), largest group first. */
export function politicalBalance(seats: Seat[]): { party: string; seats: number }[] {
  const counts = new Map<string, number>();
  for (const s of seats)
    if (s.role === "member")
      counts.set(s.person.party ?? "No party", (counts.get(s.person.party ?? "No party") ?? 0) + 1);
  return [...counts]
    .map(([party, n]) => ({ party, seats: n }))
    .sort((a, b) => b.seats - a.seats || a.party.localeCompare(b.party));
}

export type StructureData = { council: Council | null; committees: OfficeCommittee[] };
export type CommitteeData = {
  council: Council | null;
  committee: OfficeCommittee;
  today: string;
  members: Seat[];
  balance: { party: string; seats: number }[];
  upcoming: CalendarRow[];
  past: CalendarRow[];
};
export type CalendarData = {
  council: Council | null;
  month: string | null;
  view: "month" | "list";
  meetings: CalendarRow[];
  today: string;
};
export type CouncillorsData = {
  filter: { q: string; ward: string; party: string };
  wards: string[];
  parties: string[];
  councillors: OfficePerson[];
};
export type CouncillorData = {
  person: OfficePerson;
  today: string;
  current: Seat[];
  past: Seat[];
  attendance: PersonDetail["attendance"] | null;
  declarations: PersonDetail["declarations"];
  register: (InterestEntry & { categoryLabel: string; disclosablePecuniary: boolean })[];
  registerFiled: ReturnType<typeof registerStatus> | null;
};

function structureView(d: StructureData): PageOptions {
  const kept = d.committees.filter((c) => c.kept);
  const top = kept.filter((c) => !c.parent || !kept.some((k) => k.id === c.parent!.id));
  const children = (id: number) => kept.filter((c) => c.parent?.id === id);
  const item = (
    c: OfficeCommittee,
  ): Html => html`<li><a class="govuk-link" href="/council/committees/${c.id}">${c.name}</a>
<span class="govuk-body-s"> — ${COMMITTEE_KIND_LABELS[c.kind as CommitteeKind] ?? "Committee"}${c.receivers.length ? `; reports to ${c.receivers.map((r) => r.name).join(", ")}` : ""}</span>
${children(c.id).length ? html`<ul class="govuk-list govuk-list--bullet">${children(c.id).map(item)}</ul>` : null}</li>`;
  const others = d.committees.filter((c) => !c.kept);
  return {
    title: "Committee structure",
    current: "committees",
    breadcrumbs: [{ text: "Home", href: "/" }],
    body: html`<h1 class="govuk-heading-l">Committee structure${d.council ? html`<span class="govuk-caption-m">${d.council.name}</span>` : null}</h1>
${kept.length ? html`<ul class="govuk-list govuk-list--bullet">${top.map(item)}</ul>` : html`<p class="govuk-body">The council has not set out its committees here yet.</p>`}
${others.length ? html`<h2 class="govuk-heading-m">Known only from published papers</h2><ul class="govuk-list">${others.map((c) => html`<li><a class="govuk-link" href="/committees/${c.id}">${c.name}</a></li>`)}</ul>` : null}
<p class="govuk-body"><a class="govuk-link" href="/calendar">Calendar of meetings</a> · <a class="govuk-link" href="/councillors">Councillors</a></p>`,
  };
}

function committeeView(d: CommitteeData): PageOptions {
  const c = d.committee;
  const details: [string, Html | string | null][] = [
    ["Kind", c.kind ? COMMITTEE_KIND_LABELS[c.kind] : null],
    [
      "Part of",
      c.parent ? html`<a class="govuk-link" href="/council/committees/${c.parent.id}">${c.parent.name}</a>` : null,
    ],
    [
      "Reports to",
      c.receivers.length
        ? html`${c.receivers.map((r, i) => html`${i ? ", " : ""}<a class="govuk-link" href="/council/committees/${r.id}">${r.name}</a>`)}`
        : null,
    ],
    ["Quorum", c.quorum === null ? null : String(c.quorum)],
    ["Clerk", c.clerk ? c.clerk.name : null],
    [
      "Webcasts",
      c.webcastUrl ? html`<a class="govuk-link" href="${c.webcastUrl}" rel="external">${c.webcastUrl}</a>` : null,
    ],
  ];
  return {
    title: c.name,
    current: "committees",
    breadcrumbs: [
      { text: "Home", href: "/" },
      { text: "Committee structure", href: "/council" },
    ],
    body: html`<h1 class="govuk-heading-l">${c.name}</h1>
<dl class="govuk-summary-list">${details
      .filter(([, v]) => v)
      .map(
        ([k, v]) =>
          html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${k}</dt><dd class="govuk-summary-list__value">${v}</dd></div>`,
      )}</dl>
${c.termsOfReference ? html`<h2 class="govuk-heading-m">Terms of reference</h2>${c.termsOfReference.split(/\n{2,}/).map((p) => html`<p class="govuk-body">${p}</p>`)}` : null}
<h2 class="govuk-heading-m" id="members">Members on ${longDate(d.today)}</h2>
${seatsTable(d.members, `Members of ${c.name} on ${longDate(d.today)}`)}
${d.balance.length ? html`<p class="govuk-body">Political balance: ${d.balance.map((b) => `${b.party} ${b.seats}`).join(", ")}.</p>` : null}
<h2 class="govuk-heading-m">Forthcoming meetings</h2>
${meetingRows(d.upcoming, false)}
<h2 class="govuk-heading-m">Past meetings</h2>
${meetingRows(d.past, false)}
<p class="govuk-body"><a class="govuk-link" href="/committees/${c.id}">Papers, minutes and decisions of this committee</a></p>`,
  };
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

function monthGrid(month: string, rows: CalendarRow[], today: string): Html {
  const [y, m] = month.split("-").map(Number);
  const first = `${month}-01`;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (new Date(`${first}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday first
  const cells: (string | null)[] = [
    ...Array(lead).fill(null),
    ...Array.from({ length: days }, (_, i) => addDays(first, i)),
  ];
  while (cells.length % 7) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const heads = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
  return html`<table class="govuk-table minutebook-month"><caption class="govuk-table__caption govuk-table__caption--m">${MONTHS[m - 1]} ${y}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">${heads.map((h) => html`<th scope="col" class="govuk-table__header"><abbr title="${h}">${h.slice(0, 3)}</abbr></th>`)}</tr></thead>
<tbody class="govuk-table__body">${weeks.map(
    (w) =>
      html`<tr class="govuk-table__row">${w.map((d) =>
        d
          ? html`<td class="govuk-table__cell"${d === today ? html` aria-current="date"` : null}><span class="govuk-body-s govuk-!-font-weight-bold">${Number(d.slice(8))}</span>${rows
              .filter((r) => r.date === d)
              .map(
                (r) =>
                  html`<br><a class="govuk-link govuk-body-s" href="/meetings/${r.meetingId}">${r.committee.name}${r.start ? ` ${r.start}` : ""}</a>${r.status === "cancelled" || r.status === "postponed" || r.status === "moved" ? html` ${tag(r.status)}` : null}`,
              )}</td>`
          : html`<td class="govuk-table__cell"></td>`,
      )}</tr>`,
  )}</tbody></table>`;
}

function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
}

function calendarView(d: CalendarData): PageOptions {
  const month = d.month ?? d.today.slice(0, 7);
  const [y, m] = month.split("-").map(Number);
  const tabs = html`<p class="govuk-body"><a class="govuk-link" href="/calendar?month=${month}"${d.view === "month" ? html` aria-current="page"` : null}>Month view</a> · <a class="govuk-link" href="/calendar?view=list"${d.view === "list" ? html` aria-current="page"` : null}>List of forthcoming meetings</a> · <a class="govuk-link" href="/calendar.ics">Add to your calendar (iCalendar)</a></p>`;
  const body =
    d.view === "month"
      ? html`<h1 class="govuk-heading-l">Calendar: ${MONTHS[m - 1]} ${y}</h1>${tabs}
<nav class="govuk-pagination govuk-pagination--block" aria-label="Months"><div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="/calendar?month=${shiftMonth(month, -1)}" rel="prev"><span class="govuk-pagination__link-title">Previous month</span></a></div><div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="/calendar?month=${shiftMonth(month, 1)}" rel="next"><span class="govuk-pagination__link-title">Next month</span></a></div></nav>
${monthGrid(month, d.meetings, d.today)}
<h2 class="govuk-heading-m">Meetings in ${MONTHS[m - 1]} ${y}</h2>${meetingRows(d.meetings)}`
      : html`<h1 class="govuk-heading-l">Forthcoming meetings</h1>${tabs}${meetingRows(d.meetings)}`;
  return {
    title: d.view === "month" ? `Calendar: ${MONTHS[m - 1]} ${y}` : "Forthcoming meetings",
    current: "meetings",
    breadcrumbs: [{ text: "Home", href: "/" }],
    body,
    alternates: [{ type: "text/calendar", href: "/calendar.ics", title: "Meetings (iCalendar)" }],
  };
}

function councillorsView(d: CouncillorsData, find: boolean): PageOptions {
  const opt = (values: string[], chosen: string, none: string) => [
    html`<option value="">${none}</option>`,
    ...values.map((v) => html`<option value="${v}"${v === chosen ? html` selected` : null}>${v}</option>`),
  ];
  const form = find
    ? html`<form method="get" action="/councillors/find" class="govuk-!-margin-bottom-6"><div class="govuk-form-group"><label class="govuk-label" for="ward">Your ward (electoral division)</label>
<select class="govuk-select" id="ward" name="ward">${opt(d.wards, d.filter.ward, "Choose your ward")}</select></div>
<button type="submit" class="govuk-button" data-module="govuk-button">Find my councillor</button></form>`
    : html`<form method="get" action="/councillors" class="govuk-!-margin-bottom-6">
<div class="govuk-form-group"><label class="govuk-label" for="q">Name</label><input class="govuk-input govuk-input--width-20" id="q" name="q" type="search" value="${d.filter.q}"></div>
<div class="govuk-form-group"><label class="govuk-label" for="ward">Ward</label><select class="govuk-select" id="ward" name="ward">${opt(d.wards, d.filter.ward, "Any ward")}</select></div>
<div class="govuk-form-group"><label class="govuk-label" for="party">Party</label><select class="govuk-select" id="party" name="party">${opt(d.parties, d.filter.party, "Any party")}</select></div>
<button type="submit" class="govuk-button" data-module="govuk-button">Search councillors</button></form>`;
  const list =
    find && !d.filter.ward
      ? null
      : d.councillors.length
        ? html`<table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--m">${d.councillors.length === 1 ? "1 councillor" : `${d.councillors.length} councillors`}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Name</th><th scope="col" class="govuk-table__header">Ward</th><th scope="col" class="govuk-table__header">Party</th></tr></thead>
<tbody class="govuk-table__body">${d.councillors.map((p) => html`<tr class="govuk-table__row"><td class="govuk-table__cell"><a class="govuk-link" href="/councillors/${p.id}">${p.name}</a></td><td class="govuk-table__cell">${p.ward ?? ""}</td><td class="govuk-table__cell">${p.party ?? ""}</td></tr>`)}</tbody></table>`
        : html`<p class="govuk-body">No councillors match.</p>`;
  return {
    title: find ? "Find your councillor" : "Councillors",
    current: "people",
    breadcrumbs: [{ text: "Home", href: "/" }],
    body: html`<h1 class="govuk-heading-l">${find ? "Find your councillor" : "Councillors"}</h1>${form}${list}
${find ? html`<p class="govuk-body"><a class="govuk-link" href="/councillors">All councillors</a></p>` : html`<p class="govuk-body"><a class="govuk-link" href="/councillors/find">Find your councillor by ward</a></p>`}`,
  };
}

/** A declaration's link to the register entry it is about (office/register-match.ts), else to the register. */
export function declarationLink(interest: string | null, register: CouncillorData["register"]): Html {
  const live = register.filter((i) => !i.sensitive);
  const id = matchRegisterEntry(interest, live);
  const entry = live.find((i) => i.id === id);
  return entry
    ? html`<a class="govuk-link" href="#register-${String(entry.id)}">register entry: ${entry.categoryLabel}</a>`
    : html`<a class="govuk-link" href="#register">see the register</a>`;
}

function councillorView(d: CouncillorData): PageOptions {
  const p = d.person;
  const facts: [string, Html | string | null][] = [
    ["Ward", p.ward],
    ["Party", p.party],
    ["Term of office", p.termStart ? `${longDate(p.termStart)}${p.termEnd ? ` to ${longDate(p.termEnd)}` : ""}` : null],
    ["Email", p.email ? html`<a class="govuk-link" href="mailto:${p.email}">${p.email}</a>` : null],
    ["Telephone", p.phone],
  ];
  const att = d.attendance;
  const flag = d.registerFiled;
  return {
    title: p.name,
    current: "people",
    breadcrumbs: [
      { text: "Home", href: "/" },
      { text: "Councillors", href: "/councillors" },
    ],
    body: html`<h1 class="govuk-heading-l">${p.name}</h1>
${p.photoUrl ? html`<img src="${p.photoUrl}" alt="Photograph of ${p.name}" class="minutebook-photo" width="150">` : null}
<dl class="govuk-summary-list">${facts.filter(([, v]) => v).map(([k, v]) => html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${k}</dt><dd class="govuk-summary-list__value">${v}</dd></div>`)}</dl>
<h2 class="govuk-heading-m">Committees</h2>
${seatsTable(d.current, `Seats held on ${longDate(d.today)}`, true)}
${d.past.length ? seatsTable(d.past, "Earlier and future seats", true) : null}
<h2 class="govuk-heading-m">Attendance</h2>
${att?.expected ? html`<p class="govuk-body">Attended ${att.attended} of ${att.expected} meetings recorded in published minutes${att.apologies ? `; apologies for ${att.apologies}` : ""}.</p>` : html`<p class="govuk-body">No attendance recorded in published minutes.</p>`}
<h2 class="govuk-heading-m">Declarations of interest at meetings</h2>
${d.declarations.length ? html`<ul class="govuk-list govuk-list--bullet">${d.declarations.map((x) => html`<li><a class="govuk-link" href="/meetings/${x.meetingId}">${x.committee.name}${x.date ? `, ${longDate(x.date)}` : ""}</a>: ${x.interest ?? "interest declared"}${x.item ? ` (item ${x.item})` : ""} — ${declarationLink(x.interest, d.register)}</li>`)}</ul>` : html`<p class="govuk-body">None recorded.</p>`}
<h2 class="govuk-heading-m" id="register">Register of interests</h2>
${flag && ((flag.status === "filed" && flag.late) || flag.status === "overdue") ? html`<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span><strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span> The register was ${flag.status === "overdue" ? `not filed within 28 days of taking office (${flag.daysLate} days late)` : `filed ${flag.daysLate} days after the 28 days allowed`}.</strong></div>` : null}
${d.register.length ? html`<dl class="govuk-summary-list">${d.register.map((i) => html`<div class="govuk-summary-list__row" id="register-${String(i.id)}"><dt class="govuk-summary-list__key">${i.categoryLabel}</dt><dd class="govuk-summary-list__value">${i.sensitive ? html`<em>Withheld: a sensitive interest (Localism Act 2011, section 32).</em>` : i.description}</dd></div>`)}</dl>` : html`<p class="govuk-body">No approved entries.</p>`}`,
  };
}

export function registerCouncilRoutes(app: Hono, o: CouncilRouteOptions): void {
  const office = o.repo.office;
  const today = () => londonDate(o.now());
  const render = (c: Context, v: PageOptions) => c.html(layout(v), 200, { "Cache-Control": "no-cache" });
  /** A page and its JSON twin, described in the OpenAPI document with the twin's zod schema (./schemas.ts). */
  function page<T>(
    path: string,
    load: (c: Context) => Promise<T>,
    view: (d: T) => PageOptions,
    doc: RouteDoc & { response: z.ZodType<T> },
  ) {
    describe(app, "get", `/api${path}`, doc);
    app.get(path, async (c) => render(c, view(await load(c))));
    app.get(`/api${path}`, async (c) => c.json((await load(c)) as object));
  }
  const rows = async (entries: CalendarEntry[]) => {
    const council = await office.council();
    const now = o.now();
    return entries.map((e) => withNotice(e, council, now));
  };

  page<StructureData>(
    "/council",
    async () => ({ council: await office.council(), committees: await office.listCommittees() }),
    structureView,
    { summary: "The council's committee structure", response: S.StructureData },
  );

  page<CommitteeData>(
    "/council/committees/:id",
    async (c) => {
      const id = Number(c.req.param("id"));
      const committee = Number.isInteger(id) ? await office.getCommittee(id) : null;
      if (!committee) throw notFound("There is no such committee.");
      const t = today();
      const members = await office.membersOn(id, t);
      const all = await rows(await office.calendar({ committeeId: id }));
      return {
        council: await office.council(),
        committee,
        today: t,
        members,
        balance: politicalBalance(members),
        upcoming: all.filter((e) => e.date && e.date >= t),
        past: all.filter((e) => e.date && e.date < t).reverse(),
      };
    },
    committeeView,
    {
      summary: "A committee kept by the council: who sits on it today, its political balance, its meetings",
      response: S.CommitteeData,
    },
  );

  page<CalendarData>(
    "/calendar",
    async (c) => {
      const t = today();
      const q = new URL(c.req.url).searchParams;
      const view = q.get("view") === "list" ? "list" : "month";
      const wanted = q.get("month") ?? "";
      const month = /^\d{4}-(0[1-9]|1[0-2])$/.test(wanted) ? wanted : t.slice(0, 7);
      const entries =
        view === "list"
          ? await office.calendar({ from: t, to: addDays(t, 400) })
          : await office.calendar({ from: `${month}-01`, to: `${month}-31` });
      return {
        council: await office.council(),
        month: view === "month" ? month : null,
        view,
        meetings: await rows(entries),
        today: t,
      };
    },
    calendarView,
    {
      summary: "The meeting calendar (a month, or the coming year as a list) with each meeting's status and notice",
      response: S.CalendarData,
      query: {
        view: z.enum(["month", "list"]).optional().describe("month (default) or list"),
        month: z
          .string()
          .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
          .optional()
          .describe("The month shown, YYYY-MM (default this month)"),
      },
    },
  );

  app.get("/calendar.ics", async (c) => {
    const council = await office.council();
    const from = addDays(today(), -366);
    const entries = await office.calendar({ from });
    const origin = o.origin ? o.origin(c) : "http://localhost";
    const body = toICalendar(
      council ? `${council.name} meetings` : "Committee meetings",
      entries.map((e) => ({
        uid: `meeting-${e.meetingId}@minutebook`,
        date: e.date!,
        time: e.start,
        endTime: e.end,
        summary: `${e.status === "cancelled" ? "CANCELLED: " : e.status === "postponed" ? "POSTPONED: " : ""}${e.committee.name}`,
        location: e.location,
        description: e.note,
        url: `${origin}/meetings/${e.meetingId}`,
        status: e.status === "cancelled" ? "CANCELLED" : e.status === "postponed" ? "TENTATIVE" : "CONFIRMED",
      })),
      o.now(),
    );
    return c.body(body, 200, { "Content-Type": "text/calendar; charset=UTF-8", "Cache-Control": "no-cache" });
  });
  describe(app, "get", "/calendar.ics", {
    summary: "The council's meeting calendar as an iCalendar feed, with status and end times",
    response: z.string(),
    type: "text/calendar",
  });

  const councillors = async (c: Context): Promise<CouncillorsData> => {
    const q = new URL(c.req.url).searchParams;
    const filter = {
      q: (q.get("q") ?? "").slice(0, 100),
      ward: (q.get("ward") ?? "").slice(0, 200),
      party: (q.get("party") ?? "").slice(0, 200),
    };
    const { wards, parties } = await office.wardsAndParties();
    return { filter, wards, parties, councillors: await office.listPeople({ kind: "councillor", ...filter }) };
  };
  const councillorsDoc = {
    response: S.CouncillorsData,
    query: {
      q: z.string().max(100).optional().describe("Part of a name"),
      ward: z.string().max(200).optional(),
      party: z.string().max(200).optional(),
    },
  };
  page<CouncillorsData>("/councillors", councillors, (d) => councillorsView(d, false), {
    summary: "Councillors, by name, ward and party",
    ...councillorsDoc,
  });
  page<CouncillorsData>("/councillors/find", councillors, (d) => councillorsView(d, true), {
    summary: "Find your councillor by ward",
    ...councillorsDoc,
  });

  page<CouncillorData>(
    "/councillors/:id",
    async (c) => {
      const id = Number(c.req.param("id"));
      const person = Number.isInteger(id) ? await office.getPerson(id) : null;
      if (person?.kind !== "councillor") throw notFound("There is no such councillor.");
      const t = today();
      const seats = await office.seats({ personId: id });
      const current = seats.filter((s) => s.from <= t && (s.to === null || s.to >= t));
      const detail = await o.repo.getPerson(id);
      const register = (await office.interests(id, "public"))
        .filter((i) => !i.endedOn || i.endedOn >= t)
        .map((i) => ({
          ...i,
          categoryLabel: INTEREST_CATEGORY_LABELS[i.category],
          disclosablePecuniary: isDisclosablePecuniary(i.category),
        }));
      const filed = await office.firstFiled(id);
      return {
        person,
        today: t,
        current,
        past: seats.filter((s) => !current.includes(s)),
        attendance: detail?.attendance ?? null,
        declarations: detail?.declarations ?? [],
        register,
        registerFiled: person.termStart ? registerStatus(person.termStart, filed, t) : null,
      };
    },
    councillorView,
    {
      summary: "A councillor: seats, attendance, declarations and the public register of interests",
      response: S.CouncillorData,
    },
  );
}
