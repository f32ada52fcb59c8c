/**
 * HTML for the follow pages: topics and a topic's timeline (an SVG chart with the same facts in a
 * table), follow-ups, referrals, data-quality flags, a person's timeline, and the sections added to
 * meeting, committee and person pages. Each renderer takes the record its /api twin returns.
 */
import type { DoubtfulPair } from "../../store/repository";
import { type Html, html } from "../html";
import type { View } from "../pages";
import { formatDate, pagination, plural, sourceLink, summaryList, table } from "../views";
import type { Place } from "./links";
import {
  type FollowUpRecord,
  type FollowUpsData,
  MONEY_SORTS,
  type MoneyData,
  type MoneyRecord,
  type MoneySort,
  type QualityData,
  type QualityRecord,
  type ReferralRecord,
  type ReferralsData,
  type TimelineData,
  type TopicData,
  type TopicMissing,
  type TopicsData,
} from "./records";

const json = (href: string) => ({ type: "application/json", href: `/api${href}`, title: "This page as JSON" });
const home = { text: "Home", href: "/" };

function years(first: string | null, last: string | null): string {
  if (!first || !last) return "undated";
  return first.slice(0, 4) === last.slice(0, 4) ? first.slice(0, 4) : `${first.slice(0, 4)} to ${last.slice(0, 4)}`;
}

/** A place as a link to its item on the meeting page, with its committee and date. */
function placeLink(p: Place, withTitle = true): Html {
  const what = withTitle && p.title ? `${p.ref ? `${p.ref}: ` : ""}${p.title}` : p.ref || "the meeting";
  const when = `${p.committee}, ${formatDate(p.date)}`;
  return p.href
    ? html`<a class="govuk-link" href="${p.href}">${what}</a><br><span class="govuk-body-s minutebook-meta">${when}</span>`
    : html`${what}<br><span class="govuk-body-s minutebook-meta">${when}</span>`;
}

function source(p: Place): Html | string {
  return p.source ? sourceLink(p.source) : "";
}

const textNote = (withText: boolean) =>
  withText
    ? null
    : html`<div class="govuk-inset-text">This server cannot read the source documents' text, so topics are found from titles, resolutions, recommendations and reasons only; subjects named only in the discussion are missed.</div>`;

// ------------------------------------------------------------------------------------------------
// Topics

export function topicsPage(d: TopicsData, params: URLSearchParams): View {
  const pages = Math.max(1, Math.ceil(d.total / d.limit));
  const councils = new Set(d.topics.map((t) => t.authority)).size;
  return {
    title: d.page > 1 ? `Topics (page ${d.page} of ${pages})` : "Topics",
    current: "topics",
    breadcrumbs: [home],
    alternates: [json("/topics")],
    body: html`<h1 class="govuk-heading-xl">Topics</h1>
<p class="govuk-body">Subjects followed across meetings and committees: items are grouped when they share a distinctive phrase, printed in a title, resolution, recommendation or the discussion. Each topic shows why each item was linked.</p>
<p class="govuk-body">${plural(d.total, "topic")} across ${plural(d.meetings, "meeting")}.</p>
${textNote(d.withText)}
${
  d.topics.length
    ? table(
        "Topics across meetings",
        ["Topic", "Years", "Committees", "Meetings", "Items"],
        d.topics.map((t) => [
          html`<a class="govuk-link" href="/topics/${t.id}">${t.label}</a>${
            t.phrases.length > 1
              ? html`<br><span class="govuk-body-s minutebook-meta">also: ${t.phrases.slice(1, 6).join(", ")}</span>`
              : null
          }`,
          years(t.first, t.last),
          councils > 1 && t.authority
            ? html`${t.committees.join("; ")}<br><span class="govuk-body-s minutebook-meta">${t.authority}</span>`
            : t.committees.join("; "),
          t.meetings,
          t.items,
        ]),
        "s",
      )
    : html`<p class="govuk-body">No subject recurs across meetings yet.</p>`
}
${pagination("/topics", params, d.page, pages)}`,
  };
}

const LANE_H = 64;
const LEFT = 10;
const WIDTH = 760;

