/** Shared view pieces for portal pages: dates, provenance links, GOV.UK summary lists, tables, pagination. */
import type { MeetingSummary, Provenance } from "../store/repository";
import { type Html, html } from "./html";

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

/** "2017-03-10" → "10 March 2017"; null → "date not given". */
export function formatDate(iso: string | null): string {
  if (!iso) return "date not given";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** "14:00" → "2pm", "10:30" → "10:30am". */
export function formatTime(t: string | null): string | null {
  if (!t) return null;
  const m = /^(\d{1,2}):(\d{2})/.exec(t);
  if (!m) return t;
  const h = Number(m[1]);
  const suffix = h >= 12 ? "pm" : "am";
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return m[2] === "00" ? `${h12}${suffix}` : `${h12}:${m[2]}${suffix}`;
}

export function meetingTitle(m: { committee: { name: string }; date: string | null }): string {
  return `${m.committee.name}, ${formatDate(m.date)}`;
}

export function lineRange(p: Provenance): string {
  const { startLine, endLine } = p.span;
  return startLine === endLine ? `line ${startLine}` : `lines ${startLine} to ${endLine}`;
}

/**
 * A link to the exact lines (and page, for paged sources) a fact was read from, and, when the store keeps
 * a PDF that may be published, a second link opening the original at that page.
 */
export function sourceLink(p: Provenance): Html {
  const page = p.span.page !== null ? `, page ${p.span.page}` : "";
  const text = html`<a class="govuk-link minutebook-source" href="/documents/${p.documentId}?at=${p.span.startLine}&amp;to=${p.span.endLine}#L${p.span.startLine}">Source: ${lineRange(p)}${page}<span class="govuk-visually-hidden"> of ${p.documentName}</span></a>`;
  if (!p.original) return text;
  return html`${text} <span class="minutebook-meta">or</span> <a class="govuk-link minutebook-source minutebook-original" href="${p.original}">original PDF${p.span.page !== null ? `, page ${p.span.page}` : ""}<span class="govuk-visually-hidden"> of ${p.documentName}</span></a>`;
}

export type Row = { key: string; value: Html | string | null };

export function summaryList(rows: Row[]): Html {
  const shown = rows.filter((r) => r.value !== null && r.value !== "");
  return html`<dl class="govuk-summary-list">${shown.map(
    (r) =>
      html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${r.key}</dt><dd class="govuk-summary-list__value">${r.value}</dd></div>`,
  )}</dl>`;
}

export function table(
  caption: string,
  head: string[],
  rows: (Html | string | number | null)[][],
  captionClass = "m",
): Html {
  // Wide tables scroll inside a focusable, labelled region on narrow screens instead of the whole page (WCAG 1.4.10).
  return html`<div class="minutebook-table-wrap" role="region" aria-label="${caption}" tabindex="0"><table class="govuk-table"><caption class="govuk-table__caption govuk-table__caption--${captionClass}">${caption}</caption>
<thead class="govuk-table__head"><tr class="govuk-table__row">${head.map((h) => html`<th scope="col" class="govuk-table__header">${h}</th>`)}</tr></thead>
<tbody class="govuk-table__body">${rows.map(
    (r) =>
      html`<tr class="govuk-table__row">${r.map((cell, i) =>
        i === 0
          ? html`<th scope="row" class="govuk-table__header">${cell}</th>`
          : html`<td class="govuk-table__cell">${cell}</td>`,
      )}</tr>`,
  )}</tbody></table></div>`;
}

/** GOV.UK pagination, keeping the other query parameters. */
export function pagination(path: string, params: URLSearchParams, page: number, pages: number): Html | null {
  if (pages <= 1) return null;
  const href = (p: number) => {
    const q = new URLSearchParams(params);
    q.set("page", String(p));
    return `${path}?${q}`;
  };
  const nums: number[] = [];
  for (let p = 1; p <= pages; p++) if (p === 1 || p === pages || Math.abs(p - page) <= 1) nums.push(p);
  const items: Html[] = [];
  let prev = 0;
  for (const p of nums) {
    if (p - prev > 1)
      items.push(html`<li class="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li>`);
    items.push(
      p === page
        ? html`<li class="govuk-pagination__item govuk-pagination__item--current"><a class="govuk-link govuk-pagination__link" href="${href(p)}" aria-label="Page ${p}" aria-current="page">${p}</a></li>`
        : html`<li class="govuk-pagination__item"><a class="govuk-link govuk-pagination__link" href="${href(p)}" aria-label="Page ${p}">${p}</a></li>`,
    );
    prev = p;
  }
  return html`<nav class="govuk-pagination" aria-label="Pages">
${page > 1 ? html`<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="${href(page - 1)}" rel="prev"><span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span></a></div>` : null}
<ul class="govuk-pagination__list">${items}</ul>
${page < pages ? html`<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="${href(page + 1)}" rel="next"><span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span></a></div>` : null}
</nav>`;
}

