/**
 * The portal's page frame on GOV.UK Frontend classes: skip link, service navigation, breadcrumbs, main,
 * footer. Pages work without JavaScript; the one module script only enhances (the mobile menu toggle).
 */
import { type Html, html, raw } from "./html";

export type NavKey =
  | "meetings"
  | "committees"
  | "people"
  | "decisions"
  | "topics"
  | "followups"
  | "money"
  | "search"
  | "data";

export type PageOptions = {
  /** The page's own title; " – Minutebook" is added. */
  title: string;
  body: Html;
  current?: NavKey;
  breadcrumbs?: { text: string; href: string }[];
  /** Shown under the navigation on office pages: who is signed in, and the sign-out button. */
  banner?: Html | null;
  /** Extra head links (feeds, JSON twin). */
  alternates?: { type: string; href: string; title: string }[];
};

const NAV: { key: NavKey; text: string; href: string }[] = [
  { key: "meetings", text: "Meetings", href: "/meetings" },
  { key: "committees", text: "Committees", href: "/committees" },
  { key: "people", text: "People", href: "/people" },
  { key: "decisions", text: "Decisions", href: "/decisions" },
  { key: "topics", text: "Topics", href: "/topics" },
  { key: "followups", text: "Follow-ups", href: "/followups" },
  { key: "money", text: "Money", href: "/money" },
  { key: "search", text: "Search", href: "/search" },
  { key: "data", text: "Open data", href: "/open-data" },
];

/**
 * Every table on a page scrolls inside its own labelled, focusable region, so at 320 px the page
 * itself never scrolls sideways (WCAG 1.4.10) and a keyboard user can scroll the table. Applied to
 * every page's body here, so a table written anywhere is covered; `table()` in views.ts already wraps.
 */
export function wrapTables(body: string): string {
  const WRAP = '<div class="minutebook-table-wrap"';
  let out = "";
  let at = 0;
  for (;;) {
    const open = body.indexOf("<table", at);
    if (open < 0) break;
    const close = body.indexOf("</table>", open);
    if (close < 0) break;
    const end = close + "</table>".length;
    const before = body.slice(Math.max(0, open - 200), open);
    const wrapped = before.lastIndexOf(WRAP) >= 0 && !/<\/div>/.test(before.slice(before.lastIndexOf(WRAP)));
    out += body.slice(at, open);
    if (wrapped) out += body.slice(open, end);
    else {
      const caption = /<caption[^>]*>([\s\S]*?)<\/caption>/.exec(body.slice(open, end))?.[1] ?? "";
      const label =
        caption
          .replace(/<[^>]*>/g, " ")
          .replace(/\s+/g, " ")
          .trim() || "Table";
      // The caption's text is already escaped markup: quotes are escaped for the attribute as well.
      out += `${WRAP} role="region" aria-label="${label.replace(/"/g, "&quot;")}" tabindex="0">${body.slice(open, end)}</div>`;
    }
    at = end;
  }
  return out + body.slice(at);
}

export function layout(o: PageOptions): string {
  const nav = NAV.map((n) =>
    n.key === o.current
      ? html`<li class="govuk-service-navigation__item govuk-service-navigation__item--active"><a class="govuk-service-navigation__link" href="${n.href}" aria-current="page"><strong class="govuk-service-navigation__active-fallback">${n.text}</strong></a></li>`
      : html`<li class="govuk-service-navigation__item"><a class="govuk-service-navigation__link" href="${n.href}">${n.text}</a></li>`,
  );
  const crumbs = o.breadcrumbs?.length
    ? html`<nav class="govuk-breadcrumbs" aria-label="Breadcrumb"><ol class="govuk-breadcrumbs__list">${o.breadcrumbs.map(
        (b) =>
          html`<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="${b.href}">${b.text}</a></li>`,
      )}</ol></nav>`
    : null;
  return html`<!DOCTYPE html>
<html lang="en-GB" class="govuk-template">
<head>
<meta charset="utf-8">
<title>${o.title} – Minutebook</title>
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="theme-color" content="#0b0c0c">
<link rel="icon" sizes="48x48" href="/assets/images/favicon.ico">
<link rel="stylesheet" href="/assets/govuk-frontend.min.css">
<link rel="stylesheet" href="/assets/minutebook.css">
${(o.alternates ?? []).map((a) => html`<link rel="alternate" type="${a.type}" href="${a.href}" title="${a.title}">`)}
</head>
<body class="govuk-template__body">
<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
<header class="govuk-generic-header" role="banner">
<div class="govuk-generic-header__container govuk-width-container">
<div class="govuk-generic-header__logo"><a href="/" class="govuk-generic-header__homepage-link">Minutebook <span class="minutebook-strap">council committee records</span></a></div>
</div>
</header>
<section aria-label="Service information" class="govuk-service-navigation" data-module="govuk-service-navigation">
<div class="govuk-width-container"><div class="govuk-service-navigation__container">
<nav aria-label="Menu" class="govuk-service-navigation__wrapper">
<button type="button" class="govuk-service-navigation__toggle govuk-js-service-navigation-toggle" aria-controls="navigation" hidden aria-hidden="true">Menu</button>
<ul class="govuk-service-navigation__list" id="navigation">${nav}</ul>
</nav>
</div></div>
</section>
${o.banner ?? null}
<div class="govuk-width-container">
${crumbs}
<main class="govuk-main-wrapper" id="main-content">
${raw(wrapTables(o.body.value))}
</main>
</div>
<footer class="govuk-footer">
<div class="govuk-width-container">
<div class="govuk-footer__meta">
<div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
<h2 class="govuk-visually-hidden">Support links</h2>
<ul class="govuk-footer__inline-list">
<li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/open-data">Open data and API</a></li>
<li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/accessibility">Accessibility statement</a></li>
<li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/meetings.ics">Meetings calendar (iCalendar)</a></li>
<li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/sign-in">Sign in (councillors and officers)</a></li>
</ul>
<p class="govuk-body-s">Records are extracted automatically from the councils' published papers; each fact links to the page or lines it came from. Exempt information (Local Government Act 1972, Schedule 12A) is never published here.</p>
</div>
</div>
</div>
</footer>
<script type="module" src="/assets/minutebook-init.js"></script>
</body>
</html>
`.value;
}

export { raw };