/** The thread drawn as one lane per committee along a time axis; the table after it holds the same facts. */
function topicChart(d: TopicData): Html | null {
  // Drawn from the whole topic's timeline (every page's items), not the page's entries.
  const dated = d.timeline.filter((m) => m.date);
  if (!dated.length) return null;
  const lanes = d.topic.committees;
  const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
  const first = Number(d.topic.first?.slice(0, 4) ?? "2000");
  const last = Number(d.topic.last?.slice(0, 4) ?? "2000") + 1;
  const x0 = t(`${first}-01-01`);
  const x1 = t(`${last}-01-01`);
  const x = (iso: string) => LEFT + ((t(iso) - x0) / (x1 - x0)) * (WIDTH - 2 * LEFT);
  const h = lanes.length * LANE_H + 50;
  // One marker per meeting and lane, sized by how many items it holds.
  const marks = new Map<string, { lane: number; date: string; n: number }>();
  for (const e of dated) {
    const lane = lanes.indexOf(e.committee);
    const key = `${lane}|${e.date}`;
    const m = marks.get(key) ?? { lane: Math.max(0, lane), date: e.date as string, n: 0 };
    m.n += e.items;
    marks.set(key, m);
  }
  const ticks: Html[] = [];
  const step = Math.max(1, Math.ceil((last - first) / 10));
  for (let y = first; y <= last; y += step) {
    const px = x(`${y}-01-01`);
    ticks.push(
      html`<line x1="${px.toFixed(1)}" y1="${h - 40}" x2="${px.toFixed(1)}" y2="${h - 34}" stroke="#0b0c0c"></line><text x="${Math.min(px, WIDTH - 40).toFixed(1)}" y="${h - 16}" font-size="14" fill="#0b0c0c" font-family="arial, sans-serif">${y}</text>`,
    );
  }
  const inLane = (c: string) => dated.reduce((n, m) => n + (m.committee === c ? m.items : 0), 0);
  const summary = `Timeline of ${d.topic.label}: ${plural(d.total, "item")} at ${plural(d.topic.meetings, "meeting")} from ${formatDate(d.topic.first)} to ${formatDate(d.topic.last)}, ${lanes
    .map((c) => `${c}: ${inLane(c)} items`)
    .join("; ")}. The table below lists every item${d.total > d.limit ? `, ${d.limit} to a page` : ""}.`;
  return html`<figure class="govuk-!-margin-0 govuk-!-margin-bottom-6">
<svg role="img" aria-labelledby="topic-chart-title" viewBox="0 0 ${WIDTH} ${h}" width="100%" preserveAspectRatio="xMinYMin meet" focusable="false">
<title id="topic-chart-title">${summary}</title>
${lanes.map((c, i) => {
  const y = i * LANE_H;
  return html`<text x="${LEFT}" y="${y + 18}" font-size="15" fill="#0b0c0c" font-family="arial, sans-serif">${c.length > 90 ? `${c.slice(0, 89)}…` : c}</text><line x1="${LEFT}" y1="${y + 42}" x2="${WIDTH - LEFT}" y2="${y + 42}" stroke="#505a5f" stroke-width="1"></line>`;
})}
${[...marks.values()].map((m) => {
  const r = Math.min(14, 6 + 2 * (m.n - 1));
  return html`<circle cx="${x(m.date).toFixed(1)}" cy="${m.lane * LANE_H + 42}" r="${r}" fill="#1d70b8" stroke="#0b0c0c" stroke-width="1"></circle>`;
})}
<line x1="${LEFT}" y1="${h - 40}" x2="${WIDTH - LEFT}" y2="${h - 40}" stroke="#0b0c0c"></line>
${ticks}
</svg>
<figcaption class="govuk-body-s minutebook-meta">Each row is a committee; each circle is a meeting where the topic came up (larger circles hold more items). The table below gives the same items with links.</figcaption>
</figure>`;
}

const SOURCE_KIND: Record<MoneyRecord["source"], string> = {
  resolution: "resolution",
  reason: "reason for decision",
  recommendation: "report recommendation",
};

/** "£2,850,000" (pence shown only when printed). */
function pounds(n: number): string {
  return `£${n.toLocaleString("en-GB", { minimumFractionDigits: Number.isInteger(n) ? 0 : 2, maximumFractionDigits: 2 })}`;
}