/**
 * The GOV.UK tag of a meeting's status, the same on every page that lists meetings (the portal's
 * lists and meeting page, the council's calendar): imported papers and the council's own calendar alike.
 */
export const MEETING_STATUS_TAGS: Record<string, [string, string]> = {
  scheduled: ["Scheduled", "govuk-tag--blue"],
  moved: ["Moved", "govuk-tag--yellow"],
  postponed: ["Postponed", "govuk-tag--orange"],
  cancelled: ["Cancelled", "govuk-tag--red"],
  held: ["Held", "govuk-tag--grey"],
};

export function meetingStatusTag(state: string): Html {
  const [text, cls] = MEETING_STATUS_TAGS[state] ?? [state, "govuk-tag--grey"];
  return html`<strong class="govuk-tag ${cls}">${text}</strong>`;
}

export function meetingList(meetings: MeetingSummary[], empty: string, showCommittee = true): Html {
  if (!meetings.length) return html`<p class="govuk-body">${empty}</p>`;
  return html`<ul class="govuk-list govuk-list--spaced">${meetings.map(
    (m) =>
      html`<li><a class="govuk-link" href="/meetings/${m.id}">${showCommittee ? meetingTitle(m) : formatDate(m.date)}</a>${
        m.time ? html` <span class="minutebook-meta">${formatTime(m.time)}</span>` : null
      }${m.status ? html` ${meetingStatusTag(m.status.state)}` : null}<br><span class="govuk-body-s minutebook-meta">${counts(m)}</span></li>`,
  )}</ul>`;
}

export function counts(meeting: MeetingSummary): string {
  const m = meeting.counts;
  const parts: string[] = [];
  if (m.agendaItems) parts.push(`${m.agendaItems} agenda item${m.agendaItems === 1 ? "" : "s"}`);
  if (m.minutes) parts.push(`${m.minutes} minute${m.minutes === 1 ? "" : "s"}`);
  if (m.reports) parts.push(`${m.reports} report${m.reports === 1 ? "" : "s"}`);
  return parts.join(", ") || "no records yet";
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Schedule 12A, Part 1 (England): what each exempt-information paragraph covers. */
export const SCHEDULE_12A: Record<number, string> = {
  1: "information relating to any individual",
  2: "information likely to reveal the identity of an individual",
  3: "information relating to the financial or business affairs of any particular person (including the authority)",
  4: "information relating to consultations or negotiations on labour relations matters",
  5: "information covered by legal professional privilege",
  6: "information about a proposed notice, order or direction",
  7: "information about the prevention, investigation or prosecution of crime",
  10: "(Part 2) such information is exempt only while, in all the circumstances, the public interest in keeping it private outweighs the public interest in disclosing it",
};

export function paragraphsText(paras: number[]): string {
  if (!paras.length) return "Schedule 12A to the Local Government Act 1972 (paragraph not stated)";
  const list = paras.length === 1 ? `${paras[0]}` : `${paras.slice(0, -1).join(", ")} and ${paras[paras.length - 1]}`;
  return `paragraph${paras.length === 1 ? "" : "s"} ${list} of Schedule 12A to the Local Government Act 1972`;
}