function moneyTable(caption: string, money: MoneyRecord[]): Html {
  return table(
    caption,
    ["Sum", "For", "Where", "Source"],
    money.map((m) => [
      html`${m.asPrinted}${m.per ? ` ${m.per}` : ""}${
        pounds(m.pounds) !== m.asPrinted
          ? html`<br><span class="govuk-body-s minutebook-meta">${pounds(m.pounds)}</span>`
          : null
      }`,
      html`${m.purpose || "not stated"}<br><span class="govuk-body-s minutebook-meta">In a ${SOURCE_KIND[m.source]}</span>`,
      placeLink(m.place),
      source(m.place),
    ]),
    "m",
  );
}

export function topicPage(d: TopicData, params: URLSearchParams): View {
  const t = d.topic;
  const pages = Math.max(1, Math.ceil(d.total / d.limit));
  const from = (d.page - 1) * d.limit + 1;
  return {
    title: `Topic: ${t.label}`,
    current: "topics",
    breadcrumbs: [home, { text: "Topics", href: "/topics" }],
    alternates: [json(`/topics/${t.id}`)],
    body: html`<span class="govuk-caption-l">Topic</span>
<h1 class="govuk-heading-xl">${t.label}</h1>
${summaryList([
  { key: "Council", value: t.authority },
  { key: "Years", value: years(t.first, t.last) },
  { key: "Committees", value: t.committees.join("; ") },
  { key: "Meetings", value: String(t.meetings) },
  { key: "Items", value: String(t.items) },
  { key: "Linked by", value: t.phrases.map((p) => `“${p}”`).join(", ") },
])}
${textNote(d.withText)}
<h2 class="govuk-heading-l">Timeline</h2>
${topicChart(d)}
${table(
  pages > 1
    ? `Items ${from} to ${from + d.entries.length - 1} of ${d.total} in this topic, oldest first`
    : `Every item in this topic, oldest first`,
  ["Date", "Item", "Why it was linked", "Source"],
  d.entries.map((e) => [
    formatDate(e.place.date),
    placeLink(e.place),
    html`${e.why}${
      e.linkedFrom
        ? html`<br><span class="govuk-body-s minutebook-meta">Linked from ${e.linkedFrom.ref} (${e.linkedFrom.committee}, ${formatDate(e.linkedFrom.date)})</span>`
        : null
    }`,
    source(e.place),
  ]),
  "m",
)}
${pagination(`/topics/${t.id}`, params, d.page, pages)}
<h2 class="govuk-heading-l">Sums of money</h2>
${
  d.money.length
    ? moneyTable("Sums printed in this topic's resolutions and recommendations", d.money)
    : html`<p class="govuk-body">No sums of money are printed in this topic's resolutions, reasons or recommendations.</p>`
}`,
  };
}

/** A topic address nothing clearly continues: say so, and offer the nearest topics. */
export function topicMissingPage(d: TopicMissing): View {
  return {
    title: "Page not found",
    current: "topics",
    breadcrumbs: [home, { text: "Topics", href: "/topics" }],
    body: html`<h1 class="govuk-heading-l">Page not found</h1>
<p class="govuk-body">${d.error.message}</p>
${
  d.near.length
    ? html`<h2 class="govuk-heading-m">Topics that come closest</h2>
<ul class="govuk-list govuk-list--spaced">${d.near.map(
        (t) =>
          html`<li><a class="govuk-link" href="/topics/${t.id}">${t.label}</a><br><span class="govuk-body-s minutebook-meta">${years(t.first, t.last)}; ${t.committees.join("; ")}</span></li>`,
      )}</ul>`
    : null
}
<p class="govuk-body">You can <a class="govuk-link" href="/topics">see every topic</a> or <a class="govuk-link" href="/search?q=${encodeURIComponent(d.id.split("--")[0].replace(/-/g, " "))}">search the records for “${d.id.split("--")[0].replace(/-/g, " ")}”</a>.</p>`,
  };
}

// ------------------------------------------------------------------------------------------------
// Money

const SORT_NAMES: Record<MoneySort, string> = {
  "date-desc": "Newest first",
  "date-asc": "Oldest first",
  "amount-desc": "Largest first",
  "amount-asc": "Smallest first",
};

/** "2017-01-31" → "31/1/2017" for a form field; the server reads either form back. */
function ukDate(iso: string | null): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? `${Number(m[3])}/${Number(m[2])}/${m[1]}` : "";
}

export function moneyPage(d: MoneyData, params: URLSearchParams): View {
  const pages = Math.max(1, Math.ceil(d.total / d.limit));
  const f = d.filter;
  const selected = (yes: boolean) => (yes ? html` selected` : null);
  const first = d.total ? (d.page - 1) * d.limit + 1 : 0;
  const last = Math.min(d.total, d.page * d.limit);
  const what = [
    f.committee ? ` at ${f.committee.name}` : "",
    f.from ? ` from ${formatDate(f.from)}` : "",
    f.to ? ` to ${formatDate(f.to)}` : "",
  ].join("");
  const qs = params.toString();
  return {
    title: d.page > 1 ? `Money (page ${d.page} of ${pages})` : "Money",
    current: "money",
    breadcrumbs: [home],
    alternates: [json(`/money${qs ? `?${qs}` : ""}`)],
    body: html`<h1 class="govuk-heading-xl">Money</h1>
<p class="govuk-body">Sums of money printed in resolutions, reasons for decisions and report recommendations, with what each is for as far as the words around it say, and the item and lines it was read from. Exempt (confidential) items are never read, so no sum from them appears here.</p>
<div class="govuk-grid-row">
<div class="govuk-grid-column-one-third">
<form method="get" action="/money" class="govuk-!-margin-bottom-6">
<h2 class="govuk-heading-m">Filter sums</h2>
<div class="govuk-form-group"><label class="govuk-label" for="committee">Committee</label>
<select class="govuk-select govuk-!-width-full" id="committee" name="committee"><option value="">All committees</option>${d.committees.map(
      (c) => html`<option value="${c.id}"${selected(c.id === f.committee?.id)}>${c.name} (${c.count})</option>`,
    )}</select></div>
<div class="govuk-form-group"><label class="govuk-label" for="from">From date</label><div class="govuk-hint" id="from-hint">For example, 31/1/2017</div>
<input class="govuk-input govuk-input--width-10" id="from" name="from" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" value="${ukDate(f.from)}" aria-describedby="from-hint"></div>
<div class="govuk-form-group"><label class="govuk-label" for="to">To date</label><div class="govuk-hint" id="to-hint">For example, 31/12/2017</div>
<input class="govuk-input govuk-input--width-10" id="to" name="to" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" value="${ukDate(f.to)}" aria-describedby="to-hint"></div>
<div class="govuk-form-group"><label class="govuk-label" for="sort">Order</label>
<select class="govuk-select govuk-!-width-full" id="sort" name="sort">${MONEY_SORTS.map(
      (s) => html`<option value="${s}"${selected(s === f.sort)}>${SORT_NAMES[s]}</option>`,
    )}</select></div>
<button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Show sums</button>
</form>
</div>
<div class="govuk-grid-column-two-thirds">
${
  d.total
    ? html`<p class="govuk-body">${plural(d.total, "sum")}${what}. ${
        pages > 1 ? `Showing ${first} to ${last}, ${SORT_NAMES[f.sort].toLowerCase()}.` : `${SORT_NAMES[f.sort]}.`
      }</p>
${moneyTable(pages > 1 ? `Sums ${first} to ${last} of ${d.total}` : "Sums of money", d.money)}`
    : html`<p class="govuk-body">No sums of money are printed${what || " in the records"}.</p>`
}
${pagination("/money", params, d.page, pages)}
</div></div>`,
  };
}

// ------------------------------------------------------------------------------------------------
// Follow-ups

const STATUS: Record<FollowUpRecord["status"], { text: string; cls: string }> = {
  met: { text: "Met", cls: "govuk-tag--green" },
  open: { text: "Open", cls: "govuk-tag--blue" },
  overdue: { text: "Overdue", cls: "govuk-tag--red" },
};

function due(f: FollowUpRecord): Html {
  const m = f.due.meeting;
  const when = f.due.asPrinted
    ? `${f.due.asPrinted}${f.due.by ? ` (by ${formatDate(f.due.by)})` : ""}`
    : m
      ? m.which === "next"
        ? "the next meeting"
        : "a future meeting"
      : "no date given";
  return html`${f.due.body}, ${when}${
    m?.meetingId
      ? html`<br><a class="govuk-link govuk-body-s" href="/meetings/${m.meetingId}">The meeting it was due at</a>`
      : null
  }`;
}

function followUpItem(f: FollowUpRecord): Html {
  const s = STATUS[f.status];
  return html`<li class="govuk-!-margin-bottom-6">
<h3 class="govuk-heading-s govuk-!-margin-bottom-2"><strong class="govuk-tag ${s.cls}">${s.text}</strong> ${f.promise} — ${f.from.ref}, ${f.from.committee}, ${formatDate(f.from.date)}</h3>
${summaryList([
  { key: "Resolution", value: html`<q>${f.text}</q>` },
  { key: "From", value: html`${placeLink(f.from)} ${source(f.from)}` },
  { key: "Due", value: due(f) },
  {
    key: "Met by",
    value: f.metBy
      ? html`${placeLink(f.metBy.place)} ${source(f.metBy.place)}<br><span class="govuk-body-s">Why: ${f.metBy.why}${f.metBy.late ? " (after it was due)" : ""}</span>`
      : null,
  },
])}
</li>`;
}

export function followUpsPage(d: FollowUpsData, params: URLSearchParams): View {
  const path = d.committee ? `/committees/${d.committee.id}/followups` : "/followups";
  const title = d.committee ? `Follow-ups: ${d.committee.name}` : "Follow-ups";
  const option = (v: string, text: string) =>
    html`<option value="${v}"${(d.status ?? "") === v ? html` selected` : null}>${text}</option>`;
  return {
    title,
    current: "followups",
    breadcrumbs: d.committee
      ? [
          home,
          { text: "Committees", href: "/committees" },
          { text: d.committee.name, href: `/committees/${d.committee.id}` },
        ]
      : [home],
    alternates: [json(path)],
    body: html`<h1 class="govuk-heading-xl">${title}</h1>
<p class="govuk-body">Promises of later action in resolutions (a further report, an update, a report back), when they were due, and whether a later item met them. Status as at ${formatDate(d.today)}.</p>
<p class="govuk-body">${d.counts.met} met, ${d.counts.open} open, ${d.counts.overdue} overdue. See also <a class="govuk-link" href="/referrals">referrals to other bodies</a> and <a class="govuk-link" href="/quality">data-quality flags</a>.</p>
<form method="get" action="${path}" class="govuk-!-margin-bottom-6"><div class="govuk-form-group"><label class="govuk-label" for="status">Status</label>
<select class="govuk-select" id="status" name="status">${option("", "All")}${option("met", "Met")}${option("open", "Open")}${option("overdue", "Overdue")}</select>
<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">Show</button></div></form>
${
  d.followUps.length
    ? html`<ol class="govuk-list">${d.followUps.map(followUpItem)}</ol>`
    : html`<p class="govuk-body">No follow-ups${d.status ? ` with this status` : ""} are recorded.</p>`
}
${pagination(path, params, d.page, Math.max(1, Math.ceil(d.total / d.limit)))}`,
  };
}

// ------------------------------------------------------------------------------------------------
// Referrals

export function referralTarget(r: ReferralRecord): Html {
  const when = r.to.date ? formatDate(r.to.date) : (r.to.dateAsPrinted ?? "date not given");
  return r.to.href
    ? html`<a class="govuk-link" href="${r.to.href}">${r.to.body}, ${when}</a>`
    : html`${r.to.body}, ${when}<br><strong class="govuk-tag govuk-tag--grey">Not yet in the store</strong>`;
}

function referralsTable(caption: string, refs: ReferralRecord[]): Html {
  return table(
    caption,
    ["From", "Resolution", "Sent to", "Source"],
    refs.map((r) => [placeLink(r.from), html`<q>${r.text}</q>`, referralTarget(r), source(r.from)]),
    "m",
  );
}

export function referralsPage(d: ReferralsData): View {
  return {
    title: "Referrals",
    current: "followups",
    breadcrumbs: [home],
    alternates: [json("/referrals")],
    body: html`<h1 class="govuk-heading-xl">Referrals</h1>
<p class="govuk-body">Resolutions that send something to another body (comments forwarded to the Cabinet, a recommendation to the County Council), linked to the receiving meeting when it is in the store. A meeting not yet in the store is shown with its body and date.</p>
${d.referrals.length ? referralsTable(`${plural(d.referrals.length, "referral")}`, d.referrals) : html`<p class="govuk-body">No referrals are recorded.</p>`}`,
  };
}

// ------------------------------------------------------------------------------------------------
// Data quality

function qualityTable(caption: string, flags: QualityRecord[]): Html {
  return table(
    caption,
    ["Meeting", "Problem", "Source"],
    flags.map((q) => [placeLink(q.place, false), q.message, source(q.place)]),
    "m",
  );
}

export function qualityPage(d: QualityData): View {
  return {
    title: "Data quality",
    current: "data",
    breadcrumbs: [home, { text: "Open data", href: "/open-data" }],
    alternates: [json("/quality")],
    body: html`<h1 class="govuk-heading-xl">Data quality</h1>
<p class="govuk-body">Things printed in the papers that cannot all be right: impossible dates (a next meeting on a Sunday, or before the meeting itself), one person printed two ways, page ranges that run backwards or overlap. They are shown as printed; nothing is corrected.</p>
${d.flags.length ? qualityTable(plural(d.flags.length, "flag"), d.flags) : html`<p class="govuk-body">No problems found.</p>`}`,
  };
}

/**
 * Pairs of one council's people that may be one person: each with why, links to both, and the command
 * an officer runs to merge them (`db unmerge` undoes it form by form). Never pairs across councils.
 */
export function doubtfulPeopleSection(pairs: DoubtfulPair[]): Html {
  return html`<h2 class="govuk-heading-l" id="people">People who may be one person</h2>
<p class="govuk-body">Printed names the rules did not join because more than one person could fit, or spelt one letter apart. An officer who knows can merge a pair with <code>minutebook db merge KEEP OTHER</code> (undone form by form with <code>minutebook db unmerge ALIAS</code>) or leave them apart. Names are never joined across councils.</p>
${
  pairs.length
    ? table(
        plural(pairs.length, "pair"),
        ["Council", "People", "Why", "To merge"],
        pairs.map((p) => [
          p.council,
          html`<a class="govuk-link" href="/people/${p.a.id}">${p.a.name}</a> and <a class="govuk-link" href="/people/${p.b.id}">${p.b.name}</a>`,
          p.why,
          html`<code>minutebook db merge ${p.a.id} ${p.b.id}</code>`,
        ]),
        "s",
      )
    : html`<p class="govuk-body">None found.</p>`
}`;
}

// ------------------------------------------------------------------------------------------------
// A person's timeline

type TimelineEvent = TimelineData["events"][number];

/** What the person did, as a short phrase under the meeting it was at. */
const DID: Partial<Record<TimelineEvent["kind"], string>> = {
  chair: "Chaired the meeting",
  present: "Present",
  apologies: "Sent apologies",
  "in-attendance": "In attendance",
  absent: "Absent (a member, not recorded as present)",
};

function act(e: TimelineEvent): Html {
  const what = DID[e.kind] ?? e.text;
  return html`<li>${e.href ? html`<a class="govuk-link" href="${e.href}">${what}</a>` : what}${
    e.source ? html` <span class="govuk-body-s">${sourceLink(e.source)}</span>` : null
  }</li>`;
}

export function timelinePage(d: TimelineData): View {
  const p = d.person;
  // One row per meeting, in date order.
  const rows: { date: string | null; meetingId: number | null; committee: string; events: TimelineEvent[] }[] = [];
  for (const e of d.events) {
    const row = rows.find((r) => r.meetingId !== null && r.meetingId === e.meetingId);
    if (row) row.events.push(e);
    else rows.push({ date: e.date, meetingId: e.meetingId, committee: e.committee?.name ?? "", events: [e] });
  }
  return {
    title: `${p.name}: timeline`,
    current: "people",
    breadcrumbs: [home, { text: "People", href: "/people" }, { text: p.name, href: `/people/${p.id}` }],
    alternates: [json(`/people/${p.id}/timeline`)],
    body: html`<span class="govuk-caption-l">${p.name}</span>
<h1 class="govuk-heading-xl">Timeline</h1>
<p class="govuk-body">What the records say ${p.name} did at each meeting, oldest first: chairing, attendance and apologies, declarations of interest, recorded votes, reports naming them as contact officer${d.withText ? ", motions the minutes print them as proposing or seconding, and the other minutes whose text prints their name" : ""}. Each entry links to the meeting and to the lines it was read from.</p>
<div class="govuk-inset-text">The records do not say who spoke. How they voted is shown only where the minutes print a recorded vote with the members' names (${plural(d.events.filter((e) => e.kind === "voted").length, "recorded vote")} here). “Named in” means their name is printed in that minute${d.withText ? "; a proposer or seconder is shown only where a line of the minutes says so" : ""}.${d.withText ? "" : " This server cannot read the source documents' text, so minutes naming them are not shown."}</div>
${
  d.roles.length
    ? table(
        "Committee memberships",
        ["Committee", "Role", "Printed on front sheets"],
        d.roles.map((r) => [
          html`<a class="govuk-link" href="/committees/${r.committee.id}">${r.committee.name}</a>`,
          r.role ?? "Member",
          r.from && r.to && r.to !== r.from
            ? `${formatDate(r.from)} to ${formatDate(r.to)}`
            : r.from
              ? formatDate(r.from)
              : "undated",
        ]),
        "m",
      )
    : null
}
${
  rows.length
    ? table(
        `Meeting by meeting (${plural(rows.length, "meeting")})`,
        ["Date", "Meeting", "What they did"],
        rows.map((r) => [
          r.date ? formatDate(r.date) : "undated",
          r.meetingId ? html`<a class="govuk-link" href="/meetings/${r.meetingId}">${r.committee}</a>` : r.committee,
          html`<ul class="govuk-list govuk-!-margin-bottom-0">${r.events.map(act)}</ul>`,
        ]),
        "m",
      )
    : html`<p class="govuk-body">No meeting records name ${p.name}${d.roles.length ? " beyond their memberships" : ""}.</p>`
}`,
  };
}

// ------------------------------------------------------------------------------------------------
// Sections added to the portal's own pages

/** Referrals from and to one meeting, and its data-quality flags, for the end of its page. */
export function meetingSection(
  meetingId: number,
  refs: ReferralRecord[],
  flags: QualityRecord[],
  followUps: FollowUpRecord[],
): Html | null {
  const out = refs.filter((r) => r.from.meetingId === meetingId);
  const inc = refs.filter((r) => r.to.meetingId === meetingId);
  const fol = followUps.filter((f) => f.from.meetingId === meetingId || f.metBy?.place.meetingId === meetingId);
  if (!out.length && !inc.length && !flags.length && !fol.length) return null;
  return html`<section id="follow" class="govuk-!-margin-top-6">
<h2 class="govuk-heading-l">Across meetings</h2>
${out.length ? referralsTable("Referred from this meeting", out) : null}
${inc.length ? referralsTable("Referred to this meeting", inc) : null}
${
  fol.length
    ? table(
        "Follow-ups promised or met here",
        ["Promise", "Status", "Met by"],
        fol.map((f) => [placeLink(f.from), STATUS[f.status].text, f.metBy ? placeLink(f.metBy.place) : ""]),
        "m",
      )
    : null
}
${flags.length ? qualityTable("Data-quality flags", flags) : null}
</section>`;
}

export function committeeLinks(id: number): Html {
  return html`<p class="govuk-body" id="follow-links"><a class="govuk-link" href="/committees/${id}/followups">Follow-ups promised by or to this committee</a></p>`;
}

export function personLinks(id: number): Html {
  return html`<p class="govuk-body" id="follow-links"><a class="govuk-link" href="/people/${id}/timeline">Timeline: what they did at each meeting, in date order</a></p>`;
}
